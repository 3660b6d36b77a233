import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPart } from '../apps/api/src/platform/documents/documents-testing.ts';
import { type ApiSession, apiSignIn, createStaff, unitId } from './support/api-session.ts';
import { launchBrowser, screenshot, type WatchedPage } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// 人民调解, the whole way (人民调解法): on a 375 px phone a resident of 中街街道和平社区 applies in the portal with
// a photo of the water damage; the application is dispatched by place to the community's committee (not the
// street's); the committee's clerk accepts it in the console naming the mediator as lead; the mediator, on
// her phone, records the session (调解笔录) and settles it with a written agreement (第二十九条) — the
// 人民调解协议书 .docx downloads and names both parties; a follow-up visit (回访) is recorded; the
// judicial-confirmation window (第三十三条) falls due 30 days after the agreement takes effect; and the
// citizen's progress page says 调解成功.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  office: 'Zhongjie#2026pw',
  clerk: 'Heping#2026pw',
  mediator: 'Tiaojie#2026pw',
};
const citizenPhone = '13977955601';
const applicantName = '黄秀兰';
const respondentName = '欧阳振华·买买提江';
const committeeName = '北海市海城区中街街道和平社区人民调解委员会';
const streetCommitteeName = '北海市海城区中街街道人民调解委员会';
const mediatorName = '陈丽萍';
const facts =
  '楼上住户欧阳振华家卫生间防水层破损，从今年六月起持续向我家渗水，客厅和卧室天花板发霉脱落，多次上门协商未果。';
const sessionRecord =
  '双方到场陈述。申请人要求赔偿天花板修复费用并修好防水层；被申请人承认漏水，同意修复，对金额有异议。经调解员释法说理，双方同意按维修报价单赔偿。';
const agreementTerms =
  '一、被申请人欧阳振华于2026年12月15日前请人修复自家卫生间防水层；\n二、被申请人赔偿申请人黄秀兰天花板修复费用人民币3200元；\n三、双方就本纠纷再无其他争议。';

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
    await screenshot(page, `mediation-${name}-failed`);
    const shown = await page
      .locator('.ant-alert-error, .ant-form-item-explain-error, .ant-message-error')
      .allTextContents();
    throw new Error(`${name}: ${shown.join(' | ') || String(error)}`);
  }
}

/** The small antd card with exactly this title (the case page's own card holds all of them). */
function titledCard(page: Page, title: string): Locator {
  return page.locator('.ant-card-small', {
    has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }),
  });
}

