import type {
  ConsultationInput,
  ConsultationListQuery,
  ConsultationUpdate,
  ConsultationView,
  DutyEntryInput,
  DutyEntryUpdate,
  DutyEntryView,
  LawyerInput,
  LawyerUpdate,
  LawyerView,
  StationInput,
  StationUpdate,
  StationView,
  SupportTeamInput,
  SupportTeamUpdate,
  SupportTeamView,
} from '@zhucheng/contracts';
import type { AuditWriter, FieldCipher } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import { maskName, maskPhone, normalizePhone } from '../../platform/crypto/personal-data.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import {
  accountUsernames,
  deleteConsultation,
  deleteDutyEntry,
  dutyLawyerIdsOn,
  findConsultation,
  findDutyEntry,
  findLawyer,
  findLawyerAccount,
  findLawyersByIds,
  findStation,
  findSupportTeam,
  insertConsultation,
  insertDutyEntry,
  insertLawyer,
  insertStation,
  insertSupportTeam,
  lawyerAccounts,
  lawyerByAccount,
  lawyerByLicence,
  lawyerNames,
  lawyersOfUnits,
  listConsultations,
  listDutyEntries,
  listLawyers,
  listStations,
  listSupportTeams,
  stationNames,
  unitExists,
  unitNames,
  updateConsultation,
  updateDutyEntry,
  updateLawyer,
  updateStation,
  updateSupportTeam,
  usernames,
} from './registry.repo.ts';
import { isAvailable, meetsArticle26, practiceYears, unavailabilityReason } from './registry.rules.ts';
import type {
  LegalAidConsultationRow,
  LegalAidDutyEntryRow,
  LegalAidLawyerRow,
  LegalAidStationRow,
  LegalAidSupportTeamRow,
  legalAidConsultation,
} from './registry.schema.ts';

export interface RegistryDeps {
  db: Database;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditWriter;
}

/** Mobile (11 digits) or a landline with its area code, after normalisation (as for persons). */
const phonePattern = /^(1[3-9]\d{9}|0\d{9,11})$/;

/** A consultation logged ahead of the clock by more than this is a typing error. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

function checkVersion(current: number, named: number): void {
  if (current !== named) throw AppError.conflict('该记录已被他人修改，请刷新后重试');
}

/** What the registries tell the case workflow about a lawyer on a day (assignment, Art. 26). */
export interface LawyerStandingView {
  id: string;
  name: string;
  unitId: number;
  staffUserId: string | null;
  practiceYears: number;
  /** At least 3 years of practice (Art. 26: possible life or death sentence). */
  meetsArticle26: boolean;
  expertPanel: boolean;
  specialties: string[];
  available: boolean;
  /** Why not, in Chinese. */
  unavailableReason: string | null;
  /** On the duty roster that day. */
  onDuty: boolean;
}

/**
 * 法律援助登记: lawyers (律师库), the duty roster, workstations, support teams and the consultations log.
 * Every record belongs to a unit in the caller's data scope; every change is audited in its transaction.
 */
export class RegistryService {
  readonly #d: RegistryDeps;

  constructor(deps: RegistryDeps) {
    this.#d = deps;
  }

