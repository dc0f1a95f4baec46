// 模板与常用语 as the secretary meets them at 1366×768 in Chromium: a phrase added and edited in
// 设置 (a repeated one refused in Chinese), a new meeting starting from the last one's place and
// 记录人, the last meeting's attendance reused with one click, a statement phrase and a decision
// template each put in with one click and saved as typed, a consultation phrase; then the same
// screens with 大字 on, every text ≥ 13 px with AA contrast. Screenshots: artifacts/screenshots/templates-NN-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { setupSchool } from '../support/school';
import type { TestLedger } from '../support/ledger';
import { failures, sampleTexts } from '../support/contrast';
import { byLabel, confirm } from './page-helpers';

let h: Harness;
let t: TestLedger;
let page: Page;
let school: ReturnType<typeof setupSchool>;
let shot: Shot;
let meetingId: number;
let itemId: number;
let waitingId: number;
const TITLE = '关于校园安全隐患排查整治的议题';

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 } });
  page = h.page;
  shot = screenshots('templates-', page, 250);
  page.setDefaultTimeout(10_000);
  t = asTestLedger(h);
  school = setupSchool(t);
  decidedMeeting(t, school, { startsAt: '2026-03-25T15:00' }); // 学校第一会议室, 吴秘书; 孙红 请假, 周敏 列席
  t.setNow('2026-04-14T09:00:00');
  itemId = t.ok('items.create', { orgId: school.orgId, title: TITLE, matterId: school.matter('D3'), proposerId: school.person('陈志强'), materialsReadyAt: '2026-04-14' }).id;
  t.ok('consultations.record', {
    itemId, date: '2026-04-14', form: '当面',
    stances: [{ personId: school.person('王建国'), role: '书记', stance: '同意' }, { personId: school.person('李明华'), role: '校长', stance: '同意' }],
  });
  waitingId = t.ok('items.create', { orgId: school.orgId, title: '关于开展读书节活动的议题', matterId: school.matter('D1'), proposerId: school.person('张丽') }).id;
  t.ok('items.submit', { itemId: waitingId });
  await h.setNow('2026-04-14T09:00:00');
  await page.reload();
});

afterAll(async () => {
  await h?.close();
});

const go = (hash: string) => page.evaluate((x) => (location.hash = x), hash);

describe('设置 → 模板与常用语', () => {
  it('a phrase is added and edited; a repeated one is refused in Chinese and nothing is added', async () => {
    await go('#/settings');
    await page.getByRole('tab', { name: '模板与常用语' }).click();
    await page.locator('[data-template]').first().waitFor();
    await shot('settings-decision');
    await page.getByRole('radio', { name: '表态常用语' }).click();
    await page.locator('[data-template="同意。"]').waitFor();
    await page.getByRole('button', { name: '＋ 添加表态常用语' }).click();
    const form = page.getByRole('form', { name: '编辑表态常用语' });
    await byLabel(form, '内容').fill('同意。');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('已有相同的表态常用语，不需要重复添加。').first().waitFor();
    await shot('settings-refused');
    expect(t.ok('templates.list', { orgId: school.orgId }).statement).toHaveLength(5);
    await byLabel(form, '内容').fill('同意，请抓紧实施');
    await form.getByRole('button', { name: '保存' }).click();
    await page.locator('[data-template="同意，请抓紧实施"]').waitFor();
    await page.getByRole('button', { name: '编辑「同意，请抓紧实施」' }).click();
    await byLabel(page.getByRole('form', { name: '编辑表态常用语' }), '内容').fill('同意，请抓紧实施。');
    await page.getByRole('form', { name: '编辑表态常用语' }).getByRole('button', { name: '保存' }).click();
    await page.locator('[data-template="同意，请抓紧实施。"]').waitFor();
    await shot('settings-statement');
    expect(t.ok('templates.list', { orgId: school.orgId }).statement.at(-1)!.text).toBe('同意，请抓紧实施。');
    expect(h.pageErrors).toEqual([]);
  });
});

