import type { CaseHistoryEntry } from '@zhucheng/contracts';
import { Empty, Flex, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import { LoadError } from '../load-error.tsx';
import { PageLoading } from '../page-loading.tsx';
import { useCaseHistory } from './case-api.ts';

function Entry({ entry }: { entry: CaseHistoryEntry }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {entry.transitionLabel}
        {entry.fromLabel ? `：${entry.fromLabel} → ${entry.toLabel}` : `：${entry.toLabel}`}
      </Typography.Text>
      <Typography.Text type="secondary">
        {entry.actorName ?? '系统'} · {formatDateTime(entry.at)}
      </Typography.Text>
      {entry.comment && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          办理意见：{entry.comment}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}

/** 办理记录: every step of the case, newest first — who, when, from which status to which, and why. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const history = useCaseHistory(caseId);
  if (history.isPending) return <PageLoading label="正在加载办理记录…" />;
  if (history.isError) {
    return (
      <LoadError error={history.error} retrying={history.isFetching} onRetry={() => history.refetch()} />
    );
  }
  const entries = [...history.data.entries].reverse();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  return (
    <Timeline
      style={{ paddingTop: 8 }}
      items={entries.map((entry, index) => ({
        key: entry.id,
        color: index === 0 ? 'blue' : 'gray',
        content: <Entry entry={entry} />,
      }))}
    />
  );
}
