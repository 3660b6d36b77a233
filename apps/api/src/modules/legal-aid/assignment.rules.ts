import type { LawyerUnavailability, LegalAidAssignmentCandidate } from '@zhucheng/contracts';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { ARTICLE_26_MIN_PRACTICE_YEARS, practiceYears, unavailabilityReason } from './registry.rules.ts';

/** 指派通知书's 发文字号: 海城法援指〔2026〕第1号. Declared here, listed in the module's `numberSeries`. */
export const legalAidAssignmentNoticeSeries = defineNumberSeries({
  code: 'legalAid.assignmentNotice',
  kind: 'documentNo',
  name: '指派通知书文号',
  defaultPrefix: '{organ}指',
});

// Pure rules of 指派律师 (法律援助法 第四十三条: within 3 days of the grant): who may take the case today
// and in which order the centre is offered them. Days are `YYYY-MM-DD` strings.

/** A case the lawyer holds now (assigned or in progress), for the conflict check. */
export interface OpenCaseFacts {
  caseId: string;
  caseNo: string | null;
  /** The aided person and any other party on the lawyer's side of that case. */
  applicantNames: readonly string[];
  opposingParty: string | null;
}

export interface LawyerFacts {
  id: string;
  name: string;
  lawFirm: string;
  licenceNumber: string;
  /** Registered at the competent centre (legal_aid_lawyer.unit_id). */
  registeredHere: boolean;
  /** On the centre's duty roster today. */
  onDuty: boolean;
  staffUserId: string | null;
  practiceStartDate: string;
  registeredOn: string;
  leftOn: string | null;
  unavailable: readonly LawyerUnavailability[];
  expertPanel: boolean;
  lastAssignedAt: Date | null;
  openCases: readonly OpenCaseFacts[];
}

export interface AssignmentCaseFacts {
  caseId: string;
  applicantName: string;
  opposingParty: string | null;
  /** 第二十六条: the defendant may be sentenced to life imprisonment or death. */
  lifeOrDeath: boolean;
  /** The aided person is a minor: the expert panel first. */
  minor: boolean;
}

/** The exemptions that say the defendant may face life imprisonment or death (第二十五条, 第二十六条). */
export const lifeOrDeathExemptions: readonly string[] = ['art25LifeOrDeath', 'art25DeathReview'];

export function isLifeOrDeathCase(exemption: string | null | undefined): boolean {
  return lifeOrDeathExemptions.includes(exemption ?? '');
}

export function isMinorCase(tags: readonly string[], exemption: string | null | undefined): boolean {
  return tags.includes('minor') || exemption === 'art25Minor';
}

/**
 * A party's name as compared by the conflict check: full-width forms to half-width (NFKC: （）→ ()),
 * no spaces, lower case, and 有限责任公司 read as 有限公司.
 */
export function normalisePartyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/有限责任公司/g, '有限公司')
    .replace(/股份有限公司/g, '有限公司')
    .toLowerCase();
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && normalisePartyName(a) !== '' && normalisePartyName(a) === normalisePartyName(b);

/**
 * 利益冲突: the lawyer may not act against a person they act for, nor for someone against their client —
 * this case's opposing party is the aided person of one of the lawyer's open cases, or this case's
 * applicant is the opposing party of one of them. Null when there is no conflict.
 */
export function conflictReason(
  c: AssignmentCaseFacts,
  lawyer: Pick<LawyerFacts, 'openCases'>,
): string | null {
  for (const open of lawyer.openCases) {
    if (open.caseId === c.caseId) continue;
    const label = open.caseNo ?? '另一案件';
    if (c.opposingParty && open.applicantNames.some((n) => same(n, c.opposingParty))) {
      return `利益冲突：本案对方当事人“${c.opposingParty}”是该律师承办的${label}的受援人`;
    }
    if (same(open.opposingParty, c.applicantName)) {
      return `利益冲突：本案申请人“${c.applicantName}”是该律师承办的${label}的对方当事人`;
    }
  }
  return null;
}

/** Why the lawyer cannot take the case today (Chinese, each with its ground); empty when they can. */
export function ineligibilityReasons(c: AssignmentCaseFacts, lawyer: LawyerFacts, today: string): string[] {
  const reasons: string[] = [];
  if (!lawyer.registeredHere && !lawyer.onDuty) reasons.push('不是本中心登记的律师，今日也不在本中心值班');
  const standing = unavailabilityReason(lawyer, today);
  if (standing) reasons.push(standing);
  if (!lawyer.staffUserId) reasons.push('尚未开通系统账号，无法接受指派');
  if (c.lifeOrDeath && practiceYears(lawyer.practiceStartDate, today) < ARTICLE_26_MIN_PRACTICE_YEARS) {
    reasons.push(
      `执业未满${ARTICLE_26_MIN_PRACTICE_YEARS}年（${practiceYears(lawyer.practiceStartDate, today)}年），不能承办可能判处无期徒刑、死刑的案件（第二十六条）`,
    );
  }
  const conflict = conflictReason(c, lawyer);
  if (conflict) reasons.push(conflict);
  return reasons;
}

