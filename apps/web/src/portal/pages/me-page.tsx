import { UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Switch } from 'antd';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { HotlineCard } from '../components/hotline-card.tsx';
import { useSeniorMode } from '../senior-mode-context.tsx';

export function MePage() {
  const { seniorMode, setSeniorMode } = useSeniorMode();
  const identity = usePlatformIdentity();
  return (
    <div className="portal-page">
      <section className="portal-card portal-profile">
        <Avatar size={64} icon={<UserOutlined />} className="portal-profile__avatar" />
        <div className="portal-profile__title">未登录</div>
        <p className="portal-profile__text">登录后可查看我的办件</p>
        <Button type="primary" size="large" block disabled>
          登录
        </Button>
        <p className="portal-profile__note">登录功能即将开通</p>
      </section>

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
