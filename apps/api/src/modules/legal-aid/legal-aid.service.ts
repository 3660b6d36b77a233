import {
  birthDateOfIdNumber,
  derivedPersonTags,
  isValidIdNumber,
  type LegalAidApplication,
  type LegalAidApplicationInput,
  type LegalAidDraft,
  type LegalAidDraftData,
  type LegalAidProgressStep,
  type LegalAidSubmitResult,
  legalAidApplicationInputSchema,
  legalAidCaseOutcomeLabels,
  legalAidDisputeKindLabels,
  legalAidObjectSchema,
  legalAidRefusalReasonLabels,
  legalAidSupplyCorrectionSchema,
  legalAidTerminationReasonLabels,
  type MyLegalAidApplication,
  type PermissionCode,
  type PersonTag,
  personTags,
} from '@zhucheng/contracts';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import type { Principal, RequestContext } from '../../platform/access/principal.ts';
import { requireStaff } from '../../platform/access/principal.ts';
import type { CaseHistoryRow } from '../../platform/cases/cases.schema.ts';
import { type Clock, calendarDay } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { FilesService } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import { insertCaseParty } from '../../platform/persons/persons.repo.ts';
import type { PersonsService } from '../../platform/persons/persons.service.ts';
import { stateLabel, stateTone } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import { type ApplicantCasework, caseworkForApplicant } from './lawyer-case.repo.ts';
import { LEGAL_AID_APPLICATION } from './legal-aid.case-type.ts';
import * as repo from './legal-aid.repo.ts';
import { correctionDueOn, maskIdNumber, meansTest, standardFor } from './legal-aid.rules.ts';
import type { LegalAidApplicationRow, LegalAidDraftRow } from './legal-aid.schema.ts';

export interface LegalAidServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  persons: PersonsService;
  files: FilesService;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  /** [0, 1) for the pledge sample; Math.random unless a test fixes it. */
  random?: () => number;
}

type ParsedInput = z.output<typeof legalAidApplicationInputSchema>;

/** The portal page of one application. */
export const progressPath = (caseId: string) => `/portal/legal-aid/applications/${caseId}`;

