import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { EnterSubmits } from '../../../components/enter-submits.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import type { OrgTreeNode } from '../../../lib/org-units.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useCreateUnit, useUpdateUnit } from '../api/use-org-units.ts';
import { type OrgUnitKind, orgUnitKindOptions } from '../org-kinds.ts';

interface UnitFormValues {
  kind?: OrgUnitKind;
  name: string;
  shortName?: string;
  divisionCode?: string;
  sortOrder?: number | null;
}

/** 新增下级机构 under `parent` (null: a top-level unit), or 修改 `unit`. */
export type UnitFormTarget =
  | null
  | { mode: 'create'; parent: OrgTreeNode | null }
  | { mode: 'edit'; unit: OrgTreeNode };

interface UnitFormModalProps {
  target: UnitFormTarget;
  onClose: () => void;
  onSaved: (unitId: number) => void;
}

export function UnitFormModal({ target, onClose, onSaved }: UnitFormModalProps) {
  const [form] = Form.useForm<UnitFormValues>();
  const formError = useFormError(form);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const { message } = App.useApp();
  const narrow = useIsNarrow();
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (!target) return;
    formError.clear();
    form.resetFields();
    if (target.mode === 'edit') {
      const { unit } = target;
      form.setFieldsValue({ name: unit.name, shortName: unit.shortName ?? '', sortOrder: unit.sortOrder });
    }
  }, [target, form, formError.clear]);

  const submit = (values: UnitFormValues) => {
    if (!target) return;
    const shortName = values.shortName?.trim() || null;
    if (target.mode === 'create') {
      create.mutate(
        {
          parentId: target.parent?.id ?? null,
          kind: values.kind as OrgUnitKind,
          name: values.name.trim(),
          shortName,
          divisionCode: values.divisionCode?.trim() || null,
          ...(values.sortOrder !== undefined && values.sortOrder !== null
            ? { sortOrder: values.sortOrder }
            : {}),
        },
        {
          onSuccess: (unit) => {
            message.success(`已新增 ${unit.name}`);
            onSaved(unit.id);
          },
          onError: formError.report,
        },
      );
      return;
    }
    const { unit } = target;
    const changes = {
      ...(values.name.trim() !== unit.name ? { name: values.name.trim() } : {}),
      ...(shortName !== unit.shortName ? { shortName } : {}),
      ...(values.sortOrder !== undefined && values.sortOrder !== null && values.sortOrder !== unit.sortOrder
        ? { sortOrder: values.sortOrder }
        : {}),
    };
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { id: unit.id, version: unit.version, ...changes },
      {
        onSuccess: () => {
          message.success('机构信息已保存');
          onSaved(unit.id);
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409 && error.fields.length === 0) {
            message.error(errorMessage(error));
            onClose();
            return;
          }
          formError.report(error);
        },
      },
    );
  };

  const title =
    target?.mode === 'edit'
      ? `修改机构：${target.unit.name}`
      : target?.parent
        ? `新增下级机构：${target.parent.name}`
        : '新增机构';

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={target?.mode === 'edit' ? '保存' : '新增'}
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={560}
      destroyOnHidden
    >
      <FormErrorAlert message={formError.message} />
      <Form<UnitFormValues> form={form} {...formLayout(narrow, 110)} disabled={saving} onFinish={submit}>
        {target?.mode === 'create' && (
          <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
            <Select options={orgUnitKindOptions} placeholder="请选择" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="机构名称"
          extra="使用全称，如“海城区东街司法所”"
          rules={[{ required: true, whitespace: true, message: '请填写机构名称' }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" extra="选填，用于表格和统计报表中的简短显示">
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        {target?.mode === 'create' && (
          <Form.Item
            name="divisionCode"
            label="行政区划代码"
            extra="选填：县（区）6 位，乡镇（街道）12 位"
            rules={[{ pattern: /^(\d{6}|\d{12})$/, message: '应为 6 位或 12 位数字' }]}
          >
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label="排序号" extra="同级机构按排序号从小到大排列">
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Modal>
  );
}
