import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtNotice } from '../apps/api/src/modules/corrections/corrections.fixture.ts';
import { Jt808Simulator } from '../apps/api/src/modules/tracking/jt808.simulator.ts';
import { samples } from '../apps/api/src/platform/files/files-testing.ts';
import { type ApiSession, apiSignIn, createStaff, unitId } from './support/api-session.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { label, noHorizontalOverflow, orExplain, staffSignIn } from './support/journey.ts';
import { type RunningServer, startServer } from './support/server.ts';

// 海上动态监管, part 2 end to end: the 银海区 county head has drawn 侨港's harbour and the permitted fishing area;
// a supervisee's boat (tracked: the local rule and the supervisee's written consent on record) leaves the
// harbour and sails out of the permitted area, reporting over JT/T 808-2019 to the gateway `npm start` runs.
// Within seconds the alert is in the office officer's queue and on the situational map; the officer
// acknowledges it, the head assigns it to the officer, the officer resolves it; the track around the alert
// replays. The head then draws a harbour with the mouse, types a prohibited zone from its notice's coordinates
// and edits the zone to its second version. Screenshots at 1440 px, a check at 1024 px.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  officer: 'Qiaogang#2026pw',
  head: 'Yinhai#2026head',
};
const vesselName = '桂北渔60518号（侨港镇渔业合作社近海刺网作业船）';
const terminalNumber = '14500518001';
const deviceId = 'BD3-4505-0518';

