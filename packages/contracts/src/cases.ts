import { z } from 'zod';
import { deadlineStandingSchema } from './calendar.ts';

// The shared case pages (案件): list, case page, timeline, participants, transitions. Every module's case
// types appear here through the platform's case base; module pages add their own details beside them.

/** Status colours of UI.md: processing blue, waiting for the citizen orange, done green, refused grey. */
export const caseStatusTones = ['processing', 'waiting', 'done', 'closed'] as const;
export type CaseStatusTone = (typeof caseStatusTones)[number];

export const caseUnitRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const caseParticipantSchema = z.object({
  accountKind: z.enum(['staff', 'citizen']),
  accountId: z.string(),
  /** handler, assignedLawyer, mediator, applicant, supervisee… */
  role: z.string(),
  /** Chinese: 承办人, 受援律师… */
  roleLabel: z.string(),
  /** The account's display name (staff) or a masked name (citizen). */
  name: z.string(),
  addedAt: z.string(),
});
export type CaseParticipant = z.infer<typeof caseParticipantSchema>;

/** The nearest live statutory clock of a case (the badge in lists and the header). */
export const caseDeadlineSummarySchema = z.object({
  id: z.number().int(),
  ruleCode: z.string(),
  ruleName: z.string(),
  article: z.string(),
  dueOn: z.string().nullable(),
  dueAt: z.string().nullable(),
  status: z.enum(['running', 'paused', 'stopped', 'met']),
  standing: deadlineStandingSchema,
});
export type CaseDeadlineSummary = z.infer<typeof caseDeadlineSummarySchema>;

export const caseListItemSchema = z.object({
  id: z.string(),
  caseType: z.string(),
  /** Chinese: 法律援助申请. */
  caseTypeName: z.string(),
  caseNo: z.string().nullable(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  statusTone: z.enum(caseStatusTones),
  version: z.number().int(),
  competentUnit: caseUnitRefSchema,
  receivingUnit: caseUnitRefSchema,
  /** Display names of the staff handlers (承办人). */
  handlers: z.array(z.string()),
  deadline: caseDeadlineSummarySchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

/** Whitelisted sort keys of the case list. */
export const caseSortKeys = ['createdAt', 'updatedAt', 'caseNo', 'dueOn'] as const;
export type CaseSortKey = (typeof caseSortKeys)[number];

export const caseDeadlineFilters = ['dueSoon', 'overdue', 'running'] as const;

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v === '' ? undefined : v));
/** A real calendar day (2026-02-30 is refused here, not by the database). */
const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
};
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-27')
  .refine(isRealDay, '日期无效')
  .optional();

/** GET /api/cases query. */
export const caseListQuerySchema = z.object({
  type: optionalText.describe('案件类型，如 legalAid.application'),
  status: optionalText.describe('状态代码'),
  unitId: z.coerce.number<string | number>().int().positive().optional().describe('承办或受理单位（含下级）'),
  q: optionalText.describe('案号或标题包含的文字'),
  createdFrom: isoDay.describe('登记日期起（含）'),
  createdTo: isoDay.describe('登记日期止（含）'),
  deadline: z
    .enum(caseDeadlineFilters)
    .optional()
    .describe('dueSoon 临近期限 / overdue 已超期 / running 正在计时'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只看本人参与（承办）的案件'),
  sort: z.enum(caseSortKeys).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number<string | number>().int().min(1).default(1),
  pageSize: z.coerce.number<string | number>().int().min(1).max(100).default(20),
});
export type CaseListQuery = z.input<typeof caseListQuerySchema>;

export const caseListSchema = z.object({
  items: z.array(caseListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CaseList = z.infer<typeof caseListSchema>;

/** A button on the case page: a transition the caller may press now. */
export const availableTransitionSchema = z.object({
  name: z.string(),
  /** The verb: 受理, 不予受理. */
  label: z.string(),
  to: z.string(),
  toLabel: z.string(),
  /** Ends the case or refuses: the page asks for confirmation and says what will happen. */
  destructive: z.boolean(),
  /** The input it requires, as JSON Schema (object with string/number/boolean/enum/date fields), or null. */
  inputSchema: z.record(z.string(), z.unknown()).nullable(),
});
export type AvailableTransition = z.infer<typeof availableTransitionSchema>;

export const caseDetailSchema = caseListItemSchema.extend({
  participants: z.array(caseParticipantSchema),
  deadlines: z.array(caseDeadlineSummarySchema.extend({ ruleDescription: z.string() })),
  transitions: z.array(availableTransitionSchema),
  /** The caller may add or remove participants. */
  canAssign: z.boolean(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseHistoryEntrySchema = z.object({
  id: z.number().int(),
  transition: z.string(),
  /** Chinese: 登记, 受理… */
  transitionLabel: z.string(),
  fromStatus: z.string().nullable(),
  fromLabel: z.string().nullable(),
  toStatus: z.string(),
  toLabel: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  comment: z.string().nullable(),
  attachments: z.array(z.unknown()),
});
export type CaseHistoryEntry = z.infer<typeof caseHistoryEntrySchema>;
export const caseHistorySchema = z.object({ entries: z.array(caseHistoryEntrySchema) });

/** POST /api/cases/:id/transitions */
export const caseTransitionBodySchema = z.object({
  transition: z.string().min(1).max(64),
  /** The version the caller read: a stale one answers 409 and changes nothing. */
  version: z.number().int().positive(),
  comment: z.string().trim().max(2000).optional(),
  input: z.record(z.string(), z.unknown()).optional(),
});
export type CaseTransitionBody = z.infer<typeof caseTransitionBodySchema>;

/** POST /api/cases/:id/participants (staff participants only; citizens join through their applications). */
export const caseParticipantBodySchema = z.object({
  accountId: z.string().min(1).max(64),
  role: z.enum(['handler', 'assistant']),
});
export type CaseParticipantBody = z.infer<typeof caseParticipantBodySchema>;

/** Labels of the platform's participant roles; modules add theirs (assignedLawyer, mediator…). */
export const caseParticipantRoleLabels: Record<string, string> = {
  handler: '承办人',
  assistant: '协办人',
  applicant: '申请人',
  assignedLawyer: '承办律师',
  mediator: '调解员',
  supervisee: '社区矫正对象',
};

/** "My deadlines" (我的期限): GET /api/deadlines/mine — live clocks of the caller's cases, nearest first. */
export const myDeadlineSchema = caseDeadlineSummarySchema.extend({
  caseId: z.string(),
  caseType: z.string(),
  caseTypeName: z.string(),
  caseNo: z.string().nullable(),
  caseTitle: z.string(),
  statusLabel: z.string(),
});
export type MyDeadline = z.infer<typeof myDeadlineSchema>;
export const myDeadlinesQuerySchema = z.object({
  filter: z.enum(['all', 'dueSoon', 'overdue']).default('all'),
  page: z.coerce.number<string | number>().int().min(1).default(1),
  pageSize: z.coerce.number<string | number>().int().min(1).max(100).default(20),
});
export const myDeadlinesSchema = z.object({
  items: z.array(myDeadlineSchema),
  total: z.number().int(),
  counts: z.object({ dueSoon: z.number().int(), overdue: z.number().int() }),
});
export type MyDeadlines = z.infer<typeof myDeadlinesSchema>;
