import crypto from 'node:crypto';
import {
  type SweepCampaignView,
  type SweepItemView,
  sweepCampaignInputSchema,
  sweepItemInputSchema,
  sweepItemQuerySchema,
} from '@zhucheng/contracts';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { percent } from '../../platform/metrics/metrics.rules.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_SUPERVISEE } from './register.case-type.ts';
import { correctionsScope } from './register.repo.ts';
import { listName } from './register.rules.ts';
import { correctionsSupervisee } from './register.schema.ts';
import { parse } from './register.service.ts';
import {
  type CorrectionsSweepCampaignRow,
  correctionsSweepCampaign,
  correctionsSweepItem,
} from './sweeps.schema.ts';

export interface SweepsServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
}

const fieldError = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);
const isMinor = sql`('minor' = any(${correctionsSupervisee.flags}))`;

// 安全排查 (e.g. 春节前安全大排查): a unit opens a campaign over offices in its scope; every supervisee on the
// register there gets a checklist item (contact verified, home visit, risk assessed, note); officers tick
// them off; completion is counted by office. A caller sees the items of the supervisees in their scope only.
export class SweepsService {
  readonly #d: SweepsServiceDeps;

  constructor(deps: SweepsServiceDeps) {
    this.#d = deps;
  }

  /** Inside the caller's transaction when given (Idempotency-Key), else its own. */
  async createCampaign(ctx: RequestContext, raw: unknown, outer?: Transaction): Promise<SweepCampaignView> {
    const staff = requireStaff(ctx);
    const input = parse(sweepCampaignInputSchema, raw);
    const officeIds = [...new Set(input.officeIds)];
    const run = async (tx: Transaction) => {
      const offices = await tx
        .select({ id: orgUnit.id, kind: orgUnit.kind, status: orgUnit.status })
        .from(orgUnit)
        .where(inArray(orgUnit.id, officeIds));
      const bad = officeIds.filter((id) => {
        const o = offices.find((x) => x.id === id);
        return o?.kind !== 'justiceOffice' || o.status !== 'active' || !unitInScope(staff.scope, id);
      });
      if (bad.length > 0) throw fieldError('officeIds', '参加排查的单位应为您管辖范围内的司法所');
      if (staff.unitId === null) throw AppError.forbidden('您的账号没有所属单位，不能发起安全排查');
      const now = this.#d.clock.now();
      const campaign = {
        id: crypto.randomUUID(),
        unitId: staff.unitId,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note ?? null,
        createdBy: staff.id,
        createdAt: now,
      };
      await tx.insert(correctionsSweepCampaign).values(campaign);
      // Everyone on the register there now (minors too: their items are seen with the permission only).
      const onRegister = await tx
        .select({ caseId: caseRecord.id, unitId: caseRecord.competentUnitId })
        .from(correctionsSupervisee)
        .innerJoin(caseRecord, eq(caseRecord.id, correctionsSupervisee.caseId))
        .where(
          and(
            eq(caseRecord.caseType, CORRECTIONS_SUPERVISEE),
            isNull(correctionsSupervisee.endedOn),
            inArray(caseRecord.competentUnitId, officeIds),
          ),
        );
      if (onRegister.length > 0) {
        await tx.insert(correctionsSweepItem).values(
          onRegister.map((r) => ({
            id: crypto.randomUUID(),
            campaignId: campaign.id,
            caseId: r.caseId,
            unitId: r.unitId,
            updatedAt: now,
          })),
        );
      }
      await this.#d.audit(tx, ctx, {
        action: 'corrections.sweep.create',
        entityType: 'correctionsSweepCampaign',
        entityId: campaign.id,
        after: {
          name: campaign.name,
          startsOn: campaign.startsOn,
          endsOn: campaign.endsOn,
          officeIds,
          items: onRegister.length,
        },
      });
      return this.#campaignView(tx, staff, campaign);
    };
    return outer ? run(outer) : this.#d.db.transaction(run);
  }

  async listCampaigns(ctx: RequestContext): Promise<{ items: SweepCampaignView[] }> {
    const staff = requireStaff(ctx);
    const db = this.#d.db;
    const rows = await db
      .select()
      .from(correctionsSweepCampaign)
      .where(this.#campaignVisible(staff))
      .orderBy(desc(correctionsSweepCampaign.startsOn), desc(correctionsSweepCampaign.createdAt));
    const items: SweepCampaignView[] = [];
    for (const r of rows) items.push(await this.#campaignView(db, staff, r));
    return { items };
  }

  async campaign(ctx: RequestContext, id: string): Promise<SweepCampaignView> {
    const staff = requireStaff(ctx);
    const row = await this.#findCampaign(this.#d.db, staff, id);
    return this.#campaignView(this.#d.db, staff, row);
  }

  async items(ctx: RequestContext, id: string, rawQuery: unknown): Promise<{ items: SweepItemView[] }> {
    const staff = requireStaff(ctx);
    const q = parse(sweepItemQuerySchema, rawQuery);
    await this.#findCampaign(this.#d.db, staff, id);
    const rows = await this.#itemRows(this.#d.db, staff, [
      eq(correctionsSweepItem.campaignId, id),
      q.officeId ? eq(correctionsSweepItem.unitId, q.officeId) : undefined,
      q.status ? eq(correctionsSweepItem.status, q.status) : undefined,
    ]);
    return { items: rows };
  }

  /** Records the checks of one item; `complete` needs all three checks ticked. */
  async updateItem(
    ctx: RequestContext,
    campaignId: string,
    itemId: string,
    raw: unknown,
  ): Promise<SweepItemView> {
    const staff = requireStaff(ctx);
    const input = parse(sweepItemInputSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const [found] = await this.#itemRows(tx, staff, [
        eq(correctionsSweepItem.campaignId, campaignId),
        eq(correctionsSweepItem.id, itemId),
      ]);
      if (!found) throw AppError.notFound('排查事项');
      if (found.version !== input.version) throw AppError.conflict('该排查事项已被他人修改，请刷新后重试');
      const complete = input.complete ?? false;
      if (complete && !(input.contactVerified && input.homeVisited && input.riskAssessed)) {
        throw fieldError('complete', '核实联系方式、走访家庭、评估风险三项均完成后才能标记为已排查');
      }
      if (complete && !input.risk) throw fieldError('risk', '请选择风险评估结果');
      const done = complete || found.status === 'done';
      await tx
        .update(correctionsSweepItem)
        .set({
          contactVerified: input.contactVerified,
          homeVisited: input.homeVisited,
          riskAssessed: input.riskAssessed,
          risk: input.risk ?? null,
          note: input.note ?? null,
          status: done ? 'done' : 'pending',
          completedOn: done ? (found.completedOn ?? this.#d.clock.today()) : null,
          version: found.version + 1,
          updatedBy: staff.id,
          updatedAt: this.#d.clock.now(),
        })
        .where(eq(correctionsSweepItem.id, itemId));
      await this.#d.audit(tx, ctx, {
        action: 'corrections.sweep.check',
        entityType: 'case',
        entityId: found.caseId,
        after: {
          campaignId,
          contactVerified: input.contactVerified,
          homeVisited: input.homeVisited,
          riskAssessed: input.riskAssessed,
          risk: input.risk ?? null,
          status: done ? 'done' : 'pending',
        },
      });
      const [after] = await this.#itemRows(tx, staff, [eq(correctionsSweepItem.id, itemId)]);
      if (!after) throw AppError.notFound('排查事项');
      return after;
    });
  }

  /** Organised in the caller's scope, or with an item of a supervisee in it. */
  #campaignVisible(staff: Principal): SQL | undefined {
    if (staff.scope.all) return undefined;
    const ids = [...staff.scope.unitIds];
    if (ids.length === 0) return sql`false`;
    return or(
      inArray(correctionsSweepCampaign.unitId, ids),
      sql`exists (select 1 from ${correctionsSweepItem} i where i.campaign_id = ${correctionsSweepCampaign.id}
            and i.unit_id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )}))`,
    );
  }

  async #findCampaign(
    executor: Executor,
    staff: Principal,
    id: string,
  ): Promise<CorrectionsSweepCampaignRow> {
    const [row] = await executor
      .select()
      .from(correctionsSweepCampaign)
      .where(and(eq(correctionsSweepCampaign.id, id), this.#campaignVisible(staff)));
    if (!row) throw AppError.notFound('排查活动');
    return row;
  }

  async #campaignView(
    executor: Executor,
    staff: Principal,
    c: CorrectionsSweepCampaignRow,
  ): Promise<SweepCampaignView> {
    const scope = staff.scope.all
      ? undefined
      : inArray(correctionsSweepItem.unitId, [...staff.scope.unitIds, -1]);
    const byOffice = await executor
      .select({
        officeId: correctionsSweepItem.unitId,
        officeName: orgUnit.name,
        total: sql<number>`count(*)::int`,
        done: sql<number>`(count(*) filter (where ${correctionsSweepItem.status} = 'done'))::int`,
      })
      .from(correctionsSweepItem)
      .innerJoin(orgUnit, eq(orgUnit.id, correctionsSweepItem.unitId))
      .where(and(eq(correctionsSweepItem.campaignId, c.id), scope))
      .groupBy(correctionsSweepItem.unitId, orgUnit.name, orgUnit.path)
      .orderBy(asc(orgUnit.path));
    const [organiser] = await executor
      .select({ name: orgUnit.name })
      .from(orgUnit)
      .where(eq(orgUnit.id, c.unitId));
    const offices = byOffice.map((o) => ({
      officeId: o.officeId,
      officeName: o.officeName,
      total: Number(o.total),
      done: Number(o.done),
      percent: percent(Number(o.done), Number(o.total)),
    }));
    const total = offices.reduce((n, o) => n + o.total, 0);
    const done = offices.reduce((n, o) => n + o.done, 0);
    return {
      id: c.id,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      note: c.note,
      organiserUnitName: organiser?.name ?? '',
      total,
      done,
      percent: percent(done, total),
      offices,
      createdAt: c.createdAt.toISOString(),
    };
  }

  async #itemRows(
    executor: Executor,
    staff: Principal,
    conditions: (SQL | undefined)[],
  ): Promise<SweepItemView[]> {
    const i = correctionsSweepItem;
    const rows = await executor
      .select({ i, name: person.name, minor: sql<boolean>`${isMinor}`, officeName: orgUnit.name })
      .from(i)
      .innerJoin(caseRecord, eq(caseRecord.id, i.caseId))
      .innerJoin(correctionsSupervisee, eq(correctionsSupervisee.caseId, i.caseId))
      .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
      .innerJoin(orgUnit, eq(orgUnit.id, i.unitId))
      .where(and(correctionsScope(staff, isMinor), ...conditions))
      .orderBy(asc(orgUnit.path), asc(i.status), asc(person.name), asc(i.id));
    return rows.map((r) => ({
      id: r.i.id,
      campaignId: r.i.campaignId,
      caseId: r.i.caseId,
      name: listName(r.name, r.minor),
      officeId: r.i.unitId,
      officeName: r.officeName,
      contactVerified: r.i.contactVerified,
      homeVisited: r.i.homeVisited,
      riskAssessed: r.i.riskAssessed,
      risk: r.i.risk,
      note: r.i.note,
      status: r.i.status,
      completedOn: r.i.completedOn,
      version: r.i.version,
    }));
  }
}
