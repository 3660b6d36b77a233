import crypto from 'node:crypto';
import type { AvailableTransition } from '@zhucheng/contracts';
import { z } from 'zod';
import type { AuditWriter } from '../access/ports.ts';
import type { Principal, RequestContext } from '../access/principal.ts';
import { unitInScope } from '../access/scope.ts';
import {
  addParticipants,
  findCase,
  insertCase,
  insertHistory,
  listHistory,
  listParticipants,
  type NewParticipant,
  updateCaseStatus,
} from '../cases/cases.repo.ts';
import type { CaseHistoryRow, CaseRecordRow } from '../cases/cases.schema.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Executor, Transaction } from '../db/database.ts';
import type { DeadlineService } from '../deadlines/deadline.service.ts';
import { AppError } from '../http/app-error.ts';
import type { NotificationOutbox } from '../notifications/outbox.ts';
import type { NumberingService } from '../numbering/numbering.service.ts';
import {
  type CaseType,
  type CaseTypeRegistry,
  clockRuleCodes,
  clockSteps,
  isDestructive,
  permittedTransitions,
  stateLabel,
  type TransitionDef,
} from './workflow.rules.ts';

export interface WorkflowServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  deadlines: DeadlineService;
  numbering: NumberingService;
  types: CaseTypeRegistry;
  /** In-app notices of transitions that declare `notify`; none → no notices. */
  outbox?: Pick<NotificationOutbox, 'enqueue'>;
  /** The phone a citizen account signs in with, for notices declared `sms`; none → in-app only. */
  citizenPhone?: (executor: Executor, citizenAccountId: string) => Promise<string | null>;
}

export interface CreateCaseInput {
  type: string;
  competentUnitId: number;
  /** The unit that received it (city-wide acceptance); default the competent unit. */
  receivingUnitId?: number;
  title: string;
  participants?: NewParticipant[];
  comment?: string;
}

export interface TransitionInput {
  caseId: string;
  transition: string;
  /** The version the caller read. */
  version: number;
  input?: unknown;
  comment?: string;
  attachments?: unknown[];
}

/** The refusal of a guard: the request was understood, the case's facts forbid it now. */
function guardRefusal(reason: string): AppError {
  return new AppError('TRANSITION_REFUSED', 422, reason);
}

// The one way a case changes state: access, permission, state, version, guard and input checks, then the
// new status, history, audit, clocks and notices, all in one transaction, so a refusal changes nothing.
export class WorkflowService {
  readonly #d: WorkflowServiceDeps;

  constructor(deps: WorkflowServiceDeps) {
    // A type naming a series or a clock nobody registered fails at start-up, not on its first case.
    for (const type of deps.types.all()) {
      if (type.numberSeries && !deps.numbering.series.has(type.numberSeries)) {
        throw new Error(`case type ${type.type}: number series ${type.numberSeries} is not registered`);
      }
      for (const code of clockRuleCodes(type)) {
        if (!deps.deadlines.rules.has(code))
          throw new Error(`case type ${type.type}: unknown deadline rule ${code}`);
      }
    }
    this.#d = deps;
  }

  get types(): CaseTypeRegistry {
    return this.#d.types;
  }

