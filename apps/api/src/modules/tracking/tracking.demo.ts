import type { FenceInput } from '@zhucheng/contracts';
import { isNull } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import { type DemoContext, DemoStepError } from '../../platform/demo/demo-context.ts';
import type { DemoStep, GuardedTable } from '../../platform/demo/demo-registry.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { vesselsForTracking } from '../corrections/index.ts';
import type { TrackingServices } from './index.ts';
import type { Fix } from './track.rules.ts';

// 演示数据 of maritime tracking: a satellite terminal for every demo vessel that carries one (step
// `corrections.register` made eight), registered and installed by the county's corrections officer, each
// terminal registered and authenticated as it would over JT/T 808, and three days of tracks: hourly in port,
// every five minutes on a day trip into the Beibu Gulf. One vendor platform, without a key (keys are shown once).
// The city bureau's fences: home ports, the near-shore permitted area, prohibited zones.

const ports: Record<string, { lat: number; lon: number }> = {
  北海港: { lat: 21.478, lon: 109.085 },
  铁山港: { lat: 21.532, lon: 109.452 },
  合浦党江港: { lat: 21.618, lon: 109.118 },
};
const COUNTY_OFFICERS = ['jzcounty', 'jz01', 'jz02', 'jz03', 'jz04'];
const DAYS = 3;

/** A day trip: out to a fishing ground 25–45 km south-west, working there, back; fixes every 5 minutes. */
function dayTrip(
  port: { lat: number; lon: number },
  day: Date,
  seed: number,
): { time: Date; lat: number; lon: number; speed: number; course: number }[] {
  const out: { time: Date; lat: number; lon: number; speed: number; course: number }[] = [];
  const start = day.getTime() - 3 * 3600_000; // 05:00 Beijing on `day` (a UTC midnight + 8 h − 3 h)
  const ground = { lat: port.lat - 0.22 - (seed % 5) * 0.03, lon: port.lon - 0.08 - (seed % 3) * 0.05 };
  const steps = 12 * 12; // 12 hours
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    // out in the first quarter, working in the middle half, back in the last quarter
    const leg = f < 0.25 ? f / 0.25 : f > 0.75 ? (1 - f) / 0.25 : 1;
    const wobble = leg === 1 ? Math.sin(i / 6 + seed) * 0.02 : 0;
    const lat = port.lat + (ground.lat - port.lat) * leg + wobble;
    const lon = port.lon + (ground.lon - port.lon) * leg + Math.cos(i / 5 + seed) * (leg === 1 ? 0.015 : 0);
    const moving = f < 0.25 || f > 0.75;
    out.push({
      time: new Date(start + i * 5 * 60_000),
      lat: Math.round(lat * 1e6) / 1e6,
      lon: Math.round(lon * 1e6) / 1e6,
      speed: moving ? 14 + (i % 4) : 3 + (i % 3),
      course: f > 0.75 ? 30 : f < 0.25 ? 210 : (i * 37) % 360,
    });
  }
  return out;
}

