import { LockOutlined } from '@ant-design/icons';
import { Button, Empty } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { useSessionState } from '../../../../lib/session.ts';

/**
 * The citizen's own pages need the SMS sign-in of 我的 (the portal's one sign-in flow): without a session
 * they say why and lead there (and 我的 brings the citizen back after signing in); a staff session gets a pointer to the console instead.
 */
export function CitizenGate({ why, children }: { why: string; children: ReactNode }) {
  const session = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  if (session.isPending) return <PageLoading label="正在读取登录状态…" />;
  const signedIn = session.data?.status === 'signedIn' ? session.data.session : null;
  if (signedIn && signedIn.user.kind !== 'citizen') {
    return (
      <section className="portal-card">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="您已用工作人员账号登录。窗口登记请到工作台的“人民调解 → 纠纷登记”办理。"
        />
      </section>
    );
  }
  if (!signedIn) {
    return (
      <section className="portal-card">
        <Empty
          image={<LockOutlined style={{ fontSize: 48, color: 'var(--portal-blue)' }} />}
          styles={{ image: { height: 56 } }}
          description={`${why}需要先用手机号和短信验证码登录（首次登录自动开通，无需注册）。登录后自动回到这里继续。`}
        >
          <Button
            type="primary"
            size="large"
            block
            onClick={() => navigate(`/me?next=${encodeURIComponent(location.pathname + location.search)}`)}
          >
            去登录
          </Button>
        </Empty>
      </section>
    );
  }
  return children;
}
