import type { SessionUser } from '@zhucheng/contracts';
import { Descriptions, Tag } from 'antd';

export function ProfilePanel({ user }: { user: SessionUser }) {
  return (
    <Descriptions
      bordered
      column={1}
      size="middle"
      styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'name', label: '姓名', children: user.displayName },
        { key: 'username', label: '用户名', children: user.username },
        { key: 'unit', label: '所属机构', children: user.unitName ?? '—' },
        {
          key: 'roles',
          label: '角色',
          children:
            user.roles.length > 0 ? (
              user.roles.map((role) => (
                <Tag key={role.code} color="blue" variant="outlined">
                  {role.name}
                </Tag>
              ))
            ) : (
              <span style={{ color: 'rgba(0,0,0,0.45)' }}>尚未分配角色，请联系本单位安全管理员</span>
            ),
        },
        {
          key: 'totp',
          label: '双因素认证',
          children: user.totpEnabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>,
        },
      ]}
    />
  );
}
