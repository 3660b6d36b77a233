import crypto from 'node:crypto';
import {
  type AlertAssignees,
  type AlertDetail,
  type AlertKind,
  type AlertList,
  type AlertListQuery,
  type AlertView,
  alertKindLabels,
  alertListQuerySchema,
  dispositionLabels,
  severityLabels,
  type TriageInput,
  triageInputSchema,
  triageStateLabels,
} from '@zhucheng/contracts';
import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { role, staffUser, staffUserRole } from '../../platform/access/access.schema.ts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { scopeCondition } from '../../platform/access/scope.ts';
import { caseParticipant } from '../../platform/cases/cases.schema.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { inboxRecipient } from '../../platform/notifications/inbox.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import { listUnits, unitAndAncestors } from '../../platform/org/org.repo.ts';
import { vesselsByIds } from '../corrections/index.ts';
import { alertSeverity, foldKey, slaStanding, triage } from './alert.rules.ts';
import { type TrackingAlertRow, trackingAlert, trackingAlertEvent, trackingFence } from './alerts.schema.ts';

// 告警 and the triage queue. The evaluator raises alerts here (repeats of an open alert fold into it: one open
// alert per vessel, kind and subject, enforced by a partial unique index); officers acknowledge, assign and
// resolve them with a disposition; the SLA job escalates to the supervisors. Scope: the vessel's office.

export interface AlertsDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
}

/** What the evaluator found: one occurrence of a rule broken by a vessel. */
export interface Occurrence {
  vesselId: string;
  unitId: number;
  vesselName: string;
  kind: AlertKind;
  /** Fence id, trip id or terminal alarm kind; empty when the kind has one subject per vessel. */
  subject: string;
  fence?: { id: string; version: number; name: string } | undefined;
  tripId?: string | undefined;
  terminalAlarm?: string | undefined;
  terminalId?: string | undefined;
  supervisees: { caseId: string; caseNo: string | null }[];
  rule: string;
  at: Date;
  lat: number | null;
  lon: number | null;
}

const HANDLE_ALERTS = '["tracking:handleAlerts"]';
const stale = () => AppError.conflict('该告警已被他人处理，请刷新后重试');
const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

export class AlertsService {
  readonly #d: AlertsDeps;
  readonly #recipients = new Map<number, { at: number; office: string[]; supervisors: string[] }>();

  constructor(deps: AlertsDeps) {
    this.#d = deps;
  }

  // ---- raising ------------------------------------------------------------------------------------------------

  /**
   * Opens an alert, or folds the occurrence into the open one with the same key (count, last time and place).
   * New alerts notify the vessel's officers (and, when severe, their supervisors) in the same transaction.
   */
  async raise(tx: Transaction, o: Occurrence): Promise<{ id: string; isNew: boolean }> {
    const now = this.#d.clock.now();
    const severity = alertSeverity[o.kind];
    const sla = slaStanding(severity, 'new', now, now);
    const key = foldKey({ vesselId: o.vesselId, kind: o.kind, subject: o.subject });
    const id = crypto.randomUUID();
    const a = trackingAlert;
    const [row] = await tx
      .insert(a)
      .values({
        id,
        kind: o.kind,
        severity,
        state: 'new',
        foldKey: key,
        vesselId: o.vesselId,
        unitId: o.unitId,
        supervisees: o.supervisees,
        fenceId: o.fence?.id ?? null,
        fenceVersion: o.fence?.version ?? null,
        tripId: o.tripId ?? null,
        terminalAlarm: o.terminalAlarm ?? null,
        terminalId: o.terminalId ?? null,
        rule: o.rule,
        firstAt: o.at,
        lastAt: o.at,
        occurrences: 1,
        lat: o.lat,
        lon: o.lon,
        acknowledgeBy: sla.acknowledgeBy,
        resolveBy: sla.resolveBy,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: a.foldKey,
        targetWhere: sql`${a.state} <> 'resolved'`,
        set: {
          occurrences: sql`${a.occurrences} + 1`,
          lastAt: sql`greatest(${a.lastAt}, excluded.last_at)`,
          firstAt: sql`least(${a.firstAt}, excluded.first_at)`,
          lat: sql`case when excluded.last_at >= ${a.lastAt} then excluded.lat else ${a.lat} end`,
          lon: sql`case when excluded.last_at >= ${a.lastAt} then excluded.lon else ${a.lon} end`,
          fenceVersion: sql`coalesce(excluded.fence_version, ${a.fenceVersion})`,
          updatedAt: now,
        },
      })
      .returning({ id: a.id, inserted: sql<boolean>`(xmax = 0)` });
    if (!row) throw new Error('alert upsert returned nothing');
    const isNew = row.inserted === true || String(row.inserted) === 'true';
    if (isNew) {
      await tx.insert(trackingAlertEvent).values({
        alertId: row.id,
        at: now,
        action: 'raise',
        fromState: null,
        toState: 'new',
        actorName: '系统',
        note: o.rule,
      });
      await this.#notify(tx, row.id, o, severity === 'high' ? 'officersAndSupervisors' : 'officers');
    }
    return { id: row.id, isNew };
  }