export const trackingDemo: DemoStep = {
  id: 'tracking.terminals',
  dependsOn: ['corrections.register'],
  run: async (ctx) => {
    const { services } = ctx;
    const db = services.database.db;
    const tracking = services.modules.get('tracking') as TrackingServices | undefined;
    if (!tracking) throw new DemoStepError('海上动态监管模块未启用');
    const vessels = await vesselsForTracking(db);
    if (vessels.length === 0) throw new DemoStepError('演示数据缺少船舶（先运行 corrections.register）');
    const actors: RequestContext[] = [];
    for (const username of COUNTY_OFFICERS) {
      try {
        actors.push(await ctx.as(username));
      } catch {
        // an account this demo did not make: skip it
      }
    }
    const admin = await ctx.asRole('sysAdmin');
    const vendor = await tracking.vendors.create(admin, {
      name: '北斗海聊终端平台（演示）',
      code: 'bdhl-demo',
    });
    await ctx.track('tracking_vendor', vendor.id);

    await demoFences(ctx, tracking, admin);

    const now = services.clock.now();
    // Beijing's date of now, as a UTC midnight (the trips below add Beijing hours to it)
    const local = new Date(now.getTime() + 8 * 3600_000);
    const today = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
    for (const [n, vessel] of vessels.entries()) {
      const officer = actors.find((a) => a.principal && unitInScope(a.principal.scope, vessel.unitId));
      if (!officer) throw new DemoStepError(`演示数据缺少能管辖船舶 ${vessel.name} 的社区矫正工作人员`);
      const terminalNumber = `1450${String(n + 1).padStart(7, '0')}`;
      const deviceId = `BD3${String(3000 + n)}`;
      const terminal = await db.transaction((tx) =>
        tracking.terminals.create(tx, officer, {
          terminalNumber,
          deviceId,
          model: '北斗三号船载终端 BD-300',
          sim: `898604500${String(n + 1).padStart(11, '0')}`,
          edition: n % 2 === 0 ? '2019' : '2013',
          vendorId: n % 4 === 0 ? vendor.id : null,
          note: `船上标注编号 ${vessel.terminalId}`,
        }),
      );
      await ctx.track('tracking_terminal', terminal.id);
      await tracking.terminals.install(officer, terminal.id, {
        vesselId: vessel.vesselId,
        from: new Date(today.getTime() - (DAYS + 30) * 86400_000).toISOString(),
      });
      const registered = await tracking.terminals.registerDevice(terminalNumber, {
        edition: terminal.edition,
        province: 45,
        city: 500,
        maker: 'BDHL',
        model: 'BD-300',
        deviceId,
        plateColor: 0,
        plate: vessel.registrationNo,
      });
      if (registered.authCode) {
        await tracking.terminals.authenticateDevice(terminalNumber, {
          authCode: registered.authCode,
          imei: null,
          softwareVersion: null,
        });
      }

      const port = ports[vessel.homePort] ?? ports.北海港 ?? { lat: 21.478, lon: 109.085 };
      const fixes: Fix[] = [];
      const fix = (p: { time: Date; lat: number; lon: number; speed: number; course: number }): Fix => ({
        terminalId: terminal.id,
        time: p.time,
        lat: p.lat,
        lon: p.lon,
        altitudeM: 0,
        speedKmh: p.speed,
        course: p.course,
        alarmBits: 0,
        statusBits: 2,
        satellites: 9 + (p.time.getUTCMinutes() % 5),
        signal: null,
        mileageKm: null,
        located: true,
        source: 'jt808',
      });
      for (let d = DAYS; d >= 0; d--) {
        const day = new Date(today.getTime() - d * 86400_000);
        // hourly in port, a trip on most days
        for (let h = 0; h < 24; h++) {
          const time = new Date(day.getTime() - 8 * 3600_000 + h * 3600_000);
          if (h >= 5 && h < 18 && (n + d) % 3 !== 0) continue;
          fixes.push(fix({ time, lat: port.lat, lon: port.lon, speed: 0, course: 0 }));
        }
        if ((n + d) % 3 !== 0) for (const p of dayTrip(port, day, n * 7 + d)) fixes.push(fix(p));
      }
      await tracking.writer.submit(fixes.filter((f) => f.time && f.time <= now));
    }
  },
};

/**
 * The city bureau's fences: the three home ports, the near-shore permitted fishing area the demo trips stay in,
 * and two prohibited zones (one seasonal, exempting hook-and-line and cage culture). Drawn for the city's root
 * unit, so they apply to every office's vessels.
 */
async function demoFences(
  ctx: DemoContext,
  tracking: TrackingServices,
  admin: RequestContext,
): Promise<void> {
  const db = ctx.services.database.db;
  const [root] = await db.select({ id: orgUnit.id }).from(orgUnit).where(isNull(orgUnit.parentId)).limit(1);
  if (!root) throw new DemoStepError('机构树为空');
  const fences: FenceInput[] = [
    ...Object.entries(ports).map(([name, p]) => ({
      name,
      purpose: 'port' as const,
      shape: { kind: 'circle' as const, center: [p.lon, p.lat] as [number, number], radiusM: 2500 },
      note: '港池及锚地：在此范围内视为在港',
    })),
    {
      name: '北部湾北海近岸作业区',
      purpose: 'permitted',
      shape: {
        kind: 'polygon',
        ring: [
          [108.72, 21.02],
          [109.35, 21.02],
          [109.75, 21.3],
          [109.75, 21.66],
          [109.0, 21.66],
          [108.72, 21.4],
        ],
      },
      dwellMinutes: 10,
      note: '社区矫正对象所在船舶经批准的近岸作业范围',
    },
    {
      name: '涠洲岛周边禁捕区',
      purpose: 'prohibited',
      shape: { kind: 'circle', center: [109.115, 21.04], radiusM: 6000 },
      dwellMinutes: 0,
      note: '演示：涠洲岛—斜阳岛海域保护区核心区',
    },
    {
      name: '廉州湾幼鱼繁育保护区（休渔期）',
      purpose: 'prohibited',
      shape: {
        kind: 'corridor',
        line: [
          [109.02, 21.55],
          [109.1, 21.6],
          [109.2, 21.6],
        ],
        widthM: 3000,
      },
      calendar: { kind: 'annual', start: '05-01T12:00', end: '08-16T12:00' },
      exemptGearTypes: ['hookAndLine', 'cageCulture'],
      dwellMinutes: 5,
    },
  ];
  for (const fence of fences) {
    const view = await db.transaction((tx) =>
      tracking.fences.create(tx, admin, { ...fence, unitId: root.id }),
    );
    await ctx.track('tracking_fence', view.id);
  }
  tracking.fences.changed();
}

export const trackingGuardedTables: GuardedTable[] = [
  { table: 'tracking_fence', idColumn: 'id' },
  { table: 'tracking_terminal', idColumn: 'id' },
  { table: 'tracking_vendor', idColumn: 'id' },
];