  /** The unit named in a request must exist and lie in the caller's scope. */
  async #checkUnit(executor: Executor, p: Principal, unitId: number): Promise<void> {
    if (!unitInScope(p.scope, unitId) || !(await unitExists(executor, unitId))) {
      throw fieldError('unitId', '所属单位不存在或不在您的数据范围内');
    }
  }

  // ---- lawyers -----------------------------------------------------------------------------------------

  async #lawyerViews(executor: Executor, rows: LegalAidLawyerRow[]): Promise<LawyerView[]> {
    const today = this.#d.clock.today();
    const units = await unitNames(
      executor,
      rows.map((r) => r.unitId),
    );
    const accounts = await accountUsernames(
      executor,
      rows.flatMap((r) => (r.staffUserId ? [r.staffUserId] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: units.get(r.unitId) ?? '',
      name: r.name,
      staffUserId: r.staffUserId,
      staffUsername: r.staffUserId ? (accounts.get(r.staffUserId) ?? null) : null,
      lawFirm: r.lawFirm,
      licenceNumber: r.licenceNumber,
      practiceStartDate: r.practiceStartDate,
      practiceYears: practiceYears(r.practiceStartDate, today),
      specialties: r.specialties,
      registeredOn: r.registeredOn,
      proBonoFrom: r.proBonoFrom,
      proBonoTo: r.proBonoTo,
      expertPanel: r.expertPanel,
      unavailable: r.unavailable,
      availableToday: isAvailable(r, today),
      leftOn: r.leftOn,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async #checkLawyer(executor: Executor, p: Principal, input: LawyerInput, selfId?: string) {
    await this.#checkUnit(executor, p, input.unitId);
    const today = this.#d.clock.today();
    if (input.practiceStartDate > today) throw fieldError('practiceStartDate', '执业开始日期不能晚于今天');
    if (input.leftOn && input.leftOn < input.registeredOn) {
      throw fieldError('leftOn', '退出日期不能早于入库日期');
    }
    const licence = await lawyerByLicence(executor, input.licenceNumber.trim());
    if (licence && licence.id !== selfId) throw fieldError('licenceNumber', '该执业证号已在律师库中登记');
    if (input.staffUserId) {
      const account = await findLawyerAccount(executor, input.staffUserId);
      if (!account) throw fieldError('staffUserId', '关联账号不存在或不是律师账号');
      const other = await lawyerByAccount(executor, input.staffUserId);
      if (other && other.id !== selfId) throw fieldError('staffUserId', '该账号已关联其他律师');
    }
  }

  #lawyerValues(input: LawyerInput) {
    return {
      unitId: input.unitId,
      name: input.name.trim(),
      staffUserId: input.staffUserId ?? null,
      lawFirm: input.lawFirm.trim(),
      licenceNumber: input.licenceNumber.trim(),
      practiceStartDate: input.practiceStartDate,
      specialties: [...new Set(input.specialties ?? [])],
      registeredOn: input.registeredOn,
      proBonoFrom: input.proBonoFrom ?? null,
      proBonoTo: input.proBonoTo ?? null,
      expertPanel: input.expertPanel ?? false,
      unavailable: [...(input.unavailable ?? [])].sort((a, b) => a.from.localeCompare(b.from)),
      leftOn: input.leftOn ?? null,
    };
  }

  async listLawyers(ctx: RequestContext, filters: { name?: string | undefined } = {}): Promise<LawyerView[]> {
    const p = requireStaff(ctx);
    const rows = await listLawyers(this.#d.db, p, { name: filters.name?.trim() || undefined });
    return this.#lawyerViews(this.#d.db, rows);
  }

  /** Accounts with the role 律师 (made by the system administrator) that a profile may link to. */
  async listLawyerAccounts(ctx: RequestContext) {
    const p = requireStaff(ctx);
    return lawyerAccounts(this.#d.db, p);
  }

  async getLawyer(ctx: RequestContext, id: string): Promise<LawyerView> {
    const p = requireStaff(ctx);
    const row = await findLawyer(this.#d.db, p, id);
    if (!row) throw AppError.notFound('律师');
    const [view] = await this.#lawyerViews(this.#d.db, [row]);
    if (!view) throw AppError.notFound('律师');
    return view;
  }

  async createLawyer(ctx: RequestContext, input: LawyerInput): Promise<LawyerView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      await this.#checkLawyer(tx, p, input);
      const now = clock.now();
      const values = this.#lawyerValues(input);
      const inserted = await insertLawyer(tx, { ...values, createdBy: p.id, createdAt: now, updatedAt: now });
      await audit(tx, ctx, {
        action: 'legalAid.lawyer.create',
        entityType: 'legalAidLawyer',
        entityId: inserted.id,
        after: values,
      });
      return inserted;
    });
    return this.#lawyerView(row);
  }

  async updateLawyer(ctx: RequestContext, id: string, input: LawyerUpdate): Promise<LawyerView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const before = await findLawyer(tx, p, id, true);
      if (!before) throw AppError.notFound('律师');
      checkVersion(before.version, input.version);
      await this.#checkLawyer(tx, p, input, id);
      const values = this.#lawyerValues(input);
      const after = await updateLawyer(tx, id, { ...values, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action: 'legalAid.lawyer.update',
        entityType: 'legalAidLawyer',
        entityId: id,
        before: this.#lawyerValues({ ...before, staffUserId: before.staffUserId }),
        after: values,
      });
      return after;
    });
    return this.#lawyerView(row);
  }

  async #lawyerView(row: LegalAidLawyerRow): Promise<LawyerView> {
    const [view] = await this.#lawyerViews(this.#d.db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  /**
   * The lawyers of the given units as the case workflow sees them on `day`: years of practice and
   * Art. 26, availability (left, not yet registered, unavailable periods) and whether they are on duty.
   * For the assignment step of the core module, which has already checked its own access.
   */
  async lawyerStandings(
    executor: Executor,
    units: readonly number[],
    day: string,
  ): Promise<LawyerStandingView[]> {
    const rows = await lawyersOfUnits(executor, units);
    const onDuty = await dutyLawyerIdsOn(executor, units, day);
    return rows.map((r) => {
      const reason = unavailabilityReason(r, day);
      return {
        id: r.id,
        name: r.name,
        unitId: r.unitId,
        staffUserId: r.staffUserId,
        practiceYears: practiceYears(r.practiceStartDate, day),
        meetsArticle26: meetsArticle26(r.practiceStartDate, day),
        expertPanel: r.expertPanel,
        specialties: r.specialties,
        available: reason === null,
        unavailableReason: reason,
        onDuty: onDuty.has(r.id),
      };
    });
  }

  // ---- workstations ---------------------------------------------------------------------------------

  async #stationViews(executor: Executor, rows: LegalAidStationRow[]): Promise<StationView[]> {
    const units = await unitNames(
      executor,
      rows.map((r) => r.unitId),
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: units.get(r.unitId) ?? '',
      name: r.name,
      hostName: r.hostName,
      address: r.address,
      openedOn: r.openedOn,
      closedOn: r.closedOn,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  #stationValues(input: StationInput) {
    return {
      unitId: input.unitId,
      name: input.name.trim(),
      hostName: input.hostName.trim(),
      address: input.address?.trim() || null,
      openedOn: input.openedOn,
      closedOn: input.closedOn ?? null,
    };
  }

  async listStations(ctx: RequestContext): Promise<StationView[]> {
    const p = requireStaff(ctx);
    return this.#stationViews(this.#d.db, await listStations(this.#d.db, p));
  }

  async createStation(ctx: RequestContext, input: StationInput): Promise<StationView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      await this.#checkUnit(tx, p, input.unitId);
      const now = clock.now();
      const values = this.#stationValues(input);
      const inserted = await insertStation(tx, {
        ...values,
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, ctx, {
        action: 'legalAid.workstation.create',
        entityType: 'legalAidStation',
        entityId: inserted.id,
        after: values,
      });
      return inserted;
    });
    const [view] = await this.#stationViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  async updateStation(ctx: RequestContext, id: string, input: StationUpdate): Promise<StationView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const before = await findStation(tx, p, id, true);
      if (!before) throw AppError.notFound('工作站');
      checkVersion(before.version, input.version);
      await this.#checkUnit(tx, p, input.unitId);
      const values = this.#stationValues(input);
      const after = await updateStation(tx, id, { ...values, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action: 'legalAid.workstation.update',
        entityType: 'legalAidStation',
        entityId: id,
        before: this.#stationValues(before),
        after: values,
      });
      return after;
    });
    const [view] = await this.#stationViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  // ---- duty roster ---------------------------------------------------------------------------------------

  async #dutyViews(executor: Executor, rows: LegalAidDutyEntryRow[]): Promise<DutyEntryView[]> {
    const units = await unitNames(
      executor,
      rows.map((r) => r.unitId),
    );
    const lawyers = await lawyerNames(
      executor,
      rows.map((r) => r.lawyerId),
    );
    const stations = await stationNames(
      executor,
      rows.flatMap((r) => (r.stationId ? [r.stationId] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: units.get(r.unitId) ?? '',
      lawyerId: r.lawyerId,
      lawyerName: lawyers.get(r.lawyerId) ?? '',
      stationId: r.stationId,
      stationName: r.stationId ? (stations.get(r.stationId) ?? null) : null,
      place: r.place,
      from: r.fromDay,
      to: r.toDay,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async #dutyValues(executor: Executor, p: Principal, input: DutyEntryInput) {
    await this.#checkUnit(executor, p, input.unitId);
    const lawyer = await findLawyer(executor, p, input.lawyerId);
    if (!lawyer) throw fieldError('lawyerId', '值班律师不存在或不在您的数据范围内');
    if (lawyer.leftOn && lawyer.leftOn <= input.from) throw fieldError('lawyerId', '该律师已退出律师库');
    if (input.stationId) {
      const station = await findStation(executor, p, input.stationId);
      if (!station) throw fieldError('stationId', '工作站不存在或不在您的数据范围内');
      if (station.closedOn && station.closedOn <= input.from) throw fieldError('stationId', '该工作站已撤销');
    }
    return {
      unitId: input.unitId,
      lawyerId: input.lawyerId,
      stationId: input.stationId ?? null,
      place: input.place?.trim() || null,
      fromDay: input.from,
      toDay: input.to,
    };
  }

  async listDutyEntries(
    ctx: RequestContext,
    filters: { on?: string | undefined; lawyerId?: string | undefined } = {},
  ): Promise<DutyEntryView[]> {
    const p = requireStaff(ctx);
    return this.#dutyViews(this.#d.db, await listDutyEntries(this.#d.db, p, filters));
  }

  async createDutyEntry(ctx: RequestContext, input: DutyEntryInput): Promise<DutyEntryView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const values = await this.#dutyValues(tx, p, input);
      const now = clock.now();
      const inserted = await insertDutyEntry(tx, {
        ...values,
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, ctx, {
        action: 'legalAid.dutyEntry.create',
        entityType: 'legalAidDutyEntry',
        entityId: inserted.id,
        after: values,
      });
      return inserted;
    });
    const [view] = await this.#dutyViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  async updateDutyEntry(ctx: RequestContext, id: string, input: DutyEntryUpdate): Promise<DutyEntryView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const before = await findDutyEntry(tx, p, id, true);
      if (!before) throw AppError.notFound('值班安排');
      checkVersion(before.version, input.version);
      const values = await this.#dutyValues(tx, p, input);
      const after = await updateDutyEntry(tx, id, { ...values, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action: 'legalAid.dutyEntry.update',
        entityType: 'legalAidDutyEntry',
        entityId: id,
        before: { lawyerId: before.lawyerId, from: before.fromDay, to: before.toDay, place: before.place },
        after: values,
      });
      return after;
    });
    const [view] = await this.#dutyViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  async deleteDutyEntry(ctx: RequestContext, id: string, version: number): Promise<void> {
    const p = requireStaff(ctx);
    const { db, audit } = this.#d;
    await db.transaction(async (tx) => {
      const before = await findDutyEntry(tx, p, id, true);
      if (!before) throw AppError.notFound('值班安排');
      checkVersion(before.version, version);
      await deleteDutyEntry(tx, id);
      await audit(tx, ctx, {
        action: 'legalAid.dutyEntry.delete',
        entityType: 'legalAidDutyEntry',
        entityId: id,
        before: { lawyerId: before.lawyerId, from: before.fromDay, to: before.toDay, place: before.place },
      });
    });
  }

  // ---- support teams -------------------------------------------------------------------------------

  async #teamViews(executor: Executor, rows: LegalAidSupportTeamRow[]): Promise<SupportTeamView[]> {
    const units = await unitNames(
      executor,
      rows.map((r) => r.unitId),
    );
    const names = await lawyerNames(
      executor,
      rows.flatMap((r) => r.memberIds),
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: units.get(r.unitId) ?? '',
      name: r.name,
      members: r.memberIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      setUpOn: r.setUpOn,
      dissolvedOn: r.dissolvedOn,
      note: r.note,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async #teamValues(executor: Executor, p: Principal, input: SupportTeamInput) {
    await this.#checkUnit(executor, p, input.unitId);
    const memberIds = [...new Set(input.memberIds ?? [])];
    const found = await findLawyersByIds(executor, p, memberIds);
    if (found.length !== memberIds.length)
      throw fieldError('memberIds', '有队员不在律师库中或不在您的数据范围内');
    return {
      unitId: input.unitId,
      name: input.name.trim(),
      memberIds,
      setUpOn: input.setUpOn,
      dissolvedOn: input.dissolvedOn ?? null,
      note: input.note?.trim() || null,
    };
  }

  async listSupportTeams(ctx: RequestContext): Promise<SupportTeamView[]> {
    const p = requireStaff(ctx);
    return this.#teamViews(this.#d.db, await listSupportTeams(this.#d.db, p));
  }

  async createSupportTeam(ctx: RequestContext, input: SupportTeamInput): Promise<SupportTeamView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const values = await this.#teamValues(tx, p, input);
      const now = clock.now();
      const inserted = await insertSupportTeam(tx, {
        ...values,
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, ctx, {
        action: 'legalAid.supportTeam.create',
        entityType: 'legalAidSupportTeam',
        entityId: inserted.id,
        after: values,
      });
      return inserted;
    });
    const [view] = await this.#teamViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  async updateSupportTeam(
    ctx: RequestContext,
    id: string,
    input: SupportTeamUpdate,
  ): Promise<SupportTeamView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const before = await findSupportTeam(tx, p, id, true);
      if (!before) throw AppError.notFound('支援队伍');
      checkVersion(before.version, input.version);
      const values = await this.#teamValues(tx, p, input);
      const after = await updateSupportTeam(tx, id, { ...values, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action: 'legalAid.supportTeam.update',
        entityType: 'legalAidSupportTeam',
        entityId: id,
        before: {
          name: before.name,
          memberIds: before.memberIds,
          setUpOn: before.setUpOn,
          dissolvedOn: before.dissolvedOn,
        },
        after: values,
      });
      return after;
    });
    const [view] = await this.#teamViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  // ---- consultations -------------------------------------------------------------------------------------

  async #consultationViews(executor: Executor, rows: LegalAidConsultationRow[]): Promise<ConsultationView[]> {
    const { cipher } = this.#d;
    const units = await unitNames(
      executor,
      rows.map((r) => r.unitId),
    );
    const stations = await stationNames(
      executor,
      rows.flatMap((r) => (r.stationId ? [r.stationId] : [])),
    );
    const staff = await usernames(
      executor,
      rows.flatMap((r) => (r.handledBy ? [r.handledBy] : [])),
    );
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: units.get(r.unitId) ?? '',
      channel: r.channel,
      consultedAt: r.consultedAt.toISOString(),
      personNameMasked: maskName(r.personName),
      phoneMasked: r.phoneEnc ? maskPhone(cipher.decrypt(r.phoneEnc)) : null,
      topic: r.topic,
      summary: r.summary,
      outcome: r.outcome,
      referredTo: r.referredTo,
      stationId: r.stationId,
      stationName: r.stationId ? (stations.get(r.stationId) ?? null) : null,
      handledBy: r.handledBy,
      handledByName: r.handledBy ? (staff.get(r.handledBy) ?? null) : null,
      version: r.version,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** The checked fields; `phone` undefined keeps the stored phone. */
  async #consultationValues(
    executor: Executor,
    p: Principal,
    input: Omit<ConsultationInput, 'personName'> & { personName?: string | undefined },
  ) {
    const { clock, cipher } = this.#d;
    const unitId = input.unitId ?? p.unitId;
    if (unitId === null || unitId === undefined) throw fieldError('unitId', '请选择接待单位');
    await this.#checkUnit(executor, p, unitId);
    let consultedAt = clock.now();
    if (input.consultedAt) {
      consultedAt = new Date(input.consultedAt);
      if (consultedAt.getTime() > clock.now().getTime() + FUTURE_TOLERANCE_MS) {
        throw fieldError('consultedAt', '咨询时间不能晚于现在');
      }
    }
    let stationId: string | null = null;
    if (input.stationId) {
      const station = await findStation(executor, p, input.stationId);
      if (!station) throw fieldError('stationId', '工作站不存在或不在您的数据范围内');
      stationId = station.id;
    }
    const values: Partial<typeof legalAidConsultation.$inferInsert> = {
      unitId,
      channel: input.channel,
      consultedAt,
      ...(input.personName !== undefined ? { personName: input.personName.trim() } : {}),
      topic: input.topic,
      summary: input.summary.trim(),
      outcome: input.outcome,
      referredTo: input.outcome === 'referredElsewhere' ? input.referredTo?.trim() || null : null,
      stationId,
    };
    if (input.phone !== undefined) {
      const phone = input.phone ? normalizePhone(input.phone) : null;
      if (phone && !phonePattern.test(phone)) {
        throw fieldError('phone', '联系电话应为 11 位手机号码，或带区号的固定电话（如 0779-1234567）');
      }
      values.phoneEnc = phone ? cipher.encrypt(phone) : null;
      values.phoneIndex = phone ? cipher.blindIndex(phone, 'phone') : null;
    }
    return values;
  }

  #consultationAudit(r: LegalAidConsultationRow) {
    return {
      unitId: r.unitId,
      channel: r.channel,
      consultedAt: r.consultedAt.toISOString(),
      personName: maskName(r.personName),
      topic: r.topic,
      outcome: r.outcome,
      referredTo: r.referredTo,
    };
  }

  async listConsultations(
    ctx: RequestContext,
    query: ConsultationListQuery,
  ): Promise<{ items: ConsultationView[]; total: number }> {
    const p = requireStaff(ctx);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await listConsultations(
      this.#d.db,
      p,
      { fromDay: query.from, toDay: query.to, channel: query.channel, timeZone: this.#d.clock.timeZone },
      { offset: (page - 1) * pageSize, limit: pageSize },
    );
    return { items: await this.#consultationViews(this.#d.db, rows), total };
  }

  async createConsultation(ctx: RequestContext, input: ConsultationInput): Promise<ConsultationView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const values = await this.#consultationValues(tx, p, input);
      const now = clock.now();
      const inserted = await insertConsultation(tx, {
        ...values,
        unitId: values.unitId as number,
        channel: input.channel,
        consultedAt: values.consultedAt as Date,
        personName: values.personName as string,
        topic: input.topic,
        summary: values.summary as string,
        outcome: input.outcome,
        handledBy: p.id,
        createdBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, ctx, {
        action: 'legalAid.consultation.create',
        entityType: 'legalAidConsultation',
        entityId: inserted.id,
        after: this.#consultationAudit(inserted),
      });
      return inserted;
    });
    const [view] = await this.#consultationViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  async updateConsultation(
    ctx: RequestContext,
    id: string,
    input: ConsultationUpdate,
  ): Promise<ConsultationView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const row = await db.transaction(async (tx) => {
      const before = await findConsultation(tx, p, id, true);
      if (!before) throw AppError.notFound('咨询记录');
      checkVersion(before.version, input.version);
      const values = await this.#consultationValues(tx, p, {
        ...input,
        consultedAt: input.consultedAt ?? before.consultedAt.toISOString(),
      });
      const after = await updateConsultation(tx, id, { ...values, updatedAt: clock.now() });
      await audit(tx, ctx, {
        action: 'legalAid.consultation.update',
        entityType: 'legalAidConsultation',
        entityId: id,
        before: this.#consultationAudit(before),
        after: this.#consultationAudit(after),
      });
      return after;
    });
    const [view] = await this.#consultationViews(db, [row]);
    if (!view) throw new Error('no view');
    return view;
  }

  /** A record logged by mistake; the audit log keeps that it existed. */
  async deleteConsultation(ctx: RequestContext, id: string, version: number): Promise<void> {
    const p = requireStaff(ctx);
    const { db, audit } = this.#d;
    await db.transaction(async (tx) => {
      const before = await findConsultation(tx, p, id, true);
      if (!before) throw AppError.notFound('咨询记录');
      checkVersion(before.version, version);
      await deleteConsultation(tx, id);
      await audit(tx, ctx, {
        action: 'legalAid.consultation.delete',
        entityType: 'legalAidConsultation',
        entityId: id,
        before: this.#consultationAudit(before),
      });
    });
  }
}
