import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../apps/api/src/app.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';
import { createLogger } from '../apps/api/src/platform/runtime/logger.ts';
import { createServices } from '../apps/api/src/services.ts';

// What the platform's HTTP stack (request ids, security headers, Zod serialisation, error handling,
// permission declaration) costs over bare Fastify: a trivial route on each, measured in the same run
// on loopback, printed as ratios. `npm run bench -- --seconds 10 --connections 20`.

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 5);
const connections = arg('connections', 10);

interface Measured {
  rps: number;
  p99: number;
  errors: number;
}

async function measure(url: string): Promise<Measured> {
  // A short warm-up so the JIT has compiled both stacks before the measured run.
  await autocannon({ url, connections, duration: 1 });
  const r = await autocannon({ url, connections, duration: seconds });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const bare = Fastify({ logger: false });
bare.get('/ping', async () => ({
  name: '珠城智慧司法平台',
  cityName: '北海市',
  cityDivisionCode: '450500',
  version: '0',
}));
await bare.listen({ port: 0, host: '127.0.0.1' });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-bench-'));
// Production-like stack, silent logs; keys in a throwaway data dir.
const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const database = await openDatabase({});
await migrateDatabase(database);
const app = await buildApp(createServices(config, database, createLogger(config)));
await app.listen({ port: 0, host: '127.0.0.1' });

const port = (server: { server: import('node:net').Server }) => {
  const address = server.server.address();
  return typeof address === 'object' && address ? address.port : 0;
};

const baseline = await measure(`http://127.0.0.1:${port(bare)}/ping`);
const full = await measure(`http://127.0.0.1:${port(app)}/api/platform/info`);

const fmt = (n: number) => n.toFixed(1).padStart(9);
process.stdout.write(
  [
    `HTTP overhead: ${seconds}s per target, ${connections} connections, loopback`,
    '                      req/s     p99 ms   errors',
    `bare Fastify     ${fmt(baseline.rps)} ${fmt(baseline.p99)} ${String(baseline.errors).padStart(8)}`,
    `platform stack   ${fmt(full.rps)} ${fmt(full.p99)} ${String(full.errors).padStart(8)}`,
    `throughput ratio (platform / bare): ${(full.rps / baseline.rps).toFixed(2)}`,
    `p99 latency ratio (platform / bare): ${(full.p99 / Math.max(baseline.p99, 0.001)).toFixed(2)}`,
    '',
  ].join('\n'),
);

await app.close();
await bare.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });
