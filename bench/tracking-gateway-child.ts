import path from 'node:path';
import { bootstrapPlatform } from '../apps/api/src/bootstrap.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { trackingServicesOf } from '../apps/api/src/modules/tracking/index.ts';
import { StatusBit } from '../apps/api/src/modules/tracking/jt808.messages.ts';
import { TrackPartitions } from '../apps/api/src/modules/tracking/track.partitions.ts';
import type { Fix } from '../apps/api/src/modules/tracking/track.rules.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';
import { createLogger } from '../apps/api/src/platform/runtime/logger.ts';
import { createServices } from '../apps/api/src/services.ts';

// The gateway side of bench/tracking-ingest.ts, forked by it so that this process's RSS is the gateway's alone
// (with PGlite: the gateway and the embedded database, as inside `npm start`). It owns the database: it opens
// it (PGlite in BENCH_DATA_DIR, or DATABASE_URL), migrates, bootstraps, registers the terminals, starts the
// JT/T 808 gateway through the tracking module's listener on 127.0.0.1 and a free port, and answers the
// parent's requests over IPC: stats, row counts, the writer-only run and the raw insert ceiling.

const send = (message: unknown) =>
  new Promise<void>((resolve, reject) => {
    if (!process.send)
      return reject(new Error('tracking-gateway-child runs forked by bench/tracking-ingest.ts'));
    process.send(message, (err: Error | null) => (err ? reject(err) : resolve()));
  });

const terminals = Number(process.env.BENCH_TERMINALS ?? 1000);
const dataDir = process.env.BENCH_DATA_DIR ?? '';
if (!dataDir) throw new Error('BENCH_DATA_DIR is not set');

const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.DATABASE_URL,
  LOG_LEVEL: 'silent',
  ADMIN_PASSWORD: 'Beihai#2026sys',
  SECADMIN_PASSWORD: 'Zhucheng#2026sec',
  AUDITOR_PASSWORD: 'Haicheng#2026aud',
  TRACKING_PORT: '0',
  TRACKING_HOST: '127.0.0.1',
});

// RSS once a second for the whole life of the process; the parent marks where the load starts and ends.
const rss: { at: number; mb: number }[] = [];
const sampleRss = () => rss.push({ at: Date.now(), mb: process.memoryUsage.rss() / 2 ** 20 });
sampleRss();
const sampler = setInterval(sampleRss, 1000);

const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: path.join(config.dataDir, 'pglite'),
  poolSize: config.databasePoolSize,
});
await migrateDatabase(database);
const services = createServices(config, database, createLogger(config));
await bootstrapPlatform(services);
const tracking = trackingServicesOf(services);

// The terminals as staff would have registered them, in one statement (numbers and device ids the parent derives
// from the same index).
await database.executeSql(
  `insert into tracking_terminal (id, terminal_number, device_id, model, sim, edition, unit_id, created_by,
     created_at, updated_at)
   select gen_random_uuid(), '1380' || lpad(g::text, 7, '0'), 'B' || lpad(g::text, 6, '0'), 'BD3-SAT',
     '8986' || lpad(g::text, 16, '0'), '2013', u.id, 'bench', now(), now()
   from generate_series(1, $1::int) g, (select min(id) as id from org_unit) u`,
  [terminals],
);
const terminalIds = (
  await database.executeSql(
    'select id from tracking_terminal where created_by = $1 order by terminal_number',
    ['bench'],
  )
).rows.map((r) => String(r.id));

