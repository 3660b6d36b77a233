import type { MediationProgressStep } from '@zhucheng/contracts';

// Intake's pure pieces: the citizen's progress steps and how the ledger's party names are read.

export interface ProgressFacts {
  status: string;
  submittedAt: Date;
  committeeName: string;
  dispatchedAt: Date | null;
  redispatched: boolean;
  acceptedOn: string | null;
  acceptedAt: Date | null;
  declineReason: string | null;
  outcomeOn: string | null;
  outcomeAt: Date | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** 提交申请 → 分派调委会 → 受理 → 调解 → 结果, from the case status and the dispute row. */
export function progressSteps(f: ProgressFacts): MediationProgressStep[] {
  const s = f.status;
  const declined = s === 'declined';
  const ended = s === 'settled' || s === 'unsettled' || s === 'terminated';
  const accepted = s === 'mediating' || ended;
  const steps: MediationProgressStep[] = [
    { key: 'submitted', label: '提交申请', status: 'done', at: iso(f.submittedAt), note: '申请已收到' },
    {
      key: 'dispatched',
      label: '分派调委会',
      status: 'done',
      at: iso(f.dispatchedAt ?? f.submittedAt),
      note: `${f.redispatched ? '已改派至' : '已分派至'}${f.committeeName}`,
    },
    {
      key: 'accepted',
      label: '受理',
      status: declined ? 'failed' : accepted ? 'done' : 'current',
      at: declined || accepted ? iso(f.acceptedAt) : null,
      note: declined
        ? `不予受理${f.declineReason ? `：${f.declineReason}` : ''}`
        : accepted
          ? `${f.committeeName}已受理${f.acceptedOn ? `（${f.acceptedOn}）` : ''}`
          : '等待调委会受理，调解员会与您联系',
    },
  ];
  if (declined) return steps;
  steps.push({
    key: 'mediating',
    label: '调解',
    status: ended ? 'done' : s === 'mediating' ? 'current' : 'pending',
    at: null,
    note: s === 'mediating' ? '调解员正在组织调解' : null,
  });
  const resultNote: Record<string, string> = {
    settled: '调解成功，达成调解协议',
    unsettled: '调解不成功，您可以依法通过仲裁、行政或诉讼途径维护权利',
    terminated: '调解已终止',
  };
  steps.push({
    key: 'result',
    label: '结果',
    status: ended ? 'done' : 'pending',
    at: ended ? iso(f.outcomeAt) : null,
    note: ended ? `${resultNote[s] ?? ''}${f.outcomeOn ? `（${f.outcomeOn}）` : ''}` : null,
  });
  return steps;
}

/** Names that are organisations rather than persons (a ledger gives only names). */
const organisationSuffix =
  /(公司|厂|店|商行|合作社|委员会|村委|居委|中心|医院|卫生院|学校|幼儿园|局|所|站|馆|酒店|宾馆|旅行社|景区|超市|商场|银行|协会|集团|工作室|部)$/;

export function looksLikeOrganisation(name: string): boolean {
  return organisationSuffix.test(name.trim());
}

/** 张三、李四 / 张三,李四 / 张三；李四 → [张三, 李四]. */
export function splitNames(cell: string): string[] {
  return cell
    .split(/[、,，;；/\n]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}
