import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { CaseListItem } from '@zhucheng/contracts';
import ExcelJS from 'exceljs';
import { bootstrapPlatform } from '../apps/api/src/bootstrap.ts';
import { loadConfig } from '../apps/api/src/config.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { migrateDatabase } from '../apps/api/src/platform/db/migrate.ts';
import { staffContext } from '../apps/api/src/platform/org/org-testing.ts';
import { createLogger } from '../apps/api/src/platform/runtime/logger.ts';
import { caseExportColumns } from '../apps/api/src/platform/spreadsheets/case-export.ts';
import { writeXlsx } from '../apps/api/src/platform/spreadsheets/xlsx.ts';
import { createServices } from '../apps/api/src/services.ts';

// What a streamed .xlsx export costs in memory and time, against the obvious alternative measured in the
// same run: building the whole workbook in memory and writing it at the end. Three runs over N rows (default
// 100,000) of the 全部案件 columns:
//   baseline  — exceljs Workbook, every row added, then writeBuffer (what "just export the list" does);
//   streamed  — writeXlsx: exceljs' streaming writer, rows from an async source in batches of 1,000;
//   database  — the real export: CaseService.exportRows (keyset batches over case_record on PGlite, the
//               list's batched look-ups) into writeXlsx.
// Heap high-water is sampled every 10 ms above the heap in use when the run starts (after a GC when the
// process runs with --expose-gc, as `npm run bench` does).
// `npm run bench:export -- --rows 100000` (or `--skip-db` for the writer alone).

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 100_000);
const skipDb = process.argv.includes('--skip-db');
const timeZone = 'Asia/Shanghai';
const columns = caseExportColumns(timeZone);

function item(i: number): CaseListItem {
  const day = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    caseType: 'legalAid.application',
    caseTypeName: '法律援助申请',
    caseNo: `北司援〔2026〕第${i + 1}号`,
    title: `申请人${i}申请法律援助（劳动报酬纠纷）`,
    status: 'received',
    statusLabel: '待受理',
    statusTone: 'processing',
    version: 1,
    competentUnit: { id: 2, name: '海城区司法局' },
    receivingUnit: { id: 3, name: '海城区中街司法所' },
    handlers: ['王承办', '李协办'],
    deadline: {
      id: i,
      ruleCode: 'legalAid.decide',
      ruleName: '审查决定',
      article: '法律援助法第四十三条',
      dueOn: day,
      dueAt: null,
      status: 'running',
      standing: {
        state: 'ok',
        remainingDays: 5,
        remainingWorkingDays: 3,
        remainingHours: null,
        label: '剩 3 个工作日',
        title: '',
      },
    },
    createdAt: `${day}T02:00:00.000Z`,
    updatedAt: `${day}T02:00:00.000Z`,
  };
}

/** Rows as a keyset export hands them out: a batch of 1,000 at a time, each batch made when asked for. */
async function* source(n: number): AsyncGenerator<CaseListItem> {
  for (let start = 0; start < n; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - start) }, (_, k) => item(start + k));
    await new Promise((resolve) => setImmediate(resolve));
    yield* batch;
  }
}

/** A sink that takes bytes as a network would, counting them. */
function sink(): Writable & { bytes: number } {
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, done) {
      out.bytes += chunk.length;
      setImmediate(done);
    },
  }) as Writable & { bytes: number };
  out.bytes = 0;
  return out;
}

interface Run {
  name: string;
  rows: number;
  seconds: number;
  heapPeakMb: number;
  bytes: number;
}

async function measure(name: string, work: () => Promise<{ rows: number; bytes: number }>): Promise<Run> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  const started = process.hrtime.bigint();
  const done = await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { name, rows: done.rows, seconds, heapPeakMb: (peak - base) / 2 ** 20, bytes: done.bytes };
}

const baseline = await measure('baseline (whole workbook in memory)', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('案件列表');
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
  let n = 0;
  for await (const row of source(rows)) {
    sheet.addRow(columns.map((c) => c.value(row)));
    n++;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { rows: n, bytes: buffer.byteLength };
});

const streamed = await measure('streamed (writeXlsx)', async () => {
  const out = sink();
  const n = await writeXlsx(out, { sheetName: '案件列表', columns, rows: source(rows) });
  return { rows: n, bytes: out.bytes };
});

const runs = [baseline, streamed];

if (!skipDb) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ADMIN_PASSWORD: 'Beihai#2026sys',
    SECADMIN_PASSWORD: 'Zhucheng#2026sec',
    AUDITOR_PASSWORD: 'Haicheng#2026aud',
  });
  const database = await openDatabase({});
  await migrateDatabase(database);
  const services = createServices(config, database, createLogger(config));
  await bootstrapPlatform(services);
  // N cases in one statement (no clocks, no handlers: the look-ups still run per batch).
  await database.executeSql(
    `insert into case_record (id, case_type, case_no, status, version, competent_unit_id, receiving_unit_id,
       title, created_at, updated_at)
     select gen_random_uuid(), 'legalAid.application', '北司援〔2026〕第' || g || '号', 'received', 1, u.id, u.id,
       '申请人' || g || '申请法律援助（劳动报酬纠纷）', now() - g * interval '1 minute', now()
     from generate_series(1, $1::int) g, (select min(id) as id from org_unit) u`,
    [rows],
  );
  const ctx = staffContext({ all: true }, ['case:read']);
  runs.push(
    await measure('database (CaseService.exportRows → writeXlsx)', async () => {
      const out = sink();
      const n = await writeXlsx(out, {
        sheetName: '案件列表',
        columns,
        rows: services.cases.exportRows(ctx, { sort: 'createdAt', order: 'desc', page: 1, pageSize: 20 }),
      });
      return { rows: n, bytes: out.bytes };
    }),
  );
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const mb = (n: number) => n.toFixed(1).padStart(7);
console.log(`\n.xlsx export of ${rows.toLocaleString('en')} rows (${columns.length} columns)\n`);
console.log('run                                            rows/s   heap peak MB   file MB');
for (const r of runs) {
  console.log(
    `${r.name.padEnd(45)} ${String(Math.round(r.rows / r.seconds)).padStart(8)}   ${mb(r.heapPeakMb)}      ${mb(r.bytes / 2 ** 20)}`,
  );
}
console.log(
  `\nstreamed / baseline: heap peak ×${(streamed.heapPeakMb / baseline.heapPeakMb).toFixed(3)}, ` +
    `throughput ×${(streamed.rows / streamed.seconds / (baseline.rows / baseline.seconds)).toFixed(2)}`,
);
const db = runs[2];
if (db) {
  console.log(
    `database / baseline: heap peak ×${(db.heapPeakMb / baseline.heapPeakMb).toFixed(3)}, ` +
      `throughput ×${(db.rows / db.seconds / (baseline.rows / baseline.seconds)).toFixed(2)}`,
  );
}
