import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { base32Decode, base32Encode, totpCode, verifyTotp } from './totp.ts';

describe('password policy', () => {
  it.each([
    ['Abc12345', 'clerk', null],
    ['abc12345', 'clerk', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['Ab1!', 'clerk', '密码至少 8 位'],
    ['abcd1234!', 'clerk', null],
    ['Xclerk2024', 'clerk', '密码不能包含用户名'],
    ['XCLERK2024!', 'Clerk', '密码不能包含用户名'],
    ['北海市司法局2026a', 'clerk', null],
  ])('%s for %s → %s', (password, username, problem) => {
    expect(passwordProblem(password, username)).toBe(problem);
  });

  it('generated passwords meet the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordProblem(generatePassword(), 'admin')).toBeNull();
  });
});

describe('password hashing', () => {
  it('verifies the right password only, with a salt per hash', async () => {
    const a = await hashPassword('Beihai#2026');
    const b = await hashPassword('Beihai#2026');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Beihai#2026', a)).toBe(true);
    expect(await verifyPassword('beihai#2026', a)).toBe(false);
    expect(await verifyPassword('Beihai#2026', 'garbage')).toBe(false);
  });
});

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", 8 digits truncated to our 6.
  const rfcSecret = base32Encode(Buffer.from('12345678901234567890'));

  it.each([
    ['1970-01-01T00:00:59Z', '287082'],
    ['2005-03-18T01:58:29Z', '081804'],
    ['2009-02-13T23:31:30Z', '005924'],
    ['2033-05-18T03:33:20Z', '279037'],
  ])('at %s the code is %s', (at, code) => {
    expect(totpCode(rfcSecret, new Date(at))).toBe(code);
  });

  it('accepts one step of drift and nothing more', () => {
    const now = new Date('2026-11-27T08:00:10Z');
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, new Date(now.getTime() - 90_000)), now)).toBe(false);
    expect(verifyTotp(rfcSecret, 'abcdef', now)).toBe(false);
  });

  it('base32 round-trips', () => {
    const bytes = Buffer.from('zhucheng justice platform');
    expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
  });
});
