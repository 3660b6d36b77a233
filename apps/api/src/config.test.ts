import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives a fresh clone working defaults: Beihai, Shanghai time, PGlite under ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      timeZone: 'Asia/Shanghai',
      cityDivisionCode: '450500',
      cityName: '北海市',
      env: 'development',
      logLevel: 'info',
    });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://app@db/justice',
      DATA_DIR: '/srv/zhucheng',
      APP_TIME_ZONE: 'Asia/Urumqi',
      CITY_DIVISION_CODE: '450100',
      CITY_NAME: '南宁市',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://app@db/justice',
      dataDir: '/srv/zhucheng',
      timeZone: 'Asia/Urumqi',
      cityDivisionCode: '450100',
      cityName: '南宁市',
      logLevel: 'warn',
      isProduction: true,
    });
  });

  it('names each bad variable in Chinese', () => {
    const bad = () =>
      loadConfig({ CITY_DIVISION_CODE: '4505', APP_TIME_ZONE: 'Mars/Base', DATABASE_URL: 'mysql://x' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow('CITY_DIVISION_CODE: CITY_DIVISION_CODE 必须是 6 位行政区划代码');
    expect(bad).toThrow('APP_TIME_ZONE: APP_TIME_ZONE 不是有效的 IANA 时区名');
    expect(bad).toThrow('DATABASE_URL: DATABASE_URL 必须是 postgres://');
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT: /);
  });

  it('refuses to start in production without a PostgreSQL server', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/生产环境缺少必需的配置: DATABASE_URL/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 3000 });
  });

  it('is silent in tests unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });
});
