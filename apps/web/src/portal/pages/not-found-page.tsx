import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您打开的页面不存在或已下线，请返回首页重新选择服务。"
      extra={
        <Button type="primary" size="large" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}
