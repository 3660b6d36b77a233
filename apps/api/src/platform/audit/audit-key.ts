import crypto from 'node:crypto';
import type { Keyring } from '../crypto/keyring.ts';

/**
 * The HMAC-SM3 key that signs retention checkpoints, derived from the keyring's blind-index key: that
 * key lives as long as the data (data-key versions rotate, and a checkpoint must still verify after a
 * rotation), and the label keeps this use apart from the index itself.
 */
export function auditSigningKeyFrom(keyring: Pick<Keyring, 'indexKey'>): Buffer {
  return crypto.createHmac('sm3', keyring.indexKey).update('zhucheng/audit-checkpoint').digest();
}
