import { Spin } from 'antd';

/** Shown while a page's code or first data loads. */
export function PageLoading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '64px 16px' }}>
      <Spin size="large" description={tip}>
        <div style={{ width: 160, height: 48 }} />
      </Spin>
    </div>
  );
}
