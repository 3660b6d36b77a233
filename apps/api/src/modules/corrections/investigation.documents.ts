import {
  investigationOpinionLabels,
  investigationRequesterKindLabels,
  sentenceKindLabels,
} from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { type DocumentFieldSet, defineDocumentTemplate } from '../../platform/documents/document-template.ts';
import { documentDate } from '../../platform/documents/documents.rules.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_INVESTIGATION, investigationReportSeries } from './investigation.case-type.ts';
import { correctionsInvestigation } from './investigation.schema.ts';

// 调查评估意见书 (社区矫正法第十八条): generated on assessment with its own number series; the office may edit
// the template (系统管理 → 文书模板). The fields below are the investigation's own placeholders.

export const INVESTIGATION_REPORT_TEMPLATE = 'investigationReport';

export const investigationFieldSet: DocumentFieldSet = {
  caseType: CORRECTIONS_INVESTIGATION,
  fields: [
    { code: 'requesterName', label: '委托机关' },
    { code: 'letterNo', label: '委托函文号' },
    { code: 'receivedDate', label: '收到委托日期' },
    { code: 'personName', label: '被调查评估对象' },
    { code: 'offence', label: '罪名' },
    { code: 'proposedSentence', label: '拟适用社区矫正类别' },
    { code: 'findings', label: '调查情况' },
    { code: 'opinion', label: '评估意见' },
  ],
  async load(executor: Executor, caseId: string): Promise<Record<string, string>> {
    const [row] = await executor
      .select({ i: correctionsInvestigation, name: person.name })
      .from(correctionsInvestigation)
      .innerJoin(person, eq(person.id, correctionsInvestigation.personId))
      .where(eq(correctionsInvestigation.caseId, caseId));
    if (!row) return {};
    const { i } = row;
    return {
      requesterName: i.requesterName || investigationRequesterKindLabels[i.requesterKind],
      letterNo: i.letterNo,
      receivedDate: documentDate(i.receivedOn),
      personName: row.name,
      offence: i.offence,
      proposedSentence: i.proposedSentenceKind ? sentenceKindLabels[i.proposedSentenceKind] : '社区矫正',
      findings: i.findings ?? '',
      opinion: i.opinion ? investigationOpinionLabels[i.opinion] : '',
    };
  },
};

export const investigationReportTemplate = defineDocumentTemplate({
  code: INVESTIGATION_REPORT_TEMPLATE,
  caseType: CORRECTIONS_INVESTIGATION,
  name: '调查评估意见书',
  numberSeries: investigationReportSeries.code,
  title: '调查评估意见书',
  body: [
    '{{requesterName}}：',
    '你单位{{receivedDate}}委托（{{letterNo}}）对被告人（罪犯）{{personName}}（涉嫌{{offence}}）进行调查评估。根据《中华人民共和国社区矫正法》第十八条的规定，本机构对其适用{{proposedSentence}}对所居住社区的影响进行了调查评估，现将有关情况报告如下：',
    '{{findings}}',
    '综上，评估意见为：{{opinion}}。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});
