import {
  type ApprovalLevel,
  type ApprovalStatus,
  type ApprovalView,
  approvalKindLabels,
  approvalLevelLabels,
} from '@zhucheng/contracts';
import { Descriptions, Space, Tag } from 'antd';

export const approvalStatusColor: Record<ApprovalStatus, string> = {
  pending: 'gold',
  forwarded: 'blue',
  approved: 'green',
  refused: 'default',
  returned: 'cyan',
};

/** The application's state, with 逾期未销假 when a leave ran past its end. */
export function ApprovalStatusTag({ a }: { a: ApprovalView }) {
  return (
    <Space size={4} wrap>
      <Tag color={approvalStatusColor[a.status]}>{a.statusLabel}</Tag>
      {a.overdue ? <Tag color="red">{a.returnedOn ? '逾期销假' : '逾期未销假'}</Tag> : null}
    </Space>
  );
}

/** 10月2日—10月6日（5天） or 自10月10日起. */
export function period(a: Pick<ApprovalView, 'fromDate' | 'toDate' | 'days'>): string {
  const d = (s: string) => `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
  if (!a.toDate || a.toDate === a.fromDate) return a.toDate ? d(a.fromDate) : `自${d(a.fromDate)}起`;
  return `${d(a.fromDate)}—${d(a.toDate)}${a.days ? `（${a.days}天）` : ''}`;
}

/** The level the signed-in user's unit decides at, guessed from its name (a hint; the server decides). */
export function levelOfUnitName(name: string | null): ApprovalLevel | null {
  if (!name) return null;
  if (name.endsWith('司法所')) return 'office';
  if (name.endsWith('市司法局')) return 'city';
  if (name.endsWith('司法局')) return 'county';
  return null;
}

export function ApprovalFacts({ a }: { a: ApprovalView }) {
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}>
      <Descriptions.Item label="社区矫正对象">
        {a.superviseeName}（{a.officeName}）
      </Descriptions.Item>
      <Descriptions.Item label="审批事项">{approvalKindLabels[a.kind]}</Descriptions.Item>
      <Descriptions.Item label={a.kind === 'visitor' ? '来访人员' : a.kind === 'leave' ? '目的地' : '新地址'}>
        {a.destination}
      </Descriptions.Item>
      <Descriptions.Item label="期间">{period(a)}</Descriptions.Item>
      <Descriptions.Item label="事由">{a.reason}</Descriptions.Item>
      <Descriptions.Item label="审批层级">
        <Tag color="blue">{approvalLevelLabels[a.requiredLevel]}</Tag>
        {a.levelReason}
        {a.kind === 'leave' && a.priorDaysInWindow > 0
          ? `（此前两个月内已批准 ${a.priorDaysInWindow} 天）`
          : ''}
      </Descriptions.Item>
      {a.forwardOpinion ? <Descriptions.Item label="报请意见">{a.forwardOpinion}</Descriptions.Item> : null}
      {a.decidedBy ? (
        <Descriptions.Item label="审批">
          {a.decidedBy}
          {a.decidedLevel ? `（${approvalLevelLabels[a.decidedLevel]}）` : ''}：{a.opinion}
        </Descriptions.Item>
      ) : null}
      {a.returnedOn ? <Descriptions.Item label="销假日期">{a.returnedOn}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** Whether the 审批 button shows: pending ones, and forwarded ones above the office that forwarded them. */
export function awaitsMe(a: ApprovalView, unitName: string | null): boolean {
  if (a.status === 'pending') return true;
  return a.status === 'forwarded' && levelOfUnitName(unitName) !== 'office';
}
