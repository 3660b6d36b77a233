import { Alert, Button, Modal, Typography } from 'antd';
import './one-time-password.css';

export interface OneTimePassword {
  /** 初始密码 after creating an account, 临时密码 after a reset. */
  kind: 'initial' | 'temporary';
  username: string;
  displayName: string;
  password: string;
}

/** A generated password, shown exactly once, with a copy button and how to hand it over. */
export function OneTimePasswordModal({
  value,
  onClose,
}: {
  value: OneTimePassword | null;
  onClose: () => void;
}) {
  const label = value?.kind === 'temporary' ? '临时密码' : '初始密码';
  return (
    <Modal
      open={value !== null}
      title={value?.kind === 'temporary' ? '密码已重置' : '账号已创建'}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
      destroyOnHidden
    >
      {value && (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            账号：{value.username}（{value.displayName}）
          </Typography.Paragraph>
          <div className="one-time-password">
            <Typography.Text type="secondary">{label}</Typography.Text>
            <Typography.Text
              className="one-time-password__value"
              copyable={{ text: value.password, tooltips: [`复制${label}`, '已复制'] }}
              data-testid="one-time-password"
            >
              {value.password}
            </Typography.Text>
          </div>
          <Alert
            type="warning"
            showIcon
            title="请当面或通过安全渠道交给本人，首次登录须修改"
            description={`${label}只显示这一次，关闭后无法再次查看；如遗失，可再次重置密码。`}
            style={{ marginTop: 12 }}
          />
        </>
      )}
    </Modal>
  );
}
