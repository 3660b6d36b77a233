import type { SignOutReason } from '../../lib/session.ts';

export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/change-password';

/** Only a path inside the console, never another site or the sign-in pages themselves. */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//')) return '/';
  if (value.startsWith(LOGIN_PATH) || value.startsWith(CHANGE_PASSWORD_PATH)) return '/';
  return value;
}

function withFrom(path: string, from: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (from !== '/') params.set('from', from);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The login page, remembering where to go afterwards and why the user is there. */
export function loginPath(from: string, reason: SignOutReason): string {
  if (reason === 'loggedOut') return LOGIN_PATH;
  return withFrom(LOGIN_PATH, from, reason === 'expired' ? { reason: 'expired' } : {});
}

export function changePasswordPath(from: string): string {
  return withFrom(CHANGE_PASSWORD_PATH, from);
}
