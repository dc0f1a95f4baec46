// 工作台 after a sequence of actions made through the core: the stage tiles equal loop.status,
// and the four ECharts charts (lazy-loaded) are drawn on canvases with the series of
// stats.dashboard. Real Chromium, real SQLite. Screenshots: artifacts/screenshots/dashboard-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { setupSchool } from '../support/school';
import type { TestLedger } from '../support/ledger';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let h: Harness;
let t: TestLedger;
let page: Page;
let school: ReturnType<typeof setupSchool>;
let shot: Shot;
const requested: string[] = [];

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00' });
  page = h.page;
  shot = screenshots('dashboard-', page, 200);
  page.setDefaultTimeout(10_000);
  t = asTestLedger(h);
  school = setupSchool(t);
  // The sequence: items in every early stage, a 党组织会议 in March and a 校长办公会议 in April,
  // follow-ups in two departments (one done on time, one overdue, one evaluated 差 → 修正).
  const item = (title: string, matter: string, amount?: number) =>
    t.ok('items.create', { orgId: school.orgId, title, matterId: school.matter(matter), proposerId: school.person('陈志强'), amount }).id;
  item('关于年度预算调整的议题', 'E1');
  const postponed = item('关于食堂改造的议题', 'E3', 300000);
  t.ok('items.submit', { itemId: postponed });
  t.ok('consultations.record', {
    itemId: postponed, date: '2026-03-20', form: '当面',
    stances: [
      { personId: school.person('王建国'), role: '书记', stance: '同意' },
      { personId: school.person('李明华'), role: '校长', stance: '不同意' },
    ],
  });
  const party = decidedMeeting(t, school, { startsAt: '2026-03-25T15:00' });
  decidedMeeting(t, school, { body: 'principal_office', startsAt: '2026-04-02T15:00', topics: [{ title: '关于调整作息时间的议题', matter: 'X1', text: '同意自4月起调整作息时间。' }] });
  t.setNow('2026-04-03T09:00:00');
  const [a, b] = party.decided;
  const done = t.ok('followups.create', { decisionId: a!.decisionId, task: '完成隐患整改', ownerDept: '总务处', deadline: '2026-04-10' });
  t.ok('followups.create', { decisionId: a!.decisionId, task: '组织复查', ownerDept: '总务处', deadline: '2026-04-15' });
  const moral = t.ok('followups.create', { decisionId: b!.decisionId, task: '制定思政工作方案', ownerDept: '德育处', deadline: '2026-04-12' });
  t.ok('followups.complete', { followUpId: done.followUp.id, note: '已完成' });
  t.ok('followups.complete', { followUpId: moral.followUp.id, note: '方案已印发' });
  t.ok('evaluations.record', { followUpId: moral.followUp.id, rating: '差', effect: '方案空泛', evaluatorId: school.person('王建国') });
  t.ok('emergency.record', {
    orgId: school.orgId, bodyId: school.body('party_committee'), actorId: school.person('王建国'), reason: '暴雨红色预警，无法召开会议',
    action: '全校停课一天，启动防汛预案', at: '2026-04-03T07:00',
  });
  await h.setNow('2026-04-20T09:00:00');
  page.on('request', (r) => requested.push(r.url()));
  await page.reload();
});

afterAll(async () => {
  await h?.close();
});

