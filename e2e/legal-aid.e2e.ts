import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, createStaff } from './support/api-session.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// 法律援助, the citizen's side and the centre's first look: on a 375 px phone a citizen signs in by SMS,
// fills the guided application with a pledge (告知承诺), leaves half-way and resumes where she was, goes
// back a step without losing anything, submits with a double tap (one application), and sees the number
// and the progress page. In 长辈模式 at 360 px the pages keep big buttons and no sideways scrolling. A
// clerk of 北海市法律援助中心 finds the application in 援助申请 and opens it.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  clerk: 'Xiaowen#2026pw',
  counter: 'Haicheng#2026pw',
};
const citizenPhone = '13977912345';
const applicantName = '欧阳木兰·热依汗古丽';
const opposingParty = '北海市银海区某某建筑劳务有限公司第三工程项目部';

/** A resident ID number with a correct check digit (GB 11643). */
function residentId(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  return body17 + '10X98765432'.charAt(sum % 11);
}
const applicantId = residentId('45050319850312262');
const walkInId = residentId('45050219560718301');

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
  const code = /(\d{6})/.exec(messages[0]?.body ?? '')?.[1];
  if (!code) throw new Error('no SMS code in the outbox');
  return code;
}

/** The AntD select with this aria-label: open it and pick the option with this text. */
async function pick(page: Page, ariaLabel: string, option: string): Promise<void> {
  await page.getByLabel(ariaLabel, { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

describe('legal aid: applying in the portal, finding it in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  const opened: WatchedPage[] = [];
  let citizen: Page | undefined;

  async function open(width: number, height: number): Promise<WatchedPage> {
    const watched = await openPage(browser, width, height);
    opened.push(watched);
    return watched;
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
    await createStaff(server.url, admin, secadmin, {
      username: 'oyxw',
      displayName: '欧阳晓雯',
      // The centre of the matter's place (银海区): the application is routed there.
      unit: '银海区法律援助中心',
      roles: ['legalAidStaff'],
      password: passwords.clerk,
    });
    // 全城通办: a clerk of another county's centre enters a walk-in whose matter arose in 银海区.
    await createStaff(server.url, admin, secadmin, {
      username: 'hcfang',
      displayName: '方海成',
      unit: '海城区法律援助中心',
      roles: ['legalAidStaff'],
      password: passwords.counter,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a citizen applies with a pledge, resumes a half-filled draft, submits once and follows progress', async () => {
    const url = server.url;
    const { page, errors } = await open(375, 812);
    citizen = page;

    // The 首页 tile leads to what legal aid is, who may apply and how long it takes.
    await page.goto(`${url}/portal/`);
    await page.getByRole('link', { name: /申请法律援助/ }).click();
    await page.waitForURL(`${url}/portal/legal-aid`);
    await page.getByText('7 日内').first().waitFor();
    await page.getByText('第四十三条').first().waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-intro-375');

    // Not signed in: the application asks for the SMS sign-in of 我的 first.
    await page.getByRole('button', { name: '开始申请' }).click();
    await page.getByRole('button', { name: /去登录/ }).click();
    await page.waitForURL(/\/portal\/me\?next=/);
    await page.getByLabel('手机号', { exact: true }).fill(citizenPhone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('短信验证码').fill(await smsCode(url, citizenPhone));
    await page.getByRole('button', { name: label('登录') }).click();

    // Signed in, she is brought straight back to the application: step 1 of 5.
    await page.waitForURL(/\/portal\/legal-aid\/apply/);
    await page.getByText('第 1 步，共 5 步').waitFor();

    // A wrong check digit is caught as it is typed.
    const idField = page.getByLabel('身份证号码');
    await idField.fill(`${applicantId.slice(0, 17)}${applicantId.endsWith('1') ? '2' : '1'}`);
    await page
      .getByText(/校验码|校验位|不正确/)
      .first()
      .waitFor();
    await idField.fill(applicantId);
    await page.getByText(/校验通过/).waitFor();
    await page.getByLabel('姓名').fill(applicantName);
    await page.getByLabel('联系电话').fill(citizenPhone);
    await page.getByLabel('住址').fill('广西壮族自治区北海市银海区银滩镇白虎头村委会白虎头村三队十二号');
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-step1-375');
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 2: the matter.
    await page.getByText('第 2 步，共 5 步').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请选择案件类型').waitFor();
    await page.locator('label', { hasText: /^民事$/ }).click();
    await pick(page, '事项类别', '追索劳动报酬');
    await page.getByLabel('对方当事人').fill(opposingParty);
    await page.getByLabel('事项发生地', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: '银海区' }).first().click();
    await page
      .getByLabel('发生了什么')
      .fill('2026年3月至8月在银海区某工地做钢筋工，包工头拖欠工资共计28600元，多次讨要未果。');
    await page.getByLabel('希望得到什么帮助').fill('追回拖欠的工资28600元。');
    await page.getByLabel('涉及金额（元）').fill('28600');
    await screenshot(page, 'legal-aid-portal-step2-375');
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 3: hardship by pledge, with the Art. 64 warning.
    await page.getByText('第 3 步，共 5 步').waitFor();
    await page.getByText('告知承诺（本人承诺经济困难）').click();
    await page.getByText('第六十四条').waitFor();
    await page.getByLabel('家庭人口（人）').fill('4');
    await page.getByLabel('家庭月收入（元）').fill('2600');
    await page.getByLabel('家庭存款等资产（元）').fill('0');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('请阅读并勾选承诺').waitFor();
    await page.getByText(/本人承诺所填家庭人口/).click();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-step3-pledge-375');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('第 4 步，共 5 步').waitFor();
    await page.getByText(/已自动保存/).waitFor();

    // Leaves for the home page, comes back: the application resumes at step 4.
    await page.goto(`${url}/portal/`);
    await page.getByRole('link', { name: /申请法律援助/ }).click();
    await page.getByRole('button', { name: '开始申请' }).click();
    await page.getByText('第 4 步，共 5 步').waitFor();
    // 上一步 shows the pledge as it was left.
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByText('第 3 步，共 5 步').waitFor();
    expect(await page.getByLabel('家庭月收入（元）').inputValue()).toMatch(/^2,?600/);
    expect(await page.locator('.ant-checkbox-checked').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 4: a photo of the IOU; the limits are shown and the camera is offered.
    await page.getByText('第 4 步，共 5 步').waitFor();
    await page.getByText(/单个文件不超过/).waitFor();
    await page.getByRole('button', { name: /拍照上传/ }).waitFor();
    // A 30 MB photo is refused before sending, in Chinese, and nothing is listed.
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: '大照片.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.alloc(30 * 1024 * 1024, 1),
      });
    await page.getByText(/超过上限/).waitFor();
    await page.getByText('尚未上传文件').waitFor();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '欠条.png', mimeType: 'image/png', buffer: tinyPng() });
    await page.getByRole('link', { name: '欠条.png' }).waitFor();
    await screenshot(page, 'legal-aid-portal-step4-files-375');

    // The browser's back button goes to step 3 and forward again: nothing lost.
    await page.goBack();
    await page.getByText('第 3 步，共 5 步').waitFor();
    expect(await page.getByLabel('家庭人口（人）').inputValue()).toBe('4');
    await page.goForward();
    await page.getByText('第 4 步，共 5 步').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();

    // Step 5: everything to check, then a double tap on 提交申请 makes one application.
    await page.getByText('第 5 步，共 5 步').waitFor();
    await page.getByText(applicantName).waitFor();
    await page.getByText(opposingParty).waitFor();
    await page.getByText('已上传 1 份').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-step5-confirm-375');
    await page.getByRole('button', { name: '提交申请' }).dblclick();
    await page.waitForURL(/\/portal\/legal-aid\/submitted\//);
    const number = (await page.getByTestId('application-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/第\d+号/);
    await page.getByText('接下来').waitFor();
    await page.getByText(/前作出是否给予法律援助的决定/).waitFor();
    await screenshot(page, 'legal-aid-portal-submitted-375');

    await page.getByRole('button', { name: '查看办理进度' }).click();
    await page.waitForURL(/\/portal\/legal-aid\/applications\//);
    await page.getByText(`申请编号 ${number}`).waitFor();
    await page.getByText('提交申请').first().waitFor();
    await screenshot(page, 'legal-aid-portal-progress-375');

    // 我的申请: exactly one application, no draft left over.
    await page.getByRole('button', { name: '我的申请' }).click();
    await page.waitForURL(`${url}/portal/legal-aid/mine`);
    const rows = page.locator('a[href*="/legal-aid/applications/"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await rows.getByText(number).waitFor();
    expect(await page.getByText('有一份未提交的申请').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('in 长辈模式 at 360 px the application keeps big buttons and fits the screen', async () => {
    const url = server.url;
    // The same citizen (her session cookie) on a smaller phone.
    if (!citizen) throw new Error('the first journey did not run');
    const page = await citizen.context().newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`${url}/portal/me`);
    await page.locator('#senior-mode-switch').click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();

    await page.goto(`${url}/portal/`);
    await screenshot(page, 'legal-aid-portal-home-senior-360');
    await page.getByRole('link', { name: /申请法律援助/ }).click();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-intro-senior-360');
    await page.getByRole('button', { name: '开始申请' }).click();
    await page.getByText('第 1 步，共 5 步').waitFor();
    const next = page.getByRole('button', { name: '下一步' });
    expect(await next.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(48);
    await page.getByLabel('姓名').fill(applicantName);
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-step1-senior-360');
    await page.getByLabel('身份证号码').fill(applicantId);
    await page.getByLabel('联系电话').fill(citizenPhone);
    await page.getByLabel('住址').fill('北海市海城区长青路');
    await next.click();
    await page.getByText('第 2 步，共 5 步').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-step2-senior-360');
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByText('第 1 步，共 5 步').waitFor();

    await page.goto(`${url}/portal/legal-aid/mine`);
    await page.getByText('有一份未提交的申请').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-mine-senior-360');
    await page.locator('a[href*="/legal-aid/applications/"]').first().click();
    await page.getByText('申请编号').first().waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-portal-progress-senior-360');
    expect(errors).toEqual([]);
  });

  it('a clerk of the legal aid centre finds the application in 援助申请 and opens it', async () => {
    const url = server.url;
    const { page, errors } = await open(1440, 900);
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名').fill('oyxw');
    await page.getByLabel('密码', { exact: true }).fill(passwords.clerk);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/`);

    await page.getByRole('menuitem', { name: '法律援助' }).first().click();
    await page.getByRole('menuitem', { name: '援助申请' }).click();
    await page.waitForURL(`${url}/legal-aid/applications`);
    await page.getByText('共 1 件').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-console-list-1440');

    await page.locator('.ant-table-tbody a').first().click();
    await page.waitForURL(/\/legal-aid\/applications\/[0-9a-f-]{36}$/);
    await page.getByText(applicantName).first().waitFor();
    await page.getByText(opposingParty).waitFor();
    await page.getByText(/经济困难审查/).waitFor();
    await page.getByText('个人诚信承诺（告知承诺）').waitFor();
    // The applicant's ID number is shown masked only.
    await page.getByText(`${applicantId.slice(0, 6)}********${applicantId.slice(14)}`).waitFor();
    expect(await page.getByText(applicantId).count()).toBe(0);
    // The decisions are the workflow's buttons in the header.
    await page
      .getByRole('group', { name: '办理操作' })
      .getByRole('button', { name: '给予法律援助', exact: true })
      .waitFor();
    await screenshot(page, 'legal-aid-console-application-1440');
    expect(errors).toEqual([]);
  });

  it('全城通办: a clerk of another centre enters a walk-in at the counter; it goes to the centre of the place', async () => {
    const url = server.url;
    const { page, errors } = await open(1440, 900);
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名').fill('hcfang');
    await page.getByLabel('密码', { exact: true }).fill(passwords.counter);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/`);
    await page.getByRole('menuitem', { name: '法律援助' }).first().click();
    await page.getByRole('menuitem', { name: '窗口登记' }).click();
    await page.waitForURL(`${url}/legal-aid/applications/new`);

    // Nothing filled: every missing item says so, nothing is registered.
    await page.getByRole('button', { name: '登记申请' }).click();
    await page.getByText('请按提示补全或更正标红的项目').waitFor();
    await page.getByText('请填写姓名').waitFor();

    await page.getByLabel('姓名').fill('庞秀英');
    await page.getByLabel('证件号码').fill(walkInId);
    await page.getByText(/校验通过/).waitFor();
    await page.getByLabel('联系电话').fill('0779-3201234');
    await page.getByLabel('住址').fill('北海市海城区地角镇');
    await page.locator('label', { hasText: /^民事$/ }).click();
    await pick(page, '事项类别', '赡养、抚养、扶养');
    await page.getByLabel('对方当事人').fill('庞某某');
    await pick(page, '事项发生地', '银海区');
    await page.getByLabel('发生了什么').fill('老人年近七十，无固定收入，三个子女均不支付赡养费。');
    await page.getByLabel('希望得到什么帮助').fill('请求子女每月支付赡养费。');
    await page.getByText('免予经济困难审查', { exact: true }).click();
    await page.getByLabel('免予审查的情形').click();
    await page.keyboard.type('无固定生活来源');
    await page.locator('.ant-select-item-option', { hasText: '无固定生活来源' }).first().click();
    await screenshot(page, 'legal-aid-console-register-1440');
    await page.getByRole('button', { name: '登记申请' }).dblclick();

    // Routed to 银海区法律援助中心; the receiving counter keeps it in scope and opens it.
    await page.waitForURL(/\/legal-aid\/applications\/[0-9a-f-]{36}$/).catch(async (error: unknown) => {
      // Say what the page said instead of a bare timeout.
      const shown = await page.locator('.ant-alert-error, .ant-form-item-explain-error').allTextContents();
      throw new Error(`registration did not open the case page: ${shown.join(' | ') || String(error)}`);
    });
    await page.getByText('庞秀英').first().waitFor();
    await page.getByText('银海区法律援助中心').first().waitFor();
    await page.getByText('海城区法律援助中心').first().waitFor();
    await page.getByText('窗口申请').waitFor();
    // 查看 (audited) shows the full ID number through the party kit.
    expect(await page.getByText(walkInId).count()).toBe(0);
    await page.getByRole('button', { name: /查\s*看/ }).click();
    await page.getByText(walkInId).first().waitFor();
    await screenshot(page, 'legal-aid-console-walk-in-1440');

    // The double click registered one.
    await page.goto(`${url}/legal-aid/applications?q=${encodeURIComponent('庞秀英')}`);
    await page.getByText('共 1 件').waitFor();
    expect(errors).toEqual([]);
  });
});

/** A 1×1 white PNG. */
function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
    'base64',
  );
}
