import type { MonitoringView } from '@zhucheng/contracts';
import { Button, Space } from 'antd';
import { useCan } from '../../../../lib/access.tsx';
import { DocumentLink } from '../../approvals/components/document-link.tsx';
import type { MonitoringAction } from '../api/use-monitoring.ts';

/** The steps the signed-in user may take on an order. */
export function OrderActions({
  o,
  onAction,
}: {
  o: MonitoringView;
  onAction: (a: MonitoringAction) => void;
}) {
  const can = useCan();
  const head = can('corrections:approveMonitoring');
  const pendingReview = o.reviews.some((r) => r.renewedUntil === null && r.conclusion === 'renew');
  return (
    <Space size={0} wrap>
      {head && o.status === 'proposed' ? (
        <Button type="link" size="small" onClick={() => onAction('decision')}>
          审批
        </Button>
      ) : null}
      {can('corrections:supervise') && o.status === 'active' ? (
        <Button type="link" size="small" onClick={() => onAction('review')}>
          复查
        </Button>
      ) : null}
      {head && o.status === 'active' && pendingReview ? (
        <Button type="link" size="small" onClick={() => onAction('renew')}>
          续期
        </Button>
      ) : null}
      {can('corrections:sanction') && o.status === 'active' ? (
        <Button type="link" size="small" onClick={() => onAction('end')}>
          解除
        </Button>
      ) : null}
      <DocumentLink caseId={o.id} documentId={o.documentId} label="审批表" />
    </Space>
  );
}
