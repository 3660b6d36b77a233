import { Alert, Form, Input, Modal } from 'antd';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { useFormError } from '../../../lib/form-errors.ts';
import { useDisableTotp } from '../api/use-totp.ts';

interface TotpDisableModalProps {
  open: boolean;
  onClose: () => void;
  onDisabled: () => void;
}

export function TotpDisableModal({ open, onClose, onDisabled }: TotpDisableModalProps) {
  const [form] = Form.useForm<{ password: string }>();
  const formError = useFormError(form);
  const disable = useDisableTotp();
  return (
    <Modal
      open={open}
      title="停用双因素认证"
      okText="停用"
      okButtonProps={{ danger: true, loading: disable.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        formError.clear();
      }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title="停用后登录只需密码，账号更容易被盗用。如本单位安全策略要求启用，停用后须重新设置才能继续使用平台。"
        style={{ marginBottom: 16 }}
      />
      <FormErrorAlert message={formError.message} />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ password }) =>
          disable.mutate(password, { onSuccess: onDisabled, onError: formError.report })
        }
      >
        <Form.Item
          name="password"
          label="请输入登录密码以确认"
          rules={[{ required: true, message: '请输入登录密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
