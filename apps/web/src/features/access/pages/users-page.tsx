import { PlusOutlined } from '@ant-design/icons';
import type { PermissionCode, UserView } from '@zhucheng/contracts';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useUsers } from '../api/use-users.ts';
import { AssignRolesModal } from '../components/assign-roles-modal.tsx';
import { type OneTimePassword, OneTimePasswordModal } from '../components/one-time-password-modal.tsx';
import { UserActions } from '../components/user-actions.tsx';
import { UserFilters, type UserFilterValues } from '../components/user-filters.tsx';
import { UserFormDrawer, type UserFormTarget } from '../components/user-form-drawer.tsx';
import { UsersTable } from '../components/users-table.tsx';

const actionPermissions: PermissionCode[] = ['user:update', 'user:resetPassword', 'role:assign'];

export default function UsersPage() {
  const can = useCan();
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [formTarget, setFormTarget] = useState<UserFormTarget>(null);
  const [rolesFor, setRolesFor] = useState<UserView | null>(null);
  const [password, setPassword] = useState<OneTimePassword | null>(null);
  const users = useUsers({ ...filters, ...page });

  const filtered = Boolean(filters.keyword || filters.unitId || filters.status);
  const emptyText = filtered
    ? '没有符合条件的账号，请调整筛选条件'
    : can('user:create')
      ? '暂无账号，点击“新建账号”为本单位工作人员开通账号'
      : '暂无账号';
  const showActions = actionPermissions.some((code) => can(code));

  return (
    <>
      <PageHeader
        title="账号管理"
        description="工作人员的登录账号：新建、修改、停用、重置密码和分配角色"
        extra={
          can('user:create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget('new')}>
              新建账号
            </Button>
          )
        }
      />
      <Card>
        <UserFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPage((current) => ({ ...current, page: 1 }));
          }}
        />
        {users.isError && !users.data ? (
          <LoadError error={users.error} retrying={users.isFetching} onRetry={() => users.refetch()} />
        ) : (
          <UsersTable
            users={users.data?.items ?? []}
            total={users.data?.total ?? 0}
            page={page.page}
            pageSize={page.pageSize}
            loading={users.isPending || (users.isFetching && users.isPlaceholderData)}
            emptyText={emptyText}
            onPageChange={(nextPage, pageSize) => setPage({ page: nextPage, pageSize })}
            showActions={showActions}
            renderActions={(user) => (
              <UserActions
                user={user}
                onEdit={setFormTarget}
                onAssignRoles={setRolesFor}
                onPassword={setPassword}
              />
            )}
          />
        )}
      </Card>
      <UserFormDrawer target={formTarget} onClose={() => setFormTarget(null)} onCreated={setPassword} />
      <AssignRolesModal user={rolesFor} onClose={() => setRolesFor(null)} />
      <OneTimePasswordModal value={password} onClose={() => setPassword(null)} />
    </>
  );
}
