import {
  type LegalAidApplication,
  legalAidChannelLabels,
  legalAidDisputeKindLabels,
  legalAidExemptionCitations,
  legalAidExemptionLabels,
  legalAidHardshipProofLabels,
  legalAidMatterTypeLabels,
  type PersonTag,
  personTagLabels,
} from '@zhucheng/contracts';
import { Alert, Descriptions, Flex, Tag, Typography } from 'antd';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { PersonDataReveal, useCaseParties } from '../../../components/party/index.ts';
import { useCan } from '../../../lib/access.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useApplication } from '../api/legal-aid-api.ts';

const yuan = (n: number | null) =>
  n === null
    ? '—'
    : `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

function tagLabel(tag: string): string {
  return personTagLabels[tag as PersonTag] ?? tag;
}

/** The application on the case page's 基本信息: applicant (masked, 查看 via the party kit), matter, hardship. */
export function ApplicationDetails({ caseId }: { caseId: string }) {
  const query = useApplication(caseId);
  if (query.isPending) return <PageLoading label="正在读取申请内容…" />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  return <Details application={query.data} />;
}

function Details({ application: a }: { application: LegalAidApplication }) {
  const narrow = useIsNarrow();
  const h = a.hardship;
  const hardshipWay = h.exemption
    ? `免予审查：${legalAidExemptionLabels[h.exemption]}（${legalAidExemptionCitations[h.exemption]}）`
    : h.proof
      ? legalAidHardshipProofLabels[h.proof]
      : '未说明';
  return (
    <Flex vertical gap={16}>
      {a.urgent && (
        <Alert
          type="error"
          showIcon
          title="紧急申请（《法律援助法》第四十四条）：可以先行提供法律援助，再补办手续"
          description={a.urgentReason}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={narrow ? 1 : 2}
        title="申请人"
        items={[
          {
            key: 'name',
            label: '姓名',
            children: <span style={{ wordBreak: 'break-all' }}>{a.applicant.name}</span>,
          },
          {
            key: 'tags',
            label: '人员类别',
            children:
              a.applicant.tags.length > 0
                ? a.applicant.tags.map((t) => <Tag key={t}>{tagLabel(t)}</Tag>)
                : '—',
          },
          // A counter application's applicant is a party: the block below shows the data masked, with 查看.
          ...(a.applicant.personId
            ? []
            : [
                {
                  key: 'id',
                  label: '证件号码',
                  children: a.applicant.idNumberMasked ?? (
                    <Typography.Text type="secondary">未填写</Typography.Text>
                  ),
                },
                {
                  key: 'phone',
                  label: '联系电话',
                  children: a.applicant.phone ?? <Typography.Text type="secondary">未填写</Typography.Text>,
                },
              ]),
          { key: 'channel', label: '申请方式', children: legalAidChannelLabels[a.channel] },
          { key: 'received', label: '收到申请', children: formatDateTime(a.receivedAt) },
        ]}
      />
      <ApplicantReveal caseId={a.caseId} personId={a.applicant.personId} />
      <Descriptions
        bordered
        size="small"
        column={narrow ? 1 : 2}
        title="申请事项"
        items={[
          {
            key: 'type',
            label: '事项',
            children: `${legalAidMatterTypeLabels[a.matter.matterType]} · ${legalAidDisputeKindLabels[a.matter.disputeKind]}`,
          },
          { key: 'place', label: '事项发生地', children: a.matter.place.name.replace(/司法局$/, '') },
          { key: 'opposing', label: '对方当事人', children: a.matter.opposingParty ?? '未填写' },
          {
            key: 'amount',
            label: '涉及金额',
            children: (
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>{yuan(a.matter.amountClaimed)}</span>
            ),
          },
          {
            key: 'facts',
            label: '案情',
            span: narrow ? 1 : 2,
            children: (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {a.matter.facts}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'request',
            label: '申请事项',
            span: narrow ? 1 : 2,
            children: (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {a.matter.request}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={narrow ? 1 : 2}
        title="经济状况"
        items={[
          { key: 'way', label: '说明方式', span: narrow ? 1 : 2, children: hardshipWay },
          {
            key: 'size',
            label: '家庭人口',
            children: h.householdSize === null ? '—' : `${h.householdSize} 人`,
          },
          { key: 'income', label: '家庭月收入', children: yuan(h.householdMonthlyIncome) },
          { key: 'assets', label: '家庭资产', children: yuan(h.householdAssets) },
        ]}
      />
      <Alert
        type={a.meansTest.eligible ? 'success' : 'warning'}
        showIcon
        title={`经济困难审查：${a.meansTest.eligible ? '符合条件' : '不符合条件'}`}
        description={
          <>
            <div>{a.meansTest.explanation}</div>
            {a.meansTest.needsVerification && (
              <div style={{ marginTop: 4 }}>
                <Tag color="orange">抽中核查</Tag>该承诺被随机抽中，需核实申请人的经济状况（第四十一条）。
              </div>
            )}
          </>
        }
      />
      {(a.correctionItems.length > 0 || a.refusalReason || a.terminationReason || a.decidedAt) && (
        <Descriptions
          bordered
          size="small"
          column={1}
          title="审查情况"
          items={[
            ...(a.correctionItems.length > 0
              ? [
                  {
                    key: 'correction',
                    label: '需补充材料',
                    children: `${a.correctionItems.join('、')}${a.correctionDueOn ? `（${a.correctionDueOn} 前）` : ''}`,
                  },
                ]
              : []),
            ...(a.decidedAt
              ? [{ key: 'decided', label: '决定日期', children: formatDate(a.decidedAt) }]
              : []),
            ...(a.refusalReason
              ? [{ key: 'refusal', label: '不予援助理由', children: a.refusalReason }]
              : []),
            ...(a.terminationReason
              ? [{ key: 'termination', label: '终止理由', children: a.terminationReason }]
              : []),
          ]}
        />
      )}
    </Flex>
  );
}

/** The applicant's ID number, phone and address: masked, 查看 (audited) through the party kit. */
function ApplicantReveal({ caseId, personId }: { caseId: string; personId: string }) {
  const can = useCan();
  const parties = useCaseParties(caseId);
  if (!can('party:read') || !personId) return null;
  const person = parties.data?.items.find((p) => p.person?.id === personId)?.person;
  if (!person) return null;
  return <PersonDataReveal person={person} title="申请人证件与联系方式" />;
}
