import type { UserView } from '@zhucheng/contracts';
import { App, Button, Checkbox, Drawer, Flex, Form, Input } from 'antd';
import { useEffect } from 'react';
import { EnterSubmits } from '../../../components/enter-submits.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { formLayout } from '../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../lib/responsive.ts';
import { useCreateUser, useUpdateUser } from '../api/use-users.ts';
import type { OneTimePassword } from './one-time-password-modal.tsx';

interface UserFormValues {
  username: string;
  displayName: string;
  unitId?: number;
  phone?: string;
  clearPhone?: boolean;
}

/** `null`: closed; `'new'`: 新建账号; a user: 编辑账号. */
export type UserFormTarget = null | 'new' | UserView;

interface UserFormDrawerProps {
  target: UserFormTarget;
  onClose: () => void;
  onCreated: (password: OneTimePassword) => void;
}

const phoneRule = { pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号码' };

export function UserFormDrawer({ target, onClose, onCreated }: UserFormDrawerProps) {
  const [form] = Form.useForm<UserFormValues>();
  const formError = useFormError(form);
  const create = useCreateUser();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const size = useDrawerSize(560);
  const narrow = useIsNarrow();
  const editing = target !== null && target !== 'new' ? target : null;
  const clearPhone = Form.useWatch('clearPhone', form);
  const saving = create.isPending || update.isPending;

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        username: editing.username,
        displayName: editing.displayName,
        unitId: editing.unitId,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (values: UserFormValues) => {
    const phone = values.phone?.trim() || undefined;
    if (!editing) {
      create.mutate(
        {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          unitId: values.unitId ?? 0,
          phone,
        },
        {
          onSuccess: ({ user, initialPassword }) => {
            onClose();
            onCreated({
              kind: 'initial',
              username: user.username,
              displayName: user.displayName,
              password: initialPassword,
            });
          },
          onError: formError.report,
        },
      );
      return;
    }
    update.mutate(
      {
        id: editing.id,
        version: editing.version,
        displayName: values.displayName.trim(),
        ...(values.unitId !== undefined ? { unitId: values.unitId } : {}),
        ...(values.clearPhone ? { phone: null } : phone ? { phone } : {}),
      },
      {
        onSuccess: () => {
          message.success('账号信息已保存');
          onClose();
        },
        onError: (error) => {
          // Someone else saved first: say so and show the fresh row instead of overwriting it.
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

  return (
    <Drawer
      open={target !== null}
      title={editing ? `编辑账号：${editing.displayName}` : '新建账号'}
      size={size}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {editing ? '保存' : '创建账号'}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError.message} />
      <Form<UserFormValues> form={form} {...formLayout(narrow)} disabled={saving} onFinish={submit}>
        <Form.Item
          name="username"
          label="用户名"
          extra={
            editing
              ? '用户名创建后不能修改'
              : '用于登录：3–32 位小写字母、数字或 . _ -，以字母开头，如 zhangsan'
          }
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3–32 位小写字母、数字或 . _ -，以字母开头' },
          ]}
        >
          <Input disabled={editing !== null} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="所属机构"
          extra="决定本人能看到哪些数据（与角色的数据范围一起）"
          rules={[{ required: true, message: '请选择所属机构' }]}
        >
          <UnitTreeSelect activeOnly placeholder="请选择所属机构" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          extra={
            editing?.phoneMasked
              ? `已登记 ${editing.phoneMasked}；填写新号码将替换，不修改请留空`
              : '选填，用于接收平台通知短信'
          }
          rules={[phoneRule]}
        >
          <Input inputMode="numeric" maxLength={11} disabled={clearPhone === true} autoComplete="off" />
        </Form.Item>
        {editing?.phoneMasked && (
          <Form.Item name="clearPhone" valuePropName="checked" label=" " colon={false}>
            <Checkbox>删除已登记的手机号</Checkbox>
          </Form.Item>
        )}
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}
