import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import {
  deliveryMethodLabels,
  deliveryMethods,
  type InvestigationView,
  investigationOpinionLabels,
  investigationOpinions,
  investigationRequesterKindLabels,
  sentenceKindLabels,
} from '@zhucheng/contracts';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { openPdfPreview, useCaseDocuments } from '../../../components/case-documents/index.ts';
import { DeadlineBadge } from '../../../components/deadline-badge.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { ApiRequestError } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { clockStanding, useInvestigation, useInvestigationStep } from '../api/use-corrections.ts';
import { Facts } from './facts.tsx';

const opinionOptions = investigationOpinions.map((value) => ({
  value,
  label: investigationOpinionLabels[value],
}));
const deliveryOptions = deliveryMethods.map((value) => ({ value, label: deliveryMethodLabels[value] }));
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 调查评估's own part of the case page: the request and its clock, the assessment, the report, delivery. */
export function InvestigationSections({ caseId }: { caseId: string }) {
  const query = useInvestigation(caseId);
  if (query.isPending) return <PageLoading />;
  if (query.isError)
    return <LoadError error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />;
  const i = query.data;
  return (
    <Flex vertical gap={16}>
      <RequestCard i={i} />
      <AssessmentCard i={i} onStale={() => query.refetch()} />
      <DeliveryCard i={i} onStale={() => query.refetch()} />
    </Flex>
  );
}

function RequestCard({ i }: { i: InvestigationView }) {
  return (
    <Card
      size="small"
      title="委托"
      extra={i.clock ? <DeadlineBadge standing={clockStanding(i.clock)} /> : null}
    >
      <Facts
        rows={[
          {
            label: '委托机关',
            value: `${i.requesterName}（${investigationRequesterKindLabels[i.requesterKind]}）`,
          },
          { label: '委托函文号', value: i.letterNo },
          { label: '收到日期', value: i.receivedOn },
          {
            label: '期限',
            wide: true,
            value: i.clock
              ? `${i.fastTrack ? '速裁程序，5 个工作日' : '10 个工作日'}，${i.clock.dueOn ? `${i.clock.dueOn} 到期` : '暂停计时'}（${i.clock.article}）`
              : i.fastTrack
                ? '速裁程序，5 个工作日'
                : '10 个工作日',
          },
          { label: '被调查评估对象', value: i.personName },
          { label: '证件号码', value: i.idNumberMasked ?? '—' },
          { label: '涉嫌罪名', value: i.offence },
          {
            label: '拟适用类别',
            value: i.proposedSentenceKind ? sentenceKindLabels[i.proposedSentenceKind] : '未写明',
          },
          { label: '承办单位', value: i.unit.name },
          ...(i.note ? [{ label: '备注', wide: true, value: i.note }] : []),
        ]}
      />
    </Card>
  );
}

interface AssessValues {
  findings?: string;
  opinion?: InvestigationView['opinion'];
  assessedOn?: Dayjs | null;
}

function AssessmentCard({ i, onStale }: { i: InvestigationView; onStale: () => void }) {
  const can = useCan();
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessValues>();
  const assess = useInvestigationStep(i.caseId, 'assess');
  const formError = useFormError(form);
  const open = i.status === 'investigating' || i.status === 'assessed';
  const [editing, setEditing] = useState(i.status === 'investigating');
  const mayAct = open && can('corrections:investigate');

  const submit = (v: AssessValues) => {
    formError.clear();
    assess.mutate(
      {
        version: i.version,
        findings: v.findings?.trim() ?? '',
        opinion: v.opinion,
        assessedOn: v.assessedOn?.format('YYYY-MM-DD') ?? '',
      },
      {
        onSuccess: () => {
          message.success('已评估，调查评估意见书已生成');
          setEditing(false);
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) {
            message.warning(`${error.message}。已重新加载，请核对后再提交`);
            onStale();
            return;
          }
          formError.report(error);
        },
      },
    );
  };

  return (
    <Card
      size="small"
      title="评估与调查评估意见书"
      extra={
        mayAct && !editing ? (
          <Button size="small" onClick={() => setEditing(true)}>
            重新评估
          </Button>
        ) : null
      }
    >
      {i.opinion && !editing ? (
        <Flex vertical gap={12}>
          <Facts
            rows={[
              { label: '评估意见', value: investigationOpinionLabels[i.opinion] },
              { label: '评估日期', value: i.assessedOn ?? '—' },
              {
                label: '调查情况',
                wide: true,
                value: <span style={{ whiteSpace: 'pre-wrap' }}>{i.findings}</span>,
              },
            ]}
          />
          <ReportDocument caseId={i.caseId} documentId={i.reportDocumentId} />
        </Flex>
      ) : mayAct ? (
        <Form<AssessValues>
          form={form}
          {...formLayout(narrow, 112)}
          disabled={assess.isPending}
          initialValues={{
            findings: i.findings ?? '',
            opinion: i.opinion ?? undefined,
            assessedOn: i.assessedOn ? dayjs(i.assessedOn) : dayjs(),
          }}
          onFinish={submit}
        >
          <FormErrorAlert message={formError.message} />
          {i.status === 'assessed' ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="重新评估会出具新的调查评估意见书，原意见书保留在“文书”中。"
            />
          ) : null}
          <Form.Item
            name="findings"
            label="调查情况"
            rules={[{ required: true, whitespace: true, message: '请填写调查情况' }]}
            extra="居所情况、家庭和社会关系、一贯表现、犯罪行为的后果和影响、居住地村（居）委会和被害人意见等"
          >
            <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 5, maxRows: 14 }} />
          </Form.Item>
          <Form.Item name="opinion" label="评估意见" rules={[{ required: true, message: '请选择评估意见' }]}>
            <Radio.Group options={opinionOptions} />
          </Form.Item>
          <Form.Item
            name="assessedOn"
            label="评估日期"
            rules={[{ required: true, message: '请选择评估日期' }]}
          >
            <DatePicker disabledDate={notFuture} style={{ width: '100%', maxWidth: 220 }} />
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            {i.status === 'assessed' ? <Button onClick={() => setEditing(false)}>取消</Button> : null}
            <Button type="primary" htmlType="submit" loading={assess.isPending}>
              评估并生成意见书
            </Button>
          </Flex>
        </Form>
      ) : (
        <Typography.Text type="secondary">{open ? '尚未评估。' : '委托已撤回，不再评估。'}</Typography.Text>
      )}
    </Card>
  );
}

