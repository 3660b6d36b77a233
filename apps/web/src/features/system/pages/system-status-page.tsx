import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useHealth } from '../api/use-health.ts';
import { HealthDetails } from '../components/health-details.tsx';

export default function SystemStatusPage() {
  const { data, error, isPending, isFetching, refetch } = useHealth();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            系统状态
          </Typography.Title>
          <Typography.Text type="secondary">服务与数据库的运行情况，每 30 秒自动刷新</Typography.Text>
        </div>
        <Button icon={<ReloadOutlined />} loading={isFetching && !isPending} onClick={() => refetch()}>
          刷新
        </Button>
      </Flex>
      {data ? (
        <HealthDetails health={data} />
      ) : error ? (
        <LoadError error={error} retrying={isFetching} onRetry={() => refetch()} />
      ) : (
        <PageLoading />
      )}
    </>
  );
}