/** The value beside (or, stacked on a phone, below) the label of an antd Descriptions item. */
async function describedValue(scope: Locator, name: string): Promise<string> {
  const labelCell = scope.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${name}$`) });
  return labelCell.evaluate((cell) => {
    const next = cell.nextElementSibling;
    if (next?.classList.contains('ant-descriptions-item-content')) return next.textContent ?? '';
    const row = cell.parentElement;
    const index = row ? Array.from(row.children).indexOf(cell) : -1;
    return row?.nextElementSibling?.children[index]?.textContent ?? '';
  });
}

/** YYYY-MM-DD plus whole days, on the calendar (no time zone in play). */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A 1×1 white PNG. */
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

describe('people’s mediation end to end: apply, dispatch, accept, session, written agreement, follow-up', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: WatchedPage;
  let clerk: WatchedPage;
  let mediator: WatchedPage;
  let officeApi: ApiSession;
  let photoFile = '';
  let caseId = '';
  let caseNo = '';
  let effectiveOn = '';

  /**
   * A page as the support's openPage makes it, on China time: the date pickers default to the browser's
   * today and the server judges dates in Asia/Shanghai, so a runner on UTC would be a day behind after 16:00.
   */
  async function open(width: number, height: number): Promise<WatchedPage> {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    const page = await context.newPage();
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
    const admin = await apiSignIn(server.url, 'admin', passwords.admin);
    const secadmin = await apiSignIn(server.url, 'secadmin', passwords.secadmin);
    // The 30-day window may end in a year whose holiday arrangement is not published yet (the package
    // stops at 2026): the system administrator enters that year (its 元旦), as 节假日设置 asks, so the due
    // date can be counted instead of waiting for the calendar.
    const calendar = await admin.request<{ today: string; coverage: { year: number }[] }>(
      'GET',
      '/api/calendar/status',
    );
    const known = new Set(calendar.coverage.map((c) => c.year));
    for (const year of new Set(
      [calendar.today, addDays(calendar.today, 60)].map((d) => Number(d.slice(0, 4))),
    )) {
      if (!known.has(year))
        await admin.request('PUT', `/api/calendar/overrides/${year}-01-01`, {
          kind: 'holiday',
          name: '元旦',
        });
    }
    // 中街司法所 keeps the registry of its street's committees.
    await createStaff(server.url, admin, secadmin, {
      username: 'zjsfs',
      displayName: '黄志明',
      unit: '海城区中街司法所',
      roles: ['officeStaff'],
      password: passwords.office,
    });
    officeApi = await apiSignIn(server.url, 'zjsfs', passwords.office);
    const zhongjie = await unitId(officeApi, '海城区中街司法所');
    // The street's committee and the community's: a dispute in 和平社区 goes to the community's.
    await officeApi.request('POST', '/api/mediation/committees', {
      parentId: zhongjie,
      kind: 'township',
      name: streetCommitteeName,
      servedAreas: ['百货社区'],
      phone: '0779-3022188',
    });
    const committee = await officeApi.request<{ id: number; townName: string | null }>(
      'POST',
      '/api/mediation/committees',
      {
        parentId: zhongjie,
        kind: 'community',
        name: committeeName,
        servedAreas: ['和平社区'],
        address: '北海市海城区中街街道和平社区居委会一楼调解室',
        phone: '0779-3022199',
      },
    );
    expect(committee.townName).toBe('中街街道');
    // The committee's clerk accepts; the mediator (scope: her own disputes) mediates.
    await createStaff(server.url, admin, secadmin, {
      username: 'hpclerk',
      displayName: '李建国',
      unit: committeeName,
      roles: ['mediationCommitteeStaff'],
      password: passwords.clerk,
    });
    const mediatorAccount = await createStaff(server.url, admin, secadmin, {
      username: 'chenlp',
      displayName: mediatorName,
      unit: committeeName,
      roles: ['mediator'],
      password: passwords.mediator,
    });
    await officeApi.request('POST', '/api/mediation/mediators', {
      unitId: committee.id,
      name: mediatorName,
      gender: 'female',
      employment: 'partTime',
      specialties: ['neighbour', 'marriageFamily'],
      position: '调解员',
      joinedOn: '2021-03-01',
      staffUserId: mediatorAccount,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhucheng-mediation-e2e-'));
    photoFile = path.join(dir, '漏水照片.png');
    fs.writeFileSync(photoFile, tinyPng);
    browser = await launchBrowser();
    citizen = await open(375, 812);
    clerk = await open(1440, 900);
    mediator = await open(375, 812);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a citizen applies at 375 px with a photo and is dispatched to the community committee', async () => {
    const url = server.url;
    const { page, errors } = citizen;
    await page.goto(`${url}/portal/`);
    await page.getByRole('link', { name: /申请人民调解/ }).click();
    await page.waitForURL(`${url}/portal/mediation`);
    await page.getByText('人民调解能帮您解决什么').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-intro-375');

    // Not signed in: 开始申请 asks for the SMS sign-in of 我的 first, then comes back.
    await page.getByRole('button', { name: '开始申请' }).click();
    await page.getByRole('button', { name: /去登录/ }).click();
    await page.waitForURL(/\/portal\/me\?next=/);
    await page.getByLabel('手机号', { exact: true }).fill(citizenPhone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('短信验证码').fill(await smsCode(url, citizenPhone));
    await page.getByRole('button', { name: label('登录') }).click();
    await page.waitForURL(/\/portal\/mediation\/apply/);

    // 1 本人
    await page.getByText('（第 1 步，共 6 步）').waitFor();
    await page.getByLabel('您的姓名').fill(applicantName);
    await page.getByLabel('身份证号码').fill(residentId('45050219670412262'));
    await page.getByLabel('联系电话', { exact: true }).fill(citizenPhone);
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-step1-375');
    await page.getByRole('button', { name: '下一步' }).click();

    // 2 对方
    await page.getByText('（第 2 步，共 6 步）').waitFor();
    await page.getByLabel('对方姓名或单位名称').fill(respondentName);
    await page.getByLabel('对方住址（知道的话）').fill('北海市海城区中街街道和平社区和平路18号3栋502室');
    await page.getByRole('button', { name: '下一步' }).click();

    // 3 经过
    await page.getByText('（第 3 步，共 6 步）').waitFor();
    await page.getByText('邻里', { exact: true }).click();
    await page.getByLabel('发生了什么').fill(facts);
    await page.getByLabel('您希望怎样解决').fill('请对方修好防水层，赔偿天花板修复费用。');
    await page.getByLabel('涉及金额（元，没有可不填）').fill('3200');
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-step3-375');
    await page.getByRole('button', { name: '下一步' }).click();

    // 4 地点: the town typed into the searchable select, the community named.
    await page.getByText('（第 4 步，共 6 步）').waitFor();
    await page.getByLabel('乡镇（街道）').click();
    await page.keyboard.type('中街');
    await page.locator('.ant-select-item-option-active', { hasText: '海城区中街街道' }).waitFor();
    await page.keyboard.press('Enter');
    await page
      .locator('.ant-form-item', { hasText: '乡镇（街道）' })
      .getByTitle('海城区中街街道', { exact: true })
      .waitFor();
    await page.getByLabel('村（社区）').fill('和平社区');
    await page.getByLabel('详细地址').fill('和平路18号3栋402室');
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-step4-375');
    await page.getByRole('button', { name: '下一步' }).click();

    // 5 照片
    await page.getByText('（第 5 步，共 6 步）').waitFor();
    const uploaded = page.waitForResponse(
      (r) => r.url().includes('/api/files') && r.request().method() === 'POST',
    );
    await page.locator('input[type=file]').first().setInputFiles(photoFile);
    expect((await uploaded).ok()).toBe(true);
    await page.getByRole('link', { name: '漏水照片.png' }).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-step5-photo-375');
    await page.getByRole('button', { name: '下一步' }).click();

    // 6 提交
    await page.getByText('（第 6 步，共 6 步）').waitFor();
    await page.getByText(respondentName).waitFor();
    await page.getByText('海城区中街街道 和平社区 和平路18号3栋402室').waitFor();
    await page.getByText('1 个', { exact: true }).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-step6-confirm-375');
    await page.getByRole('button', { name: '提交申请' }).click();
    await orExplain(
      page,
      'submit',
      page.waitForURL(/\/portal\/mediation\/disputes\/[0-9a-f-]{36}\?submitted=1/),
    );
    caseId = /disputes\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    const submitted = page.locator('section', { hasText: '申请已提交' });
    await submitted.getByText('申请编号').waitFor();
    caseNo = (await submitted.locator('p').nth(1).textContent())?.trim() ?? '';
    expect(caseNo).toMatch(/调〔\d{4}〕第\d+号$/);
    await submitted.getByText(committeeName).waitFor();
    await submitted.getByText(/3 个工作日内打电话与您联系，约定调解的时间和地点/).waitFor();

    // The progress page: dispatched by place to the community's committee, waiting for acceptance.
    await page.getByText(`申请编号 ${caseNo}`).waitFor();
    await page.getByText(`已分派至${committeeName}`, { exact: true }).waitFor();
    await page.getByText('等待调委会受理，调解员会与您联系').waitFor();
    await page.locator('.ant-tag', { hasText: '待受理' }).waitFor();
    await page.getByText('联系电话：').waitFor();
    expect(await page.getByText(streetCommitteeName, { exact: true }).count()).toBe(0);
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-dispatched-375');
    expect(errors).toEqual([]);
  });

  it("the committee's clerk accepts it in the console, naming the mediator as lead", async () => {
    const url = server.url;
    const { page, errors } = clerk;
    await staffSignIn(page, url, 'hpclerk', passwords.clerk);
    await page.goto(`${url}/mediation/disputes/${caseId}`);
    await page.getByRole('heading', { name: caseNo }).waitFor();
    await page.locator('.ant-tag', { hasText: '待受理' }).first().waitFor();
    await page.getByRole('tab', { name: '调解结果与协议' }).click();
    const card = titledCard(page, '受理');
    await card.getByLabel('主持调解员').click();
    // The committee has one serving mediator: the first option, no scrolling.
    await page.locator('.ant-select-item-option', { hasText: mediatorName }).click();
    await card.getByLabel('受理意见').fill('属邻里纠纷，双方均在本社区，予以受理。');
    await screenshot(page, 'mediation-console-accept-1440');
    const accepted = page.waitForResponse(
      (r) => r.url().endsWith('/accept') && r.request().method() === 'POST',
    );
    await card.getByRole('button', { name: label('受理') }).click();
    expect((await accepted).status()).toBe(200);
    await orExplain(page, 'accept', page.locator('.ant-tag', { hasText: '调解中' }).first().waitFor());
    await screenshot(page, 'mediation-console-accepted-1440');
    expect(errors).toEqual([]);
  });

  it('the mediator, on her phone, records a session and settles with a written agreement', async () => {
    const url = server.url;
    const { page, errors } = mediator;
    await staffSignIn(page, url, 'chenlp', passwords.mediator);
    await page.goto(`${url}/mediation/my-queue`);
    await page.getByText(`${mediatorName} · ${committeeName}`).waitFor();
    const card = page.locator('.ant-card', { hasText: caseNo });
    await card.waitFor();
    await card.getByText(/当事人：/).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-my-queue-375');
    await card.getByRole('button', { name: '记录调解' }).click();
    await page.waitForURL(`${url}/mediation/disputes/${caseId}`);
    await page.getByRole('heading', { name: caseNo }).waitFor();

    // 调解记录: one session (time and mediator as the form offers them).
    await page.getByRole('tab', { name: '调解记录' }).click();
    const form = titledCard(page, '新增调解笔录');
    await form.getByLabel('调解地点').fill('和平社区居委会调解室');
    await form
      .getByLabel('参加人员')
      .fill(`申请人${applicantName}、被申请人${respondentName}、社区网格员王海`);
    await form.getByLabel('调解情况').fill(sessionRecord);
    await noHorizontalOverflow(page);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/sessions') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: '保存调解笔录' }).click();
    expect((await saved).status()).toBe(201);
    const sessions = titledCard(page, '调解笔录');
    await orExplain(page, 'session', sessions.getByText(/经调解员释法说理/).waitFor());
    await sessions.getByText(`调解员：${mediatorName}`, { exact: false }).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-session-375');

    // 调解结果与协议: settled, a written agreement effective today.
    await page.getByRole('tab', { name: '调解结果与协议' }).click();
    const outcome = titledCard(page, '调解结果');
    await outcome.getByRole('radio', { name: '书面协议' }).waitFor();
    expect(await outcome.getByRole('radio', { name: '书面协议' }).isChecked()).toBe(true);
    await outcome.getByLabel('协议内容').fill(agreementTerms);
    await outcome.getByLabel('履行方式').fill('一次性微信转账支付');
    effectiveOn = await outcome.getByLabel('协议生效日期').inputValue();
    expect(effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-settle-form-375');
    await outcome.getByRole('button', { name: '生成调解协议书' }).click();
    const settled = page.waitForResponse(
      (r) => r.url().endsWith('/settle') && r.request().method() === 'POST',
    );
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: label('确认') })
      .click();
    expect((await settled).status()).toBe(200);
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await orExplain(page, 'settle', page.locator('.ant-tag', { hasText: '调解成功' }).first().waitFor());
    const agreement = titledCard(page, '调解协议（书面协议）');
    await agreement.getByText(effectiveOn, { exact: true }).waitFor();
    expect(await describedValue(agreement, '生效日期')).toBe(effectiveOn);
    expect(await describedValue(agreement, '履行情况')).toBe('待履行');
    expect(await describedValue(titledCard(page, '调解结果'), '主持调解员')).toBe(mediatorName);
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-settled-375');

    // The 人民调解协议书 downloads; its text names both parties, the mediator and the committee.
    const link = agreement.getByRole('link', { name: /^下载 人民调解协议书.*\.docx$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/人民调解协议书.*\.docx$/);
    const file = await download.path();
    const xml = docxPart(fs.readFileSync(file));
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(applicantName);
    expect(text).toContain(respondentName);
    expect(text).toContain(mediatorName);
    expect(text).toContain(committeeName);
    expect(text).toContain('赔偿申请人黄秀兰天花板修复费用人民币3200元');
    expect(errors).toEqual([]);
  });

  it('a follow-up is recorded and the judicial-confirmation window falls due 30 days after the agreement', async () => {
    const { page, errors } = mediator;
    await page.getByRole('tab', { name: '回访与履行' }).click();
    const form = titledCard(page, '新增回访');
    await form.getByLabel('回访人').waitFor();
    expect(await form.getByLabel('回访人').inputValue()).toBe(mediatorName);
    await form.getByLabel('履行情况').click();
    await page.locator('.ant-select-item-option', { hasText: '已履行' }).first().click();
    await form
      .getByLabel('回访情况')
      .fill('上门回访，被申请人已修好防水层并转账赔偿3200元，申请人家中不再渗水，双方满意。');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/follow-ups') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: '保存回访记录' }).click();
    expect((await saved).status()).toBe(201);
    const visits = titledCard(page, '回访记录');
    await orExplain(page, 'follow-up', visits.getByText(/不再渗水/).waitFor());
    await visits.getByText(`回访人：${mediatorName}`).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-follow-up-375');

    // 30 calendar days from the effective day (the day itself not counted); a period ending on a rest day
    // ends on the next working day (the working-day calendar the platform keeps).
    const plus30 = addDays(effectiveOn, 30);
    const { days } = await officeApi.request<{ days: { date: string; working: boolean | null }[] }>(
      'GET',
      `/api/calendar/days?from=${plus30}&to=${addDays(plus30, 20)}`,
    );
    const expectedDue = days.find((d) => d.working === true)?.date;
    expect(expectedDue).toBeDefined();

    await page.getByRole('tab', { name: '司法确认' }).click();
    const confirmationWindow = titledCard(page, '申请司法确认期限');
    await confirmationWindow.waitFor();
    await confirmationWindow.getByText(expectedDue ?? '', { exact: true }).waitFor();
    expect(await describedValue(confirmationWindow, '协议生效日期')).toBe(effectiveOn);
    expect(await describedValue(confirmationWindow, '期限届满日')).toBe(expectedDue);
    await confirmationWindow.getByText(/人民调解法第三十三条/).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-confirmation-window-375');

    // The clock behind it, as the case's deadlines give it.
    const detail = await officeApi.request<{
      deadlines: { ruleCode: string; dueOn: string | null; status: string }[];
    }>('GET', `/api/cases/${caseId}`);
    const clock = detail.deadlines.find((d) => d.ruleCode === 'mediation.judicialConfirmation');
    expect(clock).toMatchObject({ dueOn: expectedDue, status: 'running' });
    expect(errors).toEqual([]);
  });

  it("the citizen's progress page shows 调解成功", async () => {
    const url = server.url;
    const { page, errors } = citizen;
    await page.goto(`${url}/portal/mediation/disputes/${caseId}`);
    await page.getByText(`申请编号 ${caseNo}`).waitFor();
    await page.locator('.ant-tag', { hasText: '调解成功' }).waitFor();
    for (const step of ['提交申请', '分派调委会', '受理', '调解', '结果']) {
      await page.getByText(step, { exact: true }).first().waitFor();
    }
    await page.getByText(`${committeeName}已受理`, { exact: false }).waitFor();
    await page.getByText(`调解成功，达成调解协议（${effectiveOn}）`).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'mediation-portal-settled-375');
    expect(errors).toEqual([]);
  });
});
