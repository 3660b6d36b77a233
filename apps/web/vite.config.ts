import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const consoleEntry = fileURLToPath(new URL('./index.html', import.meta.url));
const portalEntry = fileURLToPath(new URL('./portal/index.html', import.meta.url));

// The dev server's own fallback would answer /portal/* deep links with the console page;
// the API server does the same rewrite in production.
function portalFallback(): Plugin {
  return {
    name: 'zhucheng-portal-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        const pathname = url.split('?')[0] ?? '';
        const isPortalPage = /^\/portal(\/|$)/.test(pathname) && !/\.[a-z0-9]+$/i.test(pathname);
        const wantsHtml = req.headers.accept?.includes('text/html') ?? false;
        if (isPortalPage && wantsHtml) req.url = '/portal/index.html';
        next();
      });
    },
  };
}

// Vendor code changes rarely, so its chunks keep their hashes (and the browser cache) across releases.
// `entriesAware` splits a group by the set of entries using it: the portal, opened on cheap phones,
// does not download the antd components only the console uses.
const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
    priority: 30,
  },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/,
    priority: 20,
    entriesAware: true,
  },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10, entriesAware: true },
];

export default defineConfig({
  plugins: [react(), portalFallback()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { console: consoleEntry, portal: portalEntry },
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
