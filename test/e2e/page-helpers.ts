// Small Playwright steps every UI test uses: pick an option by its visible text, find a field by
// its label (a required field's label ends in *).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export async function choose(select: Locator, text: string): Promise<void> {
  const label = await select.locator('option', { hasText: text }).first().textContent();
  expect(label, `option ${text}`).toBeTruthy();
  await select.selectOption({ label: label! });
}

export const byLabel = (scope: Page | Locator, label: string): Locator =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*?$`));

/** Answer a ConfirmDialog (结束会议, 签发, 记录表决结果 …) with its button, and wait until it is gone. */
export async function confirm(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The very first start asks which ledger this computer keeps: answer 本校台账 (学校党组织). */
export async function chooseSchoolLedger(page: Page): Promise<void> {
  await page.getByRole('heading', { name: '欢迎使用议事台账：这台电脑用来做什么？' }).waitFor();
  await page.getByRole('button', { name: /^本校台账/ }).click();
}
