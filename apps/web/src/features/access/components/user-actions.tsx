import type { UserView } from '@zhucheng/contracts';
import { App, Button, Flex } from 'antd';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useSessionUser } from '../../../lib/session.ts';
import { useResetPassword, useUpdateUser } from '../api/use-users.ts';
import type { OneTimePassword } from './one-time-password-modal.tsx';

interface UserActionsProps {
  user: UserView;
  onEdit: (user: UserView) => void;
  onAssignRoles: (user: UserView) => void;
  onPassword: (password: OneTimePassword) => void;
}

/** The row's actions, each shown only with its permission; the destructive ones ask first. */
export function UserActions({ user, onEdit, onAssignRoles, onPassword }: UserActionsProps) {
  const can = useCan();
  const me = useSessionUser();
  const { modal, message } = App.useApp();
  const reset = useResetPassword();
  const update = useUpdateUser();
  const name = `${user.displayName}（${user.username}）`;

  const confirmReset = () =>
    modal.confirm({
      title: `重置 ${name} 的密码？`,
      content: '原密码立即失效，账号同时解锁。系统将生成一个临时密码，本人须用它登录并设置新密码。',
      okText: '重置密码',
      okButtonProps: { danger: true },
      onOk: () =>
        reset
          .mutateAsync(user.id)
          .then(({ temporaryPassword }) =>
            onPassword({
              kind: 'temporary',
              username: user.username,
              displayName: user.displayName,
              password: temporaryPassword,
            }),
          )
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          }),
    });

  const disabling = user.status === 'active';
  const confirmStatus = () =>
    modal.confirm({
      title: disabling ? `停用 ${name}？` : `启用 ${name}？`,
      content: disabling
        ? '停用后该账号立即下线，且不能再登录；账号和办理记录都会保留，可随时重新启用。'
        : '启用后本人可用原密码登录。',
      okText: disabling ? '停用' : '启用',
      okButtonProps: { danger: disabling },
      onOk: () =>
        update
          .mutateAsync({ id: user.id, version: user.version, status: disabling ? 'disabled' : 'active' })
          .then(() => {
            message.success(disabling ? '账号已停用' : '账号已启用');
          })
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          }),
    });

  const link = { type: 'link', size: 'small', style: { padding: '0 4px' } } as const;
  return (
    <Flex wrap gap={2} style={{ minWidth: 150 }}>
      {can('user:update') && (
        <Button {...link} onClick={() => onEdit(user)}>
          编辑
        </Button>
      )}
      {can('role:assign') && (
        <Button {...link} onClick={() => onAssignRoles(user)}>
          分配角色
        </Button>
      )}
      {can('user:resetPassword') && (
        <Button {...link} onClick={confirmReset}>
          重置密码
        </Button>
      )}
      {can('user:update') && user.id !== me.id && (
        <Button {...link} danger={disabling} onClick={confirmStatus}>
          {disabling ? '停用' : '启用'}
        </Button>
      )}
    </Flex>
  );
}
