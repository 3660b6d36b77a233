import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema } from '@zhucheng/contracts';
import { Alert, type AlertProps, Button, Form, Input, type InputRef, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiRequestError, apiSend, errorMessage } from '../../lib/api.ts';
import { showFieldErrors } from '../../lib/form-errors.ts';
import { useStartSession } from '../../lib/session.ts';

interface LoginValues {
  username: string;
  password: string;
  totpCode?: string;
}

interface Notice {
  type: NonNullable<AlertProps['type']>;
  title: string;
  description?: string;
}

function noticeFor(error: unknown): Notice {
  const message = errorMessage(error);
  if (!(error instanceof ApiRequestError)) return { type: 'error', title: message };
  switch (error.code) {
    case 'TOTP_REQUIRED':
      return { type: 'info', title: '请完成双因素认证', description: message };
    case 'ACCOUNT_LOCKED':
      return { type: 'error', title: '账号已锁定', description: message };
    case 'ACCOUNT_DISABLED':
      return { type: 'error', title: '账号已停用', description: message };
    case 'TOO_MANY_REQUESTS':
      return { type: 'warning', title: '尝试过于频繁', description: message };
    default:
      return { type: 'error', title: message };
  }
}

/** Username and password; a 6-digit code from the authenticator app when the account uses two-factor sign-in. */
export function LoginForm({ initialNotice }: { initialNotice?: Notice | undefined }) {
  const [form] = Form.useForm<LoginValues>();
  const [needsCode, setNeedsCode] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>(initialNotice);
  const codeInput = useRef<InputRef>(null);
  const passwordInput = useRef<InputRef>(null);
  const startSession = useStartSession();

  const login = useMutation({
    mutationFn: (values: LoginValues) =>
      apiSend(
        'POST',
        '/api/auth/login',
        {
          username: values.username.trim(),
          password: values.password,
          ...(needsCode && values.totpCode ? { totpCode: values.totpCode } : {}),
        },
        sessionResponseSchema,
      ),
    onMutate: () => setNotice(undefined),
    // The login page follows the session entry: to the page the user came from, or to the password change.
    onSuccess: startSession,
    onError: (error) => {
      const code = error instanceof ApiRequestError ? error.code : '';
      if (code === 'TOTP_REQUIRED') setNeedsCode(true);
      if (code === 'TOTP_INVALID') form.setFieldValue('totpCode', '');
      if (code === 'INVALID_CREDENTIALS') {
        form.setFieldValue('password', '');
        passwordInput.current?.focus();
      }
      if (!showFieldErrors(form, error)) setNotice(noticeFor(error));
    },
  });

  useEffect(() => {
    if (needsCode) codeInput.current?.focus();
  }, [needsCode]);

  const switchAccount = () => {
    setNeedsCode(false);
    setNotice(undefined);
    form.resetFields();
  };

  return (
    <>
      <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
        工作人员登录
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
        请使用本人账号登录，不要把密码告诉他人
      </Typography.Paragraph>
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          title={notice.title}
          description={notice.description}
          style={{ marginBottom: 20 }}
          role="alert"
        />
      )}
      <Form<LoginValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(values) => login.mutate(values)}
        autoComplete="on"
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            readOnly={needsCode}
            placeholder="请输入用户名"
          />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password
            ref={passwordInput}
            prefix={<LockOutlined />}
            autoComplete="current-password"
            readOnly={needsCode}
            placeholder="请输入密码"
          />
        </Form.Item>
        {needsCode && (
          <Form.Item
            name="totpCode"
            label="动态验证码"
            extra="打开手机上的验证器应用，输入平台对应的 6 位数字"
            rules={[
              { required: true, message: '请输入 6 位动态验证码' },
              { pattern: /^\d{6}$/, message: '动态验证码为 6 位数字' },
            ]}
          >
            <Input
              ref={codeInput}
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="6 位数字"
            />
          </Form.Item>
        )}
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form.Item>
      </Form>
      {needsCode && (
        <Button type="link" onClick={switchAccount} style={{ padding: 0 }}>
          使用其他账号登录
        </Button>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0', fontSize: 13 }}>
        忘记密码请联系本单位系统管理员重置
      </Typography.Paragraph>
    </>
  );
}
