import { genderLabels, idTypeLabels } from '@zhucheng/contracts';
import { eq } from 'drizzle-orm';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { maskIdNumber } from '../../platform/crypto/personal-data.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type DocumentFieldSet, defineDocumentTemplate } from '../../platform/documents/document-template.ts';
import { documentDate } from '../../platform/documents/documents.rules.ts';
import { findUnit } from '../../platform/org/org.repo.ts';
import { listCaseParties } from '../../platform/persons/persons.repo.ts';
import { MEDIATION_DISPUTE, mediationAgreementSeries } from './dispute.case-type.ts';
import { mediationDispute } from './dispute.schema.ts';
import { mediationAgreement } from './process.schema.ts';
import { mediator } from './registry.schema.ts';

// 人民调解协议书 (人民调解法 第二十八条、第二十九条): generated when a dispute settles with a written agreement.
// The parties' particulars, the facts, the terms, the performance, the mediator and the committee come from
// the dispute's own fields (agreementFieldSet), read in the generating transaction; the signatures, the
// thumbprints and the seal are left as lines for the signing.

export const AGREEMENT_TEMPLATE = 'mediationAgreement';

/** The placeholders the agreement uses beyond the common ones. */
export const agreementFields = [
  { code: 'partyParticulars', label: '当事人基本情况（姓名、性别、证件号码、住址）' },
  { code: 'disputeFacts', label: '纠纷简要事实' },
  { code: 'agreementTerms', label: '协议内容' },
  { code: 'performanceTerms', label: '履行方式和期限' },
  { code: 'effectiveDate', label: '协议生效日期' },
  { code: 'mediatorName', label: '主持调解的人民调解员' },
  { code: 'committeeName', label: '人民调解委员会' },
  { code: 'partySignatures', label: '当事人签名栏' },
] as const;

export const mediationAgreementTemplate = defineDocumentTemplate({
  code: AGREEMENT_TEMPLATE,
  caseType: MEDIATION_DISPUTE,
  name: '人民调解协议书',
  numberSeries: mediationAgreementSeries.code,
  title: '人民调解协议书',
  body: [
    '当事人：{{partyParticulars}}',
    '纠纷简要情况：{{disputeFacts}}',
    '经{{committeeName}}调解，当事人自愿达成如下协议：',
    '{{agreementTerms}}',
    '履行方式和期限：{{performanceTerms}}',
    '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（《中华人民共和国人民调解法》第二十九条）。当事人应当按照约定履行，人民调解委员会对协议的履行情况进行监督（第三十一条）。',
    '当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。',
    '本协议一式三份，当事人各执一份，人民调解委员会留存一份。',
    '当事人（签名、盖章或者按指印）：{{partySignatures}}',
    '人民调解员（签名）：{{mediatorName}}　　　　　　',
    '人民调解委员会（印章）：{{committeeName}}',
    '协议生效日期：{{effectiveDate}}',
  ],
});

interface PartyLine {
  name: string;
  gender: string | null;
  document: string | null;
  address: string | null;
  kind: 'person' | 'organisation';
  representative: string | null;
}

/** One party as the agreement names it: 张三，男，居民身份证 450502********1234，住北海市…. */
export function partyParticular(p: PartyLine): string {
  if (p.kind === 'organisation') {
    return [
      p.name,
      p.representative ? `法定代表人（负责人）${p.representative}` : null,
      p.address ? `住所地${p.address}` : null,
    ]
      .filter(Boolean)
      .join('，');
  }
  return [p.name, p.gender, p.document, p.address ? `住${p.address}` : null].filter(Boolean).join('，');
}

/** The agreement's own fields, read for one case; the cipher opens the parties' ID numbers and addresses. */
export function agreementFieldSet(cipher: Pick<FieldCipher, 'decrypt'>): DocumentFieldSet {
  return {
    caseType: MEDIATION_DISPUTE,
    fields: agreementFields.map((f) => ({ ...f })),
    load: async (executor: Executor, caseId: string) => {
      const [dispute] = await executor
        .select()
        .from(mediationDispute)
        .where(eq(mediationDispute.caseId, caseId));
      const [agreement] = await executor
        .select()
        .from(mediationAgreement)
        .where(eq(mediationAgreement.caseId, caseId));
      const [lead] = dispute?.leadMediatorId
        ? await executor.select().from(mediator).where(eq(mediator.id, dispute.leadMediatorId))
        : [];
      const parties = (await listCaseParties(executor, caseId)).filter((x) =>
        ['applicant', 'respondent', 'thirdParty', 'party'].includes(x.party.role),
      );
      const lines: PartyLine[] = parties.map(({ person, organisation }) =>
        person
          ? {
              kind: 'person',
              name: person.name,
              gender: person.gender ? genderLabels[person.gender] : null,
              // The agreement is kept in the file and handed to the parties: the ID number masked as on
              // screen (the parties sign beside their names; the court checks their documents).
              document:
                person.idType && person.idNumberEnc
                  ? `${idTypeLabels[person.idType]}${maskIdNumber(cipher.decrypt(person.idNumberEnc))}`
                  : null,
              address: person.addressEnc ? cipher.decrypt(person.addressEnc) : null,
              representative: null,
            }
          : {
              kind: 'organisation',
              name: organisation?.name ?? '',
              gender: null,
              document: null,
              address: organisation?.address ?? null,
              representative: organisation?.legalRepresentative ?? null,
            },
      );
      const committee = await committeeOf(executor, caseId);
      return {
        partyParticulars: lines.map(partyParticular).join('；'),
        disputeFacts: dispute?.facts ?? '',
        agreementTerms: agreement?.terms ?? '',
        performanceTerms:
          [
            agreement?.performanceTerms ?? null,
            agreement?.performanceDueOn ? `于${documentDate(agreement.performanceDueOn)}前履行完毕` : null,
          ]
            .filter(Boolean)
            .join('，') || '签订协议时即时履行',
        effectiveDate: agreement ? documentDate(agreement.effectiveOn) : '',
        mediatorName: lead?.name ?? '',
        committeeName: committee,
        partySignatures: lines.map((l) => `${l.name}＿＿＿＿＿＿`).join('　'),
      };
    },
  };
}

async function committeeOf(executor: Executor, caseId: string): Promise<string> {
  // The competent unit of a dispute is its committee.
  const [row] = await executor
    .select({ unitId: caseRecord.competentUnitId })
    .from(caseRecord)
    .where(eq(caseRecord.id, caseId));
  return row ? ((await findUnit(executor, row.unitId))?.name ?? '') : '';
}
