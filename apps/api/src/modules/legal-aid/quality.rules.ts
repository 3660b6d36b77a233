import {
  type LegalAidMatterType,
  type LegalAidQualityRating,
  legalAidMatterTypeLabels,
  legalAidQualityRatings,
} from '@zhucheng/contracts';

// 质量评估与办案补贴 (Beihai 2023: civil 2,800 yuan, criminal 2,300 yuan a case, adjusted by the case's
// quality rating; the rates are configuration with an effective date) and the pledge check's consequence
// (法律援助法 第四十一条, 第四十八条, 第六十四条). Pure: no database, no clock.

export const SUBSIDY_COEFFICIENTS_SETTING = 'legalAid.subsidyCoefficients';

export type SubsidyCoefficients = Record<LegalAidQualityRating, number>;

/**
 * The rating's coefficient on the base rate (system_setting `legalAid.subsidyCoefficients`). The defaults
 * 1.2 / 1.0 / 0.8 / 0 are placeholders until the bureau sets its own [verify against the centre's
 * 办案质量评估与补贴发放办法 before go-live].
 */
export const defaultSubsidyCoefficients: SubsidyCoefficients = {
  excellent: 1.2,
  good: 1.0,
  qualified: 0.8,
  unqualified: 0,
};

/** The stored setting over the defaults; a missing or malformed entry keeps its default. */
export function mergeCoefficients(stored: Partial<Record<string, unknown>> | undefined): SubsidyCoefficients {
  const out = { ...defaultSubsidyCoefficients };
  for (const r of legalAidQualityRatings) {
    const v = stored?.[r];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10) out[r] = v;
  }
  return out;
}

export interface SubsidyRate {
  id: string;
  matterType: LegalAidMatterType;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  baseYuan: number;
}

/** The rate of the matter type in force on `day`: the latest `effectiveFrom` on or before it. */
export function rateInForce<R extends SubsidyRate>(
  rates: readonly R[],
  matterType: LegalAidMatterType,
  day: string,
): R | null {
  let best: R | null = null;
  for (const r of rates) {
    if (r.matterType !== matterType || r.effectiveFrom > day) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}

/** Why no subsidy can be computed: the centre has not set a rate for the type in force on that day. */
export function missingRateMessage(matterType: LegalAidMatterType, day: string): string {
  return `尚未设置${legalAidMatterTypeLabels[matterType]}案件 ${day} 适用的办案补贴标准，请先在“补贴标准”中添加`;
}

/**
 * subsidy = base × coefficient, rounded half up to the fen. Worked in whole fen and hundredths of the
 * coefficient so 2,800 × 1.2 is 3,360.00, not 3,360.0000000000005.
 */
export function subsidyYuan(baseYuan: number, coefficient: number): number {
  const baseFen = Math.round(baseYuan * 100);
  const hundredths = Math.round(coefficient * 100);
  return Math.round((baseFen * hundredths) / 100) / 100;
}

export interface SubsidyComputation {
  baseYuan: number;
  coefficient: number;
  subsidyYuan: number;
}

/** The subsidy of a case closed on `closedOn`, or the reason there is none. */
export function computeSubsidy<R extends SubsidyRate>(input: {
  rates: readonly R[];
  matterType: LegalAidMatterType;
  closedOn: string;
  rating: LegalAidQualityRating;
  coefficients: SubsidyCoefficients;
}): ({ ok: true; rate: R } & SubsidyComputation) | { ok: false; problem: string } {
  const rate = rateInForce(input.rates, input.matterType, input.closedOn);
  if (!rate) return { ok: false, problem: missingRateMessage(input.matterType, input.closedOn) };
  const coefficient = input.coefficients[input.rating];
  return {
    ok: true,
    rate,
    baseYuan: rate.baseYuan,
    coefficient,
    subsidyYuan: subsidyYuan(rate.baseYuan, coefficient),
  };
}

// ---- pledge checks -----------------------------------------------------------------------------------

/** What a pledge found false does to the case in `status`. */
export type FalsePledgeStep =
  /** 第四十八条: aid already given is terminated (reason: obtained by deception), costs recovered. */
  | 'terminate'
  /** Not yet decided: refused for false information. */
  | 'refuse'
  /** Over (closed, refused, withdrawn, terminated): only the finding and the costs to recover are kept. */
  | 'recordOnly'
  /** Waiting for the applicant's correction: decide after it comes back. */
  | 'notNow';

export function falsePledgeStep(status: string): FalsePledgeStep {
  if (status === 'granted' || status === 'assigned' || status === 'inProgress') return 'terminate';
  if (status === 'received' || status === 'corrected') return 'refuse';
  if (status === 'awaitingCorrection' || status === 'underObjection') return 'notNow';
  return 'recordOnly';
}

export const falsePledgeEffect: Record<FalsePledgeStep, string | null> = {
  terminate:
    '核查结论为“承诺不实”时，将同时终止法律援助（第四十八条：以欺骗手段获得法律援助），并记录应追缴的法律援助费用（第六十四条）。',
  refuse: '核查结论为“承诺不实”时，将同时作出不予法律援助的决定（申请人提供虚假材料）。',
  recordOnly: '案件已办结或已终止，核查结论为“承诺不实”时仅记录结论和应追缴的法律援助费用（第六十四条）。',
  notNow: null,
};

export const pledgeNotNowMessage = '申请正在等待补充材料或异议审查，请在其结束后再记录核查结论';
