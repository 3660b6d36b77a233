import { approvalKindLabels, approvalLevelLabels } from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type DocumentFieldSet, defineDocumentTemplate } from '../../platform/documents/document-template.ts';
import { documentDate } from '../../platform/documents/documents.rules.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_APPROVAL } from './approvals.case-type.ts';
import { correctionsApproval } from './approvals.schema.ts';
import { correctionsSupervisee } from './register.schema.ts';

// 审批表 / 审批决定: generated when the application is decided (批准 or 不予批准); editable by the bureau.

export const APPROVAL_DECISION_TEMPLATE = 'approvalDecision';

export const approvalFieldSet: DocumentFieldSet = {
  caseType: CORRECTIONS_APPROVAL,
  fields: [
    { code: 'personName', label: '社区矫正对象' },
    { code: 'kindLabel', label: '审批事项' },
    { code: 'destination', label: '目的地、地址或来访人员' },
    { code: 'reason', label: '事由' },
    { code: 'period', label: '期间' },
    { code: 'levelReason', label: '审批层级说明' },
    { code: 'decision', label: '审批结论' },
    { code: 'opinion', label: '审批意见' },
    { code: 'decidedUnit', label: '审批机关' },
  ],
  async load(executor: Executor, caseId: string): Promise<Record<string, string>> {
    const [row] = await executor
      .select({ a: correctionsApproval, name: person.name, status: caseRecord.status })
      .from(correctionsApproval)
      .innerJoin(
        correctionsSupervisee,
        eq(correctionsSupervisee.caseId, correctionsApproval.superviseeCaseId),
      )
      .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
      .innerJoin(caseRecord, eq(caseRecord.id, correctionsApproval.caseId))
      .where(eq(correctionsApproval.caseId, caseId));
    if (!row) return {};
    const { a } = row;
    const period = a.toDate
      ? `${documentDate(a.fromDate)}至${documentDate(a.toDate)}${a.days ? `（共${a.days}天）` : ''}`
      : `自${documentDate(a.fromDate)}起`;
    return {
      personName: row.name,
      kindLabel: approvalKindLabels[a.kind],
      destination: a.destination,
      reason: a.reason,
      period,
      levelReason: `${a.levelReason}，由${approvalLevelLabels[a.requiredLevel]}审批`,
      decision: row.status === 'refused' ? '不予批准' : '同意',
      opinion: a.opinion ?? '',
      decidedUnit: a.decidedUnit ?? '',
    };
  },
};

export const approvalDecisionTemplate = defineDocumentTemplate({
  code: APPROVAL_DECISION_TEMPLATE,
  caseType: CORRECTIONS_APPROVAL,
  name: '社区矫正对象审批表',
  title: '社区矫正对象{{kindLabel}}审批表',
  body: [
    '编号：{{caseNo}}',
    '社区矫正对象：{{personName}}',
    '审批事项：{{kindLabel}}',
    '目的地、地址或来访人员：{{destination}}',
    '期间：{{period}}',
    '事由：{{reason}}',
    '审批层级：{{levelReason}}',
    '审批结论：{{decision}}',
    '审批意见：{{opinion}}',
    '{{decidedUnit}}',
    '{{date}}',
  ],
});
