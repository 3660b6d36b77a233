import {
  type LegalAidDisputeKind,
  type LegalAidExemption,
  type LegalAidHardshipProof,
  type LegalAidMatterType,
  legalAidExemptionCitations,
  legalAidExemptionLabels,
  type MeansTestResult,
  type PersonTag,
} from '@zhucheng/contracts';

// 法律援助的经济困难审查 and the other pure rules of the application: no database, no clock.

/** The hardship standard of one county (or the city): configuration, `legalAid.hardshipStandards`. */
export interface HardshipStandard {
  /** Per-capita monthly household income at or below which the applicant is in hardship (yuan). */
  monthlyIncomePerPerson: number;
  /** Household assets above which the applicant is not in hardship (yuan). */
  assetsCeiling: number;
}

/** Keyed by the division code of the county (or city); `default` applies where no county entry exists. */
export interface HardshipStandards {
  default: HardshipStandard;
  byDivision: Record<string, HardshipStandard>;
}

/**
 * Defaults until the bureau sets its own: the local minimum monthly wage as the per-capita line. Guangxi's
 * 2023 classes are taken as 1,810 yuan (Haicheng, Yinhai, Tieshangang — class 1) and 1,580 yuan (Hepu —
 * class 2) [verify against the current 广西最低工资标准 before go-live]; the assets ceiling of 100,000
 * yuan is a placeholder for the bureau to set.
 */
export const defaultHardshipStandards: HardshipStandards = {
  default: { monthlyIncomePerPerson: 1810, assetsCeiling: 100_000 },
  byDivision: {
    '450502': { monthlyIncomePerPerson: 1810, assetsCeiling: 100_000 },
    '450503': { monthlyIncomePerPerson: 1810, assetsCeiling: 100_000 },
    '450512': { monthlyIncomePerPerson: 1810, assetsCeiling: 100_000 },
    '450521': { monthlyIncomePerPerson: 1580, assetsCeiling: 100_000 },
  },
};

export const HARDSHIP_STANDARDS_SETTING = 'legalAid.hardshipStandards';
export const APPLICATION_SETTINGS = 'legalAid.applicationSettings';

/** Module settings of the application (system_setting `legalAid.applicationSettings`). */
export interface ApplicationSettings {
  /** Days the applicant has to supply missing items (第四十三条 gives none: the bureau sets it). */
  correctionDays: number;
  /** Share of pledges drawn for verification (第四十一条), 0–1. */
  pledgeSampleRate: number;
}
export const defaultApplicationSettings: ApplicationSettings = { correctionDays: 15, pledgeSampleRate: 0.1 };

export function standardFor(standards: HardshipStandards, divisionCode: string | null): HardshipStandard {
  return (divisionCode ? standards.byDivision[divisionCode] : undefined) ?? standards.default;
}

export interface MeansTestInput {
  matterType: LegalAidMatterType;
  disputeKind: LegalAidDisputeKind;
  exemption: LegalAidExemption | null | undefined;
  proof: LegalAidHardshipProof | null | undefined;
  householdSize: number | null | undefined;
  householdMonthlyIncome: number | null | undefined;
  householdAssets: number | null | undefined;
  /** The applicant's groups (persons tags, with minor/elderly derived from the birth date). */
  tags: readonly PersonTag[];
  standard: HardshipStandard;
  /** A number in [0, 1): the pledge is sampled when it falls below the rate. Injected for tests. */
  random: () => number;
  pledgeSampleRate: number;
}

const pay: readonly LegalAidDisputeKind[] = ['wageArrears', 'workInjury'];

/** Why an exemption does not fit the application, or null when it does. */
export function exemptionProblem(input: Pick<MeansTestInput, 'exemption' | 'matterType' | 'disputeKind'>) {
  const e = input.exemption;
  if (!e) return null;
  if (e.startsWith('art25') && input.matterType !== 'criminal') {
    return `“${legalAidExemptionLabels[e]}”仅适用于刑事案件（《法律援助法》第二十五条）`;
  }
  if ((e === 'art42MigrantWorker' || e === 'beihaiGigWorker') && !pay.includes(input.disputeKind)) {
    return `“${legalAidExemptionLabels[e]}”仅适用于追索劳动报酬或者工伤赔偿事项`;
  }
  return null;
}

const yuan = (n: number) => `${Math.round(n * 100) / 100} 元`;

