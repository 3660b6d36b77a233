import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './console.css';
import { ConsoleProviders } from './providers.tsx';
import { createConsoleRouter } from './router.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('页面缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <ConsoleProviders>
      <RouterProvider router={createConsoleRouter()} />
    </ConsoleProviders>
  </StrictMode>,
);
