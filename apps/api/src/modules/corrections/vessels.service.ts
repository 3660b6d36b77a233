import {
  type AboardWindowView,
  aboardWindowInputSchema,
  aboardWindowUpdateSchema,
  gearTypeLabels,
  type PortalSeaTripsView,
  permissions as perm,
  type SeaTripView,
  type SuperviseeFlag,
  type SuperviseeVesselsView,
  seaTripCancelSchema,
  seaTripDecisionSchema,
  seaTripDepartSchema,
  seaTripFileSchema,
  seaTripListQuerySchema,
  seaTripLogSchema,
  seaTripOfficerFileSchema,
  seaTripRejectSchema,
  seaTripReturnSchema,
  seaTripStatusLabels,
  trackingConsentSchema,
  type VesselSettingsView,
  type VesselView,
  vesselInputSchema,
  vesselListQuerySchema,
  vesselUpdateSchema,
} from '@zhucheng/contracts';
import { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { FilesService } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { inboxRecipient } from '../../platform/notifications/inbox.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import { readSetting } from '../../platform/settings/settings.repo.ts';
import { officeStaffHolding } from './intake.repo.ts';
import * as registerRepo from './register.repo.ts';
import { listName } from './register.rules.ts';
import { parse } from './register.service.ts';
import * as repo from './vessels.repo.ts';
import {
  firstOverlap,
  LOCAL_RULE_SETTING,
  localRuleName,
  MORATORIUM_SETTING,
  moratoriumConflict,
  moratoriumMessage,
  moratoriumSettings,
  nextSeaTripStatus,
  RETURN_GRACE_SETTING,
  returnGraceHours,
  type SeaTripAction,
  seaTripActionRefusals,
  seaTripOverdue,
  windowCovers,
} from './vessels.rules.ts';
import type { CorrectionsAboardWindowRow, CorrectionsSeaTripRow } from './vessels.schema.ts';

/** What this part needs of the supervisee portal identity (`SuperviseePortalService.currentTerm`). */
export interface PortalTermSource {
  currentTerm(
    ctx: RequestContext,
    executor?: Executor,
  ): Promise<{ caseId: string; unitId: number; flags: readonly SuperviseeFlag[] }>;
}

export interface VesselsServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  files: FilesService;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  cipher: Pick<FieldCipher, 'decrypt'>;
  /** The portal identity (`services.portal`, SuperviseePortalService). */
  portal: PortalTermSource;
}

const CONSENT_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const NO_CONSENT = '未取得书面同意，不能纳入船舶定位';
const NOT_MARITIME = '该社区矫正对象未标记为“涉海涉渔”，不能登记船舶和出海报备';

const badField = (path: string, message: string) => AppError.badRequest(message, [{ path, message }]);
const stale = (what: string) => AppError.conflict(`该${what}已被他人修改，请刷新后重试`);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Filer = { kind: 'supervisee' | 'staff'; id: string; label: string };

// 船舶与出海报备: vessels (by the registering office), who is aboard which vessel when, the basis of whole-term
// vessel tracking (local rule + written consent; not 第二十九条), and sea trips filed by the supervisee in the
// portal or by an officer, decided by the office, logged at sea, closed by the return report. The fishing
// moratorium refuses trips on non-exempt vessels; an overdue return is flagged in every list.
export class VesselsService {
  readonly #d: VesselsServiceDeps;

  constructor(deps: VesselsServiceDeps) {
    this.#d = deps;
  }

  // ---- settings -------------------------------------------------------------------------------------------

  async settings(executor: Executor = this.#d.db): Promise<VesselSettingsView> {
    const [m, g, r] = await Promise.all([
      readSetting(executor, MORATORIUM_SETTING),
      readSetting(executor, RETURN_GRACE_SETTING),
      readSetting(executor, LOCAL_RULE_SETTING),
    ]);
    return {
      moratorium: moratoriumSettings(m),
      returnGraceHours: returnGraceHours(g),
      localRule: localRuleName(r),
    };
  }

  // ---- vessels --------------------------------------------------------------------------------------------

