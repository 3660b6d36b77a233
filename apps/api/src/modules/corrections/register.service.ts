import {
  type CorrectionsClock,
  permissions as p,
  type SuperviseeListItem,
  type SuperviseeListQuery,
  type SuperviseeView,
  sentenceKindLabels,
  superviseeListQuerySchema,
  superviseeRegisterSchema,
  superviseeUpdateSchema,
} from '@zhucheng/contracts';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { maskIdNumber, maskName, maskPhone, normalizePhone } from '../../platform/crypto/personal-data.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DeadlineService, DeadlineView } from '../../platform/deadlines/deadline.service.ts';
import type { FilesService } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { insertCaseParty } from '../../platform/persons/persons.repo.ts';
import type { PersonsService } from '../../platform/persons/persons.service.ts';
import { stateLabel } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as intakeRepo from './intake.repo.ts';
import { CORRECTIONS_SUPERVISEE, REPORT_IN_RULE } from './register.case-type.ts';
import * as repo from './register.repo.ts';
import { daysRemaining, effectiveFlags, listIdNumber, listName } from './register.rules.ts';

export interface RegisterServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  persons: PersonsService;
  files: FilesService;
  deadlines: DeadlineService;
  cipher: Pick<FieldCipher, 'decrypt' | 'encrypt' | 'blindIndex'>;
}

/** Zod's issues as the error handler's field list, under one Chinese message. */
export function invalid(error: z.ZodError, message = '填写的信息不完整或有误'): AppError {
  return AppError.badRequest(
    message,
    error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

export function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw ?? {});
  if (!result.success) throw invalid(result.error);
  return result.data;
}

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

export const staleSupervisee = () => AppError.conflict('该社区矫正对象的信息已被他人修改，请刷新后重试');