/** The 调查评估意见书 the assessment issued: Word download and PDF preview. */
function ReportDocument({ caseId, documentId }: { caseId: string; documentId: string | null }) {
  const can = useCan();
  const { message } = App.useApp();
  const documents = useCaseDocuments(caseId);
  const [previewing, setPreviewing] = useState(false);
  if (!documentId) return null;
  if (!can('document:read'))
    return <Typography.Text type="secondary">已生成调查评估意见书。</Typography.Text>;
  const doc = documents.data?.items.find((d) => d.id === documentId);
  if (!doc) {
    return documents.isError ? (
      <Typography.Text type="danger">意见书列表加载失败，请在“文书”中查看。</Typography.Text>
    ) : (
      <Typography.Text type="secondary">正在加载调查评估意见书…</Typography.Text>
    );
  }
  return (
    <Flex wrap gap={8} align="center">
      <Typography.Text strong>
        {doc.name}
        {doc.docNo ? `（${doc.docNo}）` : ''}
      </Typography.Text>
      <Button size="small" icon={<DownloadOutlined />} href={doc.downloadUrl} download>
        下载 Word
      </Button>
      <Button
        size="small"
        icon={<EyeOutlined />}
        loading={previewing}
        onClick={async () => {
          setPreviewing(true);
          const problem = await openPdfPreview(doc.previewUrl);
          setPreviewing(false);
          if (problem) message.error(problem);
        }}
      >
        预览 PDF
      </Button>
    </Flex>
  );
}

interface DeliverValues {
  deliveredOn?: Dayjs | null;
  method?: InvestigationView['deliveryMethod'];
  recipient?: string;
}

function DeliveryCard({ i, onStale }: { i: InvestigationView; onStale: () => void }) {
  const can = useCan();
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeliverValues>();
  const deliver = useInvestigationStep(i.caseId, 'deliver');
  const formError = useFormError(form);

  const submit = (v: DeliverValues) => {
    formError.clear();
    deliver.mutate(
      {
        version: i.version,
        deliveredOn: v.deliveredOn?.format('YYYY-MM-DD') ?? '',
        method: v.method,
        recipient: v.recipient?.trim() ?? '',
      },
      {
        onSuccess: () => message.success('已记录送达，期限已完成'),
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) {
            message.warning(`${error.message}。已重新加载，请核对后再提交`);
            onStale();
            return;
          }
          formError.report(error);
        },
      },
    );
  };

  let body: ReactNode;
  if (i.deliveredOn) {
    body = (
      <Facts
        rows={[
          { label: '送达日期', value: i.deliveredOn },
          { label: '送达方式', value: i.deliveryMethod ? deliveryMethodLabels[i.deliveryMethod] : '—' },
          { label: '签收人（单位）', value: i.deliveredTo ?? '—' },
        ]}
      />
    );
  } else if (i.status === 'assessed' && can('corrections:investigate')) {
    body = (
      <Form<DeliverValues>
        form={form}
        {...formLayout(narrow, 112)}
        disabled={deliver.isPending}
        initialValues={{ deliveredOn: dayjs(), recipient: i.requesterName }}
        onFinish={submit}
      >
        <FormErrorAlert message={formError.message} />
        <Form.Item
          name="deliveredOn"
          label="送达日期"
          rules={[{ required: true, message: '请选择送达日期' }]}
        >
          <DatePicker disabledDate={notFuture} style={{ width: '100%', maxWidth: 220 }} />
        </Form.Item>
        <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
          <Radio.Group options={deliveryOptions} />
        </Form.Item>
        <Form.Item
          name="recipient"
          label="签收人（单位）"
          rules={[{ required: true, whitespace: true, message: '请填写签收人（单位）' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={deliver.isPending}>
            记录送达
          </Button>
        </Flex>
      </Form>
    );
  } else {
    body = (
      <Typography.Text type="secondary">
        {i.status === 'investigating'
          ? '评估并生成调查评估意见书后，在此记录送达委托机关的情况。'
          : '未送达。'}
      </Typography.Text>
    );
  }
  return (
    <Card size="small" title="送达">
      {body}
    </Card>
  );
}
