import {
  type MediationQueueGroup,
  type MediationQueueItem,
  mediationQueueGroupLabels,
  mediationQueueGroups,
} from '@zhucheng/contracts';
import { Alert, App, Button, Empty, Flex, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CaseStatusTag } from '../../../../components/case-kit/case-status-tag.tsx';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useAcceptDispute, useMyQueue } from '../api/process-api.ts';
import { errorText } from '../components/shared.tsx';
import { CardList, disputePath, itemDates, QueueCard } from './queue-item.tsx';

const emptyTexts: Record<MediationQueueGroup, string> = {
  pending: '本调委会没有待受理的纠纷',
  mediating: '暂无调解中的纠纷。受理后由您主持调解的纠纷会出现在这里。',
  followUp: '暂无待回访的纠纷：调解成功后协议未履行完毕的会出现在这里',
  confirmation: '暂无处在司法确认期限内的书面协议',
};

const actionLabels: Record<MediationQueueGroup, string> = {
  pending: '查看',
  mediating: '记录调解',
  followUp: '回访',
  confirmation: '司法确认',
};

/** 我的调解: the mediator's disputes by what they need next; phone first (one card per dispute). */
export default function MyQueuePage() {
  const narrow = useIsNarrow();
  const queue = useMyQueue();
  const accept = useAcceptDispute();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [group, setGroup] = useState<MediationQueueGroup>('mediating');
  const [error, setError] = useState<string | null>(null);
  const groups = queue.data?.groups ?? [];
  const items = groups.find((g) => g.group === group)?.items ?? [];
  const me = queue.data?.mediator ?? null;

  const groupLabel = (g: MediationQueueGroup) =>
    `${mediationQueueGroupLabels[g]}（${groups.find((x) => x.group === g)?.items.length ?? 0}）`;

  const onAccept = async (item: MediationQueueItem) => {
    if (!me) return;
    setError(null);
    try {
      await accept.mutateAsync({
        caseId: item.caseId,
        body: { version: item.version, leadMediatorId: me.id },
      });
      message.success(`已受理：${item.caseNo ?? ''}，由您主持调解`);
    } catch (e) {
      setError(errorText(e, '受理失败，请稍后重试'));
    }
  };

  const actions = (item: MediationQueueItem) => {
    const size = narrow ? 'large' : 'small';
    const open = (
      <Button size={size} block={narrow} onClick={() => navigate(disputePath(item.caseId))}>
        {actionLabels[group]}
      </Button>
    );
    if (group !== 'pending' || !me) return open;
    return (
      <Flex gap={8} vertical={narrow}>
        <Button
          type="primary"
          size={size}
          block={narrow}
          aria-label={`受理 ${item.caseNo ?? ''}`}
          loading={accept.isPending && accept.variables?.caseId === item.caseId}
          onClick={() => onAccept(item)}
        >
          受理（由我主持）
        </Button>
        {open}
      </Flex>
    );
  };

  if (queue.error) return <LoadError error={queue.error} onRetry={() => queue.refetch()} />;
  return (
    <>
      <PageHeader
        title="我的调解"
        description={
          me ? `${me.name} · ${me.committeeName}` : '由您主持调解的纠纷：记录调解、办理结果、回访和司法确认。'
        }
      />
      {queue.data && !me && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="您的账号尚未关联调解员名册，请联系调委会或司法所在“调解员”中关联账号。"
        />
      )}
      {narrow ? (
        // Four groups do not fit one row at 375 px: two rows of full-size buttons.
        <Flex wrap gap={8} style={{ marginBottom: 16 }} role="group" aria-label="分组">
          {mediationQueueGroups.map((g) => (
            <Button
              key={g}
              type={g === group ? 'primary' : 'default'}
              aria-pressed={g === group}
              style={{ flex: '1 1 calc(50% - 4px)' }}
              onClick={() => setGroup(g)}
            >
              {groupLabel(g)}
            </Button>
          ))}
        </Flex>
      ) : (
        <Space style={{ marginBottom: 16 }} wrap>
          <Segmented
            aria-label="分组"
            value={group}
            onChange={(v) => setGroup(v as MediationQueueGroup)}
            options={mediationQueueGroups.map((g) => ({ value: g, label: groupLabel(g) }))}
          />
        </Space>
      )}
      <FormErrorAlert message={error} />
      {narrow ? (
        <CardList
          loading={queue.isLoading}
          items={items}
          empty={emptyTexts[group]}
          render={(item) => <QueueCard key={item.caseId} item={item} actions={actions(item)} />}
        />
      ) : (
        <Table<MediationQueueItem>
          rowKey="caseId"
          loading={queue.isLoading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={emptyTexts[group]} /> }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNo',
              render: (_: unknown, i) => <Link to={disputePath(i.caseId)}>{i.caseNo ?? '（未编号）'}</Link>,
            },
            {
              title: '纠纷',
              dataIndex: 'title',
              render: (_: unknown, i) => (
                <div style={{ maxWidth: 280, whiteSpace: 'normal', wordBreak: 'break-all' }}>
                  <div>{i.title}</div>
                  <Typography.Text type="secondary">
                    {i.kindLabel} · {i.partyNames}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (_: unknown, i) => <CaseStatusTag tone={i.tone} label={i.statusLabel} />,
            },
            {
              title: '日期',
              key: 'dates',
              render: (_: unknown, i) => (
                <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{itemDates(i)}</div>
              ),
            },
            { title: '操作', key: 'actions', render: (_: unknown, i) => actions(i) },
          ]}
        />
      )}
    </>
  );
}
