import { monitoringConditionLabels } from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { type DocumentFieldSet, defineDocumentTemplate } from '../../platform/documents/document-template.ts';
import { documentDate } from '../../platform/documents/documents.rules.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_MONITORING } from './monitoring.case-type.ts';
import { correctionsMonitoringOrder } from './monitoring.schema.ts';
import { correctionsSupervisee } from './register.schema.ts';

// 电子定位监管审批表: generated on approval (and again on each renewal, with the new end date).

export const MONITORING_DECISION_TEMPLATE = 'monitoringDecision';

export const monitoringFieldSet: DocumentFieldSet = {
  caseType: CORRECTIONS_MONITORING,
  fields: [
    { code: 'personName', label: '社区矫正对象' },
    { code: 'condition', label: '适用情形' },
    { code: 'reason', label: '理由' },
    { code: 'period', label: '监管期限' },
    { code: 'approvedBy', label: '批准人' },
    { code: 'opinion', label: '审批意见' },
  ],
  async load(executor: Executor, caseId: string): Promise<Record<string, string>> {
    const [row] = await executor
      .select({ o: correctionsMonitoringOrder, name: person.name })
      .from(correctionsMonitoringOrder)
      .innerJoin(
        correctionsSupervisee,
        eq(correctionsSupervisee.caseId, correctionsMonitoringOrder.superviseeCaseId),
      )
      .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
      .where(eq(correctionsMonitoringOrder.caseId, caseId));
    if (!row) return {};
    const { o } = row;
    return {
      personName: row.name,
      condition: monitoringConditionLabels[o.condition],
      reason: o.reason,
      period: `${documentDate(o.startsOn)}至${documentDate(o.endsOn)}`,
      approvedBy: o.approvedBy ?? '',
      opinion: o.opinion ?? '',
    };
  },
};

export const monitoringDecisionTemplate = defineDocumentTemplate({
  code: MONITORING_DECISION_TEMPLATE,
  caseType: CORRECTIONS_MONITORING,
  name: '电子定位监管审批表',
  title: '社区矫正对象电子定位监管审批表',
  body: [
    '编号：{{caseNo}}',
    '社区矫正对象：{{personName}}',
    '适用情形（《中华人民共和国社区矫正法》第二十九条）：{{condition}}',
    '理由：{{reason}}',
    '监管期限：{{period}}',
    '审批意见：{{opinion}}',
    '批准人：{{approvedBy}}',
    '电子定位监管所获信息仅用于社区矫正工作，不得用于其他用途。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});
