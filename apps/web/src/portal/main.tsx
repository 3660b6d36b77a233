import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './portal.css';
import { PortalProviders } from './providers.tsx';
import { createPortalRouter } from './router.tsx';
import { applySeniorMode, readSeniorMode } from './senior-mode.ts';

// Read before the first render: the first frame already has the right text size.
const seniorMode = readSeniorMode();
applySeniorMode(seniorMode);

const container = document.getElementById('root');
if (!container) throw new Error('页面缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <PortalProviders seniorMode={seniorMode}>
      <RouterProvider router={createPortalRouter()} />
    </PortalProviders>
  </StrictMode>,
);
