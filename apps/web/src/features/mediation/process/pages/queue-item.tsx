import { type MediationQueueItem, performanceStatusLabels } from '@zhucheng/contracts';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CaseStatusTag } from '../../../../components/case-kit/case-status-tag.tsx';

export const disputePath = (caseId: string) => `/mediation/disputes/${caseId}`;

/** The dates and the next thing due of one dispute, in one line. */
export function itemDates(i: MediationQueueItem): string {
  return [
    `登记 ${i.receivedOn}`,
    i.acceptedOn ? `受理 ${i.acceptedOn}` : null,
    i.outcomeOn ? `结果 ${i.outcomeOn}` : null,
    i.performanceStatus ? `履行：${performanceStatusLabels[i.performanceStatus]}` : null,
    i.confirmationDueOn ? `司法确认截止 ${i.confirmationDueOn}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One dispute on a phone: a card instead of a table row that scrolls sideways. */
export function QueueCard({ item, actions }: { item: MediationQueueItem; actions?: ReactNode }) {
  return (
    <Card size="small">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" gap={8}>
          <Link to={disputePath(item.caseId)} style={{ wordBreak: 'break-all' }}>
            {item.caseNo ?? '（未编号）'}
          </Link>
          <CaseStatusTag tone={item.tone} label={item.statusLabel} />
        </Flex>
        <Typography.Text style={{ wordBreak: 'break-all' }}>{item.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
          {item.kindLabel} · 当事人：{item.partyNames || '—'}
        </Typography.Text>
        <Typography.Text type="secondary">{itemDates(item)}</Typography.Text>
        {actions}
      </Flex>
    </Card>
  );
}

/** Cards one under another (a phone's list), with the empty state saying what comes here. */
export function CardList({
  loading,
  items,
  empty,
  render,
}: {
  loading: boolean;
  items: readonly MediationQueueItem[];
  empty: string;
  render: (item: MediationQueueItem) => ReactNode;
}) {
  if (loading) return <Skeleton active />;
  if (items.length === 0) return <Empty description={empty} />;
  return (
    <Flex vertical gap={12}>
      {items.map(render)}
    </Flex>
  );
}
