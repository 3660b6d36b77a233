import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// A clerk opens the console on a desktop and on a phone; a citizen opens the portal on a cheap phone and
// turns on 长辈模式; a developer opens the API docs. No page may log an error.
const adminPassword = 'Beihai#2026sys';

/** The console opens only after signing in (the journeys of identity.e2e.ts cover the sign-in itself). */
async function signInAsAdmin(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(adminPassword);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}/`);
}

describe('web shells', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({
      ADMIN_PASSWORD: adminPassword,
      SECADMIN_PASSWORD: 'Zhucheng#2026sec',
      AUDITOR_PASSWORD: 'Haicheng#2026aud',
      LOGIN_RATE_PER_MINUTE: '1000',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [label, width, height] of [
    ['desktop', 1440, 900],
    ['phone', 375, 812],
  ] as const) {
    it(`console home on a ${label} (${width} px)`, async () => {
      const { page, errors } = await openPage(browser, width, height);
      await signInAsAdmin(page, server.url);
      await expect.poll(() => page.title()).toContain('珠城智慧司法平台');
      await page.getByText('您好，系统管理员').waitFor();
      await page.getByText('北海市司法局').first().waitFor();
      for (const line of ['法律援助', '人民调解', '行政复议', '社区矫正', '统计报表']) {
        await page.getByText(line, { exact: true }).first().waitFor();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `console-home-${width}`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('console: the system status page shows the embedded database, and unknown pages say so', async () => {
    const { page, errors } = await openPage(browser, 1440, 900);
    await signInAsAdmin(page, server.url);
    await page.getByText('系统管理', { exact: true }).click();
    await page.getByRole('menuitem', { name: '系统状态' }).click();
    await page.getByText('PGlite', { exact: false }).first().waitFor();
    expect(page.url()).toContain('/system');
    await screenshot(page, 'console-system-status-1440');
    // A deep link survives a reload: the server answers client routes with the console page.
    await page.reload();
    await page.getByText('PGlite', { exact: false }).first().waitFor();

    await page.goto(`${server.url}/no/such/page`);
    await page.locator('.ant-result-title', { hasText: '页面不存在' }).waitFor();
    await screenshot(page, 'console-404-1440');
    await page.getByRole('button', { name: /返回工作台/ }).click();
    await page.getByText('您好，系统管理员').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('portal on a 360 px phone: tabs, services, and a senior mode that is remembered', async () => {
    const { page, errors } = await openPage(browser, 360, 740);
    await page.goto(`${server.url}/portal/`);
    await expect.poll(() => page.title()).toContain('珠城法律服务');
    await page.getByText('申请法律援助').first().waitFor();
    await page.getByText('即将开通').first().waitFor();
    await screenshot(page, 'portal-home-360');

    await page.getByRole('link', { name: /办事/ }).click();
    await page.waitForURL(/\/portal\/services/);
    await page.getByRole('link', { name: /我的/ }).click();
    await page.getByText('长辈模式').waitFor();
    const bodySize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(await bodySize()).toBeLessThan(18);

    await page.locator('#senior-mode-switch').click();
    await expect.poll(bodySize).toBeGreaterThanOrEqual(18);
    await screenshot(page, 'portal-me-senior-360');

    await page.reload();
    // Applied before the first paint by the inline script, then kept by the app.
    expect(await page.evaluate(() => document.documentElement.classList.contains('senior-mode'))).toBe(true);
    expect(await bodySize()).toBeGreaterThanOrEqual(18);
    const tabHeight = await page
      .getByRole('link', { name: /首页/ })
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(tabHeight).toBeGreaterThanOrEqual(48);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('portal is installable: a manifest scoped to /portal/', async () => {
    const res = await fetch(`${server.url}/portal/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = await res.json();
    expect(manifest).toMatchObject({ start_url: '/portal/', scope: '/portal/', display: 'standalone' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
  });

  it('API docs load in the browser', async () => {
    const { page, errors } = await openPage(browser, 1280, 800);
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('珠城智慧司法平台 API').waitFor();
    await page.getByText('/api/health').first().waitFor();
    await screenshot(page, 'api-docs-1280');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
