import type {
  CommitteeInput,
  CommitteeListQuery,
  CommitteeParent,
  CommitteeUpdate,
  CommitteeView,
  MediatorInput,
  MediatorListQuery,
  MediatorTrainingInput,
  MediatorTrainingView,
  MediatorUpdate,
  MediatorView,
  StudioCreatedInput,
  StudioInput,
  StudioListQuery,
  StudioUpdate,
  StudioView,
} from '@zhucheng/contracts';
import type { AuditWriter, FieldCipher } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import { maskPhone, normalizePhone } from '../../platform/crypto/personal-data.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { divisionData } from '../../platform/org/divisions.ts';
import { findUnit, insertUnit, nextSortOrder } from '../../platform/org/org.repo.ts';
import { pathIds } from '../../platform/org/org.rules.ts';
import type { OrgUnitRow } from '../../platform/org/org.schema.ts';
import { toView as orgUnitView } from '../../platform/org/org.service.ts';
import { readSetting } from '../../platform/settings/settings.repo.ts';
import {
  accountUsernames,
  type CommitteeRecord,
  committeeParents,
  findCommittee,
  findMediatorAccount,
  findScopedMediator,
  findStudio,
  insertCommittee,
  insertMediator,
  insertStudio,
  insertTraining,
  listCommittees,
  listMediators,
  listStudios,
  listTrainings,
  mediatorAccounts,
  mediatorCounts,
  mediatorForStaffUser,
  mediatorNames,
  openDisputeCounts,
  renameUnit,
  settledCounts,
  siblingNamed,
  studioNamed,
  trainingSummaries,
  unitPath,
  unitsByIds,
  updateCommittee,
  updateMediator,
  updateStudio,
} from './registry.repo.ts';
import {
  committeeParentProblem,
  needsTraining,
  studioOverdue,
  TRAINING_WINDOW_SETTING,
  trainingWindowMonths,
  trainingWindowStart,
} from './registry.rules.ts';
import type {
  MediationCommitteeRow,
  MediationStudioRow,
  MediatorRow,
  MediatorTrainingRow,
  mediationCommittee,
  mediator,
} from './registry.schema.ts';

export interface MediationRegistryDeps {
  db: Database;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditWriter;
}

/** Mobile (11 digits) or a landline with its area code, after normalisation (as for persons). */
const phonePattern = /^(1[3-9]\d{9}|0\d{9,11})$/;

/** The units that may host a studio. */
const studioHostKinds: readonly OrgUnitRow['kind'][] = [
  'mediationCommittee',
  'justiceOffice',
  'countyBureau',
  'cityBureau',
];

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

function fieldConflict(path: string, message: string): AppError {
  return new AppError('CONFLICT', 409, message, [{ path, message }]);
}

function checkVersion(current: number, named: number): void {
  if (current !== named) throw AppError.conflict('该记录已被他人修改，请刷新后重试');
}

/** A unique violation that slipped past a check (two people naming two records alike at once). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, i = 0; e && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

let townNames: Map<string, string> | undefined;
function townName(code: string | null): string | null {
  if (!code) return null;
  townNames ??= new Map(divisionData().towns.map((t) => [t.code, t.name]));
  return townNames.get(code) ?? null;
}

const trimOrNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * 人民调解组织: committees (each an org unit of kind mediationCommittee with its profile), mediators and
 * their training, and the named studios. Every record belongs to a unit in the caller's data scope; every
 * change is audited in its transaction. A create takes the transaction of an idempotent route when given.
 */
export class MediationRegistryService {
  readonly #d: MediationRegistryDeps;

  constructor(deps: MediationRegistryDeps) {
    this.#d = deps;
  }

