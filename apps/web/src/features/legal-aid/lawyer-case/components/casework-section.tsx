import {
  formatFileSize,
  type LegalAidCasework,
  type LegalAidClosing,
  legalAidCaseOutcomeLabels,
  legalAidCaseOutcomes,
  legalAidProgressKindLabels,
  legalAidProgressKinds,
  type StoredFile,
} from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { ApiRequestError } from '../../../../lib/api.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useAccept, useAddProgress, useCasework, useCloseCase } from '../api/lawyer-case-api.ts';
import { DeclineDialog } from './decline-dialog.tsx';

const yuan = (n: number) =>
  `${n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

function FileLinks({ files }: { files: LegalAidClosing['files'] }) {
  if (files.length === 0) return null;
  return (
    <Space wrap size={[12, 4]}>
      {files.map((f) => (
        <a key={f.id} href={`/api/files/${f.id}`} style={{ wordBreak: 'break-all' }}>
          {f.name}
          {f.sizeBytes !== null ? `（${formatFileSize(f.sizeBytes)}）` : ''}
        </a>
      ))}
    </Space>
  );
}

function errorText(e: unknown, fallback: string): string {
  if (!(e instanceof ApiRequestError)) return fallback;
  return [e.message, ...e.fields.map((f) => f.message)].join('：');
}

/** Dates from the grant to today; the API checks the same. */
function dayLimits(work: LegalAidCasework) {
  return (d: Dayjs) =>
    d.isAfter(dayjs(), 'day') || (work.grantedOn !== null && d.isBefore(dayjs(work.grantedOn), 'day'));
}

function ProgressForm({ work }: { work: LegalAidCasework }) {
  const [form] = Form.useForm();
  const narrow = useIsNarrow();
  const add = useAddProgress();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async (v: { kind: string; occurredOn: Dayjs; note: string }) => {
    setError(null);
    try {
      await add.mutateAsync({
        caseId: work.caseId,
        body: {
          kind: v.kind as never,
          occurredOn: v.occurredOn.format('YYYY-MM-DD'),
          note: v.note,
          fileIds: files.map((f) => f.id),
        },
      });
      form.resetFields();
      setFiles([]);
      message.success('办案记录已保存');
    } catch (e) {
      setError(errorText(e, '保存失败，请稍后重试'));
    }
  };
  return (
    <Card size="small" title="新增办案记录" style={{ marginBottom: 16 }}>
      <FormErrorAlert message={error} />
      <Form form={form} {...formLayout(narrow)} onFinish={submit} initialValues={{ occurredOn: dayjs() }}>
        <Form.Item name="kind" label="办案环节" rules={[{ required: true, message: '请选择办案环节' }]}>
          <Select
            aria-label="办案环节"
            options={legalAidProgressKinds.map((k) => ({ value: k, label: legalAidProgressKindLabels[k] }))}
          />
        </Form.Item>
        <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="日期" disabledDate={dayLimits(work)} />
        </Form.Item>
        <Form.Item
          name="note"
          label="办理情况"
          rules={[{ required: true, whitespace: true, message: '请填写办理情况' }]}
        >
          <Input.TextArea aria-label="办理情况" rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="材料">
          <FileUpload
            category="evidence"
            files={files}
            onUploaded={(f) => setFiles((list) => [...list, f])}
            buttonText="上传材料"
          />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            保存办案记录
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function CloseForm({ work }: { work: LegalAidCasework }) {
  const [form] = Form.useForm();
  const narrow = useIsNarrow();
  const close = useCloseCase();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { modal } = App.useApp();
  const submit = (v: { outcome: string; summary: string; amount?: number | null; closedOn: Dayjs }) => {
    modal.confirm({
      title: '确认结案？',
      content: '结案后不能再填写办案记录，案件交法律援助中心进行质量评估。',
      okText: '确认结案',
      cancelText: '取消',
      onOk: async () => {
        setError(null);
        try {
          await close.mutateAsync({
            caseId: work.caseId,
            body: {
              outcome: v.outcome as never,
              summary: v.summary,
              amountRecoveredYuan: v.amount ?? null,
              closedOn: v.closedOn.format('YYYY-MM-DD'),
              fileIds: files.map((f) => f.id),
              version: work.version,
            },
          });
        } catch (e) {
          setError(errorText(e, '结案失败，请稍后重试'));
        }
      },
    });
  };
  return (
    <Card size="small" title="结案">
      <FormErrorAlert message={error} />
      <Form form={form} {...formLayout(narrow, 120)} onFinish={submit} initialValues={{ closedOn: dayjs() }}>
        <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
          <Select
            aria-label="办理结果"
            options={legalAidCaseOutcomes.map((o) => ({ value: o, label: legalAidCaseOutcomeLabels[o] }))}
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label="结案小结"
          rules={[{ required: true, whitespace: true, message: '请填写结案小结' }]}
        >
          <Input.TextArea aria-label="结案小结" rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item
          name="amount"
          label="挽回损失（元）"
          extra={work.amountRecoveredRequired ? '追索劳动报酬、工伤赔偿等案件必填，没有挽回的填 0' : '选填'}
          rules={[{ required: work.amountRecoveredRequired, message: '请填写挽回损失金额（元）' }]}
        >
          <InputNumber<number>
            aria-label="挽回损失（元）"
            min={0}
            precision={2}
            style={{ width: '100%', maxWidth: 240 }}
            formatter={(v) =>
              v === undefined || v === null || `${v}` === ''
                ? ''
                : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
            }
            parser={(v) => Number((v ?? '').replace(/,/g, ''))}
            suffix="元"
          />
        </Form.Item>
        <Form.Item name="closedOn" label="结案日期" rules={[{ required: true, message: '请选择结案日期' }]}>
          <DatePicker aria-label="结案日期" disabledDate={dayLimits(work)} />
        </Form.Item>
        <Form.Item label="结案材料">
          <FileUpload
            category="evidence"
            files={files}
            onUploaded={(f) => setFiles((list) => [...list, f])}
            buttonText="上传结案材料"
          />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Button type="primary" danger htmlType="submit" loading={close.isPending}>
            结案
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 承办情况: the lawyer's progress log and closing; the lawyer writes, the centre reads. */
export function CaseworkSection({ caseId, caseNo }: { caseId: string; caseNo: string | null }) {
  const query = useCasework(caseId);
  const accept = useAccept();
  const [declining, setDeclining] = useState(false);
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const work = query.data;
  if (query.error) return <Alert type="error" showIcon message={query.error.message} />;
  if (!work) return null;
  const lawyerAssigned = work.canHandle && work.status === 'assigned';
  const lawyerWorking = work.canHandle && work.status === 'inProgress';
  return (
    <div>
      <FormErrorAlert message={error} />
      {lawyerAssigned && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="法律援助中心指派您承办本案，请接受指派或退回。"
          action={
            <Space wrap>
              <Button
                type="primary"
                aria-label="接受指派"
                loading={accept.isPending}
                onClick={async () => {
                  setError(null);
                  try {
                    await accept.mutateAsync({ caseId, body: { version: work.version } });
                  } catch (e) {
                    setError(errorText(e, '接受指派失败，请稍后重试'));
                  }
                }}
              >
                接受指派
              </Button>
              <Button danger aria-label="退回" onClick={() => setDeclining(true)}>
                退回
              </Button>
            </Space>
          }
        />
      )}
      {work.closing && (
        <Card size="small" title="结案情况" style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="办理结果">{work.closing.outcomeLabel}</Descriptions.Item>
            <Descriptions.Item label="结案日期">{work.closing.closedOn}</Descriptions.Item>
            <Descriptions.Item label="挽回损失">
              {work.closing.amountRecoveredYuan === null ? '—' : yuan(work.closing.amountRecoveredYuan)}
            </Descriptions.Item>
            <Descriptions.Item label="结案小结">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {work.closing.summary}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="结案材料">
              {work.closing.files.length ? <FileLinks files={work.closing.files} /> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="结案人">{work.closing.closedByName ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {lawyerWorking && <ProgressForm work={work} />}
      <Card size="small" title="办案记录" style={{ marginBottom: 16 }}>
        {work.progress.length === 0 ? (
          <Empty
            description={
              lawyerWorking
                ? '暂无办案记录，请在上方“新增办案记录”填写第一条'
                : work.status === 'assigned' || work.status === 'granted'
                  ? '律师接受指派后在这里记录办案情况'
                  : '暂无办案记录'
            }
          />
        ) : (
          <Timeline
            items={work.progress.map((e) => ({
              key: e.id,
              children: (
                <div>
                  <Typography.Text strong>
                    {e.occurredOn} {e.kindLabel}
                  </Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
                    {e.note}
                  </Typography.Paragraph>
                  <FileLinks files={e.files} />
                  <div>
                    <Typography.Text type="secondary">记录人：{e.createdByName ?? '—'}</Typography.Text>
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {lawyerWorking && <CloseForm work={work} />}
      {declining && (
        <DeclineDialog
          caseId={caseId}
          caseNo={caseNo}
          version={work.version}
          open
          onClose={() => setDeclining(false)}
          onDeclined={() => navigate('/legal-aid/my-cases')}
        />
      )}
    </div>
  );
}
