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
