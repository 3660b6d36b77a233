import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Card, Flex, Switch, Typography } from 'antd';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useRefreshSession } from '../../../lib/session.ts';
import { useSecurityPolicy, useUpdateSecurityPolicy } from '../api/use-policy.ts';

export default function PolicyPage() {
  const policy = useSecurityPolicy();
  const update = useUpdateSecurityPolicy();
  const refreshSession = useRefreshSession();
  const { message } = App.useApp();

  const setTotpRequired = (on: boolean) =>
    update.mutate(
      { totpRequiredForAdmins: on },
      {
        onSuccess: () => {
          message.success(on ? '已要求管理员启用双因素认证' : '已取消该要求');
          // The policy may now apply to the current user as well.
          void refreshSession();
        },
        onError: (error) => message.error(errorMessage(error)),
      },
    );

  return (
    <>
      <PageHeader title="安全策略" description="全平台的登录安全要求，修改后立即生效并记入审计日志" />
      {policy.data ? (
        <Card>
          <Flex justify="space-between" align="center" gap={24} wrap>
            <Flex gap={12} align="flex-start" style={{ flex: '1 1 320px', minWidth: 0 }}>
              <SafetyCertificateOutlined style={{ fontSize: 24, color: '#1d5fa8', marginTop: 2 }} />
              <div>
                <Typography.Text strong style={{ fontSize: 15 }}>
                  <label htmlFor="policy-totp">管理员必须启用双因素认证</label>
                </Typography.Text>
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                  开启后，系统管理员、安全管理员和安全审计员须在“个人中心”用手机验证器完成双因素认证设置，
                  否则登录后只能进入个人中心。等级保护第三级要求对管理员采用两种或两种以上组合的鉴别技术。
                </Typography.Paragraph>
              </div>
            </Flex>
            <Switch
              id="policy-totp"
              checked={policy.data.totpRequiredForAdmins}
              loading={update.isPending}
              onChange={setTotpRequired}
              checkedChildren="已开启"
              unCheckedChildren="未开启"
            />
          </Flex>
          {policy.data.totpRequiredForAdmins && (
            <Alert
              type="info"
              showIcon
              title="尚未设置双因素认证的管理员，下次操作时会被引导到个人中心完成设置。"
              style={{ marginTop: 16 }}
            />
          )}
        </Card>
      ) : policy.isError ? (
        <LoadError error={policy.error} retrying={policy.isFetching} onRetry={() => policy.refetch()} />
      ) : (
        <PageLoading />
      )}
    </>
  );
}
