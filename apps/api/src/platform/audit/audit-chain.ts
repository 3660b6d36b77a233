import crypto from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lte, min, sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemContext } from '../access/principal.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { type AuditLogRow, auditLog } from './audit.schema.ts';
import { auditActions, recordAudit } from './audit-log.ts';

// Tamper evidence for the audit log (审计日志防篡改).
//
// Business transactions insert audit rows unhashed, so they never wait on one another for the chain.
// The sealer (job `audit.seal`, every minute) then takes a cluster-wide advisory lock and links the
// committed, unsealed rows into one SM3 hash chain: each row gets the next `seal_seq`, the previous
// row's hash, and `hash = SM3(prev_hash, canonical JSON of its content)`.
//
// The chain order is `seal_seq`, the order of sealing, not `id`: a transaction that drew a lower id can
// commit after a higher id was already sealed, and it is then sealed in a later run. Within one run rows
// are sealed in id order. Verification therefore walks `seal_seq` and expects it to have no gaps.
//
// Retention deletes the oldest rows only behind a checkpoint row that records the last deleted row's
// position and hash, signed with HMAC-SM3 under a key that is not in the database; verification starts
// from the newest checkpoint. The checkpoint is itself an audit row, sealed into the chain like any other.

/** Any constant works as long as every instance uses the same one: "450500" + "02". */
export const AUDIT_SEAL_LOCK_KEY = 45050002;
/** The prev_hash of the first row ever sealed. */
export const GENESIS_HASH = '0'.repeat(64);
/**
 * 《中华人民共和国网络安全法》第二十一条第（三）项: network logs are kept for no less than six months.
 * 180 days is the floor; the platform keeps a year unless configured otherwise.
 */
export const MIN_AUDIT_RETENTION_DAYS = 180;
export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

/** The HMAC key that signs retention checkpoints (from the platform keyring). */
export type AuditSigningKey = string | Uint8Array;

const chainColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorKind: auditLog.actorKind,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  unitId: auditLog.unitId,
  ip: auditLog.ip,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  detail: auditLog.detail,
  requestId: auditLog.requestId,
  outcome: auditLog.outcome,
  sealSeq: auditLog.sealSeq,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

export type AuditChainRow = Pick<AuditLogRow, keyof typeof chainColumns>;

/** JSON with object keys sorted at every level and dates as ISO strings: the same bytes on every run. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hashed content: every column an auditor relies on, plus the row's position in the chain. */
function rowContent(row: AuditChainRow, sealSeq: number): Record<string, unknown> {
  return {
    id: row.id,
    sealSeq,
    at: row.at.toISOString(),
    actorKind: row.actorKind,
    actorId: row.actorId,
    actorName: row.actorName,
    unitId: row.unitId,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    detail: row.detail,
    requestId: row.requestId,
    outcome: row.outcome,
  };
}

/** SM3 over the previous hash and the row's canonical content at its position. */
export function auditRowHash(prevHash: string, row: AuditChainRow, sealSeq: number): string {
  return crypto
    .createHash('sm3')
    .update(`${prevHash}\n${canonicalJson(rowContent(row, sealSeq))}`, 'utf8')
    .digest('hex');
}

