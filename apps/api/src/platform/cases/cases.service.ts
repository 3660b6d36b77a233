import {
  type CaseDeadlineSummary,
  type CaseDetail,
  type CaseHistoryEntry,
  type CaseList,
  type CaseListItem,
  type CaseParticipant,
  type CaseParticipantBody,
  type CaseSortKey,
  type CaseTransitionBody,
  caseParticipantRoleLabels,
  type MyDeadlines,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../access/principal.ts';
import { unitInScope } from '../access/scope.ts';
import { type Clock, calendarDay } from '../clock/clock.ts';
import { maskName } from '../crypto/personal-data.ts';
import type { Database, Executor } from '../db/database.ts';
import type { DeadlineService, DeadlineView } from '../deadlines/deadline.service.ts';
import { AppError } from '../http/app-error.ts';
import { keysetBatches } from '../spreadsheets/keyset.ts';
import type { CaseTypeRegistry } from '../workflow/workflow.rules.ts';
import { stateLabel, stateTone, transitionLabel } from '../workflow/workflow.rules.ts';
import type { WorkflowService } from '../workflow/workflow.service.ts';
import {
  type CaseListFilter,
  casesWithLiveClocks,
  citizenNames,
  findStaffAccount,
  handlersOf,
  type ListMoment,
  listCaseBatch,
  listCasePage,
  listMyDeadlines,
  type MyDeadlineFilter,
  staffNames,
  unitNames,
} from './case-list.repo.ts';
import { addParticipants, findCase, listHistory, listParticipants, removeParticipant } from './cases.repo.ts';
import type { CaseRecordRow } from './cases.schema.ts';

// The shared case pages (案件): the list every business line's cases appear in, the case page with its
// clocks, buttons and participants, the timeline, and "my deadlines". Modules add their own details beside
// them; state changes go through the workflow engine.

export interface CaseServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  deadlines: DeadlineService;
}

export interface CaseListParams extends Omit<CaseListFilter, 'mine'> {
  mine?: boolean;
  sort: CaseSortKey;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Live clocks first by standing: running with a due date, then paused, then waiting for the calendar. */
function clockRank(v: DeadlineView): number {
  if (v.dueOn === null && v.dueAt === null) return 2;
  return v.status === 'paused' ? 1 : 0;
}

function summary(v: DeadlineView): CaseDeadlineSummary {
  return {
    id: v.id,
    ruleCode: v.ruleCode,
    ruleName: v.ruleName,
    article: v.article,
    dueOn: v.dueOn,
    dueAt: v.dueAt,
    status: v.status,
    standing: v.standing,
  };
}

export class CaseService {
  readonly #d: CaseServiceDeps;

  constructor(deps: CaseServiceDeps) {
    this.#d = deps;
  }

  get #types(): CaseTypeRegistry {
    return this.#d.workflow.types;
  }

