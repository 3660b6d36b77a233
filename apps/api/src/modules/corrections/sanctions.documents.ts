import { sanctionBreachLabels, sanctionKindLabels } from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { type DocumentFieldSet, defineDocumentTemplate } from '../../platform/documents/document-template.ts';
import { documentDate } from '../../platform/documents/documents.rules.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { correctionsSupervisee } from './register.schema.ts';
import { CORRECTIONS_SANCTION } from './sanctions.case-type.ts';
import { correctionsSanction } from './sanctions.schema.ts';

// 奖惩决定书 / 提请书: generated when the record is made; one template whose title names the step.

export const SANCTION_DECISION_TEMPLATE = 'sanctionDecision';

export const sanctionFieldSet: DocumentFieldSet = {
  caseType: CORRECTIONS_SANCTION,
  fields: [
    { code: 'personName', label: '社区矫正对象' },
    { code: 'sanctionKind', label: '奖惩种类' },
    { code: 'documentName', label: '文书名称' },
    { code: 'breach', label: '情形' },
    { code: 'facts', label: '事实' },
    { code: 'basis', label: '依据' },
    { code: 'decidedOn', label: '决定日期' },
  ],
  async load(executor: Executor, caseId: string): Promise<Record<string, string>> {
    const [row] = await executor
      .select({ s: correctionsSanction, name: person.name })
      .from(correctionsSanction)
      .innerJoin(
        correctionsSupervisee,
        eq(correctionsSupervisee.caseId, correctionsSanction.superviseeCaseId),
      )
      .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
      .where(eq(correctionsSanction.caseId, caseId));
    if (!row) return {};
    const { s } = row;
    const request = s.kind.startsWith('request');
    return {
      personName: row.name,
      sanctionKind: sanctionKindLabels[s.kind],
      documentName: request ? `${sanctionKindLabels[s.kind]}建议书` : `${sanctionKindLabels[s.kind]}决定书`,
      breach: sanctionBreachLabels[s.breach],
      facts: s.facts,
      basis: s.basis,
      decidedOn: documentDate(s.decidedOn),
    };
  },
};

export const sanctionDecisionTemplate = defineDocumentTemplate({
  code: SANCTION_DECISION_TEMPLATE,
  caseType: CORRECTIONS_SANCTION,
  name: '奖惩决定书（提请建议书）',
  title: '{{documentName}}',
  body: [
    '编号：{{caseNo}}',
    '社区矫正对象{{personName}}：',
    '经查，{{facts}}',
    '上述情形属于：{{breach}}。',
    '根据{{basis}}的规定，决定：{{sanctionKind}}。',
    '{{issuingUnit}}',
    '{{decidedOn}}',
  ],
});
