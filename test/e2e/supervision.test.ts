// 督办通知单 / 催办单 from the 督办 card at 1366×768: the button names the form the card needs (催办单
// once overdue) and saves a PDF through the shell's print path. Screenshot: supervision-01-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { setupSchool } from '../support/school';

let h: Harness;
let page: Page;
let shot: Shot;

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 } });
  page = h.page;
  shot = screenshots('supervision-', page, 250);
  page.setDefaultTimeout(10_000);
  const t = asTestLedger(h);
  const s = setupSchool(t);
  const party = decidedMeeting(t, s, { startsAt: '2026-03-25T15:00' });
  t.setNow('2026-03-26T09:00:00');
  t.ok('followups.create', { decisionId: party.decided[0]!.decisionId, task: '完成校园安全隐患整改', ownerDept: '总务处', ownerId: s.person('陈志强'), deadline: '2026-04-10' });
  await h.setNow('2026-04-13T09:00:00');
  await page.reload();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('督办 card → 催办单', () => {
  it('an overdue follow-up offers 催办单 and saves it as a PDF and as a Word copy', async () => {
    await page.keyboard.press('Alt+5');
    await page.locator('[data-column="overdue"] [data-board-card="完成校园安全隐患整改"]').click();
    const card = page.locator('[data-followup="完成校园安全隐患整改"]').first();
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: '催办单（PDF）' }).click();
    await card.getByRole('button', { name: '打开文件' }).waitFor();
    await shot('saved');
    const saved = h.hostCalls.filter((c) => c.method === 'savePdf');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.arg).toMatch(/催办单（总务处·完成校园安全隐患整改）\.pdf$/);
    expect(fs.statSync(saved[0]!.arg).size).toBeGreaterThan(10_000);
    // The Word copy beside it, for a secretary who adds a line before printing.
    await card.getByRole('button', { name: '催办单（Word）' }).click();
    const path = card.getByTestId('saved-path').filter({ hasText: '.docx' });
    await path.waitFor();
    const file = (await path.textContent())!;
    expect(file).toMatch(/催办单（总务处·完成校园安全隐患整改）\.docx$/);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await card.scrollIntoViewIfNeeded();
    await shot('saved-word');
  }, 60_000);
});