/** The clock as the register shows it. */
export function clockView(d: DeadlineView): CorrectionsClock {
  return {
    ruleName: d.ruleName,
    article: d.article,
    startedOn: d.startedOn,
    dueOn: d.dueOn,
    status: d.status,
    state: d.standing.state,
    label: d.standing.label,
  };
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

// 社区矫正对象台账: registering a supervisee from the court's notice (入矫登记, 第二十一条: the report-in clock
// starts from the judgment's effective day), the list, the record and its corrections. Identity is the
// platform's person (found again by ID number, never entered twice); a minor's record is seen only with
// `corrections:readMinors` and shows masked further in lists.
export class RegisterService {
  readonly #d: RegisterServiceDeps;

  constructor(deps: RegisterServiceDeps) {
    this.#d = deps;
  }

  async register(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<SuperviseeView> {
    const staff = requireStaff(ctx);
    const input = parse(superviseeRegisterSchema, raw);
    const { clock, workflow, persons, deadlines, audit } = this.#d;
    const today = clock.today();
    if (!input.person.idType || !input.person.idNumber) {
      throw fieldError('person.idNumber', '请填写社区矫正对象的证件类型和证件号码');
    }
    const office = await repo.findActiveUnit(tx, input.supervisingOfficeId);
    if (office?.kind !== 'justiceOffice' || !unitInScope(staff.scope, office.id)) {
      throw fieldError('supervisingOfficeId', '执行地应为您管辖范围内的司法所');
    }
    if (input.judgmentEffectiveOn > today) {
      throw fieldError('judgmentEffectiveOn', '判决（裁定、决定）生效日期不能晚于今天');
    }
    if (input.noticeReceivedOn && input.noticeReceivedOn > today) {
      throw fieldError('noticeReceivedOn', '收到执行通知书日期不能晚于今天');
    }
    const { person } = await persons.findOrCreatePerson(ctx, input.person, tx);
    if (!person.gender) throw fieldError('person.gender', '请填写社区矫正对象的性别');
    const running = await repo.runningTermOf(tx, person.id);
    if (running) {
      throw AppError.conflict(
        `该人员正在社区矫正中（${running.caseNo ?? ''}，${running.officeName}），不能重复登记`,
      );
    }
    const phone = await this.#phoneColumns(tx, input.phone, null);
    const flags = effectiveFlags(input.flags, person.birthDate, today);
    const minor = flags.includes('minor');
    if (minor) this.#requireMinors(staff);
    const kind = sentenceKindLabels[input.sentenceKind];
    const record = await workflow.create(
      ctx,
      {
        type: CORRECTIONS_SUPERVISEE,
        competentUnitId: office.id,
        receivingUnitId: office.id,
        // The shared case pages show the title: no name of a minor there (第五十八条).
        title: minor ? `未成年社区矫正对象（${kind}）` : `${person.name}（${kind}）`,
        participants: [{ accountKind: 'staff', accountId: staff.id, role: 'handler' }],
        comment: `收到${input.courtName}执行通知书${input.noticeNo ? `（${input.noticeNo}）` : ''}，入矫登记`,
      },
      tx,
    );
    // 第二十一条: ten days from the judgment taking effect, not from the day it was registered.
    await deadlines.start(tx, {
      caseType: CORRECTIONS_SUPERVISEE,
      caseId: record.id,
      ruleCode: REPORT_IN_RULE,
      startedOn: input.judgmentEffectiveOn,
    });
    if (input.photoFileId) await this.#attachPhoto(tx, ctx, record.id, input.photoFileId);
    const now = clock.now();
    await repo.insertSupervisee(tx, {
      caseId: record.id,
      personId: person.id,
      sentenceKind: input.sentenceKind,
      offence: input.offence,
      courtName: input.courtName,
      judgmentNo: input.judgmentNo,
      judgmentEffectiveOn: input.judgmentEffectiveOn,
      noticeNo: input.noticeNo ?? null,
      noticeReceivedOn: input.noticeReceivedOn ?? today,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      prohibitionOrders: input.prohibitionOrders,
      flags,
      photoFileId: input.photoFileId ?? null,
      ...phone,
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
    });
    if (!minor) {
      // The 当事人 tab of the case page; a minor's identity stays off the shared pages.
      await insertCaseParty(tx, {
        caseId: record.id,
        partyKind: 'person',
        personId: person.id,
        organisationId: null,
        role: 'party',
        sortOrder: 0,
        addedBy: staff.id,
        addedAt: now,
      });
    }
    await audit(tx, ctx, {
      action: 'corrections.supervisee.register',
      entityType: 'case',
      entityId: record.id,
      after: {
        caseNo: record.caseNo,
        personId: person.id,
        name: maskName(person.name),
        officeId: office.id,
        sentenceKind: input.sentenceKind,
        judgmentEffectiveOn: input.judgmentEffectiveOn,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        flags,
      },
    });
    const found = await repo.findSupervisee(tx, staff, record.id);
    if (!found) throw new Error('registered supervisee not found');
    return this.view(tx, found);
  }

  async list(
    ctx: RequestContext,
    rawQuery: SuperviseeListQuery | unknown,
  ): Promise<{ items: SuperviseeListItem[]; total: number }> {
    const staff = requireStaff(ctx);
    const q = parse(superviseeListQuerySchema, rawQuery);
    const { rows, total } = await repo.listSupervisees(this.#d.db, staff, q, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const ids = rows.map((r) => r.record.id);
    const [clocks, searches] = await Promise.all([
      this.#d.deadlines.listForCases(this.#d.db, ids),
      intakeRepo.lostContactsOf(this.#d.db, ids),
    ]);
    return {
      items: rows.map((r) =>
        this.#listItem(r, {
          clock: liveReportIn(clocks.filter((c) => c.caseId === r.record.id)),
          lostContact: (searches.get(r.record.id) ?? []).some((x) => x.row.status === 'searching'),
        }),
      ),
      total,
    };
  }

  /** The record of one supervisee; 404 outside the scope or, for a minor, without the permission. Audited. */
  async detail(ctx: RequestContext, caseId: string): Promise<SuperviseeView> {
    const staff = requireStaff(ctx);
    const found = await repo.findSupervisee(this.#d.db, staff, caseId);
    if (!found) throw AppError.notFound('社区矫正对象');
    await this.#d.db.transaction((tx) =>
      this.#d.audit(tx, ctx, {
        action: 'corrections.supervisee.read',
        entityType: 'case',
        entityId: caseId,
        detail: { caseNo: found.record.caseNo },
      }),
    );
    return this.view(this.#d.db, found);
  }

  /** Corrects register fields over the version read (stale → 409). */
  async update(ctx: RequestContext, caseId: string, raw: unknown): Promise<SuperviseeView> {
    const staff = requireStaff(ctx);
    const input = parse(superviseeUpdateSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await repo.findSupervisee(tx, staff, caseId, { forUpdate: true });
      if (!found) throw AppError.notFound('社区矫正对象');
      if (found.s.version !== input.version) throw staleSupervisee();
      const periodStart = input.periodStart ?? found.s.periodStart;
      const periodEnd = input.periodEnd ?? found.s.periodEnd;
      if (periodEnd <= periodStart) throw fieldError('periodEnd', '矫正期届满日应晚于起始日');
      const flags =
        input.flags !== undefined
          ? effectiveFlags(input.flags, found.person.birthDate, found.s.createdAt.toISOString().slice(0, 10))
          : found.s.flags;
      if (flags.includes('minor')) this.#requireMinors(staff);
      if (input.photoFileId && input.photoFileId !== found.s.photoFileId) {
        await this.#attachPhoto(tx, ctx, caseId, input.photoFileId);
      }
      const phone = input.phone !== undefined ? await this.#phoneColumns(tx, input.phone, caseId) : {};
      const patch = {
        ...(input.offence !== undefined ? { offence: input.offence } : {}),
        ...(input.courtName !== undefined ? { courtName: input.courtName } : {}),
        ...(input.judgmentNo !== undefined ? { judgmentNo: input.judgmentNo } : {}),
        ...(input.prohibitionOrders !== undefined ? { prohibitionOrders: input.prohibitionOrders } : {}),
        ...(input.photoFileId !== undefined ? { photoFileId: input.photoFileId } : {}),
        ...phone,
        periodStart,
        periodEnd,
        flags,
        updatedAt: this.#d.clock.now(),
      };
      const updated = await repo.updateSupervisee(tx, caseId, input.version, patch);
      if (!updated) throw staleSupervisee();
      const audited = Object.keys(patch).filter((k) => k !== 'phoneEnc' && k !== 'phoneIndex');
      await this.#d.audit(tx, ctx, {
        action: 'corrections.supervisee.update',
        entityType: 'case',
        entityId: caseId,
        // The phone (even encrypted) stays out of the audit log: only that it changed.
        before: pick(found.s, audited),
        after: { ...pick(updated, audited), ...(input.phone !== undefined ? { phone: '已更新' } : {}) },
      });
      const again = await repo.findSupervisee(tx, staff, caseId);
      if (!again) throw AppError.notFound('社区矫正对象');
      return this.view(tx, again);
    });
  }

  /** The full record (team, plan, announcement, searches) as the detail page shows it. */
  async view(executor: Executor, r: repo.SuperviseeRecord): Promise<SuperviseeView> {
    const caseId = r.record.id;
    const [clocks, team, plan, announcement, searches, classifications] = await Promise.all([
      this.#d.deadlines.listForCase(executor, CORRECTIONS_SUPERVISEE, caseId),
      intakeRepo.teamOf(executor, caseId),
      intakeRepo.planOf(executor, caseId),
      intakeRepo.announcementOf(executor, caseId),
      intakeRepo.lostContactsOf(executor, [caseId]),
      repo.classificationsOf(executor, caseId),
    ]);
    const lostContacts = (searches.get(caseId) ?? []).map(({ row, steps }) => ({
      id: row.id,
      caseId,
      trigger: row.trigger,
      status: row.status,
      openedOn: row.openedOn,
      note: row.note,
      closedOn: row.closedOn,
      outcome: row.outcome,
      outcomeNote: row.outcomeNote,
      version: row.version,
      steps: steps.map((s) => ({
        id: s.id,
        at: s.at.toISOString(),
        method: s.method,
        action: s.action,
        result: s.result,
        recordedBy: s.recordedBy,
      })),
    }));
    const item = this.#listItem(r, {
      clock: liveReportIn(clocks),
      lostContact: lostContacts.some((l) => l.status === 'searching'),
    });
    const idNumber = r.person.idNumberEnc ? this.#d.cipher.decrypt(r.person.idNumberEnc) : null;
    return {
      ...item,
      // On the record itself (seen only by those allowed): the name in full, the number masked as usual.
      name: r.person.name,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
      version: r.s.version,
      caseVersion: r.record.version,
      personId: r.person.id,
      birthDate: r.person.birthDate,
      offence: r.s.offence,
      courtName: r.s.courtName,
      judgmentNo: r.s.judgmentNo,
      judgmentEffectiveOn: r.s.judgmentEffectiveOn,
      noticeNo: r.s.noticeNo,
      noticeReceivedOn: r.s.noticeReceivedOn,
      prohibitionOrders: r.s.prohibitionOrders,
      photoFileId: r.s.photoFileId,
      phoneMasked: r.s.phoneEnc ? maskPhone(this.#d.cipher.decrypt(r.s.phoneEnc)) : null,
      reportedInOn: r.s.reportedInOn,
      levelReasons: r.s.levelReasons,
      levelFactors: r.s.levelFactors,
      levelSetOn: r.s.levelSetOn,
      classifications: classifications.map((c) => ({
        level: c.level,
        factors: c.factors,
        reasons: c.reasons,
        decidedOn: c.decidedOn,
        decidedBy: c.decidedBy,
      })),
      team: team.map((m) => ({
        name: m.name,
        role: m.role,
        gender: m.gender,
        affiliation: m.affiliation,
        staffUserId: m.staffUserId,
        leader: m.leader,
      })),
      plan: plan
        ? {
            content: plan.content,
            educationHoursMonthly: plan.educationHoursMonthly,
            publicServiceHoursMonthly: plan.publicServiceHoursMonthly,
            setOn: plan.setOn,
          }
        : null,
      announcement: announcement
        ? {
            announcedOn: announcement.announcedOn,
            place: announcement.place,
            host: announcement.host,
            attendees: announcement.attendees,
            note: announcement.note,
          }
        : null,
      lostContacts,
      createdAt: r.record.createdAt.toISOString(),
    };
  }

  #listItem(
    r: repo.SuperviseeRecord,
    extra: { clock: CorrectionsClock | null; lostContact: boolean },
  ): SuperviseeListItem {
    const minor = r.s.flags.includes('minor');
    const idNumber = r.person.idNumberEnc ? this.#d.cipher.decrypt(r.person.idNumberEnc) : null;
    const type = this.#d.workflow.types.get(CORRECTIONS_SUPERVISEE);
    return {
      caseId: r.record.id,
      caseNo: r.record.caseNo,
      status: r.record.status,
      statusLabel: stateLabel(type, r.record.status),
      name: listName(r.person.name, minor),
      idNumberMasked: listIdNumber(idNumber, minor),
      gender: r.person.gender,
      sentenceKind: r.s.sentenceKind,
      supervisionLevel: r.s.supervisionLevel,
      flags: r.s.flags,
      office: { id: r.record.competentUnitId, name: r.officeName },
      periodStart: r.s.periodStart,
      periodEnd: r.s.periodEnd,
      daysRemaining: daysRemaining(r.s.periodEnd, this.#d.clock.today()),
      reportIn: extra.clock,
      lostContact: extra.lostContact,
    };
  }

  /**
   * The encrypted phone and its blind index. One phone signs in to one running term: a phone already
   * recorded for another supervisee whose term runs is refused (the portal would not know whose it is).
   */
  async #phoneColumns(
    tx: Transaction,
    phone: string,
    ownCaseId: string | null,
  ): Promise<{ phoneEnc: string; phoneIndex: string }> {
    const phoneIndex = this.#d.cipher.blindIndex(phone, 'phone');
    const other = await repo.runningTermByPhone(tx, phoneIndex);
    if (other && other.caseId !== ownCaseId) {
      throw fieldError('phone', '该手机号码已登记为另一名在矫社区矫正对象的手机号码，请核实');
    }
    return { phoneEnc: this.#d.cipher.encrypt(normalizePhone(phone)), phoneIndex };
  }

  #requireMinors(staff: Principal): void {
    if (!staff.permissions.has(p.corrections.readMinors)) {
      throw AppError.forbidden('登记、办理未成年社区矫正对象需要“未成年人社区矫正专门人员”的权限');
    }
  }

  async #attachPhoto(tx: Transaction, ctx: RequestContext, caseId: string, fileId: string): Promise<void> {
    const staff = requireStaff(ctx);
    const attached = await this.#d.files.attachToCase(tx, ctx, {
      caseId,
      owner: { kind: 'staff', id: staff.id },
      fileIds: [fileId],
    });
    const photo = attached[0];
    if (!photo) throw fieldError('photoFileId', '照片找不到或已用于其他记录，请重新上传');
    if (!PHOTO_TYPES.has(photo.mime)) throw fieldError('photoFileId', '照片应为 JPEG 或 PNG 图片');
  }
}

/** The report-in clock of a case (the newest), if it has one. */
function liveReportIn(clocks: readonly DeadlineView[]): CorrectionsClock | null {
  const own = clocks.filter((c) => c.ruleCode === REPORT_IN_RULE).at(-1);
  return own ? clockView(own) : null;
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k !== 'updatedAt') out[k] = (row as Record<string, unknown>)[k];
  return out;
}
