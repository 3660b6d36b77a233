import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, createStaff } from './support/api-session.ts';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// The shared case pages with the worked example case type (示例申请): a city clerk finds the cases in
// 全部案件, filters by keyword (kept in the address), opens one, makes herself its handler, accepts it
// (受理) and sees the step in 办理记录; 作出决定 without the decision text is refused with the workflow's own
// Chinese reason; a case someone else acted on meanwhile asks for a refresh. A county clerk, who sees none
// of these city cases, gets the empty list and an empty 我的期限.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  clerk: 'Wenjing#2026pw',
  county: 'Haitao#2026pw',
};

/** antd puts a space between the two characters of a two-character button label (受 理). */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}/`);
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('case pages', () => {
  let server: RunningServer;
  let browser: Browser;
  const opened: WatchedPage[] = [];

  async function open(width: number, height: number): Promise<Page> {
    const watched = await openPage(browser, width, height);
    opened.push(watched);
    return watched.page;
  }

  beforeAll(async () => {
    server = await startServer(
      {
        ADMIN_PASSWORD: passwords.admin,
        SECADMIN_PASSWORD: passwords.secadmin,
        AUDITOR_PASSWORD: passwords.auditor,
        LOGIN_RATE_PER_MINUTE: '1000',
        E2E_SEED_EXAMPLE_CASES: '3',
      },
      { entry: 'e2e/support/example-platform.ts' },
    );
    const admin = await apiSignIn(server.url, 'admin', passwords.admin);
    const secadmin = await apiSignIn(server.url, 'secadmin', passwords.secadmin);
    // The example type decides with org:manage (it borrows platform codes); user:read lets the clerk pick
    // a colleague as handler.
    await secadmin.request('POST', '/api/access/roles', {
      code: 'exampleDecider',
      name: '示例决定人',
      description: '示例申请的作出决定（仅用于测试）',
      dataScope: 'all',
      permissions: ['org:manage', 'user:read', 'case:read'],
    });
    await createStaff(server.url, admin, secadmin, {
      username: 'zhouwj',
      displayName: '周文静',
      unit: '北海市司法局',
      roles: ['cityStaff', 'exampleDecider'],
      password: passwords.clerk,
    });
    await createStaff(server.url, admin, secadmin, {
      username: 'hcqian',
      displayName: '钱海涛',
      unit: '海城区司法局',
      roles: ['countyStaff'],
      password: passwords.county,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a city clerk filters the list, opens a case, takes it, accepts it and is refused a decision without text', async () => {
    const url = server.url;
    const page = await open(1440, 900);
    await signIn(page, url, 'zhouwj', passwords.clerk);

    // 全部案件 from the side menu: three cases, 待受理 in blue, each with its running clock.
    await page.getByRole('menuitem', { name: '案件' }).first().click();
    await page.getByRole('menuitem', { name: '全部案件' }).click();
    await page.waitForURL(`${url}/cases`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await page.getByText('共 3 件').waitFor();
    expect(await rows.count()).toBe(3);
    expect(await page.locator('.ant-table-tbody .ant-tag', { hasText: '待受理' }).count()).toBe(3);
    expect(await page.locator('.ant-table-tbody .ant-tag', { hasText: /剩余|今日到期/ }).count()).toBe(3);
    await page.getByText('张某某申请法律援助（劳动报酬纠纷').waitFor();
    await screenshot(page, 'cases-list-1440');

    // The keyword filter goes into the address: a reload keeps it.
    await page.getByLabel('关键字').fill('李某某');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/cases\?q=/);
    await page.getByText('共 1 件').waitFor();
    await page.reload();
    await page.getByText('共 1 件').waitFor();
    expect(await page.getByLabel('关键字').inputValue()).toBe('李某某');
    await page.getByText('李某某申请法律援助（交通事故人身损害赔偿）').waitFor();
    await screenshot(page, 'cases-list-filtered-1440');

    // 保存筛选, clear, and apply it again from 常用筛选.
    await page.getByRole('button', { name: '保存筛选' }).click();
    await page.getByLabel('筛选名称').fill('李某某的案件');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('保存') })
      .click();
    await page.getByText('已保存筛选“李某某的案件”').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).first().click();
    await page.getByText('共 3 件').waitFor();
    await page.getByRole('button', { name: /常用筛选/ }).click();
    await page.getByRole('menuitem', { name: /李某某的案件/ }).click();
    await page.getByText('共 1 件').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).first().click();
    await page.getByText('共 3 件').waitFor();

    // Sorting by case number is done by the server and kept in the address.
    await page.getByRole('columnheader', { name: /案号/ }).click();
    await page.waitForURL(/sort=caseNo&order=asc/);
    await expect.poll(() => rows.first().getByRole('link').textContent()).toMatch(/第1号$/);
    await page.goto(`${url}/cases`);
    await page.getByText('共 3 件').waitFor();

    // Open 张某某's case by its number.
    await page.locator('tr', { hasText: '张某某申请法律援助' }).getByRole('link').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const header = page.getByRole('group', { name: '办理操作' });
    await header.getByRole('button', { name: label('受理') }).waitFor();
    await page.locator('.ant-tag', { hasText: '待受理' }).first().waitFor();

    // 指定承办人: herself.
    await page.getByRole('tab', { name: /参与人/ }).click();
    await page.getByText('尚未指定承办人').waitFor();
    await page.getByRole('button', { name: '指定承办人' }).click();
    const assign = page.locator('.ant-modal', { hasText: '指定承办人' });
    await assign.getByLabel('工作人员').click();
    await page.keyboard.type('周文静');
    await page.locator('.ant-select-item-option', { hasText: '周文静（zhouwj）' }).click();
    await assign.getByRole('button', { name: label('指定') }).click();
    await assign.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '周文静' }).waitFor();
    await page.getByRole('cell', { name: '承办人' }).waitFor();
    await screenshot(page, 'case-participants-1440');

    // 受理 with a comment: the status turns 已受理 and the timeline has the step.
    await header.getByRole('button', { name: label('受理') }).click();
    const dialog = page.locator('.ant-modal', { hasText: '办理意见' });
    await dialog.getByText('受理后，案件将变为“已受理”。').waitFor();
    await dialog.getByLabel('办理意见').fill('材料齐全，予以受理');
    await screenshot(page, 'case-accept-dialog-1440');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('受理') })
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.ant-tag', { hasText: '已受理' }).first().waitFor();
    await page.getByRole('tab', { name: '办理记录' }).click();
    await page.getByText('受理：待受理 → 已受理').waitFor();
    await page.getByText('办理意见：材料齐全，予以受理').waitFor();
    await page.getByText(/周文静 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
    await screenshot(page, 'case-accepted-timeline-1440');

    // 作出决定 without the decision text: the workflow's own reason, and nothing changes.
    await header.getByRole('button', { name: '作出决定' }).click();
    const decide = page.locator('.ant-modal', { hasText: '作出决定' });
    await decide.locator('.ant-modal-footer').getByRole('button', { name: '作出决定' }).click();
    await decide.getByText('尚未填写决定内容，不能作出决定').waitFor();
    await screenshot(page, 'case-decide-refused-1440');
    await decide.getByRole('button', { name: label('取消') }).click();
    await page.locator('.ant-tag', { hasText: '已受理' }).first().waitFor();

    // 期限: the statutory clock with its article.
    await page.getByRole('tab', { name: /期限/ }).click();
    await page.getByText('计时中').waitFor();
    await screenshot(page, 'case-deadlines-1440');

    // 我的期限: the case she handles.
    await page.getByRole('menuitem', { name: '我的期限' }).click();
    await page.waitForURL(`${url}/deadlines/mine`);
    await page.getByRole('tab', { name: '超期' }).waitFor();
    await page.locator('.ant-table-tbody').getByText('张某某申请法律援助（劳动报酬纠纷').waitFor();
    await page
      .locator('.ant-table-tbody')
      .getByRole('link', { name: /第1号$/ })
      .waitFor();
    await screenshot(page, 'my-deadlines-1440');
    await page.context().close();
  });

  it('a case someone else acted on meanwhile asks for a refresh instead of acting twice', async () => {
    const url = server.url;
    const page = await open(1440, 900);
    await signIn(page, url, 'zhouwj', passwords.clerk);
    await page.goto(`${url}/cases?q=${encodeURIComponent('王某某')}`);
    await page.locator('tr', { hasText: '王某某' }).getByRole('link').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop() ?? '';
    const header = page.getByRole('group', { name: '办理操作' });
    await header.getByRole('button', { name: label('受理') }).waitFor();

    // A colleague accepts it first (same account, another session: the version moves on).
    const other = await apiSignIn(url, 'zhouwj', passwords.clerk);
    const current = await other.request<{ version: number }>('GET', `/api/cases/${caseId}`);
    await other.request('POST', `/api/cases/${caseId}/transitions`, {
      transition: 'accept',
      version: current.version,
    });

    await header.getByRole('button', { name: label('受理') }).click();
    const dialog = page.locator('.ant-modal', { hasText: '办理意见' });
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('受理') })
      .click();
    await dialog.getByText('该案件已被他人处理，请刷新后重试').waitFor();
    await screenshot(page, 'case-stale-1440');
    await dialog.getByRole('button', { name: /刷\s*新/ }).click();
    await page.locator('.ant-tag', { hasText: '已受理' }).first().waitFor();
    await page.context().close();
  });

  it('a county clerk sees no city cases: the empty list says what to do, 我的期限 is empty', async () => {
    const url = server.url;
    const page = await open(1440, 900);
    await signIn(page, url, 'hcqian', passwords.county);
    await page.goto(`${url}/cases`);
    await page.getByText('暂无案件。').waitFor();
    await screenshot(page, 'cases-list-empty-1440');
    await page.goto(`${url}/deadlines/mine`);
    await page.getByText('暂无需要关注的期限').waitFor();
    await screenshot(page, 'my-deadlines-empty-1440');
    await page.context().close();
  });

  it('the list and the case page fit a phone (375 px)', async () => {
    const url = server.url;
    const page = await open(375, 812);
    await signIn(page, url, 'zhouwj', passwords.clerk);
    await page.goto(`${url}/cases`);
    await page.getByText('共 3 件').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'cases-list-375');
    await page.locator('tr', { hasText: '张某某' }).getByRole('link').first().click();
    await page.getByRole('group', { name: '办理操作' }).waitFor();
    await page.getByText('承办单位').first().waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'case-page-375');
    await page.goto(`${url}/deadlines/mine`);
    await page.locator('.ant-table-tbody').getByText('张某某申请法律援助（劳动报酬纠纷').waitFor();
    await noHorizontalOverflow(page);
    await screenshot(page, 'my-deadlines-375');
    await page.context().close();
  });

  it('no page logged an error', () => {
    // The refused decision (422) and the stale version (409) are answers the pages expect and explain.
    const expected = /status of (409|422) /;
    expect(opened.flatMap((watched) => watched.errors).filter((error) => !expected.test(error))).toEqual([]);
  });
});
