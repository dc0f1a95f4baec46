// Lists through the UI in Chromium on a real ledger file: 10,000 议题 made through the core, the
// virtual 议题 list (filters, bigram search, scrolling measured with a long-task observer), an
// item blocked by disagreement and then agreed (R4) on the item screens, and the 决策台账.
// Screenshots: artifacts/screenshots/lists-*.png at 1366×768.
import { choose, byLabel } from './page-helpers';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, SHOTS, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { setupSchool } from '../support/school';
import type { TestLedger } from '../support/ledger';

const N = 10_000;
const TOPICS: [string, string, string][] = [
  ['预算', 'E1', '年度预算调整，涉及专项资金'],
  ['招聘', 'C4', '教师招聘方案与岗位设置'],
  ['合同', 'E4', '食堂承包合同续签'],
  ['维修', 'E3', '教学楼屋面防水维修'],
  ['德育', 'D1', '德育活动与班主任培训'],
  ['安全', 'D3', '校园安全隐患排查整治'],
  ['课程', 'D2', '课后服务课程调整'],
  ['评优', 'C5', '年度评优评先推荐'],
];
let h: Harness;
let t: TestLedger;
let page: Page;
let school: ReturnType<typeof setupSchool>;
let shot: Shot;

const field = (label: string) => byLabel(page, label);
const totalShown = async () => Number((await page.getByTestId('items-total').textContent())!.replace(/[^\d]/g, ''));

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00' });
  page = h.page;
  shot = screenshots('lists-', page);
  page.setDefaultTimeout(15_000);
  t = asTestLedger(h);
  school = setupSchool(t);
  // Decisions for the 台账, made before the bulk items so they are the oldest.
  decidedMeeting(t, school, { startsAt: '2026-03-10T15:00' });
  const matters = Object.fromEntries(TOPICS.map(([, code]) => [code, school.matter(code)]));
  const proposer = school.person('陈志强');
  // One transaction for the bulk: each items.create nests as a savepoint.
  h.ledger.sqlite.transaction(() => {
    for (let i = 0; i < N; i++) {
      const [word, code, summary] = TOPICS[i % TOPICS.length]!;
      t.ok('items.create', { orgId: school.orgId, title: `关于${word}工作的第${i + 1}号议题`, summary, matterId: matters[code]!, proposerId: proposer });
    }
  })();
  t.ok('meetings.create', {
    bodyId: school.body('party_committee'), startsAt: '2026-03-27T14:30', place: '行政楼三楼会议室', hostId: school.person('王建国'), recorderId: school.person('吴秘书'),
  });
  await page.reload();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
}, 240_000);

afterAll(async () => {
  await h?.close();
});

