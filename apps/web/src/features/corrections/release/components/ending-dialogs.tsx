import {
  deliveryMethodLabels,
  deliveryMethods,
  releaseNoticeRecipientLabels,
  releaseNoticeRecipients,
  terminationReasonLabels,
  terminationReasons,
} from '@zhucheng/contracts';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { useFormError } from '../../../../lib/form-errors.ts';
import { useEndTerm } from '../api/use-release.ts';

/** Who is being ended: from the ending-soon list or the record's 解矫 tab. */
export interface EndingTarget {
  caseId: string;
  name: string;
  periodEnd: string;
  version: number;
}

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const methodOptions = deliveryMethods.map((m) => ({ value: m, label: deliveryMethodLabels[m] }));

interface NoticeValues {
  notify?: string[];
  courtName?: string;
  procuratorateName?: string;
  policeName?: string;
  method?: string;
}

function noticesOf(v: NoticeValues, sentOn: string | undefined) {
  const names: Record<string, string | undefined> = {
    court: v.courtName,
    procuratorate: v.procuratorateName,
    police: v.policeName,
  };
  return (v.notify ?? []).map((recipient) => ({
    recipient,
    recipientName: names[recipient]?.trim() ?? '',
    sentOn,
    method: v.method ?? 'electronic',
  }));
}

function NoticeFields() {
  return (
    <>
      <Form.Item
        name="notify"
        label="同时通知"
        extra="第四十四条：书面通知社区矫正决定机关，并抄送人民检察院、公安机关"
      >
        <Checkbox.Group
          options={releaseNoticeRecipients.map((r) => ({ value: r, label: releaseNoticeRecipientLabels[r] }))}
        />
      </Form.Item>
      <Form.Item name="courtName" label="人民法院名称">
        <Input maxLength={100} placeholder="如：北海市海城区人民法院" />
      </Form.Item>
      <Form.Item name="procuratorateName" label="人民检察院名称">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="policeName" label="公安机关名称">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="method" label="送达方式" initialValue="electronic">
        <Select options={methodOptions} />
      </Form.Item>
    </>
  );
}

interface ReleaseValues extends NoticeValues {
  releasedOn?: Dayjs;
  summary?: string;
}

/** 解除社区矫正: on or after the period's last day; issues the 解除社区矫正证明书. */
export function ReleaseDialog({ target, onClose }: { target: EndingTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<ReleaseValues>();
  const formError = useFormError(form);
  const end = useEndTerm();
  const { message } = App.useApp();
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    formError.clear();
    const periodEnd = dayjs(target.periodEnd);
    form.setFieldsValue({
      releasedOn: periodEnd.isAfter(dayjs()) ? periodEnd : dayjs(),
      notify: ['court', 'procuratorate', 'police'],
    });
  }, [target, form, formError.clear]);
  const submit = (v: ReleaseValues) => {
    if (!target) return;
    const releasedOn = day(v.releasedOn);
    end.mutate(
      {
        caseId: target.caseId,
        action: 'release',
        body: {
          version: target.version,
          releasedOn,
          summary: v.summary?.trim() || null,
          notices: noticesOf(v, releasedOn),
        },
      },
      {
        onSuccess: (r) => {
          message.success(`已解除社区矫正，证明书文号：${r.ending?.certificateNo ?? '—'}`);
          onClose();
        },
        onError: formError.report,
      },
    );
  };
  return (
    <Modal
      open={target !== null}
      title={`解除社区矫正：${target?.name ?? ''}`}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={end.isPending} onClick={() => form.submit()}>
            解除并出具证明书
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        矫正期限至 {target?.periodEnd} 届满。期满之日起可解除，系统生成《解除社区矫正证明书》。
      </Typography.Paragraph>
      <FormErrorAlert message={formError.message} />
      <Form<ReleaseValues> form={form} layout="vertical" onFinish={submit} disabled={end.isPending}>
        <Form.Item name="releasedOn" label="解除日期" rules={[{ required: true, message: '请选择解除日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label="矫正期间表现">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <NoticeFields />
      </Form>
    </Modal>
  );
}

interface TerminateValues extends NoticeValues {
  reason?: string;
  endedOn?: Dayjs;
  documentNo?: string;
  note?: string;
}

/** 终止社区矫正 (第四十五条): revocation, committal or death. */
export function TerminateDialog({ target, onClose }: { target: EndingTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<TerminateValues>();
  const formError = useFormError(form);
  const end = useEndTerm();
  const { message } = App.useApp();
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    formError.clear();
    form.setFieldsValue({ endedOn: dayjs(), notify: ['court'] });
  }, [target, form, formError.clear]);
  const submit = (v: TerminateValues) => {
    if (!target) return;
    const endedOn = day(v.endedOn);
    end.mutate(
      {
        caseId: target.caseId,
        action: 'terminate',
        body: {
          version: target.version,
          reason: v.reason,
          endedOn,
          documentNo: v.documentNo?.trim() ?? '',
          note: v.note?.trim() || null,
          notices: noticesOf(v, endedOn),
        },
      },
      {
        onSuccess: () => {
          message.success('已终止社区矫正');
          onClose();
        },
        onError: formError.report,
      },
    );
  };
  return (
    <Modal
      open={target !== null}
      title={`终止社区矫正：${target?.name ?? ''}`}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button danger type="primary" loading={end.isPending} onClick={() => form.submit()}>
            终止矫正
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError.message} />
      <Form<TerminateValues> form={form} layout="vertical" onFinish={submit} disabled={end.isPending}>
        <Form.Item name="reason" label="终止原因" rules={[{ required: true, message: '请选择终止原因' }]}>
          <Select
            options={terminationReasons.map((r) => ({ value: r, label: terminationReasonLabels[r] }))}
          />
        </Form.Item>
        <Form.Item name="endedOn" label="终止日期" rules={[{ required: true, message: '请选择终止日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label="依据文书编号"
          rules={[{ required: true, message: '请填写裁定书、决定书或死亡证明的编号' }]}
        >
          <Input maxLength={80} placeholder="如：（2026）桂0502刑更8号" />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <NoticeFields />
      </Form>
    </Modal>
  );
}
