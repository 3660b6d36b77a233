import { BellOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import {
  type InboxMessage,
  messageKindLabel,
  useInbox,
  useMarkAllRead,
  useMarkRead,
} from '../../../lib/notifications.ts';
import { useSessionState } from '../../../lib/session.ts';
import styles from '../components/portal-messages.module.css';

const PAGE = 20;
const MAX_PAGE_SIZE = 100;
const PORTAL_PREFIX = '/portal';

/** 我的消息 in the portal: the signed-in citizen's messages, biggest first on the small screen. */
export default function PortalMessagesPage() {
  const session = useSessionState();
  const signedIn = session.data?.status === 'signedIn';
  if (session.isPending) return <PageLoading label="正在读取登录状态…" />;
  if (!signedIn) {
    return (
      <section className="portal-card">
        <Empty
          image={<BellOutlined style={{ fontSize: 48, color: 'var(--portal-blue)' }} />}
          styles={{ image: { height: 56 } }}
          description="登录后可查看发给您的消息"
        >
          <Link to="/me">
            <Button type="primary" size="large" tabIndex={-1}>
              去登录
            </Button>
          </Link>
        </Empty>
      </section>
    );
  }
  return <Messages />;
}

function Messages() {
  const [view, setView] = useState<'all' | 'unread'>('all');
  const [pageSize, setPageSize] = useState(PAGE);
  const inbox = useInbox({ unread: view === 'unread', pageSize });
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const navigate = useNavigate();
  const unread = inbox.data?.unread ?? 0;
  const total = inbox.data?.total ?? 0;
  const items = inbox.data?.items ?? [];

  const open = (message: InboxMessage) => {
    if (!message.readAt) markRead.mutate(message.id);
    // Links are portal paths (/portal/…); the router's basename is /portal.
    if (message.link?.startsWith(`${PORTAL_PREFIX}/`)) navigate(message.link.slice(PORTAL_PREFIX.length));
  };

  return (
    <>
      <div className={styles.toolbar}>
        <Segmented
          size="large"
          value={view}
          onChange={(value) => {
            setView(value as 'all' | 'unread');
            setPageSize(PAGE);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: unread > 0 ? `未读 ${unread}` : '未读' },
          ]}
        />
        <Button
          size="large"
          disabled={unread === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          全部标为已读
        </Button>
      </div>

      {inbox.isPending ? (
        <PageLoading />
      ) : inbox.isError ? (
        <LoadError error={inbox.error} onRetry={() => inbox.refetch()} />
      ) : items.length === 0 ? (
        <section className="portal-card">
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={view === 'unread' ? '没有未读消息' : '暂无消息'}
          />
        </section>
      ) : (
        <>
          <p className={styles.summary}>
            共 {total} 条{unread > 0 ? `，其中 ${unread} 条未读` : ''}
          </p>
          <ul className={styles.list}>
            {items.map((message) => (
              <li key={message.id}>
                <button
                  type="button"
                  className={`${styles.item} ${message.readAt ? '' : styles.unread}`}
                  onClick={() => open(message)}
                  aria-label={`${message.readAt ? '' : '未读，'}${message.body}`}
                >
                  <span className={`${styles.dot} ${message.readAt ? styles.dotRead : ''}`} />
                  <span className={styles.body}>{message.body}</span>
                  <span className={styles.meta}>
                    <Tag style={{ marginInlineEnd: 0 }}>{messageKindLabel(message.template)}</Tag>
                    <span>{formatDateTime(message.createdAt)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {total > items.length && pageSize < MAX_PAGE_SIZE && (
            <div className={styles.more}>
              <Button
                size="large"
                block
                loading={inbox.isFetching}
                onClick={() => setPageSize((size) => Math.min(size + PAGE, MAX_PAGE_SIZE))}
              >
                加载更多
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