async function lockChain(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_SEAL_LOCK_KEY})`);
}

// ---------------------------------------------------------------------------------------------------
// Sealing

export interface SealResult {
  /** Rows sealed by this run. */
  sealed: number;
  /** Position of the newest sealed row afterwards (null while nothing is sealed). */
  lastSealSeq: number | null;
}

/**
 * Seals every committed, unsealed row, one transaction per batch. Safe to run from several instances at
 * once: the advisory lock makes them take turns, and each turn continues from the newest sealed row.
 */
export async function sealAuditLog(
  db: Database,
  clock: Clock,
  options: { batchSize?: number } = {},
): Promise<SealResult> {
  const batchSize = options.batchSize ?? 1000;
  let sealed = 0;
  let lastSealSeq: number | null = null;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      await lockChain(tx);
      const [head] = await tx
        .select({ sealSeq: auditLog.sealSeq, hash: auditLog.hash })
        .from(auditLog)
        .where(isNotNull(auditLog.sealSeq))
        .orderBy(desc(auditLog.sealSeq))
        .limit(1);
      const pending = await tx
        .select(chainColumns)
        .from(auditLog)
        .where(isNull(auditLog.hash))
        .orderBy(asc(auditLog.id))
        .limit(batchSize);
      let seq = head?.sealSeq ?? 0;
      let prev = head?.hash ?? GENESIS_HASH;
      const seals = pending.map((row) => {
        seq += 1;
        const hash = auditRowHash(prev, row, seq);
        const seal = { id: row.id, seal_seq: seq, prev_hash: prev, hash };
        prev = hash;
        return seal;
      });
      if (seals.length > 0) {
        // One statement per batch instead of one per row.
        await tx.execute(sql`
          update audit_log as a
          set seal_seq = v.seal_seq, prev_hash = v.prev_hash, hash = v.hash,
              sealed_at = ${clock.now().toISOString()}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(seals)}::jsonb)
            as v(id bigint, seal_seq bigint, prev_hash text, hash text)
          where a.id = v.id`);
      }
      return { count: seals.length, lastSealSeq: seq > 0 ? seq : null };
    });
    sealed += batch.count;
    lastSealSeq = batch.lastSealSeq;
    if (batch.count < batchSize) return { sealed, lastSealSeq };
  }
}

// ---------------------------------------------------------------------------------------------------
// Checkpoints

const checkpointDetailSchema = z.object({
  throughSealSeq: z.number().int().nonnegative(),
  throughHash: z.string().regex(/^[0-9a-f]{64}$/),
  throughAt: z.string(),
  signature: z.string(),
});

function checkpointSignature(
  key: AuditSigningKey,
  through: { throughSealSeq: number; throughHash: string; throughAt: string },
): string {
  return crypto
    .createHmac('sm3', key)
    .update(`audit.checkpoint\n${through.throughSealSeq}\n${through.throughHash}\n${through.throughAt}`)
    .digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function assertSigningKey(key: AuditSigningKey): void {
  const bytes = typeof key === 'string' ? Buffer.byteLength(key, 'utf8') : key.byteLength;
  if (bytes < 16) throw new Error('the audit checkpoint signing key must have at least 16 bytes');
}

export interface AuditCheckpointInfo {
  id: number;
  /** The last pruned row: the chain continues at `throughSealSeq + 1` with `prev_hash = throughHash`. */
  throughSealSeq: number;
  throughHash: string;
  throughAt: string;
  /** `unchecked` when the verifier was given no key. */
  signature: 'valid' | 'unchecked';
}

// ---------------------------------------------------------------------------------------------------
// Verification

export type AuditChainBreak = 'hashMismatch' | 'prevHashMismatch' | 'gap' | 'checkpointInvalid';

export type AuditChainVerification =
  | {
      ok: true;
      /** Sealed rows walked (from the newest checkpoint on). */
      sealedRows: number;
      lastSealSeq: number | null;
      /** Rows written but not sealed yet; the next seal run takes them. */
      unsealedRows: number;
      checkpoint: AuditCheckpointInfo | null;
    }
  | {
      ok: false;
      brokenAt: { id: number; sealSeq: number | null };
      reason: AuditChainBreak;
      /** For a gap: the position that should have come next. */
      expectedSealSeq: number | null;
      /** Rows that verified before the break. */
      sealedRows: number;
      unsealedRows: number;
      checkpoint: AuditCheckpointInfo | null;
    };

export interface VerifyOptions {
  /** Checks the newest checkpoint's signature; without it the signature is reported as unchecked. */
  signingKey?: AuditSigningKey | undefined;
  batchSize?: number;
}

/**
 * Walks the chain in `seal_seq` order from the newest checkpoint (or from the first row) and reports the
 * first row whose position, link or content does not match. Reads in batches, so a million rows never
 * sit in memory at once; runs in one read-only snapshot, so a concurrent prune cannot look like a gap.
 */
export async function verifyAuditChain(
  db: Database,
  options: VerifyOptions = {},
): Promise<AuditChainVerification> {
  return db.transaction((tx) => walkChain(tx, options), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

async function walkChain(tx: Executor, options: VerifyOptions): Promise<AuditChainVerification> {
  const batchSize = options.batchSize ?? 2000;
  const [unsealed] = await tx.select({ n: count() }).from(auditLog).where(isNull(auditLog.hash));
  const unsealedRows = unsealed?.n ?? 0;

  const [cpRow] = await tx
    .select({ id: auditLog.id, sealSeq: auditLog.sealSeq, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.action, auditActions.auditCheckpoint))
    .orderBy(desc(auditLog.id))
    .limit(1);
  let checkpoint: AuditCheckpointInfo | null = null;
  if (cpRow) {
    const parsed = checkpointDetailSchema.safeParse(cpRow.detail);
    const signatureOk =
      parsed.success &&
      (!options.signingKey ||
        sameHex(parsed.data.signature, checkpointSignature(options.signingKey, parsed.data)));
    if (!parsed.success || !signatureOk) {
      return {
        ok: false,
        brokenAt: { id: cpRow.id, sealSeq: cpRow.sealSeq },
        reason: 'checkpointInvalid',
        expectedSealSeq: null,
        sealedRows: 0,
        unsealedRows,
        checkpoint: null,
      };
    }
    checkpoint = {
      id: cpRow.id,
      throughSealSeq: parsed.data.throughSealSeq,
      throughHash: parsed.data.throughHash,
      throughAt: parsed.data.throughAt,
      signature: options.signingKey ? 'valid' : 'unchecked',
    };
  }

  let expectedSeq = checkpoint ? checkpoint.throughSealSeq + 1 : 1;
  let expectedPrev = checkpoint ? checkpoint.throughHash : GENESIS_HASH;
  let sealedRows = 0;
  for (;;) {
    const rows = await tx
      .select(chainColumns)
      .from(auditLog)
      .where(gt(auditLog.sealSeq, expectedSeq - 1))
      .orderBy(asc(auditLog.sealSeq))
      .limit(batchSize);
    for (const row of rows) {
      const broken = (reason: AuditChainBreak): AuditChainVerification => ({
        ok: false,
        brokenAt: { id: row.id, sealSeq: row.sealSeq },
        reason,
        expectedSealSeq: reason === 'gap' ? expectedSeq : null,
        sealedRows,
        unsealedRows,
        checkpoint,
      });
      if (row.sealSeq !== expectedSeq) return broken('gap');
      if (row.prevHash !== expectedPrev) return broken('prevHashMismatch');
      if (row.hash === null || !sameHex(row.hash, auditRowHash(expectedPrev, row, expectedSeq))) {
        return broken('hashMismatch');
      }
      expectedPrev = row.hash;
      expectedSeq += 1;
      sealedRows += 1;
    }
    if (rows.length < batchSize) break;
  }
  const lastSealSeq = expectedSeq - 1 > 0 ? expectedSeq - 1 : null;
  return { ok: true, sealedRows, lastSealSeq, unsealedRows, checkpoint };
}

// ---------------------------------------------------------------------------------------------------
// Retention

export interface PruneOptions {
  /** At least MIN_AUDIT_RETENTION_DAYS (网络安全法 第二十一条). */
  retentionDays: number;
  signingKey: AuditSigningKey;
  clock: Clock;
  /** Upper bound on rows deleted in one run, so the transaction stays short. */
  maxRows?: number;
}

export interface PruneResult {
  prunedRows: number;
  /** The checkpoint row written by this run, null when nothing was old enough. */
  checkpointId: number | null;
  throughSealSeq: number | null;
  cutoff: Date;
}

export class AuditChainBrokenError extends Error {
  override name = 'AuditChainBrokenError';
  constructor(readonly verification: Extract<AuditChainVerification, { ok: false }>) {
    const { id, sealSeq } = verification.brokenAt;
    super(
      `审计日志哈希链在第 ${sealSeq ?? '-'} 位（记录 ${id}）断裂（${verification.reason}），已停止清理，请先调查`,
    );
  }
}

export function assertRetentionDays(days: number): void {
  if (!Number.isInteger(days) || days < MIN_AUDIT_RETENTION_DAYS) {
    throw AppError.badRequest(
      `审计日志保留期不得少于 ${MIN_AUDIT_RETENTION_DAYS} 天（《网络安全法》第二十一条：网络日志留存不少于六个月）`,
    );
  }
}

/**
 * Deletes sealed rows older than the retention period from the front of the chain, behind a signed
 * checkpoint written in the same transaction, so the remaining chain still verifies. Refuses to prune a
 * broken chain: deleting the evidence of tampering behind a fresh signature would launder it.
 */
export async function pruneAuditLog(db: Database, options: PruneOptions): Promise<PruneResult> {
  assertRetentionDays(options.retentionDays);
  assertSigningKey(options.signingKey);
  const maxRows = options.maxRows ?? 100_000;
  const cutoff = new Date(options.clock.now().getTime() - options.retentionDays * 86_400_000);
  const nothing: PruneResult = { prunedRows: 0, checkpointId: null, throughSealSeq: null, cutoff };

  return db.transaction(async (tx) => {
    await lockChain(tx);
    const check = await walkChain(tx, { signingKey: options.signingKey });
    if (!check.ok) throw new AuditChainBrokenError(check);
    if (check.lastSealSeq === null) return nothing;

    // Delete a prefix of the chain: everything up to the first row still within the retention period.
    // Sealing order is not quite time order, so a young row stops the prefix even if older ones follow.
    const [young] = await tx
      .select({ seq: min(auditLog.sealSeq) })
      .from(auditLog)
      .where(and(isNotNull(auditLog.sealSeq), gte(auditLog.at, cutoff)));
    const start = (check.checkpoint?.throughSealSeq ?? 0) + 1;
    const through = Math.min(
      (young?.seq ?? Number.POSITIVE_INFINITY) - 1,
      // The newest sealed row stays: the sealer continues the chain from it.
      check.lastSealSeq - 1,
      start + maxRows - 1,
    );
    if (through < start) return nothing;

    const [last] = await tx
      .select({ hash: auditLog.hash, at: auditLog.at })
      .from(auditLog)
      .where(eq(auditLog.sealSeq, through));
    if (!last?.hash) throw new Error(`audit row at seal position ${through} is missing`);
    const point = { throughSealSeq: through, throughHash: last.hash, throughAt: last.at.toISOString() };
    const [oldest] = await tx.select({ seq: min(auditLog.sealSeq) }).from(auditLog);
    const checkpointId = await recordAudit(
      tx,
      systemContext('audit.prune'),
      {
        action: auditActions.auditCheckpoint,
        entityType: 'auditLog',
        detail: {
          ...point,
          signature: checkpointSignature(options.signingKey, point),
          prunedFromSealSeq: oldest?.seq ?? start,
          retentionDays: options.retentionDays,
          cutoff: cutoff.toISOString(),
        },
      },
      options.clock,
    );
    // The append-only trigger lets a delete through only inside a transaction that says so, and only
    // for rows the checkpoint just written covers.
    await tx.execute(sql`select set_config('zhucheng.audit_prune', 'on', true)`);
    const deleted = await tx
      .delete(auditLog)
      .where(lte(auditLog.sealSeq, through))
      .returning({ id: auditLog.id });
    return { prunedRows: deleted.length, checkpointId, throughSealSeq: through, cutoff };
  });
}

const breakTexts: Record<AuditChainBreak, string> = {
  hashMismatch: '内容与封存哈希不符，记录可能被篡改',
  prevHashMismatch: '与前一条记录的哈希链接不符，记录可能被替换或调换',
  gap: '之前缺少记录，可能有记录被删除',
  checkpointInvalid: '所依据的保留期清理检查点签名无效或内容残缺',
};

/** One Chinese line for the auditor's screen and for `npm run audit:verify`. */
export function describeVerification(result: AuditChainVerification): string {
  if (result.ok) {
    const pending = result.unsealedRows > 0 ? `；另有 ${result.unsealedRows} 条新记录等待封存` : '';
    const from = result.checkpoint ? `（自清理检查点第 ${result.checkpoint.throughSealSeq + 1} 位起）` : '';
    return `审计日志完整：已校验 ${result.sealedRows} 条封存记录${from}，未发现篡改${pending}`;
  }
  const { id, sealSeq } = result.brokenAt;
  const where = sealSeq === null ? `记录编号 ${id}` : `第 ${sealSeq} 位（记录编号 ${id}）`;
  const expected = result.reason === 'gap' ? `；应为第 ${result.expectedSealSeq} 位` : '';
  return `审计日志校验失败：${where}${breakTexts[result.reason]}${expected}`;
}
