import { z } from 'zod';

// Persons and organisations (当事人): natural persons found again by their ID number, organisations by
// their unified social credit code, and the parties of a case who point at them. The check-digit rules are
// pure functions here so the api validates and the web checks as the user types with the same code.

// ---- resident ID number (GB 11643-1999) ------------------------------------------------------------------

/** Full-width to half-width (NFKC), no spaces, check character X upper-case. */
export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

// Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao), plus 83 used by residence
// permits of Taiwan residents. Only the province is checked: people keep the codes of counties that have
// since been merged or renamed, so a current county list would reject valid numbers.
const provinceCodes = new Set(
  (
    '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 ' +
    '71 81 82 83'
  ).split(' '),
);

const checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (checkWeights[i] ?? 0);
  return checkChars[sum % 11] ?? '';
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replace(/-/g, '');
}

export interface IdNumberOptions {
  /** `YYYY-MM-DD`; birth dates after it are rejected. Defaults to today in China. */
  today?: string;
}

/** Why `value` is not a valid 18-digit resident ID number, in Chinese; null when it is valid. */
export function idNumberProblem(value: string, options: IdNumberOptions = {}): string | null {
  const id = normalizeIdNumber(value);
  if (id === '') return '请填写身份证号码';
  if (/^\d{15}$/.test(id)) return '请填写 18 位身份证号码（15 位旧号码已停止使用）';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位：前 17 位是数字，最后一位是数字或 X';
  if (!provinceCodes.has(id.slice(0, 2))) return '身份证号码前 6 位不是有效的行政区划代码';
  const birth = id.slice(6, 14);
  const today = options.today?.replace(/-/g, '') ?? todayInChina();
  if (!isRealDate(birth) || birth < '18000101' || birth > today) {
    return '身份证号码中的出生日期（第 7 至 14 位）不正确';
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号码校验位不正确';
  return null;
}

export function isValidIdNumber(value: string, options?: IdNumberOptions): boolean {
  return idNumberProblem(value, options) === null;
}

/** Birth date (`YYYY-MM-DD`) of a valid ID number. */
export function birthDateOfIdNumber(value: string): string {
  const id = normalizeIdNumber(value);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** 'male' for an odd 17th digit, 'female' for an even one (GB 11643 sequence code). */
export function genderOfIdNumber(value: string): 'male' | 'female' {
  return Number(normalizeIdNumber(value)[16]) % 2 === 1 ? 'male' : 'female';
}

/** Full years between a birth date and a day (both `YYYY-MM-DD`); a 29 February birthday counts on 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

// ---- unified social credit code (GB 32100-2015) ----------------------------------------------------------

/** The 31 characters of the code: digits and upper-case letters without I, O, S, V and Z. */
export const creditCodeCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Full-width to half-width, no spaces, upper-case. */
export function normalizeCreditCode(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character (18th) for the first 17 characters; '' when one of them is outside the charset. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = creditCodeCharset.indexOf(first17[i] ?? '');
    if (value < 0) return '';
    sum += value * (creditCodeWeights[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return creditCodeCharset[check === 31 ? 0 : check] ?? '';
}

/** Why `value` is not a valid unified social credit code, in Chinese; null when it is valid. */
export function creditCodeProblem(value: string): string | null {
  const code = normalizeCreditCode(value);
  if (code === '') return '请填写统一社会信用代码';
  if (code.length !== 18) return `统一社会信用代码应为 18 位（现为 ${code.length} 位）`;
  const bad = [...code].find((c) => !creditCodeCharset.includes(c));
  if (bad) return `统一社会信用代码不能含有“${bad}”：只用数字和除 I、O、S、V、Z 以外的大写字母`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第 3 至 8 位应为行政区划代码（6 位数字）';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位不正确';
  return null;
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}

// ---- code lists --------------------------------------------------------------------------------------

/** Kinds of identity document; only the resident ID card has a check digit we can verify. */
export const idTypes = [
  'residentIdCard',
  'hkMacaoPermit',
  'taiwanPermit',
  'passport',
  'foreignPermanentResident',
  'other',
] as const;
export type IdType = (typeof idTypes)[number];

export const idTypeLabels: Record<IdType, string> = {
  residentIdCard: '居民身份证',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  passport: '护照',
  foreignPermanentResident: '外国人永久居留身份证',
  other: '其他',
};

/** Why a document number of the given type is not acceptable, in Chinese; null when it is. */
export function documentNumberProblem(
  idType: IdType,
  value: string,
  options?: IdNumberOptions,
): string | null {
  if (idType === 'residentIdCard') return idNumberProblem(value, options);
  const number = normalizeIdNumber(value);
  if (number === '') return '请填写证件号码';
  if (number.length > 40) return '证件号码不能超过 40 个字符';
  if (!/^[0-9A-Z()-]+$/.test(number)) return '证件号码只能包含数字、字母、括号和连字符';
  return null;
}

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = { male: '男', female: '女' };

/** The 56 ethnic groups of GB/T 3304-1991, by their two-digit code. */
export const ethnicities = [
  ['01', '汉族'],
  ['02', '蒙古族'],
  ['03', '回族'],
  ['04', '藏族'],
  ['05', '维吾尔族'],
  ['06', '苗族'],
  ['07', '彝族'],
  ['08', '壮族'],
  ['09', '布依族'],
  ['10', '朝鲜族'],
  ['11', '满族'],
  ['12', '侗族'],
  ['13', '瑶族'],
  ['14', '白族'],
  ['15', '土家族'],
  ['16', '哈尼族'],
  ['17', '哈萨克族'],
  ['18', '傣族'],
  ['19', '黎族'],
  ['20', '傈僳族'],
  ['21', '佤族'],
  ['22', '畲族'],
  ['23', '高山族'],
  ['24', '拉祜族'],
  ['25', '水族'],
  ['26', '东乡族'],
  ['27', '纳西族'],
  ['28', '景颇族'],
  ['29', '柯尔克孜族'],
  ['30', '土族'],
  ['31', '达斡尔族'],
  ['32', '仫佬族'],
  ['33', '羌族'],
  ['34', '布朗族'],
  ['35', '撒拉族'],
  ['36', '毛南族'],
  ['37', '仡佬族'],
  ['38', '锡伯族'],
  ['39', '阿昌族'],
  ['40', '普米族'],
  ['41', '塔吉克族'],
  ['42', '怒族'],
  ['43', '乌孜别克族'],
  ['44', '俄罗斯族'],
  ['45', '鄂温克族'],
  ['46', '德昂族'],
  ['47', '保安族'],
  ['48', '裕固族'],
  ['49', '京族'],
  ['50', '塔塔尔族'],
  ['51', '独龙族'],
  ['52', '鄂伦春族'],
  ['53', '赫哲族'],
  ['54', '门巴族'],
  ['55', '珞巴族'],
  ['56', '基诺族'],
] as const satisfies readonly (readonly [string, string])[];
export type EthnicityCode = (typeof ethnicities)[number][0];
export const ethnicityCodes = ethnicities.map(([code]) => code) as [EthnicityCode, ...EthnicityCode[]];
export const ethnicityLabels = Object.fromEntries(ethnicities) as Record<EthnicityCode, string>;

/**
 * Groups the law gives particular attention (legal aid without a means test, priority handling). `minor`
 * and `elderly` also follow from the birth date (see derivedPersonTags); the others are entered.
 */
export const personTags = [
  'migrantWorker',
  'gigWorker',
  'minor',
  'elderly',
  'disabled',
  'military',
  'veteran',
] as const;
export type PersonTag = (typeof personTags)[number];
export const personTagLabels: Record<PersonTag, string> = {
  migrantWorker: '农民工',
  gigWorker: '新就业形态劳动者',
  minor: '未成年人',
  elderly: '老年人',
  disabled: '残疾人',
  military: '军人军属',
  veteran: '退役军人',
};

/** 未成年人: under 18 (民法典 第十七条). */
export const MINOR_BELOW_AGE = 18;
/** 老年人: 60 and over (老年人权益保障法 第二条). */
export const ELDERLY_FROM_AGE = 60;

/** The tags a birth date implies on a given day (`YYYY-MM-DD`). */
export function derivedPersonTags(birthDate: string | null, day: string): PersonTag[] {
  if (!birthDate) return [];
  const age = ageOn(birthDate, day);
  if (age < MINOR_BELOW_AGE) return ['minor'];
  if (age >= ELDERLY_FROM_AGE) return ['elderly'];
  return [];
}

export const organisationKinds = [
  'enterprise',
  'agency',
  'institution',
  'socialOrganisation',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const organisationKindLabels: Record<OrganisationKind, string> = {
  enterprise: '企业',
  agency: '机关',
  institution: '事业单位',
  socialOrganisation: '社会组织',
  other: '其他组织',
};

/** What a party is in a case. */
export const partyRoles = [
  'applicant',
  'respondent',
  'thirdParty',
  'party',
  'agent',
  'guardian',
  'victim',
] as const;
export type PartyRole = (typeof partyRoles)[number];
export const partyRoleLabels: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  thirdParty: '第三人',
  party: '当事人',
  agent: '代理人',
  guardian: '监护人',
  victim: '受害人',
};

export const partyKinds = ['person', 'organisation'] as const;
export type PartyKind = (typeof partyKinds)[number];

// ---- request schemas -----------------------------------------------------------------------------------

const NAME_MAX = 60;
const ADDRESS_MAX = 200;

const nameSchema = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(NAME_MAX, `${label}不能超过 ${NAME_MAX} 个字`);

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullable().optional();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD 格式')
  .nullable()
  .optional();

/** Type and number of an identity document; the number is checked against the type. */
export const personDocumentSchema = z
  .object({
    idType: z.enum(idTypes, { error: '请选择证件类型' }),
    idNumber: z.string({ error: '请填写证件号码' }).overwrite(normalizeIdNumber),
  })
  .check((ctx) => {
    const problem = documentNumberProblem(ctx.value.idType, ctx.value.idNumber);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, path: ['idNumber'] });
  });

const personFields = {
  name: nameSchema('姓名'),
  idType: z.enum(idTypes, { error: '请选择证件类型' }).nullable().optional(),
  idNumber: z.string().overwrite(normalizeIdNumber).nullable().optional(),
  /** Any phone the person gives (mobile or landline); normalised by the api. */
  phone: optionalText('联系电话', 30),
  address: optionalText('住址', ADDRESS_MAX),
  gender: z.enum(genders, { error: '性别应为男或女' }).nullable().optional(),
  birthDate: isoDate,
  ethnicity: z.enum(ethnicityCodes, { error: '请选择民族' }).nullable().optional(),
  tags: z
    .array(z.enum(personTags, { error: '人员类别不正确' }))
    .max(personTags.length)
    .optional(),
};

/** The document number must suit its type (the api checks the pair again, and the dates against today). */
function checkDocument(
  value: { idType?: IdType | null | undefined; idNumber?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  const { idType, idNumber } = value;
  if (idType && idNumber) {
    const problem = documentNumberProblem(idType, idNumber);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: idNumber, path: ['idNumber'] });
  }
}

/** What staff type for a person. Gender and birth date are taken from a resident ID number when given. */
export const personInputSchema = z.object(personFields).superRefine(checkDocument);
export type PersonInput = z.input<typeof personInputSchema>;

/** A change: only the fields sent change; null clears one. */
export const personUpdateSchema = z
  .object({ ...personFields, version: z.number({ error: '缺少版本号，请刷新后重试' }).int() })
  .partial()
  .required({ version: true })
  .superRefine(checkDocument);
export type PersonUpdate = z.input<typeof personUpdateSchema>;

const organisationFields = {
  name: nameSchema('单位名称').max(100, '单位名称不能超过 100 个字'),
  creditCode: z.string().overwrite(normalizeCreditCode).nullable().optional(),
  kind: z.enum(organisationKinds, { error: '请选择单位类型' }),
  legalRepresentative: optionalText('法定代表人（负责人）', NAME_MAX),
  address: optionalText('地址', ADDRESS_MAX),
  phone: optionalText('联系电话', 30),
};

function checkCreditCode(value: { creditCode?: string | null | undefined }, ctx: z.RefinementCtx): void {
  const code = value.creditCode;
  if (code) {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: code, path: ['creditCode'] });
  }
}

