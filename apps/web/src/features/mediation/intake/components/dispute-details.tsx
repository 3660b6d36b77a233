import { SwapOutlined } from '@ant-design/icons';
import { disputeKindLabels, disputeSourceLabels } from '@zhucheng/contracts';
import { Alert, Button, Descriptions, Flex, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useDisputeFacts } from '../api/intake-api.ts';
import { formatYuan } from './format.ts';
import { RedispatchDialog } from './redispatch-dialog.tsx';

/** The dispute's mediation facts at the top of 基本信息: source, kind, amount, place, dispatch, duplicate. */
export function DisputeDetails({ caseId }: { caseId: string }) {
  const narrow = useIsNarrow();
  const facts = useDisputeFacts(caseId);
  const [redispatching, setRedispatching] = useState(false);
  if (facts.isPending) return <PageLoading />;
  if (facts.isError) return <LoadError error={facts.error} onRetry={() => facts.refetch()} />;
  const f = facts.data;
  const place = [f.place.townName, f.place.village, f.place.address].filter(Boolean).join(' ');
  return (
    <Flex vertical gap={12}>
      {f.duplicate && (
        <Alert
          type="warning"
          showIcon
          title={
            <>
              可能重复：与{' '}
              <Link to={`/mediation/disputes/${f.duplicate.caseId}`}>{f.duplicate.caseNo ?? '未编号'}</Link>（
              {f.duplicate.committeeName}，{f.duplicate.statusLabel}）的当事人和纠纷类型相同，请核实。
            </>
          }
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={narrow ? 1 : 2}
        title="纠纷情况"
        extra={
          f.canRedispatch ? (
            <Button icon={<SwapOutlined />} onClick={() => setRedispatching(true)}>
              改派
            </Button>
          ) : undefined
        }
        items={[
          {
            key: 'source',
            label: '来源',
            children: `${disputeSourceLabels[f.source]}${f.sourceRef ? `（${f.sourceRef}）` : ''}`,
          },
          {
            key: 'kind',
            label: '纠纷类型',
            children: (
              <>
                {disputeKindLabels[f.kind]}
                {f.involvesEnterprise && <Tag style={{ marginInlineStart: 8 }}>涉企</Tag>}
              </>
            ),
          },
          { key: 'amount', label: '涉及金额', children: formatYuan(f.amountInvolvedYuan) },
          { key: 'occurredOn', label: '发生日期', children: f.occurredOn ? formatDate(f.occurredOn) : '—' },
          { key: 'place', label: '纠纷地点', span: narrow ? 1 : 2, children: place || '—' },
          { key: 'office', label: '属地司法所', children: f.place.officeName ?? '—' },
          { key: 'committee', label: '调委会', children: f.committee.name },
          {
            key: 'dispatch',
            label: '分派理由',
            span: narrow ? 1 : 2,
            children: (
              <>
                {f.dispatchReason ?? '—'}
                {f.dispatchedAt && (
                  <div style={{ color: 'var(--ant-color-text-secondary)' }}>
                    {formatDateTime(f.dispatchedAt)}
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'facts',
            label: '纠纷事实',
            span: narrow ? 1 : 2,
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{f.facts}</div>,
          },
          { key: 'request', label: '申请事项', span: narrow ? 1 : 2, children: f.request ?? '—' },
        ]}
      />
      {f.canRedispatch && (
        <RedispatchDialog facts={f} open={redispatching} onClose={() => setRedispatching(false)} />
      )}
    </Flex>
  );
}
