import { type LegalAidMyCase, legalAidMyCaseStatuses } from '@zhucheng/contracts';
import { App, Button, Card, Empty, Flex, List, Segmented, Space, Table, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { CaseStatusTag } from '../../../../components/case-kit/case-status-tag.tsx';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { ApiRequestError } from '../../../../lib/api.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useAccept, useMyCases } from '../api/lawyer-case-api.ts';
import { DeclineDialog } from '../components/decline-dialog.tsx';

const statusFilters: { value: string; label: string }[] = [
  { value: 'all', label: '全部' },
  ...legalAidMyCaseStatuses.map((s) => ({
    value: s,
    label: { assigned: '待接受', inProgress: '承办中', closed: '已结案' }[s],
  })),
];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

interface ActionProps {
  c: LegalAidMyCase;
  accepting: boolean;
  onAccept: (c: LegalAidMyCase) => void;
  onDecline: (c: LegalAidMyCase) => void;
  /** Small buttons in a table row; full-size ones on a phone's card. */
  size: 'small' | 'middle';
}

/** 接受指派 / 退回 for a new assignment, 办理 otherwise. */
function Actions({ c, accepting, onAccept, onDecline, size }: ActionProps) {
  if (c.status !== 'assigned') return <Link to={`/legal-aid/applications/${c.caseId}`}>办理</Link>;
  return (
    <Space wrap>
      <Button
        type="primary"
        size={size}
        aria-label={`接受指派 ${c.caseNo ?? ''}`}
        loading={accepting}
        onClick={() => onAccept(c)}
      >
        接受指派
      </Button>
      <Button size={size} danger aria-label={`退回 ${c.caseNo ?? ''}`} onClick={() => onDecline(c)}>
        退回
      </Button>
    </Space>
  );
}

/** One case on a phone: a card instead of a table row that scrolls sideways. */
function CaseCard({ c, actions }: { c: LegalAidMyCase; actions: ReactNode }) {
  return (
    <Card size="small">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="start" gap={8}>
          <Link to={`/legal-aid/applications/${c.caseId}`}>{c.caseNo ?? '（未编号）'}</Link>
          <CaseStatusTag tone={c.tone} label={c.statusLabel} />
        </Flex>
        <Typography.Text style={{ wordBreak: 'break-all' }}>受援人：{c.applicantName}</Typography.Text>
        <Typography.Text type="secondary">{c.matterSummary}</Typography.Text>
        <Typography.Text type="secondary">
          指派 {day(c.assignedAt)} · 接受 {day(c.acceptedAt)}
          {c.nextDeadline ? ` · ${c.nextDeadline.label}：${c.nextDeadline.dueOn}` : ''}
        </Typography.Text>
        {actions}
      </Flex>
    </Card>
  );
}

/** 我的援助案件: the lawyer's aided cases; 接受指派 or 退回 the new ones. */
export default function MyCasesPage() {
  const [status, setStatus] = useState('all');
  const narrow = useIsNarrow();
  const cases = useMyCases(status === 'all' ? undefined : status);
  const accept = useAccept();
  const { message } = App.useApp();
  const [declining, setDeclining] = useState<LegalAidMyCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const emptyText =
    status === 'all'
      ? '暂无援助案件。法律援助中心指派案件后，会在消息中心通知您，案件会出现在这里。'
      : '没有这一状态的案件';

  const actionsOf = (c: LegalAidMyCase) => (
    <Actions
      c={c}
      accepting={accept.isPending && accept.variables?.caseId === c.caseId}
      onAccept={onAccept}
      onDecline={setDeclining}
      size={narrow ? 'middle' : 'small'}
    />
  );

  const onAccept = async (c: LegalAidMyCase) => {
    setError(null);
    try {
      await accept.mutateAsync({ caseId: c.caseId, body: { version: c.version } });
      message.success(`已接受指派：${c.caseNo ?? ''}`);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '接受指派失败，请稍后重试');
    }
  };

  return (
    <>
      <PageHeader
        title="我的援助案件"
        description="法律援助中心指派给您承办的案件：接受指派后填写办案记录，办结后结案。"
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented
          aria-label="案件状态"
          options={statusFilters}
          value={status}
          onChange={(v) => setStatus(String(v))}
        />
      </Space>
      <FormErrorAlert message={error ?? (cases.error ? cases.error.message : null)} />
      {narrow ? (
        <List<LegalAidMyCase>
          loading={cases.isLoading}
          dataSource={cases.data ?? []}
          pagination={(cases.data?.length ?? 0) > 20 ? { pageSize: 20, size: 'small' } : false}
          locale={{ emptyText: <Empty description={emptyText} /> }}
          renderItem={(c) => (
            <List.Item style={{ display: 'block', borderBlockEnd: 'none', padding: '0 0 12px' }}>
              <CaseCard c={c} actions={actionsOf(c)} />
            </List.Item>
          )}
        />
      ) : (
        <Table<LegalAidMyCase>
          rowKey="caseId"
          loading={cases.isLoading}
          dataSource={cases.data ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: <Empty description={emptyText} />,
          }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNo',
              render: (_: unknown, c) => (
                <Link to={`/legal-aid/applications/${c.caseId}`}>{c.caseNo ?? '（未编号）'}</Link>
              ),
            },
            {
              title: '受援人',
              dataIndex: 'applicantName',
              render: (v: string) => (
                <div style={{ maxWidth: 140, whiteSpace: 'normal', wordBreak: 'break-all' }}>{v}</div>
              ),
            },
            {
              title: '案由',
              dataIndex: 'matterSummary',
              render: (v: string) => (
                <div style={{ maxWidth: 260, minWidth: 160, whiteSpace: 'normal' }}>{v}</div>
              ),
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (_: unknown, c) => <CaseStatusTag tone={c.tone} label={c.statusLabel} />,
            },
            {
              title: '指派 / 接受',
              key: 'dates',
              render: (_: unknown, c) => (
                <div>
                  <div>指派 {day(c.assignedAt)}</div>
                  <div>接受 {day(c.acceptedAt)}</div>
                </div>
              ),
            },
            {
              title: '下一期限',
              dataIndex: 'nextDeadline',
              render: (_: unknown, c) =>
                c.nextDeadline ? (
                  <Typography.Text>
                    {c.nextDeadline.dueOn}（{c.nextDeadline.label}）
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            {
              title: '操作',
              key: 'actions',
              fixed: 'right',
              render: (_: unknown, c) => actionsOf(c),
            },
          ]}
        />
      )}
      {declining && (
        <DeclineDialog
          caseId={declining.caseId}
          caseNo={declining.caseNo}
          version={declining.version}
          open
          onClose={() => setDeclining(null)}
        />
      )}
    </>
  );
}
