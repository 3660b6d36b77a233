import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useOrgUnitName } from '../../../lib/org-units.ts';
import { type ActiveSession, useActiveSessions, useRevokeSession } from '../api/use-sessions.ts';
import { describeUserAgent } from '../labels/user-agent.ts';

export default function SessionsPage() {
  const can = useCan();
  const sessions = useActiveSessions();
  const revoke = useRevokeSession();
  const unitName = useOrgUnitName();
  const { modal, message } = App.useApp();

  const confirmRevoke = (session: ActiveSession) =>
    modal.confirm({
      title: `让 ${session.displayName}（${session.username}）强制下线？`,
      content: '该会话立即失效，对方正在填写但未保存的内容会丢失，须重新登录才能继续使用。',
      okText: '强制下线',
      okButtonProps: { danger: true },
      onOk: () =>
        revoke
          .mutateAsync(session.id)
          .then(() => {
            message.success('已强制下线');
          })
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          }),
    });

  const columns: TableProps<ActiveSession>['columns'] = [
    {
      title: '账号',
      key: 'user',
      render: (_, s) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {s.displayName}
          <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
            {s.username}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '所属机构',
      dataIndex: 'unitId',
      render: (unitId: number) => (
        <div style={{ minWidth: 120, maxWidth: 220 }}>{unitName(unitId) ?? '—'}</div>
      ),
    },
    { title: 'IP 地址', dataIndex: 'ip' },
    {
      title: '浏览器',
      dataIndex: 'userAgent',
      render: (ua: string) => (
        <Tooltip title={ua}>
          <span style={{ whiteSpace: 'nowrap' }}>{describeUserAgent(ua)}</span>
        </Tooltip>
      ),
    },
    {
      title: '登录时间',
      dataIndex: 'createdAt',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
    {
      title: '最近活动',
      dataIndex: 'lastSeenAt',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, s) =>
        s.current ? (
          <Tag color="blue">当前会话</Tag>
        ) : (
          can('session:revoke') && (
            <Button type="link" size="small" danger onClick={() => confirmRevoke(s)} style={{ padding: 0 }}>
              强制下线
            </Button>
          )
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="在线会话"
        description="当前已登录平台的工作人员；发现异常登录时可强制下线"
        extra={
          <Button icon={<ReloadOutlined />} loading={sessions.isFetching} onClick={() => sessions.refetch()}>
            刷新
          </Button>
        }
      />
      <Card>
        {sessions.isError && !sessions.data ? (
          <LoadError
            error={sessions.error}
            retrying={sessions.isFetching}
            onRetry={() => sessions.refetch()}
          />
        ) : (
          <Table<ActiveSession>
            rowKey="id"
            columns={columns}
            dataSource={sessions.data?.items ?? []}
            loading={sessions.isPending}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 个会话` }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有在线会话" />,
            }}
          />
        )}
      </Card>
    </>
  );
}
