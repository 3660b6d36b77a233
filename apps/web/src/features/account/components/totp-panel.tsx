import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { SessionUser } from '@zhucheng/contracts';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshSession } from '../../../lib/session.ts';
import { useBeginTotpSetup } from '../api/use-totp.ts';
import { TotpDisableModal } from './totp-disable-modal.tsx';
import { TotpSetup } from './totp-setup.tsx';

/** 双因素认证: set up with an authenticator app (QR code), or turn off with the password. */
export function TotpPanel({ user }: { user: SessionUser }) {
  const { message } = App.useApp();
  const refreshSession = useRefreshSession();
  const begin = useBeginTotpSetup();
  const [disableOpen, setDisableOpen] = useState(false);

  if (user.totpEnabled) {
    return (
      <Flex vertical gap={16} style={{ maxWidth: 640 }}>
        <Alert
          type="success"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title="已启用双因素认证"
          description="登录时除密码外，还需输入手机验证器上的 6 位动态验证码。更换手机时，请先停用再重新设置。"
        />
        <div>
          <Button danger onClick={() => setDisableOpen(true)}>
            停用双因素认证
          </Button>
        </div>
        <TotpDisableModal
          open={disableOpen}
          onClose={() => setDisableOpen(false)}
          onDisabled={() => {
            setDisableOpen(false);
            message.success('双因素认证已停用');
            void refreshSession();
          }}
        />
      </Flex>
    );
  }

  if (begin.data) {
    return (
      <TotpSetup
        setup={begin.data}
        onCancel={() => begin.reset()}
        onEnabled={() => {
          begin.reset();
          message.success('双因素认证已启用，下次登录时请输入动态验证码');
          void refreshSession();
        }}
      />
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        启用后，登录时除密码外还需输入手机验证器上每 30 秒变化一次的 6
        位动态验证码，即使密码泄露，他人也无法登录。
      </Typography.Paragraph>
      <ol style={{ margin: 0, paddingInlineStart: 20, lineHeight: 2 }}>
        <li>在手机上安装验证器应用，如腾讯身份验证器、Microsoft Authenticator 或 Google Authenticator；</li>
        <li>点击“开始设置”，用验证器扫描屏幕上的二维码；</li>
        <li>输入验证器显示的 6 位数字，完成启用。</li>
      </ol>
      {begin.isError && <Alert type="error" showIcon title={begin.error.message} />}
      <div>
        <Button type="primary" loading={begin.isPending} onClick={() => begin.mutate()}>
          开始设置
        </Button>
      </div>
    </Flex>
  );
}
