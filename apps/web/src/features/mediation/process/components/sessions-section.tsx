import type { MediationProcessView, StoredFile } from '@zhucheng/contracts';
import { App, Button, Card, DatePicker, Empty, Form, Input, Select, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useRecordSession } from '../api/process-api.ts';
import { errorText, FileLinks, prewrap } from './shared.tsx';

function SessionForm({ view }: { view: MediationProcessView }) {
  const [form] = Form.useForm();
  const narrow = useIsNarrow();
  const record = useRecordSession();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async (v: {
    heldAt: Dayjs;
    place: string;
    mediatorIds: string[];
    attendees: string;
    record: string;
  }) => {
    setError(null);
    try {
      await record.mutateAsync({
        caseId: view.caseId,
        body: {
          heldAt: v.heldAt.format('YYYY-MM-DDTHH:mm:ssZ'),
          place: v.place,
          mediatorIds: v.mediatorIds,
          attendees: v.attendees,
          record: v.record,
          fileIds: files.map((f) => f.id),
        },
      });
      form.resetFields();
      setFiles([]);
      message.success('调解笔录已保存');
    } catch (e) {
      setError(errorText(e, '保存失败，请稍后重试'));
    }
  };
  return (
    <Card size="small" title="新增调解笔录" style={{ marginBottom: 16 }}>
      <FormErrorAlert message={error} />
      <Form
        form={form}
        {...formLayout(narrow)}
        onFinish={submit}
        initialValues={{
          heldAt: dayjs().startOf('minute'),
          mediatorIds: view.leadMediator ? [view.leadMediator.id] : [],
        }}
      >
        <Form.Item name="heldAt" label="调解时间" rules={[{ required: true, message: '请选择调解时间' }]}>
          <DatePicker
            aria-label="调解时间"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) =>
              d.isAfter(dayjs(), 'day') || (!!view.acceptedOn && d.isBefore(dayjs(view.acceptedOn), 'day'))
            }
          />
        </Form.Item>
        <Form.Item
          name="place"
          label="调解地点"
          rules={[{ required: true, whitespace: true, message: '请填写调解地点' }]}
        >
          <Input aria-label="调解地点" maxLength={200} placeholder="如：中街街道人民调解室" />
        </Form.Item>
        <Form.Item
          name="mediatorIds"
          label="调解员"
          rules={[{ required: true, message: '请至少选择一名参加调解的调解员' }]}
        >
          <Select
            aria-label="调解员"
            mode="multiple"
            options={view.mediators.map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Form.Item
          name="attendees"
          label="参加人员"
          extra="当事人及其他到场人员（亲属、村居干部等）"
          rules={[{ required: true, whitespace: true, message: '请填写参加人员' }]}
        >
          <Input aria-label="参加人员" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="record"
          label="调解情况"
          extra="各方陈述、调解员的意见、达成或未达成的一致"
          rules={[{ required: true, whitespace: true, message: '请填写调解情况（笔录）' }]}
        >
          <Input.TextArea aria-label="调解情况" rows={5} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item label="材料">
          <FileUpload
            category="evidence"
            files={files}
            onUploaded={(f) => setFiles((list) => [...list, f])}
            buttonText="上传笔录签字页或照片"
          />
        </Form.Item>
        <Form.Item label={narrow ? undefined : ' '} colon={false}>
          <Button type="primary" htmlType="submit" loading={record.isPending} block={narrow}>
            保存调解笔录
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

/** 调解记录: the sessions (调解笔录) of the dispute; the form while mediating. */
export function SessionsSection({ view }: { view: MediationProcessView }) {
  const writing = view.canHandle && view.status === 'mediating';
  return (
    <div>
      {writing && <SessionForm view={view} />}
      <Card size="small" title="调解笔录">
        {view.sessions.length === 0 ? (
          <Empty
            description={
              writing
                ? '暂无调解笔录，请在上方“新增调解笔录”记录第一次调解'
                : view.status === 'received'
                  ? '纠纷受理后在这里记录每次调解'
                  : '没有调解笔录'
            }
          />
        ) : (
          <Timeline
            items={view.sessions.map((s) => ({
              key: s.id,
              content: (
                <div>
                  <Typography.Text strong>
                    {dayjs(s.heldAt).format('YYYY-MM-DD HH:mm')} · {s.place}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      调解员：{s.mediators.map((m) => m.name).join('、')}；参加人员：{s.attendees}
                    </Typography.Text>
                  </div>
                  <Typography.Paragraph style={{ ...prewrap, margin: '4px 0' }}>
                    {s.record}
                  </Typography.Paragraph>
                  <FileLinks files={s.files} />
                  <div>
                    <Typography.Text type="secondary">记录人：{s.createdByName ?? '—'}</Typography.Text>
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
