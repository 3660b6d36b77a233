import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../lib/format.ts';
import {
  type InboxMessage,
  messageKindLabel,
  useInbox,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from '../lib/notifications.ts';
import styles from './notification-bell.module.css';

/** Path of the console's notification centre (消息中心). */
export const NOTIFICATIONS_PATH = '/notifications';

const kindColor: Record<string, string> = { 'deadline.dueSoon': 'gold', 'deadline.overdue': 'red' };

/** The console header's bell: the unread count, the five newest messages, 全部标为已读 and 查看全部. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const latest = useInbox({ pageSize: 5 }, open);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const count = unread.data ?? 0;

  const openMessage = (message: InboxMessage) => {
    if (!message.readAt) markRead.mutate(message.id);
    setOpen(false);
    if (message.link) navigate(message.link);
  };

  const items = latest.data?.items ?? [];
  const panel = (
    <div className={styles.panel}>
      <div className={styles.head}>
        <span className={styles.title}>消息{count > 0 ? `（${count} 条未读）` : ''}</span>
        <Button
          type="link"
          size="small"
          disabled={count === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          全部标为已读
        </Button>
      </div>
      {latest.isPending ? (
        <div className={styles.empty} style={{ textAlign: 'center' }}>
          <Spin />
        </div>
      ) : items.length === 0 ? (
        <Empty className={styles.empty} image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <ul className={styles.list}>
          {items.map((message) => (
            <li key={message.id}>
              <button
                type="button"
                className={`${styles.item} ${message.readAt ? '' : styles.unread}`}
                onClick={() => openMessage(message)}
              >
                <span className={styles.itemBody}>
                  {!message.readAt && <Badge status="processing" style={{ marginRight: 6 }} />}
                  {message.body}
                </span>
                <span className={styles.itemMeta}>
                  <Tag color={kindColor[message.template] ?? 'blue'} style={{ marginInlineEnd: 0 }}>
                    {messageKindLabel(message.template)}
                  </Tag>
                  {formatDateTime(message.createdAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.foot}>
        <Button
          type="link"
          onClick={() => {
            setOpen(false);
            navigate(NOTIFICATIONS_PATH);
          }}
        >
          查看全部
        </Button>
      </div>
    </div>
  );

  return (
    <Popover
      content={panel}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <button type="button" className={styles.bell} aria-label={count > 0 ? `消息，${count} 条未读` : '消息'}>
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined className={styles.icon} />
        </Badge>
      </button>
    </Popover>
  );
}
