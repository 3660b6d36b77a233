import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jt808Simulator } from '../apps/api/src/modules/tracking/jt808.simulator.ts';
import { type ApiSession, apiSignIn, createStaff } from './support/api-session.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { chooseOption, label, noHorizontalOverflow, orExplain, staffSignIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

// 海上动态监管, part 1 end to end: the system administrator adds a vendor platform and issues its key (shown
// once); the corrections officer of 侨港司法所 registers a boat's satellite terminal on 卫星终端 and installs it
// on the boat; the terminal itself (a JT/T 808-2019 simulator over TCP, to the gateway `npm start` runs)
// registers, authenticates and reports its positions; 船舶位置 shows the boat where it is, and its track lists
// the points. Screenshots at 1440 px and a check at 1024 px.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  officer: 'Qiaogang#2026pw',
};
const officeName = '银海区侨港司法所';
const vesselName = '桂北渔60388号（侨港镇渔业合作社远洋捕捞船）';
const terminalNumber = '14500388001';
const deviceId = 'BD3-4505-0388';

describe('maritime tracking end to end: vendor key, terminal, installation, JT/T 808 positions, vessel positions and track', () => {
  let server: RunningServer;
  let browser: Browser;
  let officer: WatchedPage;
  let adminPage: WatchedPage;
  let admin: ApiSession;
  let officerApi: ApiSession;
  let vesselId = '';
  let terminalPageUrl = '';

  beforeAll(async () => {
    server = await startServer({
      ADMIN_PASSWORD: passwords.admin,
      SECADMIN_PASSWORD: passwords.secadmin,
      AUDITOR_PASSWORD: passwords.auditor,
      LOGIN_RATE_PER_MINUTE: '1000',
    });
    admin = await apiSignIn(server.url, 'admin', passwords.admin);
    const secadmin = await apiSignIn(server.url, 'secadmin', passwords.secadmin);
    await createStaff(server.url, admin, secadmin, {
      username: 'qgjz',
      displayName: '梁海燕',
      unit: officeName,
      roles: ['correctionsOfficer'],
      password: passwords.officer,
    });
    officerApi = await apiSignIn(server.url, 'qgjz', passwords.officer);
    const vessel = await officerApi.request<{ id: string }>('POST', '/api/corrections/vessels', {
      name: vesselName,
      registrationNo: '桂北渔（2019）FV-450503-000388',
      homePort: '北海市侨港镇',
      gearType: 'gillnet',
      ownerName: '欧阳振海',
    });
    vesselId = vessel.id;
    browser = await launchBrowser();
    officer = await openPage(browser, 1440, 900);
    adminPage = await openPage(browser, 1440, 900);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator adds a vendor platform and sees its key once', async () => {
    const { page, errors } = adminPage;
    await staffSignIn(page, server.url, 'admin', passwords.admin);
    await page.goto(`${server.url}/tracking/vendors`);
    await page.getByRole('heading', { name: '厂商接入' }).waitFor();
    // The gateway `npm start` runs is listening
    await page.getByText('监听中').first().waitFor();
    await page.getByRole('button', { name: '添加厂商' }).click();
    await page.getByLabel('厂商名称').fill('北斗海聊终端平台（广西北部湾海洋渔业信息服务有限公司）');
    await page.getByLabel('厂商代码').fill('bdhl');
    await page.getByRole('button', { name: label('添加') }).click();
    await orExplain(page, 'tracking-vendor', page.getByRole('cell', { name: /北斗海聊终端平台/ }).waitFor());
    await page.getByRole('button', { name: '生成密钥' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: '生成密钥' }).click();
    const keyDialog = page.getByRole('dialog', { name: '接入密钥已生成' });
    await keyDialog.waitFor();
    const key = (await keyDialog.getByText(/^zcv_bdhl_/).textContent())?.trim() ?? '';
    expect(key).toMatch(/^zcv_bdhl_\S{20,}$/);
    await screenshot(page, 'tracking-vendor-key');
    await keyDialog.getByRole('button', { name: '我已复制并妥善保存' }).click();
    await expect.poll(() => page.getByText(key).count()).toBe(0);
    // the key works for the vendor's platform (no terminal yet: the item is named, nothing stored)
    const res = await fetch(`${server.url}/api/tracking/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-vendor-key': key },
      body: JSON.stringify({
        positions: [{ terminal: '13900000000', time: new Date().toISOString(), lat: 21, lon: 109 }],
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { rejected: unknown[] }).rejected).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('the officer registers the boat’s terminal and installs it on the boat (1440 px)', async () => {
    const { page, errors } = officer;
    await staffSignIn(page, server.url, 'qgjz', passwords.officer);
    await page.goto(`${server.url}/tracking/terminals`);
    await page.getByRole('heading', { name: '卫星终端' }).waitFor();
    await page.getByRole('button', { name: '登记终端' }).click();
    const drawer = page.getByRole('dialog', { name: '登记卫星终端' });
    await drawer.getByLabel('终端号').fill(terminalNumber);
    await drawer.getByLabel('终端ID').fill(deviceId);
    await drawer.getByLabel('终端型号').fill('北斗三号船载终端 BD-300');
    await drawer.getByLabel('SIM 卡号').fill('89860450388000000001');
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await orExplain(page, 'tracking-terminal', page.getByRole('cell', { name: terminalNumber }).waitFor());
    await page
      .getByRole('row', { name: new RegExp(terminalNumber) })
      .getByRole('button')
      .first()
      .click();
    await page.waitForURL(/\/tracking\/terminals\/[0-9a-f-]{36}$/);
    terminalPageUrl = page.url();
    await page.getByRole('button', { name: '安装到船舶' }).click();
    const dialog = page.getByRole('dialog', { name: /安装到船舶/ });
    await orExplain(
      page,
      'tracking-install-dialog',
      chooseOption(page, dialog.locator('.ant-select').first(), '桂北渔60388号'),
    );
    // installed on the boat two hours ago (the terminal's positions below are from the last hour)
    const installed = new Date(Date.now() - 2 * 3600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const from = dialog.getByLabel('安装时间');
    await from.click();
    await from.fill(
      `${installed.getFullYear()}-${two(installed.getMonth() + 1)}-${two(installed.getDate())} ${two(installed.getHours())}:${two(installed.getMinutes())}`,
    );
    await from.press('Enter');
    await dialog.getByRole('button', { name: '确认安装' }).click();
    await orExplain(
      page,
      'tracking-install',
      page
        .getByRole('cell', { name: /桂北渔60388号/ })
        .first()
        .waitFor(),
    );
    await screenshot(page, 'tracking-terminal-installed');
    expect(errors).toEqual([]);
  });

  it('the terminal registers over JT/T 808-2019, authenticates and reports; the officer sees the boat and its track', async () => {
    const status = await admin.request<{ port: number | null; listening: boolean }>(
      'GET',
      '/api/tracking/gateway',
    );
    expect(status.listening).toBe(true);
    const sim = new Jt808Simulator({
      phone: terminalNumber,
      deviceId,
      edition: '2019',
      port: status.port ?? 0,
    });
    await sim.connect();
    expect(await sim.register()).toBe(0);
    expect(await sim.authenticate()).toBe(0);
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 50 * 60_000;
    for (let i = 0; i < 6; i++) {
      const result = await sim.location({
        lat: 21.42 - i * 0.01,
        lon: 109.12 + i * 0.005,
        speedKmh: 14.8,
        course: 200,
        time: new Date(start + i * 10 * 60_000),
        satellites: 12,
      });
      expect(result).toBe(0);
    }
    await sim.close();

    const { page, errors } = officer;
    await page.goto(`${server.url}/tracking/positions`);
    await page.getByRole('heading', { name: '船舶位置' }).waitFor();
    const row = page.getByRole('row', { name: /桂北渔60388号/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('21.37000');
    await screenshot(page, 'tracking-positions');
    await page.setViewportSize({ width: 1024, height: 768 });
    await noHorizontalOverflow(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    await row.getByRole('link', { name: '查看轨迹' }).click();
    await page.waitForURL(new RegExp(`/tracking/vessels/${vesselId}/track`));
    await orExplain(
      page,
      'tracking-track',
      page
        .getByRole('cell', { name: /21\.42000/ })
        .first()
        .waitFor(),
    );
    await screenshot(page, 'tracking-track');
    // the terminal page shows it registered, with its last position
    await page.goto(terminalPageUrl);
    await page.getByText('已注册').first().waitFor();
    expect(errors).toEqual([]);
  });
});