function parseApplication(raw: unknown): ParsedInput {
  const result = legalAidApplicationInputSchema.safeParse(raw);
  if (result.success) return result.data;
  throw AppError.badRequest(
    '申请信息不完整或有误',
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

function requireCitizen(ctx: RequestContext): Principal {
  if (ctx.principal?.kind === 'citizen') return ctx.principal;
  if (ctx.principal) throw AppError.forbidden('该功能仅限群众本人使用');
  throw AppError.unauthenticated();
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

// 法律援助申请: counter entry (全城通办) and the portal's drafts and submission, the application's detail
// with its means test, the citizen's progress, and the correction deadline's job.
export class LegalAidService {
  readonly #d: LegalAidServiceDeps;

  constructor(deps: LegalAidServiceDeps) {
    this.#d = deps;
  }

  // ---- counter ------------------------------------------------------------------------------------------

  /**
   * A staff member at any service point enters an application (全城通办): the receiving unit is the
   * clerk's, the competent unit the legal-aid centre of the matter's place.
   */
  async createAtCounter(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<LegalAidSubmitResult> {
    const staff = requireStaff(ctx);
    const input = parseApplication(raw);
    if (staff.unitId === null) throw AppError.forbidden('您的账号未归属任何单位，不能受理申请');
    return this.#open(tx, ctx, input, { channel: 'counter', receivingUnitId: staff.unitId });
  }

  /** 事项发生地 choices: the city and its counties (the bureau's name without 司法局). */
  async places(): Promise<{ id: number; name: string }[]> {
    const rows = await repo.placesWithCentre(this.#d.db);
    return rows.map((r) => ({ id: r.id, name: r.name.replace(/司法局$/, '') || r.name }));
  }

  // ---- portal drafts --------------------------------------------------------------------------------------

  async listDrafts(ctx: RequestContext): Promise<LegalAidDraft[]> {
    const citizen = requireCitizen(ctx);
    const rows = await repo.listDrafts(this.#d.db, citizen.id);
    return Promise.all(rows.map((r) => this.#draftView(this.#d.db, r)));
  }

  async getDraft(ctx: RequestContext, id: string): Promise<LegalAidDraft> {
    const citizen = requireCitizen(ctx);
    const row = await repo.findDraft(this.#d.db, citizen.id, id);
    if (!row) throw AppError.notFound('申请草稿');
    return this.#draftView(this.#d.db, row);
  }

  async createDraft(ctx: RequestContext, data: LegalAidDraftData): Promise<LegalAidDraft> {
    const citizen = requireCitizen(ctx);
    const now = this.#d.clock.now();
    const row = await repo.insertDraft(this.#d.db, {
      id: crypto.randomUUID(),
      citizenAccountId: citizen.id,
      data,
      version: 1,
      caseId: null,
      createdAt: now,
      updatedAt: now,
    });
    return this.#draftView(this.#d.db, row);
  }

  /** Saves over the version the citizen loaded; a stale version (another tab saved) → 409. */
  async saveDraft(ctx: RequestContext, id: string, data: LegalAidDraftData, version: number) {
    const citizen = requireCitizen(ctx);
    const row = await repo.findDraft(this.#d.db, citizen.id, id);
    if (!row) throw AppError.notFound('申请草稿');
    if (row.caseId) throw AppError.conflict('该申请已提交，不能再修改草稿');
    const updated = await repo.updateDraft(this.#d.db, id, version, {
      data,
      version: version + 1,
      updatedAt: this.#d.clock.now(),
    });
    if (!updated) throw AppError.conflict('草稿已在其他页面保存过，请刷新后再改');
    return this.#draftView(this.#d.db, updated);
  }

  /**
   * Submits a draft: checked in full, then one application per draft. A second submit of the same draft
   * (a double tap, a retry after a lost answer) answers the same application.
   */
  async submitDraft(ctx: RequestContext, id: string): Promise<LegalAidSubmitResult> {
    const citizen = requireCitizen(ctx);
    return this.#d.db.transaction(async (tx) => {
      const draft = await repo.findDraft(tx, citizen.id, id, { forUpdate: true });
      if (!draft) throw AppError.notFound('申请草稿');
      if (draft.caseId) {
        return {
          caseId: draft.caseId,
          caseNo: await repo.caseNoOf(tx, draft.caseId),
          portalPath: progressPath(draft.caseId),
        };
      }
      const input = parseApplication(draft.data);
      const place = await this.#competentCentre(tx, input.matter.placeUnitId);
      const result = await this.#open(tx, ctx, input, {
        channel: 'portal',
        receivingUnitId: place.centre.id,
        draftId: draft.id,
        citizenAccountId: citizen.id,
      });
      await repo.updateDraft(tx, draft.id, draft.version, {
        caseId: result.caseId,
        version: draft.version + 1,
        updatedAt: this.#d.clock.now(),
      });
      return result;
    });
  }

  // ---- views --------------------------------------------------------------------------------------------

  /** The console's application page: matter, hardship and the means test's explanation. 404 out of scope. */
  async detail(ctx: RequestContext, caseId: string): Promise<LegalAidApplication> {
    requireStaff(ctx);
    const record = await this.#d.workflow.get(ctx, caseId);
    const app = await repo.findApplication(this.#d.db, caseId);
    if (!app || record.caseType !== LEGAL_AID_APPLICATION) throw AppError.notFound('法律援助申请');
    const history = await repo.historyOf(this.#d.db, [caseId]);
    const names = await repo.unitNames(this.#d.db, [
      record.competentUnitId,
      record.receivingUnitId,
      app.placeUnitId,
    ]);
    const facts = await this.#historyFacts(history);
    const type = this.#d.workflow.types.get(LEGAL_AID_APPLICATION);
    const m = app.matter;
    const h = app.hardship;
    return {
      caseId,
      caseNo: record.caseNo,
      status: record.status,
      statusLabel: stateLabel(type, record.status),
      channel: app.channel,
      applicant: {
        personId: app.applicantPersonId ?? '',
        name: app.applicantName,
        idNumberMasked: app.applicantIdMasked,
        phone: null,
        tags: app.applicantTags,
      },
      matter: {
        matterType: m.matterType,
        disputeKind: m.disputeKind,
        opposingParty: m.opposingParty ?? null,
        place: { id: app.placeUnitId, name: names.get(app.placeUnitId) ?? '' },
        facts: m.facts,
        request: m.request,
        amountClaimed: m.amountClaimed ?? null,
      },
      hardship: {
        exemption: h.exemption ?? null,
        proof: h.proof ?? null,
        householdSize: h.householdSize ?? null,
        householdMonthlyIncome: h.householdMonthlyIncome ?? null,
        householdAssets: h.householdAssets ?? null,
      },
      meansTest: app.meansTest,
      urgent: app.urgent,
      urgentReason: app.urgentReason,
      competentUnit: { id: record.competentUnitId, name: names.get(record.competentUnitId) ?? '' },
      receivingUnit: { id: record.receivingUnitId, name: names.get(record.receivingUnitId) ?? '' },
      receivedAt: app.createdAt.toISOString(),
      correctionItems: facts.correctionItems,
      correctionDueOn: facts.correctionDueOn,
      decidedAt: facts.decidedAt,
      refusalReason: facts.refusalReason,
      terminationReason: facts.terminationReason,
    };
  }

  /** The citizen's own applications with their progress, newest first. */
  async myApplications(ctx: RequestContext): Promise<MyLegalAidApplication[]> {
    const citizen = requireCitizen(ctx);
    const rows = await repo.listCitizenApplications(this.#d.db, citizen.id);
    const history = await repo.historyOf(
      this.#d.db,
      rows.map((r) => r.record.id),
    );
    const names = await repo.unitNames(
      this.#d.db,
      rows.map((r) => r.record.competentUnitId),
    );
    const type = this.#d.workflow.types.get(LEGAL_AID_APPLICATION);
    const casework = await caseworkForApplicant(
      this.#d.db,
      rows.map((r) => r.record.id),
    );
    const out: MyLegalAidApplication[] = [];
    for (const { app, record } of rows) {
      const own = history.filter((h) => h.caseId === record.id);
      const facts = await this.#historyFacts(own);
      out.push({
        caseId: record.id,
        caseNo: record.caseNo,
        statusLabel: stateLabel(type, record.status),
        tone: stateTone(type, record.status),
        matterSummary: `${legalAidDisputeKindLabels[app.matter.disputeKind]}${
          app.matter.opposingParty ? `（对方：${app.matter.opposingParty}）` : ''
        }`,
        competentUnitName: names.get(record.competentUnitId) ?? '',
        submittedAt: app.createdAt.toISOString(),
        steps: progressSteps(record.status, own, facts, casework.get(record.id)),
        actionNeeded:
          record.status === 'awaitingCorrection'
            ? `请在 ${facts.correctionDueOn ?? ''} 前补充材料：${facts.correctionItems.join('、')}`
            : null,
        correctionItems: facts.correctionItems,
        correctionDueOn: facts.correctionDueOn,
      });
    }
    return out;
  }

  async myApplication(ctx: RequestContext, caseId: string): Promise<MyLegalAidApplication> {
    const found = (await this.myApplications(ctx)).find((a) => a.caseId === caseId);
    if (!found) throw AppError.notFound('法律援助申请');
    return found;
  }

  // ---- the applicant's own steps ----------------------------------------------------------------------------

  /**
   * The applicant supplies the missing items from the portal: the files join the case and the decision
   * clock resumes (第四十三条). The citizen acts on their own case (a participant) for this one step.
   */
  async supplyCorrection(ctx: RequestContext, caseId: string, raw: unknown): Promise<MyLegalAidApplication> {
    const citizen = requireCitizen(ctx);
    const parsed = legalAidSupplyCorrectionSchema.safeParse(raw ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    const current = await this.myApplication(ctx, caseId);
    const record = await this.#d.workflow.get(ctx, caseId);
    if (record.status !== 'awaitingCorrection')
      throw AppError.conflict(`本申请当前为“${current.statusLabel}”，无需补充材料`);
    await this.#d.db.transaction(async (tx) => {
      if (parsed.data.fileIds.length > 0) {
        const owner = { kind: 'citizen' as const, id: citizen.id };
        const attached = await this.#d.files.attachToCase(tx, ctx, {
          caseId,
          owner,
          fileIds: parsed.data.fileIds,
        });
        if (attached.length !== new Set(parsed.data.fileIds).size) {
          throw AppError.badRequest('补充材料有误', [
            { path: 'fileIds', message: '有的材料找不到或已用于其他申请，请重新上传' },
          ]);
        }
      }
      // The files and the resumed clock commit together.
      await this.#d.workflow.transition(
        asApplicant(ctx, 'legalAid:review'),
        {
          caseId,
          transition: 'supplyCorrection',
          version: record.version,
          input: { note: parsed.data.note },
          comment: '申请人在网上补充材料',
        },
        { tx },
      );
    });
    return this.myApplication(ctx, caseId);
  }

  /** The applicant objects to a refusal (第四十九条): the bureau's 5-day clock starts. */
  async object(ctx: RequestContext, caseId: string, raw: unknown): Promise<MyLegalAidApplication> {
    requireCitizen(ctx);
    const parsed = legalAidObjectSchema.safeParse(raw ?? {});
    if (!parsed.success) throw invalid(parsed.error);
    const current = await this.myApplication(ctx, caseId);
    const record = await this.#d.workflow.get(ctx, caseId);
    if (record.status !== 'refused')
      throw AppError.conflict(`本申请当前为“${current.statusLabel}”，不能提出异议`);
    await this.#d.workflow.transition(asApplicant(ctx, 'legalAid:intake'), {
      caseId,
      transition: 'object',
      version: record.version,
      input: parsed.data,
      comment: '申请人在网上提出异议',
    });
    return this.myApplication(ctx, caseId);
  }

  // ---- the correction deadline -----------------------------------------------------------------------------

  /**
   * Applications whose correction time ran out are treated as withdrawn (第四十三条). Run daily; the
   * time allowed is the module setting `correctionDays`, counted in calendar days from the notice.
   */
  async withdrawOverdueCorrections(): Promise<number> {
    const settings = await repo.readApplicationSettings(this.#d.db);
    const today = this.#d.clock.today();
    const waiting = await repo.casesAwaitingCorrection(this.#d.db);
    let moved = 0;
    for (const c of waiting) {
      const due = correctionDueOn(calendarDay(c.at, this.#d.clock.timeZone), settings.correctionDays);
      if (today <= due) continue;
      await this.#d.workflow.transition(systemActor(), {
        caseId: c.id,
        transition: 'withdraw',
        version: c.version,
        input: { reason: `未在 ${due} 前补充材料，依照《法律援助法》第四十三条视为撤回申请` },
      });
      moved++;
    }
    return moved;
  }

  // ---- inside ------------------------------------------------------------------------------------------------

  async #competentCentre(tx: Executor, placeUnitId: number) {
    const place = await repo.findUnitById(tx, placeUnitId);
    const isPlace = place?.kind === 'countyBureau' || place?.kind === 'cityBureau';
    if (!place || !isPlace || place.status !== 'active') {
      throw AppError.badRequest('申请信息不完整或有误', [
        { path: 'matter.placeUnitId', message: '事项发生地应选择一个县（区）或本市' },
      ]);
    }
    const centre = await repo.findCentreUnder(tx, place.id);
    if (!centre) {
      throw AppError.badRequest('申请信息不完整或有误', [
        { path: 'matter.placeUnitId', message: `${place.name}尚未设立法律援助中心，请选择其他地区` },
      ]);
    }
    return { place, centre };
  }

  async #open(
    tx: Transaction,
    ctx: RequestContext,
    input: ParsedInput,
    how: {
      channel: 'counter' | 'portal';
      receivingUnitId: number;
      draftId?: string;
      citizenAccountId?: string;
    },
  ): Promise<LegalAidSubmitResult> {
    const { clock, workflow, persons, files, audit } = this.#d;
    const { place, centre } = await this.#competentCentre(tx, input.matter.placeUnitId);
    const today = clock.today();
    const applicant = input.applicant;
    const idNumber = applicant.idNumber ?? null;
    const birthDate =
      applicant.birthDate ??
      (applicant.idType === 'residentIdCard' && idNumber && isValidIdNumber(idNumber, { today })
        ? birthDateOfIdNumber(idNumber)
        : null);
    const tags = [
      ...new Set<PersonTag>([...(applicant.tags ?? []), ...derivedPersonTags(birthDate ?? null, today)]),
    ].filter((t) => (personTags as readonly string[]).includes(t));
    const [settings, standards] = await Promise.all([
      repo.readApplicationSettings(tx),
      repo.readHardshipStandards(tx),
    ]);
    const result = meansTest({
      matterType: input.matter.matterType,
      disputeKind: input.matter.disputeKind,
      exemption: input.hardship.exemption,
      proof: input.hardship.proof,
      householdSize: input.hardship.householdSize,
      householdMonthlyIncome: input.hardship.householdMonthlyIncome,
      householdAssets: input.hardship.householdAssets,
      tags,
      standard: standardFor(standards, place.divisionCode),
      random: this.#d.random ?? Math.random,
      pledgeSampleRate: settings.pledgeSampleRate,
    });
    const record = await workflow.create(
      ctx,
      {
        type: LEGAL_AID_APPLICATION,
        competentUnitId: centre.id,
        receivingUnitId: how.receivingUnitId,
        title: `${applicant.name}申请法律援助（${legalAidDisputeKindLabels[input.matter.disputeKind]}）`,
        participants: how.citizenAccountId
          ? [{ accountKind: 'citizen', accountId: how.citizenAccountId, role: 'applicant' }]
          : [],
        comment: how.channel === 'portal' ? '网上申请' : '窗口申请',
      },
      tx,
    );
    let personId: string | null = null;
    if (ctx.principal?.kind === 'citizen') {
      // The citizen's real-name record: the centre and the lawyer reach the same person as at a counter.
      const person = await persons.recordOwnApplicant(
        ctx,
        record.id,
        applicant as LegalAidApplicationInput['applicant'],
        tx,
      );
      personId = person.id;
    } else if (ctx.principal?.kind === 'staff') {
      // The applicant as a party of the case; the same ID number finds the same person.
      const { person } = await persons.findOrCreatePerson(
        ctx,
        applicant as LegalAidApplicationInput['applicant'],
        tx,
      );
      personId = person.id;
      // PersonsService.addParty reads its answer outside the given transaction (a deadlock on PGlite, a
      // missing row on PostgreSQL), so the applicant is linked here with the same audit entry.
      const party = await insertCaseParty(tx, {
        caseId: record.id,
        partyKind: 'person',
        personId,
        organisationId: null,
        role: 'applicant',
        sortOrder: 0,
        addedBy: ctx.principal.id,
        addedAt: record.createdAt,
      });
      await audit(tx, ctx, {
        action: 'party.add',
        entityType: 'case',
        entityId: record.id,
        after: { partyId: party?.id, kind: 'person', role: 'applicant', personId, organisationId: null },
      });
    }
    await repo.insertApplication(tx, {
      caseId: record.id,
      channel: how.channel,
      citizenAccountId: how.citizenAccountId ?? null,
      applicantPersonId: personId,
      applicantName: applicant.name,
      applicantIdMasked: maskIdNumber(idNumber),
      applicantTags: tags,
      placeUnitId: place.id,
      matter: input.matter,
      hardship: input.hardship,
      meansTest: result,
      urgent: input.urgent,
      urgentReason: input.urgentReason ?? null,
      draftId: how.draftId ?? null,
      createdAt: record.createdAt,
    });
    if (input.fileIds.length > 0 && ctx.principal) {
      const owner = { kind: ctx.principal.kind, id: ctx.principal.id };
      const attached = await files.attachToCase(tx, ctx, {
        caseId: record.id,
        owner,
        fileIds: input.fileIds,
      });
      if (attached.length !== new Set(input.fileIds).size) {
        throw AppError.badRequest('申请信息不完整或有误', [
          { path: 'fileIds', message: '有的材料找不到或已用于其他申请，请重新上传' },
        ]);
      }
    }
    await audit(tx, ctx, {
      action: 'legalAid.apply',
      entityType: 'case',
      entityId: record.id,
      after: {
        caseNo: record.caseNo,
        channel: how.channel,
        competentUnitId: centre.id,
        receivingUnitId: how.receivingUnitId,
        basis: result.basis,
        eligible: result.eligible,
        needsVerification: result.needsVerification,
      },
    });
    if (how.citizenAccountId) {
      await this.#d.outbox.enqueue(tx, {
        channel: 'inApp',
        recipient: `citizen:${how.citizenAccountId}`,
        template: 'legalAid.received',
        body: `您的法律援助申请已提交（编号 ${record.caseNo ?? ''}），${centre.name}将在 7 日内作出决定。`,
        payload: { caseId: record.id, portalPath: progressPath(record.id) },
        dedupeKey: `legalAid.received:${record.id}`,
      });
    }
    return { caseId: record.id, caseNo: record.caseNo, portalPath: progressPath(record.id) };
  }

  async #draftView(executor: Executor, row: LegalAidDraftRow): Promise<LegalAidDraft> {
    return {
      id: row.id,
      data: row.data,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      caseId: row.caseId,
      caseNo: row.caseId ? await repo.caseNoOf(executor, row.caseId) : null,
    };
  }

  async #historyFacts(history: readonly CaseHistoryRow[]): Promise<HistoryFacts> {
    const settings = await repo.readApplicationSettings(this.#d.db);
    return historyFacts(history, settings.correctionDays, (d) => calendarDay(d, this.#d.clock.timeZone));
  }
}

// ---- what the history says -----------------------------------------------------------------------------------

export interface HistoryFacts {
  correctionItems: string[];
  correctionDueOn: string | null;
  decidedAt: string | null;
  refusalReason: string | null;
  terminationReason: string | null;
}

function dataOf(row: CaseHistoryRow): Record<string, unknown> {
  return (row.data ?? {}) as Record<string, unknown>;
}

export function historyFacts(
  history: readonly CaseHistoryRow[],
  correctionDays: number,
  dayOf: (d: Date) => string,
): HistoryFacts {
  const last = (name: string) => [...history].reverse().find((h) => h.transition === name);
  const correction = last('requestCorrection');
  const decision = [...history]
    .reverse()
    .find((h) => h.transition === 'grant' || h.transition === 'grantUrgently' || h.transition === 'refuse');
  const refusal = last('refuse');
  const termination = last('terminate');
  const refusalData = refusal ? dataOf(refusal) : null;
  const terminationData = termination ? dataOf(termination) : null;
  return {
    correctionItems: correction ? ((dataOf(correction).items as string[] | undefined) ?? []) : [],
    correctionDueOn: correction ? correctionDueOn(dayOf(correction.at), correctionDays) : null,
    decidedAt: iso(decision?.at),
    refusalReason: refusalData
      ? `${legalAidRefusalReasonLabels[refusalData.reasonCode as keyof typeof legalAidRefusalReasonLabels] ?? ''}：${String(refusalData.reasons ?? '')}`
      : null,
    terminationReason: terminationData
      ? `${legalAidTerminationReasonLabels[terminationData.reasonCode as keyof typeof legalAidTerminationReasonLabels] ?? ''}：${String(terminationData.explanation ?? '')}`
      : null,
  };
}

/** The citizen's progress: submitted, (correction), decision, (objection), lawyer assigned, handling, closed. */
export function progressSteps(
  status: string,
  history: readonly CaseHistoryRow[],
  facts: HistoryFacts,
  casework?: ApplicantCasework,
): LegalAidProgressStep[] {
  const find = (...names: string[]) => history.find((h) => names.includes(h.transition));
  const created = find('create');
  const steps: LegalAidProgressStep[] = [
    { key: 'submitted', label: '提交申请', status: 'done', at: iso(created?.at), note: '申请已收到' },
  ];
  const corr = find('requestCorrection');
  if (corr) {
    const supplied = find('supplyCorrection');
    const withdrawn = find('withdraw');
    steps.push({
      key: 'correction',
      label: '补充材料',
      status: status === 'awaitingCorrection' ? 'current' : 'done',
      at: iso((supplied ?? withdrawn ?? corr).at),
      note: withdrawn
        ? '未在期限内补充材料，申请视为撤回'
        : supplied
          ? '材料已补齐'
          : `请在 ${facts.correctionDueOn ?? ''} 前补充：${facts.correctionItems.join('、')}`,
    });
  }
  const decided = find('grant', 'grantUrgently', 'refuse');
  const withdrawn = find('withdraw');
  steps.push({
    key: 'decision',
    label: '审查决定',
    status: decided ? 'done' : withdrawn ? 'done' : status === 'awaitingCorrection' ? 'pending' : 'current',
    at: iso(decided?.at ?? withdrawn?.at),
    note: decided
      ? decided.transition !== 'refuse'
        ? decided.transition === 'grantUrgently'
          ? '情况紧急，先行给予法律援助；请尽快补齐申请材料'
          : '决定给予法律援助'
        : `决定不予法律援助。${facts.refusalReason ?? ''}`
      : withdrawn
        ? '申请视为撤回'
        : status === 'awaitingCorrection'
          ? null
          : '法律援助机构正在审查，将在 7 日内作出决定',
  });
  const objection = find('object');
  if (objection) {
    const outcome = find('upholdObjection', 'dismissObjection');
    steps.push({
      key: 'objection',
      label: '异议审查',
      status: outcome ? 'done' : 'current',
      at: iso(outcome?.at ?? objection.at),
      note: outcome
        ? outcome.transition === 'upholdObjection'
          ? '异议成立，给予法律援助'
          : '异议不成立，维持不予法律援助的决定'
        : '司法行政机关将在 5 日内作出处理',
    });
  }
  const granted = status === 'granted' || find('grant', 'grantUrgently', 'upholdObjection');
  if (granted) {
    const lawyer = casework?.lawyer ?? null;
    const terminated = status === 'terminated' ? `法律援助已终止。${facts.terminationReason ?? ''}` : null;
    const assignedAt = [...history]
      .reverse()
      .find((h) => h.transition === 'assign' || h.transition === 'changeLawyer');
    // The lawyer's name and firm only: their phones are not the applicant's to see here (the lawyer calls).
    steps.push({
      key: 'assignment',
      label: '指派律师',
      status: status === 'granted' ? 'current' : 'done',
      at: lawyer ? iso(lawyer.assignedAt) : iso(assignedAt?.at),
      note: lawyer
        ? `已指派${lawyer.lawFirm}${lawyer.name}律师承办`
        : (terminated ?? (status === 'granted' ? '将在 3 日内指派律师' : null)),
    });
    if (lawyer || status === 'assigned' || status === 'inProgress' || status === 'closed') {
      const accepted = !!lawyer?.acceptedAt || status === 'inProgress' || status === 'closed';
      steps.push({
        key: 'handling',
        label: '律师承办',
        status: status === 'assigned' || status === 'inProgress' ? 'current' : 'done',
        at: iso(lawyer?.acceptedAt ?? null),
        note: accepted
          ? status === 'inProgress'
            ? `${lawyer?.name ?? '承办'}律师已接受指派，正在办理，会与您联系`
            : `${lawyer?.name ?? '承办'}律师已接受指派`
          : '等待律师接受指派',
      });
      if (status !== 'terminated') {
        const closing = casework?.closing ?? null;
        steps.push({
          key: 'closed',
          label: '办结',
          status: closing ? 'done' : 'pending',
          at: iso(closing?.closedAt ?? null),
          note: closing ? `案件已办结：${legalAidCaseOutcomeLabels[closing.outcome]}` : null,
        });
      }
      if (terminated && lawyer)
        steps.push({ key: 'terminated', label: '终止援助', status: 'done', at: null, note: terminated });
    }
  }
  return steps;
}

function invalid(error: z.ZodError): AppError {
  return AppError.badRequest(
    '填写的信息不完整或有误',
    error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

/** The applicant, allowed one transition of their own case (the workflow finds it through the participant). */
function asApplicant(ctx: RequestContext, permission: PermissionCode): RequestContext {
  const principal = requireCitizen(ctx);
  return { ...ctx, principal: { ...principal, permissions: new Set([permission]) } };
}

/** The platform acting on its own (the daily correction check): audited as 系统. */
export function systemActor(): RequestContext {
  return {
    principal: {
      kind: 'staff',
      id: 'system',
      username: 'system',
      displayName: '系统',
      unitId: null,
      permissions: new Set(['legalAid:review']),
      scope: { all: true, unitIds: new Set(), self: false },
      duty: null,
      sessionId: 'system',
    },
    ip: '127.0.0.1',
    requestId: 'system:legalAid.withdrawOverdueCorrections',
  };
}

export type { LegalAidApplicationRow };
