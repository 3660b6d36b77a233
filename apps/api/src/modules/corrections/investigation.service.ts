import {
  type InvestigationList,
  type InvestigationView,
  investigationAssessSchema,
  investigationDeliverSchema,
  investigationListQuerySchema,
  investigationRequesterKindLabels,
  investigationRequestSchema,
  permissions as p,
} from '@zhucheng/contracts';
import type { AuditWriter } from '../../platform/access/ports.ts';
import { type RequestContext, requireStaff } from '../../platform/access/principal.ts';
import { unitInScope } from '../../platform/access/scope.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { maskIdNumber, maskName } from '../../platform/crypto/personal-data.ts';
import type { Database, Executor, Transaction } from '../../platform/db/database.ts';
import type { DeadlineService } from '../../platform/deadlines/deadline.service.ts';
import type { DocumentsService } from '../../platform/documents/documents.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PersonsService } from '../../platform/persons/persons.service.ts';
import { stateLabel } from '../../platform/workflow/workflow.rules.ts';
import type { WorkflowService } from '../../platform/workflow/workflow.service.ts';
import { CORRECTIONS_INVESTIGATION, investigationClockRules } from './investigation.case-type.ts';
import { INVESTIGATION_REPORT_TEMPLATE } from './investigation.documents.ts';
import * as repo from './investigation.repo.ts';
import { findActiveUnit } from './register.repo.ts';
import { isMinorOn, listIdNumber, listName } from './register.rules.ts';
import { clockView, parse } from './register.service.ts';

export interface InvestigationServiceDeps {
  db: Database;
  clock: Clock;
  audit: AuditWriter;
  workflow: WorkflowService;
  persons: PersonsService;
  deadlines: DeadlineService;
  documents: Pick<DocumentsService, 'generate'>;
  cipher: Pick<FieldCipher, 'decrypt'>;
}

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

const stale = () => AppError.conflict('该调查评估已被他人处理，请刷新后重试');

// 调查评估 (社区矫正法第十八条): the request (its clock: 10 working days, 5 in fast-track cases, from the day
// the letter came), the assessment with its 调查评估意见书, the delivery that meets the clock.
export class InvestigationService {
  readonly #d: InvestigationServiceDeps;

  constructor(deps: InvestigationServiceDeps) {
    this.#d = deps;
  }

