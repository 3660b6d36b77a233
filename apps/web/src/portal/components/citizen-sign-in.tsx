import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema } from '@zhucheng/contracts';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiRequestError, apiSend, errorMessage } from '../../lib/api.ts';
import { useStartSession } from '../../lib/session.ts';
import { useCountdown } from './use-countdown.ts';

function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}

/** "请 45 秒后再重新获取" → 45, so a second tab or a reload still counts down. */
function secondsIn(message: string): number | undefined {
  const match = /(\d+)\s*秒/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Step 1: the phone number and 获取验证码. Step 2: the 6-digit code and 登录. */
export function CitizenSignIn() {
  const [phone, setPhone] = useState<string | null>(null);
  const [left, startCountdown] = useCountdown();
  const [error, setError] = useState<{ text: string; tooSoon: boolean } | null>(null);
  const startSession = useStartSession();
  const codeInput = useRef<InputRef>(null);

  const requestCode = useMutation({
    mutationFn: (target: string) =>
      apiSend<{ resendAfterSeconds: number }>('POST', '/api/auth/citizen/code', { phone: target }),
    onMutate: () => setError(null),
    onSuccess: ({ resendAfterSeconds }, target) => {
      setPhone(target);
      startCountdown(resendAfterSeconds);
    },
    onError: (failure, target) => {
      const message = errorMessage(failure);
      const tooSoon = failure instanceof ApiRequestError && failure.status === 429;
      setError({ text: message, tooSoon });
      // Too soon: a code was sent already, so go on to entering it.
      if (tooSoon) {
        const wait = secondsIn(message);
        if (wait !== undefined) {
          setPhone(target);
          startCountdown(wait);
        }
      }
    },
  });

  const login = useMutation({
    mutationFn: (input: { phone: string; code: string }) =>
      apiSend('POST', '/api/auth/citizen/login', input, sessionResponseSchema),
    onMutate: () => setError(null),
    onSuccess: startSession,
    onError: (failure) => setError({ text: errorMessage(failure), tooSoon: false }),
  });

  useEffect(() => {
    if (phone) codeInput.current?.focus();
  }, [phone]);

  return (
    <section className="portal-card portal-signin" aria-labelledby="portal-signin-title">
      <h2 id="portal-signin-title" className="portal-card__title">
        手机号登录
      </h2>
      <p className="portal-signin__hint">
        {phone
          ? `验证码已发送至 ${maskPhone(phone)}`
          : '登录后可查看我的办件。首次登录将自动开通账号，无需注册。'}
      </p>
      <ol className="portal-steps" aria-label="登录步骤">
        <li className={`portal-steps__step ${phone ? 'is-done' : 'is-current'}`}>填写手机号</li>
        <li className={`portal-steps__step${phone ? ' is-current' : ''}`}>输入验证码</li>
      </ol>
      {error && (
        <Alert
          type={error.tooSoon ? 'warning' : 'error'}
          showIcon
          title={error.text}
          className="portal-signin__alert"
          role="alert"
        />
      )}
      {!phone ? (
        <Form
          key="phone"
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={({ phone: value }: { phone: string }) => requestCode.mutate(value.trim())}
        >
          <Form.Item
            name="phone"
            label="手机号"
            extra="用于登录和接收办理进度短信"
            rules={[
              { required: true, message: '请输入手机号' },
              { pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号码' },
            ]}
          >
            <Input inputMode="numeric" autoComplete="tel" maxLength={11} placeholder="11 位手机号码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={requestCode.isPending}>
            获取验证码
          </Button>
        </Form>
      ) : (
        <Form
          key="code"
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={({ code }: { code: string }) => login.mutate({ phone, code })}
        >
          <Form.Item
            name="code"
            label="短信验证码"
            extra="请输入短信中的 6 位数字"
            rules={[
              { required: true, message: '请输入验证码' },
              { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
            ]}
          >
            <Input
              ref={codeInput}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              placeholder="6 位数字"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
          <div className="portal-signin__links">
            <Button
              type="link"
              disabled={left > 0}
              loading={requestCode.isPending}
              onClick={() => requestCode.mutate(phone)}
            >
              {left > 0 ? `${left} 秒后可重新获取` : '重新获取验证码'}
            </Button>
            <Button
              type="link"
              onClick={() => {
                setPhone(null);
                setError(null);
              }}
            >
              更换手机号
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
