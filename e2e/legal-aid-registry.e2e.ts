import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, apiSignIn, createStaff, unitId } from './support/api-session.ts';
import { launchBrowser, openPage, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// 法律援助登记 in the console: a clerk of 合浦县法律援助中心 logs two consultations in a row with the quick
// entry form (the person's fields clear, the channel stays), sees only masks in the list, and opens the
// 律师库, 值班安排, 工作站 and 支援队伍 pages, empty and filled, on a desktop and at 360 px.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  clerk: 'Xiaowen#2026pw',
};

/** Picks a consultation topic the way a clerk at the counter does: types part of it and presses Enter.
 *  (The list is virtual, so an option far down it is not in the page until it is scrolled to.) */
async function chooseTopic(page: Page, topic: string): Promise<void> {
  const input = page.getByLabel('咨询事项');
  await input.click();
  await input.fill(topic);
  await page.locator('.ant-select-item-option-active', { hasText: topic }).waitFor();
  await input.press('Enter');
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('legal aid registries in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let clerk: ApiSession;

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
      username: 'hpclerk',
      displayName: '庞晓雯',
      unit: '合浦县法律援助中心',
      roles: ['legalAidStaff'],
      password: passwords.clerk,
    });
    clerk = await apiSignIn(server.url, 'hpclerk', passwords.clerk);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
    const watched = await openPage(browser, width, height);
    const { page } = watched;
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('hpclerk');
    await page.getByLabel('密码', { exact: true }).fill(passwords.clerk);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    return watched;
  }

  it('empty registries say what to do next', async () => {
    const { page, errors } = await signedIn(1440, 900);
    for (const [path, text, shot] of [
      ['/legal-aid/lawyers', '暂无律师，点击“登记律师”登记第一名', 'lawyers-empty'],
      ['/legal-aid/duty-roster', '暂无值班安排', 'duty-roster-empty'],
      ['/legal-aid/workstations', '暂无工作站', 'workstations-empty'],
      ['/legal-aid/support-teams', '暂无支援队伍', 'support-teams-empty'],
      ['/legal-aid/consultations', '暂无咨询记录', 'consultations-empty'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByText(text).first().waitFor();
      await screenshot(page, `legal-aid-registry-${shot}-1440`);
    }
    expect(errors).toEqual([]);
  });

  it('quick entry logs consultations one after another; the list shows masks', async () => {
    const { page, errors } = await signedIn(1440, 900);
    await page.getByRole('menuitem', { name: '法律援助' }).first().click();
    await page.getByRole('menuitem', { name: '咨询登记' }).click();
    await page.waitForURL(`${server.url}/legal-aid/consultations`);

    await page.getByText('12348 热线', { exact: true }).click();
    await page.getByLabel('咨询人').fill('梁秀英');
    await page.getByLabel('联系电话').fill('13907790123');
    await chooseTopic(page, '追索劳动报酬');
    await page
      .getByLabel('咨询内容')
      .fill('在合浦县某工地打工三个月未领到工资，老板失联，询问如何申请法律援助');
    await page.getByLabel('处理结果').click();
    await page.locator('.ant-select-item-option', { hasText: '转法律援助申请' }).first().click();
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('共 1 人次').waitFor();
    // The person's fields are cleared for the next caller; the channel stays on 12348.
    await expect.poll(() => page.getByLabel('咨询人').inputValue()).toBe('');
    await page.getByLabel('咨询人').fill('欧阳木兰·热依汗古丽');
    await chooseTopic(page, '婚姻家庭');
    await page.getByLabel('咨询内容').fill('离婚后对方不支付抚养费');
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('共 2 人次').waitFor();
    await expect.poll(() => page.getByLabel('咨询人').inputValue()).toBe('');
    expect(await page.getByRole('radio', { name: '12348 热线' }).isChecked()).toBe(true);
    await page.getByText('139****0123').waitFor();
    expect(await page.getByText('梁秀英').count()).toBe(0);
    await noHorizontalOverflow(page);
    await screenshot(page, 'legal-aid-registry-consultations-1440');

    // A missing referral target is explained under its field.
    await page.getByLabel('咨询人').fill('陈海');
    // A clerk types into the topic list (it is searchable) rather than scrolling a virtual list.
    await chooseTopic(page, '工伤赔偿');
    await page.getByLabel('咨询内容').fill('工伤待遇');
    await page.getByLabel('处理结果').click();
    await page.locator('.ant-select-item-option', { hasText: '转其他部门' }).first().click();
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('请填写转往的单位').waitFor();
    expect(errors).toEqual([]);
  });

  it('filled registries on a desktop and at 360 px', async () => {
    const hepu = await unitId(clerk, '合浦县法律援助中心');
    const lawyer = await clerk.request<{ id: string }>('POST', '/api/legal-aid/lawyers', {
      unitId: hepu,
      name: '司马长风',
      lawFirm: '广西北海海合律师事务所合浦分所（合浦县廉州镇公园路）',
      licenceNumber: '14505201510123456',
      practiceStartDate: '2015-04-01',
      specialties: ['wageArrears', 'workInjury', 'labourDispute'],
      registeredOn: '2023-03-01',
      proBonoFrom: '2023-05-01',
      unavailable: [{ from: '2099-01-01', to: '2099-01-31', reason: '外出培训' }],
    });
    const station = await clerk.request<{ id: string }>('POST', '/api/legal-aid/workstations', {
      unitId: hepu,
      name: '合浦县看守所法律援助工作站',
      hostName: '合浦县看守所',
      openedOn: '2023-04-01',
    });
    await clerk.request('POST', '/api/legal-aid/duty-roster', {
      unitId: hepu,
      lawyerId: lawyer.id,
      stationId: station.id,
      from: '2023-06-01',
      to: '2099-06-30',
    });
    await clerk.request('POST', '/api/legal-aid/support-teams', {
      unitId: hepu,
      name: '合浦县农民工讨薪法律援助支援队',
      memberIds: [lawyer.id],
      setUpOn: '2023-02-01',
    });

    for (const [width, height] of [
      [1440, 900],
      [360, 740],
    ] as const) {
      const { page, errors } = await signedIn(width, height);
      for (const [path, text, shot] of [
        ['/legal-aid/lawyers', '司马长风', 'lawyers'],
        ['/legal-aid/duty-roster', '合浦县看守所法律援助工作站', 'duty-roster'],
        ['/legal-aid/workstations', '合浦县看守所', 'workstations'],
        ['/legal-aid/support-teams', '合浦县农民工讨薪法律援助支援队', 'support-teams'],
        ['/legal-aid/consultations', '共 2 人次', 'consultations'],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.getByText(text).first().waitFor();
        await noHorizontalOverflow(page);
        await screenshot(page, `legal-aid-registry-${shot}-${width}`);
      }
      if (width === 1440) {
        await page.goto(`${server.url}/legal-aid/lawyers`);
        await page
          .getByRole('button', { name: /编\s*辑/ })
          .first()
          .click();
        await page.getByText('编辑律师：司马长风').waitFor();
        await screenshot(page, 'legal-aid-registry-lawyer-drawer-1440');
      }
      expect(errors).toEqual([]);
    }
  });
});