describe('reuse in the forms', () => {
  it('a new meeting starts from the last meeting’s place and 记录人', async () => {
    await go('#/meetings/new');
    await page.getByRole('heading', { name: '新建会议' }).waitFor();
    await expect.poll(() => byLabel(page, '会议地点').inputValue()).toBe('学校第一会议室');
    await expect(byLabel(page, '记录人').inputValue()).resolves.toBe(String(school.person('吴秘书')));
    await page.getByText('地点和记录人沿用上次会议（2026年第1次党委会议）').waitFor();
    await byLabel(page, '会议时间').fill('2026-04-20T15:00');
    await shot('meeting-new');
    await page.getByRole('button', { name: '新建会议' }).click();
    await page.getByRole('heading', { name: '2026年第2次党委会议' }).waitFor();
    meetingId = Number((await page.evaluate(() => location.hash)).split('/').pop());
    expect(t.ok('meetings.get', { meetingId }).meeting).toMatchObject({ place: '学校第一会议室', recorderId: school.person('吴秘书') });
  });

  it('the last meeting’s attendance is reused with one click; a phrase and a decision template each go in with one click', async () => {
    t.ok('meetings.addItem', { meetingId, itemId });
    t.ok('meetings.confirmAgenda', { meetingId, personId: school.person('王建国') });
    t.ok('meetings.setFirstTopic', { meetingId, content: '学习习近平总书记关于教育的重要论述' });
    await h.setNow('2026-04-20T15:00:00');
    await page.reload();
    await page.getByRole('heading', { name: '2026年第2次党委会议' }).waitFor();
    await page.keyboard.press('Alt+s');
    await page.getByRole('button', { name: '沿用上次会议的出席情况' }).click();
    await page.getByText('已沿用2026年第1次党委会议的出席情况，请按本次实际情况核对。').waitFor();
    await page.getByRole('tab', { name: /出席情况（6\/7）/ }).waitFor();
    await shot('attendance-reused');
    const rows = t.ok('meetings.get', { meetingId }).attendance.map((a) => `${a.name}${a.status}${a.reason ?? ''}`);
    expect(rows).toEqual(expect.arrayContaining(['孙红请假外出学习', '周敏列席']));

    const entryId = t.ok('meetings.get', { meetingId }).entries[0]!.id;
    for (const n of ['李明华', '张丽', '陈志强', '刘芳', '赵磊']) t.ok('entries.statement', { entryId, personId: school.person(n), stance: '同意' });
    await page.reload();
    await page.keyboard.press('Alt+a');
    const phrases = page.getByRole('group', { name: '常用语（填入王建国的发言要点）' });
    await phrases.getByRole('button', { name: '同意，请抓紧实施。' }).click();
    await expect(page.getByRole('textbox', { name: '王建国的发言要点' }).inputValue()).resolves.toBe('同意，请抓紧实施。');
    await shot('statement-phrase');
    await page.getByRole('button', { name: '王建国表态同意' }).click();
    await page.locator('[data-statement="王建国"] .badge').waitFor();

    const templates = page.getByRole('group', { name: '决定模板（D3 安全稳定工作）' });
    const filled = `会议研究了《${TITLE}》，同意……，由……牵头落实，于……前完成。`;
    await templates.getByRole('button', { name: filled }).click();
    await expect(byLabel(page, '决定内容').inputValue()).resolves.toBe(filled);
    const text = filled.replace('同意……', '同意排查整治方案').replace('由……', '由总务处').replace('于……前', '于2026年6月30日前');
    await byLabel(page, '决定内容').fill(text);
    await shot('decision-template');
    await page.getByRole('button', { name: '记录表决结果' }).click();
    await confirm(page, '记录表决结果');
    await expect.poll(() => page.getByTestId('vote-result').textContent()).toContain('获得通过');
    const view = t.ok('meetings.get', { meetingId });
    expect(view.entries[0]!.statements.find((s) => s.name === '王建国')!.note).toBe('同意，请抓紧实施。');
    expect(view.entries[0]!.decision!.text).toBe(text);
    expect(h.pageErrors).toEqual([]);
  });

  it('a consultation phrase goes into 沟通情况 with one click', async () => {
    await go(`#/items/${waitingId}`);
    await page.getByRole('heading', { name: '关于开展读书节活动的议题' }).waitFor();
    const phrases = page.getByRole('group', { name: '常用语' });
    await phrases.getByRole('button', { name: '书记与校长沟通一致，同意提交会议研究。' }).click();
    await expect(byLabel(page, '沟通情况').inputValue()).resolves.toBe('书记与校长沟通一致，同意提交会议研究。');
    await shot('consultation-phrase');
  });
  // (大字 below starts here; the note is left typed so the form shows the phrase in large type, and cleared after.)
});

describe('大字', () => {
  it('the templates panel and the forms with phrases: every text ≥ 13 px, AA contrast, nothing wider than the window', async () => {
    await page.getByRole('button', { name: '大字：关' }).click();
    await page.getByRole('button', { name: '大字：开' }).waitFor();
    const problems: string[] = [];
    const check = async (name: string) => {
      await shot(`large-${name}`);
      problems.push(...failures(await page.evaluate(sampleTexts), 13).map((f) => `${name}: ${f}`));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      if (wide) problems.push(`${name}: 比窗口宽`);
    };
    await check('consultation');
    await byLabel(page, '沟通情况').fill(''); // nothing typed: leaving asks nothing
    await go('#/settings');
    await page.getByRole('tab', { name: '模板与常用语' }).click();
    await page.getByRole('radio', { name: '表态常用语' }).click();
    await page.locator('[data-template="同意。"]').waitFor();
    await check('settings');
    await go(`#/meetings/${meetingId}`);
    await page.getByRole('heading', { name: '2026年第2次党委会议' }).waitFor();
    await check('meeting');
    expect(problems).toEqual([]);
    await page.getByRole('button', { name: '大字：开' }).click();
  });
});