// --fences: each terminal's boat carries a tracked supervisee (person, term, vessel, installation, aboard window),
// and a small prohibited circle lies on its course, reached some time into the run, so the evaluator raises
// alerts while the load runs; one fence per terminal (1,000 for 1,000 terminals) in the evaluator's grid.
const withFences = process.env.BENCH_FENCES === '1';
const benchSeconds = Number(process.env.BENCH_SECONDS ?? 300);
if (withFences) {
  await database.executeSql(
    `with t as (
       select row_number() over (order by terminal_number) as i, id from tracking_terminal where created_by = 'bench'
     ), u as (select min(id) as unit from org_unit),
     p as (insert into person (id, name, created_at, updated_at)
           select md5('p' || i)::uuid, '基准对象' || i, now(), now() from t returning id),
     c as (insert into case_record (id, case_type, status, competent_unit_id, receiving_unit_id, title, created_at,
             updated_at)
           select md5('c' || i)::uuid, 'corrections.supervisee', 'supervising', u.unit, u.unit, '基准对象' || i, now(),
             now() from t, u returning id),
     s as (insert into corrections_supervisee (case_id, person_id, sentence_kind, offence, court_name, judgment_no,
             judgment_effective_on, period_start, period_end, prohibition_orders, created_at, updated_at)
           select md5('c' || i)::uuid, md5('p' || i)::uuid, 'probation', '非法捕捞水产品罪', '北海市海城区人民法院',
             '基准' || i, current_date - 30, current_date - 30, current_date + 300, '[]'::jsonb, now(), now()
           from t returning case_id),
     v as (insert into corrections_vessel (id, unit_id, name, registration_no, home_port, gear_type, owner_name,
             created_by, created_at, updated_at)
           select md5('v' || i)::uuid, u.unit, '基准渔' || i, 'BENCH-' || i, '北海港', 'gillnet', '船主' || i, 'bench',
             now(), now() from t, u returning id),
     n as (insert into tracking_installation (id, terminal_id, vessel_id, from_at, created_by, created_at)
           select gen_random_uuid(), t.id, md5('v' || i)::uuid, now() - interval '400 days', 'bench', now()
           from t returning id)
     insert into corrections_aboard_window (id, case_id, vessel_id, role, from_at, tracked, created_by, created_at,
       updated_at)
     select gen_random_uuid(), md5('c' || i)::uuid, md5('v' || i)::uuid, 'captain', now() - interval '400 days',
       true, 'bench', now(), now()
     from t`,
  );
  // Boat i moves 1e-5° of longitude a message; at ~4 messages a second it reaches its circle after 5–85 % of the run.
  await database.executeSql(
    `insert into tracking_fence (id, name, purpose, shape, calendar, exempt_gear_types, dwell_minutes, vessel_ids,
       unit_id, active, version, created_by, created_at, updated_by, updated_at)
     select gen_random_uuid(), '基准禁区' || i, 'prohibited',
       jsonb_build_object('kind', 'circle', 'radiusM', 30, 'center', jsonb_build_array(
         108.5 + floor((i - 1) / 100) * 0.01 + (0.05 + 0.8 * ((i * 7919) % 1000) / 1000.0) * $1::int * 4 * 0.00001,
         21 + ((i - 1) % 100) * 0.01)),
       '{"kind":"always"}'::jsonb, '[]'::jsonb, 0, '[]'::jsonb, (select min(id) from org_unit), true, 1, 'bench',
       now(), 'bench', now()
     from generate_series(1, $2::int) i`,
    [benchSeconds, terminals],
  );
  tracking.evaluator.invalidate();
}

const listener = services.listeners.find((l) => l.name === 'tracking gateway');
if (!listener) throw new Error('the tracking module has no gateway listener');
await listener.start();
const gateway = tracking.gateway;
const port = gateway?.status().port;
if (!gateway || !port) throw new Error('the gateway did not start');

/** Where terminal i is at step k (the parent's simulated terminals move the same way: ~4 km/h eastward). */
const at = (i: number, k: number) => ({
  lat: 21 + (i % 100) * 0.01,
  lon: 108.5 + Math.floor(i / 100) * 0.01 + k * 0.00001,
});

const marks: { start?: number; end?: number } = {};
let cpuAtStart = process.cpuUsage();

async function rowCounts() {
  await tracking.writer.flush();
  const r = await database.executeSql(
    `select (select count(*) from tracking_position)::int as positions,
            (select count(*) from tracking_filtered_fix)::int as filtered,
            (select count(*) from tracking_alarm)::int as alarms`,
  );
  return r.rows[0] as { positions: number; filtered: number; alarms: number };
}

/** Makes the month partitions of every instant exist before a timed run (the writer does it inside its batches). */
async function ensurePartitions(instants: Date[]) {
  await database.db.transaction((tx) => new TrackPartitions().ensure(tx, instants));
}

/**
 * The ceiling: `rows` positions of the same shape straight into tracking_position — INSERT … SELECT FROM unnest(…)
 * ON CONFLICT DO NOTHING statements of `batch` rows, one after another as the writer commits, no gateway, no TCP, no
 * classification. Times run backwards from `baseMs` (the gateway's went forwards from it), so every key is new.
 */
async function rawInsert(rows: number, batch: number, baseMs: number) {
  const text = `insert into tracking_position (terminal_id, fixed_at, received_at, lat, lon, altitude_m, speed_kmh,
      course, alarm_bits, status_bits, satellites, signal, mileage_km, source)
    select t, f, $1::timestamptz, la, lo, 0, 4, 90, 0, ${StatusBit.located}, 12, 20, mi, 'jt808'
    from unnest($2::uuid[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float4[]) as u(t, f, la, lo, mi)
    on conflict do nothing`;
  const n = terminalIds.length;
  const oldest = new Date(baseMs - Math.ceil(rows / n) * 1000 - 1000);
  await ensurePartitions([oldest, new Date(baseMs - 1000)]);
  const before = (await rowCounts()).positions;
  const started = performance.now();
  for (let start = 0; start < rows; start += batch) {
    const size = Math.min(batch, rows - start);
    const ids: string[] = [];
    const times: string[] = [];
    const lats: number[] = [];
    const lons: number[] = [];
    const miles: number[] = [];
    for (let j = start; j < start + size; j++) {
      const i = j % n;
      const k = Math.floor(j / n);
      const p = at(i, -k);
      ids.push(terminalIds[i] as string);
      times.push(new Date(baseMs - (k + 1) * 1000).toISOString());
      lats.push(p.lat);
      lons.push(p.lon);
      miles.push(1000 + k / 1000);
    }
    await database.executeSql(text, [new Date().toISOString(), ids, times, lats, lons, miles]);
  }
  const seconds = (performance.now() - started) / 1000;
  const stored = (await rowCounts()).positions - before;
  return { rows, stored, seconds };
}

