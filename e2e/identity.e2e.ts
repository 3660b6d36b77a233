import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, type WatchedPage } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Identity and access as the bureau uses it: the system administrator opens an account for a clerk of the
// 海城区 county bureau, the security administrator gives it the county-staff role, the clerk signs in
// (and must replace the initial password) and sees only their county in the organisation tree; the
// auditor finds all of it in the audit log. Every page at desktop and phone width; no console errors.

const passwords = {
  admin: 'Beihai#2026sys',
  secadmin: 'Zhucheng#2026sec',
  auditor: 'Haicheng#2026aud',
  clerk: 'Linxm#2026pw',
};
const viewports = [
  ['desktop', 1440, 900],
  ['phone', 375, 812],
] as const;

/** antd puts a space between the two characters of a two-character button label (登 录). */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
}

async function signOut(page: Page): Promise<void> {
  await page.locator('.console-user').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(/\/login$/);
}

async function pickUnit(page: Page, scope: Locator, name: string): Promise<void> {
  await scope.locator('.ant-select').first().click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('identity and access', () => {
  let server: RunningServer;
  let browser: Browser;
  const opened: WatchedPage[] = [];

  async function open(width: number, height: number): Promise<Page> {
    const watched = await openPage(browser, width, height);
    opened.push(watched);
    return watched.page;
  }

  beforeAll(async () => {
    server = await startServer({
      ADMIN_PASSWORD: passwords.admin,
      SECADMIN_PASSWORD: passwords.secadmin,
      AUDITOR_PASSWORD: passwords.auditor,
      LOGIN_RATE_PER_MINUTE: '1000',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admin creates a county clerk, secadmin gives the clerk the county-staff role, the clerk logs in (forced password change) and sees only their county in the organisation tree; auditor sees all of it in the audit log', async () => {
    const url = server.url;
    const page = await open(1440, 900);

    // A page behind the login: the login page, then back to it.
    await page.goto(`${url}/access/users`);
    await page.waitForURL(/\/login\?from=%2Faccess%2Fusers/);
    await page.getByText('北海市司法局').first().waitFor();
    await page.getByText('忘记密码请联系本单位系统管理员重置').waitFor();
    await screenshot(page, 'iam-login-1440');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(passwords.admin);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/access\/users$/);
    await page.getByRole('cell', { name: 'secadmin', exact: true }).waitFor();

    // 系统管理员 opens an account in 海城区司法局; the initial password is shown once.
    await page.getByRole('button', { name: '新建账号' }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByLabel('用户名').fill('hcclerk');
    await drawer.getByLabel('姓名').fill('林晓梅');
    await pickUnit(page, drawer, '海城区司法局');
    await drawer.getByLabel('手机号').fill('13812345678');
    await page.getByRole('button', { name: '创建账号' }).click();
    const initialPassword = ((await page.getByTestId('one-time-password').textContent()) ?? '').trim();
    expect(initialPassword.length).toBeGreaterThanOrEqual(8);
    await page.getByText('请当面或通过安全渠道交给本人，首次登录须修改').waitFor();
    await screenshot(page, 'iam-user-created-1440');
    await page.getByRole('button', { name: '我已记下' }).click();
    const clerkRow = page.locator('tr', { hasText: 'hcclerk' });
    await clerkRow.getByText('海城区司法局').waitFor();
    await clerkRow.getByText('138****5678').waitFor();
    await clerkRow.getByText('待改初始密码').waitFor();
    // The system administrator may not assign roles (三员分立).
    expect(await clerkRow.getByRole('button', { name: '分配角色' }).count()).toBe(0);
    await signOut(page);

    // 安全管理员 gives the clerk 县区局工作人员.
    await signIn(page, url, 'secadmin', passwords.secadmin);
    await page.waitForURL(`${url}/`);
    await page.goto(`${url}/access/users`);
    await page.locator('tr', { hasText: 'hcclerk' }).getByRole('button', { name: '分配角色' }).click();
    await page.getByRole('checkbox', { name: /县区局工作人员/ }).check();
    await page.getByRole('button', { name: label('保存') }).click();
    await page.locator('tr', { hasText: 'hcclerk' }).getByText('县区局工作人员').waitFor();
    await screenshot(page, 'iam-role-assigned-1440');
    await signOut(page);

    // The clerk: the initial password must be replaced before anything else opens.
    await signIn(page, url, 'hcclerk', initialPassword);
    await page.waitForURL(/\/change-password/);
    await page.goto(`${url}/org/units`);
    await page.waitForURL(/\/change-password/);
    await screenshot(page, 'iam-forced-password-1440');
    await page.getByLabel('初始密码').fill(initialPassword);
    await page.getByLabel('新密码', { exact: true }).fill('weak');
    await page.getByLabel('再次输入新密码').fill('weak');
    await page.getByRole('button', { name: '修改密码并进入平台' }).click();
    await page.getByText('新密码至少 8 位').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill(passwords.clerk);
    await page.getByLabel('再次输入新密码').fill(passwords.clerk);
    await page.getByRole('button', { name: '修改密码并进入平台' }).click();
    await page.waitForURL(/\/org\/units$/);

    // Only 海城区 and its offices: the tree's one root is the county bureau.
    await page.getByText('机构树').waitFor();
    await page.locator('.org-tree__name', { hasText: '海城区东街司法所' }).waitFor();
    const names = await page.locator('.org-tree__name').allTextContents();
    expect(names[0]).toBe('海城区司法局');
    expect(names.every((name) => name.startsWith('海城区'))).toBe(true);
    expect(names.some((name) => name.includes('北海市') || name.includes('银海区'))).toBe(false);
    // The side menu offers only what the role allows.
    expect(await page.getByRole('menuitem', { name: '账号管理' }).count()).toBe(0);
    await screenshot(page, 'iam-clerk-org-1440');
    await page.locator('.console-user').click();
    await page.getByText('县区局工作人员').last().waitFor();
    await page.keyboard.press('Escape');
    await signOut(page);

    // 安全审计员 finds every step in the audit log.
    await signIn(page, url, 'auditor', passwords.auditor);
    await page.waitForURL(`${url}/`);
    await page.goto(`${url}/audit/entries`);
    for (const action of ['新建账号', '分配角色', '修改密码']) {
      await page.getByRole('cell', { name: action, exact: true }).first().waitFor();
    }
    await page.getByRole('cell', { name: '账号 hcclerk' }).first().waitFor();
    await screenshot(page, 'iam-audit-1440');
    await page.getByRole('cell', { name: '新建账号', exact: true }).first().click();
    await page.getByText('变更内容').waitFor();
    await page.locator('.ant-drawer-section').getByText('林晓梅').waitFor();
    await screenshot(page, 'iam-audit-entry-1440');
    await page.locator('.ant-drawer-close').click();
    await page.getByRole('button', { name: '核验完整性' }).click();
    await page.getByText('正常：未发现篡改').waitFor();
    await screenshot(page, 'iam-audit-verify-1440');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('关闭') })
      .click();
    const exportHref = await page.getByRole('link', { name: /导\s*出/ }).getAttribute('href');
    expect(exportHref).toMatch(/^\/api\/audit\/entries\/export/);
    await page.context().close();
  });

  for (const [name, width, height] of viewports) {
    it(`the clerk's and the auditor's pages fit a ${name} (${width} px)`, async () => {
      const url = server.url;
      const page = await open(width, height);
      await page.goto(`${url}/`);
      await page.waitForURL(/\/login/);
      await noHorizontalOverflow(page);
      await screenshot(page, `iam-login-${width}`);

      await signIn(page, url, 'hcclerk', passwords.clerk);
      await page.waitForURL(`${url}/`);
      for (const [path, ready, shot] of [
        ['/org/units', '机构树', 'org'],
        ['/account', '基本信息', 'account'],
      ] as const) {
        await page.goto(`${url}${path}`);
        await page.getByText(ready).first().waitFor();
        await noHorizontalOverflow(page);
        await screenshot(page, `iam-clerk-${shot}-${width}`);
      }
      await signOut(page);

      await signIn(page, url, 'auditor', passwords.auditor);
      await page.waitForURL(`${url}/`);
      await page.goto(`${url}/audit/entries`);
      await page.getByRole('cell', { name: '新建账号', exact: true }).first().waitFor();
      await noHorizontalOverflow(page);
      await screenshot(page, `iam-audit-${width}`);
      await page.context().close();
    });
  }

  it('no page logged an error', () => {
    expect(opened.flatMap((watched) => watched.errors)).toEqual([]);
  });
});
