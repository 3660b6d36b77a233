import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

/** Shown when a page fails to load, most often a page's code after a new release or a dropped connection. */
export function RouteError({ homePath, homeLabel }: { homePath: string; homeLabel: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title="页面加载失败"
      subTitle="可能是网络中断或系统刚刚更新，请刷新页面后重试。"
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>,
        <Button key="home" onClick={() => navigate(homePath)}>
          {homeLabel}
        </Button>,
      ]}
    />
  );
}
