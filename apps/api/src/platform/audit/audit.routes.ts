import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock/clock.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { auditActorKinds, auditOutcomes } from './audit.schema.ts';
import { type AuditSigningKey, describeVerification, verifyAuditChain } from './audit-chain.ts';
import { auditActions, recordAudit } from './audit-log.ts';
import { type AuditLogFilters, exportAuditLog, listAuditLog, MAX_AUDIT_PAGE_SIZE } from './audit-query.ts';

export interface AuditRoutesDeps {
  database: Pick<DatabaseHandle, 'db'>;
  clock: Clock;
  /** Checks the signature of the newest retention checkpoint; from the platform keyring. */
  auditSigningKey: AuditSigningKey | undefined;
}

const filtersQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('起始时间（含），ISO 8601'),
  to: z.iso.datetime({ offset: true }).optional().describe('截止时间（不含），ISO 8601'),
  actorId: z.string().min(1).max(100).optional().describe('操作人编号'),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, '操作代码格式不正确（例如 auth.login 或 auth）')
    .optional()
    .describe('操作代码（auth.login），或只写领域（auth）查该领域全部操作'),
  entityType: z.string().min(1).max(100).optional().describe('对象类型'),
  entityId: z.string().min(1).max(200).optional().describe('对象编号'),
  outcome: z.enum(auditOutcomes).optional().describe('结果'),
});

const listQuery = filtersQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE_SIZE).default(20),
});

const entrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actorKind: z.enum(auditActorKinds),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  ip: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown().describe('变更前（个人信息已脱敏）'),
  after: z.unknown().describe('变更后（个人信息已脱敏）'),
  detail: z.unknown(),
  requestId: z.string(),
  outcome: z.enum(auditOutcomes),
  sealSeq: z.number().int().nullable().describe('哈希链封存序号；尚未封存为 null'),
});

const listResponse = z.object({
  items: z.array(entrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const verifyResponse = z.object({
  ok: z.boolean(),
  message: z.string(),
  sealedRows: z.number().int(),
  unsealedRows: z.number().int(),
  lastSealSeq: z.number().int().nullable(),
  brokenAt: z.object({ id: z.number().int(), sealSeq: z.number().int().nullable() }).nullable(),
  reason: z.enum(['hashMismatch', 'prevHashMismatch', 'gap', 'checkpointInvalid']).nullable(),
  expectedSealSeq: z.number().int().nullable(),
  checkpoint: z
    .object({
      id: z.number().int(),
      throughSealSeq: z.number().int(),
      throughAt: z.string(),
      signature: z.enum(['valid', 'unchecked']),
    })
    .nullable(),
});

function filtersOf(query: z.infer<typeof filtersQuery>): AuditLogFilters {
  return {
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    actorId: query.actorId,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    outcome: query.outcome,
  };
}

/** The auditor's API (审计员): list, export and verify the audit log. */
export function auditRoutes(deps: AuditRoutesDeps): FastifyPluginAsyncZod {
  const { database, clock } = deps;
  return async (app) => {
    app.get(
      '/api/audit/entries',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['audit'],
          summary: '查询审计日志（按时间倒序，个人信息已脱敏）',
          querystring: listQuery,
          response: { 200: listResponse },
        },
      },
      async (request) => {
        const { page, pageSize, ...filters } = request.query;
        const result = await listAuditLog(database.db, { ...filtersOf(filters), page, pageSize });
        return { ...result, items: result.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
      },
    );

    app.get(
      '/api/audit/entries/export',
      {
        config: { permission: 'audit:export' },
        schema: {
          tags: ['audit'],
          summary: '导出审计日志（CSV，UTF-8 带 BOM，可直接用 Excel 打开；导出本身记入审计日志）',
          querystring: filtersQuery,
        },
      },
      async (request, reply) => {
        const result = await exportAuditLog(database.db, request.ctx, filtersOf(request.query), clock);
        const asciiName = `audit-log-${clock.today()}.csv`;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
          )
          .header('cache-control', 'no-store')
          .send(result.csv);
      },
    );

    app.get(
      '/api/audit/verify',
      {
        config: { permission: 'audit:verify' },
        schema: {
          tags: ['audit'],
          summary: '校验审计日志哈希链，报告第一条被篡改或缺失的记录',
          response: { 200: verifyResponse },
        },
      },
      async (request) => {
        const result = await verifyAuditChain(database.db, { signingKey: deps.auditSigningKey });
        const message = describeVerification(result);
        const body = {
          ok: result.ok,
          message,
          sealedRows: result.sealedRows,
          unsealedRows: result.unsealedRows,
          lastSealSeq: result.ok ? result.lastSealSeq : null,
          brokenAt: result.ok ? null : result.brokenAt,
          reason: result.ok ? null : result.reason,
          expectedSealSeq: result.ok ? null : result.expectedSealSeq,
          checkpoint: result.checkpoint
            ? {
                id: result.checkpoint.id,
                throughSealSeq: result.checkpoint.throughSealSeq,
                throughAt: result.checkpoint.throughAt,
                signature: result.checkpoint.signature,
              }
            : null,
        };
        await recordAudit(
          database.db,
          request.ctx,
          {
            action: auditActions.auditVerify,
            entityType: 'auditLog',
            detail: {
              ok: body.ok,
              reason: body.reason,
              brokenAt: body.brokenAt,
              sealedRows: body.sealedRows,
            },
          },
          clock,
        );
        return body;
      },
    );
  };
}
