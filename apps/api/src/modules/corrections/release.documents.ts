import { sentenceKindLabels } from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { type DocumentFieldSet, defineDocumentTemplate } from '../../platform/documents/document-template.ts';
import { documentDate } from '../../platform/documents/documents.rules.ts';
import { defineNumberSeries } from '../../platform/numbering/number-series.ts';
import { person } from '../../platform/persons/persons.schema.ts';
import { CORRECTIONS_SUPERVISEE } from './register.case-type.ts';
import { correctionsSupervisee } from './register.schema.ts';
import { correctionsEnding } from './release.schema.ts';

// 解除社区矫正证明书 (社区矫正法第四十四条): generated on release with its own number series; the office may
// edit the template (系统管理 → 文书模板).

export const RELEASE_CERTIFICATE_TEMPLATE = 'releaseCertificate';

export const releaseCertificateSeries = defineNumberSeries({
  code: 'corrections.releaseCertificate',
  kind: 'documentNo',
  name: '解除社区矫正证明书文号',
  defaultPrefix: '{organ}解矫',
});

export const releaseFieldSet: DocumentFieldSet = {
  caseType: CORRECTIONS_SUPERVISEE,
  fields: [
    { code: 'personName', label: '社区矫正对象' },
    { code: 'sentenceKind', label: '社区矫正类别' },
    { code: 'offence', label: '罪名' },
    { code: 'courtName', label: '判决（决定）机关' },
    { code: 'judgmentNo', label: '判决书文号' },
    { code: 'periodStart', label: '矫正期限开始' },
    { code: 'periodEnd', label: '矫正期限届满' },
    { code: 'releasedOn', label: '解除日期' },
  ],
  async load(executor: Executor, caseId: string): Promise<Record<string, string>> {
    const [row] = await executor
      .select({ s: correctionsSupervisee, name: person.name, endedOn: correctionsEnding.endedOn })
      .from(correctionsSupervisee)
      .innerJoin(person, eq(person.id, correctionsSupervisee.personId))
      .leftJoin(correctionsEnding, eq(correctionsEnding.caseId, correctionsSupervisee.caseId))
      .where(eq(correctionsSupervisee.caseId, caseId));
    if (!row) return {};
    const { s } = row;
    return {
      personName: row.name,
      sentenceKind: sentenceKindLabels[s.sentenceKind],
      offence: s.offence,
      courtName: s.courtName,
      judgmentNo: s.judgmentNo,
      periodStart: documentDate(s.periodStart),
      periodEnd: documentDate(s.periodEnd),
      releasedOn: documentDate(row.endedOn ?? s.endedOn ?? s.periodEnd),
    };
  },
};

export const releaseCertificateTemplate = defineDocumentTemplate({
  code: RELEASE_CERTIFICATE_TEMPLATE,
  caseType: CORRECTIONS_SUPERVISEE,
  name: '解除社区矫正证明书',
  numberSeries: releaseCertificateSeries.code,
  title: '解除社区矫正证明书',
  body: [
    '社区矫正对象{{personName}}，因犯{{offence}}，经{{courtName}}{{judgmentNo}}判处（决定）{{sentenceKind}}，于{{periodStart}}起在本地接受社区矫正。',
    '根据《中华人民共和国社区矫正法》第四十四条的规定，其社区矫正期限于{{periodEnd}}届满，自{{releasedOn}}起解除社区矫正。',
    '特此证明。',
    '{{issuingUnit}}',
    '{{date}}',
  ],
});