  // ---- the queue ---------------------------------------------------------------------------------------------

  async list(ctx: RequestContext, raw: AlertListQuery): Promise<AlertList> {
    const staff = requireStaff(ctx);
    const q = alertListQuerySchema.parse(raw);
    const a = trackingAlert;
    const scope = scopeCondition(staff.scope, { unitColumns: [a.unitId] });
    const where = and(
      scope,
      q.state === 'open' ? ne(a.state, 'resolved') : q.state === 'all' ? undefined : eq(a.state, q.state),
      q.kind ? eq(a.kind, q.kind) : undefined,
      q.vesselId ? eq(a.vesselId, q.vesselId) : undefined,
    );
    const severityOrder = sql`case ${a.severity} when 'high' then 0 when 'medium' then 1 else 2 end`;
    const [rows, [total], byState] = await Promise.all([
      this.#d.db
        .select()
        .from(a)
        .where(where)
        .orderBy(
          sql`case when ${a.state} = 'resolved' then 1 else 0 end`,
          severityOrder,
          desc(a.lastAt),
          asc(a.id),
        )
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      this.#d.db.select({ n: count() }).from(a).where(where),
      this.#d.db
        .select({ state: a.state, n: count() })
        .from(a)
        .where(and(scope, ne(a.state, 'resolved')))
        .groupBy(a.state),
    ]);
    return {
      items: await this.#views(rows),
      total: Number(total?.n ?? 0),
      counts: Object.fromEntries(byState.map((r) => [r.state, Number(r.n)])),
    };
  }

