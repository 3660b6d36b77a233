import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// What the tracking module (issues 8/9) imports: only the corrections module's public surface.
import { aboardWindows, approvedSeaTrips } from '../apps/api/src/modules/corrections/index.ts';
import { openDatabase } from '../apps/api/src/platform/db/database.ts';
import { samples } from '../apps/api/src/platform/files/files-testing.ts';
import { type ApiSession, apiSignIn, createStaff } from './support/api-session.ts';
import { launchBrowser, screenshot, type WatchedPage } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// 社区矫正, a maritime supervisee the whole way: the officer of 侨港司法所 (a fishing town) registers a
// supervisee from the court's notice of execution, flagged 涉海涉渔; registers his boat on 船舶, records the
// written consent to vessel tracking and that he is aboard as captain; on his 375 px phone the supervisee
// signs in with the phone the officer recorded, reports in with a photo and the phone's location (第二十一条),
// and files a sea trip on that boat; the officer approves it on 出海报备; the portal shows it 已同意; and the
// module's index.ts, as the tracking module calls it, hands a caller the approved trip and the aboard window.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  officer: 'Qiaogang#2026pw',
};
const officeName = '银海区侨港司法所';
const officerName = '梁海燕';
const superviseeName = '欧阳振海·买买提艾力';
const superviseePhone = '13977955801';
const vesselName = '桂北渔60388';
const registrationNo = '桂北渔（2019）FV-450503-000388';
const terminalId = 'BD-4505-0388';
const seaArea = '北部湾涠洲岛西南 20 海里刺网作业区';
const beihai = { latitude: 21.48, longitude: 109.12, accuracy: 20 };

/** A resident ID number with a correct check digit (GB 11643). */
function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return body17 + '10X98765432'.charAt(sum % 11);
}

/** antd puts a space between the two characters of a two-character button label. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function smsCode(url: string, phone: string): Promise<string> {
  const res = await fetch(`${url}/api/test/outbox?recipient=${phone}&template=auth.otp`);
  const { messages } = (await res.json()) as { messages: { body: string }[] };
  const code = /(\d{6})/.exec(messages.at(-1)?.body ?? '')?.[1];
  if (!code) throw new Error('no SMS code in the outbox');
  return code;
}

async function staffSignIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}/`);
}

/** Says what the page said (an error alert, a field message) instead of a bare timeout. */
async function orExplain<T>(page: Page, name: string, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    await screenshot(page, `corrections-${name}-failed`);
    const shown = await page
      .locator('.ant-alert-error, .ant-form-item-explain-error, .ant-message-error, [role=alert]')
      .allTextContents();
    throw new Error(`${name}: ${shown.join(' | ') || String(error)}`);
  }
}

