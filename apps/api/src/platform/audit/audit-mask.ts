import { maskIdNumber, maskPhone } from '../crypto/personal-data.ts';

// Personal data never reaches the audit log in clear: before/after/detail are masked before the insert,
// because the log is append-only and kept for years, so a clear value written once could never be
// removed again. Masked values still let an auditor see *that* a field changed and roughly to what.

/** Field names (compared lower-case, without `_` and `-`) whose values are always masked. */
const defaultPersonalFields = [
  'idNumber',
  'idCard',
  'idCardNo',
  'idCardNumber',
  'identityNumber',
  'passportNumber',
  'phone',
  'phoneNumber',
  'mobile',
  'mobilePhone',
  'telephone',
  'tel',
  'contactPhone',
  'address',
  'homeAddress',
  'email',
  'bankAccount',
  'bankCardNumber',
  // Credentials are not personal data, but they must never be stored at all.
  'password',
  'passwordHash',
  'totpSecret',
  'secret',
  'token',
];

/** Any field ending in one of these is masked too: `applicantPhone`, `emergencyContactMobile`, `idNumber`. */
const personalSuffixes = ['phone', 'mobile', 'idnumber', 'idcardnumber', 'address', 'password'];
/** …except technical ones. */
const notPersonal = new Set(['ipaddress', 'macaddress']);

const normalise = (name: string): string => name.toLowerCase().replace(/[_-]/g, '');

const defaultSet = new Set(defaultPersonalFields.map(normalise));

export function isPersonalField(name: string, extra: ReadonlySet<string> = new Set()): boolean {
  const key = normalise(name);
  if (notPersonal.has(key)) return false;
  if (defaultSet.has(key) || extra.has(key)) return true;
  return personalSuffixes.some((suffix) => key.endsWith(suffix));
}

const idNumberPattern = /^(\d{17}[\dXx]|\d{15})$/;
const mobilePattern = /^(\+?86)?1\d{10}$/;

/** Masks one personal value by its shape; empty values stay empty so "was cleared" remains visible. */
export function maskPersonalValue(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (Array.isArray(value)) return value.map(maskPersonalValue);
  const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
  if (typeof text === 'string') {
    const compact = text.replace(/[\s-]/g, '');
    if (idNumberPattern.test(compact)) return maskIdNumber(compact);
    if (mobilePattern.test(compact)) return maskPhone(compact.replace(/^\+?86/, ''));
  }
  return '***';
}

/**
 * A copy of `value` with every personal field masked, at any depth (arrays and nested objects included).
 * `extraFields` names further personal fields for one entry (e.g. `name` of a minor).
 */
export function maskPersonalFields(value: unknown, extraFields: readonly string[] = []): unknown {
  const extra = new Set(extraFields.map(normalise));
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node instanceof Date) return node.toISOString();
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        out[key] = isPersonalField(key, extra) ? maskPersonalValue(child) : walk(child);
      }
      return out;
    }
    return node;
  };
  return walk(value);
}