/** What the case needs of its lawyer, shown above the candidates. */
export function caseRequirements(c: AssignmentCaseFacts): string[] {
  const out: string[] = [];
  if (c.lifeOrDeath) out.push('可能判处无期徒刑、死刑：应指派执业满三年的律师（《法律援助法》第二十六条）');
  if (c.minor) out.push('受援人为未成年人：优先指派未成年人案件专家库律师');
  return out;
}

/** Ordering of the rotation: fewer-recent first (never assigned first), then fewer open cases, then licence. */
function rotationOrder(a: LawyerFacts, b: LawyerFacts): number {
  const at = (l: LawyerFacts) => l.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (at(a) !== at(b)) return at(a) < at(b) ? -1 : 1;
  if (a.openCases.length !== b.openCases.length) return a.openCases.length - b.openCases.length;
  return a.licenceNumber < b.licenceNumber ? -1 : a.licenceNumber > b.licenceNumber ? 1 : 0;
}

/**
 * The centre's lawyers ranked for the case: eligible before ineligible; for a minor the expert panel
 * first; then those on duty today; then the rotation — least recently assigned, fewer open cases, licence
 * number — so the order is fair and the same every time.
 */
export function rankCandidates(
  c: AssignmentCaseFacts,
  lawyers: readonly LawyerFacts[],
  today: string,
): LegalAidAssignmentCandidate[] {
  const rows = lawyers.map((lawyer) => ({ lawyer, blockers: ineligibilityReasons(c, lawyer, today) }));
  const key = (r: (typeof rows)[number]) => [
    r.blockers.length === 0 ? 0 : 1,
    c.minor && !r.lawyer.expertPanel ? 1 : 0,
    r.lawyer.onDuty ? 0 : 1,
  ];
  rows.sort((x, y) => {
    const kx = key(x);
    const ky = key(y);
    for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i]) return (kx[i] ?? 0) - (ky[i] ?? 0);
    return rotationOrder(x.lawyer, y.lawyer);
  });
  return rows.map(({ lawyer, blockers }) => {
    const reasons = [...blockers];
    if (blockers.length === 0) {
      if (c.minor && lawyer.expertPanel) reasons.push('未成年人案件专家库律师，优先指派');
      reasons.push(lawyer.onDuty ? '今日值班' : '本中心登记律师（今日未值班）');
      reasons.push(
        lawyer.lastAssignedAt ? '按最近一次指派时间轮派' : '尚未被指派过，轮派优先',
        `在办案件 ${lawyer.openCases.length} 件`,
      );
      if (c.lifeOrDeath)
        reasons.push(`执业${practiceYears(lawyer.practiceStartDate, today)}年，符合第二十六条`);
    }
    return {
      lawyerId: lawyer.id,
      name: lawyer.name,
      lawFirm: lawyer.lawFirm,
      licenceNumber: lawyer.licenceNumber,
      practiceYears: practiceYears(lawyer.practiceStartDate, today),
      expertPanel: lawyer.expertPanel,
      onDuty: lawyer.onDuty,
      openCases: lawyer.openCases.length,
      lastAssignedAt: lawyer.lastAssignedAt?.toISOString() ?? null,
      eligible: blockers.length === 0,
      reasons,
    };
  });
}

/** The rotation's suggestion: the first eligible candidate, if any. */
export function rotationChoice(
  ranked: readonly LegalAidAssignmentCandidate[],
): LegalAidAssignmentCandidate | undefined {
  return ranked.find((r) => r.eligible);
}

export type AssignmentCheck = { ok: true } | { ok: false; message: string; path?: string };

/**
 * Whether the centre may assign `lawyerId` by `method`: the lawyer must be eligible (点援制 included —
 * the applicant's choice is honoured only when the lawyer may take the case); rotation means the
 * rotation's first; the expert panel means a panel lawyer; any other lawyer than the rotation's first
 * needs a reason.
 */
export function checkAssignment(
  ranked: readonly LegalAidAssignmentCandidate[],
  choice: { lawyerId: string; method: string; reason?: string | null | undefined },
): AssignmentCheck {
  const candidate = ranked.find((r) => r.lawyerId === choice.lawyerId);
  if (!candidate) return { ok: false, path: 'lawyerId', message: '该律师不在本中心的律师库或值班表中' };
  if (!candidate.eligible) {
    const who = choice.method === 'chosen' ? `受援人选择的律师${candidate.name}` : `律师${candidate.name}`;
    return { ok: false, path: 'lawyerId', message: `${who}不能指派：${candidate.reasons.join('；')}` };
  }
  const first = rotationChoice(ranked);
  if (choice.method === 'rotation' && first?.lawyerId !== candidate.lawyerId) {
    return {
      ok: false,
      path: 'method',
      message: `按轮派应指派排在第一位的律师${first ? `（${first.name}）` : ''}；指派其他律师请选择其他指派方式并说明理由`,
    };
  }
  if (choice.method === 'expertPanel' && !candidate.expertPanel) {
    return { ok: false, path: 'method', message: `律师${candidate.name}不在未成年人案件专家库中` };
  }
  if (first?.lawyerId !== candidate.lawyerId && !choice.reason?.trim()) {
    return {
      ok: false,
      path: 'reason',
      message: `未按轮派顺序指派${first ? `（轮派应为${first.name}）` : ''}，请说明理由`,
    };
  }
  return { ok: true };
}
