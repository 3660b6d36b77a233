import { BellOutlined, RightOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { useUnreadCount } from '../../lib/notifications.ts';

/** 我的消息 on 我的, with the unread count: the portal's way into the notification centre. */
export function MessagesEntry() {
  const unread = useUnreadCount().data ?? 0;
  return (
    <ul className="portal-rows">
      <li>
        <Link
          to="/messages"
          className="portal-row"
          aria-label={unread > 0 ? `我的消息，${unread} 条未读` : '我的消息'}
        >
          <span className="portal-row__icon">
            <BellOutlined />
          </span>
          <span className="portal-row__text">
            <span className="portal-row__title">我的消息</span>
            <span className="portal-row__description">
              {unread > 0 ? `有 ${unread} 条未读消息` : '办理进度和提醒'}
            </span>
          </span>
          {unread > 0 ? (
            <Badge count={unread} overflowCount={99} />
          ) : (
            <RightOutlined className="portal-row__arrow" />
          )}
        </Link>
      </li>
    </ul>
  );
}
