import { type SweepItemView, sweepRiskLabels, sweepRisks } from '@zhucheng/contracts';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { useFormError } from '../../../../lib/form-errors.ts';
import { flattenOrgTree, useOrgTree } from '../../../../lib/org-units.ts';
import { useCreateSweep, useUpdateSweepItem } from '../api/use-sweeps.ts';

interface CampaignValues {
  name: string;
  range?: [Dayjs, Dayjs];
  officeIds: number[];
  note?: string;
}

/** 发起安全排查: name, period and the offices (司法所) in the caller's scope. */
export function CreateSweepDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CampaignValues>();
  const formError = useFormError(form);
  const create = useCreateSweep();
  const tree = useOrgTree();
  const { message } = App.useApp();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const offices = useMemo(
    () =>
      [...flattenOrgTree(tree.data ?? []).values()]
        .filter((u) => u.kind === 'justiceOffice' && u.status !== 'disabled')
        .map((u) => ({ value: u.id, label: u.name })),
    [tree.data],
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    formError.clear();
    setIdempotencyKey(crypto.randomUUID());
  }, [open, form, formError.clear]);
  const submit = (v: CampaignValues) =>
    create.mutate(
      {
        idempotencyKey,
        body: {
          name: v.name,
          startsOn: v.range?.[0]?.format('YYYY-MM-DD'),
          endsOn: v.range?.[1]?.format('YYYY-MM-DD'),
          officeIds: v.officeIds ?? [],
          note: v.note ?? null,
        },
      },
      {
        onSuccess: (c) => {
          message.success(`已发起“${c.name}”，共 ${c.total} 名社区矫正对象待排查`);
          onClose();
        },
        onError: formError.report,
      },
    );
  return (
    <Modal
      open={open}
      title="发起安全排查"
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            发起
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError.message} />
      <Form<CampaignValues> form={form} layout="vertical" onFinish={submit} disabled={create.isPending}>
        <Form.Item
          name="name"
          label="排查活动名称"
          rules={[{ required: true, message: '请填写排查活动名称' }]}
        >
          <Input maxLength={60} placeholder="如：春节前安全大排查" />
        </Form.Item>
        <Form.Item name="range" label="排查时间" rules={[{ required: true, message: '请选择排查起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="officeIds"
          label="参加的司法所"
          rules={[{ required: true, message: '请选择参加排查的司法所' }]}
        >
          <Select mode="multiple" options={offices} loading={tree.isPending} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="note" label="工作要求">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ItemValues {
  checks: string[];
  risk?: string;
  note?: string;
}

/** 登记排查情况: the three checks, the risk and a note; 标记已排查 when all three are done. */
export function SweepItemDialog({ item, onClose }: { item: SweepItemView | null; onClose: () => void }) {
  const [form] = Form.useForm<ItemValues>();
  const formError = useFormError(form);
  const update = useUpdateSweepItem();
  const { message } = App.useApp();
  useEffect(() => {
    if (!item) return;
    formError.clear();
    form.setFieldsValue({
      checks: [
        ...(item.contactVerified ? ['contactVerified'] : []),
        ...(item.homeVisited ? ['homeVisited'] : []),
        ...(item.riskAssessed ? ['riskAssessed'] : []),
      ],
      risk: item.risk ?? undefined,
      note: item.note ?? undefined,
    });
  }, [item, form, formError.clear]);
  const save = (complete: boolean) => (v: ItemValues) => {
    if (!item) return;
    update.mutate(
      {
        campaignId: item.campaignId,
        itemId: item.id,
        body: {
          version: item.version,
          contactVerified: v.checks?.includes('contactVerified') ?? false,
          homeVisited: v.checks?.includes('homeVisited') ?? false,
          riskAssessed: v.checks?.includes('riskAssessed') ?? false,
          risk: v.risk ?? null,
          note: v.note ?? null,
          complete,
        },
      },
      {
        onSuccess: () => {
          message.success(complete ? '已标记为已排查' : '已保存');
          onClose();
        },
        onError: formError.report,
      },
    );
  };
  return (
    <Modal
      open={item !== null}
      title={`排查情况：${item?.name ?? ''}`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button loading={update.isPending} onClick={() => form.validateFields().then(save(false))}>
            保存
          </Button>
          <Button
            type="primary"
            loading={update.isPending}
            onClick={() => form.validateFields().then(save(true))}
          >
            标记已排查
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError.message} />
      <Form<ItemValues> form={form} layout="vertical" disabled={update.isPending}>
        <Form.Item name="checks" label="排查事项">
          <Checkbox.Group
            options={[
              { value: 'contactVerified', label: '核实联系方式' },
              { value: 'homeVisited', label: '走访家庭' },
              { value: 'riskAssessed', label: '评估风险' },
            ]}
          />
        </Form.Item>
        <Form.Item name="risk" label="风险评估结果">
          <Select allowClear options={sweepRisks.map((r) => ({ value: r, label: sweepRiskLabels[r] }))} />
        </Form.Item>
        <Form.Item name="note" label="排查情况">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
