import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Jt808Simulator } from '../apps/api/src/modules/tracking/jt808.simulator.ts';

// What the JT/T 808 gateway sustains with everything persisted, against the ceiling measured in the same run: the
// same number of rows inserted straight into tracking_position. N simulated terminals (default 1,000) connect over
// TCP, register (0x0100 → 0x8100), authenticate (0x0102) and then report positions (0x0200) in a closed loop for
// S seconds (default 300), each waiting for the 0x8001 the gateway sends once the position is committed.
//   gateway      — rows in tracking_position at the end ÷ the reporting window; frame-to-commit latency per
//                  message (send → 0x8001, p50/p99); gateway RSS sampled every second in its process;
//   writer only  — the same number of fixes through TrackWriter.submit from N closed loops, no TCP, no protocol;
//   raw INSERT   — the same number of rows (same columns, new keys) as INSERT … SELECT FROM unnest(…) ON CONFLICT
//                  DO NOTHING statements of 2,000 rows (the writer's batch size; the fastest statement form measured
//                  here, ahead of multi-row VALUES), one after another, no RETURNING: the ceiling.
// The gateway runs in a child process (bench/tracking-gateway-child.ts) that owns the database — PGlite in a temp
// directory, or, when DATABASE_URL is set, a scratch database it creates and drops on that PostgreSQL server — so
// its RSS is the gateway's (and, with PGlite, the embedded database's, as inside `npm start`). This process is the
// load generator only.
// `npm run bench:tracking -- --terminals 1000 --seconds 300` (`--seconds 20` for a smoke run, `--skip-writer`;
// `--fences`: each boat carries a tracked supervisee and meets a prohibited circle during the run, so the alert
// evaluator works under the load; prints fix-to-alert latency).

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const terminals = arg('terminals', 1000);
const seconds = arg('seconds', 300);
const skipWriter = process.argv.includes('--skip-writer');
/** Each boat carries a tracked supervisee and a prohibited circle lies on its course: alerts raised under load. */
const withFences = process.argv.includes('--fences');
/** Rows per statement of the raw ceiling: TrackWriter's default maxBatch. */
const RAW_BATCH = 2000;
/** Terminals registering and authenticating at once (each registration is a transaction with an audit entry). */
const ONLINE_CONCURRENCY = 50;
/** The figure to beat: Traccar's maintainer, one server (a different machine from this one). */
const TRACCAR_MESSAGES_PER_SECOND = 8000;
if (!Number.isInteger(terminals) || terminals < 1 || !(seconds > 0)) {
  throw new Error('usage: --terminals N (≥ 1) --seconds S (> 0)');
}

// ---- the child: the gateway and its database ---------------------------------------------------------------------

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-bench-tracking-'));
const serverUrl = process.env.DATABASE_URL || undefined;
const scratch = serverUrl ? `zhucheng_bench_${process.pid}_${Date.now().toString(36)}` : null;

async function onServer(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

let childUrl: string | undefined;
if (serverUrl && scratch) {
  await onServer(`create database ${scratch}`);
  const u = new URL(serverUrl);
  u.pathname = `/${scratch}`;
  childUrl = u.toString();
}

interface Ready {
  type: 'ready';
  port: number;
  terminals: number;
  database: 'pglite' | 'postgres';
  rssMb: number;
}
interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

const child: ChildProcess = fork(path.join(import.meta.dirname, 'tracking-gateway-child.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: {
    ...process.env,
    BENCH_DATA_DIR: dataDir,
    BENCH_TERMINALS: String(terminals),
    BENCH_SECONDS: String(seconds),
    BENCH_FENCES: withFences ? '1' : '0',
    DATABASE_URL: childUrl ?? '',
  },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
let childExited = false;
const childExit = new Promise<number | null>((resolve) =>
  child.once('exit', (code) => {
    childExited = true;
    resolve(code);
  }),
);

let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let onReady: ((r: Ready) => void) | null = null;
child.on('message', (m: Ready | Reply) => {
  if ('type' in m && m.type === 'ready') {
    onReady?.(m);
    return;
  }
  const reply = m as Reply;
  const waiter = pending.get(reply.id);
  if (!waiter) return;
  pending.delete(reply.id);
  if (reply.ok) waiter.resolve(reply.result);
  else waiter.reject(new Error(`gateway child: ${reply.error}`));
});
void childExit.then((code) => {
  for (const w of pending.values()) w.reject(new Error(`gateway child exited (${code})`));
  pending.clear();
});

function ask<T>(cmd: string, args?: Record<string, number>): Promise<T> {
  if (childExited) return Promise.reject(new Error('gateway child has exited'));
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    child.send({ id, cmd, args });
  });
}

