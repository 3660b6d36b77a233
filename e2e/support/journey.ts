import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.ts';

// Steps every browser journey takes: signing in on the console, reading antd's labels, checking the page
// fits its width, and turning a timeout into what the page said.

/** antd puts a space between the two characters of a two-character button label. */
export function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

export async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Signs a staff member in on the console's login page and waits for the workbench. */
export async function staffSignIn(
  page: Page,
  url: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}/`);
}

/** Says what the page said (an error alert, a field message) instead of a bare timeout; keeps a screenshot. */
export async function orExplain<T>(page: Page, name: string, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    await screenshot(page, `${name}-failed`);
    const shown = await page
      .locator('.ant-alert-error, .ant-form-item-explain-error, .ant-message-error, [role=alert]')
      .allTextContents();
    throw new Error(`${name}: ${shown.join(' | ') || String(error)}`);
  }
}

/**
 * Picks `text` in an antd Select: opens it, clicks the option, and checks the select shows the choice. A click
 * that lands while a just-opened dialog is still zooming in (the dropdown re-aligns) is lost; it is tried again.
 */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    if ((await dropdown.count()) === 0) await select.click();
    const option = dropdown.locator('.ant-select-item-option', { hasText: text });
    await option.first().waitFor();
    await option.first().click();
    try {
      await select.filter({ hasText: text }).waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