describe('工作台 numbers and charts', () => {
  it('tiles equal loop.status; lists show overdue 督办, decisions without 督办 (R17) and the open 临时处置 (R14)', async () => {
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.locator('[data-stage="consult"] .count').waitFor();
    const status = t.ok('loop.status', { orgId: school.orgId });
    for (const s of status.stages) {
      await expect(page.locator(`[data-stage="${s.key}"] .count`).textContent(), s.key).resolves.toBe(String(s.count));
    }
    expect(status.stages.find((s) => s.key === 'overdue')!.count).toBe(1);
    await page.getByText('组织复查').first().waitFor();
    // Once in the 逾期督办事项 list (the 今日待办 panel names it too).
    const overdueList = page.locator('section, .card').filter({ has: page.getByRole('heading', { name: '逾期督办事项', exact: true }) }).last();
    await expect(overdueList.getByText('逾期5天').count()).resolves.toBe(1);
    await page.getByText('全校停课一天，启动防汛预案').first().waitFor();
    expect(status.decisionsWithoutFollowUp).toHaveLength(1);
    await page.getByText(/第1项：同意自4月起调整作息时间/).waitFor();
    await shot('top');
  });

  it('draws the four charts from stats.dashboard, ECharts loaded on demand', async () => {
    const stats = t.ok('stats.dashboard', { orgId: school.orgId });
    const charts = page.locator('[data-chart]');
    await expect.poll(() => charts.count()).toBe(4);
    for (const name of ['闭环漏斗', '各部门按时办结', '每月会议', '三重一大议题']) {
      const chart = page.locator(`[data-chart="${name}"]`);
      await chart.locator('canvas').waitFor();
      await expect.poll(() => chart.getAttribute('data-rendered'), { message: name }).toBe('true');
      const box = await chart.locator('canvas').boundingBox();
      expect(box!.width, name).toBeGreaterThan(200);
    }
    const series = async (name: string) => JSON.parse((await page.locator(`[data-chart="${name}"]`).getAttribute('data-series'))!) as Record<string, number[]>;
    expect((await series('闭环漏斗')).funnel).toEqual(stats.funnel.map((f) => f.count));
    expect(stats.funnel.find((f) => f.key === 'followUp')!.count).toBeGreaterThan(0);
    const timing = await series('各部门按时办结');
    expect(stats.onTimeByDepartment.map((d) => d.dept)).toEqual(['德育处', '总务处']);
    expect(timing).toEqual({ onTime: [1, 1], late: [0, 0], overdue: [0, 1], open: [0, 0] });
    const meetings = await series('每月会议');
    expect(meetings.party_committee![2]).toBe(1);
    expect(meetings.principal_office![3]).toBe(1);
    expect((await series('三重一大议题')).filed.at(-1)).toBe(stats.majorItemsPerYear.at(-1)!.filed);
    expect(stats.majorItemsPerYear.at(-1)!.filed).toBe(2);

    // The canvas really has ink: count non-white pixels of the funnel.
    const ink = await page.locator('[data-chart="闭环漏斗"] canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && (d[i]! < 200 || d[i + 2]! < 200)) n++;
      return n;
    });
    expect(ink).toBeGreaterThan(1000);
    // ECharts is its own chunk: not in the page's first scripts, fetched when the dashboard draws.
    // The entry page (as built) names neither the charts nor ECharts; the charts chunk is fetched later.
    const entry = fs.readFileSync(path.join(ROOT, 'dist-renderer/index.html'), 'utf8');
    expect(entry).not.toMatch(/Chart|echarts/);
    expect(requested.some((u) => /ChartsPanel-[\w-]+\.js$/.test(u)), requested.join(' ')).toBe(true);
    await page.locator('.charts').scrollIntoViewIfNeeded();
    await shot('charts');

    // Hovering a department's bar shows its numbers in a tooltip drawn on the canvas: no HTML
    // element appears (an HTML tooltip would need inline styles the CSP refuses), and no violation.
    await page.evaluate(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.sample}`));
    });
    const timingChart = page.locator('[data-chart="各部门按时办结"]');
    const nodes = () => timingChart.evaluate((el) => el.querySelectorAll('*').length);
    const nodesBefore = await nodes();
    const before = await timingChart.screenshot();
    const box = (await timingChart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.4);
    await expect.poll(async () => Buffer.compare(await timingChart.screenshot(), before) !== 0).toBe(true);
    await shot('tooltip');
    expect(await nodes()).toBe(nodesBefore);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('.main .content').evaluate((el) => el.scrollTo(0, 0));
    await shot('full-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(h.pageErrors).toEqual([]);
  });
});
