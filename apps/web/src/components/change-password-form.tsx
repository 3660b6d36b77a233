import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { apiSend } from '../lib/api.ts';
import { useFormError } from '../lib/form-errors.ts';
import { FormErrorAlert } from './form-error-alert.tsx';

export const PASSWORD_POLICY_TEXT =
  '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface ChangePasswordFormProps {
  /** 当前密码, or 初始密码 when an administrator's one-time password is being replaced. */
  currentLabel?: string;
  submitText?: string;
  onChanged: () => void;
}

/** The user's own password: current, new (with the policy as help), and the new one again. */
export function ChangePasswordForm({
  currentLabel = '当前密码',
  submitText = '修改密码',
  onChanged,
}: ChangePasswordFormProps) {
  const [form] = Form.useForm<PasswordValues>();
  const formError = useFormError(form);
  const change = useMutation({
    mutationFn: (values: PasswordValues) =>
      apiSend('POST', '/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    onSuccess: () => {
      form.resetFields();
      onChanged();
    },
    onMutate: formError.clear,
    onError: formError.report,
  });

  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      requiredMark
      onFinish={(values) => change.mutate(values)}
      disabled={change.isPending}
      style={{ maxWidth: 440 }}
    >
      <FormErrorAlert message={formError.message} />
      <Form.Item
        name="currentPassword"
        label={currentLabel}
        rules={[{ required: true, message: `请输入${currentLabel}` }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={PASSWORD_POLICY_TEXT}
        rules={[
          { required: true, message: '请输入新密码' },
          { min: 8, message: '新密码至少 8 位' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="再次输入新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {submitText}
        </Button>
      </Form.Item>
    </Form>
  );
}
