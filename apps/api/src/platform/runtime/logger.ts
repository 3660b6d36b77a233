import pino, { type Logger } from 'pino';
import type { Config } from '../../config.ts';

export type { Logger };

/** JSON lines in production (for the log shipper), readable lines in development, silence in tests. */
export function createLogger(config: Pick<Config, 'logLevel' | 'env'>): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      censor: '[已隐藏]',
    },
  };
  if (config.env === 'development' && config.logLevel !== 'silent') {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname', singleLine: true },
      },
    });
  }
  return pino(options);
}
