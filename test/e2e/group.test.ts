// 集团化办学 in the window: a 集团 with three campuses in one ledger, meetings in two campuses, a
// campus item sent up and decided by the 集团党委, that decision handed to all three campuses; the
// 集团工作台 shows each campus, and the organisation is switched from the keyboard (Alt+0).
// Real Chromium, real SQLite; screenshots at 1366×768 in artifacts/screenshots/group-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { DEMO_SCHOOL } from '../support/school';
import type { TestLedger } from '../support/ledger';

const CAMPUSES = ['东校区', '西校区', '南校区'];
let h: Harness;
let t: TestLedger;
let page: Page;
let shot: Shot;
let groupId: number;
let campusIds: number[];

function schoolIn(orgId: number) {
  t.ok('orgs.use', { orgId });
  const overview = t.ok('org.get', {})!;
  const person = (name: string) => overview.persons.find((p) => p.name === name && p.orgId === orgId)!.id;
  const body = (kind: string) => overview.bodies.find((b) => b.kind === kind)!.id;
  const matter = (code: string) => t.ok('matters.list', { orgId }).find((m) => m.code === code)!.id;
  return { orgId, overview, person, body, matter };
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00' });
  page = h.page;
  shot = screenshots('group-', page, 200);
  page.setDefaultTimeout(10_000);
  t = asTestLedger(h);
  groupId = t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山教育集团' }).orgId;
  campusIds = CAMPUSES.map((name) => t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name, partyKind: '党支部', parentId: groupId }).orgId);
  // Meetings in two campuses; the east campus sends a 三重一大 item up.
  decidedMeeting(t, schoolIn(campusIds[0]!));
  const east = schoolIn(campusIds[0]!);
  const { id: up } = t.ok('items.create', { orgId: east.orgId, title: '关于购置东校区多媒体设备的议题', matterId: east.matter('D3'), proposerId: east.person('陈志强'), amount: 80_000 });
  const { groupItemId } = t.ok('group.escalate', { itemId: up, reason: '金额超过校区标准' });
  decidedMeeting(t, schoolIn(campusIds[1]!), { startsAt: '2026-03-26T15:00' });
  // The 集团党委 decides the item sent up, and hands a decision to all three campuses.
  const group = schoolIn(groupId);
  const { decided } = decidedMeeting(t, group, { startsAt: '2026-03-27T15:00', items: [{ itemId: groupItemId, text: '同意东校区购置多媒体设备。' }] });
  t.ok('group.assign', { decisionId: decided[0]!.decisionId, task: '各校区按集团决定落实', campuses: campusIds.map((campusId) => ({ campusId, ownerDept: '办公室', deadline: '2026-03-31' })) });
  await h.setNow('2026-04-10T09:00:00');
  t.ok('orgs.use', { orgId: groupId });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('集团工作台', () => {
  it('shows every campus of the 集团 with the numbers the core counted, and the comparison chart', async () => {
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    const table = page.getByTestId('group-table');
    await table.waitFor();
    const view = t.ok('group.overview', {})!;
    expect(view.rows.map((r) => r.name)).toEqual(['青山教育集团', ...CAMPUSES]);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    for (const [i, r] of view.rows.entries()) {
      const cells = await table.locator('tbody tr').nth(i).locator('td').allTextContents();
      expect(cells.slice(1).map(Number)).toEqual([r.waitingConsultation, r.meetingsThisMonth, r.meetingsThisYear, r.firstTopicsThisYear, r.decisionsWithoutFollowUp, r.overdueFollowUps, r.openCorrections, r.openEmergencies]);
    }
    // Every campus has the 集团's follow-up, overdue since 3月31日.
    expect(view.rows.slice(1).map((r) => r.overdueFollowUps)).toEqual([1, 1, 1]);
    const chart = page.locator('[data-chart="各校区比较"]');
    await expect.poll(() => chart.getAttribute('data-rendered')).toBe('true');
    await shot('overview');
    expect(h.pageErrors).toEqual([]);
  });

  it('switches organisation from the keyboard: Alt+0, then the campus; every screen is then the campus\'s', async () => {
    await page.keyboard.press('Alt+0');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('org-switcher');
    await shot('switcher');
    await page.selectOption('#org-switcher', String(campusIds[0]));
    await page.locator('.brand span', { hasText: '东校区' }).waitFor();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await expect(page.getByTestId('group-table').count()).resolves.toBe(0);
    // The campus's 督办 list has the 集团's follow-up handed to it.
    await page.keyboard.press('Alt+5');
    await page.getByText('各校区按集团决定落实').first().waitFor();
    await shot('campus-followups');
    // Remembered: a restart opens the campus again.
    await page.reload();
    await page.locator('.brand span', { hasText: '东校区' }).waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