let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  if (!childExited) {
    child.kill('SIGKILL');
    await childExit;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (scratch) await onServer(`drop database if exists ${scratch} with (force)`).catch(() => {});
}
process.once('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

// ---- the load generator -------------------------------------------------------------------------------------------

/** Times go forwards one second per message from 30 days ago (unique per terminal, inside retention, not future). */
const baseMs = Math.floor((Date.now() - 30 * 86_400_000) / 1000) * 1000;
const at = (i: number, k: number) => ({
  lat: 21 + (i % 100) * 0.01,
  lon: 108.5 + Math.floor(i / 100) * 0.01 + k * 0.00001,
});

/** Latencies in ms, growing as needed. */
class Samples {
  #data = new Float64Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.#data.length) {
      const bigger = new Float64Array(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = v;
  }
  percentiles(ps: number[]): number[] {
    const sorted = this.#data.slice(0, this.length).sort();
    return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN);
  }
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i] as T);
    }),
  );
}

interface GatewayStats {
  status: {
    connections: number;
    authenticated: number;
    framesIn: number;
    framesRejected: number;
    bytesDropped: number;
    positionsStored: number;
    positionsDuplicate: number;
    positionsFiltered: number;
  };
  writer: { batches: number; stored: number };
  rss: { beforeDatabaseMb: number; startMb: number; maxMb: number; endMb: number; samples: number };
}
interface Counts {
  positions: number;
  filtered: number;
  alarms: number;
}
interface Timed {
  rows: number;
  stored: number;
  seconds: number;
}

