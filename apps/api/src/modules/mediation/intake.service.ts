import crypto from 'node:crypto';
import {
  type DisputeFacts,
  type DisputeRef,
  type DisputeTown,
  type DuplicateCheckResult,
  disputeKindLabels,
  duplicateCheckInputSchema,
  type MediationApplicationResult,
  type MyMediationApplication,
  mediationApplicationInputSchema,
  type OrganisationInput,
  type PersonInput,
  permissions as p,
  type RegisterDisputeInput,
  type RegisterDisputeParsed,
  type RegisterDisputeResult,
  registerDisputeInputSchema,
} from '@zhucheng/contracts';
import type { z } from 'zod';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { FilesService } from '../../platform/files/files.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { NotificationOutbox } from '../../platform/notifications/outbox.ts';
import { insertCaseParty, listCaseParties, nextPartySortOrder } from '../../platform/persons/persons.repo.ts';
import type { PersonsService } from '../../platform/persons/persons.service.ts';
import { stateLabel, stateTone } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import * as dispatchRepo from './dispatch.repo.ts';
import {
  type CommitteeCandidate,
  dispatchDispute,
  fingerprintText,
  type PartyIdentity,
} from './dispatch.rules.ts';
import { noticeToUnit } from './dispatch.service.ts';
import { MEDIATION_DISPUTE } from './dispute.case-type.ts';
import type { MediationDisputeRow } from './dispute.schema.ts';
import * as repo from './intake.repo.ts';
import { progressSteps } from './intake.rules.ts';
import { findSweep } from './sweep.repo.ts';

export interface IntakeServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  persons: PersonsService;
  files: FilesService;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
}

/** What `register` answers to the other parts (demo, sweeps, import). */
export interface RegisteredDispute {
  caseId: string;
  caseNo: string | null;
  committeeUnitId: number;
  duplicateOf: string | null;
}

/** Intake's own extras, beyond the shared entry point. */
interface RegisterExtras {
  /** The citizen's uploaded photos and papers (portal). */
  fileIds?: readonly string[];
  /** false: no notices (a ledger of past disputes). Default true. */
  notify?: boolean;
}

/** The citizen's progress page in the portal (the case type's notices open it too). */
export const progressPath = (caseId: string) => `/portal/mediation/disputes/${caseId}`;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