/**
 * The writer alone: the same number of fixes through TrackWriter.submit (classification, batching, RETURNING), from
 * `concurrency` closed loops as the sessions would submit them, without TCP or the protocol. Times run backwards
 * from 60 days before `baseMs`.
 */
async function writerOnly(rows: number, concurrency: number, baseMs: number) {
  const n = terminalIds.length;
  const from = baseMs - 60 * 86_400_000;
  await ensurePartitions([new Date(from - Math.ceil(rows / n) * 1000 - 1000), new Date(from - 1000)]);
  const before = (await rowCounts()).positions;
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    for (let j = next++; j < rows; j = next++) {
      const i = j % n;
      const k = Math.floor(j / n);
      const p = at(i, -k);
      const fix: Fix = {
        terminalId: terminalIds[i] as string,
        time: new Date(from - (k + 1) * 1000),
        lat: p.lat,
        lon: p.lon,
        altitudeM: 0,
        speedKmh: 4,
        course: 90,
        alarmBits: 0,
        statusBits: StatusBit.located,
        satellites: 12,
        signal: 20,
        mileageKm: 1000,
        located: true,
        source: 'jt808',
      };
      await tracking.writer.submit([fix]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  const stored = (await rowCounts()).positions - before;
  return { rows, stored, seconds };
}

function rssSummary() {
  const start = marks.start ?? Date.now();
  const end = marks.end ?? Date.now();
  const during = rss.filter((s) => s.at >= start && s.at <= end + 1000);
  const first = rss.filter((s) => s.at <= start).at(-1) ?? rss[0];
  const last = rss.filter((s) => s.at <= end).at(-1) ?? rss.at(-1);
  return {
    beforeDatabaseMb: rss[0]?.mb ?? 0,
    startMb: first?.mb ?? 0,
    maxMb: Math.max(...during.map((s) => s.mb), first?.mb ?? 0),
    endMb: last?.mb ?? 0,
    samples: during.length,
  };
}

let stopping: Promise<void> | null = null;
function stop(): Promise<void> {
  stopping ??= (async () => {
    clearInterval(sampler);
    await listener?.stop();
    await database.close();
  })();
  return stopping;
}

type Request = { id: number; cmd: string; args?: Record<string, number> };

process.on('message', (raw: Request) => {
  const handle = async (): Promise<unknown> => {
    const a = raw.args ?? {};
    switch (raw.cmd) {
      case 'mark-start':
        sampleRss();
        marks.start = Date.now();
        cpuAtStart = process.cpuUsage();
        return null;
      case 'mark-end': {
        const cpu = process.cpuUsage(cpuAtStart);
        sampleRss();
        marks.end = Date.now();
        return { cpuSeconds: (cpu.user + cpu.system) / 1e6 };
      }
      case 'stats':
        return { status: gateway.status(), writer: { ...tracking.writer.stats }, rss: rssSummary() };
      case 'count':
        return rowCounts();
      case 'alerts': {
        await tracking.evaluator.idle();
        // Frame to alert: the alert's creation after its fix reached the writer (received_at), in ms.
        const r = await database.executeSql(
          `select extract(epoch from (a.created_at - p.received_at)) * 1000 as ms
             from tracking_alert a join tracking_position p on p.terminal_id = a.terminal_id and p.fixed_at = a.first_at`,
        );
        return { latencies: r.rows.map((row) => Number(row.ms)), evaluator: { ...tracking.evaluator.stats } };
      }
      case 'writer':
        return writerOnly(a.rows ?? 0, a.concurrency ?? terminals, a.baseMs ?? Date.now());
      case 'raw':
        return rawInsert(a.rows ?? 0, a.batch ?? 2000, a.baseMs ?? Date.now());
      case 'exit':
        await stop();
        return null;
      default:
        throw new Error(`unknown command ${raw.cmd}`);
    }
  };
  handle().then(
    (result) =>
      send({ id: raw.id, ok: true, result }).then(() => {
        if (raw.cmd === 'exit') process.exit(0);
      }),
    (err: unknown) =>
      send({ id: raw.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
// The parent gone (killed, crashed): nothing left to serve.
process.on('disconnect', () => {
  void stop().finally(() => process.exit(1));
});

await send({
  type: 'ready',
  port,
  terminals: terminalIds.length,
  database: database.kind,
  rssMb: process.memoryUsage.rss() / 2 ** 20,
});
