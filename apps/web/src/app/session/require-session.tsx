import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadError } from '../../components/load-error.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { AccessProvider } from '../../lib/access.tsx';
import { ACCOUNT_PATH, accountPath } from '../../lib/account-paths.ts';
import { useSessionState } from '../../lib/session.ts';
import { AuthLayout } from '../layouts/auth-layout.tsx';
import { CitizenInConsole } from './citizen-in-console.tsx';
import { changePasswordPath, loginPath } from './login-path.ts';

const noPermissions: string[] = [];

/**
 * The console's gate: only a signed-in staff member gets past, with the menu and pages their permission
 * codes allow. A new or reset password must be changed first; when the security policy requires
 * two-factor sign-in and it is not set up, only 个人中心 opens.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, error, isFetching, refetch } = useSessionState();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  if (!data) {
    return (
      <AuthLayout>
        {error ? (
          <LoadError error={error} retrying={isFetching} onRetry={() => refetch()} title="无法连接平台" />
        ) : (
          <PageLoading label="正在进入平台…" />
        )}
      </AuthLayout>
    );
  }
  if (data.status === 'signedOut') return <Navigate replace to={loginPath(here, data.reason)} />;

  const { session } = data;
  if (session.user.kind !== 'staff') return <CitizenInConsole session={session} />;
  if (session.mustChangePassword) return <Navigate replace to={changePasswordPath(here)} />;
  if (session.mustSetUpTotp && location.pathname !== ACCOUNT_PATH) {
    return <Navigate replace to={accountPath('totp')} />;
  }
  const granted = session.mustSetUpTotp ? noPermissions : session.user.permissions;
  return <AccessProvider granted={granted}>{children}</AccessProvider>;
}
