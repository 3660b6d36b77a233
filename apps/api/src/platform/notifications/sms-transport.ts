import { ConfigError } from '../../config.ts';
import { maskPhone } from '../crypto/personal-data.ts';
// How an SMS leaves the platform. Development writes it to the log (a developer reads the code there);
// production posts it to the bureau's SMS gateway over HTTP. The outbox calls `send` and treats a throw
// as a failed attempt to retry.

export interface SmsMessage {
  phone: string;
  text: string;
}

export interface SmsTransport {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

export interface SmsLogger {
  info(obj: object, msg?: string): void;
}

/** Development and tests: the message goes to the log, with the phone masked and the text whole. */
export function logSmsTransport(logger: SmsLogger): SmsTransport {
  return {
    name: 'log',
    async send({ phone, text }) {
      logger.info({ channel: 'sms', to: maskPhone(phone) }, `短信 → ${maskPhone(phone)}：${text}`);
    },
  };
}

export interface HttpSmsOptions {
  url: string;
  token: string;
  /** 短信签名, e.g. 北海市司法局; the gateway prefixes it as 【北海市司法局】. */
  signName: string;
  timeoutMs?: number;
}

/**
 * Production: `POST url` with `{ phone, text, signName }` as JSON and `Authorization: Bearer <token>`.
 * Any 2xx is delivered; anything else, a network error or the timeout is a failed attempt.
 */
export function httpSmsTransport(options: HttpSmsOptions): SmsTransport {
  const timeoutMs = options.timeoutMs ?? 5000;
  return {
    name: 'http',
    async send({ phone, text }) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ phone, text, signName: options.signName }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (err) {
        const name = (err as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError') {
          throw new Error(`短信网关在 ${timeoutMs} 毫秒内未响应`);
        }
        throw new Error(`无法连接短信网关：${(err as Error).message}`);
      }
      // Read the body either way, so the connection goes back to the pool.
      const body = await response.text().catch(() => '');
      if (!response.ok) {
        throw new Error(`短信网关返回 HTTP ${response.status}${body ? `：${body.slice(0, 200)}` : ''}`);
      }
    },
  };
}

export interface SmsSettings {
  transport: 'log' | 'http';
  gatewayUrl: string | undefined;
  gatewayToken: string | undefined;
  signName: string;
  timeoutMs: number;
}

/**
 * Reads the SMS variables: SMS_TRANSPORT (log | http; production must use http), SMS_GATEWAY_URL and
 * SMS_GATEWAY_TOKEN (required for http), SMS_SIGN_NAME, SMS_GATEWAY_TIMEOUT_MS. Throws one error naming
 * every problem, in the manner of config.ts.
 */
export function smsSettingsFromEnv(
  env: Record<string, string | undefined>,
  options: { isProduction: boolean; defaultSignName: string },
): SmsSettings {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const problems: string[] = [];
  const transport = value('SMS_TRANSPORT') ?? (options.isProduction ? 'http' : 'log');
  if (transport !== 'log' && transport !== 'http') problems.push('SMS_TRANSPORT 只能是 log 或 http');
  if (options.isProduction && transport === 'log') {
    problems.push('生产环境不能使用 SMS_TRANSPORT=log（短信只会写进日志），请配置短信网关并设为 http');
  }
  const gatewayUrl = value('SMS_GATEWAY_URL');
  const gatewayToken = value('SMS_GATEWAY_TOKEN');
  if (transport === 'http') {
    if (!gatewayUrl) problems.push('SMS_TRANSPORT=http 时必须配置 SMS_GATEWAY_URL');
    else if (!/^https?:\/\/\S+$/.test(gatewayUrl))
      problems.push('SMS_GATEWAY_URL 必须是 http:// 或 https:// 开头的地址');
    if (!gatewayToken) problems.push('SMS_TRANSPORT=http 时必须配置 SMS_GATEWAY_TOKEN');
  }
  const timeoutText = value('SMS_GATEWAY_TIMEOUT_MS') ?? '5000';
  const timeoutMs = Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) {
    problems.push('SMS_GATEWAY_TIMEOUT_MS 必须是 100 到 60000 之间的整数（毫秒）');
  }
  if (problems.length > 0) throw new ConfigError(`短信配置错误：\n  ${problems.join('\n  ')}`);
  return {
    transport: transport as 'log' | 'http',
    gatewayUrl,
    gatewayToken,
    signName: value('SMS_SIGN_NAME') ?? options.defaultSignName,
    timeoutMs,
  };
}

export function createSmsTransport(settings: SmsSettings, logger: SmsLogger): SmsTransport {
  if (settings.transport === 'log') return logSmsTransport(logger);
  return httpSmsTransport({
    url: settings.gatewayUrl as string,
    token: settings.gatewayToken as string,
    signName: settings.signName,
    timeoutMs: settings.timeoutMs,
  });
}
