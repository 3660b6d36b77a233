import { type Jt808Edition, jt808Editions, type TerminalView } from '@zhucheng/contracts';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { EnterSubmits } from '../../../components/enter-submits.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { useCan } from '../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../lib/responsive.ts';
import { newIdempotencyKey, useCreateTerminal, useUpdateTerminal, useVendors } from '../api/use-tracking.ts';

interface TerminalValues {
  terminalNumber: string;
  deviceId: string;
  model: string;
  vendorId?: string | null;
  sim: string;
  edition: Jt808Edition;
  note?: string;
}

export const editionLabels: Record<Jt808Edition, string> = {
  '2011': 'JT/T 808-2011',
  '2013': 'JT/T 808-2013',
  '2019': 'JT/T 808-2019',
};
const editionOptions = jt808Editions.map((e) => ({ value: e, label: editionLabels[e] }));

/** 'new' registers a terminal; a TerminalView edits it (with its version; 409 reloads). */
export type TerminalTarget = null | 'new' | TerminalView;

/** 登记终端 / 编辑终端. The vendor select is shown only to holders of tracking:manageVendors (who may list them). */
export function TerminalDrawer({
  target,
  onClose,
  onCreated,
}: {
  target: TerminalTarget;
  onClose: () => void;
  onCreated?: (terminal: TerminalView) => void;
}) {
  const [form] = Form.useForm<TerminalValues>();
  const formError = useFormError(form);
  const editing = target !== null && target !== 'new' ? target : null;
  const create = useCreateTerminal();
  const update = useUpdateTerminal(editing?.id ?? '');
  const pending = create.isPending || update.isPending;
  const narrow = useIsNarrow();
  const size = useDrawerSize(600);
  const { message } = App.useApp();
  const can = useCan();
  const canSeeVendors = can('tracking:manageVendors');
  const vendors = useVendors(canSeeVendors && target !== null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    setIdempotencyKey(newIdempotencyKey());
    if (editing) {
      form.setFieldsValue({
        terminalNumber: editing.terminalNumber,
        deviceId: editing.deviceId,
        model: editing.model,
        vendorId: editing.vendor?.id ?? null,
        sim: editing.sim,
        edition: editing.edition,
        note: editing.note ?? undefined,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: TerminalValues) => {
    const common = {
      deviceId: v.deviceId.trim(),
      model: v.model.trim(),
      sim: v.sim.trim(),
      edition: v.edition,
      note: v.note?.trim() || null,
      // Without the vendor list the field is hidden: leave the vendor as it is.
      ...(canSeeVendors ? { vendorId: v.vendorId ?? null } : {}),
    };
    const onError = (error: unknown) => {
      if (editing && error instanceof ApiRequestError && error.status === 409) {
        message.warning(`${errorMessage(error)}。已重新加载最新内容，请重新编辑`);
        onClose();
        return;
      }
      formError.report(error);
    };
    if (editing) {
      update.mutate(
        { ...common, version: editing.version },
        {
          onSuccess: () => {
            message.success('终端信息已保存');
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { body: { ...common, terminalNumber: v.terminalNumber.trim() }, idempotencyKey },
        {
          onSuccess: (saved) => {
            message.success(`已登记终端：${saved.terminalNumber}`);
            onClose();
            onCreated?.(saved);
          },
          onError,
        },
      );
    }
  };

  return (
    <Drawer
      open={target !== null}
      title={editing ? `编辑终端：${editing.terminalNumber}` : '登记卫星终端'}
      size={size}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()}>
            {editing ? '保存' : '登记'}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError.message} />
      <Form<TerminalValues>
        form={form}
        {...formLayout(narrow, 112)}
        disabled={pending}
        initialValues={{ edition: '2019' }}
        onFinish={submit}
      >
        <Form.Item
          name="terminalNumber"
          label="终端号"
          rules={[
            { required: true, message: '请填写终端号' },
            { pattern: /^\s*\d{1,20}\s*$/, message: '终端号应为 1 至 20 位数字' },
          ]}
          extra={
            editing
              ? '终端号登记后不能修改；如填错，请停用后重新登记。'
              : 'JT/T 808 消息头中的终端手机号（SIM 卡号码），前导 0 可省略'
          }
        >
          <Input maxLength={24} disabled={editing !== null} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="deviceId"
          label="终端ID"
          rules={[
            { required: true, message: '请填写终端ID' },
            { pattern: /^\s*[0-9A-Za-z-]{1,30}\s*$/, message: '终端ID应为 1 至 30 位字母或数字' },
          ]}
          extra="终端注册（0x0100）时上报的终端ID，见设备铭牌；注册时会核对"
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="model" label="终端型号" rules={[{ required: true, message: '请填写终端型号' }]}>
          <Input maxLength={40} placeholder="如：北斗船载终端 BD-300" />
        </Form.Item>
        {canSeeVendors && (
          <Form.Item
            name="vendorId"
            label="终端厂商"
            extra="经厂商平台转发定位的终端请选择厂商；终端直连网关可不选"
          >
            <Select
              allowClear
              placeholder={vendors.isError ? '厂商列表加载失败' : '不选则为直连终端'}
              loading={vendors.isLoading}
              options={(vendors.data?.items ?? []).map((vendor) => ({
                value: vendor.id,
                label: `${vendor.name}（${vendor.code}）`,
              }))}
              notFoundContent={
                vendors.isError ? errorMessage(vendors.error) : '暂无厂商，可在“厂商接入”中添加'
              }
            />
          </Form.Item>
        )}
        <Form.Item
          name="sim"
          label="SIM 卡号"
          rules={[
            { required: true, message: '请填写 SIM 卡号' },
            { pattern: /^\s*[0-9A-Za-z]{6,24}\s*$/, message: 'SIM 卡号（ICCID）应为 6 至 24 位字母或数字' },
          ]}
          extra="卫星或蜂窝通信卡的 ICCID"
        >
          <Input maxLength={24} />
        </Form.Item>
        <Form.Item name="edition" label="协议版本" rules={[{ required: true, message: '请选择协议版本' }]}>
          <Select options={editionOptions} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}
