import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiSignIn, createStaff, unitId } from './support/api-session.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// 法律援助, the whole way on phones (375 px): a fisherman's wife applies in the portal with a pledge
// (告知承诺); 银海区法律援助中心 grants it; the centre assigns the duty lawyer by rotation within the 3 days
// of 第四十三条; the lawyer accepts in the console, logs the work and closes the case with the wages
// recovered; the centre rates it 良好 and the subsidy is the 2023 civil rate (2,800 元) × 1.0. At each step
// the citizen's progress page says where her case is.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  clerk: 'Xiaowen#2026pw',
  lawyer: 'Lvshi#2026pw',
};
const citizenPhone = '13977955501';
const applicantName = '庞月娥';
const opposingParty = '北海市银海区海丰远洋捕捞有限公司';

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

async function pick(page: Page, ariaLabel: string, option: string): Promise<void> {
  await page.getByLabel(ariaLabel, { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

async function staffSignIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}/`);
}

describe('legal aid end to end: apply, grant, assign, accept, close, rate, subsidy', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: WatchedPage;
  let centre: WatchedPage;
  let lawyer: WatchedPage;
  let clerkApi: ApiSession;
  let caseId = '';
  let caseNo = '';

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
      username: 'pangxm',
      displayName: '庞晓敏',
      unit: '银海区法律援助中心',
      roles: ['legalAidStaff'],
      password: passwords.clerk,
    });
    const lawyerAccount = await createStaff(server.url, admin, secadmin, {
      username: 'lvhaitao',
      displayName: '吕海涛',
      unit: '银海区法律援助中心',
      roles: ['lawyer'],
      password: passwords.lawyer,
    });
    clerkApi = await apiSignIn(server.url, 'pangxm', passwords.clerk);
    const yinhai = await unitId(clerkApi, '银海区法律援助中心');
    // The centre's registry: the duty lawyer (linked to the account) on the roster today.
    const registered = await clerkApi.request<{ id: string }>('POST', '/api/legal-aid/lawyers', {
      unitId: yinhai,
      name: '吕海涛',
      staffUserId: lawyerAccount,
      lawFirm: '广西北海银滩律师事务所',
      licenceNumber: '14505201210234567',
      practiceStartDate: '2012-07-01',
      specialties: ['wageArrears', 'labourDispute'],
      registeredOn: '2023-01-10',
    });
    await clerkApi.request('POST', '/api/legal-aid/duty-roster', {
      unitId: yinhai,
      lawyerId: registered.id,
      place: '银海区法律援助中心接待大厅',
      from: '2026-01-01',
      to: '2099-12-31',
    });
    browser = await launchBrowser();
    citizen = await openPage(browser, 375, 812);
    centre = await openPage(browser, 375, 812);
    lawyer = await openPage(browser, 375, 812);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a citizen applies with a pledge in the portal', async () => {
    const url = server.url;
    const { page, errors } = citizen;
    await page.goto(`${url}/portal/me`);
    await page.getByLabel('手机号', { exact: true }).fill(citizenPhone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('短信验证码').fill(await smsCode(url, citizenPhone));
    await page.getByRole('button', { name: label('登录') }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();

    await page.goto(`${url}/portal/legal-aid/apply`);
    await page.getByText('第 1 步，共 5 步').waitFor();
    await page.getByLabel('身份证号码').fill(residentId('45050319880614262'));
    await page.getByText(/校验通过/).waitFor();
    await page.getByLabel('姓名').fill(applicantName);
    await page.getByLabel('联系电话').fill(citizenPhone);
    await page.getByLabel('住址').fill('广西壮族自治区北海市银海区侨港镇侨南路十八号');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByText('第 2 步，共 5 步').waitFor();
    await page.locator('label', { hasText: /^民事$/ }).click();
    await pick(page, '事项类别', '追索劳动报酬');
    await page.getByLabel('对方当事人').fill(opposingParty);
    await pick(page, '事项发生地', '银海区');
    await page
      .getByLabel('发生了什么')
      .fill('丈夫在远洋捕捞船上做船员十个月，公司拖欠工资共计36800元，丈夫出海未归，由本人代为申请。');
    await page.getByLabel('希望得到什么帮助').fill('追回拖欠的船员工资36800元。');
    await page.getByLabel('涉及金额（元）').fill('36800');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByText('第 3 步，共 5 步').waitFor();
    await page.getByText('告知承诺（本人承诺经济困难）').click();
    await page.getByLabel('家庭人口（人）').fill('5');
    await page.getByLabel('家庭月收入（元）').fill('2400');
    await page.getByLabel('家庭存款等资产（元）').fill('0');
    await page.getByText(/本人承诺所填家庭人口/).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('第 4 步，共 5 步').waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('第 5 步，共 5 步').waitFor();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/portal\/legal-aid\/submitted\//);
    caseNo = (await page.getByTestId('application-number').textContent())?.trim() ?? '';
    caseId = /submitted\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(caseNo).toMatch(/^银海法援〔\d{4}〕第\d+号$/);
    expect(caseId).not.toBe('');
    expect(errors).toEqual([]);
  });

  it('the centre grants it on a phone', async () => {
    const url = server.url;
    const { page, errors } = centre;
    await staffSignIn(page, url, 'pangxm', passwords.clerk);
    await page.goto(`${url}/legal-aid/applications/${caseId}`);
    await page.getByText(applicantName).first().waitFor();
    const header = page.getByRole('group', { name: '办理操作' });
    await header.getByRole('button', { name: '给予法律援助', exact: true }).click();
    const dialog = page.locator('.ant-modal', { hasText: '审查意见' });
    await dialog
      .getByLabel('审查意见')
      .fill('申请人系渔民家属，追索劳动报酬，作出告知承诺，符合法律援助条件。');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '给予法律援助' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '待指派律师' }).first().waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-casework-granted-375');
    expect(errors).toEqual([]);
  });

  it('the centre assigns the duty lawyer by rotation within 3 days (第四十三条)', async () => {
    const { page, errors } = centre;
    await page.getByRole('tab', { name: '指派律师' }).click();
    await noHorizontalOverflow(page);
    await page.getByText('轮派建议：吕海涛（广西北海银滩律师事务所）').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-casework-candidates-375');
    await page.getByRole('button', { name: '按轮派指派' }).click();
    await page.locator('.ant-tag', { hasText: '已指派待接受' }).first().waitFor();
    await page.getByText('值班轮派').first().waitFor();
    await page.getByRole('link', { name: '下载指派通知书' }).first().waitFor();
    await screenshot(page, 'legal-aid-casework-assigned-375');
    // The assignment clock is met on time.
    const detail = await clerkApi.request<{ deadlines: { ruleCode: string; status: string }[] }>(
      'GET',
      `/api/cases/${caseId}`,
    );
    expect(detail.deadlines.find((c) => c.ruleCode === 'legalAid.assignLawyer')?.status).toBe('met');
    expect(errors).toEqual([]);
  });

  it('the lawyer accepts in 我的援助案件, logs the work and closes with the wages recovered', async () => {
    const url = server.url;
    const { page, errors } = lawyer;
    await staffSignIn(page, url, 'lvhaitao', passwords.lawyer);
    await page.goto(`${url}/legal-aid/my-cases`);
    await page.getByText(caseNo).first().waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-casework-my-cases-375');
    await page.getByRole('button', { name: `接受指派 ${caseNo}` }).click();
    await page.getByRole('link', { name: '办理' }).first().waitFor();
    await page.goto(`${url}/legal-aid/applications/${caseId}`);
    await page.locator('.ant-tag', { hasText: '律师承办中' }).first().waitFor();
    await page.getByRole('tab', { name: '承办情况' }).click();

    // A step of the work: meeting the client.
    await pick(page, '办案环节', '会见受援人');
    await page
      .getByLabel('办理情况')
      .fill('在侨港镇会见受援人，了解丈夫出海务工及欠薪情况，收集劳务合同和工资记录。');
    await page.getByRole('button', { name: '保存办案记录' }).click();
    await page.getByText('在侨港镇会见受援人').first().waitFor();

    // Closing: mediated, 36,800 yuan recovered.
    await pick(page, '办理结果', '调解结案');
    await page
      .getByLabel('结案小结')
      .fill('经劳动仲裁委员会调解，公司一次性支付拖欠工资36800元，已履行完毕。');
    await page.getByLabel('挽回损失（元）').fill('36800');
    await page.getByRole('button', { name: label('结案') }).click();
    await page
      .getByRole('button', { name: '确认结案' })
      .click()
      .catch(async (error: unknown) => {
        // Say what the page said instead of a bare timeout.
        await screenshot(page, 'legal-aid-casework-close-failed-375');
        const shown = await page.locator('.ant-alert-error, .ant-form-item-explain-error').allTextContents();
        throw new Error(`no closing confirmation: ${shown.join(' | ') || String(error)}`);
      });
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '已结案' }).first().waitFor();
    const closing = page.locator('.ant-card', { hasText: '结案情况' }).last();
    await closing.getByText('调解结案').waitFor();
    await closing.getByText(/36,800\.00/).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-casework-closed-375');
    expect(errors).toEqual([]);
  });

  it('the centre rates it 良好 and the subsidy is the 2023 civil rate × 1.0', async () => {
    const { page, errors } = centre;
    await page.reload();
    await page.locator('.ant-tag', { hasText: '已结案' }).first().waitFor();
    await page.getByRole('tab', { name: '质量评估' }).click();
    await page.getByRole('radio', { name: '良好' }).check();
    await page.getByRole('checkbox', { name: '案卷检查' }).check();
    await page.getByRole('checkbox', { name: '受援人回访' }).check();
    await pick(page, '资金来源', '中央专项彩票公益金');
    await page.getByLabel('评估意见').fill('案卷材料齐全，受援人回访满意。');
    await page.getByRole('button', { name: '保存评估' }).click();
    await expect.poll(() => page.getByTestId('subsidy-amount').textContent()).toMatch(/2,800\.00/);
    const result = page.locator('.ant-descriptions', { has: page.getByTestId('subsidy-amount') });
    await result.getByText('良好').waitFor();
    await result.getByText('1.00').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-casework-rated-375');
    const rating = await clerkApi.request<{ rating: { subsidyYuan: number } | null }>(
      'GET',
      `/api/legal-aid/cases/${caseId}/rating`,
    );
    expect(rating.rating?.subsidyYuan).toBe(2800);
    expect(errors).toEqual([]);
  });

  it("the citizen's progress page shows each step", async () => {
    const url = server.url;
    const { page, errors } = citizen;
    await page.goto(`${url}/portal/legal-aid/applications/${caseId}`);
    await page.getByText(`申请编号 ${caseNo}`).waitFor();
    for (const step of ['提交申请', '审查决定', '指派律师', '律师承办', '办结']) {
      await page.getByText(step, { exact: true }).first().waitFor();
    }
    await page.getByText('已指派广西北海银滩律师事务所吕海涛律师承办').waitFor();
    await page.getByText(/案件已办结：调解结案/).waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-casework-citizen-progress-375');
    expect(errors).toEqual([]);
  });
});
