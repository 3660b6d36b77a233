import { systemContext } from '../../platform/access/principal.ts';
import { defineBusinessModule } from '../business-module.ts';
import { AlertEvaluator } from './alerts.evaluator.ts';
import { AlertsService } from './alerts.service.ts';
import { FencesService } from './fences.service.ts';
import { TrackingGateway } from './gateway.ts';
import { TerminalsService } from './terminals.service.ts';
import { dropExpiredPartitions } from './track.partitions.ts';
import { retentionFloor } from './track.rules.ts';
import { TrackService } from './track.service.ts';
import { pruneSideTables, TrackWriter } from './track.store.ts';
import { trackingDemo, trackingGuardedTables } from './tracking.demo.ts';
import { trackingRoutes } from './tracking.routes.ts';
import { VendorsService } from './vendors.service.ts';

export { TrackingGateway } from './gateway.ts';
export type { TrackWriter } from './track.store.ts';

// 海上定位 (maritime tracking), part 1: satellite terminals over JT/T 808 (the gateway), vendor platforms'
// HTTP ingest, terminals and their installation on corrections vessels, the track store (monthly partitions,
// retention) and track views. Reads corrections only through `modules/corrections/index.ts`.

export interface TrackingServices {
  /** 卫星终端: registry, installation on vessels, JT/T 808 registration and authentication. */
  terminals: TerminalsService;
  /** 厂商接入: vendor platforms, their keys and batch ingest. */
  vendors: VendorsService;
  /** Last positions and tracks (audited). */
  track: TrackService;
  /** The track store's batching writer (the gateway and the ingest share it). */
  writer: TrackWriter;
  /** 电子围栏 (versioned). */
  fences: FencesService;
  /** 告警 and the triage queue. */
  alerts: AlertsService;
  /** Checks every committed position against the fences and the sea rules; raises alerts. */
  evaluator: AlertEvaluator;
  /** The gateway, once a listener started it in this process. */
  gateway: TrackingGateway | null;
}

export const trackingModule = defineBusinessModule<TrackingServices>({
  name: 'tracking',
  label: '海上动态监管',
  demoSteps: [trackingDemo],
  demoGuardedTables: trackingGuardedTables,
  createServices: (platform) => {
    const { db } = platform.database;
    const base = { db, clock: platform.clock, audit: platform.audit };
    const t = platform.config.tracking;
    const writer = new TrackWriter({
      db,
      clock: platform.clock,
      limits: {
        maxSpeedKmh: t.maxSpeedKmh,
        retentionMonths: t.retentionMonths,
        futureToleranceMs: 10 * 60_000,
      },
    });
    const alerts = new AlertsService({ ...base, outbox: platform.outbox });
    const evaluator = new AlertEvaluator({ db, clock: platform.clock, alerts, logger: platform.logger });
    writer.onCommit(evaluator.onCommit);
    return {
      terminals: new TerminalsService(base),
      vendors: new VendorsService({ ...base, writer }),
      track: new TrackService(base),
      fences: new FencesService({ ...base, onChange: () => evaluator.invalidate() }),
      alerts,
      evaluator,
      writer,
      gateway: null,
    };
  },
  routes: (services, platform) =>
    trackingRoutes({
      terminals: services.terminals,
      vendors: services.vendors,
      track: services.track,
      fences: services.fences,
      alerts: services.alerts,
      gateway: () => services.gateway,
      idempotency: platform.idempotency,
    }),
  jobs: (services, platform) => [
    {
      // Retention: monthly partitions wholly older than TRACKING_RETENTION_MONTHS are dropped; filtered fixes
      // and alarms received before the same floor are deleted.
      name: 'tracking.retention',
      cron: '20 3 * * *',
      run: async () => {
        const now = platform.clock.now();
        const months = platform.config.tracking.retentionMonths;
        await services.writer.flush();
        const dropped = await dropExpiredPartitions(platform.database.db, now, months);
        services.writer.forget(dropped);
        await pruneSideTables(platform.database.db, retentionFloor(now, months));
        if (dropped.length > 0) {
          await platform.database.db.transaction((tx) =>
            platform.audit(tx, systemContext('tracking.retention'), {
              action: 'tracking.retention',
              detail: { dropped, retentionMonths: months },
            }),
          );
        }
      },
    },
    {
      // SLA: alerts not acknowledged / not resolved in time are escalated to the supervisors, once per step.
      name: 'tracking.alerts.escalate',
      cron: '* * * * *',
      run: async () => {
        await services.alerts.escalateOverdue();
      },
    },
    {
      // No signal: vessels at sea silent beyond the limit of the strictest supervision level aboard.
      name: 'tracking.alerts.noSignal',
      cron: '*/5 * * * *',
      run: async () => {
        await services.evaluator.sweepNoSignal();
      },
    },
  ],
  listeners: (services, platform) => [
    {
      name: 'tracking gateway',
      start: async () => {
        const t = platform.config.tracking;
        if (t.port === null) return null;
        const gateway = new TrackingGateway({
          directory: services.terminals,
          sink: services.writer,
          limits: {
            idleSeconds: t.idleSeconds,
            maxConnections: t.maxConnections,
            connectionsPerTerminal: t.connectionsPerTerminal,
          },
          logger: platform.logger,
        });
        const port = await gateway.listen(t.port, t.host);
        services.gateway = gateway;
        return `卫星终端接入（JT/T 808）  ${t.host}:${port}`;
      },
      stop: async () => {
        await services.gateway?.close();
        services.gateway = null;
        await services.writer.flush();
        await services.evaluator.idle();
      },
    },
  ],
});

/** The module's services from the platform's (tests, the gateway script). */
export function trackingServicesOf(platform: { modules: Map<string, object> }): TrackingServices {
  const services = platform.modules.get('tracking');
  if (!services) throw new Error('tracking is not part of this platform');
  return services as TrackingServices;
}