function invalid(message: string, error: z.ZodError): AppError {
  return AppError.badRequest(
    message,
    error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}

function requireCitizen(ctx: RequestContext): Principal {
  if (ctx.principal?.kind === 'citizen') return ctx.principal;
  if (ctx.principal) throw AppError.forbidden('该功能仅限群众本人使用');
  throw AppError.unauthenticated();
}

/**
 * The platform recording the other parties a citizen or a job names (PersonsService records persons for
 * staff): audited as 系统, with no scope of its own.
 */
function registrarContext(ctx: RequestContext): RequestContext {
  return {
    ...ctx,
    principal: {
      kind: 'staff',
      id: 'system',
      username: 'system',
      displayName: ctx.principal?.kind === 'citizen' ? '系统（群众网上申请）' : '系统',
      unitId: null,
      permissions: new Set(),
      scope: { all: false, unitIds: new Set(), self: false },
      duty: null,
      sessionId: 'system',
    },
  };
}

const hasDocument = (person: PersonInput) => Boolean(person.idType && person.idNumber);

// 纠纷登记: one entry for every door (portal, walk-in, referral, sweep, demo, ledger): the dispute case at
// its committee, the dispute row, the parties, the applicant's portal participation, duplicate flag, audit and
// the notices — in one transaction. Also the duplicate check, the facts for the case page, the citizen's
// application and progress.
export class IntakeService {
  readonly #d: IntakeServiceDeps;

  constructor(deps: IntakeServiceDeps) {
    this.#d = deps;
  }

  /**
   * Registers a dispute and dispatches it (or registers it straight at `committeeUnitId`). A dispute whose
   * fingerprint matches an open one is still registered, with `duplicateOf` set. Pass `tx` to run inside the
   * caller's transaction (demo, sweeps, import).
   */
  async register(
    ctx: RequestContext,
    input: RegisterDisputeInput,
    options: { tx?: Executor } & RegisterExtras = {},
  ): Promise<RegisteredDispute> {
    const parsed = registerDisputeInputSchema.safeParse(input);
    if (!parsed.success) throw invalid('纠纷信息不完整或有误', parsed.error);
    const run = (tx: Transaction) => this.#register(tx, ctx, parsed.data, options);
    // A caller's transaction is used as it is; the database itself opens one.
    return options.tx && options.tx !== this.#d.db
      ? run(options.tx as Transaction)
      : this.#d.db.transaction(run);
  }

  /** The console's registration: the answer names the committee, the reason and any duplicate. */
  async registerAtConsole(
    tx: Transaction,
    ctx: RequestContext,
    raw: unknown,
  ): Promise<RegisterDisputeResult> {
    requireStaff(ctx);
    const result = await this.register(ctx, raw as RegisterDisputeInput, { tx });
    return this.#resultView(tx, result);
  }

  /** 可能重复: open disputes of the same kind between the same parties, before registering. */
  async checkDuplicates(ctx: RequestContext, raw: unknown): Promise<DuplicateCheckResult> {
    requireStaff(ctx);
    const parsed = duplicateCheckInputSchema.safeParse(raw ?? {});
    if (!parsed.success) throw invalid('查重信息有误', parsed.error);
    const identities: PartyIdentity[] = [];
    for (const party of parsed.data.parties) {
      if (party.role !== 'applicant' && party.role !== 'respondent') continue;
      if (party.person) {
        const known =
          party.person.idType && party.person.idNumber
            ? await this.#d.persons.lookupPerson(ctx, party.person.idType, party.person.idNumber)
            : null;
        // A document nobody has registered yet is a new person: no open dispute can have them.
        if (hasDocument(party.person) && !known) return { duplicates: [] };
        identities.push({ personId: known?.id, identified: Boolean(known), name: party.person.name });
      } else if (party.organisation) {
        const known = party.organisation.creditCode
          ? await this.#d.persons.lookupOrganisation(ctx, party.organisation.creditCode)
          : null;
        if (party.organisation.creditCode && !known) return { duplicates: [] };
        identities.push({
          organisationId: known?.id,
          identified: Boolean(known),
          name: party.organisation.name,
        });
      }
    }
    if (identities.length < 2) return { duplicates: [] };
    const rows = await repo.openDisputesWithFingerprint(
      this.#d.db,
      sha256(fingerprintText(parsed.data.kind, identities)),
    );
    return { duplicates: rows.map((r) => this.#ref(r)) };
  }

  /** The mediation facts of the dispute page; 404 outside the caller's scope. */
  async facts(ctx: RequestContext, caseId: string): Promise<DisputeFacts> {
    const staff = requireStaff(ctx);
    const record = await this.#d.workflow.get(ctx, caseId);
    const dispute = await repo.findDispute(this.#d.db, caseId);
    if (record.caseType !== MEDIATION_DISPUTE || !dispute) throw AppError.notFound('纠纷');
    const names = await dispatchRepo.unitNames(this.#d.db, [
      record.competentUnitId,
      record.receivingUnitId,
      dispute.placeOfficeId ?? 0,
    ]);
    const duplicate = dispute.duplicateOf
      ? await repo.disputeRef(this.#d.db, dispute.duplicateOf)
      : undefined;
    const type = this.#d.workflow.types.get(MEDIATION_DISPUTE);
    // The place and the facts may name people: opening them is an audited read.
    await this.#d.db.transaction((tx) =>
      this.#d.audit(tx, ctx, { action: 'mediation.dispute.read', entityType: 'case', entityId: caseId }),
    );
    return {
      caseId,
      caseNo: record.caseNo,
      status: record.status,
      statusLabel: stateLabel(type, record.status),
      version: record.version,
      source: dispute.source,
      sourceRef: dispute.sourceRef,
      sweepId: dispute.sweepId,
      kind: dispute.kind,
      involvesEnterprise: dispute.involvesEnterprise,
      amountInvolvedYuan: dispute.amountInvolvedYuan,
      facts: dispute.facts,
      request: dispute.request,
      occurredOn: dispute.occurredOn,
      place: {
        townCode: dispute.townCode,
        townName: dispute.townCode ? (dispatchRepo.townName(dispute.townCode) ?? null) : null,
        village: dispute.village,
        address: dispute.address,
        latitude: dispute.latitude,
        longitude: dispute.longitude,
        officeName: dispute.placeOfficeId ? (names.get(dispute.placeOfficeId) ?? null) : null,
      },
      committee: { id: record.competentUnitId, name: names.get(record.competentUnitId) ?? '' },
      receivingUnit: { id: record.receivingUnitId, name: names.get(record.receivingUnitId) ?? '' },
      dispatchedAt: dispute.dispatchedAt?.toISOString() ?? null,
      dispatchReason: dispute.dispatchReason,
      duplicate: duplicate ? this.#ref(duplicate) : null,
      acceptedOn: dispute.acceptedOn,
      declineReason: dispute.declineReason,
      outcome: dispute.outcome,
      outcomeOn: dispute.outcomeOn,
      registeredAt: dispute.createdAt.toISOString(),
      canRedispatch: staff.permissions.has(p.mediation.dispatch) && record.status === 'received',
    };
  }

  /** The list page's extra columns for the cases it shows (only those in the caller's scope). */
  async summaries(ctx: RequestContext, caseIds: readonly string[]) {
    requireStaff(ctx);
    const out = [];
    for (const id of caseIds.slice(0, 100)) {
      const record = await this.#d.workflow.get(ctx, id).catch(() => null);
      if (!record || record.caseType !== MEDIATION_DISPUTE) continue;
      const d = await repo.findDispute(this.#d.db, id);
      if (!d) continue;
      out.push({
        caseId: id,
        kind: d.kind,
        source: d.source,
        involvesEnterprise: d.involvesEnterprise,
        amountInvolvedYuan: d.amountInvolvedYuan,
        duplicateOf: d.duplicateOf,
      });
    }
    return out;
  }

  /** The towns a dispute can be placed in (towns with a justice office). */
  async towns(): Promise<DisputeTown[]> {
    return dispatchRepo.listTowns(this.#d.db);
  }

  // ---- the portal -----------------------------------------------------------------------------------------

  /** The signed-in citizen applies: they are the applicant (real name), the other side is named by them. */
  async apply(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<MediationApplicationResult> {
    requireCitizen(ctx);
    const parsed = mediationApplicationInputSchema.safeParse(raw ?? {});
    if (!parsed.success) throw invalid('申请信息不完整或有误', parsed.error);
    const a = parsed.data;
    const r = a.respondent;
    const respondent =
      r.kind === 'person'
        ? {
            role: 'respondent' as const,
            person: {
              name: r.name,
              ...(r.idNumber ? { idType: 'residentIdCard' as const, idNumber: r.idNumber } : {}),
              ...(r.phone ? { phone: r.phone } : {}),
              ...(r.address ? { address: r.address } : {}),
            },
          }
        : {
            role: 'respondent' as const,
            organisation: {
              name: r.name,
              kind: 'enterprise' as const,
              ...(r.creditCode ? { creditCode: r.creditCode } : {}),
              ...(r.phone ? { phone: r.phone } : {}),
              ...(r.address ? { address: r.address } : {}),
            },
          };
    const result = await this.register(
      ctx,
      {
        source: 'portal',
        kind: a.kind,
        involvesEnterprise: a.involvesEnterprise,
        ...(a.amountInvolvedYuan !== undefined ? { amountInvolvedYuan: a.amountInvolvedYuan } : {}),
        facts: a.facts,
        ...(a.request ? { request: a.request } : {}),
        ...(a.occurredOn ? { occurredOn: a.occurredOn } : {}),
        place: a.place,
        parties: [{ role: 'applicant', person: a.applicant }, respondent],
      },
      { tx, fileIds: a.fileIds },
    );
    const names = await dispatchRepo.unitNames(tx, [result.committeeUnitId]);
    return {
      caseId: result.caseId,
      caseNo: result.caseNo,
      committeeName: names.get(result.committeeUnitId) ?? '',
      portalPath: progressPath(result.caseId),
    };
  }

  /** The citizen's own applications with their progress, newest first. */
  async myApplications(ctx: RequestContext): Promise<MyMediationApplication[]> {
    const citizen = requireCitizen(ctx);
    const { db, workflow } = this.#d;
    const rows = await repo.citizenDisputes(db, citizen.id);
    const ids = rows.map((r) => r.record.id);
    const history = await repo.historyOf(db, ids);
    const contacts = await dispatchRepo.committeeContact(
      db,
      rows.map((r) => r.record.competentUnitId),
    );
    const type = workflow.types.get(MEDIATION_DISPUTE);
    const out: MyMediationApplication[] = [];
    for (const { record, dispute, committeeName } of rows) {
      const own = history.filter((h) => h.caseId === record.id);
      const at = (...names: string[]) => own.find((h) => names.includes(h.transition))?.at ?? null;
      const parties = await this.#partyNames(db, record.id);
      const contact = contacts.get(record.competentUnitId);
      out.push({
        caseId: record.id,
        caseNo: record.caseNo,
        kind: dispute.kind,
        statusLabel: stateLabel(type, record.status),
        tone: stateTone(type, record.status),
        committeeName,
        committeePhone: contact?.phone ?? null,
        committeeAddress: contact?.address ?? null,
        respondentName: parties.respondent,
        submittedAt: record.createdAt.toISOString(),
        steps: progressSteps({
          status: record.status,
          submittedAt: record.createdAt,
          committeeName,
          dispatchedAt: dispute.dispatchedAt,
          redispatched: own.some((h) => h.transition === 'redispatch'),
          acceptedOn: dispute.acceptedOn,
          acceptedAt: at('accept', 'decline'),
          declineReason: dispute.declineReason,
          outcomeOn: dispute.outcomeOn,
          outcomeAt: at('settle', 'unsettle', 'terminate'),
        }),
      });
    }
    return out;
  }

  /** One of the citizen's own applications; another's (or none) → 404. */
  async myApplication(ctx: RequestContext, caseId: string): Promise<MyMediationApplication> {
    const found = (await this.myApplications(ctx)).find((a) => a.caseId === caseId);
    if (!found) throw AppError.notFound('调解申请');
    return found;
  }

  // ---- inside ---------------------------------------------------------------------------------------------

  async #register(
    tx: Transaction,
    ctx: RequestContext,
    input: RegisterDisputeParsed,
    extras: RegisterExtras,
  ): Promise<RegisteredDispute> {
    const { clock, workflow, audit } = this.#d;
    const principal = ctx.principal;
    const citizen = principal?.kind === 'citizen' ? principal : null;
    const staff = principal?.kind === 'staff' ? principal : null;
    if (citizen && (input.committeeUnitId || input.receivingUnitId)) {
      throw AppError.forbidden('群众申请由平台按纠纷地点分派调委会');
    }

    // A dispute a sweep found names a sweep that was held, in the registering unit's scope.
    if (input.sweepId) {
      const sweep = citizen ? undefined : await findSweep(tx, staff, input.sweepId);
      if (sweep?.status !== 'held') {
        throw AppError.badRequest('纠纷信息不完整或有误', [
          { path: 'sweepId', message: '请选择您管辖范围内已开展的矛盾纠纷排查' },
        ]);
      }
    }

    // The place: the town's justice office is told of every dispute in its town.
    const office = await dispatchRepo.findTownOffice(tx, input.place.townCode);
    if (!office) {
      throw AppError.badRequest('纠纷信息不完整或有误', [
        { path: 'place.townCode', message: '请选择本市的乡镇（街道）' },
      ]);
    }
    const townName = dispatchRepo.townName(input.place.townCode) ?? office.name.replace(/司法所$/, '');

    // The committee: named by the caller, or by the dispatch rules.
    let committee: CommitteeCandidate;
    let dispatchReason: string;
    if (input.committeeUnitId) {
      const named = await dispatchRepo.findCommitteeCandidate(tx, input.committeeUnitId);
      if (!named || (staff && !unitInScope(staff.scope, named.unitId))) {
        throw AppError.badRequest('纠纷信息不完整或有误', [
          { path: 'committeeUnitId', message: '请选择您管辖范围内在用的人民调解委员会' },
        ]);
      }
      committee = named;
      dispatchReason =
        staff?.unitId === named.unitId ? `在${named.name}直接登记` : `指定调委会：${named.name}`;
    } else {
      const answer = dispatchDispute(
        {
          kind: input.kind,
          involvesEnterprise: input.involvesEnterprise,
          place: input.place,
          townName,
        },
        await dispatchRepo.listCommitteeCandidates(tx),
      );
      if (!answer.ok) throw new AppError('NO_COMPETENT_COMMITTEE', 422, answer.reason);
      committee = answer.committee;
      dispatchReason = answer.reason;
    }

    const receivingUnitId =
      input.receivingUnitId ?? (staff ? staff.unitId : citizen ? office.id : committee.unitId);
    if (receivingUnitId === null) throw AppError.forbidden('您的账号未归属任何单位，不能登记纠纷');

    const applicants = input.parties.filter((x) => x.role === 'applicant');
    const respondents = input.parties.filter((x) => x.role === 'respondent');
    const nameOf = (x: (typeof input.parties)[number]) => x.person?.name ?? x.organisation?.name ?? '';
    const kindLabel = disputeKindLabels[input.kind];
    const record = await workflow.create(
      ctx,
      {
        type: MEDIATION_DISPUTE,
        competentUnitId: committee.unitId,
        receivingUnitId,
        title:
          `${applicants.map(nameOf).join('、')}与${respondents.map(nameOf).join('、')}${kindLabel}`.slice(
            0,
            200,
          ),
        participants: citizen ? [{ accountKind: 'citizen', accountId: citizen.id, role: 'applicant' }] : [],
        comment: dispatchReason,
      },
      tx,
    );

    // The parties: the same ID number (credit code) is one person (organisation) across the platform.
    const identities: PartyIdentity[] = [];
    const registrar = staff ? ctx : registrarContext(ctx);
    let ownRecorded = false;
    for (const party of input.parties) {
      let personId: string | null = null;
      let organisationId: string | null = null;
      let identified = false;
      let linkedByPersons = false;
      if (party.person) {
        const person = party.person as PersonInput;
        identified = hasDocument(person);
        if (citizen && party.role === 'applicant' && !ownRecorded) {
          // The citizen's real-name record, linked as the applicant party by the persons service.
          personId = (await this.#d.persons.recordOwnApplicant(ctx, record.id, person, tx)).id;
          ownRecorded = true;
          linkedByPersons = true;
        } else {
          personId = (await this.#d.persons.findOrCreatePerson(registrar, person, tx)).person.id;
        }
      } else if (party.organisation) {
        const org = party.organisation as OrganisationInput;
        identified = Boolean(org.creditCode);
        organisationId = (await this.#d.persons.findOrCreateOrganisation(registrar, org, tx)).organisation.id;
      }
      if (!linkedByPersons) {
        // PersonsService.addParty checks the caller's scope on a case this transaction has not committed;
        // the party is linked here with the same audit entry.
        const linked = await insertCaseParty(tx, {
          caseId: record.id,
          partyKind: personId ? 'person' : 'organisation',
          personId,
          organisationId,
          role: party.role,
          sortOrder: await nextPartySortOrder(tx, record.id),
          addedBy: principal?.id ?? null,
          addedAt: record.createdAt,
        });
        if (linked) {
          await audit(tx, ctx, {
            action: 'party.add',
            entityType: 'case',
            entityId: record.id,
            after: { partyId: linked.id, kind: linked.partyKind, role: party.role, personId, organisationId },
          });
        }
      }
      if (party.role === 'applicant' || party.role === 'respondent') {
        identities.push({ personId, organisationId, identified, name: nameOf(party) });
      }
    }

    // Duplicates: the same kind between the same parties, still open.
    const fingerprint = sha256(fingerprintText(input.kind, identities));
    const [earlier] = await repo.openDisputesWithFingerprint(tx, fingerprint, { exceptCaseId: record.id });
    const now = clock.now();
    const row = await repo.insertDispute(tx, {
      caseId: record.id,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      sweepId: input.sweepId ?? null,
      kind: input.kind,
      involvesEnterprise: input.involvesEnterprise,
      amountInvolvedYuan: input.amountInvolvedYuan ?? null,
      facts: input.facts,
      request: input.request ?? null,
      occurredOn: input.occurredOn ?? null,
      townCode: input.place.townCode,
      village: input.place.village ?? null,
      address: input.place.address ?? null,
      latitude: input.place.latitude ?? null,
      longitude: input.place.longitude ?? null,
      placeOfficeId: office.id,
      fingerprint,
      duplicateOf: earlier?.caseId ?? null,
      dispatchedAt: now,
      dispatchReason,
      createdAt: now,
      updatedAt: now,
    });

    if (extras.fileIds && extras.fileIds.length > 0 && principal) {
      const attached = await this.#d.files.attachToCase(tx, ctx, {
        caseId: record.id,
        owner: { kind: principal.kind, id: principal.id },
        fileIds: extras.fileIds,
      });
      if (attached.length !== new Set(extras.fileIds).size) {
        throw AppError.badRequest('申请信息不完整或有误', [
          { path: 'fileIds', message: '有的照片或材料找不到或已用于其他申请，请重新上传' },
        ]);
      }
    }

    await audit(tx, ctx, {
      action: 'mediation.dispute.register',
      entityType: 'case',
      entityId: record.id,
      after: {
        caseNo: record.caseNo,
        source: row.source,
        sourceRef: row.sourceRef,
        kind: row.kind,
        involvesEnterprise: row.involvesEnterprise,
        amountInvolvedYuan: row.amountInvolvedYuan,
        committeeUnitId: committee.unitId,
        receivingUnitId,
        placeOfficeId: office.id,
        dispatchReason,
        duplicateOf: row.duplicateOf,
      },
    });

    if (extras.notify !== false)
      await this.#notify(tx, record, row, committee, townName, office.id, citizen?.id ?? null);
    return {
      caseId: record.id,
      caseNo: record.caseNo,
      committeeUnitId: committee.unitId,
      duplicateOf: row.duplicateOf,
    };
  }

  async #notify(
    tx: Executor,
    record: { id: string; caseNo: string | null },
    row: MediationDisputeRow,
    committee: CommitteeCandidate,
    townName: string,
    officeId: number,
    citizenId: string | null,
  ) {
    const { outbox } = this.#d;
    const kindLabel = disputeKindLabels[row.kind];
    const no = record.caseNo ?? '';
    const duplicate = row.duplicateOf ? '（可能与在办纠纷重复，请核实）' : '';
    // The township justice office of the place hears of every dispute in its town.
    await noticeToUnit(outbox, tx, officeId, {
      template: 'mediation.dispatched',
      body: `${townName}${row.village ?? ''}登记一起${kindLabel}（${no}），已分派至${committee.name}${duplicate}。`,
      caseId: record.id,
    });
    if (committee.unitId !== officeId) {
      await noticeToUnit(outbox, tx, committee.unitId, {
        template: 'mediation.toAccept',
        body: `新的${kindLabel}（${no}）待本调委会受理${duplicate}。`,
        caseId: record.id,
      });
    }
    if (citizenId) {
      await outbox.enqueue(tx, {
        channel: 'inApp',
        recipient: `citizen:${citizenId}`,
        template: 'mediation.received',
        body: `您的调解申请已提交（编号 ${no}），已分派至${committee.name}，调委会受理后调解员会与您联系。`,
        payload: { caseId: record.id, portalPath: progressPath(record.id) },
        dedupeKey: `mediation.received:${record.id}`,
      });
    }
  }

  async #partyNames(executor: Executor, caseId: string): Promise<{ respondent: string | null }> {
    const parties = await listCaseParties(executor, caseId);
    const respondent = parties.find((x) => x.party.role === 'respondent');
    return { respondent: respondent?.person?.name ?? respondent?.organisation?.name ?? null };
  }

  async #resultView(executor: Executor, r: RegisteredDispute): Promise<RegisterDisputeResult> {
    const row = await repo.findDispute(executor, r.caseId);
    const names = await dispatchRepo.unitNames(executor, [r.committeeUnitId]);
    const duplicate = r.duplicateOf ? await repo.disputeRef(executor, r.duplicateOf) : undefined;
    return {
      caseId: r.caseId,
      caseNo: r.caseNo,
      committeeUnitId: r.committeeUnitId,
      committeeName: names.get(r.committeeUnitId) ?? '',
      dispatchReason: row?.dispatchReason ?? '',
      duplicateOf: r.duplicateOf,
      duplicate: duplicate ? this.#ref(duplicate) : null,
    };
  }

  #ref(r: repo.DisputeRefRow): DisputeRef {
    return {
      caseId: r.caseId,
      caseNo: r.caseNo,
      committeeName: r.committeeName,
      statusLabel: stateLabel(this.#d.workflow.types.get(MEDIATION_DISPUTE), r.status),
      registeredAt: r.createdAt.toISOString(),
    };
  }
}
