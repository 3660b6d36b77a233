import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { JobQueue } from '../jobs/jobs.ts';
import {
  NOTIFICATIONS_SEND_JOB,
  notificationsSendJob,
  triggerNotificationSend,
} from './notifications.job.ts';
import { notificationOutbox } from './notifications.schema.ts';
import { createNotificationOutbox, type NotificationTransports } from './outbox.ts';
import {
  createSmsTransport,
  httpSmsTransport,
  logSmsTransport,
  type SmsMessage,
  smsSettingsFromEnv,
} from './sms-transport.ts';

/** A transport that keeps what it was asked to send, failing the first `failures` calls. */
function recordingTransport(
  failures = 0,
): NotificationTransports & { delivered: SmsMessage[]; calls: number } {
  const state = {
    delivered: [] as SmsMessage[],
    calls: 0,
    sms: {
      name: 'recording',
      async send(message: SmsMessage) {
        state.calls++;
        // Yield, so two senders running together really interleave.
        await new Promise((r) => setTimeout(r, 5));
        if (state.calls <= failures) throw new Error(`网关暂时不可用（第 ${state.calls} 次）`);
        state.delivered.push(message);
      },
    },
  };
  return state;
}

describe('notification outbox', () => {
  let database: DatabaseHandle;
  const clock = fixedClock('2026-03-02T01:00:00Z');
  // Stands in for platform/crypto: what the table holds is not the phone itself.
  const protect = (phone: string) => `enc:${[...phone].reverse().join('')}`;
  const reveal = (stored: string) => [...stored.replace(/^enc:/, '')].reverse().join('');
  const outbox = createNotificationOutbox({ clock, protect, reveal, maxAttempts: 3, retryDelaySeconds: 30 });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await database.db.delete(notificationOutbox);
  });

  const rows = () => database.db.select().from(notificationOutbox).orderBy(asc(notificationOutbox.id));

  it('stores an SMS with the phone protected and a masked hint, in the caller transaction', async () => {
    await database.db.transaction(async (tx) => {
      await outbox.sendSms(tx, '13812345678', '您的验证码是 123456，5 分钟内有效。', 'auth.otp');
    });
    await database.db
      .transaction(async (tx) => {
        await outbox.enqueue(tx, {
          channel: 'sms',
          recipient: '13900000000',
          template: 'auth.otp',
          body: 'x',
        });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const [row, ...others] = await rows();
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      channel: 'sms',
      recipient: 'enc:87654321831',
      recipientHint: '138****5678',
      template: 'auth.otp',
      body: '您的验证码是 123456，5 分钟内有效。',
      payload: {},
      status: 'pending',
      attempts: 0,
      sentAt: null,
    });
  });

  it('keeps one message per dedupe key', async () => {
    const msg = {
      channel: 'sms' as const,
      recipient: '13812345678',
      template: 'case.accepted',
      body: '您的申请已受理。',
      payload: { caseNo: '北法援〔2026〕1号' },
      dedupeKey: 'case.accepted:1',
    };
    const first = await outbox.enqueue(database.db, msg);
    const second = await outbox.enqueue(database.db, msg);
    expect(second).toEqual({ id: first.id, duplicate: true });
    expect(first.duplicate).toBe(false);
    expect(await rows()).toHaveLength(1);
  });

  it('stores in-app messages as sent without a transport', async () => {
    const transport = recordingTransport();
    await outbox.enqueue(database.db, {
      channel: 'inApp',
      recipient: '00000000-0000-4000-8000-000000000001',
      template: 'task.assigned',
      body: '您有一件新的法律援助案件待审查。',
    });
    expect(await outbox.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(transport.calls).toBe(0);
    expect(await rows()).toMatchObject([
      {
        channel: 'inApp',
        status: 'sent',
        sentAt: clock.now(),
        attempts: 0,
        recipientHint: expect.any(String),
      },
    ]);
  });

  it('sends each message exactly once when two senders run at the same time', async () => {
    const phones = Array.from({ length: 12 }, (_, i) => `1380000${String(i).padStart(4, '0')}`);
    for (const phone of phones) {
      await outbox.sendSms(database.db, phone, `通知 ${phone}`, 'test.notice');
    }
    const transport = recordingTransport();
    const small = createNotificationOutbox({ clock, protect, reveal, batchSize: 5 });
    const reports = await Promise.all([
      small.sendPending(database.db, transport),
      small.sendPending(database.db, transport),
    ]);
    expect(reports[0].sent + reports[1].sent).toBe(12);
    expect(transport.delivered.map((m) => m.phone).sort()).toEqual(phones);
    expect(transport.delivered.find((m) => m.phone === phones[3])?.text).toBe(`通知 ${phones[3]}`);
    const after = await rows();
    expect(after.every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt !== null)).toBe(true);

    // A later run finds nothing to send.
    expect(await small.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(transport.delivered).toHaveLength(12);
  });

  it('retries a failing message with growing delays, then gives up after the last attempt', async () => {
    const local = fixedClock('2026-03-02T01:00:00Z');
    const flaky = createNotificationOutbox({ clock: local, maxAttempts: 3, retryDelaySeconds: 30 });
    await flaky.sendSms(database.db, '13812345678', '测试', 'test.retry');
    const transport = recordingTransport(Number.POSITIVE_INFINITY);

    expect(await flaky.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '网关暂时不可用（第 1 次）' });
    expect(row?.nextAttemptAt).toEqual(new Date('2026-03-02T01:00:30Z'));

    // Not due yet: nothing happens.
    local.advance(29_000);
    expect(await flaky.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    local.advance(1_000);
    expect(await flaky.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row?.nextAttemptAt).toEqual(new Date('2026-03-02T01:01:30Z'));

    local.advance(60_000);
    expect(await flaky.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    [row] = await rows();
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: '网关暂时不可用（第 3 次）',
      sentAt: null,
    });

    local.advance(3_600_000);
    expect(await flaky.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(transport.calls).toBe(3);
  });

  it('sends after a temporary failure once the retry is due', async () => {
    const local = fixedClock('2026-03-02T01:00:00Z');
    const once = createNotificationOutbox({ clock: local, retryDelaySeconds: 30 });
    await once.sendSms(database.db, '13812345678', '测试', 'test.retry');
    const transport = recordingTransport(1);
    await once.sendPending(database.db, transport);
    local.advance(30_000);
    expect(await once.sendPending(database.db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await rows()).toMatchObject([{ status: 'sent', attempts: 2, lastError: null }]);
    expect(transport.delivered).toEqual([{ phone: '13812345678', text: '测试' }]);
  });

  it('takes over a message whose sender vanished, once its lease has ended', async () => {
    const local = fixedClock('2026-03-02T01:00:00Z');
    const leased = createNotificationOutbox({ clock: local, leaseSeconds: 300 });
    const { id } = await leased.enqueue(database.db, {
      channel: 'sms',
      recipient: '13812345678',
      template: 'test.lease',
      body: '测试',
    });
    // As a sender that claimed it and then died would leave it.
    await database.db
      .update(notificationOutbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date('2026-03-02T01:05:00Z') })
      .where(eq(notificationOutbox.id, id));
    const transport = recordingTransport();
    expect(await leased.sendPending(database.db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    local.advance(300_000);
    expect(await leased.sendPending(database.db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await rows()).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });

  it('lists the newest messages for a recipient and template, revealing the phone', async () => {
    await outbox.sendSms(database.db, '13812345678', '您的验证码是 111111', 'auth.otp');
    await outbox.sendSms(database.db, '13900000000', '您的验证码是 222222', 'auth.otp');
    await outbox.sendSms(database.db, '13812345678', '您的验证码是 333333', 'auth.otp');
    await outbox.sendSms(database.db, '13812345678', '其他通知', 'case.accepted');
    const found = await outbox.latest(database.db, { recipient: '13812345678', template: 'auth.otp' });
    expect(found.map((m) => [m.recipient, m.body])).toEqual([
      ['13812345678', '您的验证码是 333333'],
      ['13812345678', '您的验证码是 111111'],
    ]);
    expect(await outbox.latest(database.db, { limit: 1 })).toMatchObject([{ body: '其他通知' }]);
  });

  it('sends through the job queue when asked, without waiting for the minute', async () => {
    const quiet = { info() {}, warn() {}, error() {} };
    const queue = new JobQueue(database, {
      timeZone: 'Asia/Shanghai',
      logger: quiet,
      pollingIntervalSeconds: 0.5,
    });
    const transport = recordingTransport();
    queue.define(notificationsSendJob(outbox, database.db, transport));
    // Before the queue runs, a nudge is a no-op rather than an error.
    await triggerNotificationSend(queue);
    await queue.start();
    try {
      await outbox.sendSms(database.db, '13812345678', '您的验证码是 654321', 'auth.otp');
      await triggerNotificationSend(queue);
      for (let i = 0; i < 200 && transport.delivered.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(transport.delivered).toEqual([{ phone: '13812345678', text: '您的验证码是 654321' }]);
      expect(await rows()).toMatchObject([{ status: 'sent' }]);
      await expect(queue.send(NOTIFICATIONS_SEND_JOB, {})).resolves.toEqual(expect.any(String));
    } finally {
      await queue.stop();
    }
  });
});

describe('SMS transports', () => {
  it('writes development messages to the log with the phone masked', async () => {
    const lines: [object, string | undefined][] = [];
    const transport = logSmsTransport({ info: (obj, msg) => lines.push([obj, msg]) });
    await transport.send({ phone: '13812345678', text: '您的验证码是 123456' });
    expect(lines).toEqual([
      [{ channel: 'sms', to: '138****5678' }, '短信 → 138****5678：您的验证码是 123456'],
    ]);
  });

  describe('HTTP gateway', () => {
    let server: http.Server;
    let baseUrl: string;
    const received: { url: string; auth: string | undefined; type: string | undefined; body: unknown }[] = [];

    beforeAll(async () => {
      server = http.createServer((req, res) => {
        let data = '';
        req.on('data', (chunk) => {
          data += chunk;
        });
        req.on('end', () => {
          received.push({
            url: req.url ?? '',
            auth: req.headers.authorization,
            type: req.headers['content-type'],
            body: JSON.parse(data || 'null'),
          });
          if (req.url === '/ok')
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          else if (req.url === '/busy') res.writeHead(503).end('gateway busy');
          // '/silent' never answers: the transport's timeout must end the attempt.
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    const transportTo = (path: string) =>
      httpSmsTransport({
        url: `${baseUrl}${path}`,
        token: 'secret-token',
        signName: '北海市司法局',
        timeoutMs: 300,
      });

    it('posts phone, text and signature with the bearer token', async () => {
      await transportTo('/ok').send({ phone: '13812345678', text: '您的验证码是 123456' });
      expect(received.at(-1)).toEqual({
        url: '/ok',
        auth: 'Bearer secret-token',
        type: 'application/json',
        body: { phone: '13812345678', text: '您的验证码是 123456', signName: '北海市司法局' },
      });
    });

    it('treats a non-2xx answer as a failure', async () => {
      await expect(transportTo('/busy').send({ phone: '13812345678', text: 'x' })).rejects.toThrow(
        '短信网关返回 HTTP 503：gateway busy',
      );
    });

    it('gives up on a gateway that does not answer', async () => {
      await expect(transportTo('/silent').send({ phone: '13812345678', text: 'x' })).rejects.toThrow(
        '短信网关在 300 毫秒内未响应',
      );
    });

    it('reports a gateway that cannot be reached', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const transport = httpSmsTransport({ url: `http://127.0.0.1:${port}/`, token: 't', signName: 's' });
      await expect(transport.send({ phone: '13812345678', text: 'x' })).rejects.toThrow(/^无法连接短信网关/);
    });
  });

  describe('settings', () => {
    const dev = { isProduction: false, defaultSignName: '北海市司法局' };
    const prod = { isProduction: true, defaultSignName: '北海市司法局' };

    it('logs in development by default', () => {
      expect(smsSettingsFromEnv({}, dev)).toEqual({
        transport: 'log',
        gatewayUrl: undefined,
        gatewayToken: undefined,
        signName: '北海市司法局',
        timeoutMs: 5000,
      });
      expect(createSmsTransport(smsSettingsFromEnv({}, dev), { info() {} }).name).toBe('log');
    });

    it('requires the gateway in production and refuses the log transport there', () => {
      expect(() => smsSettingsFromEnv({}, prod)).toThrow(/SMS_GATEWAY_URL[\s\S]*SMS_GATEWAY_TOKEN/);
      expect(() => smsSettingsFromEnv({ SMS_TRANSPORT: 'log' }, prod)).toThrow(
        /生产环境不能使用 SMS_TRANSPORT=log/,
      );
      const settings = smsSettingsFromEnv(
        {
          SMS_GATEWAY_URL: 'https://sms.internal/send',
          SMS_GATEWAY_TOKEN: 't0ken',
          SMS_SIGN_NAME: '合浦县司法局',
          SMS_GATEWAY_TIMEOUT_MS: '2000',
        },
        prod,
      );
      expect(settings).toEqual({
        transport: 'http',
        gatewayUrl: 'https://sms.internal/send',
        gatewayToken: 't0ken',
        signName: '合浦县司法局',
        timeoutMs: 2000,
      });
      expect(createSmsTransport(settings, { info() {} }).name).toBe('http');
    });

    it('names bad values', () => {
      expect(() => smsSettingsFromEnv({ SMS_TRANSPORT: 'carrier-pigeon' }, dev)).toThrow(
        'SMS_TRANSPORT 只能是 log 或 http',
      );
      expect(() =>
        smsSettingsFromEnv(
          { SMS_TRANSPORT: 'http', SMS_GATEWAY_URL: 'ftp://x', SMS_GATEWAY_TOKEN: 't' },
          dev,
        ),
      ).toThrow('SMS_GATEWAY_URL 必须是 http:// 或 https:// 开头的地址');
      expect(() => smsSettingsFromEnv({ SMS_GATEWAY_TIMEOUT_MS: '5s' }, dev)).toThrow(
        /SMS_GATEWAY_TIMEOUT_MS/,
      );
    });
  });
});
