import { ExclamationCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AvailableTransition, CaseDetail } from '@zhucheng/contracts';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { ApiRequestError, errorMessage } from '../../lib/api.ts';
import { showFieldErrors } from '../../lib/form-errors.ts';
import { formLayout } from '../../lib/form-layout.ts';
import { useIsNarrow } from '../../lib/responsive.ts';
import { FormErrorAlert } from '../form-error-alert.tsx';
import { useTransition } from './case-api.ts';
import { inputFromValues, type SchemaField, schemaFields } from './schema-fields.ts';

export const STALE_CASE_MESSAGE = '该案件已被他人处理，请刷新后重试';

interface TransitionDialogProps {
  detail: CaseDetail;
  /** The button pressed; null closes the dialog. */
  transition: AvailableTransition | null;
  onClose: () => void;
  /** Reloads the case and its timeline (after a 409). */
  onRefresh: () => void;
}

function fieldControl(field: SchemaField) {
  switch (field.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={field.maxLength} showCount />;
    case 'number':
    case 'integer':
      return (
        <InputNumber
          min={field.minimum}
          max={field.maximum}
          precision={field.kind === 'integer' ? 0 : undefined}
          style={{ width: '100%', maxWidth: 240 }}
        />
      );
    case 'boolean':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
    case 'select':
      return <Select options={field.options} placeholder="请选择" allowClear={!field.required} />;
    case 'date':
      return <DatePicker style={{ width: '100%', maxWidth: 240 }} />;
    default:
      return <Input maxLength={field.maxLength} />;
  }
}

/** The server may name a field of the input as `input.x` or just `x`; the form names it `input.x`. */
function withInputPaths(error: unknown, fields: readonly SchemaField[]): unknown {
  if (!(error instanceof ApiRequestError) || error.fields.length === 0) return error;
  const names = new Set(fields.map((field) => field.name));
  return new ApiRequestError({
    message: error.message,
    status: error.status,
    code: error.code,
    requestId: error.requestId,
    fields: error.fields.map((field) => {
      const head = field.path.split('.')[0] ?? '';
      return names.has(head) ? { ...field, path: `input.${field.path}` } : field;
    }),
  });
}

/**
 * 办理: the comment (办理意见) and the fields the transition needs, rendered from its JSON Schema. Sends the
 * version the page read; a stale one (someone else acted first) offers a refresh instead of a retry.
 */
export function TransitionDialog({ detail, transition, onClose, onRefresh }: TransitionDialogProps) {
  const narrow = useIsNarrow();
  const [form] = Form.useForm();
  const mutation = useTransition(detail.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const fields = useMemo(() => schemaFields(transition?.inputSchema), [transition]);

  const close = () => {
    setProblem(null);
    setStale(false);
    mutation.reset();
    onClose();
  };

  const submit = (values: { comment?: string; input?: Record<string, unknown> }) => {
    if (!transition) return;
    setProblem(null);
    mutation.mutate(
      {
        transition: transition.name,
        version: detail.version,
        comment: values.comment?.trim() || undefined,
        input: inputFromValues(fields, values.input ?? {}),
      },
      {
        onSuccess: close,
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) {
            setStale(true);
            return;
          }
          if (!showFieldErrors(form, withInputPaths(error, fields))) setProblem(errorMessage(error));
        },
      },
    );
  };

  const destructive = transition?.destructive ?? false;
  return (
    <Modal
      open={transition !== null}
      title={transition ? `${transition.label}：${detail.caseNo ?? '未编号'}` : ''}
      onCancel={close}
      width={narrow ? '100%' : 640}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={destructive}
          loading={mutation.isPending}
          disabled={stale}
          onClick={() => form.submit()}
        >
          {transition?.label ?? '确定'}
        </Button>,
      ]}
    >
      {transition && (
        <Alert
          type={destructive ? 'warning' : 'info'}
          showIcon
          icon={destructive ? <ExclamationCircleOutlined /> : undefined}
          style={{ marginBottom: 16 }}
          title={
            destructive
              ? `${transition.label}后，案件将变为“${transition.toLabel}”，办理随之结束，不能撤回。请确认后再提交。`
              : `${transition.label}后，案件将变为“${transition.toLabel}”。`
          }
        />
      )}
      {stale && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={STALE_CASE_MESSAGE}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => {
                onRefresh();
                close();
              }}
            >
              刷新
            </Button>
          }
        />
      )}
      <FormErrorAlert message={problem} />
      <Form
        form={form}
        {...formLayout(narrow, 112)}
        onFinish={submit}
        preserve={false}
        onValuesChange={() => setProblem(null)}
      >
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={['input', field.name]}
            label={field.label}
            tooltip={field.help}
            valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
            rules={
              field.required && field.kind !== 'boolean'
                ? [{ required: true, whitespace: true, message: `请填写${field.label}` }]
                : []
            }
          >
            {fieldControl(field)}
          </Form.Item>
        ))}
        <Form.Item name="comment" label="办理意见" rules={[{ max: 2000, message: '办理意见不超过 2000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder="选填" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
