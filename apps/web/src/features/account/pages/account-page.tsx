import { Alert, App, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ChangePasswordForm } from '../../../components/change-password-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import type { AccountTab } from '../../../lib/account-paths.ts';
import { useRefreshSession, useSession } from '../../../lib/session.ts';
import { ProfilePanel } from '../components/profile-panel.tsx';
import { TotpPanel } from '../components/totp-panel.tsx';

const tabs: AccountTab[] = ['profile', 'password', 'totp'];

function tabOf(value: string | null): AccountTab {
  return tabs.find((tab) => tab === value) ?? 'profile';
}

export default function AccountPage() {
  const session = useSession();
  const { user } = session;
  const [params, setParams] = useSearchParams();
  const refreshSession = useRefreshSession();
  const { message } = App.useApp();
  const active = session.mustSetUpTotp ? 'totp' : tabOf(params.get('tab'));

  return (
    <>
      <PageHeader title="个人中心" description="本人账号信息、登录密码与双因素认证" />
      {session.mustSetUpTotp && (
        <Alert
          type="warning"
          showIcon
          title="请先启用双因素认证"
          description="本平台的安全策略要求管理员账号启用双因素认证。按下面的步骤完成设置后，即可使用其他功能。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'profile',
              label: '基本信息',
              disabled: session.mustSetUpTotp,
              children: <ProfilePanel user={user} />,
            },
            {
              key: 'password',
              label: '修改密码',
              disabled: session.mustSetUpTotp,
              children: (
                <ChangePasswordForm
                  onChanged={() => {
                    message.success('密码已修改，其他设备上的登录已自动退出');
                    void refreshSession();
                  }}
                />
              ),
            },
            { key: 'totp', label: '双因素认证', children: <TotpPanel user={user} /> },
          ]}
        />
      </Card>
    </>
  );
}
