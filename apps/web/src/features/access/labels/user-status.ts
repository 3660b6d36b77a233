import type { UserView } from '@zhucheng/contracts';

export interface StatusLook {
  text: string;
  color: 'green' | 'default' | 'red';
}

/** 在用 green, 已停用 grey, 已锁定 red (too many failed logins; an administrator's reset unlocks it). */
export function userStatusLook(user: Pick<UserView, 'status' | 'locked'>): StatusLook {
  if (user.status === 'disabled') return { text: '已停用', color: 'default' };
  if (user.locked) return { text: '已锁定', color: 'red' };
  return { text: '在用', color: 'green' };
}

export const userStatusOptions = [
  { value: 'active', label: '在用' },
  { value: 'disabled', label: '已停用' },
] as const;
