import {
  followUpMethodLabels,
  followUpMethods,
  type MediationProcessView,
  type PerformanceStatus,
  performanceStatuses,
  performanceStatusLabels,
  type StoredFile,
} from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Select,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useRecordFollowUp } from '../api/process-api.ts';
import { errorText, FileLinks, prewrap } from './shared.tsx';

function FollowUpForm({ view }: { view: MediationProcessView }) {
  const [form] = Form.useForm();
  const narrow = useIsNarrow();
  const record = useRecordFollowUp();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async (v: {
    visitedOn: Dayjs;
    method: (typeof followUpMethods)[number];
    visitor: string;
    note: string;
    performanceStatus: PerformanceStatus;
  }) => {
    setError(null);
    try {
      await record.mutateAsync({
        caseId: view.caseId,
        body: { ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD'), fileIds: files.map((f) => f.id) },
      });
      form.resetFields();
      setFiles([]);
      message.success('回访记录已保存');
    } catch (e) {
      setError(errorText(e, '保存失败，请稍后重试'));
    }
  };
  return (
    <Card size="small" title="新增回访" style={{ marginBottom: 16 }}>
      <FormErrorAlert message={error} />
      <Form
        form={form}
        {...formLayout(narrow)}
        onFinish={submit}
        initialValues={{
          visitedOn: dayjs(),
          method: 'visit',
          visitor: view.leadMediator?.name,
          performanceStatus: view.agreement?.performanceStatus,
        }}
      >
        <Form.Item name="visitedOn" label="回访日期" rules={[{ required: true, message: '请选择回访日期' }]}>
          <DatePicker
            aria-label="回访日期"
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') ||
              (!!view.agreement && d.isBefore(dayjs(view.agreement.effectiveOn), 'day'))
            }
          />
        </Form.Item>
        <Form.Item name="method" label="回访方式" rules={[{ required: true, message: '请选择回访方式' }]}>
          <Select
            aria-label="回访方式"
            options={followUpMethods.map((m) => ({ value: m, label: followUpMethodLabels[m] }))}
          />
        </Form.Item>
        <Form.Item
          name="visitor"
          label="回访人"
          rules={[{ required: true, whitespace: true, message: '请填写回访人' }]}
        >
          <Input aria-label="回访人" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="performanceStatus"
          label="履行情况"
          rules={[{ required: true, message: '请选择协议履行情况' }]}
        >
          <Select
            aria-label="履行情况"
            options={performanceStatuses.map((s) => ({ value: s, label: performanceStatusLabels[s] }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="回访情况"
          rules={[{ required: true, whitespace: true, message: '请填写回访情况' }]}
        >
          <Input.TextArea aria-label="回访情况" rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label="材料">
          <FileUpload
            category="evidence"
            files={files}
            onUploaded={(f) => setFiles((list) => [...list, f])}
            buttonText="上传照片或凭证"
          />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Button type="primary" htmlType="submit" loading={record.isPending} block={narrow}>
            保存回访记录
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 回访与履行 (人民调解法第三十一条: the committee supervises the performance). */
export function FollowUpSection({ view }: { view: MediationProcessView }) {
  const a = view.agreement;
  if (view.status !== 'settled' || !a)
    return <Empty description="调解成功、达成协议后在这里记录回访和协议履行情况" />;
  return (
    <div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="当前履行情况">
            <Typography.Text strong>{a.performanceStatusLabel}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="履行期限">{a.performanceDueOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {view.canHandle && <FollowUpForm view={view} />}
      <Card size="small" title="回访记录">
        {view.followUps.length === 0 ? (
          <Empty description="暂无回访记录" />
        ) : (
          <Timeline
            items={view.followUps.map((f) => ({
              key: f.id,
              content: (
                <div>
                  <Typography.Text strong>
                    {f.visitedOn} {f.methodLabel} · {f.performanceStatusLabel}
                  </Typography.Text>
                  <Typography.Paragraph style={{ ...prewrap, margin: '4px 0' }}>
                    {f.note}
                  </Typography.Paragraph>
                  <FileLinks files={f.files} />
                  <div>
                    <Typography.Text type="secondary">回访人：{f.visitor}</Typography.Text>
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </div>
  );
}
