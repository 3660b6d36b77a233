import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { useSessionState } from '../../lib/session.ts';
import { AuthLayout } from '../layouts/auth-layout.tsx';
import { LoginForm } from '../session/login-form.tsx';
import { safeReturnPath } from '../session/login-path.ts';

const expiredNotice = { type: 'warning', title: '登录已超时，请重新登录' } as const;

export function LoginPage() {
  const [params] = useSearchParams();
  const from = safeReturnPath(params.get('from'));
  // Read once: a later failed attempt replaces the notice, and it should not come back.
  const [initialNotice] = useState(() => (params.get('reason') === 'expired' ? expiredNotice : undefined));
  const { data } = useSessionState();
  const identity = usePlatformIdentity();

  useEffect(() => {
    document.title = `登录 - ${identity.platformName}`;
  }, [identity.platformName]);

  // Signed in (just now, or already): on to the page the user wanted; the gate takes over from there.
  if (data?.status === 'signedIn') return <Navigate replace to={from} />;
  return (
    <AuthLayout>
      <LoginForm initialNotice={initialNotice} />
    </AuthLayout>
  );
}
