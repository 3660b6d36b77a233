import { ReloadOutlined } from '@ant-design/icons';
import type { MyDeadline } from '@zhucheng/contracts';
import { Badge, Button, Card, Empty, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { DeadlineBadge } from '../../../components/deadline-badge.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { type MyDeadlineFilter, useMyDeadlines } from '../api/use-my-deadlines.ts';

const filters: MyDeadlineFilter[] = ['all', 'dueSoon', 'overdue'];
const emptyTexts: Record<MyDeadlineFilter, string> = {
  all: '暂无需要关注的期限',
  dueSoon: '暂无临近到期的期限',
  overdue: '没有超期的期限',
};

/** 我的期限: the statutory clocks of the cases I handle, nearest first, with what is due soon or overdue. */
export default function MyDeadlinesPage() {
  const [search, setSearch] = useSearchParams();
  const raw = search.get('filter');
  const filter: MyDeadlineFilter = filters.includes(raw as MyDeadlineFilter)
    ? (raw as MyDeadlineFilter)
    : 'all';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = 20;
  const deadlines = useMyDeadlines(filter, page, pageSize);
  const counts = deadlines.data?.counts;

  const go = (next: MyDeadlineFilter, nextPage = 1) => {
    const params = new URLSearchParams();
    if (next !== 'all') params.set('filter', next);
    if (nextPage > 1) params.set('page', String(nextPage));
    setSearch(params);
  };

  const tabLabel = (label: string, count: number | undefined, color: string) => (
    <span>
      {label}
      {count !== undefined && count > 0 && (
        <Badge count={count} color={color} overflowCount={999} style={{ marginInlineStart: 6 }} />
      )}
    </span>
  );

  return (
    <>
      <PageHeader
        title="我的期限"
        description="本人承办案件的法定办理期限，最近到期的在前"
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={deadlines.isFetching}
            onClick={() => deadlines.refetch()}
          >
            刷新
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={filter}
          onChange={(key) => go(key as MyDeadlineFilter)}
          items={[
            { key: 'all', label: '全部' },
            { key: 'dueSoon', label: tabLabel('临近', counts?.dueSoon, '#faad14') },
            { key: 'overdue', label: tabLabel('超期', counts?.overdue, '#ff4d4f') },
          ]}
        />
        {deadlines.isError && !deadlines.data ? (
          <LoadError
            error={deadlines.error}
            retrying={deadlines.isFetching}
            onRetry={() => deadlines.refetch()}
          />
        ) : (
          <Table<MyDeadline>
            rowKey="id"
            dataSource={deadlines.data?.items ?? []}
            loading={deadlines.isPending || (deadlines.isFetching && deadlines.isPlaceholderData)}
            scroll={{ x: 'max-content' }}
            locale={{
              // While the first answer loads, the spinner alone: no "nothing here" that is not yet known.
              emptyText: deadlines.isPending ? (
                <div style={{ height: 120 }} />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyTexts[filter]} />
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: deadlines.data?.total ?? 0,
              showTotal: (total) => `共 ${total} 项`,
              onChange: (next) => go(filter, next),
            }}
            columns={[
              {
                key: 'standing',
                title: '期限',
                render: (_, item) => <DeadlineBadge standing={item.standing} />,
              },
              {
                key: 'case',
                title: '案件',
                render: (_, item) => (
                  <div
                    style={{ minWidth: 200, maxWidth: 420, whiteSpace: 'normal', wordBreak: 'break-word' }}
                  >
                    <Link to={`/cases/${item.caseId}`}>{item.caseNo ?? '未编号'}</Link>
                    <div>{item.caseTitle}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.caseTypeName} · {item.statusLabel}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                key: 'rule',
                title: '事项及依据',
                render: (_, item) => (
                  <div style={{ minWidth: 160, maxWidth: 280, whiteSpace: 'normal' }}>
                    <div>{item.ruleName}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.article}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                key: 'due',
                title: '到期',
                render: (_, item) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {item.dueAt ? formatDateTime(item.dueAt) : item.dueOn ? formatDate(item.dueOn) : '—'}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
