import type { UserView } from '@zhucheng/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import { userStatusLook } from '../labels/user-status.ts';

export function UserStatusTag({ user }: { user: UserView }) {
  const look = userStatusLook(user);
  return (
    <Flex wrap gap={4}>
      <Tag color={look.color} style={{ margin: 0 }}>
        {look.text}
      </Tag>
      {user.status === 'active' && user.mustChangePassword && (
        <Tooltip title="本人尚未用初始密码或临时密码登录并修改密码">
          <Tag color="orange" style={{ margin: 0 }}>
            待改初始密码
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
