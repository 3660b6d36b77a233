import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { type CasePagePaths, CasePagesContext } from '../lib/case-pages.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { consoleTheme } from '../lib/theme.ts';
import { features } from './features.ts';

dayjs.locale('zh-cn');

const casePages: CasePagePaths = Object.assign({}, ...features.map((f) => f.casePages ?? {}));

// The signed-in user's permissions are provided by the session gate (session/require-session.tsx),
// inside the router, once /api/auth/me has answered.
export function ConsoleProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zhCN} theme={consoleTheme}>
        <AntdApp>
          <CasePagesContext.Provider value={casePages}>{children}</CasePagesContext.Provider>
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