export const organisationInputSchema = z
  .object({ ...organisationFields, kind: organisationFields.kind.default('enterprise') })
  .superRefine(checkCreditCode);
export type OrganisationInput = z.input<typeof organisationInputSchema>;

export const organisationUpdateSchema = z
  .object({ ...organisationFields, version: z.number({ error: '缺少版本号，请刷新后重试' }).int() })
  .partial()
  .required({ version: true })
  .superRefine(checkCreditCode);
export type OrganisationUpdate = z.input<typeof organisationUpdateSchema>;

export const creditCodeLookupSchema = z.object({
  creditCode: z
    .string({ error: '请填写统一社会信用代码' })
    .overwrite(normalizeCreditCode)
    .check((ctx) => {
      const problem = creditCodeProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
});

export const casePartyInputSchema = z
  .object({
    role: z.enum(partyRoles, { error: '请选择当事人身份' }),
    personId: z.uuid('人员编号不正确').optional(),
    organisationId: z.uuid('单位编号不正确').optional(),
    sortOrder: z.number().int().min(0).max(999).optional(),
  })
  .check((ctx) => {
    if (!ctx.value.personId === !ctx.value.organisationId) {
      ctx.issues.push({
        code: 'custom',
        message: '请选择一名人员或一个单位',
        input: ctx.value,
        path: ['personId'],
      });
    }
  });

// ---- views (what the api answers: masks only) --------------------------------------------------------------

export const personViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  idType: z.enum(idTypes).nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  gender: z.enum(genders).nullable(),
  birthDate: z.string().nullable(),
  ethnicity: z.enum(ethnicityCodes).nullable(),
  /** Entered tags plus those the birth date implies today (minor, elderly). */
  tags: z.array(z.enum(personTags)),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const personRevealSchema = z.object({
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type PersonReveal = z.infer<typeof personRevealSchema>;

export const organisationViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  kind: z.enum(organisationKinds),
  legalRepresentative: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

export const casePartyViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  role: z.enum(partyRoles),
  roleLabel: z.string(),
  kind: z.enum(partyKinds),
  sortOrder: z.number().int(),
  person: personViewSchema.nullable(),
  organisation: organisationViewSchema.nullable(),
  addedAt: z.string(),
});
export type CasePartyView = z.infer<typeof casePartyViewSchema>;

/** POST /api/persons: the person (found or new) and whether it was new. */
export const personSaveResultSchema = z.object({ person: personViewSchema, created: z.boolean() });
export const personLookupResultSchema = z.object({ person: personViewSchema.nullable() });
export const organisationSaveResultSchema = z.object({
  organisation: organisationViewSchema,
  created: z.boolean(),
});
export const organisationLookupResultSchema = z.object({ organisation: organisationViewSchema.nullable() });
export const casePartyListSchema = z.object({ items: z.array(casePartyViewSchema) });
export const personListSchema = z.object({ items: z.array(personViewSchema) });
export const organisationListSchema = z.object({ items: z.array(organisationViewSchema) });
