import { Button, Flex, Form, Input, Typography } from 'antd';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { useFormError } from '../../../lib/form-errors.ts';
import { type TotpSetup as TotpSetupData, useConfirmTotp } from '../api/use-totp.ts';
import { TotpQrCode } from './totp-qr-code.tsx';

/** ABCD EFGH IJKL … — easier to type into an authenticator by hand. */
function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

interface TotpSetupProps {
  setup: TotpSetupData;
  onEnabled: () => void;
  onCancel: () => void;
}

/** Scan (or type) the secret, then prove it works with one code. */
export function TotpSetup({ setup, onEnabled, onCancel }: TotpSetupProps) {
  const [form] = Form.useForm<{ code: string }>();
  const formError = useFormError(form);
  const confirm = useConfirmTotp();

  return (
    <Flex vertical gap={20}>
      <Flex wrap gap={24} align="flex-start">
        <TotpQrCode uri={setup.uri} />
        <Flex vertical gap={8} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Typography.Text strong>第 1 步：用验证器扫描左侧二维码</Typography.Text>
          <Typography.Text type="secondary">
            在手机上打开验证器应用（如腾讯身份验证器、Microsoft Authenticator），选择“扫描二维码”。
          </Typography.Text>
          <Typography.Text type="secondary">无法扫描时，可选择“手动输入密钥”，输入：</Typography.Text>
          <Typography.Text
            code
            copyable={{ text: setup.secret, tooltips: ['复制密钥', '已复制'] }}
            style={{ fontSize: 16, letterSpacing: 1, wordBreak: 'break-all' }}
          >
            {groupedSecret(setup.secret)}
          </Typography.Text>
        </Flex>
      </Flex>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={confirm.isPending}
        onFinish={({ code }) => confirm.mutate(code, { onSuccess: onEnabled, onError: formError.report })}
        onValuesChange={formError.clear}
      >
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          第 2 步：输入验证器显示的 6 位动态验证码
        </Typography.Text>
        <FormErrorAlert message={formError.message} gap={12} />
        <Flex wrap gap={8} align="flex-start">
          <Form.Item
            name="code"
            rules={[
              { required: true, message: '请输入 6 位动态验证码' },
              { pattern: /^\d{6}$/, message: '动态验证码为 6 位数字' },
            ]}
            style={{ marginBottom: 0, width: 200 }}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6 位数字" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending}>
            确认启用
          </Button>
          <Button onClick={onCancel} disabled={confirm.isPending}>
            取消
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
