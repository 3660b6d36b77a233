import { UserOutlined } from '@ant-design/icons';
import type { SessionUser } from '@zhucheng/contracts';
import { Avatar, Button } from 'antd';
import { useSignOut } from '../../lib/session.ts';

/** Who is signed in (citizens see their masked phone) and 退出登录. */
export function SignedInCard({ user }: { user: SessionUser }) {
  const signOut = useSignOut();
  const citizen = user.kind === 'citizen';
  return (
    <section className="portal-card portal-profile">
      <Avatar
        size={64}
        icon={<UserOutlined />}
        className="portal-profile__avatar portal-profile__avatar--in"
      />
      <div className="portal-profile__title">{user.displayName}</div>
      <p className="portal-profile__text">
        {citizen
          ? '已登录，可查看和办理本人的申请'
          : `已用工作人员账号登录${user.unitName ? `（${user.unitName}）` : ''}`}
      </p>
      <Button size="large" block loading={signOut.isPending} onClick={() => signOut.mutate()}>
        退出登录
      </Button>
    </section>
  );
}
