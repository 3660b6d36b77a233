import type { CaseDetail } from '@zhucheng/contracts';
import { Empty, Table, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { DeadlineBadge } from '../deadline-badge.tsx';

type Clock = CaseDetail['deadlines'][number];

const statusLabels: Record<Clock['status'], string> = {
  running: '计时中',
  paused: '已暂停',
  stopped: '已停止',
  met: '已办结',
};

/** 期限: every statutory clock of the case — the rule, its article, the due date and where it stands. */
export function CaseDeadlines({ deadlines }: { deadlines: Clock[] }) {
  if (deadlines.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本案没有计时的法定期限" />;
  }
  return (
    <Table<Clock>
      rowKey="id"
      dataSource={deadlines}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'rule',
          title: '期限',
          render: (_, clock) => (
            <div style={{ minWidth: 160, maxWidth: 320, whiteSpace: 'normal' }}>
              <div>{clock.ruleName}</div>
              {clock.ruleDescription && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {clock.ruleDescription}
                </Typography.Text>
              )}
            </div>
          ),
        },
        {
          key: 'article',
          title: '依据',
          render: (_, clock) => (
            <div style={{ minWidth: 120, maxWidth: 240, whiteSpace: 'normal' }}>{clock.article}</div>
          ),
        },
        {
          key: 'due',
          title: '到期',
          render: (_, clock) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {clock.dueAt ? formatDateTime(clock.dueAt) : clock.dueOn ? formatDate(clock.dueOn) : '—'}
            </span>
          ),
        },
        { key: 'status', title: '计时', render: (_, clock) => statusLabels[clock.status] },
        { key: 'standing', title: '状态', render: (_, clock) => <DeadlineBadge standing={clock.standing} /> },
      ]}
    />
  );
}
