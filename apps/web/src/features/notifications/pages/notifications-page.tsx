import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import {
  type InboxMessage,
  messageKindLabel,
  useInbox,
  useMarkAllRead,
  useMarkRead,
} from '../../../lib/notifications.ts';
import styles from '../components/notifications.module.css';

const kindColor: Record<string, string> = { 'deadline.dueSoon': 'gold', 'deadline.overdue': 'red' };
type View = 'all' | 'unread';

/** 消息中心 in the console: the signed-in account's messages, all or unread, newest first. */
export default function NotificationsPage() {
  const [view, setView] = useState<View>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const inbox = useInbox({ unread: view === 'unread', ...paging });
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const unread = inbox.data?.unread ?? 0;
  const navigate = useNavigate();

  const openLink = (message: InboxMessage) => {
    if (!message.readAt) markRead.mutate(message.id);
    if (message.link) navigate(message.link);
  };

  const changeView = (next: string) => {
    setView(next as View);
    setPaging((current) => ({ ...current, page: 1 }));
  };

  const row = (message: InboxMessage) => (
    <li key={message.id} className={`${styles.item} ${message.readAt ? '' : styles.unread}`}>
      <span
        className={`${styles.dot} ${message.readAt ? styles.dotRead : ''}`}
        role="img"
        aria-label={message.readAt ? '已读' : '未读'}
      />
      <div className={styles.main}>
        <p className={styles.body}>{message.body}</p>
        <div className={styles.meta}>
          <Tag color={kindColor[message.template] ?? 'blue'} style={{ marginInlineEnd: 0 }}>
            {messageKindLabel(message.template)}
          </Tag>
          <span>{formatDateTime(message.createdAt)}</span>
          {message.readAt && <span>已读</span>}
        </div>
      </div>
      <div className={styles.actions}>
        {message.link && (
          <Button type="link" size="small" onClick={() => openLink(message)}>
            查看
          </Button>
        )}
        {!message.readAt && (
          <Button
            type="link"
            size="small"
            loading={markRead.isPending && markRead.variables === message.id}
            onClick={() => markRead.mutate(message.id)}
          >
            标为已读
          </Button>
        )}
      </div>
    </li>
  );

  const items = inbox.data?.items ?? [];
  const body = inbox.isPending ? (
    <PageLoading />
  ) : inbox.isError ? (
    <LoadError error={inbox.error} onRetry={() => inbox.refetch()} />
  ) : items.length === 0 ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={view === 'unread' ? '没有未读消息' : '暂无消息'}
      style={{ padding: '32px 0' }}
    />
  ) : (
    <>
      <ul className={styles.list}>{items.map(row)}</ul>
      {(inbox.data?.total ?? 0) > paging.pageSize && (
        <Pagination
          style={{ marginTop: 16, justifyContent: 'flex-end' }}
          current={paging.page}
          pageSize={paging.pageSize}
          total={inbox.data?.total ?? 0}
          showSizeChanger={false}
          showTotal={(total) => `共 ${total} 条`}
          onChange={(page) => setPaging((current) => ({ ...current, page }))}
        />
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title="消息中心"
        description="期限提醒和案件通知。只显示发给您本人的消息。"
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            全部标为已读
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={view}
          onChange={changeView}
          items={[
            { key: 'all', label: '全部' },
            { key: 'unread', label: unread > 0 ? `未读（${unread}）` : '未读' },
          ]}
        />
        {body}
      </Card>
    </>
  );
}
