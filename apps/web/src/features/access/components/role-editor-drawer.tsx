import type { RoleView } from '@zhucheng/contracts';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../lib/responsive.ts';
import { useCreateRole, useUpdateRole } from '../api/use-roles.ts';
import { type DataScope, dataScopeHelp, dataScopeOptions } from '../labels/data-scope-labels.ts';
import { PermissionTree } from './permission-tree.tsx';
import { RoleDetails } from './role-details.tsx';

interface RoleFormValues {
  code: string;
  name: string;
  description?: string;
  dataScope: DataScope;
  customUnitIds?: number[];
  permissions: string[];
}

/** `null`: closed; `'new'`: 新建角色; a role: edit it (or only look, when built-in or not allowed). */
export type RoleEditorTarget = null | 'new' | RoleView;

interface RoleEditorDrawerProps {
  target: RoleEditorTarget;
  catalogue: readonly string[];
  canManage: boolean;
  onClose: () => void;
}

export function RoleEditorDrawer({ target, catalogue, canManage, onClose }: RoleEditorDrawerProps) {
  const [form] = Form.useForm<RoleFormValues>();
  const formError = useFormError(form);
  const create = useCreateRole();
  const update = useUpdateRole();
  const { message } = App.useApp();
  const size = useDrawerSize(640);
  const narrow = useIsNarrow();
  const role = target !== null && target !== 'new' ? target : null;
  const readOnly = !canManage || role?.builtin === true;
  const dataScope = Form.useWatch('dataScope', form);
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    form.setFieldsValue(
      role
        ? {
            code: role.code,
            name: role.name,
            description: role.description,
            dataScope: role.dataScope,
            customUnitIds: role.customUnitIds,
            permissions: role.permissions,
          }
        : { dataScope: 'unit', permissions: [], customUnitIds: [] },
    );
  }, [target, role, form, formError.clear]);

  const submit = (values: RoleFormValues) => {
    const input = {
      name: values.name.trim(),
      description: values.description?.trim() || undefined,
      dataScope: values.dataScope,
      permissions: values.permissions ?? [],
      customUnitIds: values.dataScope === 'custom' ? (values.customUnitIds ?? []) : undefined,
    };
    const done = (text: string) => () => {
      message.success(text);
      onClose();
    };
    if (!role) {
      create.mutate(
        { ...input, code: values.code.trim() },
        { onSuccess: done('角色已创建'), onError: formError.report },
      );
      return;
    }
    update.mutate(
      { ...input, id: role.id, version: role.version },
      {
        onSuccess: done('角色已保存，持有该角色的账号下次操作时生效'),
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

  const title = !role ? '新建角色' : readOnly ? `查看角色：${role.name}` : `编辑角色：${role.name}`;
  return (
    <Drawer
      open={target !== null}
      title={title}
      size={size}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{readOnly ? '关闭' : '取消'}</Button>
          {!readOnly && (
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {role ? '保存' : '创建角色'}
            </Button>
          )}
        </Flex>
      }
    >
      {role?.builtin && (
        <Alert
          type="info"
          showIcon
          title="内置角色由系统维护，不能修改或删除；如需不同的权限组合，请新建角色。"
          style={{ marginBottom: 16 }}
        />
      )}
      {readOnly && role ? (
        <RoleDetails role={role} />
      ) : (
        <>
          <FormErrorAlert message={formError.message} />
          <Form<RoleFormValues> form={form} {...formLayout(narrow)} disabled={saving} onFinish={submit}>
            <Form.Item
              name="code"
              label="角色代码"
              extra={role ? undefined : '英文字母开头，如 notaryStaff；创建后不能修改'}
              rules={[
                { required: true, message: '请填写角色代码' },
                {
                  pattern: /^[a-zA-Z][a-zA-Z0-9_-]{1,39}$/,
                  message: '2–40 位字母、数字、_ 或 -，以字母开头',
                },
              ]}
            >
              <Input disabled={role !== null} maxLength={40} autoComplete="off" />
            </Form.Item>
            <Form.Item name="name" label="角色名称" rules={[{ required: true, message: '请填写角色名称' }]}>
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
            <Form.Item name="description" label="说明">
              <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
            <Form.Item
              name="dataScope"
              label="数据范围"
              extra={dataScope ? dataScopeHelp[dataScope] : undefined}
              rules={[{ required: true, message: '请选择数据范围' }]}
            >
              <Select options={dataScopeOptions} />
            </Form.Item>
            {dataScope === 'custom' && (
              <Form.Item
                name="customUnitIds"
                label="指定机构"
                rules={[{ required: true, type: 'array', min: 1, message: '请选择至少一个机构' }]}
              >
                <UnitTreeSelect multiple placeholder="选择可查看其数据的机构" />
              </Form.Item>
            )}
            <Form.Item name="permissions" label="功能权限" extra="勾选该角色可以使用的功能">
              <PermissionTree catalogue={catalogue} />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