  async request(tx: Transaction, ctx: RequestContext, raw: unknown): Promise<InvestigationView> {
    const staff = requireStaff(ctx);
    const input = parse(investigationRequestSchema, raw);
    const today = this.#d.clock.today();
    if (!input.person.idType || !input.person.idNumber) {
      throw fieldError('person.idNumber', '请填写被调查评估对象的证件类型和证件号码');
    }
    const unit = await findActiveUnit(tx, input.unitId);
    const investigates = unit?.kind === 'justiceOffice' || unit?.kind === 'countyBureau';
    if (!unit || !investigates || !unitInScope(staff.scope, unit.id)) {
      throw fieldError('unitId', '承办单位应为您管辖范围内的司法所或县（区）司法局');
    }
    if (input.receivedOn > today) throw fieldError('receivedOn', '收到委托函日期不能晚于今天');
    const { person } = await this.#d.persons.findOrCreatePerson(ctx, input.person, tx);
    const minor = isMinorOn(person.birthDate, input.receivedOn);
    if (minor && !staff.permissions.has(p.corrections.readMinors)) {
      throw AppError.forbidden('办理未成年人的调查评估需要“未成年人社区矫正专门人员”的权限');
    }
    const record = await this.#d.workflow.create(
      ctx,
      {
        type: CORRECTIONS_INVESTIGATION,
        competentUnitId: unit.id,
        receivingUnitId: unit.id,
        title: `${minor ? '未成年人' : person.name}调查评估（${input.requesterName}委托）`,
        participants: [{ accountKind: 'staff', accountId: staff.id, role: 'handler' }],
        comment: `收到${investigationRequesterKindLabels[input.requesterKind]}委托函（${input.letterNo}）`,
      },
      tx,
    );
    await this.#d.deadlines.start(tx, {
      caseType: CORRECTIONS_INVESTIGATION,
      caseId: record.id,
      ruleCode: input.fastTrack ? investigationClockRules.fastTrack : investigationClockRules.standard,
      startedOn: input.receivedOn,
    });
    const now = this.#d.clock.now();
    await repo.insertInvestigation(tx, {
      caseId: record.id,
      requesterKind: input.requesterKind,
      requesterName: input.requesterName,
      letterNo: input.letterNo,
      receivedOn: input.receivedOn,
      fastTrack: input.fastTrack,
      personId: person.id,
      minor,
      offence: input.offence,
      proposedSentenceKind: input.proposedSentenceKind ?? null,
      note: input.note ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.#d.audit(tx, ctx, {
      action: 'corrections.investigation.request',
      entityType: 'case',
      entityId: record.id,
      after: {
        caseNo: record.caseNo,
        requesterKind: input.requesterKind,
        letterNo: input.letterNo,
        receivedOn: input.receivedOn,
        fastTrack: input.fastTrack,
        personId: person.id,
        name: maskName(person.name),
      },
    });
    return this.#viewOf(tx, ctx, record.id);
  }

  async list(ctx: RequestContext, rawQuery: unknown): Promise<InvestigationList> {
    const staff = requireStaff(ctx);
    const q = parse(investigationListQuerySchema, rawQuery);
    const { rows, total } = await repo.listInvestigations(this.#d.db, staff, q, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const clocks = await this.#d.deadlines.listForCases(
      this.#d.db,
      rows.map((r) => r.record.id),
    );
    return {
      items: rows.map((r) =>
        this.#view(
          r,
          clocks.filter((c) => c.caseId === r.record.id),
          true,
        ),
      ),
      total,
    };
  }

  async detail(ctx: RequestContext, caseId: string): Promise<InvestigationView> {
    return this.#viewOf(this.#d.db, ctx, caseId);
  }

  /** 评估: findings and opinion; the 调查评估意见书 is generated with its number in the same transaction. */
  async assess(ctx: RequestContext, caseId: string, raw: unknown): Promise<InvestigationView> {
    const input = parse(investigationAssessSchema, raw);
    const staff = requireStaff(ctx);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, caseId);
      if (found.record.version !== input.version) throw stale();
      if (input.assessedOn > this.#d.clock.today()) throw fieldError('assessedOn', '评估日期不能晚于今天');
      if (input.assessedOn < found.i.receivedOn) {
        throw fieldError('assessedOn', '评估日期不能早于收到委托函的日期');
      }
      await repo.updateInvestigation(tx, caseId, {
        findings: input.findings,
        opinion: input.opinion,
        assessedOn: input.assessedOn,
        assessedBy: staff.displayName,
        updatedAt: this.#d.clock.now(),
      });
      await this.#d.workflow.transition(
        ctx,
        { caseId, transition: 'assess', version: input.version, comment: '完成调查评估，出具调查评估意见书' },
        { tx, viaModule: true },
      );
      const report = await this.#d.documents.generate(tx, ctx, caseId, {
        templateCode: INVESTIGATION_REPORT_TEMPLATE,
      });
      await repo.updateInvestigation(tx, caseId, { reportDocumentId: report.id });
      await this.#d.audit(tx, ctx, {
        action: 'corrections.investigation.assess',
        entityType: 'case',
        entityId: caseId,
        after: { opinion: input.opinion, assessedOn: input.assessedOn, reportDocumentId: report.id },
      });
      return this.#viewOf(tx, ctx, caseId);
    });
  }

  /** 送达: the report reached the requester; the clock is met. */
  async deliver(ctx: RequestContext, caseId: string, raw: unknown): Promise<InvestigationView> {
    const input = parse(investigationDeliverSchema, raw);
    return this.#d.db.transaction(async (tx) => {
      const found = await this.#load(tx, ctx, caseId);
      if (found.record.version !== input.version) throw stale();
      if (found.record.status !== 'assessed')
        throw AppError.conflict('请先完成评估并出具调查评估意见书，再送达');
      if (input.deliveredOn > this.#d.clock.today()) throw fieldError('deliveredOn', '送达日期不能晚于今天');
      if (found.i.assessedOn && input.deliveredOn < found.i.assessedOn) {
        throw fieldError('deliveredOn', '送达日期不能早于评估日期');
      }
      await repo.updateInvestigation(tx, caseId, {
        deliveredOn: input.deliveredOn,
        deliveryMethod: input.method,
        deliveredTo: input.recipient,
        updatedAt: this.#d.clock.now(),
      });
      await this.#d.workflow.transition(
        ctx,
        { caseId, transition: 'deliver', version: input.version, comment: `送达${input.recipient}` },
        { tx, viaModule: true },
      );
      for (const ruleCode of Object.values(investigationClockRules)) {
        const key = { caseType: CORRECTIONS_INVESTIGATION, caseId, ruleCode };
        if (await this.#d.deadlines.find(tx, key)) {
          await this.#d.deadlines.meet(tx, key);
        }
      }
      await this.#d.audit(tx, ctx, {
        action: 'corrections.investigation.deliver',
        entityType: 'case',
        entityId: caseId,
        after: { deliveredOn: input.deliveredOn, method: input.method, recipient: input.recipient },
      });
      return this.#viewOf(tx, ctx, caseId);
    });
  }

  async #load(executor: Executor, ctx: RequestContext, caseId: string, forUpdate = true) {
    const staff = requireStaff(ctx);
    const found = await repo.findInvestigation(executor, staff, caseId, { forUpdate });
    if (!found) throw AppError.notFound('调查评估');
    return found;
  }

  async #viewOf(executor: Executor, ctx: RequestContext, caseId: string): Promise<InvestigationView> {
    const found = await this.#load(executor, ctx, caseId, false);
    const clocks = await this.#d.deadlines.listForCase(executor, CORRECTIONS_INVESTIGATION, caseId);
    return this.#view(found, clocks, false);
  }

  #view(
    r: repo.InvestigationRecord,
    clocks: Awaited<ReturnType<DeadlineService['listForCase']>>,
    inList: boolean,
  ): InvestigationView {
    const type = this.#d.workflow.types.get(CORRECTIONS_INVESTIGATION);
    const idNumber = r.person.idNumberEnc ? this.#d.cipher.decrypt(r.person.idNumberEnc) : null;
    const clock = clocks
      .filter((c) => Object.values<string>(investigationClockRules).includes(c.ruleCode))
      .at(-1);
    const { i } = r;
    return {
      caseId: r.record.id,
      caseNo: r.record.caseNo,
      status: r.record.status,
      statusLabel: stateLabel(type, r.record.status),
      version: r.record.version,
      unit: { id: r.record.competentUnitId, name: r.unitName },
      requesterKind: i.requesterKind,
      requesterName: i.requesterName,
      letterNo: i.letterNo,
      receivedOn: i.receivedOn,
      fastTrack: i.fastTrack,
      personId: r.person.id,
      personName: inList ? listName(r.person.name, i.minor) : r.person.name,
      idNumberMasked: inList ? listIdNumber(idNumber, i.minor) : idNumber ? maskIdNumber(idNumber) : null,
      minor: i.minor,
      offence: i.offence,
      proposedSentenceKind: i.proposedSentenceKind,
      note: i.note,
      findings: i.findings,
      opinion: i.opinion,
      assessedOn: i.assessedOn,
      reportDocumentId: i.reportDocumentId,
      deliveredOn: i.deliveredOn,
      deliveryMethod: i.deliveryMethod,
      deliveredTo: i.deliveredTo,
      clock: clock ? clockView(clock) : null,
      createdAt: r.record.createdAt.toISOString(),
    };
  }
}
