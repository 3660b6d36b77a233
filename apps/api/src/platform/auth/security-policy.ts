import type { Executor } from '../db/database.ts';
import { readSetting, writeSetting } from '../settings/settings.repo.ts';

export interface SecurityPolicy {
  /** Administrators (the three duty roles) must sign in with a TOTP code. Off until the security administrator turns it on. */
  totpRequiredForAdmins: boolean;
}

const key = 'security.policy';
const defaults: SecurityPolicy = { totpRequiredForAdmins: false };

export async function readSecurityPolicy(db: Executor): Promise<SecurityPolicy> {
  return { ...defaults, ...(await readSetting<Partial<SecurityPolicy>>(db, key)) };
}

export async function writeSecurityPolicy(db: Executor, policy: SecurityPolicy, at: Date): Promise<void> {
  await writeSetting(db, key, policy, at);
}