  /** The alert with its life; reading it is audited (it names supervisees), unless an action just did. */
  async detail(ctx: RequestContext, id: string, audited = true): Promise<AlertDetail> {
    const staff = requireStaff(ctx);
    const row = await this.#find(this.#d.db, staff, id);
    const [view] = await this.#views([row]);
    if (!view) throw AppError.notFound('告警');
    const events = await this.#d.db
      .select()
      .from(trackingAlertEvent)
      .where(eq(trackingAlertEvent.alertId, id))
      .orderBy(asc(trackingAlertEvent.at), asc(trackingAlertEvent.id));
    if (audited) {
      await this.#d.db.transaction((tx) =>
        this.#d.audit(tx, ctx, {
          action: 'tracking.alert.read',
          entityType: 'trackingAlert',
          entityId: id,
          detail: { vesselId: row.vesselId, supervisees: row.supervisees.map((s) => s.caseId) },
        }),
      );
    }
    return {
      ...view,
      events: events.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        actorName: e.actorName,
        note: e.note,
      })),
    };
  }

  /** Acknowledge, assign, resolve (with a disposition) or reopen; optimistic locking on the alert's version. */
  async act(ctx: RequestContext, id: string, raw: TriageInput): Promise<AlertDetail> {
    const staff = requireStaff(ctx);
    const input = triageInputSchema.parse(raw);
    await this.#d.db.transaction(async (tx) => {
      const found = await this.#find(tx, staff, id, true);
      if (found.version !== input.version) throw stale();
      let assignee: { id: string; name: string } | null = null;
      if (input.action === 'assign') {
        assignee = (await this.#assignees(tx, found.unitId)).find((s) => s.id === input.assigneeId) ?? null;
        if (!assignee) {
          throw AppError.badRequest('所选人员不能处置该船舶的告警', [
            { path: 'assigneeId', message: '所选人员不能处置该船舶的告警' },
          ]);
        }
      }
      const next = triage(found.state, input.action, {
        ...(input.action === 'resolve' ? { disposition: input.disposition } : {}),
        ...(input.note ? { note: input.note } : {}),
        ...(assignee ? { assignee: assignee.id } : {}),
      });
      if ('refused' in next) {
        if (input.action === 'resolve' && found.state !== 'resolved') {
          throw AppError.badRequest(next.refused, [{ path: 'note', message: next.refused }]);
        }
        throw AppError.conflict(next.refused);
      }
      const now = this.#d.clock.now();
      const patch: Partial<typeof trackingAlert.$inferInsert> = {
        state: next.state,
        version: found.version + 1,
        updatedAt: now,
      };
      if (assignee) {
        patch.assigneeId = assignee.id;
        patch.assigneeName = assignee.name;
      }
      if (input.action === 'resolve') {
        patch.disposition = input.disposition;
        patch.resolvedAt = now;
      }
      if (input.action === 'reopen') {
        patch.disposition = null;
        patch.resolvedAt = null;
      }
      const updated = await tx
        .update(trackingAlert)
        .set(patch)
        .where(and(eq(trackingAlert.id, id), eq(trackingAlert.version, input.version)))
        .returning({ id: trackingAlert.id });
      if (updated.length === 0) throw stale();
      const detail =
        input.action === 'resolve'
          ? `${dispositionLabels[input.disposition]}${input.note ? `：${input.note}` : ''}`
          : input.action === 'assign' && assignee
            ? `指派给 ${assignee.name}${input.note ? `：${input.note}` : ''}`
            : (input.note ?? null);
      await tx.insert(trackingAlertEvent).values({
        alertId: id,
        at: now,
        action: input.action,
        fromState: found.state,
        toState: next.state,
        actorId: staff.id,
        actorName: staff.displayName,
        note: detail,
      });
      await this.#d.audit(tx, ctx, {
        action: `tracking.alert.${input.action}`,
        entityType: 'trackingAlert',
        entityId: id,
        before: { state: found.state },
        after: { state: next.state, ...patch, updatedAt: undefined },
      });
      if (assignee && assignee.id !== staff.id) {
        await this.#d.outbox.enqueue(tx, {
          channel: 'inApp',
          recipient: inboxRecipient('staff', assignee.id),
          template: 'tracking.alertAssigned',
          body: `【海上告警】${staff.displayName}将告警「${alertKindLabels[found.kind]}」指派给您处置。`,
          payload: { alertId: id, consolePath: `/tracking/alerts/${id}` },
          dedupeKey: `tracking.alertAssigned:${id}:${found.version + 1}`,
        });
      }
    });
    return this.detail(ctx, id, false);
  }

  /** Who may be assigned this alert: staff handling alerts at the vessel's office or above it. */
  async assignees(ctx: RequestContext, id: string): Promise<AlertAssignees> {
    const staff = requireStaff(ctx);
    const row = await this.#find(this.#d.db, staff, id);
    return { items: await this.#assignees(this.#d.db, row.unitId) };
  }

  // ---- SLA ---------------------------------------------------------------------------------------------------

  /** Sends each overdue alert's escalation once per step (acknowledge, then resolve) to the supervisors. */
  async escalateOverdue(): Promise<number> {
    const now = this.#d.clock.now();
    const a = trackingAlert;
    const due = await this.#d.db
      .select()
      .from(a)
      .where(
        sql`${a.state} <> 'resolved' and (
          (${a.state} = 'new' and ${a.acknowledgeBy} <= ${now} and ${a.escalated} is null)
          or (${a.resolveBy} <= ${now} and coalesce(${a.escalated}, '') <> 'resolve'))`,
      )
      .limit(500);
    let sent = 0;
    for (const row of due) {
      const step =
        row.state === 'new' && row.acknowledgeBy <= now && !row.escalated
          ? 'acknowledge'
          : row.resolveBy <= now && row.escalated !== 'resolve'
            ? 'resolve'
            : null;
      if (!step) continue;
      await this.#d.db.transaction(async (tx) => {
        const updated = await tx
          .update(a)
          .set({ escalated: step, updatedAt: now })
          .where(and(eq(a.id, row.id), eq(a.version, row.version)))
          .returning({ id: a.id });
        if (updated.length === 0) return;
        const what = step === 'acknowledge' ? '超时未确认' : '超时未办结';
        await tx.insert(trackingAlertEvent).values({
          alertId: row.id,
          at: now,
          action: 'escalate',
          fromState: row.state,
          toState: row.state,
          actorName: '系统',
          note: `${what}，已提醒上级负责人`,
        });
        const [vessel] = await vesselsByIds(tx, [row.vesselId]);
        const body = `【海上告警升级】${vessel?.name ?? '船舶'}「${alertKindLabels[row.kind]}」（${severityLabels[row.severity]}）${what}，当前状态：${triageStateLabels[row.state]}。`;
        for (const s of await this.#supervisors(tx, row.unitId)) {
          await this.#d.outbox.enqueue(tx, {
            channel: 'inApp',
            recipient: inboxRecipient('staff', s),
            template: 'tracking.alertEscalated',
            body,
            payload: { alertId: row.id, consolePath: `/tracking/alerts/${row.id}` },
            dedupeKey: `tracking.alertEscalated:${row.id}:${step}:${s}`,
          });
        }
        sent += 1;
      });
    }
    return sent;
  }

  // ---- internals ---------------------------------------------------------------------------------------------

  async #find(
    executor: Executor,
    staff: Principal,
    id: string,
    forUpdate = false,
  ): Promise<TrackingAlertRow> {
    const where = and(
      eq(trackingAlert.id, id),
      scopeCondition(staff.scope, { unitColumns: [trackingAlert.unitId] }),
    );
    const query = executor.select().from(trackingAlert).where(where);
    const [row] = forUpdate ? await query.for('update') : await query;
    if (!row) throw AppError.notFound('告警');
    return row;
  }

  async #views(rows: TrackingAlertRow[]): Promise<AlertView[]> {
    const vessels = new Map(
      (await vesselsByIds(this.#d.db, [...new Set(rows.map((r) => r.vesselId))])).map((v) => [v.vesselId, v]),
    );
    const fenceNames = await this.#fenceNames([
      ...new Set(rows.flatMap((r) => (r.fenceId ? [r.fenceId] : []))),
    ]);
    return rows.map((r) => {
      const v = vessels.get(r.vesselId);
      return {
        id: r.id,
        kind: r.kind,
        severity: r.severity,
        state: r.state,
        vessel: { id: r.vesselId, name: v?.name ?? '', registrationNo: v?.registrationNo ?? '' },
        supervisees: r.supervisees,
        fence:
          r.fenceId && r.fenceVersion !== null
            ? { id: r.fenceId, name: fenceNames.get(r.fenceId) ?? '', version: r.fenceVersion }
            : null,
        tripId: r.tripId,
        terminalAlarm: r.terminalAlarm,
        rule: r.rule,
        firstAt: r.firstAt.toISOString(),
        lastAt: r.lastAt.toISOString(),
        occurrences: r.occurrences,
        lat: r.lat,
        lon: r.lon,
        terminalId: r.terminalId,
        acknowledgeBy: r.acknowledgeBy.toISOString(),
        resolveBy: r.resolveBy.toISOString(),
        // Escalated = the supervisors were told (the job, once per step); overdue shows from the deadlines.
        escalated: r.state === 'resolved' ? null : r.escalated,
        assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
        disposition: r.disposition,
        resolvedAt: r.resolvedAt?.toISOString() ?? null,
        version: r.version,
      };
    });
  }

  async #fenceNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.#d.db
      .select({ id: trackingFence.id, name: trackingFence.name })
      .from(trackingFence)
      .where(inArray(trackingFence.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Active staff holding tracking:handleAlerts at `unitIds`. */
  async #handlers(
    executor: Executor,
    unitIds: number[],
    extra?: SQL,
  ): Promise<{ id: string; name: string; unitId: number }[]> {
    if (unitIds.length === 0) return [];
    const rows = await executor
      .selectDistinct({ id: staffUser.id, name: staffUser.displayName, unitId: staffUser.unitId })
      .from(staffUser)
      .innerJoin(staffUserRole, eq(staffUserRole.userId, staffUser.id))
      .innerJoin(role, eq(role.id, staffUserRole.roleId))
      .where(
        and(
          eq(staffUser.status, 'active'),
          inArray(staffUser.unitId, unitIds),
          sql`${role.permissions} @> ${HANDLE_ALERTS}::jsonb`,
          extra,
        ),
      )
      .orderBy(asc(staffUser.displayName));
    return rows.flatMap((r) => (r.unitId === null ? [] : [{ id: r.id, name: r.name, unitId: r.unitId }]));
  }

  async #assignees(executor: Executor, unitId: number) {
    const chain = await unitAndAncestors(executor, unitId);
    const people = await this.#handlers(executor, chain);
    const units = new Map((await listUnits(executor, chain)).map((u) => [u.id, u.name]));
    return people.map((p) => ({ id: p.id, name: p.name, unitName: units.get(p.unitId) ?? '' }));
  }

  /** Handlers at the units above the vessel's office whose roles reach down to it. */
  async #supervisors(executor: Executor, unitId: number): Promise<string[]> {
    const above = (await unitAndAncestors(executor, unitId)).filter((id) => id !== unitId);
    const people = await this.#handlers(executor, above, sql`${role.dataScope} in ('unitAndBelow', 'all')`);
    return people.map((p) => p.id);
  }

  /** The office's handlers and its supervisors, cached for a minute (an alert storm asks for the same units). */
  async #unitRecipients(
    executor: Executor,
    unitId: number,
  ): Promise<{ office: string[]; supervisors: string[] }> {
    const now = Date.now();
    const cached = this.#recipients.get(unitId);
    if (cached && now - cached.at < 60_000) return cached;
    const fresh = {
      at: now,
      office: (await this.#handlers(executor, [unitId])).map((p) => p.id),
      supervisors: await this.#supervisors(executor, unitId),
    };
    this.#recipients.set(unitId, fresh);
    return fresh;
  }

  async #notify(
    tx: Transaction,
    alertId: string,
    o: Occurrence,
    who: 'officers' | 'officersAndSupervisors',
  ): Promise<void> {
    const caseIds = o.supervisees.map((s) => s.caseId);
    const handlersOfCases =
      caseIds.length === 0
        ? []
        : (
            await tx
              .selectDistinct({ id: caseParticipant.accountId })
              .from(caseParticipant)
              .where(
                and(
                  inArray(caseParticipant.caseId, caseIds),
                  eq(caseParticipant.accountKind, 'staff'),
                  eq(caseParticipant.role, 'handler'),
                ),
              )
          ).map((r) => r.id);
    const unit = await this.#unitRecipients(tx, o.unitId);
    const recipients = new Set([...handlersOfCases, ...unit.office]);
    if (who === 'officersAndSupervisors') for (const s of unit.supervisors) recipients.add(s);
    const when = beijing.format(o.at);
    const body = `【海上告警】${o.vesselName}${when}${alertKindLabels[o.kind]}（${severityLabels[alertSeverity[o.kind]]}）：${o.rule}`;
    for (const id of recipients) {
      await this.#d.outbox.enqueue(tx, {
        channel: 'inApp',
        recipient: inboxRecipient('staff', id),
        template: 'tracking.alertRaised',
        body,
        payload: { alertId, consolePath: `/tracking/alerts/${alertId}` },
        dedupeKey: `tracking.alertRaised:${alertId}:${id}`,
      });
    }
  }
}
