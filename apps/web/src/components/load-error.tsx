import { ReloadOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { errorMessage } from '../lib/api.ts';

interface LoadErrorProps {
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
  title?: string;
}

/** What went wrong (the API's Chinese message) and a way to try again. */
export function LoadError({ error, onRetry, retrying = false, title = '加载失败' }: LoadErrorProps) {
  return (
    <Result
      status="warning"
      title={title}
      subTitle={errorMessage(error)}
      extra={
        <Button type="primary" icon={<ReloadOutlined />} loading={retrying} onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