/** Types a date (or date and time) into an antd picker and confirms it with Enter. */
async function pick(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** YYYY-MM-DD plus whole days, on the calendar (no time zone in play). */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A Beijing wall-clock time as an instant. */
const bj = (dayAndTime: string) => new Date(`${dayAndTime}:00+08:00`);

describe('community corrections end to end: register a maritime supervisee, report in, sea trip, approval, tracking', () => {
  let server: RunningServer;
  let browser: Browser;
  let officer: WatchedPage;
  let supervisee: WatchedPage;
  let admin: ApiSession;
  let dir = '';
  let photoFile = '';
  let consentFile = '';
  let today = '';
  let caseId = '';
  let caseNo = '';
  let vesselId = '';
  let tripId = '';
  let boardedAt = '';
  let departure = '';
  let plannedReturn = '';

  /**
   * A page on China time (the pickers default to the browser's today; the server judges dates in
   * Asia/Shanghai). The phone also lets the page read its location: Beihai, to about 20 m.
   */
  async function open(width: number, height: number): Promise<WatchedPage> {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      permissions: ['geolocation'],
      geolocation: beihai,
    });
    const page = await context.newPage();
    // A step that waits longer than this has gone wrong; say so early (the journey stays under a minute).
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    return { page, errors };
  }

  beforeAll(async () => {
    server = await startServer({
      ADMIN_PASSWORD: passwords.admin,
      SECADMIN_PASSWORD: passwords.secadmin,
      AUDITOR_PASSWORD: passwords.auditor,
      LOGIN_RATE_PER_MINUTE: '1000',
    });
    admin = await apiSignIn(server.url, 'admin', passwords.admin);
    const secadmin = await apiSignIn(server.url, 'secadmin', passwords.secadmin);
    today = (await admin.request<{ today: string }>('GET', '/api/calendar/status')).today;
    // The township justice office's corrections officer (三员分立: the administrator opens the account,
    // the security administrator gives the role).
    await createStaff(server.url, admin, secadmin, {
      username: 'qgjz',
      displayName: officerName,
      unit: officeName,
      roles: ['correctionsOfficer'],
      password: passwords.officer,
    });
    browser = await launchBrowser();
    officer = await open(1440, 900);
    supervisee = await open(375, 812);

    // A real (small) JPEG for the report-in photo, drawn by the browser itself; a one-page PDF scan of the
    // signed consent.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-corrections-e2e-'));
    const jpeg = await supervisee.page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 120;
      canvas.height = 160;
      const g = canvas.getContext('2d');
      if (!g) return '';
      g.fillStyle = '#dfe7ef';
      g.fillRect(0, 0, 120, 160);
      g.fillStyle = '#c89a78';
      g.beginPath();
      g.arc(60, 62, 34, 0, Math.PI * 2);
      g.fill();
      g.fillRect(22, 104, 76, 56);
      return canvas.toDataURL('image/jpeg', 0.8).split(',')[1] ?? '';
    });
    photoFile = path.join(dir, '本人照片.jpg');
    fs.writeFileSync(photoFile, Buffer.from(jpeg, 'base64'));
    expect(fs.readFileSync(photoFile).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    consentFile = path.join(dir, '船舶定位书面同意书.pdf');
    fs.writeFileSync(consentFile, samples.pdf());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the officer registers a maritime supervisee from the court’s notice (1440 px)', async () => {
    const url = server.url;
    const { page, errors } = officer;
    await staffSignIn(page, url, 'qgjz', passwords.officer);
    await page.goto(`${url}/corrections/supervisees/new`);
    await page.getByRole('heading', { name: '登记社区矫正对象' }).waitFor();

    const effectiveOn = addDays(today, -3);
    await page.getByLabel('姓名').fill(superviseeName);
    await page.getByLabel('证件号码').fill(residentId('45050319850314301'));
    await page.getByText('校验通过：男，1985-03-14 出生').waitFor();
    await page.getByLabel('本人手机号码').fill(superviseePhone);
    await page.getByLabel('居住地').fill('北海市银海区侨港镇侨南路渔民新村 12 栋 3 单元 402 室');
    await page.getByRole('radio', { name: '缓刑' }).check();
    await page.getByLabel('罪名').fill('非法捕捞水产品罪');
    await page.getByLabel('判决（决定）机关').fill('北海市银海区人民法院');
    await page.getByLabel('判决书文号').fill('（2026）桂0503刑初88号');
    await pick(page.getByLabel('生效日期'), effectiveOn);
    await page.getByLabel('执行通知书文号').fill('（2026）桂0503刑初88号执行通知书');
    await pick(page.getByLabel('收到通知书日期'), addDays(today, -1));
    // 矫正期: one year of probation from the day the judgment took effect.
    await pick(page.getByPlaceholder('起始日'), effectiveOn);
    await pick(page.getByPlaceholder('届满日'), addDays(addDays(effectiveOn, 365), -1));
    await page.getByLabel('执行地司法所').click();
    await page.keyboard.type('侨港');
    await page.locator('.ant-select-item-option', { hasText: officeName }).click();
    await page.getByRole('checkbox', { name: '涉海涉渔' }).check();
    await screenshot(page, 'corrections-register-form-1440');

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/corrections/supervisees') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: label('登记') }).click();
    await orExplain(
      page,
      'register',
      saved.then((r) => expect(r.status()).toBe(201)),
    );
    await page.waitForURL(/\/corrections\/supervisees\/[0-9a-f-]{36}$/);
    caseId = /supervisees\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    const heading = page.getByRole('heading', { name: new RegExp(`^${superviseeName}（`) });
    await heading.waitFor();
    caseNo = /（(.+)）$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
    expect(caseNo).not.toBe('未编号');
    await page.locator('.ant-tag', { hasText: '待报到' }).first().waitFor();
    await page.locator('.ant-tag', { hasText: '涉海涉渔' }).first().waitFor();
    await page.getByText(`${officeName} · 矫正期 ${effectiveOn} 至`).waitFor();
    await screenshot(page, 'corrections-registered-1440');
    expect(errors).toEqual([]);
  });

  it('registers his boat, records the written consent and that he is aboard as captain', async () => {
    const url = server.url;
    const { page, errors } = officer;
    // 船舶: the boat with its satellite terminal.
    await page.goto(`${url}/corrections/vessels`);
    await page.getByRole('heading', { name: '船舶' }).waitFor();
    await page.getByRole('button', { name: '登记船舶' }).click();
    const drawer = page.locator('.ant-drawer-section', { hasText: '登记船舶' });
    await drawer.getByLabel('船名').fill(vesselName);
    await drawer.getByLabel('船舶登记号').fill(registrationNo);
    await drawer.getByLabel('船籍港').fill('北海港');
    await drawer.getByLabel('作业类型').click();
    await page.locator('.ant-select-item-option', { hasText: '刺网' }).click();
    await drawer.getByLabel('船舶所有人').fill(superviseeName);
    await drawer.getByLabel('船长（米）').fill('18.6');
    await drawer.getByLabel('总吨位').fill('42');
    await drawer.getByLabel('卫星终端编号').fill(terminalId);
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/corrections/vessels') && r.request().method() === 'POST',
    );
    await drawer.getByRole('button', { name: label('保存') }).click();
    const vessel = await orExplain(page, 'vessel', created);
    expect(vessel.status()).toBe(201);
    vesselId = ((await vessel.json()) as { id: string }).id;
    await drawer.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row', { hasText: vesselName });
    await row.waitFor();
    await row.getByText(registrationNo).waitFor();
    await row.getByText(terminalId).waitFor();
    await row.getByText('刺网').waitFor();
    await screenshot(page, 'corrections-vessels-1440');

    // The record's tab 船舶与出海: the legal basis is the local rule plus his written consent.
    await page.goto(`${url}/corrections/supervisees/${caseId}`);
    await page.getByRole('tab', { name: '船舶与出海' }).click();
    await page.getByText('未取得书面同意，不能纳入船舶定位').waitFor();
    await page.getByRole('button', { name: '记录书面同意' }).click();
    const consent = page.locator('.ant-modal', { hasText: '记录船舶定位书面同意' });
    await pick(consent.getByLabel('书面同意日期'), today);
    const uploaded = page.waitForResponse(
      (r) => r.url().includes('/api/files') && r.request().method() === 'POST',
    );
    await consent.locator('input[type=file]').first().setInputFiles(consentFile);
    expect((await uploaded).status()).toBe(201);
    await consent.getByRole('link', { name: '船舶定位书面同意书.pdf' }).waitFor();
    await consent.getByLabel('见证人').fill('侨港镇侨南社区网格员 陈敏');
    await consent.getByRole('button', { name: label('保存') }).click();
    await orExplain(page, 'consent', consent.waitFor({ state: 'hidden' }));
    await page.getByText('书面同意日期').waitFor();
    await page.getByText('侨港镇侨南社区网格员 陈敏').waitFor();
    expect(await page.getByText('未取得书面同意，不能纳入船舶定位').count()).toBe(0);

    // 在船记录: aboard as captain since 06:00 three days ago, still aboard, in vessel tracking.
    boardedAt = `${addDays(today, -3)} 06:00`;
    await page.getByRole('button', { name: '登记在船记录' }).click();
    const aboard = page.locator('.ant-modal', { hasText: '登记在船记录' });
    await aboard.getByRole('combobox', { name: /船舶$/ }).click();
    await page.locator('.ant-select-item-option', { hasText: vesselName }).click();
    await aboard.getByRole('combobox', { name: /在船身份$/ }).click();
    await page.locator('.ant-select-item-option', { hasText: '船长' }).click();
    await pick(aboard.getByLabel('上船时间'), boardedAt);
    expect(await aboard.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    await aboard.getByRole('button', { name: label('保存') }).click();
    await orExplain(page, 'aboard-window', aboard.waitFor({ state: 'hidden' }));
    const window = page.locator('.ant-table-row', { hasText: `${vesselName}（刺网）` });
    await window.waitFor();
    await window.getByText('船长').waitFor();
    await window.getByText('仍在船上').waitFor();
    await window.getByText('纳入定位').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-vessel-tab-1440');
    expect(errors).toEqual([]);
  });

  it('the supervisee signs in on his phone and reports in with a photo and his location (375 px)', async () => {
    const url = server.url;
    const { page, errors } = supervisee;
    await page.goto(`${url}/portal/corrections`);
    await page.getByRole('button', { name: '去登录' }).click();
    await page.waitForURL(/\/portal\/me\?next=/);
    await page.getByLabel('手机号', { exact: true }).fill(superviseePhone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('短信验证码').fill(await smsCode(url, superviseePhone));
    await page.getByRole('button', { name: label('登录') }).click();
    await page.waitForURL(`${url}/portal/corrections`);

    // 我的矫正: his own term, waiting for the report-in.
    const status = page.locator('section', { has: page.getByRole('heading', { name: superviseeName }) });
    await status.waitFor();
    await status.locator('.ant-tag', { hasText: '待报到' }).waitFor();
    await status.getByText(officeName).waitFor();
    await page.getByText('请按时报到').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-portal-home-375');

    await page.getByRole('button', { name: /网上报到/ }).click();
    await page.waitForURL(`${url}/portal/corrections/report-in`);
    await page.locator('h2', { hasText: '网上报到' }).waitFor();
    await page.getByRole('button', { name: '请先拍摄本人照片' }).waitFor();
    const uploaded = page.waitForResponse(
      (r) => r.url().includes('/api/files') && r.request().method() === 'POST',
    );
    await page.locator('input[type=file]').first().setInputFiles(photoFile);
    expect((await uploaded).status()).toBe(201);
    await page.getByRole('link', { name: '本人照片.jpg' }).waitFor();
    await page.getByRole('button', { name: '请先获取当前位置' }).waitFor();
    await page.getByRole('button', { name: /^(aim )?获取当前位置$/ }).click();
    await page.getByText('已定位：北纬 21.4800°，东经 109.1200°，精度约 20 米').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-portal-report-in-375');

    const reported = page.waitForResponse(
      (r) => r.url().endsWith('/api/corrections/portal/report-in') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: '确认报到' }).click();
    expect((await reported).ok()).toBe(true);
    await orExplain(page, 'report-in', page.getByText('报到成功').waitFor());
    await page.getByText(`报到日期 ${today}`).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-portal-reported-375');

    await page.getByRole('button', { name: '返回我的矫正' }).click();
    await page.waitForURL(`${url}/portal/corrections`);
    await status.locator('.ant-tag', { hasText: '在矫' }).waitFor();
    await page.getByText('今日打卡').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-portal-under-supervision-375');
    expect(errors).toEqual([]);
  });

  it('the officer sees the record 在矫, with the online report-in’s place and photo', async () => {
    const url = server.url;
    const { page, errors } = officer;
    await page.goto(`${url}/corrections/supervisees/${caseId}`);
    await page.getByRole('heading', { name: `${superviseeName}（${caseNo}）` }).waitFor();
    await page.locator('.ant-tag', { hasText: '在矫' }).first().waitFor();
    expect(await page.locator('.ant-tag', { hasText: '待报到' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: label('报到') }).count()).toBe(0);
    await screenshot(page, 'corrections-record-under-supervision-1440');

    // 日常监管: the online report-in with where the phone was, how precisely, and his photo.
    await page.getByRole('tab', { name: '日常监管' }).click();
    const reportIn = page.locator('.ant-descriptions-item-content', {
      hasText: '北纬 21.4800°，东经 109.1200°（精度约 20 米）',
    });
    await reportIn.waitFor();
    const photo = reportIn.getByRole('link', { name: '查看照片' });
    const href = (await photo.getAttribute('href')) ?? '';
    const served = await page.request.get(`${url}${href}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/jpeg');
    expect((await served.body()).equals(fs.readFileSync(photoFile))).toBe(true);
    await screenshot(page, 'corrections-record-report-in-1440');
    expect(errors).toEqual([]);
  });

  it('the supervisee files a sea trip on his boat (375 px)', async () => {
    const url = server.url;
    const { page, errors } = supervisee;
    await page.getByRole('link', { name: /出海报备/ }).click();
    await page.waitForURL(`${url}/portal/corrections/sea-trips`);
    await page.getByText('出海报备须知').waitFor();
    await page.getByText('还没有出海报备').waitFor();
    await page.getByRole('button', { name: '新的出海报备' }).click();

    const form = page.locator('section', { hasText: '新的出海报备' });
    // His only boat is chosen already.
    const boat = form.getByRole('radio', { name: new RegExp(vesselName) });
    expect(await boat.isChecked()).toBe(true);
    await form.getByText('刺网 · 船长').waitFor();
    departure = `${addDays(today, 1)}T05:30`;
    plannedReturn = `${addDays(today, 3)}T17:00`;
    await form.getByLabel('作业海域').fill(seaArea);
    await form.getByLabel('计划出海时间').fill(departure);
    await form.getByLabel(/计划返港时间/).fill(plannedReturn);
    await form.getByLabel('备注（选填）').fill('同船船员 3 人，随船携带北斗终端');
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-portal-trip-form-375');

    const filed = page.waitForResponse(
      (r) => r.url().endsWith('/api/corrections/portal/sea-trips') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: '提交报备' }).click();
    const answer = await orExplain(page, 'file-trip', filed);
    expect(answer.status()).toBe(201);
    tripId = ((await answer.json()) as { id: string }).id;
    await page.getByText('报备已提交').waitFor();
    await page.getByText('未获同意前请不要出海。').waitFor();
    const card = page.locator('section', { hasText: `海域：${seaArea}` });
    await card.locator('.ant-tag', { hasText: '待审批' }).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-portal-trip-filed-375');
    expect(errors).toEqual([]);
  });

  it('the office approves the trip on 出海报备 (1440 px)', async () => {
    const url = server.url;
    const { page, errors } = officer;
    await page.goto(`${url}/corrections/sea-trips`);
    await page.getByRole('heading', { name: '出海报备' }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: superviseeName });
    await row.waitFor();
    await row.getByText(vesselName).waitFor();
    await row.locator('.ant-tag', { hasText: '待审批' }).waitFor();
    await screenshot(page, 'corrections-sea-trips-filed-1440');
    await row.getByRole('button', { name: label('审批') }).click();

    const dialog = page.locator('.ant-modal', { hasText: `审批出海报备：${vesselName}` });
    await dialog.getByText(seaArea).waitFor();
    await dialog.getByText(superviseeName).first().waitFor();
    await dialog.getByLabel('审批意见').fill('同意出海。注意天气变化，按时返港，保持北斗终端开机。');
    await screenshot(page, 'corrections-sea-trip-approve-1440');
    const decided = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/corrections/sea-trips/${tripId}/approve`) && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: '同意出海' }).click();
    expect((await orExplain(page, 'approve', decided)).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('暂无待审批的出海报备').waitFor();
    await page.getByText('已同意', { exact: true }).first().click();
    await row.locator('.ant-tag', { hasText: '已同意' }).waitFor();
    await screenshot(page, 'corrections-sea-trips-approved-1440');
    expect(errors).toEqual([]);
  });

  it('the portal shows the trip 已同意 with the office’s note (375 px)', async () => {
    const { page, errors } = supervisee;
    await page.reload();
    const card = page.locator('section', { hasText: `海域：${seaArea}` });
    await card.locator('.ant-tag', { hasText: '已同意' }).waitFor();
    await card.getByText('司法所意见：同意出海。注意天气变化，按时返港，保持北斗终端开机。').waitFor();
    await card.getByRole('button', { name: '我已出海' }).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'corrections-portal-trip-approved-375');
    expect(errors).toEqual([]);
  });

  it('the module’s index.ts hands a caller the approved trip and the vessel’s aboard window', async () => {
    // The server owns its embedded database (PGlite keeps one process per data dir, guarded by the lock
    // file), so the caller opens the same database once the server has stopped cleanly — the data the
    // journey wrote, read by the functions the tracking module imports, with no test-only route in between.
    expect(await server.stop('SIGINT')).toBe(0);
    const database = await openDatabase({ dataDir: path.join(server.dataDir, 'pglite') });
    try {
      const trips = await approvedSeaTrips(database.db, {
        vesselId,
        from: bj(`${addDays(today, 2)}T00:00`),
        to: bj(`${addDays(today, 2)}T12:00`),
      });
      expect(trips).toEqual([
        expect.objectContaining({
          tripId,
          vesselId,
          superviseeCaseId: caseId,
          crewCaseIds: [caseId],
          status: 'approved',
          seaArea,
          plannedDeparture: bj(departure),
          plannedReturn: bj(plannedReturn),
          departedAt: null,
          returnedAt: null,
        }),
      ]);
      expect(trips[0]?.approvedAt).toBeInstanceOf(Date);
      expect(trips[0]?.returnDueBy.getTime()).toBeGreaterThan(bj(plannedReturn).getTime());
      // Before the trip, nothing to check against.
      expect(await approvedSeaTrips(database.db, { vesselId, to: bj(`${today}T00:00`) })).toEqual([]);

      const onBoard = await aboardWindows(database.db, { vesselId, at: bj(`${addDays(today, 2)}T08:00`) });
      expect(onBoard).toEqual([
        {
          windowId: expect.any(String),
          vesselId,
          superviseeCaseId: caseId,
          role: 'captain',
          from: bj(boardedAt.replace(' ', 'T')),
          to: null,
          tracked: true,
        },
      ]);
      // Before he boarded he was not aboard.
      expect(await aboardWindows(database.db, { vesselId, at: bj(`${addDays(today, -4)}T06:00`) })).toEqual(
        [],
      );
    } finally {
      await database.close();
    }
  });
});
