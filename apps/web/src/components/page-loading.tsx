import { Flex, Spin, Typography } from 'antd';

/** Shown while a page's code or first data loads. */
export function PageLoading({ label = '正在加载…' }: { label?: string }) {
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '64px 16px' }} role="status">
      <Spin size="large" />
      <Typography.Text type="secondary">{label}</Typography.Text>
    </Flex>
  );
}
