import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

describe('serving the web build', () => {
  let t: TestApp;
  let dist: string;
  const bootScript = "document.documentElement.dataset.senior='1'";

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.mkdirSync(path.join(dist, 'portal'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>工作台</title>');
    fs.writeFileSync(
      path.join(dist, 'portal/index.html'),
      `<!doctype html><title>门户</title><script>${bootScript}</script>`,
    );
    fs.writeFileSync(path.join(dist, 'assets/app-3f9a1c.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves the console at / and revalidates its HTML every time', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>工作台</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers console client routes with the console page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/legal-aid/applications/42?tab=parties' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>工作台</title>');
  });

  it('answers portal routes with the portal page', async () => {
    for (const url of ['/portal', '/portal/', '/portal/services/legal-aid']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<title>门户</title>');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('caches hashed assets for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset 404, not with a page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/gone-000000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('allows exactly the inline scripts of the build in its CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/portal/' });
    const hash = crypto.createHash('sha256').update(bootScript).digest('base64');
    expect(res.headers['content-security-policy']).toContain(`script-src 'self' 'sha256-${hash}'`);
  });
});

describe('without a web build', () => {
  it('tells the user how to build it', async () => {
    const t = await createTestApp({ env: { WEB_DIST_DIR: '/nonexistent/dist' } });
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    await t.close();
  });
});
