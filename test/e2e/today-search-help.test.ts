// 今日待办, Ctrl+K, 帮助 and 大字 as the secretary meets them at 1366×768 in Chromium: the
// badge and the panel show what the core computed (reminders.today), one box finds any record
// and opens it, every rule tag explains itself with its source, and with 大字 on every text on
// every section is at least 13 px (base 16 px) with WCAG AA contrast, nothing wider than the
// window. Screenshots: artifacts/screenshots/today-NN-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { decidedMeeting } from '../support/decided';
import { setupSchool } from '../support/school';
import type { TestLedger } from '../support/ledger';
import { failures, sampleTexts } from '../support/contrast';

let h: Harness;
let t: TestLedger;
let page: Page;
let school: ReturnType<typeof setupSchool>;
let shot: Shot;

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 } });
  page = h.page;
  shot = screenshots('today-', page, 250);
  page.setDefaultTimeout(10_000);
  t = asTestLedger(h);
  school = setupSchool(t);
  const waiting = t.ok('items.create', { orgId: school.orgId, title: '关于修订教师绩效考核办法的议题', matterId: school.matter('A1'), proposerId: school.person('王建国') }).id;
  t.ok('items.submit', { itemId: waiting });
  const party = decidedMeeting(t, school, { startsAt: '2026-03-25T15:00' });
  t.setNow('2026-03-26T09:00:00');
  const [a, b] = party.decided;
  t.ok('followups.create', { decisionId: a!.decisionId, task: '完成校园安全隐患整改', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-04-10' });
  t.ok('followups.create', { decisionId: b!.decisionId, task: '制定思政工作方案', ownerDept: '德育处', deadline: '2026-04-17' });
  t.ok('emergency.record', {
    orgId: school.orgId, bodyId: school.body('party_committee'), actorId: school.person('王建国'), reason: '暴雨红色预警，无法召开会议',
    action: '全校停课一天，启动防汛预案', at: '2026-03-27T07:00',
  });
  await h.setNow('2026-04-13T09:00:00');
  await page.reload();
});

afterAll(async () => {
  await h?.close();
});

describe('今日待办', () => {
  it('the badge and the panel show reminders.today, grouped; a reminder opens its record', async () => {
    await page.getByRole('heading', { name: '今日待办' }).waitFor();
    const today = t.ok('reminders.today', { orgId: school.orgId });
    expect(today.groups.map((g) => g.kind)).toEqual(['followup_overdue', 'followup_due', 'consultation_waiting', 'emergency_unreported', 'minutes_unsigned']);
    await expect(page.locator('.nav-badge').textContent()).resolves.toBe(String(today.count));
    for (const g of today.groups) {
      await expect(page.locator(`.today-group[data-kind="${g.kind}"] h3`).textContent()).resolves.toContain(g.label);
      for (const r of g.reminders) await page.locator(`.today-group[data-kind="${g.kind}"]`).getByText(r.detail).waitFor();
    }
    await shot('dashboard');
    await page.locator('.today-group[data-kind="followup_overdue"]').getByRole('button', { name: '完成校园安全隐患整改' }).click();
    await page.getByText('完成校园安全隐患整改').first().waitFor();
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/followups\/\d+$/);
    expect(h.pageErrors).toEqual([]);
  });
});

describe('Ctrl+K', () => {
  it('one box finds items, decisions, minutes, follow-ups and people; Enter opens the first', async () => {
    await page.keyboard.press('Control+k');
    const box = page.getByRole('textbox', { name: '搜索内容' });
    await box.waitFor();
    await box.fill('安全');
    await page.locator('.search-results section[data-kind="item"]').waitFor();
    const kinds = await page.locator('.search-results section').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['item', 'decision', 'followup']);
    await shot('search');
    await box.press('Enter');
    await page.getByRole('dialog', { name: '全局搜索' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/items\/\d+$/);
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: '搜索内容' }).fill('张丽');
    await page.locator('.search-results section[data-kind="person"]').getByText('张丽').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: '全局搜索' }).waitFor({ state: 'detached' });
  });
});

describe('帮助', () => {
  it('each screen has its steps; a rule tag opens the rule in plain words with its source', async () => {
    await page.getByRole('button', { name: /^工作台/ }).click();
    await page.getByRole('button', { name: /^帮助/ }).click();
    const panel = page.getByRole('region', { name: '本页帮助' });
    await panel.getByText('“今日待办”列出今天要办的事', { exact: false }).waitFor();
    await panel.locator('[data-rule-tag="R17"]').click();
    const help = page.getByRole('dialog', { name: /规则说明/ });
    await help.getByText('依据：《意见》（校长职权第9项）；学校议事规则').waitFor();
    await shot('help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^帮助/ }).click();
  });
});

describe('设置 → 提醒', () => {
  it('refuses 0 days at the field, saves a longer wait and turns notifications off', async () => {
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByRole('tab', { name: '提醒' }).click();
    const days = page.getByLabel('议题等待会前沟通超过多少天时提醒');
    await days.fill('0');
    await page.getByRole('button', { name: '保存提醒设置' }).click();
    await page.getByText('「会前沟通等待天数」至少为1天').first().waitFor();
    await days.fill('30');
    await page.getByRole('radio', { name: '关' }).click();
    await page.getByRole('button', { name: '保存提醒设置' }).click();
    await page.getByText('提醒设置已保存。').waitFor();
    await shot('settings-reminders');
    expect(t.ok('reminders.today', { orgId: school.orgId }).settings).toEqual({ consultationWaitDays: 30, notify: false });
    // The waiting item (24 days) is no longer due: the badge follows.
    await expect(page.locator('.nav-badge').textContent()).resolves.toBe('4');
  });
});

describe('大字', () => {
  const SECTIONS = [
    ['dashboard', '工作台'],
    ['items', '议题'],
    ['meetings', '会议'],
    ['minutes', '纪要'],
    ['followups', '督办'],
    ['ledger', '台账'],
    ['settings', '设置'],
  ] as const;

  it('is kept through a restart; every text of every section is ≥ 13 px with AA contrast, base 16 px, nothing wider than 1366', async () => {
    await page.getByRole('button', { name: '大字：关' }).click();
    await page.reload();
    await page.getByRole('button', { name: '大字：开' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
    const problems: string[] = [];
    for (const [key, label] of SECTIONS) {
      await page.evaluate((k) => (location.hash = `#/${k}`), key);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(400);
      await shot(`large-${key}`);
      const found = failures(await page.evaluate(sampleTexts), 13);
      problems.push(...found.map((f) => `${label}: ${f}`));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 1366) problems.push(`${label}: 页面宽 ${wide}px`);
    }
    // The palette and the help too.
    await page.keyboard.press('Control+k');
    await page.getByRole('textbox', { name: '搜索内容' }).fill('安全');
    await page.locator('.search-results section').first().waitFor();
    await shot('large-search');
    problems.push(...failures(await page.evaluate(sampleTexts), 13).map((f) => `搜索: ${f}`));
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

  it('the normal size also meets AA contrast on the dashboard', async () => {
    await page.getByRole('button', { name: '大字：开' }).click();
    await page.evaluate(() => (location.hash = '#/dashboard'));
    await page.getByRole('heading', { name: '今日待办' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('14px');
    expect(failures(await page.evaluate(sampleTexts), 11).filter((f) => f.includes(':1'))).toEqual([]);
  });
});
