import crypto from 'node:crypto';
import type { Keyring } from '../crypto/keyring.ts';

/**
 * The HMAC-SM3 key that signs retention checkpoints, derived from the keyring's blind-index key: that
 * key lives as long as the data (data-key versions rotate, and a checkpoint must still verify after a
 * rotation), and HKDF under its own label keeps the two uses apart.
 */
export function auditSigningKeyFrom(keyring: Pick<Keyring, 'indexKey'>): Buffer {
  return Buffer.from(
    crypto.hkdfSync(
      'sm3',
      keyring.indexKey,
      Buffer.from('zhucheng-justice-platform/audit-checkpoint/1'),
      'audit-checkpoint/hmac-sm3',
      32,
    ),
  );
}
