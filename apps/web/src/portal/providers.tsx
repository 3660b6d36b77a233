import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { createQueryClient } from '../lib/query-client.ts';
import { portalTheme } from '../lib/theme.ts';
import { SeniorModeProvider, useSeniorMode } from './senior-mode-context.tsx';

dayjs.locale('zh-cn');

function ThemedByMode({ children }: { children: ReactNode }) {
  const { seniorMode } = useSeniorMode();
  return (
    <ConfigProvider locale={zhCN} theme={portalTheme(seniorMode)}>
      {children}
    </ConfigProvider>
  );
}

export function PortalProviders({ seniorMode, children }: { seniorMode: boolean; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <SeniorModeProvider initial={seniorMode}>
        <ThemedByMode>{children}</ThemedByMode>
      </SeniorModeProvider>
    </QueryClientProvider>
  );
}
