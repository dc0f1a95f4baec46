// The 督办 board through the UI (R17, R18): a decision gets a 督办事项, the clock passes its
// deadline (逾期), a 督办 action and 办结 are recorded, the evaluation is 差 and the board shows
// the 修正 item it opened. Real Chromium, real SQLite. Screenshots: artifacts/screenshots/board-*.png.
import { choose, byLabel } from './page-helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { setupSchool } from '../support/school';
import type { TestLedger } from '../support/ledger';

const TASK = '完成校园安全隐患整改';
let h: Harness;
let t: TestLedger;
let page: Page;
let school: ReturnType<typeof setupSchool>;
let shot: Shot;

const field = (label: string) => byLabel(page, label);
const column = (key: string) => page.locator(`[data-column="${key}"]`);
const card = (key: string) => column(key).locator(`[data-board-card="${TASK}"]`);

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-26T09:00:00' });
  page = h.page;
  shot = screenshots('board-', page);
  page.setDefaultTimeout(10_000);
  t = asTestLedger(h);
  school = setupSchool(t);
  const { decided } = decidedMeeting(t, school, { startsAt: '2026-03-25T15:00' });
  // A second task already running, so the board has more than one card.
  t.ok('followups.create', { decisionId: decided[1]!.decisionId, task: '制定学生思政工作实施方案', ownerDept: '德育处', ownerId: school.person('刘芳'), deadline: '2026-05-31' });
  await page.reload();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('督办 board (R17, R18)', () => {
  it('R17: a decision without 督办 waits on the board; a 督办事项 is arranged', async () => {
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { name: '督办', exact: true }).waitFor();
    await page.getByRole('heading', { name: /^待安排督办的决定/ }).waitFor();
    await shot('waiting');
    await page.getByRole('button', { name: '安排督办' }).click();
    await field('督办任务').fill(TASK);
    await field('承办部门').fill('总务处');
    await choose(field('责任人'), '陈志强');
    await field('完成时限').fill('2026-04-10');
    await page.getByRole('button', { name: '建立督办事项' }).click();
    await page.locator(`[data-followup="${TASK}"]`).waitFor();
    await page.keyboard.press('Alt+b');
    await card('open').waitFor();
    await expect(page.getByRole('heading', { name: /^待安排督办的决定/ }).count()).resolves.toBe(0);
    await expect(column('open').locator('[data-board-card]').count()).resolves.toBe(2);
  });

  it('R17: past the deadline the task moves to 逾期; a 督办 action is recorded', async () => {
    await h.setNow('2026-04-15T09:00:00');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+5');
    await card('overdue').waitFor();
    await expect(card('overdue').textContent()).resolves.toContain('逾期5天');
    await page.getByRole('button', { name: '7天内到期' }).click();
    await expect(column('open').locator('[data-board-card]').count()).resolves.toBe(0);
    await expect(card('overdue').count()).resolves.toBe(1);
    await page.getByRole('button', { name: '全部时限' }).click();
    await shot('overdue');
    await card('overdue').click();
    const detail = page.locator(`[data-followup="${TASK}"]`);
    await detail.getByRole('button', { name: '报告进展' }).click();
    await page.getByRole('radio', { name: '督办催办' }).click();
    await field('情况说明').fill('已电话督促总务处，要求本周内完成整改。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await detail.getByText('已电话督促总务处').waitFor();
    await expect(detail.textContent()).resolves.toContain('督办：');
  });

  it('办结 moves it to 已办结; evaluation 差 moves it to 已评价 with the 修正 item (R18)', async () => {
    await h.setNow('2026-04-18T09:00:00');
    const detail = page.locator(`[data-followup="${TASK}"]`);
    await detail.getByRole('button', { name: '办结' }).click();
    await field('办结情况').fill('隐患已整改，护栏已更换。');
    await page.getByRole('button', { name: '确认办结' }).click();
    await detail.getByRole('button', { name: '评价' }).waitFor();
    await page.keyboard.press('Alt+b');
    await card('done').waitFor();
    await shot('done');

    await card('done').click();
    await detail.getByRole('button', { name: '评价' }).click();
    await page.getByRole('radiogroup', { name: '评价等次' }).getByRole('radio', { name: '差', exact: true }).click();
    await field('效果说明').fill('整改拖期，复查仍发现隐患。');
    await choose(field('评价人'), '王建国');
    await page.getByRole('button', { name: '保存评价' }).click();
    await page.getByTestId('correction-opened').waitFor();

    await page.keyboard.press('Alt+b');
    await card('evaluated').waitFor();
    await expect(card('evaluated').textContent()).resolves.toContain('评价：差');
    const followUps = t.ok('followups.list', { orgId: school.orgId });
    const mine = followUps.find((f) => f.task === TASK)!;
    expect(mine).toMatchObject({ state: 'done', rating: '差' });
    expect(mine.correctionItemId).not.toBeNull();
    await shot('evaluated-correction');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('board-1920');
    await page.setViewportSize({ width: 1366, height: 768 });

    await card('evaluated').getByTestId('board-correction').click();
    await page.getByRole('heading', { name: /关于修正/ }).waitFor();
    const item = t.ok('items.get', { itemId: mine.correctionItemId! });
    expect(item.item).toMatchObject({ kind: 'correction' });
    await shot('correction-item');
    expect(h.pageErrors).toEqual([]);
  });
});
