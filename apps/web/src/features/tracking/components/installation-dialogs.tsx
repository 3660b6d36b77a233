import type { InstallationView } from '@zhucheng/contracts';
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { useInstallationChange, useVesselOptions } from '../api/use-tracking.ts';
import { dateTimeMinutes } from './format.ts';

interface InstallValues {
  vesselId: string;
  from: Dayjs;
  to?: Dayjs | null;
  note?: string;
}

/** The vessel picker: searches the corrections module's vessels (name, registration number). */
function VesselPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const vessels = useVesselOptions(q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder="输入船名或船舶登记号搜索"
      loading={vessels.isFetching}
      notFoundContent={
        vessels.isError
          ? errorMessage(vessels.error)
          : vessels.isFetching
            ? '正在搜索…'
            : q
              ? '没有符合条件的船舶'
              : '暂无船舶，请先在“社区矫正 › 船舶”中登记'
      }
      options={(vessels.data?.items ?? []).map((v) => ({
        value: v.id,
        label: `${v.name}（${v.registrationNo}${v.homePort ? `，${v.homePort}` : ''}）`,
      }))}
      style={{ width: '100%' }}
    />
  );
}

/** 安装到船舶: vessel, installed from (default now), optionally until (recording a past installation). */
export function InstallDialog({
  terminalId,
  terminalNumber,
  open,
  onClose,
}: {
  terminalId: string;
  terminalNumber: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<InstallValues>();
  const formError = useFormError(form);
  const change = useInstallationChange(terminalId);
  const { message } = App.useApp();

  useEffect(() => {
    if (!open) return;
    formError.clear();
    form.resetFields();
    form.setFieldsValue({ from: dayjs().startOf('minute') });
  }, [open, form, formError.clear]);

  const submit = (v: InstallValues) =>
    change.mutate(
      {
        path: 'installations',
        body: {
          vesselId: v.vesselId,
          from: v.from.format(),
          to: v.to ? v.to.format() : null,
          note: v.note?.trim() || null,
        },
      },
      {
        onSuccess: () => {
          message.success('已记录安装');
          onClose();
        },
        onError: formError.report,
      },
    );

  return (
    <Modal
      open={open}
      title={`安装到船舶：终端 ${terminalNumber}`}
      okText="确认安装"
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrorAlert message={formError.message} />
      <Form<InstallValues> form={form} layout="vertical" disabled={change.isPending} onFinish={submit}>
        <Form.Item name="vesselId" label="船舶" rules={[{ required: true, message: '请选择船舶' }]}>
          <VesselPicker />
        </Form.Item>
        <Form.Item
          name="from"
          label="安装时间"
          rules={[{ required: true, message: '请选择安装时间' }]}
          extra="从此时起终端上报的定位计入该船轨迹"
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="to"
          label="拆除时间"
          dependencies={['from']}
          extra="补录已结束的安装时填写；终端仍在船上请留空"
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const from = getFieldValue('from') as Dayjs | undefined;
                return !value || !from || value.isAfter(from)
                  ? Promise.resolve()
                  : Promise.reject(new Error('拆除时间应晚于安装时间'));
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 拆除: the end of a current installation (default now). */
export function EndInstallationDialog({
  terminalId,
  installation,
  onClose,
}: {
  terminalId: string;
  installation: InstallationView | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ to: Dayjs }>();
  const formError = useFormError(form);
  const change = useInstallationChange(terminalId);
  const { message } = App.useApp();

  useEffect(() => {
    if (!installation) return;
    formError.clear();
    form.resetFields();
    form.setFieldsValue({ to: dayjs().startOf('minute') });
  }, [installation, form, formError.clear]);

  const submit = (v: { to: Dayjs }) => {
    if (!installation) return;
    change.mutate(
      { path: `installations/${installation.id}/end`, body: { to: v.to.format() } },
      {
        onSuccess: () => {
          message.success('已记录拆除');
          onClose();
        },
        onError: formError.report,
      },
    );
  };

  return (
    <Modal
      open={installation !== null}
      title="拆除终端"
      okText="确认拆除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {installation && (
        <Typography.Paragraph style={{ wordBreak: 'break-word' }}>
          终端自 {dateTimeMinutes(installation.from)} 起安装在 {installation.vessel.name}（
          {installation.vessel.registrationNo}）。拆除后，该时间之后的定位不再计入这艘船的轨迹。
        </Typography.Paragraph>
      )}
      <FormErrorAlert message={formError.message} />
      <Form<{ to: Dayjs }> form={form} layout="vertical" disabled={change.isPending} onFinish={submit}>
        <Form.Item
          name="to"
          label="拆除时间"
          rules={[
            { required: true, message: '请选择拆除时间' },
            {
              validator: (_, value: Dayjs | undefined) =>
                !value || !installation || value.isAfter(dayjs(installation.from))
                  ? Promise.resolve()
                  : Promise.reject(new Error('拆除时间应晚于安装时间')),
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
