import type { CalendarDay, CalendarOverride, CalendarOverrideKind } from '@zhucheng/contracts';
import { App, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { EnterSubmits } from '../../../components/enter-submits.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useDeleteOverride, usePutOverride } from '../api/use-calendar.ts';
import { dayKindLabels, weekdayLabels } from '../labels/day-kinds.ts';

interface OverrideValues {
  kind: CalendarOverrideKind;
  name: string;
  note?: string;
}

interface OverrideModalProps {
  /** The day being edited; null: closed. */
  day: CalendarDay | null;
  /** Its current override, when it has one. */
  override: CalendarOverride | undefined;
  onClose: () => void;
}

/** 设置某一天：放假或上班，覆盖国务院安排；已有设置时可删除。 */
export function OverrideModal({ day, override, onClose }: OverrideModalProps) {
  const [form] = Form.useForm<OverrideValues>();
  const formError = useFormError(form);
  const put = usePutOverride();
  const remove = useDeleteOverride();
  const narrow = useIsNarrow();
  const { message, modal } = App.useApp();
  const hasOverride = day?.source === 'override';

  useEffect(() => {
    if (!day) return;
    formError.clear();
    form.resetFields();
    if (override) {
      form.setFieldsValue({ kind: override.kind, name: override.name, note: override.note ?? '' });
    } else {
      // A day is usually set to the opposite of what it is now (放假 ↔ 上班).
      form.setFieldsValue({ kind: day.working === false ? 'workday' : 'holiday' });
    }
  }, [day, override, form, formError.clear]);

  if (!day) return null;

  const submit = (values: OverrideValues) =>
    put.mutate(
      { date: day.date, kind: values.kind, name: values.name.trim(), note: values.note?.trim() || null },
      {
        onSuccess: () => {
          message.success(`已将 ${day.date} 设为${values.kind === 'holiday' ? '放假' : '上班'}`);
          onClose();
        },
        onError: formError.report,
      },
    );

  const confirmDelete = () =>
    modal.confirm({
      title: `删除 ${day.date} 的人工设置？`,
      content:
        '删除后这一天恢复按国务院节假日安排（未发布安排的年度按星期）计算，受影响的办理期限会重新计算。',
      okText: '删除设置',
      okButtonProps: { danger: true },
      onOk: () =>
        remove
          .mutateAsync(day.date)
          .then(() => {
            message.success('已删除该日设置');
            onClose();
          })
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          }),
    });

  const current = day.kind === null ? '该年度节假日安排未录入' : dayKindLabels[day.kind];

  return (
    <Modal
      open
      title={`设置 ${day.date}（星期${weekdayLabels[day.weekday - 1] ?? ''}）`}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <div>
            {hasOverride && (
              <Button danger onClick={confirmDelete} loading={remove.isPending}>
                删除设置
              </Button>
            )}
          </div>
          <Flex gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={put.isPending} onClick={() => form.submit()}>
              保存
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        目前：{current}
        {day.name && day.kind !== 'workday' ? `（${day.name}）` : ''}
        {hasOverride ? '，来源：人工设置' : ''}。保存后覆盖节假日数据，并重新计算受影响的办理期限。
      </Typography.Paragraph>
      <FormErrorAlert message={formError.message} />
      <Form<OverrideValues>
        form={form}
        {...formLayout(narrow, 64)}
        disabled={put.isPending}
        onFinish={submit}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择“放假”或“上班”' }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: '放假' },
              { value: 'workday', label: '上班' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          extra="如“国庆节”“春节调休上班”"
          rules={[{ required: true, whitespace: true, message: '请填写名称，如“元旦”或“春节调休上班”' }]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label="说明" extra="选填，如依据的通知文号">
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Modal>
  );
}
