import path from 'node:path';
import { z } from 'zod';

// One typed configuration over environment variables. Every variable is documented in the README table.
// Development defaults keep `npm start` working on a fresh clone; in production a missing secret stops
// the process at start-up instead of running with a guessable default.

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须是 postgres:// 或 postgresql:// 开头的连接串')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  APP_TIME_ZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimeZone, 'APP_TIME_ZONE 不是有效的 IANA 时区名（例如 Asia/Shanghai）'),
  CITY_DIVISION_CODE: z
    .string()
    .regex(/^\d{6}$/, 'CITY_DIVISION_CODE 必须是 6 位行政区划代码（例如北海市 450500）')
    .default('450500'),
  CITY_NAME: z.string().min(1).max(40).default('北海市'),
  LOG_LEVEL: z.enum(logLevels).optional(),
  WEB_DIST_DIR: z.string().optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  // 网络安全法 第二十一条: network logs are kept for at least six months.
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'AUDIT_RETENTION_DAYS 不能少于 180 天（网络安全法第二十一条）')
    .default(365),
  JOBS_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
  // 海上定位: the JT/T 808 terminal gateway (0 = any free port; `off` = not started by this process).
  TRACKING_PORT: z
    .union([z.literal('off'), z.coerce.number().int().min(0).max(65535)], {
      error: 'TRACKING_PORT 应为 0 至 65535 的端口号或 off',
    })
    .default(6808),
  TRACKING_HOST: z.string().min(1).default('0.0.0.0'),
  TRACKING_IDLE_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  TRACKING_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(200_000).default(20_000),
  TRACKING_CONNECTIONS_PER_TERMINAL: z.coerce.number().int().min(1).max(10).default(2),
  TRACKING_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(36),
  TRACKING_MAX_SPEED_KMH: z.coerce.number().min(10).max(2000).default(120),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** Unset → the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  timeZone: string;
  cityDivisionCode: string;
  /** Shown in page headers and documents: 北海市 → 北海市司法局. */
  cityName: string;
  logLevel: (typeof logLevels)[number];
  webDistDir: string;
  trustProxy: boolean;
  jobsEnabled: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Sign-in attempts per client IP per minute, on top of the per-account lockout. */
  loginRatePerMinute: number;
  auditRetentionDays: number;
  /** Largest accepted upload, in bytes (UPLOAD_MAX_MB). */
  uploadMaxBytes: number;
  /** The JT/T 808 gateway (TRACKING_*); `port: null` when TRACKING_PORT=off. */
  tracking: TrackingConfig;
  /** The whole environment, for parts that read their own variables (keys, bootstrap passwords). */
  variables: Record<string, string | undefined>;
}

export interface TrackingConfig {
  port: number | null;
  host: string;
  idleSeconds: number;
  maxConnections: number;
  connectionsPerTerminal: number;
  /** Months of positions kept; older monthly partitions are dropped. */
  retentionMonths: number;
  /** Faster than this (reported or implied between fixes) is filtered as impossible. */
  maxSpeedKmh: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误（环境变量）:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const missing: string[] = [];
  // Production runs PostgreSQL: PGlite has one connection and no fsync (see README).
  if (isProduction && !e.DATABASE_URL) missing.push('DATABASE_URL');
  if (missing.length > 0) {
    throw new ConfigError(`生产环境缺少必需的配置: ${missing.join(', ')}（见 README 配置表）`);
  }
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    timeZone: e.APP_TIME_ZONE,
    cityDivisionCode: e.CITY_DIVISION_CODE,
    cityName: e.CITY_NAME,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist')),
    trustProxy: e.TRUST_PROXY,
    jobsEnabled: e.JOBS_ENABLED,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    tracking: {
      port: e.TRACKING_PORT === 'off' ? null : e.TRACKING_PORT,
      host: e.TRACKING_HOST,
      idleSeconds: e.TRACKING_IDLE_SECONDS,
      maxConnections: e.TRACKING_MAX_CONNECTIONS,
      connectionsPerTerminal: e.TRACKING_CONNECTIONS_PER_TERMINAL,
      retentionMonths: e.TRACKING_RETENTION_MONTHS,
      maxSpeedKmh: e.TRACKING_MAX_SPEED_KMH,
    },
    variables: present,
  };
}