/**
 * The means test. Order: 第二十五条 (mandatory defence: no test at all), 第三十二条 (no hardship
 * condition), 第四十二条 and the Beihai gig-worker policy (check waived), the pledge (第四十一条: believed,
 * a random share verified), else the figures against the county's standard.
 */
export function meansTest(input: MeansTestInput): MeansTestResult {
  const e = input.exemption ?? null;
  if (e) {
    const problem = exemptionProblem(input);
    if (!problem) {
      const cite = legalAidExemptionCitations[e];
      if (e.startsWith('art25')) {
        return {
          eligible: true,
          basis: 'mandatoryDefence',
          explanation: `属于${cite}规定的应当通知辩护情形（${legalAidExemptionLabels[e]}），不审查经济状况。`,
          needsVerification: false,
        };
      }
      if (e.startsWith('art32')) {
        return {
          eligible: true,
          basis: 'noHardshipCondition',
          explanation: `属于${cite}规定的情形（${legalAidExemptionLabels[e]}），申请法律援助不受经济困难条件的限制。`,
          needsVerification: false,
        };
      }
      return {
        eligible: true,
        basis: 'checkWaived',
        explanation:
          e === 'beihaiGigWorker'
            ? `依照${cite}，新就业形态劳动者申请支付劳动报酬或者工伤赔偿，参照《法律援助法》第四十二条进城务工人员的规定，免予核查经济困难状况。`
            : `属于${cite}规定的情形（${legalAidExemptionLabels[e]}），免予核查经济困难状况。`,
        needsVerification: false,
      };
    }
    // A claimed exemption that does not fit falls through to the figures, and says why.
    const rest = meansTest({ ...input, exemption: null });
    return { ...rest, explanation: `${problem}；${rest.explanation}` };
  }
  // Tags entered on the person: a migrant or gig worker's pay or injury claim is waived even unclaimed.
  if (pay.includes(input.disputeKind) && input.matterType !== 'criminal') {
    if (input.tags.includes('migrantWorker')) return meansTest({ ...input, exemption: 'art42MigrantWorker' });
    if (input.tags.includes('gigWorker')) return meansTest({ ...input, exemption: 'beihaiGigWorker' });
  }
  if (input.proof === 'pledge') {
    const sampled = input.random() < input.pledgeSampleRate;
    return {
      eligible: true,
      basis: 'pledge',
      explanation:
        '申请人依照《法律援助法》第四十一条作出经济困难状况的个人诚信承诺，予以采信' +
        (sampled ? '；本件被随机抽中，需核查承诺内容的真实性。' : '。') +
        '承诺不实的，依照第六十四条追缴法律援助费用并可处三千元以下罚款。',
      needsVerification: sampled,
    };
  }
  const size = input.householdSize ?? 0;
  const income = input.householdMonthlyIncome;
  if (size < 1 || income == null) {
    return {
      eligible: false,
      basis: 'notEligible',
      explanation: '未提供家庭人口和收入情况，无法审查经济困难状况。',
      needsVerification: false,
    };
  }
  const perPerson = income / size;
  const { monthlyIncomePerPerson: line, assetsCeiling } = input.standard;
  const assets = input.householdAssets ?? 0;
  const verify = input.proof === 'infoSharing';
  if (perPerson > line) {
    return {
      eligible: false,
      basis: 'notEligible',
      explanation: `家庭人均月收入 ${yuan(perPerson)}，高于当地经济困难标准 ${yuan(line)}，不符合经济困难条件。`,
      needsVerification: verify,
    };
  }
  if (assets > assetsCeiling) {
    return {
      eligible: false,
      basis: 'notEligible',
      explanation: `家庭资产 ${yuan(assets)}，超过当地经济困难标准的资产上限 ${yuan(assetsCeiling)}，不符合经济困难条件。`,
      needsVerification: verify,
    };
  }
  return {
    eligible: true,
    basis: 'meansTest',
    explanation: `家庭人均月收入 ${yuan(perPerson)}，不高于当地经济困难标准 ${yuan(line)}，家庭资产未超过上限，符合经济困难条件。`,
    needsVerification: verify,
  };
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day to supply the missing items, counted from the day after the notice (calendar days). */
export function correctionDueOn(noticeDay: string, correctionDays: number): string {
  return addDays(noticeDay, correctionDays);
}

/** ID number shown to staff on lists: the first 6 and last 4 characters. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length <= 10 ? id : `${id.slice(0, 6)}********${id.slice(-4)}`;
}