  #moment(): ListMoment {
    const { clock } = this.#d;
    return { today: clock.today(), now: clock.now(), timeZone: clock.timeZone };
  }

  /** 全部案件: a page of the cases in the caller's scope, filtered and sorted by whitelisted keys. */
  async list(ctx: RequestContext, params: CaseListParams): Promise<CaseList> {
    const principal = requireStaff(ctx);
    const filter: CaseListFilter = { ...params, mine: params.mine ?? false };
    const { rows, total } = await listCasePage(this.#d.db, principal, filter, this.#moment());
    return {
      items: await this.#items(this.#d.db, rows),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  /**
   * 导出: every case of the list's filter in its order, in keyset batches of 1,000 with the same batched
   * look-ups as a page, so an export never holds more than one batch. The access check runs now; the rows
   * are read as the caller iterates. The export is audited when the iteration ends, with the filter and the
   * number of rows handed out (complete or not).
   */
  exportRows(ctx: RequestContext, params: CaseListParams): AsyncIterable<CaseListItem> {
    const principal = requireStaff(ctx);
    const filter: CaseListFilter = { ...params, mine: params.mine ?? false };
    const { page: _page, pageSize: _pageSize, ...audited } = filter;
    const moment = this.#moment();
    const db = this.#d.db;
    const audit = this.#d.audit;
    const items = (rows: CaseRecordRow[]) => this.#items(db, rows);
    return (async function* exportCases() {
      let rows = 0;
      let complete = false;
      try {
        for await (const batch of keysetBatches((after, limit) =>
          listCaseBatch(db, principal, filter, moment, after, limit),
        )) {
          for (const item of await items(batch)) {
            yield item;
            rows++;
          }
        }
        complete = true;
      } finally {
        await audit(db, ctx, { action: 'case.export', detail: { filter: audited, rows, complete } });
      }
    })();
  }

  /** The case page: the record, its people, all its clocks, and the buttons the caller may press. */
  async detail(ctx: RequestContext, caseId: string): Promise<CaseDetail> {
    const principal = requireStaff(ctx);
    const row = await this.#find(this.#d.db, principal, caseId);
    return this.#detail(ctx, principal, row);
  }

  /** 办理记录: the timeline, oldest first. */
  async history(ctx: RequestContext, caseId: string): Promise<{ entries: CaseHistoryEntry[] }> {
    const principal = requireStaff(ctx);
    const row = await this.#find(this.#d.db, principal, caseId);
    const type = this.#types.has(row.caseType) ? this.#types.get(row.caseType) : undefined;
    const label = (s: string) => (type ? stateLabel(type, s) : s);
    const rows = await listHistory(this.#d.db, row.id);
    return {
      entries: rows.map((h) => ({
        id: h.id,
        transition: h.transition,
        transitionLabel: transitionLabel(type, h.transition),
        fromStatus: h.fromStatus,
        fromLabel: h.fromStatus === null ? null : label(h.fromStatus),
        toStatus: h.toStatus,
        toLabel: label(h.toStatus),
        actorName: h.actorName,
        at: h.at.toISOString(),
        comment: h.comment,
        attachments: h.attachments,
      })),
    };
  }

  /** A button press: the workflow engine checks permission, version, state, input and guard. */
  async transition(ctx: RequestContext, caseId: string, body: CaseTransitionBody): Promise<CaseDetail> {
    const principal = requireStaff(ctx);
    if (!uuidPattern.test(caseId)) throw AppError.notFound('案件');
    await this.#d.workflow.transition(ctx, {
      caseId,
      transition: body.transition,
      version: body.version,
      ...(body.input !== undefined ? { input: body.input } : {}),
      ...(body.comment ? { comment: body.comment } : {}),
    });
    return this.#detail(ctx, principal, await this.#find(this.#d.db, principal, caseId));
  }

  /** Adds a staff member (承办人, 协办人) to the case. Participants are not workflow state: no new version. */
  async addParticipant(ctx: RequestContext, caseId: string, body: CaseParticipantBody): Promise<CaseDetail> {
    const principal = requireStaff(ctx);
    await this.#d.db.transaction(async (tx) => {
      const row = await this.#find(tx, principal, caseId, { forUpdate: true });
      const account = await findStaffAccount(tx, body.accountId);
      // Someone outside the caller's units does not exist for the caller.
      if (!account || !unitInScope(principal.scope, account.unitId)) throw AppError.notFound('人员');
      if (account.status !== 'active')
        throw AppError.badRequest(`“${account.displayName}”的账号已停用，不能加入案件`);
      const roleLabel = caseParticipantRoleLabels[body.role] ?? body.role;
      const existing = await listParticipants(tx, row.id);
      if (
        existing.some((p) => p.accountKind === 'staff' && p.accountId === account.id && p.role === body.role)
      ) {
        throw AppError.conflict(`“${account.displayName}”已是本案的${roleLabel}`);
      }
      await addParticipants(
        tx,
        row.id,
        [{ accountKind: 'staff', accountId: account.id, role: body.role }],
        this.#d.clock.now(),
      );
      await this.#d.audit(tx, ctx, {
        action: 'case.participantAdd',
        entityType: 'case',
        entityId: row.id,
        after: { accountId: account.id, name: account.displayName, role: body.role },
        detail: { caseNo: row.caseNo },
      });
    });
    return this.detail(ctx, caseId);
  }

  async removeParticipant(
    ctx: RequestContext,
    caseId: string,
    participant: { role: string; accountId: string },
  ): Promise<CaseDetail> {
    const principal = requireStaff(ctx);
    await this.#d.db.transaction(async (tx) => {
      const row = await this.#find(tx, principal, caseId, { forUpdate: true });
      const removed = await removeParticipant(tx, row.id, { accountKind: 'staff', ...participant });
      if (!removed) throw AppError.notFound('该案件参与人员');
      await this.#d.audit(tx, ctx, {
        action: 'case.participantRemove',
        entityType: 'case',
        entityId: row.id,
        before: { accountId: participant.accountId, role: participant.role },
        detail: { caseNo: row.caseNo },
      });
    });
    return this.detail(ctx, caseId);
  }

  /** 我的期限: live clocks of the cases the caller takes part in, nearest due first. */
  async myDeadlines(
    ctx: RequestContext,
    query: { filter: MyDeadlineFilter; page: number; pageSize: number },
  ): Promise<MyDeadlines> {
    const principal = requireStaff(ctx);
    const db = this.#d.db;
    const { rows, total, dueSoon, overdue } = await listMyDeadlines(
      db,
      principal,
      query.filter,
      query,
      this.#moment(),
    );
    const views = new Map<number, DeadlineView>();
    for (const v of await this.#d.deadlines.listForCases(
      db,
      rows.map((r) => r.caseId),
    ))
      views.set(v.id, v);
    const items = rows.flatMap((r) => {
      const v = views.get(r.id);
      if (!v) return [];
      const known = this.#types.has(r.caseType) ? this.#types.get(r.caseType) : undefined;
      return [
        {
          ...summary(v),
          caseId: r.caseId,
          caseType: r.caseType,
          caseTypeName: known?.name ?? r.caseType,
          caseNo: r.caseNo,
          caseTitle: r.caseTitle,
          statusLabel: known ? stateLabel(known, r.caseStatus) : r.caseStatus,
        },
      ];
    });
    return { items, total, counts: { dueSoon, overdue } };
  }

  async #find(
    executor: Executor,
    principal: Principal,
    caseId: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<CaseRecordRow> {
    // A malformed id names no case (and must not reach the uuid column as a cast error).
    const row = uuidPattern.test(caseId) ? await findCase(executor, principal, caseId, options) : undefined;
    if (!row) throw AppError.notFound('案件');
    return row;
  }

  async #detail(ctx: RequestContext, principal: Principal, row: CaseRecordRow): Promise<CaseDetail> {
    const db = this.#d.db;
    const [item] = await this.#items(db, [row]);
    if (!item) throw AppError.notFound('案件');
    const participants = await listParticipants(db, row.id);
    const staff = await staffNames(
      db,
      participants.filter((p) => p.accountKind === 'staff').map((p) => p.accountId),
    );
    const citizens = await citizenNames(
      db,
      participants.filter((p) => p.accountKind === 'citizen').map((p) => p.accountId),
    );
    const people: CaseParticipant[] = participants.map((p) => {
      const citizenName = citizens.get(p.accountId);
      return {
        accountKind: p.accountKind,
        accountId: p.accountId,
        role: p.role,
        roleLabel: caseParticipantRoleLabels[p.role] ?? p.role,
        name:
          p.accountKind === 'staff'
            ? (staff.get(p.accountId) ?? '（账号不存在）')
            : citizenName
              ? maskName(citizenName)
              : '群众',
        addedAt: p.addedAt.toISOString(),
      };
    });
    const clocks = await this.#d.deadlines.listForCase(db, row.caseType, row.id);
    return {
      ...item,
      participants: people,
      deadlines: clocks.map((v) => ({ ...summary(v), ruleDescription: v.ruleDescription })),
      transitions: this.#d.workflow.availableTransitions(ctx, row),
      canAssign: principal.permissions.has('case:assign'),
    };
  }

  /** List items of the given rows, with batched look-ups of names and clocks. */
  async #items(executor: Executor, rows: CaseRecordRow[]): Promise<CaseListItem[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const units = await unitNames(
      executor,
      rows.flatMap((r) => [r.competentUnitId, r.receivingUnitId]),
    );
    const handlers = await handlersOf(executor, ids);
    const withClocks = await casesWithLiveClocks(executor, ids);
    const live = new Map<string, DeadlineView[]>();
    const views = await this.#d.deadlines.listForCases(
      executor,
      ids.filter((id) => withClocks.has(id)),
    );
    for (const v of views) {
      if (v.status === 'running' || v.status === 'paused')
        live.set(v.caseId, [...(live.get(v.caseId) ?? []), v]);
    }
    const nearest = new Map<string, CaseDeadlineSummary>();
    for (const [caseId, clocks] of live) {
      const first = clocks.sort((a, b) => this.#compareClocks(a, b))[0];
      if (first) nearest.set(caseId, summary(first));
    }
    const unit = (id: number) => ({ id, name: units.get(id) ?? String(id) });
    return rows.map((r) => {
      const type = this.#types.has(r.caseType) ? this.#types.get(r.caseType) : undefined;
      return {
        id: r.id,
        caseType: r.caseType,
        // A type no longer registered (old data) shows its code rather than failing the page.
        caseTypeName: type?.name ?? r.caseType,
        caseNo: r.caseNo,
        title: r.title,
        status: r.status,
        statusLabel: type ? stateLabel(type, r.status) : r.status,
        statusTone: type ? stateTone(type, r.status) : 'processing',
        version: r.version,
        competentUnit: unit(r.competentUnitId),
        receivingUnit: unit(r.receivingUnitId),
        handlers: handlers.get(r.id) ?? [],
        deadline: nearest.get(r.id) ?? null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }

  #compareClocks(a: DeadlineView, b: DeadlineView): number {
    const rank = clockRank(a) - clockRank(b);
    if (rank !== 0) return rank;
    const day = (v: DeadlineView) =>
      v.dueOn ?? (v.dueAt ? calendarDay(new Date(v.dueAt), this.#d.clock.timeZone) : '9999-12-31');
    const byDay = day(a).localeCompare(day(b));
    if (byDay !== 0) return byDay;
    return (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.id - b.id;
  }
}
