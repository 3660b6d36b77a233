import type { SessionResponse } from '@zhucheng/contracts';
import { Button, Result } from 'antd';
import { useSignOut } from '../../lib/session.ts';
import { AuthLayout } from '../layouts/auth-layout.tsx';

/** The portal and the console share the sign-in cookie: a citizen who opens the console is told where to go. */
export function CitizenInConsole({ session }: { session: SessionResponse }) {
  const signOut = useSignOut();
  return (
    <AuthLayout>
      <Result
        status="info"
        title="当前登录的是群众账号"
        subTitle={`您已用手机号 ${session.user.displayName} 登录群众门户。工作台仅供司法行政工作人员使用，请退出后用工作人员账号登录。`}
        extra={[
          <Button key="portal" type="primary" href="/portal/">
            前往群众门户
          </Button>,
          <Button key="logout" loading={signOut.isPending} onClick={() => signOut.mutate()}>
            退出登录
          </Button>,
        ]}
      />
    </AuthLayout>
  );
}
