import { auditActionLabel } from '@zhucheng/contracts';
import { and, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../access/principal.ts';
import { type Clock, wallClockParts } from '../clock/clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { orgUnit } from '../org/org.schema.ts';
import { type AuditActorKind, type AuditOutcome, auditLog } from './audit.schema.ts';
import { auditActions, recordAudit } from './audit-log.ts';

// The auditor's view of the log: filtered lists and a CSV export. Stored values are already masked, so
// listing them is not a read of personal data; an export is a bulk copy and is itself audited.

export interface AuditLogFilters {
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  actorId?: string | undefined;
  /** A whole code (`auth.login`) or an area (`auth`: every `auth.*` action). */
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  outcome?: AuditOutcome | undefined;
}

export interface AuditLogQuery extends AuditLogFilters {
  page: number;
  pageSize: number;
}

export interface AuditEntryView {
  id: number;
  at: Date;
  actorKind: AuditActorKind;
  actorId: string | null;
  actorName: string | null;
  unitId: number | null;
  /** The unit's current name: the auditor reads the log without access to the organisation tree. */
  unitName: string | null;
  ip: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  requestId: string;
  outcome: AuditOutcome;
  /** Position in the hash chain; null until the sealer has run. */
  sealSeq: number | null;
}

export interface AuditLogPageResult {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

export const MAX_AUDIT_PAGE_SIZE = 200;
export const MAX_AUDIT_EXPORT_ROWS = 50_000;

const viewColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorKind: auditLog.actorKind,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  unitId: auditLog.unitId,
  unitName: orgUnit.name,
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
};

const areaPattern = /^[a-z][A-Za-z0-9]*$/;

/** Only these filters exist; each becomes a bound parameter. */
function whereOf(filters: AuditLogFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lt(auditLog.at, filters.to));
  if (filters.actorId) conditions.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action) {
    // An area has no dot and only letters and digits, so it cannot carry a LIKE wildcard.
    conditions.push(
      areaPattern.test(filters.action)
        ? like(auditLog.action, `${filters.action}.%`)
        : eq(auditLog.action, filters.action),
    );
  }
  if (filters.entityType) conditions.push(eq(auditLog.entityType, filters.entityType));
  if (filters.entityId) conditions.push(eq(auditLog.entityId, filters.entityId));
  if (filters.outcome) conditions.push(eq(auditLog.outcome, filters.outcome));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Newest first, with the total for the pager. */
export async function listAuditLog(executor: Executor, query: AuditLogQuery): Promise<AuditLogPageResult> {
  const pageSize = Math.min(Math.max(1, Math.trunc(query.pageSize)), MAX_AUDIT_PAGE_SIZE);
  const page = Math.max(1, Math.trunc(query.page));
  const where = whereOf(query);
  const [totalRow] = await executor.select({ n: count() }).from(auditLog).where(where);
  const items = await executor
    .select(viewColumns)
    .from(auditLog)
    .leftJoin(orgUnit, eq(orgUnit.id, auditLog.unitId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, total: totalRow?.n ?? 0, page, pageSize };
}

// ---------------------------------------------------------------------------------------------------
// CSV export

const actorKindLabels: Record<AuditActorKind, string> = {
  staff: '工作人员',
  citizen: '群众',
  system: '系统',
  anonymous: '未登录用户',
};

const outcomeLabels: Record<AuditOutcome, string> = { success: '成功', failure: '失败' };

const csvHeader = [
  '编号',
  '时间',
  '操作人类型',
  '操作人编号',
  '操作人',
  '所属单位编号',
  '所属单位',
  'IP 地址',
  '操作代码',
  '操作',
  '对象类型',
  '对象编号',
  '结果',
  '请求编号',
  '变更前',
  '变更后',
  '详情',
  '封存序号',
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  // A cell starting like a formula would run in Excel (CSV injection); a leading quote keeps it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `2026-11-27 09:30:05` in the platform's time zone: what the auditor reads on a wall clock. */
function localTime(at: Date, timeZone: string): string {
  const p = wallClockParts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function auditCsv(rows: AuditEntryView[], timeZone: string): string {
  const lines = [csvHeader.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.id,
        localTime(r.at, timeZone),
        actorKindLabels[r.actorKind],
        r.actorId,
        r.actorName,
        r.unitId,
        r.unitName,
        r.ip,
        r.action,
        auditActionLabel(r.action),
        r.entityType,
        r.entityId,
        outcomeLabels[r.outcome],
        r.requestId,
        r.before,
        r.after,
        r.detail,
        r.sealSeq,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  // The byte-order mark makes Excel read the file as UTF-8 instead of GBK.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface AuditExport {
  filename: string;
  csv: string;
  rowCount: number;
}

/**
 * The filtered log as CSV (newest first), at most MAX_AUDIT_EXPORT_ROWS rows. The export is recorded in
 * the log in the same transaction that reads the rows.
 */
export async function exportAuditLog(
  db: Database,
  ctx: RequestContext,
  filters: AuditLogFilters,
  clock: Clock,
): Promise<AuditExport> {
  const where = whereOf(filters);
  return db.transaction(async (tx) => {
    const [totalRow] = await tx.select({ n: count() }).from(auditLog).where(where);
    const total = totalRow?.n ?? 0;
    if (total > MAX_AUDIT_EXPORT_ROWS) {
      throw AppError.badRequest(
        `符合条件的审计记录有 ${total} 条，超过单次导出上限 ${MAX_AUDIT_EXPORT_ROWS} 条，请缩小时间范围后再导出`,
      );
    }
    const rows = await tx
      .select(viewColumns)
      .from(auditLog)
      .leftJoin(orgUnit, eq(orgUnit.id, auditLog.unitId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(MAX_AUDIT_EXPORT_ROWS);
    await recordAudit(
      tx,
      ctx,
      {
        action: auditActions.auditExport,
        entityType: 'auditLog',
        detail: {
          format: 'csv',
          rowCount: rows.length,
          filters: {
            ...filters,
            from: filters.from?.toISOString(),
            to: filters.to?.toISOString(),
          },
        },
      },
      clock,
    );
    return {
      filename: `审计日志-${clock.today()}.csv`,
      csv: auditCsv(rows, clock.timeZone),
      rowCount: rows.length,
    };
  });
}