async function run() {
  const ready = await Promise.race([
    new Promise<Ready>((resolve) => {
      onReady = resolve;
    }),
    childExit.then((code) => {
      throw new Error(`gateway child exited during set-up (${code})`);
    }),
  ]);
  const dbLabel = ready.database === 'pglite' ? 'PGlite (embedded, in the gateway process)' : 'PostgreSQL';
  console.log(
    `\nJT/T 808 ingest: ${terminals.toLocaleString('en')} terminals over TCP for ${seconds} s on ${dbLabel}` +
      ` · ${os.cpus().length} CPUs · Node ${process.version}`,
  );

  // Online: connect, register, authenticate.
  const sims = Array.from(
    { length: terminals },
    (_, i) =>
      new Jt808Simulator({
        phone: `1380${String(i + 1).padStart(7, '0')}`,
        deviceId: `B${String(i + 1).padStart(6, '0')}`,
        edition: '2013',
        port: ready.port,
      }),
  );
  const onlineStarted = performance.now();
  let refused = 0;
  await pool(sims, ONLINE_CONCURRENCY, async (sim) => {
    await sim.connect();
    if ((await sim.register()) !== 0 || (await sim.authenticate()) !== 0) refused += 1;
  });
  const onlineSeconds = (performance.now() - onlineStarted) / 1000;
  if (refused > 0) throw new Error(`${refused} terminals could not register or authenticate`);
  console.log(`online: ${terminals} terminals registered and authenticated in ${onlineSeconds.toFixed(1)} s`);

  // The closed loop: every terminal sends a position, waits for its 0x8001, sends the next.
  const latencies = new Samples();
  let acked = 0;
  let failed = 0;
  let errors = 0;
  await ask('mark-start');
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const every = Math.max(5, Math.round(seconds / 10)) * 1000;
  let lastAcked = 0;
  let lastAt = started;
  const progress = setInterval(() => {
    const now = performance.now();
    console.log(
      `  ${((now - started) / 1000).toFixed(0).padStart(4)} s  ${Math.round(
        (acked - lastAcked) / ((now - lastAt) / 1000),
      )
        .toLocaleString('en')
        .padStart(7)} positions/s`,
    );
    lastAcked = acked;
    lastAt = now;
  }, every);
  await Promise.all(
    sims.map(async (sim, i) => {
      for (let k = 0; performance.now() < deadline; k++) {
        const sent = performance.now();
        try {
          const result = await sim.location({
            ...at(i, k),
            time: new Date(baseMs + k * 1000),
            speedKmh: 4,
            course: 90,
            mileageKm: 1000 + k / 1000,
            satellites: 12,
            signal: 20,
          });
          latencies.push(performance.now() - sent);
          if (result === 0) acked += 1;
          else failed += 1;
        } catch {
          errors += 1;
        }
        // The simulator keeps every message the platform sent; a long run must not.
        sim.received.length = 0;
      }
    }),
  );
  const windowSeconds = (performance.now() - started) / 1000;
  clearInterval(progress);
  const cpu = process.cpuUsage(cpuStart);
  const loadCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const { cpuSeconds: gatewayCpuSeconds } = await ask<{ cpuSeconds: number }>('mark-end');
  const stats = await ask<GatewayStats>('stats');
  await pool(sims, 200, (sim) => sim.close());
  const counts = await ask<Counts>('count');
  const alerts = withFences
    ? await ask<{
        latencies: number[];
        evaluator: { batches: number; positions: number; raised: number; errors: number };
      }>('alerts')
    : null;
  const [p50, p99, pMax] = latencies.percentiles([0.5, 0.99, 1]) as [number, number, number];
  const gatewayRate = counts.positions / windowSeconds;

  const rows = counts.positions;
  const writer =
    skipWriter || rows === 0 ? null : await ask<Timed>('writer', { rows, concurrency: terminals, baseMs });
  const raw = await ask<Timed>('raw', { rows: Math.max(rows, RAW_BATCH), batch: RAW_BATCH, baseMs });
  const rawRate = raw.rows / raw.seconds;
  await ask('exit');
  await childExit;

  // ---- the table ----
  const n = (v: number) => Math.round(v).toLocaleString('en');
  const f = (v: number, d = 1) => v.toFixed(d);
  const line = (name: string, count: string, secs: string, rate: string, ratio: string) =>
    console.log(
      `${name.padEnd(46)} ${count.padStart(10)} ${secs.padStart(8)} ${rate.padStart(12)} ${ratio.padStart(8)}`,
    );
  console.log('');
  line('run', 'rows', 's', 'rows/s', '÷ raw');
  line(
    'gateway (TCP, 0x0200 → commit → 0x8001)',
    n(rows),
    f(windowSeconds),
    n(gatewayRate),
    f(gatewayRate / rawRate, 2),
  );
  if (writer) {
    const w = writer.rows / writer.seconds;
    line(
      'writer only (TrackWriter.submit, no TCP)',
      n(writer.stored),
      f(writer.seconds),
      n(w),
      f(w / rawRate, 2),
    );
  }
  line(`raw INSERT ceiling (${RAW_BATCH}-row unnest)`, n(raw.stored), f(raw.seconds), n(rawRate), '1.00');
  line('Traccar, maintainer’s figure (other machine)', '', '', n(TRACCAR_MESSAGES_PER_SECOND), '');
  console.log('');
  console.log(
    `gateway ÷ raw ceiling ×${f(gatewayRate / rawRate, 2)} · gateway ÷ Traccar's 8,000/s ×${f(gatewayRate / TRACCAR_MESSAGES_PER_SECOND, 2)} (different machine)`,
  );
  console.log(
    `frame-to-commit latency (send → 0x8001): p50 ${f(p50)} ms · p99 ${f(p99)} ms · max ${f(pMax)} ms · ` +
      `${n(latencies.length)} answers`,
  );
  console.log(
    `gateway RSS: start ${f(stats.rss.startMb)} MB · max ${f(stats.rss.maxMb)} MB · end ${f(stats.rss.endMb)} MB ` +
      `(${stats.rss.samples} samples at 1 s${ready.database === 'pglite' ? ', embedded database included' : ''}; ` +
      `${f(stats.rss.beforeDatabaseMb)} MB before opening the database)`,
  );
  console.log(
    `CPU during the load: gateway process ${f((100 * gatewayCpuSeconds) / windowSeconds, 0)} % · ` +
      `load generator ${f((100 * loadCpuSeconds) / windowSeconds, 0)} % (of one core)`,
  );
  console.log(
    `gateway status: frames in ${n(stats.status.framesIn)} · rejected ${n(stats.status.framesRejected)} · ` +
      `bytes dropped ${n(stats.status.bytesDropped)} · duplicates ${n(stats.status.positionsDuplicate)} · ` +
      `filtered ${n(stats.status.positionsFiltered)} · writer batches ${n(stats.writer.batches)} ` +
      `(${f(stats.writer.stored / Math.max(1, stats.writer.batches), 0)} rows each)`,
  );
  if (alerts) {
    const sorted = [...alerts.latencies].sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
    console.log(
      `with fences: ${terminals.toLocaleString('en')} prohibited circles in the evaluator's grid, every position of ` +
        `every boat evaluated (${n(alerts.evaluator.positions)} positions in ${n(alerts.evaluator.batches)} commits, ` +
        `${alerts.evaluator.errors} errors); ${n(alerts.evaluator.raised)} alerts raised; fix received → alert ` +
        `committed p50 ${f(at(0.5))} ms · p99 ${f(at(0.99))} ms · max ${f(at(1))} ms ` +
        `(add the frame-to-commit above for frame → alert)`,
    );
  }
  const persisted = rows === acked && counts.filtered === 0 && failed === 0 && errors === 0;
  console.log(
    `persisted: ${n(rows)} rows for ${n(acked)} acknowledged positions` +
      (failed || errors ? ` · ${n(failed)} answered failure · ${n(errors)} without answer` : '') +
      (counts.filtered ? ` · ${n(counts.filtered)} filtered fixes` : '') +
      (persisted ? ' · every acknowledged position stored' : ' · MISMATCH'),
  );
  if (!persisted) process.exitCode = 1;
}

try {
  await run();
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(process.exitCode ?? 0);
