import { healthSchema, platformInfoSchema, readySchema } from '@zhucheng/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';

export interface HealthDeps {
  version: string;
  clock: Clock;
  database: Pick<DatabaseHandle, 'kind' | 'ping'>;
  config: { cityName: string; cityDivisionCode: string; jobsEnabled: boolean };
  jobs: { readonly started: boolean };
  lifecycle: { readonly shuttingDown: boolean };
}

export function healthRoutes(services: HealthDeps): FastifyPluginAsyncZod {
  const { database, clock, config, jobs, lifecycle } = services;
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['platform'],
          summary: '健康检查（含数据库连通性）',
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_request, reply) => {
        let ok = true;
        let latencyMs = 0;
        try {
          latencyMs = await database.ping();
        } catch (err) {
          ok = false;
          app.log.error({ err }, 'database ping failed');
        }
        const now = clock.now();
        return reply.status(ok ? 200 : 503).send({
          status: ok ? 'ok' : 'degraded',
          version: services.version,
          database: { kind: database.kind, ok, latencyMs },
          time: now.toISOString(),
          today: clock.today(),
          timeZone: clock.timeZone,
          uptimeSeconds: Math.round(process.uptime()),
        });
      },
    );

    app.get(
      '/api/ready',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['platform'],
          summary: '就绪检查（负载均衡用：关闭过程中返回 503）',
          response: { 200: readySchema, 503: readySchema },
        },
      },
      async (_request, reply) => {
        const checks: Record<string, boolean> = {
          accepting: !lifecycle.shuttingDown,
          database: await database.ping().then(
            () => true,
            () => false,
          ),
          jobs: !config.jobsEnabled || jobs.started,
        };
        const ready = Object.values(checks).every(Boolean);
        return reply.status(ready ? 200 : 503).send({ ready, checks });
      },
    );

    app.get(
      '/api/platform/info',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['platform'],
          summary: '平台名称与所属城市',
          response: { 200: platformInfoSchema },
        },
      },
      async () => ({
        name: '珠城智慧司法平台',
        cityName: config.cityName,
        cityDivisionCode: config.cityDivisionCode,
        version: services.version,
      }),
    );
  };
}
