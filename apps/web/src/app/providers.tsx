import { QueryClientProvider } from '@tanstack/react-query';
import { allPermissionCodes } from '@zhucheng/contracts';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { createQueryClient } from '../lib/query-client.ts';
import { consoleTheme } from '../lib/theme.ts';
import { AccessProvider } from './access.tsx';

dayjs.locale('zh-cn');

// Sign-in is not part of the platform yet, so the console offers every entry; the API still checks
// each call. When sessions arrive, the signed-in user's permission codes are passed here instead.
const grantedPermissions = allPermissionCodes;

export function ConsoleProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN} theme={consoleTheme}>
        <AntdApp>
          <AccessProvider granted={grantedPermissions}>{children}</AccessProvider>
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
