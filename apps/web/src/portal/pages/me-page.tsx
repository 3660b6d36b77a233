import { Switch } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageLoading } from '../../components/page-loading.tsx';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { useSessionState } from '../../lib/session.ts';
import { CitizenSignIn } from '../components/citizen-sign-in.tsx';
import { HotlineCard } from '../components/hotline-card.tsx';
import { MessagesEntry } from '../components/messages-entry.tsx';
import { SignedInCard } from '../components/signed-in-card.tsx';
import { returnPath } from '../return-path.ts';
import { useSeniorMode } from '../senior-mode-context.tsx';

export function MePage() {
  const { seniorMode, setSeniorMode } = useSeniorMode();
  const identity = usePlatformIdentity();
  const session = useSessionState();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = returnPath(search.get('next'));
  const signedIn = session.data?.status === 'signedIn';
  // A page that asked the citizen to sign in here (`?next=`) gets them back once they have.
  useEffect(() => {
    if (signedIn && next) navigate(next, { replace: true });
  }, [signedIn, next, navigate]);

  return (
    <div className="portal-page">
      {session.data?.status === 'signedIn' ? (
        <>
          <SignedInCard user={session.data.session.user} />
          <MessagesEntry />
        </>
      ) : session.isPending ? (
        <section className="portal-card">
          <PageLoading label="正在读取登录状态…" />
        </section>
      ) : (
        <CitizenSignIn />
      )}

      <section className="portal-card" aria-labelledby="portal-settings-title">
        <h2 id="portal-settings-title" className="portal-card__title">
          设置
        </h2>
        <label className="portal-setting" htmlFor="senior-mode-switch">
          <span className="portal-setting__text">
            <span className="portal-setting__title">长辈模式</span>
            <span className="portal-setting__description">字更大、按钮更大、颜色更清楚</span>
          </span>
          <Switch
            id="senior-mode-switch"
            checked={seniorMode}
            onChange={setSeniorMode}
            checkedChildren="开"
            unCheckedChildren="关"
            className="portal-setting__switch"
          />
        </label>
      </section>

      <HotlineCard />

      <p className="portal-footnote">
        {identity.platformName}
        {identity.bureauName ? ` · ${identity.bureauName}` : ''}
      </p>
    </div>
  );
}