  async listVessels(ctx: RequestContext, raw: unknown): Promise<{ items: VesselView[]; total: number }> {
    const staff = requireStaff(ctx);
    const q = parse(vesselListQuerySchema, raw);
    const { rows, total } = await repo.listVessels(this.#d.db, staff, q, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: await this.#vesselViews(this.#d.db, rows), total };
  }

  async vessel(ctx: RequestContext, id: string): Promise<VesselView> {
    const staff = requireStaff(ctx);
    const found = await repo.findVessel(this.#d.db, staff, id);
    if (!found) throw AppError.notFound('船舶');
    const [view] = await this.#vesselViews(this.#d.db, [found]);
    if (!view) throw AppError.notFound('船舶');
    return view;
  }

  async createVessel(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<VesselView> {
    const staff = requireStaff(ctx);
    const input = parse(vesselInputSchema, raw);
    const unitId = input.unitId ?? staff.unitId;
    const unit = unitId ? await registerRepo.findActiveUnit(tx, unitId) : undefined;
    if (unit?.kind !== 'justiceOffice' || !unitInScope(staff.scope, unit.id)) {
      throw badField('unitId', '登记单位应为您管辖范围内的司法所');
    }
    await this.#uniqueRegistration(tx, input.registrationNo);
    const now = this.#d.clock.now();
    const row = await duplicateAsConflict(input.registrationNo, () =>
      repo.insertVessel(tx, {
        id: crypto.randomUUID(),
        unitId: unit.id,
        name: input.name,
        registrationNo: input.registrationNo,
        homePort: input.homePort,
        gearType: input.gearType,
        ownerName: input.ownerName,
        lengthM: input.lengthM ?? null,
        tonnage: input.tonnage ?? null,
        terminalId: input.terminalId ?? null,
        note: input.note ?? null,
        createdBy: staff.id,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await this.#d.audit(tx, ctx, {
      action: 'corrections.vessel.create',
      entityType: 'correctionsVessel',
      entityId: row.id,
      after: {
        name: row.name,
        registrationNo: row.registrationNo,
        unitId: row.unitId,
        gearType: row.gearType,
      },
    });
    const [view] = await this.#vesselViews(tx, [{ v: row, unitName: unit.name }]);
    if (!view) throw new Error('vessel view missing');
    return view;
  }

  async updateVessel(ctx: RequestContext, id: string, raw: unknown): Promise<VesselView> {
    const staff = requireStaff(ctx);
    const input = parse(vesselUpdateSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findVessel(tx, staff, id, { forUpdate: true });
      if (!found) throw AppError.notFound('船舶');
      if (found.v.version !== input.version) throw stale('船舶信息');
      if (input.registrationNo !== undefined && input.registrationNo !== found.v.registrationNo) {
        await this.#uniqueRegistration(tx, input.registrationNo, id);
      }
      const { version, ...fields } = input;
      const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      const updated = await duplicateAsConflict(input.registrationNo ?? found.v.registrationNo, () =>
        repo.updateVessel(tx, id, version, { ...patch, updatedAt: this.#d.clock.now() }),
      );
      if (!updated) throw stale('船舶信息');
      await this.#d.audit(tx, ctx, {
        action: 'corrections.vessel.update',
        entityType: 'correctionsVessel',
        entityId: id,
        before: Object.fromEntries(Object.keys(patch).map((k) => [k, found.v[k as keyof typeof found.v]])),
        after: patch,
      });
      const [view] = await this.#vesselViews(tx, [{ v: updated, unitName: found.unitName }]);
      if (!view) throw new Error('vessel view missing');
      return view;
    });
  }

  async #uniqueRegistration(executor: Executor, no: string, except?: string): Promise<void> {
    const existing = await repo.vesselIdByRegistrationNo(executor, no);
    if (existing && existing !== except) {
      throw duplicateRegistration(no);
    }
  }

  async #vesselViews(executor: Executor, rows: repo.VesselRecord[]): Promise<VesselView[]> {
    const counts = await repo.aboardCounts(
      executor,
      rows.map((r) => r.v.id),
      this.#d.clock.now(),
    );
    return rows.map(({ v, unitName }) => ({
      id: v.id,
      unit: { id: v.unitId, name: unitName },
      name: v.name,
      registrationNo: v.registrationNo,
      homePort: v.homePort,
      gearType: v.gearType,
      ownerName: v.ownerName,
      lengthM: v.lengthM,
      tonnage: v.tonnage,
      terminalId: v.terminalId,
      note: v.note,
      aboardNow: counts.get(v.id) ?? 0,
      version: v.version,
      createdAt: v.createdAt.toISOString(),
    }));
  }

  // ---- the supervisee's tab: basis, windows, trips ------------------------------------------------------

  /** The record's 船舶与出海 tab; 404 outside the scope. Audited (a read of personal data). */
  async superviseeVessels(ctx: RequestContext, caseId: string): Promise<SuperviseeVesselsView> {
    const staff = requireStaff(ctx);
    const found = await registerRepo.findSupervisee(this.#d.db, staff, caseId);
    if (!found) throw AppError.notFound('社区矫正对象');
    await this.#d.db.transaction((tx) =>
      this.#d.audit(tx, ctx, {
        action: 'corrections.vessels.read',
        entityType: 'case',
        entityId: caseId,
      }),
    );
    return this.#superviseeView(this.#d.db, found);
  }

  async #superviseeView(
    executor: Executor,
    found: registerRepo.SuperviseeRecord,
  ): Promise<SuperviseeVesselsView> {
    const caseId = found.record.id;
    const [basis, windows, trips, settings] = await Promise.all([
      repo.basisOf(executor, caseId),
      repo.windowsOfCase(executor, caseId),
      repo.listTrips(executor, null, { caseId }, { limit: 100, offset: 0 }),
      this.settings(executor),
    ]);
    return {
      maritime: found.s.flags.includes('maritime'),
      basis: basis
        ? {
            localRule: basis.localRule,
            consentOn: basis.consentOn,
            consentFileId: basis.consentFileId,
            witness: basis.witness,
            note: basis.note,
            recordedBy: basis.recordedBy,
            recordedAt: basis.recordedAt.toISOString(),
          }
        : null,
      windows: await this.#windowViews(executor, windows),
      trips: await this.#tripViews(executor, trips.rows, settings.returnGraceHours, 'console'),
      settings,
    };
  }

  /** Records the written consent; the basis is the configured local rule with it (never 第二十九条). */
  async recordConsent(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeVesselsView> {
    const staff = requireStaff(ctx);
    const input = parse(trackingConsentSchema, raw);
    if (input.consentOn > this.#d.clock.today()) throw badField('consentOn', '书面同意日期不能晚于今天');
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#maritime(tx, staff, caseId);
      const before = await repo.basisOf(tx, caseId);
      if (before?.consentFileId !== input.consentFileId) {
        const attached = await this.#d.files.attachToCase(tx, ctx, {
          caseId,
          owner: { kind: 'staff', id: staff.id },
          fileIds: [input.consentFileId],
        });
        const file = attached[0];
        if (!file) throw badField('consentFileId', '书面同意书扫描件找不到或已用于其他记录，请重新上传');
        if (!CONSENT_TYPES.has(file.mime))
          throw badField('consentFileId', '书面同意书扫描件应为 PDF、JPEG 或 PNG');
      }
      const { localRule } = await this.settings(tx);
      const values = {
        caseId,
        localRule,
        consentOn: input.consentOn,
        consentFileId: input.consentFileId,
        witness: input.witness,
        note: input.note ?? null,
        recordedBy: staff.displayName,
        recordedAt: this.#d.clock.now(),
      };
      await repo.saveBasis(tx, values);
      await this.#d.audit(tx, ctx, {
        action: 'corrections.trackingBasis.record',
        entityType: 'case',
        entityId: caseId,
        before: before
          ? { consentOn: before.consentOn, witness: before.witness, localRule: before.localRule }
          : null,
        after: {
          consentOn: values.consentOn,
          witness: values.witness,
          localRule,
          consentFileId: values.consentFileId,
        },
      });
      return this.#superviseeView(tx, found);
    });
  }

  async addWindow(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeVesselsView> {
    const staff = requireStaff(ctx);
    const input = parse(aboardWindowInputSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#maritime(tx, staff, caseId);
      const vessel = await repo.findVessel(tx, staff, input.vesselId);
      if (!vessel) throw badField('vesselId', '船舶不存在或不在您的管辖范围内');
      const candidate = {
        fromAt: new Date(input.fromAt),
        toAt: input.toAt ? new Date(input.toAt) : null,
      };
      if (input.tracked && !(await repo.basisOf(tx, caseId))) throw badField('tracked', NO_CONSENT);
      await this.#noOverlap(tx, caseId, candidate);
      const now = this.#d.clock.now();
      const row = await repo.insertWindow(tx, {
        id: crypto.randomUUID(),
        caseId,
        vesselId: vessel.v.id,
        role: input.role,
        ...candidate,
        tracked: input.tracked,
        note: input.note ?? null,
        createdBy: staff.id,
        createdAt: now,
        updatedAt: now,
      });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.aboardWindow.create',
        entityType: 'case',
        entityId: caseId,
        after: {
          windowId: row.id,
          vesselId: row.vesselId,
          role: row.role,
          fromAt: row.fromAt,
          toAt: row.toAt,
          tracked: row.tracked,
        },
      });
      return this.#superviseeView(tx, found);
    });
  }

  async updateWindow(
    ctx: RequestContext,
    caseId: string,
    windowId: string,
    raw: unknown,
  ): Promise<SuperviseeVesselsView> {
    const staff = requireStaff(ctx);
    const input = parse(aboardWindowUpdateSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#maritime(tx, staff, caseId);
      const w = await repo.findWindow(tx, windowId, { forUpdate: true });
      if (!w || w.caseId !== caseId) throw AppError.notFound('在船记录');
      if (w.version !== input.version) throw stale('在船记录');
      const next = {
        role: input.role ?? w.role,
        fromAt: input.fromAt ? new Date(input.fromAt) : w.fromAt,
        toAt: input.toAt !== undefined ? (input.toAt ? new Date(input.toAt) : null) : w.toAt,
        tracked: input.tracked ?? w.tracked,
        note: input.note !== undefined ? input.note : w.note,
      };
      if (next.toAt && next.toAt <= next.fromAt) throw badField('toAt', '离船时间应晚于上船时间');
      if (next.tracked && !w.tracked && !(await repo.basisOf(tx, caseId)))
        throw badField('tracked', NO_CONSENT);
      await this.#noOverlap(tx, caseId, { id: w.id, fromAt: next.fromAt, toAt: next.toAt });
      const updated = await repo.updateWindow(tx, w.id, w.version, {
        ...next,
        updatedAt: this.#d.clock.now(),
      });
      if (!updated) throw stale('在船记录');
      await this.#d.audit(tx, ctx, {
        action: 'corrections.aboardWindow.update',
        entityType: 'case',
        entityId: caseId,
        before: { windowId: w.id, role: w.role, fromAt: w.fromAt, toAt: w.toAt, tracked: w.tracked },
        after: {
          windowId: w.id,
          role: next.role,
          fromAt: next.fromAt,
          toAt: next.toAt,
          tracked: next.tracked,
        },
      });
      return this.#superviseeView(tx, found);
    });
  }

  async removeWindow(
    ctx: RequestContext,
    caseId: string,
    windowId: string,
    raw: unknown,
  ): Promise<SuperviseeVesselsView> {
    const staff = requireStaff(ctx);
    const { version } = parse(
      z.object({ version: z.number({ error: '缺少版本号，请刷新后重试' }).int() }),
      raw,
    );
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#maritime(tx, staff, caseId);
      const w = await repo.findWindow(tx, windowId, { forUpdate: true });
      if (!w || w.caseId !== caseId) throw AppError.notFound('在船记录');
      const trips = await repo.listTrips(tx, null, { caseId }, { limit: 500, offset: 0 });
      if (trips.rows.some((t) => t.t.crew.some((c) => c.windowId === w.id))) {
        throw AppError.conflict('该在船记录已用于出海报备，不能删除；如已离船，请填写离船时间');
      }
      if (!(await repo.deleteWindow(tx, w.id, version))) throw stale('在船记录');
      await this.#d.audit(tx, ctx, {
        action: 'corrections.aboardWindow.delete',
        entityType: 'case',
        entityId: caseId,
        before: { windowId: w.id, vesselId: w.vesselId, role: w.role, fromAt: w.fromAt, toAt: w.toAt },
      });
      return this.#superviseeView(tx, found);
    });
  }

  async #noOverlap(
    executor: Executor,
    caseId: string,
    candidate: { id?: string; fromAt: Date; toAt: Date | null },
  ) {
    const clash = firstOverlap(await repo.windowsOfCase(executor, caseId), candidate);
    if (!clash) return;
    const vessels = await repo.vesselsByIds(executor, [clash.vesselId]);
    const name = vessels.get(clash.vesselId)?.name ?? '';
    throw AppError.conflict(
      `该社区矫正对象在此期间已登记在“${name}”上（${fmt(clash.fromAt)} 至 ${clash.toAt ? fmt(clash.toAt) : '未离船'}），同一时间只能在一艘船上`,
    );
  }

  async #maritime(tx: Transaction, staff: Principal, caseId: string): Promise<registerRepo.SuperviseeRecord> {
    const found = await registerRepo.findSupervisee(tx, staff, caseId, { forUpdate: true });
    if (!found) throw AppError.notFound('社区矫正对象');
    if (!found.s.flags.includes('maritime')) throw AppError.badRequest(NOT_MARITIME);
    if (found.s.endedOn) throw AppError.conflict('该社区矫正对象已解除或终止矫正');
    return found;
  }

  async #windowViews(executor: Executor, rows: CorrectionsAboardWindowRow[]): Promise<AboardWindowView[]> {
    const vessels = await repo.vesselsByIds(executor, [...new Set(rows.map((r) => r.vesselId))]);
    return rows.flatMap((w) => {
      const v = vessels.get(w.vesselId);
      if (!v) return [];
      return [
        {
          id: w.id,
          caseId: w.caseId,
          vessel: { id: v.id, name: v.name, registrationNo: v.registrationNo, gearType: v.gearType },
          role: w.role,
          fromAt: w.fromAt.toISOString(),
          toAt: iso(w.toAt),
          tracked: w.tracked,
          note: w.note,
          version: w.version,
        },
      ];
    });
  }

  // ---- sea trips: the office -----------------------------------------------------------------------------

  async listTrips(ctx: RequestContext, raw: unknown): Promise<{ items: SeaTripView[]; total: number }> {
    const staff = requireStaff(ctx);
    const q = parse(seaTripListQuerySchema, raw);
    const { returnGraceHours: grace } = await this.settings();
    const now = this.#d.clock.now();
    const { rows, total } = await repo.listTrips(
      this.#d.db,
      staff,
      {
        status: q.status,
        caseId: q.caseId,
        vesselId: q.vesselId,
        returnBefore: q.overdue === 'true' ? new Date(now.getTime() - grace * 3600_000) : undefined,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return { items: await this.#tripViews(this.#d.db, rows, grace, 'console'), total };
  }

  async trip(ctx: RequestContext, id: string): Promise<SeaTripView> {
    const staff = requireStaff(ctx);
    const found = await repo.findTrip(this.#d.db, staff, id);
    if (!found) throw AppError.notFound('出海报备');
    return this.#tripView(this.#d.db, found, 'console');
  }

  /** An officer files for a supervisee (Idempotency-Key on the route). */
  async fileForSupervisee(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<SeaTripView> {
    const staff = requireStaff(ctx);
    const input = parse(seaTripOfficerFileSchema, raw);
    const found = await this.#maritime(tx, staff, input.caseId);
    return this.#file(
      tx,
      ctx,
      found.record.id,
      found.record.competentUnitId,
      input,
      {
        kind: 'staff',
        id: staff.id,
        label: staff.displayName,
      },
      'console',
    );
  }

  /** approve / reject / depart / return / cancel by the office, and log entries. */
  async act(ctx: RequestContext, id: string, action: SeaTripAction, raw: unknown): Promise<SeaTripView> {
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findTrip(tx, staff, id, { forUpdate: true });
      if (!found) throw AppError.notFound('出海报备');
      await this.#apply(tx, ctx, found, action, raw, staff.displayName, staff.id);
      return this.#reload(tx, id, 'console');
    });
  }

  async addLog(ctx: RequestContext, id: string, raw: unknown): Promise<SeaTripView> {
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findTrip(tx, staff, id, { forUpdate: true });
      if (!found) throw AppError.notFound('出海报备');
      await this.#log(tx, ctx, found, raw, staff.displayName);
      return this.#reload(tx, id, 'console');
    });
  }

  // ---- sea trips: the supervisee in the portal -------------------------------------------------------------

  async portalView(ctx: RequestContext): Promise<PortalSeaTripsView> {
    const term = await this.#term(ctx, this.#d.db);
    const [windows, trips, settings] = await Promise.all([
      repo.windowsOfCase(this.#d.db, term.caseId),
      repo.listTrips(this.#d.db, null, { caseId: term.caseId }, { limit: 50, offset: 0 }),
      this.settings(),
    ]);
    const now = this.#d.clock.now();
    const vessels = await repo.vesselsByIds(this.#d.db, [...new Set(windows.map((w) => w.vesselId))]);
    return {
      vessels: windows
        .filter((w) => w.toAt === null || w.toAt > now)
        .flatMap((w) => {
          const v = vessels.get(w.vesselId);
          return v
            ? [
                {
                  id: v.id,
                  name: v.name,
                  registrationNo: v.registrationNo,
                  gearType: v.gearType,
                  role: w.role,
                  fromAt: w.fromAt.toISOString(),
                  toAt: iso(w.toAt),
                },
              ]
            : [];
        }),
      trips: await this.#tripViews(this.#d.db, trips.rows, settings.returnGraceHours, 'portal'),
      settings,
    };
  }

  async portalFile(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<SeaTripView> {
    const term = await this.#term(ctx, tx);
    const input = parse(seaTripFileSchema, raw);
    if (!term.flags.includes('maritime'))
      throw AppError.badRequest('您未登记为涉海涉渔社区矫正对象，无需出海报备');
    const principal = ctx.principal;
    if (!principal) throw AppError.unauthenticated();
    return this.#file(
      tx,
      ctx,
      term.caseId,
      term.unitId,
      input,
      { kind: 'supervisee', id: principal.id, label: '本人' },
      'portal',
    );
  }

  async portalAct(
    ctx: RequestContext,
    id: string,
    action: 'depart' | 'return' | 'cancel',
    raw: unknown,
  ): Promise<SeaTripView> {
    return this.#d.db.transaction(async (tx) => {
      const term = await this.#term(ctx, tx);
      const found = await repo.findTrip(tx, null, id, { forUpdate: true, caseId: term.caseId });
      if (!found) throw AppError.notFound('出海报备');
      await this.#apply(tx, ctx, found, action, raw, '本人', ctx.principal?.id ?? '');
      return this.#reload(tx, id, 'portal');
    });
  }

  async portalLog(ctx: RequestContext, id: string, raw: unknown): Promise<SeaTripView> {
    return this.#d.db.transaction(async (tx) => {
      const term = await this.#term(ctx, tx);
      const found = await repo.findTrip(tx, null, id, { forUpdate: true, caseId: term.caseId });
      if (!found) throw AppError.notFound('出海报备');
      await this.#log(tx, ctx, found, raw, '本人');
      return this.#reload(tx, id, 'portal');
    });
  }

  async #term(ctx: RequestContext, executor: Executor) {
    return this.#d.portal.currentTerm(ctx, executor);
  }

  // ---- inside ----------------------------------------------------------------------------------------------

  async #file(
    tx: Transaction,
    ctx: RequestContext,
    caseId: string,
    unitId: number,
    input: z.output<typeof seaTripFileSchema>,
    filer: Filer,
    audience: 'console' | 'portal',
  ): Promise<SeaTripView> {
    const own = filer.kind === 'supervisee';
    const departure = new Date(input.plannedDepartureAt);
    const ret = new Date(input.plannedReturnAt);
    const now = this.#d.clock.now();
    if (departure <= now)
      throw badField('plannedDepartureAt', '出海报备应在出海前提交，计划出海时间应晚于现在');
    const [vessel] = (await repo.vesselsByIds(tx, [input.vesselId])).values();
    const windows = vessel ? await repo.windowsOnVessel(tx, vessel.id, departure, ret) : [];
    const mine = windows.find((w) => w.caseId === caseId && windowCovers(w, departure));
    if (!vessel || !mine) {
      throw badField(
        'vesselId',
        own
          ? '您在计划出海时间没有登记在这艘船上，请联系司法所登记在船记录'
          : '该社区矫正对象在计划出海时间没有登记在这艘船上，请先登记在船记录',
      );
    }
    const { moratorium } = await this.settings(tx);
    const conflict = moratoriumConflict(moratorium, vessel.gearType, departure, ret);
    if (conflict) throw badField('plannedDepartureAt', moratoriumMessage(conflict));
    const clash = await repo.liveTripsOfVessel(tx, vessel.id, departure, ret);
    if (clash.length > 0) {
      throw AppError.conflict(
        `“${vessel.name}”在此期间已有出海报备（${fmt(clash[0]?.plannedDepartureAt ?? departure)} 出海），不能重复报备`,
      );
    }
    const crew = new Map<string, repo.TripRecord['t']['crew'][number]>();
    crew.set(caseId, { caseId, windowId: mine.id, role: mine.role });
    for (const w of windows)
      if (!crew.has(w.caseId)) crew.set(w.caseId, { caseId: w.caseId, windowId: w.id, role: w.role });
    const row = await repo.insertTrip(tx, {
      id: crypto.randomUUID(),
      caseId,
      vesselId: vessel.id,
      crew: [...crew.values()],
      seaArea: input.seaArea,
      area: input.area ?? null,
      plannedDepartureAt: departure,
      plannedReturnAt: ret,
      status: 'filed',
      note: input.note ?? null,
      filedByKind: filer.kind,
      filedBy: filer.id,
      filedAt: now,
      updatedAt: now,
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.seaTrip.file',
      entityType: 'case',
      entityId: caseId,
      after: {
        tripId: row.id,
        vesselId: vessel.id,
        seaArea: row.seaArea,
        plannedDepartureAt: row.plannedDepartureAt,
        plannedReturnAt: row.plannedReturnAt,
        filedBy: filer.kind,
      },
    });
    const body = `【出海报备】“${vessel.name}”（${vessel.registrationNo}，${gearTypeLabels[vessel.gearType]}）报备 ${fmt(departure)} 出海、${fmt(ret)} 返港，作业海域：${row.seaArea}。请及时审批。`;
    for (const id of await officeStaffHolding(tx, unitId, perm.corrections.supervise)) {
      const recipient = inboxRecipient('staff', id);
      await this.#d.outbox.enqueue(tx, {
        channel: 'inApp',
        recipient,
        template: 'corrections.seaTripFiled',
        body,
        payload: { caseId, tripId: row.id },
        dedupeKey: `corrections.seaTripFiled:${row.id}:${recipient}`,
      });
    }
    return this.#reload(tx, row.id, audience);
  }

  async #apply(
    tx: Transaction,
    ctx: RequestContext,
    found: repo.TripRecord,
    action: SeaTripAction,
    raw: unknown,
    byLabel: string,
    byId: string,
  ): Promise<void> {
    const t = found.t;
    const now = this.#d.clock.now();
    let patch: Partial<CorrectionsSeaTripRow> = {};
    let version: number;
    if (action === 'approve') {
      const input = parse(seaTripDecisionSchema, raw);
      version = input.version;
      patch = { decisionReason: input.reason ?? null, decidedBy: byLabel, decidedAt: now };
    } else if (action === 'reject') {
      const input = parse(seaTripRejectSchema, raw);
      version = input.version;
      patch = { decisionReason: input.reason, decidedBy: byLabel, decidedAt: now };
    } else if (action === 'depart') {
      const input = parse(seaTripDepartSchema, raw);
      version = input.version;
      const departedAt = input.departedAt ? new Date(input.departedAt) : now;
      if (departedAt > now) throw badField('departedAt', '实际出海时间不能晚于现在');
      patch = { departedAt };
    } else if (action === 'return') {
      const input = parse(seaTripReturnSchema, raw);
      version = input.version;
      const returnedAt = new Date(input.returnedAt);
      if (returnedAt > now) throw badField('returnedAt', '实际返港时间不能晚于现在');
      if (t.departedAt && returnedAt < t.departedAt)
        throw badField('returnedAt', '实际返港时间不能早于出海时间');
      patch = { returnedAt, returnNote: input.note ?? null };
    } else {
      const input = parse(seaTripCancelSchema, raw);
      version = input.version;
      patch = { cancelledAt: now, decisionReason: input.reason ?? t.decisionReason };
    }
    if (t.version !== version) throw stale('出海报备');
    const to = nextSeaTripStatus(t.status, action);
    if (!to) throw AppError.conflict(seaTripActionRefusals[action]);
    const updated = await repo.updateTrip(tx, t.id, version, { ...patch, status: to, updatedAt: now });
    if (!updated) throw stale('出海报备');
    await this.#d.audit(tx, ctx, {
      action: `corrections.seaTrip.${action}`,
      entityType: 'case',
      entityId: t.caseId,
      before: { tripId: t.id, status: t.status },
      after: { tripId: t.id, status: to, by: byId, ...patch },
    });
    if (action === 'approve' || action === 'reject')
      await this.#notifySupervisee(tx, found, to, patch.decisionReason ?? null);
  }

  async #notifySupervisee(
    tx: Transaction,
    found: repo.TripRecord,
    status: 'approved' | 'rejected' | string,
    reason: string | null,
  ) {
    const t = found.t;
    const verdict = status === 'approved' ? '已同意' : '不同意';
    const body = `【出海报备】您报备的“${found.vessel.name}” ${fmt(t.plannedDepartureAt)} 出海，司法所${verdict}${reason ? `：${reason}` : '。'}${status === 'approved' ? '出海后请记录海上日志，返港后及时报告。' : ''}`;
    const accounts = await repo.citizenAccountsOf(tx, t.caseId);
    for (const id of accounts) {
      const recipient = inboxRecipient('citizen', id);
      await this.#d.outbox.enqueue(tx, {
        channel: 'inApp',
        recipient,
        template: 'corrections.seaTripDecided',
        body,
        payload: { tripId: t.id, status },
        dedupeKey: `corrections.seaTripDecided:${t.id}:${recipient}`,
      });
    }
    if (accounts.length === 0) {
      const found2 = await registerRepo.findSupervisee(tx, null, t.caseId);
      const phoneEnc = found2?.s.phoneEnc;
      if (phoneEnc) {
        await this.#d.outbox.enqueue(tx, {
          channel: 'sms',
          recipient: this.#d.cipher.decrypt(phoneEnc),
          template: 'corrections.seaTripDecided',
          body,
          payload: { tripId: t.id, status },
          dedupeKey: `corrections.seaTripDecided:${t.id}:sms`,
        });
      }
    }
  }

  async #log(
    tx: Transaction,
    ctx: RequestContext,
    found: repo.TripRecord,
    raw: unknown,
    byLabel: string,
  ): Promise<void> {
    const input = parse(seaTripLogSchema, raw);
    if (found.t.status !== 'atSea') throw AppError.conflict('只有在海上的出海报备可以记录海上日志');
    const now = this.#d.clock.now();
    const at = input.at ? new Date(input.at) : now;
    if (at > now) throw badField('at', '记录时间不能晚于现在');
    if ((input.lat == null) !== (input.lng == null)) throw badField('lat', '位置应同时填写经度和纬度');
    const row = await repo.insertLog(tx, {
      tripId: found.t.id,
      at,
      note: input.note,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      recordedBy: byLabel,
      createdAt: now,
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.seaTrip.log',
      entityType: 'case',
      entityId: found.t.caseId,
      after: { tripId: found.t.id, logId: row.id, at },
    });
  }

  async #reload(executor: Executor, id: string, audience: 'console' | 'portal'): Promise<SeaTripView> {
    const found = await repo.findTrip(executor, null, id);
    if (!found) throw new Error('sea trip vanished');
    return this.#tripView(executor, found, audience);
  }

  async #tripView(
    executor: Executor,
    found: repo.TripRecord,
    audience: 'console' | 'portal',
  ): Promise<SeaTripView> {
    const { returnGraceHours: grace } = await this.settings(executor);
    const [view] = await this.#tripViews(executor, [found], grace, audience);
    if (!view) throw new Error('sea trip view missing');
    return view;
  }

  async #tripViews(
    executor: Executor,
    rows: repo.TripRecord[],
    grace: number,
    audience: 'console' | 'portal',
  ): Promise<SeaTripView[]> {
    const now = this.#d.clock.now();
    const [logs, names] = await Promise.all([
      repo.logsOf(
        executor,
        rows.map((r) => r.t.id),
      ),
      repo.superviseeNames(executor, [...new Set(rows.flatMap((r) => r.t.crew.map((c) => c.caseId)))]),
    ]);
    return rows.map((r) => {
      const t = r.t;
      const minor = r.flags.includes('minor');
      // The portal shows the supervisee only themself among the crew (others' identities stay with the office).
      const crew = (audience === 'portal' ? t.crew.filter((c) => c.caseId === t.caseId) : t.crew).map((c) => {
        const n = names.get(c.caseId);
        return {
          caseId: c.caseId,
          role: c.role,
          name: n ? listName(n.name, n.flags.includes('minor')) : '—',
        };
      });
      return {
        id: t.id,
        caseId: t.caseId,
        caseNo: r.caseNo,
        superviseeName: audience === 'portal' ? r.name : listName(r.name, minor),
        office: { id: r.officeId, name: r.officeName },
        vessel: {
          id: r.vessel.id,
          name: r.vessel.name,
          registrationNo: r.vessel.registrationNo,
          gearType: r.vessel.gearType,
        },
        crew,
        seaArea: t.seaArea,
        area: t.area,
        plannedDepartureAt: t.plannedDepartureAt.toISOString(),
        plannedReturnAt: t.plannedReturnAt.toISOString(),
        status: t.status,
        statusLabel: seaTripStatusLabels[t.status],
        overdue: seaTripOverdue(t, now, grace),
        filedBy: t.filedByKind,
        filedAt: t.filedAt.toISOString(),
        decisionReason: t.decisionReason,
        decidedAt: iso(t.decidedAt),
        departedAt: iso(t.departedAt),
        returnedAt: iso(t.returnedAt),
        returnNote: t.returnNote,
        note: t.note,
        logs: (logs.get(t.id) ?? []).map((l) => ({
          id: l.id,
          at: l.at.toISOString(),
          note: l.note,
          lat: l.lat,
          lng: l.lng,
          recordedBy: l.recordedBy,
        })),
        version: t.version,
      };
    });
  }
}

const duplicateRegistration = (no: string) => AppError.conflict(`船舶登记号 ${no} 已登记，不能重复登记`);

/** Two offices registering one vessel at once: the unique index answers, as a 409 rather than a 500. */
async function duplicateAsConflict<T>(no: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
      if ((e as { code?: unknown }).code === '23505') throw duplicateRegistration(no);
    }
    throw err;
  }
}

/** `2026-09-30 08:00` in Beijing time. */
function fmt(d: Date): string {
  const b = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${b.slice(0, 10)} ${b.slice(11, 16)}`;
}