describe('议题 list with 10,000 rows', () => {
  it('opens with the total, renders only the rows in view, and scrolls to the end (long tasks measured)', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: '议题', exact: true }).waitFor();
    await page.locator('.vlist-row[data-item]').first().waitFor();
    expect(await totalShown()).toBe(N + 2);
    await shot('items-10000');

    // Long tasks (> 50 ms on the main thread) while scrolling through the whole list.
    const measured = await page.evaluate(async () => {
      const durations: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => durations.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const body = document.querySelector<HTMLElement>('.vlist-body')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const steps = 80;
      let maxRows = 0;
      const t0 = performance.now();
      for (let i = 1; i <= steps; i++) {
        body.scrollTop = (body.scrollHeight - body.clientHeight) * (i / steps);
        await frame();
        maxRows = Math.max(maxRows, body.querySelectorAll('.vlist-row').length);
      }
      await new Promise((r) => setTimeout(r, 300));
      observer.disconnect();
      return { durations, maxRows, ms: performance.now() - t0, height: body.scrollHeight };
    });
    const maxLongTask = measured.durations.length ? Math.max(...measured.durations) : 0;
    console.log(`[lists] 10,000 items: ${measured.durations.length} long tasks while scrolling, max ${maxLongTask.toFixed(0)} ms; ${measured.maxRows} rows in the DOM at most; ${measured.ms.toFixed(0)} ms for 80 scroll steps`);
    fs.writeFileSync(path.join(SHOTS, 'lists-scroll-longtasks.json'), JSON.stringify({ rows: N + 2, longTasks: measured.durations.length, maxLongTaskMs: Math.round(maxLongTask), maxRowsInDom: measured.maxRows }, null, 2));
    expect(measured.height).toBeGreaterThan(44 * N);
    // Virtualised: a screenful plus overscan, never the 10,000 rows.
    expect(measured.maxRows).toBeLessThan(60);
    // The oldest rows are the 台账 decisions' items filed first.
    await page.locator('.vlist-row[data-item="关于开展校园安全隐患排查整治的议题"]').waitFor();
    await shot('items-scrolled-to-end');

    // Keyboard: Home goes back to the newest item, Enter opens it.
    await page.locator('.vlist-body').focus();
    await page.keyboard.press('Home');
    await page.locator('.vlist-row.current[data-item]').waitFor();
    const newest = await page.locator('.vlist-row.current').getAttribute('data-item');
    expect(newest).toBe(`关于评优工作的第${N}号议题`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `关于课程工作的第${N - 1}号议题` }).waitFor();
    await page.keyboard.press('Alt+2');
    await page.locator('.vlist-row[data-item]').first().waitFor();
  });

  it('filters by 三重一大 and matter group and searches 2-character words, with the core\'s counts', async () => {
    const count = (q: Record<string, unknown>) => t.ok('items.list', { orgId: school.orgId, limit: 1, ...q }).total;
    await field('三重一大').selectOption({ label: '仅三重一大' });
    await expect.poll(totalShown).toBe(count({ major: true }));
    await field('议事清单分组').selectOption({ label: 'E 财务与项目' });
    await expect.poll(totalShown).toBe(count({ major: true, matterGroup: 'E' }));
    await page.keyboard.press('Control+f');
    await page.keyboard.type('预算');
    await expect.poll(totalShown).toBe(count({ major: true, matterGroup: 'E', search: '预算' }));
    expect(await totalShown()).toBe(N / TOPICS.length);
    await shot('items-filtered-search');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(totalShown).toBe(N + 2);
    await page.getByRole('searchbox').fill('防水 维修');
    await expect.poll(totalShown).toBe(count({ search: '防水 维修' }));
    await page.getByRole('searchbox').fill('没有这样的议题');
    await page.getByText('没有符合条件的议题').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
  });

  it('R4: an item is blocked by disagreement (暂缓上会), then agreed and ready for the agenda', async () => {
    await page.keyboard.press('Alt+n');
    await field('议题名称').fill('关于增设上下学护学岗的议题');
    await choose(field('议事清单事项'), '安全稳定工作');
    await choose(field('提出人'), '李明华');
    await choose(field('分管领导'), '陈志强');
    await field('议题内容').fill('上下学时段校门口拥堵，拟增设护学岗。');
    await page.getByRole('button', { name: '保存并提交会前沟通' }).click();
    await page.getByRole('heading', { name: '关于增设上下学护学岗的议题' }).waitFor();

    await page.getByRole('radiogroup', { name: '李明华（校长）的意见' }).getByRole('radio', { name: '不同意', exact: true }).click();
    await field('李明华的说明').fill('人员和经费来源需先落实');
    await page.getByRole('button', { name: '保存沟通记录' }).click();
    await page.locator('.page-head [data-state="postponed"]').waitFor();
    await page.getByRole('button', { name: '列入会议议程' }).click();
    await page.locator('[data-rule="R4"]').waitFor();
    await shot('item-r4-blocked');

    await page.getByRole('radiogroup', { name: '李明华（校长）的意见' }).getByRole('radio', { name: '同意', exact: true }).click();
    await field('李明华的说明').fill('经费已落实');
    await page.getByRole('button', { name: '保存沟通记录' }).click();
    await page.locator('.page-head [data-state="ready"]').waitFor();
    await shot('item-r4-agreed');

    await page.keyboard.press('Alt+2');
    await page.getByRole('searchbox').fill('护学岗');
    await expect.poll(totalShown).toBe(1);
    await expect(page.locator('.vlist-row[data-item="关于增设上下学护学岗的议题"] [data-state]').textContent()).resolves.toBe('待上会');
    await page.getByRole('button', { name: '清除筛选' }).click();
  });
});

describe('台账', () => {
  it('shows the year\'s decisions with votes, result and status, and filters by body', async () => {
    const [first] = t.ok('loop.register', { orgId: school.orgId, year: 2026 });
    t.ok('followups.create', { decisionId: first!.id, task: '完成隐患整改', ownerDept: '总务处', deadline: '2026-04-30' });
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: '台账', exact: true }).waitFor();
    const rows = page.locator('.vlist-row[data-decision]');
    await expect.poll(() => rows.count()).toBe(2);
    const row = page.locator(`.vlist-row[data-decision="${first!.id}"]`);
    await expect(row.textContent()).resolves.toContain('6 / 0 / 0');
    await expect(row.textContent()).resolves.toContain('应到7 实到6');
    await expect(row.locator('[data-ledger-status]').textContent()).resolves.toBe('督办中');
    await expect(page.locator('.vlist-row[data-status="unassigned"] [data-ledger-status]').textContent()).resolves.toBe('待安排督办');
    await shot('ledger');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('ledger-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await field('议事机构').selectOption({ label: '校长办公会议' });
    await page.getByText('没有符合条件的决定事项').waitFor();
    await field('议事机构').selectOption({ label: '全部议事机构' });
    await expect.poll(() => rows.count()).toBe(2);
    await row.click();
    await page.locator('[data-followup="完成隐患整改"]').waitFor();
    expect(h.pageErrors).toEqual([]);
  });
});
