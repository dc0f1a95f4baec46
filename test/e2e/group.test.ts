// 集团化办学 in the window: a 集团 with three campuses in one ledger, meetings in two campuses; the
// east campus sends a 三重一大 item up by clicking (上报集团, asked first), the 集团党委 decides it
// and hands the decision to all three campuses by clicking (交校区落实, 承办 and 时限 per campus);
// the east campus reports progress on its own page of it, and the 集团 sees it. The organisation
// is switched from the keyboard (Alt+0, arrows); the 集团工作台 shows each campus; after 切换 a
// limited operator's switcher lists only the organisations the core allows.
// Real Chromium, real SQLite; screenshots at 1366×768 in artifacts/screenshots/group-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { DEMO_SCHOOL, schoolIn } from '../support/school';
import type { TestLedger } from '../support/ledger';
import { byLabel, confirm } from './page-helpers';

const CAMPUSES = ['东校区', '西校区', '南校区'];
const UP_TITLE = '关于购置东校区多媒体设备的议题';
const TASK = '各校区按集团决定完成设备验收';
let h: Harness;
let t: TestLedger;
let page: Page;
let shot: Shot;
let groupId: number;
let campusIds: number[];
let upItemId: number;


/** Alt+0 reaches the switcher; an arrow key moves to the next or previous organisation. */
async function switchByKeyboard(key: 'ArrowDown' | 'ArrowUp', times: number, name: string) {
  await page.keyboard.press('Alt+0');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('org-switcher');
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  await page.locator('.brand span', { hasText: name }).waitFor();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00' });
  page = h.page;
  shot = screenshots('group-', page, 200);
  page.setDefaultTimeout(10_000);
  t = asTestLedger(h);
  groupId = t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山教育集团' }).orgId;
  campusIds = CAMPUSES.map((name) => t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name, partyKind: '党支部', parentId: groupId }).orgId);
  // Meetings in two campuses; the east campus files a 三重一大 item above its threshold.
  decidedMeeting(t, schoolIn(t, campusIds[0]!));
  decidedMeeting(t, schoolIn(t, campusIds[1]!), { startsAt: '2026-03-26T15:00' });
  const east = schoolIn(t, campusIds[0]!);
  upItemId = t.ok('items.create', { orgId: east.orgId, title: UP_TITLE, matterId: east.matter('D3'), proposerId: east.person('陈志强'), amount: 80_000 }).id;
  // A campus secretary limited to two campuses (the last test signs in as her).
  t.ok('operators.limit', { name: '刘芳', orgIds: [campusIds[0]!, campusIds[1]!] });
  await h.setNow('2026-03-24T09:00:00');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('上报集团 and 交校区落实, clicked', () => {
  it('the east campus sends its 三重一大 item up: offered by the core, asked first, then 已上报集团 in the item and the list', async () => {
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.locator('.brand span', { hasText: '东校区' }).waitFor();
    await page.keyboard.press('Alt+2');
    await page.getByText(UP_TITLE).first().click();
    const card = page.getByRole('region', { name: '上报集团' });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('应报青山教育集团决定');
    await card.getByRole('button', { name: '上报集团…' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog.textContent()).resolves.toContain('结束为“已上报集团”');
    // Refused without a reason, in Chinese, beside the field; nothing changed.
    await dialog.getByRole('button', { name: '上报集团', exact: true }).click();
    await dialog.locator('.field-error').waitFor();
    expect(await dialog.locator('.field-error').textContent()).toMatch(/上报理由/);
    expect(t.ok('items.get', { itemId: upItemId }).escalation.up).toBeNull();
    await byLabel(dialog, '上报理由').fill('金额超过校区标准，须由集团党委决定');
    await shot('escalate-confirm');
    await confirm(page, '上报集团');
    await page.getByTestId('escalation-up').waitFor();
    await expect(page.locator('h1 .badge').first().textContent()).resolves.toBe('已上报集团');
    await expect(card.count()).resolves.toBe(0);
    await shot('escalated');
    // The list says so too.
    await page.keyboard.press('Alt+2');
    const row = page.locator(`[data-item="${UP_TITLE}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('已上报集团');
    expect(h.pageErrors).toEqual([]);
  });

  it('the 集团 decides it; 交校区落实 to all three campuses, each with its own 承办 and 时限 (a date before the decision is refused beside its row)', async () => {
    const groupItemId = t.ok('items.get', { itemId: upItemId }).escalation.up!.itemId;
    t.ok('orgs.use', { orgId: groupId });
    decidedMeeting(t, schoolIn(t, groupId), { startsAt: '2026-03-27T15:00', items: [{ itemId: groupItemId, text: '同意东校区购置多媒体设备，各校区做好验收。' }] });
    await h.setNow('2026-03-30T09:00:00');
    // The window still works in the east campus (the calls above chose the 集团 for the session).
    t.ok('orgs.use', { orgId: campusIds[0]! });
    // From the campus item, the link goes over to the 集团's item (switching organisation).
    await page.getByText(UP_TITLE).first().click();
    await page.getByTestId('escalation-link').click();
    await page.locator('.brand span', { hasText: '青山教育集团' }).waitFor();
    await page.getByTestId('escalation-from').waitFor();
    await expect(page.getByTestId('escalation-from').textContent()).resolves.toContain('本议题由东校区上报集团党委');
    await page.keyboard.press('Alt+5');
    await page.locator('[data-board-decision]').first().click();
    const section = page.getByRole('region', { name: '交校区落实' });
    await section.getByRole('button', { name: '交校区落实…' }).click();
    await byLabel(section, '落实任务').fill(TASK);
    await section.getByLabel('西校区完成时限').fill('2026-03-01');
    await section.getByLabel('南校区承办部门').fill('南校区总务处');
    await section.getByRole('button', { name: '交3个校区落实' }).click();
    const refusal = section.locator('tr[data-campus="西校区"] .field-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('西校区的完成时限不能早于作出决定的日期（2026年3月27日）');
    await shot('assign-refused');
    await section.getByLabel('西校区完成时限').fill('2026-04-20');
    await section.getByRole('button', { name: '交3个校区落实' }).click();
    await expect.poll(() => page.getByTestId('handed-campus').count()).toBe(3);
    // By deadline: the west campus's is the earliest.
    expect(await page.getByTestId('handed-campus').allTextContents()).toEqual(['西校区', '东校区', '南校区'].map((c) => `交${c}落实`));
    await expect(page.getByRole('region', { name: '交校区落实' }).count()).resolves.toBe(0);
    const south = page.locator('[data-followup]').filter({ hasText: '交南校区落实' });
    await expect(south.textContent()).resolves.toContain('南校区总务处');
    await shot('assigned');
    expect(h.pageErrors).toEqual([]);
  });

  it('the east campus, switched to from the keyboard, sees the handed follow-up on its board and reports progress on its own page', async () => {
    await switchByKeyboard('ArrowDown', 1, '东校区');
    await page.keyboard.press('Alt+5');
    const card = page.locator('[data-board-card]').filter({ has: page.getByTestId('board-handed') });
    await card.first().waitFor();
    await card.first().click();
    const panel = page.getByTestId('handed-panel');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain('同意东校区购置多媒体设备');
    // The campus may report and 办结; 延期, 调整承办 and 评价 are the 集团's.
    await expect(panel.getByRole('button', { name: '延期…' }).count()).resolves.toBe(0);
    await panel.getByRole('button', { name: '报告进展' }).click();
    await panel.locator('textarea').fill('设备已到货，正在安装调试');
    await panel.getByRole('button', { name: '保存' }).click();
    await panel.getByText('进展：设备已到货，正在安装调试').waitFor();
    await shot('campus-handed');
    expect(h.pageErrors).toEqual([]);
  });

  it('the 集团 sees that progress on its decision, and its 工作台 every campus; with 大字 too', async () => {
    await switchByKeyboard('ArrowUp', 1, '青山教育集团');
    const table = page.getByTestId('group-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    await expect(page.locator('[data-chart="各校区比较"]').getAttribute('data-rendered')).resolves.toBe('true');
    await shot('overview');
    const decisionId = t.ok('followups.list', { orgId: groupId }).find((f) => f.task === TASK)!.decisionId;
    await page.evaluate((id) => (location.hash = `#/followups/${id}`), decisionId);
    const east = page.locator('[data-followup]').filter({ hasText: '交东校区落实' });
    await east.getByText('进展：设备已到货，正在安装调试').waitFor();
    await page.getByRole('button', { name: '大字：关' }).click();
    await page.getByRole('button', { name: '大字：开' }).waitFor();
    await page.waitForTimeout(300);
    await shot('assigned-large');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.getByRole('button', { name: '大字：开' }).click();
    expect(h.pageErrors).toEqual([]);
  });
});

describe('the switcher after sign-in', () => {
  it('lists, after 切换 to an operator limited to two campuses, only those two', async () => {
    await expect(page.locator('#org-switcher option').count()).resolves.toBe(4);
    await page.getByRole('button', { name: '切换' }).click();
    await page.getByRole('heading', { name: '议事台账 · 选择操作人' }).waitFor();
    await page.getByRole('radio', { name: /刘芳/ }).first().check();
    await page.getByRole('button', { name: '以「刘芳」登录' }).click();
    await page.locator('.operator-box strong', { hasText: '刘芳' }).waitFor();
    await expect.poll(() => page.locator('#org-switcher option').allTextContents()).toEqual(['东校区', '西校区'].map((n) => `　${n}`));
    await expect(page.locator('.brand span').first().textContent()).resolves.toContain('东校区');
    // The 集团's decision page was open: the campus's 工作台 instead.
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await shot('limited-switcher');
    expect(h.pageErrors).toEqual([]);
  });
});
