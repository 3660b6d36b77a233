// Where the console's 个人中心 lives: the account feature serves it, the header's user menu and the
// session gate (forced two-factor set-up) link to it.
export const ACCOUNT_PATH = '/account';

export type AccountTab = 'profile' | 'password' | 'totp';

export function accountPath(tab: AccountTab = 'profile'): string {
  return tab === 'profile' ? ACCOUNT_PATH : `${ACCOUNT_PATH}?tab=${tab}`;
}