describe('maritime alerts end to end: out of the permitted area → queue and map within seconds → triage → replay', () => {
  let server: RunningServer;
  let browser: Browser;
  let officer: WatchedPage;
  let head: WatchedPage;
  let officerApi: ApiSession;
  let alertUrl = '';

  beforeAll(async () => {
    server = await startServer({
      ADMIN_PASSWORD: passwords.admin,
      SECADMIN_PASSWORD: passwords.secadmin,
      AUDITOR_PASSWORD: passwords.auditor,
      LOGIN_RATE_PER_MINUTE: '1000',
    });
    const admin = await apiSignIn(server.url, 'admin', passwords.admin);
    const secadmin = await apiSignIn(server.url, 'secadmin', passwords.secadmin);
    await createStaff(server.url, admin, secadmin, {
      username: 'qgjz',
      displayName: '梁海燕',
      unit: '银海区侨港司法所',
      roles: ['correctionsOfficer'],
      password: passwords.officer,
    });
    await createStaff(server.url, admin, secadmin, {
      username: 'yhfz',
      displayName: '黄振邦',
      unit: '银海区司法局',
      roles: ['correctionsHead'],
      password: passwords.head,
    });
    officerApi = await apiSignIn(server.url, 'qgjz', passwords.officer);
    const headApi = await apiSignIn(server.url, 'yhfz', passwords.head);

    // The supervisee, the boat, the written consent and the tracked aboard window; the terminal on the boat.
    const office = await unitId(officerApi, '银海区侨港司法所');
    const notice = courtNotice(office, { flags: ['maritime'] });
    const term = await officerApi.request<{ caseId: string }>('POST', '/api/corrections/supervisees', {
      ...notice,
      person: { ...(notice.person as object), name: '欧阳海明' },
    });
    const vessel = await officerApi.request<{ id: string }>('POST', '/api/corrections/vessels', {
      name: vesselName,
      registrationNo: '桂北渔（2020）FV-450503-000518',
      homePort: '北海市侨港镇',
      gearType: 'gillnet',
      ownerName: '欧阳振海',
    });
    const since = new Date(Date.now() - 3 * 3600_000).toISOString();
    await officerApi.request('PUT', `/api/corrections/supervisees/${term.caseId}/tracking-consent`, {
      consentOn: since.slice(0, 10),
      consentFileId: await officerApi.upload('书面同意书.pdf', samples.pdf(), 'application/pdf'),
      witness: '网格员 陈敏',
    });
    await officerApi.request('POST', `/api/corrections/supervisees/${term.caseId}/aboard-windows`, {
      vesselId: vessel.id,
      role: 'captain',
      fromAt: since,
      tracked: true,
    });
    const terminal = await officerApi.request<{ id: string }>('POST', '/api/tracking/terminals', {
      terminalNumber,
      deviceId,
      model: '北斗三号船载终端 BD-300',
      sim: '89860450518000000001',
      edition: '2019',
    });
    await officerApi.request('POST', `/api/tracking/terminals/${terminal.id}/installations`, {
      vesselId: vessel.id,
      from: since,
    });
    // The county head's fences: 侨港's harbour and the near-shore permitted area south of it.
    await headApi.request('POST', '/api/tracking/fences', {
      name: '侨港渔港',
      purpose: 'port',
      shape: { kind: 'circle', center: [109.105, 21.428], radiusM: 1500 },
    });
    await headApi.request('POST', '/api/tracking/fences', {
      name: '银海区近岸作业区',
      purpose: 'permitted',
      shape: {
        kind: 'polygon',
        ring: [
          [108.95, 21.2],
          [109.3, 21.2],
          [109.3, 21.445],
          [108.95, 21.445],
        ],
      },
      dwellMinutes: 10,
    });
    browser = await launchBrowser();
    officer = await openPage(browser, 1440, 900);
    head = await openPage(browser, 1440, 900);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the boat leaves the harbour and the permitted area: the alert is in the queue within seconds', async () => {
    const { page, errors } = officer;
    await staffSignIn(page, server.url, 'qgjz', passwords.officer);
    await page.goto(`${server.url}/tracking/alerts`);
    await page.getByRole('heading', { name: '海上告警' }).waitFor();

    const admin = await apiSignIn(server.url, 'admin', passwords.admin);
    const gateway = await admin.request<{ port: number | null }>('GET', '/api/tracking/gateway');
    const sim = new Jt808Simulator({
      phone: terminalNumber,
      deviceId,
      edition: '2019',
      port: gateway.port ?? 0,
    });
    await sim.connect();
    expect(await sim.register()).toBe(0);
    expect(await sim.authenticate()).toBe(0);
    // From the harbour at 12 km/h south-east, out of the area's eastern edge (109.3°E), fixes every 5 minutes.
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const course: [minutesAgo: number, lon: number, lat: number][] = [
      [100, 109.105, 21.428],
      [90, 109.13, 21.41],
      [80, 109.16, 21.39],
      [70, 109.19, 21.37],
      [60, 109.22, 21.35],
      [50, 109.25, 21.33],
      [40, 109.28, 21.31],
      [30, 109.31, 21.3], // outside the permitted area
      [25, 109.33, 21.3],
      [20, 109.35, 21.3], // 10 minutes outside: the alert
    ];
    let sentAt = 0;
    for (const [ago, lon, lat] of course) {
      sentAt = Date.now();
      const result = await sim.location({
        lat,
        lon,
        speedKmh: 12,
        course: 120,
        time: new Date(now - ago * 60_000),
        satellites: 11,
      });
      expect(result).toBe(0);
    }
    await sim.close();
    const row = page.getByRole('row', { name: /驶出允许作业区域/ });
    await orExplain(page, 'tracking-alert-queue', row.waitFor({ timeout: 20_000 }));
    const seconds = (Date.now() - sentAt) / 1000;
    console.log(`frame → alert on the officer's queue page: ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(20);
    await expect.poll(() => row.textContent()).toContain('桂北渔60518号');
    await screenshot(page, 'tracking-alert-queue');
    await page.setViewportSize({ width: 1024, height: 768 });
    await noHorizontalOverflow(page);
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.goto(`${server.url}/tracking/map`);
    await page.getByRole('heading', { name: '海上态势' }).waitFor();
    await page.getByRole('tab', { name: /告警/ }).click();
    const alertList = page.getByRole('list', { name: '告警列表' });
    await orExplain(page, 'tracking-map-alert', alertList.getByText('驶出允许作业区域').first().waitFor());
    await alertList.getByText('驶出允许作业区域').first().click(); // centred and highlighted on the map
    await page.locator('canvas').first().waitFor();
    await page.waitForTimeout(1000);
    await screenshot(page, 'tracking-map-alert');
    expect(errors).toEqual([]);
  });

  it('the officer acknowledges, the head assigns it to the officer, the officer resolves it', async () => {
    const { page, errors } = officer;
    await page.goto(`${server.url}/tracking/alerts`);
    await page
      .getByRole('row', { name: /驶出允许作业区域/ })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/tracking\/alerts\/[0-9a-f-]{36}$/);
    alertUrl = page.url();
    await page.getByText('在海上驶出允许作业区域').first().waitFor();
    await page
      .getByRole('button', { name: label('确认') })
      .first()
      .click();
    await page
      .getByRole('dialog', { name: '确认告警' })
      .getByRole('button', { name: label('确认') })
      .click();
    await orExplain(page, 'tracking-alert-ack', page.getByText('已确认告警').first().waitFor());

    await staffSignIn(head.page, server.url, 'yhfz', passwords.head);
    await head.page.goto(alertUrl);
    await head.page
      .getByRole('button', { name: label('指派') })
      .first()
      .click();
    const assign = head.page.getByRole('dialog', { name: '指派处置人' });
    await assign.locator('.ant-select').first().click();
    await head.page.locator('.ant-select-item-option', { hasText: '梁海燕' }).click();
    await assign.getByLabel('说明').fill('请立即电话联系船长欧阳振海核实位置，并通知其返回作业区');
    await assign.getByRole('button', { name: label('指派') }).click();
    await orExplain(head.page, 'tracking-alert-assign', head.page.getByText('已指派').first().waitFor());
    expect(head.errors).toEqual([]);

    await page.reload();
    await page
      .getByRole('button', { name: label('办结') })
      .first()
      .click();
    const resolve = page.getByRole('dialog', { name: '办结告警' });
    await resolve.getByText('核实并已处置').click();
    await resolve.getByLabel('处置说明').fill('已电话核实：船舶避风偏离作业区，已返回作业区并训诫');
    await resolve.getByRole('button', { name: label('办结') }).click();
    await orExplain(page, 'tracking-alert-resolve', page.getByText('告警已办结').first().waitFor());
    await page.getByText('核实并已处置').first().waitFor();
    await screenshot(page, 'tracking-alert-resolved');
    expect(errors).toEqual([]);
  });

  it('the track around the alert: its positions, and the replay on the map', async () => {
    const { page, errors } = officer;
    await page.goto(alertUrl);
    await page.getByRole('link', { name: '查看前后轨迹' }).click();
    await page.waitForURL(/\/tracking\/vessels\/[0-9a-f-]{36}\/track/);
    await orExplain(
      page,
      'tracking-alert-track',
      page
        .getByRole('cell', { name: /21\.30000/ })
        .first()
        .waitFor(),
    );
    await screenshot(page, 'tracking-alert-track');

    // On 海上态势: the boat's last 24 hours replayed on the map, with a time slider.
    await page.goto(`${server.url}/tracking/map`);
    await page.getByRole('heading', { name: '海上态势' }).waitFor();
    await page.getByLabel('回放船舶').click();
    await page.locator('.ant-select-item-option', { hasText: '桂北渔60518号' }).click();
    await page.getByRole('button', { name: '加载轨迹' }).click();
    await orExplain(page, 'tracking-replay', page.getByText('共 10 个定位点').waitFor());
    await page.getByRole('button', { name: /播\s*放/ }).click();
    await page.getByRole('button', { name: /暂\s*停/ }).click();
    // the slider by keyboard: to the last fix, the one that raised the alert
    await page.getByRole('slider').first().focus();
    await page.keyboard.press('End');
    await page.getByText('第 10 / 10 点').waitFor();
    // a quick burst of arrow keys moves one fix each, none lost while the map catches up
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.getByText('第 6 / 10 点').waitFor();
    await page.keyboard.press('End');
    await page.getByText('第 10 / 10 点').waitFor();
    await screenshot(page, 'tracking-replay');
    expect(errors).toEqual([]);
  });

  it('the head draws a harbour on the map, types a prohibited zone from its notice, and edits the zone to version 2', async () => {
    const { page, errors } = await openPage(browser, 1440, 900);
    await staffSignIn(page, server.url, 'yhfz', passwords.head);
    await page.goto(`${server.url}/tracking/fences`);
    await page.getByRole('heading', { name: '电子围栏' }).waitFor();
    const list = page.getByRole('list', { name: '电子围栏列表' });
    await list.getByText('银海区近岸作业区').waitFor();

    // Drawn: a circle round 北海港 with the mouse (centre, then a point on its edge).
    await page.getByRole('button', { name: /新建围栏/ }).click();
    const map = page.getByTestId('fence-map');
    await page.locator('.leaflet-pm-icon-circle').first().click();
    const box = await map.boundingBox();
    if (!box) throw new Error('the fence map has no box');
    const cx = box.x + box.width * 0.55;
    const cy = box.y + box.height * 0.45;
    await page.mouse.click(cx, cy);
    await page.mouse.move(cx + 30, cy, { steps: 5 });
    await page.mouse.click(cx + 30, cy);
    await page
      .getByTestId('fence-shape-status')
      .getByText(/圆形，半径/)
      .waitFor();
    await page.getByLabel('围栏名称').fill('北海港');
    await page.locator('.ant-radio-button-wrapper', { hasText: '港口' }).click();
    await page.getByRole('button', { name: '保存围栏' }).click();
    await orExplain(page, 'tracking-fence-drawn', list.getByText('北海港', { exact: true }).waitFor());

    // Typed: the four corners as the notice lists them, in degrees, minutes and seconds.
    await page.getByRole('button', { name: /新建围栏/ }).click();
    await page.getByRole('button', { name: '按坐标输入' }).click();
    const entry = page.getByRole('dialog', { name: '按坐标输入围栏范围' });
    await entry
      .getByLabel('顶点坐标（按顺序）')
      .fill(
        [
          '1、北纬20°58′00″，东经109°03′00″',
          '2、北纬20°58′00″，东经109°10′00″',
          '3、北纬20°53′00″，东经109°10′00″',
          '4、北纬20°53′00″，东经109°03′00″',
        ].join('\n'),
      );
    await entry.getByText('已识别 4 个点').waitFor();
    await screenshot(page, 'tracking-fence-coordinates');
    await entry.getByRole('button', { name: '放到地图上' }).click();
    await page.getByTestId('fence-shape-status').getByText('多边形，4 个顶点').waitFor();
    const zone = '涠洲岛以南军事训练区（全年禁止驶入，依据北部湾海上军事训练区通告）';
    await page.getByLabel('围栏名称').fill(zone);
    await page.locator('.ant-radio-button-wrapper', { hasText: '禁止区域' }).click();
    await page.getByRole('button', { name: '保存围栏' }).click();
    await orExplain(page, 'tracking-fence-typed', list.getByText(zone).waitFor());

    // Edited: the zone widened by typing its corners again; the list and the detail say 第2版.
    await list.getByText(zone).click();
    await page.getByRole('button', { name: /修改围栏/ }).click();
    await page.getByRole('button', { name: '按坐标输入' }).click();
    const box2 = page.getByRole('dialog', { name: '按坐标输入围栏范围' }).getByLabel('顶点坐标（按顺序）');
    await expect.poll(() => box2.inputValue()).toContain('109.050000, 20.966667');
    await box2.fill('109.05, 20.966667\n109.2, 20.966667\n109.2, 20.883333\n109.05, 20.883333');
    await page.getByRole('button', { name: '放到地图上' }).click();
    await page.getByRole('button', { name: '保存修改' }).click();
    await orExplain(page, 'tracking-fence-edited', page.getByText('第2版').first().waitFor());
    await screenshot(page, 'tracking-fences');

    // What the API holds: the new version's corners, the harbour a circle.
    const headApi = await apiSignIn(server.url, 'yhfz', passwords.head);
    const fences = await headApi.request<{ items: { name: string; version: number; shape: unknown }[] }>(
      'GET',
      '/api/tracking/fences',
    );
    const typed = fences.items.find((f) => f.name === zone);
    expect(typed?.version).toBe(2);
    expect(typed?.shape).toEqual({
      kind: 'polygon',
      ring: [
        [109.05, 20.966667],
        [109.2, 20.966667],
        [109.2, 20.883333],
        [109.05, 20.883333],
      ],
    });
    expect(fences.items.find((f) => f.name === '北海港')?.shape).toMatchObject({ kind: 'circle' });
    expect(errors).toEqual([]);
  });
});
