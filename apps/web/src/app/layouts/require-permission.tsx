import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { ConsolePermission } from '../../lib/access.tsx';
import { useCan } from '../../lib/access.tsx';

export function RequirePermission({
  permission,
  children,
}: {
  permission: ConsolePermission;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const can = useCan();
  if (can(permission)) return children;
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有打开此页面的权限。如需使用，请联系本单位的系统管理员开通。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
