import { Alert, App, Button, Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ChangePasswordForm } from '../../components/change-password-form.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { useRefreshSession, useSessionState, useSignOut } from '../../lib/session.ts';
import { AuthLayout } from '../layouts/auth-layout.tsx';
import { loginPath, safeReturnPath } from '../session/login-path.ts';

/** After the first login or an administrator's reset: nothing else opens until the password is changed. */
export function ChangePasswordPage() {
  const [params] = useSearchParams();
  const from = safeReturnPath(params.get('from'));
  const { data } = useSessionState();
  const refreshSession = useRefreshSession();
  const signOut = useSignOut();
  const identity = usePlatformIdentity();
  const { message } = App.useApp();

  useEffect(() => {
    document.title = `修改初始密码 - ${identity.platformName}`;
  }, [identity.platformName]);

  if (!data) return <PageLoading />;
  if (data.status === 'signedOut') return <Navigate replace to={loginPath(from, data.reason)} />;
  if (!data.session.mustChangePassword) return <Navigate replace to={from} />;
  const { user } = data.session;

  return (
    <AuthLayout>
      <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
        修改初始密码
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {user.displayName}（{user.username}）{user.unitName ? ` · ${user.unitName}` : ''}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        title="为保障账号安全，首次登录或密码被重置后，须设置新密码才能继续使用平台。"
        style={{ marginBottom: 20 }}
      />
      <ChangePasswordForm
        currentLabel="初始密码"
        submitText="修改密码并进入平台"
        onChanged={() => {
          message.success('密码已修改，请牢记新密码');
          void refreshSession();
        }}
      />
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Button
          type="link"
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
          style={{ padding: 0 }}
        >
          退出登录
        </Button>
      </Flex>
    </AuthLayout>
  );
}