  #write<T>(executor: Executor | undefined, fn: (tx: Executor) => Promise<T>): Promise<T> {
    const run = executor ? fn(executor) : this.#d.db.transaction(fn);
    return run.catch((err: unknown) => {
      if (isUniqueViolation(err)) throw AppError.conflict('名称与已有记录重复，请换一个名称');
      throw err;
    });
  }

  /** The subtree filter of a list: the named unit must lie in scope (else nothing is found). */
  async #underPath(executor: Executor, p: Principal, unitId: number | undefined) {
    if (unitId === undefined) return undefined;
    if (!unitInScope(p.scope, unitId)) throw AppError.notFound('单位');
    const path = await unitPath(executor, unitId);
    if (!path) throw AppError.notFound('单位');
    return path;
  }

  // ---- committees -----------------------------------------------------------------------------------

  async #committeeViews(executor: Executor, records: CommitteeRecord[]): Promise<CommitteeView[]> {
    const ids = records.map((r) => r.unit.id);
    const ancestors = await unitsByIds(
      executor,
      records.flatMap((r) => pathIds(r.unit.path)),
    );
    const year = Number(this.#d.clock.today().slice(0, 4));
    const [mediators, open, settled] = await Promise.all([
      mediatorCounts(executor, ids),
      openDisputeCounts(executor, ids),
      settledCounts(executor, ids, year),
    ]);
    return records.map(({ committee: c, unit }) => {
      const county = pathIds(unit.path)
        .map((id) => ancestors.get(id))
        .find((u) => u?.kind === 'countyBureau');
      return {
        id: unit.id,
        parentId: unit.parentId,
        parentName: unit.parentId ? (ancestors.get(unit.parentId)?.name ?? '') : '',
        countyName: county?.name ?? null,
        name: unit.name,
        kind: c.kind,
        industry: c.industry,
        townCode: c.townCode,
        townName: townName(c.townCode),
        servedAreas: c.servedAreas,
        address: c.address,
        latitude: c.latitude,
        longitude: c.longitude,
        phone: c.phone,
        establishedOn: c.establishedOn,
        status: unit.status,
        mediatorCount: mediators.get(unit.id) ?? 0,
        openDisputes: open.get(unit.id) ?? 0,
        settledThisYear: settled.get(unit.id) ?? 0,
        version: c.version,
        updatedAt: c.updatedAt.toISOString(),
      };
    });
  }

  async #committeeView(executor: Executor, unitId: number): Promise<CommitteeView> {
    const record = await findCommittee(executor, null, unitId);
    if (!record) throw AppError.notFound('调委会');
    const [view] = await this.#committeeViews(executor, [record]);
    if (!view) throw AppError.notFound('调委会');
    return view;
  }

  #committeeProfile(kind: MediationCommitteeRow['kind'], input: CommitteeUpdate | CommitteeInput) {
    if (kind === 'industry' && !input.industry)
      throw fieldError('industry', '行业性专业性调委会请选择行业类别');
    return {
      industry: kind === 'industry' ? (input.industry ?? null) : null,
      servedAreas: [...new Set((input.servedAreas ?? []).map((a) => a.trim()).filter(Boolean))],
      address: trimOrNull(input.address),
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      phone: trimOrNull(input.phone),
      establishedOn: input.establishedOn ?? null,
    } satisfies Partial<typeof mediationCommittee.$inferInsert>;
  }

  /** Justice offices and bureaus in the caller's scope a committee can be created under. */
  async listCommitteeParents(ctx: RequestContext): Promise<CommitteeParent[]> {
    const p = requireStaff(ctx);
    const rows = await committeeParents(this.#d.db, p);
    return rows.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind as CommitteeParent['kind'],
      divisionCode: u.divisionCode,
    }));
  }

  async listCommittees(ctx: RequestContext, query: CommitteeListQuery = {}): Promise<CommitteeView[]> {
    const p = requireStaff(ctx);
    const { db } = this.#d;
    const underPath = await this.#underPath(db, p, query.countyId);
    const records = await listCommittees(db, p, {
      kind: query.kind,
      industry: query.industry,
      townCode: query.townCode,
      underPath,
      name: query.name?.trim() || undefined,
    });
    return this.#committeeViews(db, records);
  }

  async getCommittee(ctx: RequestContext, id: number): Promise<CommitteeView> {
    const p = requireStaff(ctx);
    const record = await findCommittee(this.#d.db, p, id);
    if (!record) throw AppError.notFound('调委会');
    return this.#committeeView(this.#d.db, id);
  }

  /**
   * 新设调委会: the org unit (kind mediationCommittee) under its parent and the committee's profile, in one
   * transaction. The platform's OrgService opens its own transaction, so the unit is inserted here with the
   * org repository's functions the same way (parent locked, sibling name checked, path and depth from the
   * parent, next sort order) and audited as `org.unit.create`, like the org service does.
   */
  async createCommittee(
    ctx: RequestContext,
    input: CommitteeInput,
    executor?: Executor,
  ): Promise<CommitteeView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    const name = input.name.trim();
    const unitId = await this.#write(executor, async (tx) => {
      const parent = unitInScope(p.scope, input.parentId)
        ? await findUnit(tx, input.parentId, { forUpdate: true })
        : undefined;
      if (!parent) throw fieldError('parentId', '上级单位不存在或不在您的数据范围内');
      if (parent.status === 'disabled') throw fieldError('parentId', '上级单位已停用，不能在其下新设调委会');
      const problem = committeeParentProblem(input.kind, parent.kind);
      if (problem) throw fieldError('parentId', problem);
      const profile = this.#committeeProfile(input.kind, input);
      if (await siblingNamed(tx, parent.id, name)) {
        throw fieldConflict('name', '同一上级单位下已有同名的机构，请换一个名称');
      }
      const now = clock.now();
      const unit = await insertUnit(
        tx,
        parent,
        { kind: 'mediationCommittee', name, sortOrder: await nextSortOrder(tx, parent.id) },
        now,
      );
      await audit(tx, ctx, {
        action: 'org.unit.create',
        entityType: 'orgUnit',
        entityId: String(unit.id),
        after: orgUnitView(unit),
      });
      const values = {
        unitId: unit.id,
        kind: input.kind,
        ...profile,
        townCode:
          input.townCode?.trim() || (parent.kind === 'justiceOffice' ? (parent.divisionCode ?? null) : null),
      };
      await insertCommittee(tx, { ...values, createdBy: p.id, createdAt: now, updatedAt: now });
      await audit(tx, ctx, {
        action: 'mediation.committee.create',
        entityType: 'mediationCommittee',
        entityId: String(unit.id),
        after: { name, parentId: parent.id, ...values },
      });
      return unit.id;
    });
    return this.#committeeView(executor ?? this.#d.db, unitId);
  }

  async updateCommittee(ctx: RequestContext, id: number, input: CommitteeUpdate): Promise<CommitteeView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    await this.#write(undefined, async (tx) => {
      const before = await findCommittee(tx, p, id, true);
      if (!before) throw AppError.notFound('调委会');
      checkVersion(before.committee.version, input.version);
      const { committee, unit } = before;
      const profile = this.#committeeProfile(committee.kind, input);
      const values = { ...profile, townCode: input.townCode?.trim() || committee.townCode };
      const now = clock.now();
      const name = input.name.trim();
      if (name !== unit.name) {
        if (unit.parentId !== null && (await siblingNamed(tx, unit.parentId, name, unit.id))) {
          throw fieldConflict('name', '同一上级单位下已有同名的机构，请换一个名称');
        }
        await renameUnit(tx, unit.id, name, now);
        await audit(tx, ctx, {
          action: 'org.unit.rename',
          entityType: 'orgUnit',
          entityId: String(unit.id),
          before: { name: unit.name },
          after: { name },
        });
      }
      await updateCommittee(tx, id, { ...values, updatedAt: now });
      await audit(tx, ctx, {
        action: 'mediation.committee.update',
        entityType: 'mediationCommittee',
        entityId: String(id),
        before: {
          name: unit.name,
          industry: committee.industry,
          townCode: committee.townCode,
          servedAreas: committee.servedAreas,
          address: committee.address,
          latitude: committee.latitude,
          longitude: committee.longitude,
          phone: committee.phone,
          establishedOn: committee.establishedOn,
        },
        after: { name, ...values },
      });
    });
    return this.#committeeView(this.#d.db, id);
  }

  // ---- mediators ------------------------------------------------------------------------------------

  /** The window before `asOf` (today by default) within which a mediator should have been trained. */
  async #trainingWindow(executor: Executor, asOf?: string): Promise<{ months: number; start: string }> {
    const months = trainingWindowMonths(await readSetting(executor, TRAINING_WINDOW_SETTING));
    return { months, start: trainingWindowStart(asOf ?? this.#d.clock.today(), months) };
  }

  async #mediatorViews(
    executor: Executor,
    rows: MediatorRow[],
    options: { year?: number | undefined; asOf?: string | undefined } = {},
  ): Promise<MediatorView[]> {
    const year = options.year ?? Number(this.#d.clock.today().slice(0, 4));
    const { cipher } = this.#d;
    const units = await unitsByIds(
      executor,
      rows.map((r) => r.unitId),
    );
    const accounts = await accountUsernames(
      executor,
      rows.flatMap((r) => (r.staffUserId ? [r.staffUserId] : [])),
    );
    const training = await trainingSummaries(
      executor,
      rows.map((r) => r.id),
      year,
    );
    const { start } = await this.#trainingWindow(executor, options.asOf);
    return rows.map((r) => {
      const t = training.get(r.id);
      return {
        id: r.id,
        unitId: r.unitId,
        unitName: units.get(r.unitId)?.name ?? '',
        name: r.name,
        gender: r.gender,
        phoneMasked: r.phoneEnc ? maskPhone(cipher.decrypt(r.phoneEnc)) : null,
        employment: r.employment,
        specialties: r.specialties,
        position: r.position,
        joinedOn: r.joinedOn,
        staffUserId: r.staffUserId,
        staffUsername: r.staffUserId ? (accounts.get(r.staffUserId) ?? null) : null,
        status: r.status,
        leftOn: r.leftOn,
        trainingYear: year,
        trainingHours: t?.hours ?? 0,
        lastTrainedOn: t?.lastTrainedOn ?? null,
        needsTraining: needsTraining(r.status, t?.lastTrainedOn ?? null, start),
        version: r.version,
        updatedAt: r.updatedAt.toISOString(),
      };
    });
  }

  async #mediatorView(executor: Executor, row: MediatorRow): Promise<MediatorView> {
    const [view] = await this.#mediatorViews(executor, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  /** The checked values of a mediator; `phone` undefined keeps the stored one. */
  async #mediatorValues(executor: Executor, p: Principal, input: MediatorInput, selfId?: string) {
    const committee = await findCommittee(executor, p, input.unitId);
    if (!committee) throw fieldError('unitId', '所在调委会不存在或不在您的数据范围内');
    if (committee.unit.status === 'disabled' && !selfId) throw fieldError('unitId', '该调委会已停用');
    const today = this.#d.clock.today();
    if (input.joinedOn && input.joinedOn > today) throw fieldError('joinedOn', '聘任日期不能晚于今天');
    const status = input.status ?? 'active';
    if (status === 'left' && !input.leftOn) throw fieldError('leftOn', '已离任的调解员请填写离任日期');
    if (input.leftOn && input.leftOn > today) throw fieldError('leftOn', '离任日期不能晚于今天');
    if (input.staffUserId) {
      const account = await findMediatorAccount(executor, input.staffUserId);
      if (!account || account.unitId === null || !unitInScope(p.scope, account.unitId)) {
        throw fieldError('staffUserId', '关联账号不存在、不在您的数据范围内，或不是调解员（调委会）账号');
      }
      const other = await mediatorForStaffUser(executor, input.staffUserId);
      if (other && other.id !== selfId) throw fieldError('staffUserId', '该账号已关联其他调解员');
    }
    const values: Partial<typeof mediator.$inferInsert> = {
      unitId: input.unitId,
      name: input.name.trim(),
      gender: input.gender ?? null,
      employment: input.employment,
      specialties: [...new Set(input.specialties ?? [])],
      position: trimOrNull(input.position),
      joinedOn: input.joinedOn ?? null,
      staffUserId: input.staffUserId ?? null,
      status,
      leftOn: status === 'left' ? (input.leftOn ?? null) : null,
    };
    if (input.phone !== undefined) {
      const phone = input.phone ? normalizePhone(input.phone) : null;
      if (phone && !phonePattern.test(phone)) {
        throw fieldError('phone', '联系电话应为 11 位手机号码，或带区号的固定电话（如 0779-1234567）');
      }
      values.phoneEnc = phone ? this.#d.cipher.encrypt(phone) : null;
    }
    return values;
  }

  /** What the audit log keeps of a mediator: never the phone, only whether it was given. */
  #mediatorAudit(values: Partial<MediatorRow>) {
    const { phoneEnc, ...rest } = values;
    return {
      ...rest,
      ...(phoneEnc !== undefined ? { phoneGiven: phoneEnc !== null } : {}),
    };
  }

  async listMediatorAccounts(ctx: RequestContext) {
    const p = requireStaff(ctx);
    return mediatorAccounts(this.#d.db, p);
  }

  async listMediators(
    ctx: RequestContext,
    query: MediatorListQuery = {},
  ): Promise<{ items: MediatorView[]; trainingWindowMonths: number }> {
    const p = requireStaff(ctx);
    const { db } = this.#d;
    const window = await this.#trainingWindow(db, query.asOf);
    const rows = await listMediators(db, p, {
      underPath: await this.#underPath(db, p, query.unitId),
      name: query.name?.trim() || undefined,
      status: query.status,
      employment: query.employment,
      untrainedSince: query.needsTraining ? window.start : undefined,
    });
    const items = await this.#mediatorViews(db, rows, { year: query.trainingYear, asOf: query.asOf });
    return {
      items: query.needsTraining === false ? items.filter((m) => !m.needsTraining) : items,
      trainingWindowMonths: window.months,
    };
  }

  async getMediator(ctx: RequestContext, id: string): Promise<MediatorView> {
    const p = requireStaff(ctx);
    const row = await findScopedMediator(this.#d.db, p, id);
    if (!row) throw AppError.notFound('调解员');
    return this.#mediatorView(this.#d.db, row);
  }

  async createMediator(
    ctx: RequestContext,
    input: MediatorInput,
    executor?: Executor,
  ): Promise<MediatorView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    const row = await this.#write(executor, async (tx) => {
      const values = await this.#mediatorValues(tx, p, input);
      const now = clock.now();
      const inserted = await insertMediator(tx, {
        ...values,
        unitId: input.unitId,
        name: input.name.trim(),
        employment: input.employment,
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, ctx, {
        action: 'mediation.mediator.create',
        entityType: 'mediator',
        entityId: inserted.id,
        after: this.#mediatorAudit(values),
      });
      return inserted;
    });
    return this.#mediatorView(executor ?? this.#d.db, row);
  }

  async updateMediator(ctx: RequestContext, id: string, input: MediatorUpdate): Promise<MediatorView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    const row = await this.#write(undefined, async (tx) => {
      const before = await findScopedMediator(tx, p, id, true);
      if (!before) throw AppError.notFound('调解员');
      checkVersion(before.version, input.version);
      const values = await this.#mediatorValues(tx, p, input, id);
      const after = await updateMediator(tx, id, { ...values, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action: 'mediation.mediator.update',
        entityType: 'mediator',
        entityId: id,
        before: this.#mediatorAudit({
          unitId: before.unitId,
          name: before.name,
          employment: before.employment,
          specialties: before.specialties,
          position: before.position,
          staffUserId: before.staffUserId,
          status: before.status,
          leftOn: before.leftOn,
        }),
        after: this.#mediatorAudit(values),
      });
      return after;
    });
    return this.#mediatorView(this.#d.db, row);
  }

  /** The whole phone number: `party:reveal` on the route, the registry in scope, a line in the audit log. */
  async revealMediatorPhone(ctx: RequestContext, id: string): Promise<{ phone: string | null }> {
    const p = requireStaff(ctx);
    if (!p.permissions.has('mediation:readRegistry')) throw AppError.forbidden();
    const { db, cipher, audit } = this.#d;
    const row = await findScopedMediator(db, p, id);
    if (!row) throw AppError.notFound('调解员');
    const phone = row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null;
    await audit(db, ctx, {
      action: 'personalData.reveal',
      entityType: 'mediator',
      entityId: row.id,
      detail: { fields: phone ? ['phone'] : [] },
    });
    return { phone };
  }

  // ---- training -----------------------------------------------------------------------------------

  #trainingView(r: MediatorTrainingRow): MediatorTrainingView {
    return {
      id: r.id,
      mediatorId: r.mediatorId,
      heldOn: r.heldOn,
      topic: r.topic,
      organiser: r.organiser,
      hours: r.hours,
      certificateNo: r.certificateNo,
      createdAt: r.createdAt.toISOString(),
    };
  }

  async listTrainings(
    ctx: RequestContext,
    mediatorId: string,
  ): Promise<{ items: MediatorTrainingView[]; hoursByYear: Record<string, number> }> {
    const p = requireStaff(ctx);
    const { db } = this.#d;
    if (!(await findScopedMediator(db, p, mediatorId))) throw AppError.notFound('调解员');
    const rows = await listTrainings(db, mediatorId);
    const hoursByYear: Record<string, number> = {};
    for (const r of rows) {
      const year = r.heldOn.slice(0, 4);
      // Hours carry one decimal: add in tenths so 1.1 + 2.2 stays 3.3.
      hoursByYear[year] = Math.round(((hoursByYear[year] ?? 0) + r.hours) * 10) / 10;
    }
    return { items: rows.map((r) => this.#trainingView(r)), hoursByYear };
  }

  async addTraining(
    ctx: RequestContext,
    mediatorId: string,
    input: MediatorTrainingInput,
    executor?: Executor,
  ): Promise<MediatorTrainingView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    const row = await this.#write(executor, async (tx) => {
      const m = await findScopedMediator(tx, p, mediatorId);
      if (!m) throw AppError.notFound('调解员');
      if (input.heldOn > clock.today()) throw fieldError('heldOn', '培训日期不能晚于今天');
      const values = {
        mediatorId,
        heldOn: input.heldOn,
        topic: input.topic.trim(),
        organiser: input.organiser.trim(),
        hours: input.hours,
        certificateNo: trimOrNull(input.certificateNo),
      };
      const inserted = await insertTraining(tx, { ...values, createdBy: p.id, createdAt: clock.now() });
      await audit(tx, ctx, {
        action: 'mediation.training.create',
        entityType: 'mediatorTraining',
        entityId: inserted.id,
        after: values,
      });
      return inserted;
    });
    return this.#trainingView(row);
  }

  // ---- studios ------------------------------------------------------------------------------------

  async #studioViews(executor: Executor, rows: MediationStudioRow[]): Promise<StudioView[]> {
    const today = this.#d.clock.today();
    const units = await unitsByIds(
      executor,
      rows.map((r) => r.unitId),
    );
    const leads = await mediatorNames(
      executor,
      rows.flatMap((r) => (r.leadMediatorId ? [r.leadMediatorId] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      unitId: r.unitId,
      unitName: units.get(r.unitId)?.name ?? '',
      leadMediatorId: r.leadMediatorId,
      leadMediatorName: r.leadMediatorId ? (leads.get(r.leadMediatorId) ?? null) : null,
      specialty: r.specialty,
      status: r.status,
      targetDate: r.targetDate,
      createdOn: r.createdOn,
      note: r.note,
      overdue: studioOverdue(r, today),
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async #studioView(executor: Executor, row: MediationStudioRow): Promise<StudioView> {
    const [view] = await this.#studioViews(executor, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  async #studioValues(executor: Executor, p: Principal, input: StudioInput, selfId?: string) {
    const units = unitInScope(p.scope, input.unitId) ? await unitsByIds(executor, [input.unitId]) : new Map();
    const host: OrgUnitRow | undefined = units.get(input.unitId);
    if (!host) throw fieldError('unitId', '依托单位不存在或不在您的数据范围内');
    if (!studioHostKinds.includes(host.kind))
      throw fieldError('unitId', '工作室应依托调委会、司法所或司法局设立');
    if (input.leadMediatorId) {
      const lead = await findScopedMediator(executor, p, input.leadMediatorId);
      if (!lead) throw fieldError('leadMediatorId', '领衔调解员不存在或不在您的数据范围内');
      if (lead.status !== 'active') throw fieldError('leadMediatorId', '领衔调解员已离任，请另选');
    }
    const name = input.name.trim();
    if (await studioNamed(executor, name, selfId))
      throw fieldConflict('name', '已有同名的调解工作室，请换一个名称');
    return {
      name,
      unitId: input.unitId,
      leadMediatorId: input.leadMediatorId ?? null,
      specialty: trimOrNull(input.specialty),
      targetDate: input.targetDate ?? null,
      note: trimOrNull(input.note),
    };
  }

  /** The studios in scope and the progress over all of them (建成 / 计划). */
  async listStudios(
    ctx: RequestContext,
    query: StudioListQuery = {},
  ): Promise<{ items: StudioView[]; progress: { planned: number; created: number } }> {
    const p = requireStaff(ctx);
    const { db } = this.#d;
    const underPath = await this.#underPath(db, p, query.unitId);
    const all = await listStudios(db, p, { underPath });
    const rows = query.status ? all.filter((s) => s.status === query.status) : all;
    return {
      items: await this.#studioViews(db, rows),
      progress: { planned: all.length, created: all.filter((s) => s.status === 'created').length },
    };
  }

  async createStudio(ctx: RequestContext, input: StudioInput, executor?: Executor): Promise<StudioView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    const row = await this.#write(executor, async (tx) => {
      const values = await this.#studioValues(tx, p, input);
      const now = clock.now();
      const inserted = await insertStudio(tx, {
        ...values,
        status: 'planned',
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, ctx, {
        action: 'mediation.studio.create',
        entityType: 'mediationStudio',
        entityId: inserted.id,
        after: values,
      });
      return inserted;
    });
    return this.#studioView(executor ?? this.#d.db, row);
  }

  async updateStudio(ctx: RequestContext, id: string, input: StudioUpdate): Promise<StudioView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    const row = await this.#write(undefined, async (tx) => {
      const before = await findStudio(tx, p, id, true);
      if (!before) throw AppError.notFound('调解工作室');
      checkVersion(before.version, input.version);
      const values = await this.#studioValues(tx, p, input, id);
      const after = await updateStudio(tx, id, { ...values, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action: 'mediation.studio.update',
        entityType: 'mediationStudio',
        entityId: id,
        before: {
          name: before.name,
          unitId: before.unitId,
          leadMediatorId: before.leadMediatorId,
          specialty: before.specialty,
          targetDate: before.targetDate,
          note: before.note,
        },
        after: values,
      });
      return after;
    });
    return this.#studioView(this.#d.db, row);
  }

  /** 标记建成 (again: corrects the day). */
  async markStudioCreated(ctx: RequestContext, id: string, input: StudioCreatedInput): Promise<StudioView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    const row = await this.#write(undefined, async (tx) => {
      const before = await findStudio(tx, p, id, true);
      if (!before) throw AppError.notFound('调解工作室');
      checkVersion(before.version, input.version);
      if (input.createdOn > clock.today()) throw fieldError('createdOn', '建成日期不能晚于今天');
      const after = await updateStudio(tx, id, {
        status: 'created',
        createdOn: input.createdOn,
        updatedAt: clock.now(),
      });
      await audit(tx, ctx, {
        action: 'mediation.studio.created',
        entityType: 'mediationStudio',
        entityId: id,
        before: { status: before.status, createdOn: before.createdOn },
        after: { status: 'created', createdOn: input.createdOn },
      });
      return after;
    });
    return this.#studioView(this.#d.db, row);
  }
}
