import type { UserView } from '@zhucheng/contracts';
import { Alert, App, Checkbox, Flex, Modal, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PageLoading } from '../../../components/page-loading.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useRoles } from '../api/use-roles.ts';
import { useAssignRoles } from '../api/use-users.ts';
import { dataScopeLabels } from '../labels/data-scope-labels.ts';

/** 分配角色: tick the roles the account holds; staff roles only. */
export function AssignRolesModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const roles = useRoles(user !== null);
  const assign = useAssignRoles();
  const { message } = App.useApp();
  const [checked, setChecked] = useState<string[]>([]);

  useEffect(() => {
    if (user) setChecked(user.roles.map((role) => role.code));
  }, [user]);

  const staffRoles = (roles.data?.items ?? []).filter((role) => role.accountKind === 'staff');

  return (
    <Modal
      open={user !== null}
      title={user ? `分配角色：${user.displayName}（${user.username}）` : '分配角色'}
      okText="保存"
      okButtonProps={{ loading: assign.isPending, disabled: !roles.data }}
      onCancel={onClose}
      onOk={() => {
        if (!user) return;
        assign.mutate(
          { id: user.id, roleCodes: checked },
          {
            onSuccess: () => {
              message.success('角色已保存，本人下次操作时生效');
              onClose();
            },
          },
        );
      }}
      width={640}
      destroyOnHidden
    >
      {assign.isError && (
        <Alert type="error" showIcon title={errorMessage(assign.error)} style={{ marginBottom: 12 }} />
      )}
      {roles.isError && <Alert type="error" showIcon title={errorMessage(roles.error)} />}
      {roles.isPending && <PageLoading label="正在读取角色…" />}
      {roles.data && (
        <Checkbox.Group
          value={checked}
          onChange={(values) => setChecked(values as string[])}
          style={{
            display: 'flex',
            flexDirection: 'column',
            flexWrap: 'nowrap',
            gap: 4,
            maxHeight: '60vh',
            overflowY: 'auto',
          }}
        >
          {staffRoles.map((role) => (
            <Checkbox key={role.code} value={role.code} style={{ padding: '6px 0' }}>
              <Flex vertical gap={2}>
                <Flex wrap gap={6} align="center">
                  <Typography.Text strong>{role.name}</Typography.Text>
                  <Tag style={{ margin: 0 }}>{dataScopeLabels[role.dataScope]}</Tag>
                </Flex>
                {role.description && <Typography.Text type="secondary">{role.description}</Typography.Text>}
              </Flex>
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </Modal>
  );
}
