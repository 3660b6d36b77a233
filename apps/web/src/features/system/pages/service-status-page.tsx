import { Button, Card, Flex, Result } from 'antd';
import { KeyValueList } from '../../../components/key-value-list.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import {
  formatChineseDate,
  formatDateTimeInZone,
  formatDuration,
  formatTimeZone,
} from '../../../lib/format.ts';
import { useHealth } from '../api/use-health.ts';
import { databaseKindLabel, databaseStatusLabel } from '../components/health-labels.ts';

export default function ServiceStatusPage() {
  const { data, error, isFetching, refetch } = useHealth();
  if (!data) {
    return error ? (
      <LoadError error={error} retrying={isFetching} onRetry={() => refetch()} />
    ) : (
      <PageLoading />
    );
  }
  const ok = data.status === 'ok';
  return (
    <Flex vertical gap={12}>
      <Card styles={{ body: { padding: 8 } }}>
        <Result
          status={ok ? 'success' : 'warning'}
          title={ok ? '服务运行正常' : '部分功能暂时异常'}
          subTitle={ok ? '可以正常办理各项网上服务' : '部分服务可能暂时无法使用，请稍后再试'}
          style={{ padding: '24px 8px' }}
        />
      </Card>
      <Card styles={{ body: { padding: '4px 16px' } }}>
        <KeyValueList
          rows={[
            { label: '数据库', value: databaseKindLabel(data.database.kind) },
            { label: '数据库连接', value: databaseStatusLabel(data.database.ok).text },
            { label: '响应时间', value: `${data.database.latencyMs.toFixed(1)} 毫秒` },
            { label: '服务器时间', value: formatDateTimeInZone(data.time, data.timeZone) },
            { label: '今天', value: formatChineseDate(data.today) },
            { label: '时区', value: formatTimeZone(data.timeZone) },
            { label: '已连续运行', value: formatDuration(data.uptimeSeconds) },
            { label: '版本', value: data.version },
          ]}
        />
      </Card>
      <Button block size="large" loading={isFetching} onClick={() => refetch()}>
        刷新
      </Button>
    </Flex>
  );
}
