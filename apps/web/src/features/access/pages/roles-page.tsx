import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useRoles } from '../api/use-roles.ts';
import { RoleEditorDrawer, type RoleEditorTarget } from '../components/role-editor-drawer.tsx';
import { RolesTable } from '../components/roles-table.tsx';
import { catalogueOrDefault } from '../labels/permission-labels.ts';

export default function RolesPage() {
  const can = useCan();
  const roles = useRoles();
  const [target, setTarget] = useState<RoleEditorTarget>(null);
  const canManage = can('role:manage');

  return (
    <>
      <PageHeader
        title="角色管理"
        description="角色决定账号能使用哪些功能、能看到哪些机构的数据"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              新建角色
            </Button>
          )
        }
      />
      <Card>
        {roles.data ? (
          <RolesTable roles={roles.data.items} loading={false} canManage={canManage} onOpen={setTarget} />
        ) : roles.isError ? (
          <LoadError error={roles.error} retrying={roles.isFetching} onRetry={() => roles.refetch()} />
        ) : (
          <PageLoading />
        )}
      </Card>
      <RoleEditorDrawer
        target={target}
        catalogue={catalogueOrDefault(roles.data?.permissionCatalogue)}
        canManage={canManage}
        onClose={() => setTarget(null)}
      />
    </>
  );
}
