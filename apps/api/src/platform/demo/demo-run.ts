import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Services } from '../../services.ts';
import { role, staffUser, staffUserRole } from '../access/access.schema.ts';
import { generatePassword, passwordProblem } from '../auth/password.ts';
import type { SettableClock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { orgUnit } from '../org/org.schema.ts';
import { demoRecord, demoStep } from './demo.schema.ts';
import { createDemoContext, DemoStepError } from './demo-context.ts';
import type { DemoRegistry, GuardedTable } from './demo-registry.ts';

/** `npm run demo` will not run here; the script exits with 2. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
  readonly exitCode = 2;
}

/** DEMO_PASSWORD does not meet the password policy. */
export class DemoPasswordError extends Error {
  override name = 'DemoPasswordError';
}

export const productionRefusal =
  '生产环境（NODE_ENV=production）不能写入演示数据。\n' +
  'Demo data is never written in production (NODE_ENV=production).';

/**
 * Demo data goes only into a database that holds no real work: never in production, and only while
 * every row of the guarded business tables was made by demo data.
 */
export async function assertDemoAllowed(
  database: DatabaseHandle,
  options: { isProduction: boolean; guardedTables: readonly GuardedTable[] },
): Promise<void> {
  if (options.isProduction) throw new DemoRefusedError(productionRefusal);
  const foreign: { table: string; n: number }[] = [];
  for (const t of options.guardedTables) {
    // Table and column names come from code (checked in the registry), never from input.
    const { rows } = await database.executeSql(
      `select count(*)::int as n from "${t.table}" t where not exists (select 1 from demo_record d ` +
        `where d.table_name = $1 and d.record_id = t."${t.idColumn}"::text)`,
      [t.table],
    );
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) foreign.push({ table: t.table, n });
  }
  if (foreign.length > 0) {
    const list = foreign.map((f) => `${f.table} ${f.n} 条`).join('、');
    throw new DemoRefusedError(
      `数据库中已有不是演示数据创建的业务记录（${list}），不能再写入演示数据。请用一个新的数据目录` +
        '（DATA_DIR）或新的数据库运行 npm run demo。\n' +
        `The database holds business records that demo data did not create (${foreign
          .map((f) => `${f.table}: ${f.n}`)
          .join(', ')}); run npm run demo on a fresh DATA_DIR or database.`,
    );
  }
}

/** DEMO_PASSWORD when set (it must meet the policy for every demo username), else a generated one. */
export function resolveDemoPassword(
  given: string | undefined,
  usernames: readonly string[],
): { password: string; generated: boolean } {
  if (!given) return { password: generatePassword(), generated: true };
  for (const username of usernames) {
    const problem = passwordProblem(given, username);
    if (problem) {
      throw new DemoPasswordError(
        `DEMO_PASSWORD 不符合密码策略：${problem}${problem.includes('用户名') ? `（${username}）` : ''}`,
      );
    }
  }
  return { password: given, generated: false };
}

export interface DemoRunResult {
  /** Steps run this time, in order. */
  ran: string[];
  /** Steps an earlier run finished. */
  skipped: string[];
  /** Records created this time, per table. */
  created: Record<string, number>;
}

/**
 * Runs the registered steps in dependency order, each once: a finished step is recorded in demo_step
 * and skipped next time. Refuses first (see assertDemoAllowed). The clock is the one the services were
 * created with; steps move it with `ctx.at`.
 */
export async function runDemo(
  services: Services,
  registry: DemoRegistry,
  options: { clock: SettableClock; password: string },
): Promise<DemoRunResult> {
  const { database } = services;
  const db = database.db;
  await assertDemoAllowed(database, {
    isProduction: services.config.isProduction,
    guardedTables: registry.guardedTables,
  });
  const done = new Set((await db.select({ id: demoStep.id }).from(demoStep)).map((r) => r.id));
  const result: DemoRunResult = { ran: [], skipped: [], created: {} };
  for (const step of registry.ordered()) {
    if (done.has(step.id)) {
      result.skipped.push(step.id);
      continue;
    }
    const ctx = createDemoContext({
      services,
      clock: options.clock,
      stepId: step.id,
      password: options.password,
    });
    try {
      await step.run(ctx);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new DemoStepError(`演示数据步骤 ${step.id} 失败：${reason}`, { cause: err });
    } finally {
      options.clock.set(null);
    }
    await db.insert(demoStep).values({ id: step.id, completedAt: new Date() });
    result.ran.push(step.id);
    const counts = await db
      .select({ table: demoRecord.tableName, n: sql<number>`count(*)::int` })
      .from(demoRecord)
      .where(eq(demoRecord.stepId, step.id))
      .groupBy(demoRecord.tableName);
    for (const c of counts) result.created[c.table] = (result.created[c.table] ?? 0) + Number(c.n);
  }
  return result;
}

export interface DemoAccountRow {
  username: string;
  displayName: string;
  roles: string[];
  unit: string;
}

/** The staff accounts demo data made, for the table the script prints (also on a re-run). */
export async function listDemoAccounts(database: DatabaseHandle): Promise<DemoAccountRow[]> {
  const db = database.db;
  const users = await db
    .select({
      id: staffUser.id,
      username: staffUser.username,
      displayName: staffUser.displayName,
      unit: orgUnit.name,
    })
    .from(staffUser)
    .innerJoin(
      demoRecord,
      sql`${demoRecord.tableName} = 'staff_user' and ${demoRecord.recordId} = ${staffUser.id}::text`,
    )
    .innerJoin(orgUnit, eq(orgUnit.id, staffUser.unitId))
    .orderBy(asc(staffUser.createdAt), asc(staffUser.username));
  if (users.length === 0) return [];
  const roles = await db
    .select({ userId: staffUserRole.userId, name: role.name })
    .from(staffUserRole)
    .innerJoin(role, eq(role.id, staffUserRole.roleId))
    .where(
      inArray(
        staffUserRole.userId,
        users.map((u) => u.id),
      ),
    )
    .orderBy(asc(role.id));
  return users.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    roles: roles.filter((r) => r.userId === u.id).map((r) => r.name),
    unit: u.unit,
  }));
}
