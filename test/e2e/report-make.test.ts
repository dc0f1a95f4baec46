// 报送包 from the school's side at 1366×768: from the 台账 page one click opens 设置 → 报送; the
// preview says what the bundle holds in words, 制作并保存 saves a .yishi-bundle through the shell,
// and the list below records what was made when. Screenshots: artifacts/screenshots/report-NN-*.png.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBundle } from '../../db/report/envelope';
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
  shot = screenshots('report-', page, 250);
  page.setDefaultTimeout(10_000);
  const t = asTestLedger(h);
  const s = setupSchool(t);
  decidedMeeting(t, s, { startsAt: '2026-03-25T15:00' });
  await h.setNow('2026-04-13T09:00:00');
  await page.reload();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('台账 → 制作报送包', () => {
  it('one click from 台账 opens 设置 → 报送; preview in words, then the bundle saved and listed', async () => {
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: '台账', exact: true }).waitFor();
    await page.getByRole('button', { name: '制作报送包…' }).click();
    await page.getByRole('heading', { name: '设置', exact: true }).waitFor();
    await expect(page.getByRole('tab', { name: '报送' }).getAttribute('aria-selected')).resolves.toBe('true');
    const form = page.getByRole('form', { name: '制作报送包' });
    await form.getByLabel('开始日期').fill('2026-03-01');
    await form.getByLabel('结束日期').fill('2026-03-31');
    await form.getByRole('button', { name: '预览内容' }).click();
    const contents = form.getByLabel('报送包内容');
    await contents.getByText(/会议\d+条/).waitFor();
    await shot('preview');
    const text = await contents.innerText();
    expect(text).toContain('2026年3月1日至2026年3月31日');
    expect(text).not.toMatch(/[A-Za-z]{3,}|\{"/);

    await form.getByRole('button', { name: '制作并保存' }).click();
    await page.getByText(/^报送包已保存（未加密）。$/).waitFor();
    const saved = h.hostCalls.filter((c) => c.method === 'saveFile');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.arg).toMatch(/\.yishi-bundle$/);
    // What was saved is a bundle the district can open: signed by this school's key.
    expect(openBundle(fs.readFileSync(saved[0]!.arg)).sealed).toBe(false);
    const made = form.getByRole('table', { name: '已制作的报送包' });
    await made.getByText('2026年3月1日至2026年3月31日').waitFor();
    // Nothing signed yet in March: the chain part says so in words, never 第1至0条.
    await expect(made.innerText()).resolves.toContain('没有新的存证');
    await shot('made');
    expect(h.pageErrors).toEqual([]);
  }, 60_000);
});
