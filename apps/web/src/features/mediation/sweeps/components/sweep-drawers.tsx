import type { SweepView } from '@zhucheng/contracts';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { EnterSubmits } from '../../../../components/enter-submits.tsx';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api.ts';
import { useFormError } from '../../../../lib/form-errors.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../../lib/responsive.ts';
import { useCancelSweep, useRecordHeld, useSavePlan, useSweepUnits } from '../api/sweeps-api.ts';

// The sweep forms: 计划排查 / 修改计划, 登记排查情况 (on a planned sweep, or 登记已开展的排查 straight away),
// 取消排查. A stale version (409) closes the drawer with the server's message; the list refreshes.

/** What a drawer is open for. */
export type SweepTarget =
  | null
  | { mode: 'plan'; sweep?: SweepView }
  | { mode: 'hold'; sweep?: SweepView }
  | { mode: 'cancel'; sweep: SweepView };

interface SweepValues {
  unitId?: number;
  title?: string;
  plannedOn?: Dayjs;
  area?: string;
  heldOn?: Dayjs;
  participants?: string;
  participantCount?: number;
  findings?: string;
  risksFound?: number;
  reason?: string;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD') ?? '';

function titleOf(target: SweepTarget): string {
  if (!target) return '';
  if (target.mode === 'plan') return target.sweep ? `修改排查计划：${target.sweep.title}` : '计划排查';
  if (target.mode === 'hold')
    return target.sweep ? `登记排查情况：${target.sweep.title}` : '登记已开展的排查';
  return `取消排查：${target.sweep.title}`;
}

export function SweepDrawer({ target, onClose }: { target: SweepTarget; onClose: () => void }) {
  const [form] = Form.useForm<SweepValues>();
  const formError = useFormError(form);
  const plan = useSavePlan();
  const held = useRecordHeld();
  const cancel = useCancelSweep();
  const units = useSweepUnits();
  const narrow = useIsNarrow();
  const size = useDrawerSize(560);
  const { message } = App.useApp();
  const sweep = target?.sweep;
  const pending = plan.isPending || held.isPending || cancel.isPending;
  // The plan's own fields: a new plan, a changed plan, or a sweep recorded without one.
  const planFields = target?.mode === 'plan' || (target?.mode === 'hold' && !sweep);
  const holdFields = target?.mode === 'hold';

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    const s = target.sweep;
    if (s) {
      form.setFieldsValue({
        unitId: s.unitId,
        title: s.title,
        plannedOn: dayjs(s.plannedOn),
        area: s.area,
        participants: s.participants || undefined,
        heldOn: s.heldOn ? dayjs(s.heldOn) : undefined,
        participantCount: s.participantCount ?? undefined,
        findings: s.status === 'held' ? (s.findings ?? undefined) : undefined,
        risksFound: s.risksFound,
      });
    } else if (units.data?.items.length === 1) {
      form.setFieldsValue({ unitId: units.data.items[0]?.id });
    }
  }, [target, form, formError.clear, units.data]);

  const done = (text: string) => {
    message.success(text);
    onClose();
  };
  const failed = (error: unknown) => {
    if (error instanceof ApiRequestError && error.status === 409) {
      message.error(errorMessage(error));
      onClose();
      return;
    }
    formError.report(error);
  };

  const submit = (v: SweepValues) => {
    if (!target) return;
    const planBody = {
      unitId: v.unitId ?? 0,
      title: v.title?.trim() ?? '',
      plannedOn: day(v.plannedOn ?? v.heldOn),
      area: v.area?.trim() ?? '',
      participants: v.participants?.trim() ?? '',
    };
    const heldBody = {
      heldOn: day(v.heldOn),
      participants: v.participants?.trim() ?? '',
      participantCount: v.participantCount ?? 0,
      findings: v.findings?.trim() ?? '',
      risksFound: v.risksFound ?? 0,
    };
    if (target.mode === 'plan') {
      plan.mutate(
        target.sweep
          ? { id: target.sweep.id, body: { ...planBody, version: target.sweep.version } }
          : { body: planBody },
        { onSuccess: () => done('排查计划已保存'), onError: failed },
      );
    } else if (target.mode === 'hold') {
      held.mutate(
        target.sweep
          ? { id: target.sweep.id, body: { ...heldBody, version: target.sweep.version } }
          : { body: { ...planBody, ...heldBody } },
        { onSuccess: () => done('排查情况已登记'), onError: failed },
      );
    } else {
      cancel.mutate(
        { id: target.sweep.id, body: { version: target.sweep.version, reason: v.reason?.trim() ?? '' } },
        { onSuccess: () => done('排查已取消'), onError: failed },
      );
    }
  };

  return (
    <Drawer
      open={target !== null}
      title={titleOf(target)}
      size={size}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>关闭</Button>
          <Button
            type="primary"
            danger={target?.mode === 'cancel'}
            loading={pending}
            onClick={() => form.submit()}
          >
            {target?.mode === 'cancel' ? '确认取消排查' : '保存'}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError.message} />
      <Form<SweepValues> form={form} {...formLayout(narrow)} disabled={pending} onFinish={submit}>
        {planFields && (
          <>
            <Form.Item
              name="unitId"
              label="组织单位"
              rules={[{ required: true, message: '请选择组织排查的单位' }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={units.isPending}
                placeholder="司法所或人民调解委员会"
                options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item name="title" label="排查名称" rules={[{ required: true, message: '请填写排查名称' }]}>
              <Input maxLength={100} placeholder="如：2023年6月矛盾纠纷集中排查" />
            </Form.Item>
            {target?.mode === 'plan' && (
              <Form.Item
                name="plannedOn"
                label="计划日期"
                rules={[{ required: true, message: '请选择计划日期' }]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            )}
            <Form.Item name="area" label="排查范围" rules={[{ required: true, message: '请填写排查范围' }]}>
              <Input.TextArea
                maxLength={300}
                autoSize={{ minRows: 2 }}
                placeholder="村（社区）、网格、企业、工地等"
              />
            </Form.Item>
          </>
        )}
        {holdFields && (
          <>
            <Form.Item name="heldOn" label="排查日期" rules={[{ required: true, message: '请选择排查日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item
              name="participantCount"
              label="参加人数"
              rules={[{ required: true, message: '请填写参加人数' }]}
            >
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {(planFields || holdFields) && (
          <Form.Item
            name="participants"
            label="参加人员"
            rules={holdFields ? [{ required: true, message: '请填写参加人员' }] : []}
          >
            <Input.TextArea
              maxLength={500}
              autoSize={{ minRows: 2 }}
              placeholder="司法所干部、调委会委员、网格员等"
            />
          </Form.Item>
        )}
        {holdFields && (
          <>
            <Form.Item
              name="findings"
              label="排查情况"
              rules={[{ required: true, message: '请填写排查情况' }]}
            >
              <Input.TextArea
                maxLength={2000}
                autoSize={{ minRows: 3 }}
                placeholder="走访了哪些地方、发现了哪些矛盾纠纷和隐患、如何处置"
              />
            </Form.Item>
            <Form.Item
              name="risksFound"
              label="发现隐患"
              extra="未立案调解、需跟进化解的风险隐患数"
              initialValue={0}
            >
              <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} addonAfter="处" />
            </Form.Item>
          </>
        )}
        {target?.mode === 'cancel' && (
          <Form.Item name="reason" label="取消原因" rules={[{ required: true, message: '请填写取消原因' }]}>
            <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}