  /** Opens a case in its type's initial state; in the caller's transaction when one is given. */
  async create(ctx: RequestContext, input: CreateCaseInput, tx?: Transaction): Promise<CaseRecordRow> {
    if (!tx) return this.#d.db.transaction((t) => this.create(ctx, input, t));
    const type = this.#d.types.get(input.type);
    const principal = ctx.principal;
    const receivingUnitId = input.receivingUnitId ?? input.competentUnitId;
    // Staff open cases for units in their scope; the receiving unit is the one they act for.
    if (principal?.kind === 'staff' && !unitInScope(principal.scope, receivingUnitId)) {
      throw AppError.forbidden('您无权以该单位名义受理案件');
    }
    const now = this.#d.clock.now();
    const caseNo = type.numberSeries
      ? (
          await this.#d.numbering.allocate(tx, {
            series: type.numberSeries,
            unitId: input.competentUnitId,
            at: now,
          })
        ).text
      : null;
    const row = await insertCase(tx, {
      id: crypto.randomUUID(),
      caseType: type.type,
      caseNo,
      status: type.initial,
      version: 1,
      competentUnitId: input.competentUnitId,
      receivingUnitId,
      title: input.title,
      createdBy: principal?.id ?? null,
      updatedBy: principal?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await addParticipants(tx, row.id, input.participants ?? [], now);
    for (const ruleCode of type.startClocks ?? []) {
      await this.#d.deadlines.start(tx, { caseType: type.type, caseId: row.id, ruleCode, startedAt: now });
    }
    await insertHistory(tx, {
      caseId: row.id,
      transition: 'create',
      fromStatus: null,
      toStatus: row.status,
      actorId: principal?.id ?? null,
      actorName: principal?.displayName ?? '系统',
      at: now,
      comment: input.comment ?? null,
      attachments: [],
      data: null,
    });
    await this.#d.audit(tx, ctx, {
      action: 'case.create',
      entityType: 'case',
      entityId: row.id,
      after: { caseType: row.caseType, caseNo: row.caseNo, status: row.status, title: row.title },
    });
    return row;
  }

  /** A case the caller may see, or 404. */
  async get(ctx: RequestContext, caseId: string): Promise<CaseRecordRow> {
    const row = await findCase(this.#d.db, ctx.principal, caseId);
    if (!row) throw AppError.notFound('案件');
    return row;
  }

  /** The case's timeline, oldest first; 404 outside the caller's scope. */
  async history(ctx: RequestContext, caseId: string): Promise<CaseHistoryRow[]> {
    await this.get(ctx, caseId);
    return listHistory(this.#d.db, caseId);
  }

  /**
   * Applies one transition. A module passes its own transaction (`tx`) when the step writes its own rows
   * too (an assignment, a closing), so both commit or neither; `viaModule` is how the module's endpoint
   * applies a transition declared `viaModule` (the case page's generic buttons may not).
   */
  async transition(
    ctx: RequestContext,
    input: TransitionInput,
    options: { tx?: Transaction; viaModule?: boolean } = {},
  ): Promise<CaseRecordRow> {
    const principal = requireActor(ctx);
    const run = async (tx: Transaction) => {
      const current = await findCase(tx, principal, input.caseId, { forUpdate: true });
      if (!current) throw AppError.notFound('案件');
      const type = this.#d.types.get(current.caseType);
      const t = type.transitions.find((x) => x.name === input.transition);
      if (!t) throw AppError.badRequest(`“${type.name}”没有“${input.transition}”这一操作`);
      if (t.viaModule && !options.viaModule) {
        throw AppError.badRequest(`“${t.label}”请在案件页的对应栏目中办理`);
      }
      if (!principal.permissions.has(t.permission)) throw AppError.forbidden(`您没有“${t.label}”的权限`);
      // A stale version first: its reader's view of the status is what is out of date.
      if (current.version !== input.version) throw AppError.conflict('该案件已被他人处理，请刷新后重试');
      if (!t.from.includes(current.status)) {
        throw AppError.conflict(`案件当前状态为“${stateLabel(type, current.status)}”，不能执行“${t.label}”`);
      }
      const data = parseInput(t, input.input);
      const refusal = t.guard?.({ case: current, input: data, principal }) ?? null;
      if (refusal) throw guardRefusal(refusal);

      const now = this.#d.clock.now();
      const updated = await updateCaseStatus(tx, {
        id: current.id,
        version: current.version,
        status: t.to,
        updatedBy: principal.id,
        updatedAt: now,
      });
      if (!updated) throw AppError.conflict('该案件已被他人处理，请刷新后重试');
      await insertHistory(tx, {
        caseId: current.id,
        transition: t.name,
        fromStatus: current.status,
        toStatus: t.to,
        actorId: principal.id,
        actorName: principal.displayName,
        at: now,
        comment: input.comment ?? null,
        attachments: input.attachments ?? [],
        data: data === undefined ? null : data,
      });
      await this.#d.audit(tx, ctx, {
        action: 'case.transition',
        entityType: 'case',
        entityId: current.id,
        before: { status: current.status, version: current.version },
        after: { status: updated.status, version: updated.version },
        detail: { caseType: type.type, transition: t.name },
      });
      await this.#moveClocks(tx, type, t, current.id);
      await this.#notify(tx, t, updated);
      return updated;
    };
    return options.tx ? run(options.tx) : this.#d.db.transaction(run);
  }

  /** The transitions the caller may press on this case now (the case page's buttons). */
  availableTransitions(
    ctx: RequestContext,
    row: Pick<CaseRecordRow, 'caseType' | 'status'>,
  ): AvailableTransition[] {
    const principal = ctx.principal;
    // A case of a type no longer registered (old data) offers no buttons.
    if (!principal || !this.#d.types.has(row.caseType)) return [];
    const type = this.#d.types.get(row.caseType);
    // A module's own step (指派律师, 结案) has its own form on the case page, not a generic button.
    const offered = permittedTransitions(type, row.status, principal.permissions).filter((t) => !t.viaModule);
    return offered.map((t) => ({
      name: t.name,
      label: t.label,
      to: t.to,
      toLabel: stateLabel(type, t.to),
      destructive: isDestructive(type, t),
      inputSchema: t.input ? inputJsonSchema(t.input) : null,
    }));
  }

  async #moveClocks(tx: Executor, type: CaseType, t: TransitionDef, caseId: string): Promise<void> {
    const at = this.#d.clock.now();
    for (const { op, ruleCode } of clockSteps(t.clocks)) {
      const key = { caseType: type.type, caseId, ruleCode };
      if (op === 'start') await this.#d.deadlines.start(tx, { ...key, startedAt: at });
      else if (op === 'pause') await this.#d.deadlines.pause(tx, key, { at });
      else if (op === 'resume') await this.#d.deadlines.resume(tx, key, { at });
      else if (op === 'extend') await this.#d.deadlines.extend(tx, key);
      // A transition leaving several states (终止 before or after the lawyer's assignment) stops the clock
      // only where it still runs.
      else if (op === 'stop') {
        if (await this.#d.deadlines.find(tx, key)) await this.#d.deadlines.stop(tx, key, { at });
      } else await this.#d.deadlines.meet(tx, key, { at });
    }
  }

  async #notify(tx: Executor, t: TransitionDef, row: CaseRecordRow): Promise<void> {
    const outbox = this.#d.outbox;
    if (!t.notify || !outbox) return;
    const roles = new Set(t.notify.roles);
    const citizenRoles = new Set(t.notify.citizenRoles ?? []);
    const recipients = new Set(
      (await listParticipants(tx, row.id))
        .filter((p) => (p.accountKind === 'staff' ? roles : citizenRoles).has(p.role))
        .map((p) => `${p.accountKind}:${p.accountId}`),
    );
    const body = t.notify.body(row);
    const citizenBody = t.notify.citizenBody?.(row) ?? body;
    const portalPath = t.notify.portalPath?.(row);
    for (const recipient of recipients) {
      const citizen = recipient.startsWith('citizen:');
      await outbox.enqueue(tx, {
        channel: 'inApp',
        recipient,
        template: t.notify.template,
        body: citizen ? citizenBody : body,
        payload: {
          caseId: row.id,
          caseType: row.caseType,
          transition: t.name,
          ...(citizen && portalPath ? { portalPath } : {}),
        },
      });
      const phone =
        citizen && t.notify.sms && this.#d.citizenPhone
          ? await this.#d.citizenPhone(tx, recipient.slice('citizen:'.length))
          : null;
      if (phone) {
        await outbox.enqueue(tx, {
          channel: 'sms',
          recipient: phone,
          template: t.notify.template,
          body: citizenBody,
          payload: { caseId: row.id, caseType: row.caseType, transition: t.name },
        });
      }
    }
  }
}

/** The form the page draws for a transition's input: JSON Schema of what the caller types in. */
function inputJsonSchema(input: z.ZodType): Record<string, unknown> {
  // `io: 'input'`: the fields before trimming and defaults; transforms cannot be described, so `any`.
  return z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

function requireActor(ctx: RequestContext): Principal {
  if (!ctx.principal) throw AppError.unauthenticated();
  return ctx.principal;
}

function parseInput(t: TransitionDef, raw: unknown): unknown {
  if (!t.input) return raw;
  const result = t.input.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw AppError.badRequest(
    `“${t.label}”所需的信息不完整或有误`,
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
