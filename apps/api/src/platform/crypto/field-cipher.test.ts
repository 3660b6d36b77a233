import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, FieldCipherError } from './field-cipher.ts';
import { createKeyring, generateSecret, type SecretEntry } from './keyring.ts';

const v1: SecretEntry = { id: 'v1', secret: generateSecret() };
const v2: SecretEntry = { id: 'v2', secret: generateSecret() };
const indexSecret = generateSecret();
const keyringV1 = createKeyring({ versions: [v1], indexSecret });
const keyringV2 = createKeyring({ versions: [v2, v1], indexSecret });

function expectProblem(fn: () => unknown, reason: FieldCipherError['reason']): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FieldCipherError);
    expect((err as FieldCipherError).reason).toBe(reason);
    expect((err as Error).message).toMatch(/[\u4e00-\u9fa5]/);
    return;
  }
  throw new Error(`expected a ${reason} error`);
}

describe('field cipher (SM4-CBC + HMAC-SM3)', () => {
  it('runs on the SM4 and SM3 of the installed OpenSSL', () => {
    expect(crypto.getCiphers()).toContain('sm4-cbc');
    expect(crypto.getHashes()).toContain('sm3');
  });

  it.each([
    ['450502198503121234'],
    ['13812345678'],
    ['广西壮族自治区北海市海城区长青路12号3栋501'],
    [''],
    ['x'.repeat(5000)],
  ])('round-trips %j', (plain) => {
    const cipher = createFieldCipher(keyringV1);
    const stored = cipher.encrypt(plain);
    expect(stored).toMatch(/^v1\.[\w-]{22}\.[\w-]+\.[\w-]{43}$/);
    expect(stored).not.toContain(plain || '\u0000');
    expect(cipher.decrypt(stored)).toBe(plain);
  });

  it('really is SM4-CBC under the derived key: an independent decipher reads the ciphertext', () => {
    const stored = createFieldCipher(keyringV1).encrypt('450502198503121234');
    const [, iv, ciphertext] = stored.split('.') as [string, string, string, string];
    const decipher = crypto.createDecipheriv(
      'sm4-cbc',
      keyringV1.current.encryptionKey,
      Buffer.from(iv, 'base64url'),
    );
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    expect(plain.toString('utf8')).toBe('450502198503121234');
  });

  it('uses a fresh IV each time, so equal values do not look equal', () => {
    const cipher = createFieldCipher(keyringV1);
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
  });

  it('detects any changed character before decrypting', () => {
    const cipher = createFieldCipher(keyringV1);
    const stored = cipher.encrypt('450502198503121234');
    const parts = stored.split('.');
    for (const part of [1, 2, 3]) {
      const changed = [...parts];
      const text = changed[part] as string;
      changed[part] = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
      expectProblem(() => cipher.decrypt(changed.join('.')), 'tampered');
    }
  });

  it('detects a value moved to another version label', () => {
    const stored = createFieldCipher(keyringV1).encrypt('13812345678');
    expectProblem(() => createFieldCipher(keyringV2).decrypt(`v2${stored.slice(2)}`), 'tampered');
  });

  it('refuses values encrypted with keys it does not have', () => {
    const other = createKeyring({ versions: [{ id: 'v1', secret: generateSecret() }], indexSecret });
    const stored = createFieldCipher(other).encrypt('13812345678');
    expectProblem(() => createFieldCipher(keyringV1).decrypt(stored), 'tampered');
    const newer = createFieldCipher(keyringV2).encrypt('13812345678');
    expectProblem(() => createFieldCipher(keyringV1).decrypt(newer), 'unknownVersion');
  });

  it.each([
    ['13812345678'],
    ['v1.abc'],
    ['v1...'],
    ['v0.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
  ])('refuses the malformed value %j', (stored) => {
    expectProblem(() => createFieldCipher(keyringV1).decrypt(stored), 'malformed');
  });

  it('decrypts older versions after rotation and says which values need re-encryption', () => {
    const old = createFieldCipher(keyringV1).encrypt('450502198503121234');
    const cipher = createFieldCipher(keyringV2);
    const fresh = cipher.encrypt('450502198503121234');
    expect(fresh.startsWith('v2.')).toBe(true);
    expect(cipher.decrypt(old)).toBe('450502198503121234');
    expect(cipher.needsReencryption(old)).toBe(true);
    expect(cipher.needsReencryption(fresh)).toBe(false);
  });

  describe('blind index', () => {
    const cipher = createFieldCipher(keyringV1);

    it('is deterministic, keyed and the same across encryption-key versions', () => {
      const index = cipher.blindIndex('450502198503121234', 'idNumber');
      expect(index).toMatch(/^[\w-]{43}$/);
      expect(createFieldCipher(keyringV2).blindIndex('450502198503121234', 'idNumber')).toBe(index);
      const otherIndexKey = createKeyring({ versions: [v1], indexSecret: generateSecret() });
      expect(createFieldCipher(otherIndexKey).blindIndex('450502198503121234', 'idNumber')).not.toBe(index);
      const unkeyed = crypto.createHash('sm3').update('450502198503121234').digest('base64url');
      expect(index).not.toBe(unkeyed);
    });

    it.each([
      ['idNumber', '11010519491231002X', ' 11010519491231002x '],
      ['idNumber', '11010519491231002X', '１１０１０５１９４９１２３１００２Ｘ'],
      ['phone', '13812345678', '+86 138-1234-5678'],
      ['phone', '13812345678', '0086 138 1234 5678'],
      ['phone', '13812345678', '8613812345678'],
      ['name', '张三', ' 张三 '],
    ])('normalises %s: %j and %j share an index', (purpose, a, b) => {
      expect(cipher.blindIndex(b, purpose)).toBe(cipher.blindIndex(a, purpose));
    });

    it('differs between purposes and values', () => {
      expect(cipher.blindIndex('13812345678', 'phone')).not.toBe(cipher.blindIndex('13812345678', 'other'));
      expect(cipher.blindIndex('13812345678', 'phone')).not.toBe(cipher.blindIndex('13812345679', 'phone'));
    });
  });
});
