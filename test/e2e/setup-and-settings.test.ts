// 设置 through the UI in Chromium on a real ledger file: the first-run guide, then edits that
// change how rules are applied — the school's name, a member leaving the 党组织会议 (R6 应到),
// 一肩挑 (R4), a new 三重一大 threshold from a date (R2), rule settings (R6, R12) and a new
// 议事清单 entry. Every edit is read back through the core. Screenshots: artifacts/screenshots/settings-*.png.
import { choose, byLabel, chooseSchoolLedger } from './page-helpers';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dispatch } from '../../db/api';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let page: Page;
let shot: Shot;

const field = (label: string, scope: Page | Locator = page) => byLabel(scope, label);

function ok<T = unknown>(channel: string, input: unknown): T {
  const r = dispatch(h.ledger, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00' });
  page = h.page;
  shot = screenshots('settings-', page);
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await h?.close();
});

describe('set-up and 设置 (R2, R4, R6, R8, R12)', () => {
  it('sets up the school on first run', async () => {
    await chooseSchoolLedger(page);
    await page.getByRole('heading', { name: '欢迎使用议事台账：先设置学校' }).waitFor();
    await field('学校名称').fill('青山县实验小学');
    await choose(field('党组织类型'), '党支部');
    const people: [string, string, string[], boolean, boolean][] = [
      ['王建国', '党支部', ['书记'], true, true],
      ['李明华', '校长室', ['校长', '副书记'], true, true],
      ['张丽', '教务处', ['副校长', '委员'], true, true],
      ['刘芳', '德育处', ['委员'], true, false],
      ['孙红', '纪检', ['委员'], true, false],
    ];
    for (let i = 0; i < people.length; i++) {
      const [name, dept, posts, party, office] = people[i]!;
      if (i >= 3) await page.getByRole('button', { name: '＋ 添加成员' }).click();
      const n = i + 1;
      await field(`第${n}位成员姓名`).fill(name);
      await field(`第${n}位成员部门`).fill(dept);
      const group = page.getByRole('group', { name: `第${n}位成员职务` });
      for (const box of await group.getByRole('checkbox').all()) {
        const label = (await box.locator('xpath=..').textContent())!.trim();
        await box.setChecked(posts.includes(label));
      }
      await field(`第${n}位成员是党组织会议成员`).setChecked(party);
      await field(`第${n}位成员是校长办公会议成员`).setChecked(office);
    }
    await page.getByRole('button', { name: '完成设置，进入工作台' }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
  });

  it('edits the school name and shows the data folder', async () => {
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: '设置', exact: true }).waitFor();
    await expect(page.getByTestId('data-folder').textContent()).resolves.toBe(path.dirname(h.exportsDir));
    await field('学校名称').fill('');
    await page.getByRole('button', { name: '保存学校信息' }).click();
    await expect(page.locator('.field-error').first().textContent()).resolves.toContain('学校名称');
    await field('学校名称').fill('青山县实验小学（集团）');
    await page.getByRole('button', { name: '保存学校信息' }).click();
    await page.locator('.sidebar .brand span', { hasText: '青山县实验小学（集团）' }).waitFor();
    expect(ok<{ org: { name: string } }>('org.get', {}).org.name).toBe('青山县实验小学（集团）');
    await shot('school');
  });

  it('R4: the 书记 also becomes 校长 (一肩挑), shown plainly; the former 校长 is relieved the same day', async () => {
    // The school was set up today (terms start 20 March); the handover happens three days later.
    await h.setNow('2026-03-23T09:00:00');
    await page.getByRole('tab', { name: '议事机构' }).click();
    await page.getByRole('tab', { name: '学校与数据' }).click();
    const tabs = page.getByRole('tablist', { name: '设置分类' });
    await tabs.getByRole('tab', { name: '学校与数据' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: '人员与职务' }).getAttribute('aria-selected')).resolves.toBe('true');
    const form = page.getByRole('form', { name: '任职' });
    await choose(field('人员', form), '王建国');
    await choose(field('职务', form), '校长');
    await field('任职日期', form).fill('2026-03-23');
    await form.getByRole('button', { name: '登记任职' }).click();
    await page.getByTestId('one-shoulder').waitFor();
    await expect(page.getByTestId('one-shoulder').textContent()).resolves.toContain('王建国同时担任书记和校长');
    await page.locator('[data-person="王建国"] .badge', { hasText: '一肩挑' }).waitFor();
    const posts = ok<{ oneShoulder: boolean; rows: { name: string; post: string; current: boolean }[] }>('posts.list', { orgId: 1 });
    expect(posts.oneShoulder).toBe(true);
    expect(posts.rows.filter((r) => r.post === '校长' && r.current).map((r) => r.name)).toEqual(['王建国']);
    await shot('one-shoulder');
  });

  it('R6: 孙红 leaves the 党组织会议 — the term ends, the history stays', async () => {
    await page.getByRole('tab', { name: '议事机构' }).click();
    const party = page.locator('[data-body="party_committee"]');
    await party.getByRole('button', { name: '结束孙红的任期' }).click();
    await field('任期结束日期', party).fill('2026-03-23');
    await party.getByRole('button', { name: '确认结束任期' }).click();
    await party.locator('[data-past-member="孙红"]').waitFor({ state: 'attached' });
    await expect(party.locator('[data-member="孙红"]').count()).resolves.toBe(0);
    const seats = ok<{ rows: { name: string; current: boolean; endDate: string | null }[] }>('memberships.list', { bodyId: 1 });
    expect(seats.rows.find((r) => r.name === '孙红')).toMatchObject({ current: false, endDate: '2026-03-23' });
    expect(seats.rows.filter((r) => r.current)).toHaveLength(4);
    await party.locator('details.history summary').click();
    await shot('member-left');
  });

  it('R2: a new threshold for 大额资金使用 from 1 April; the old one still applies before', async () => {
    await page.getByRole('tab', { name: '三重一大标准' }).click();
    const form = page.getByRole('form', { name: '调整三重一大标准' });
    await choose(field('类别', form), '大额资金使用');
    await field('新标准（元）', form).fill('0');
    await form.getByRole('button', { name: '保存新标准' }).click();
    await expect(form.locator('.field-error').first().textContent()).resolves.toContain('限额标准');
    await field('新标准（元）', form).fill('20000');
    await field('执行日期', form).fill('2026-04-01');
    await form.getByRole('button', { name: '保存新标准' }).click();
    await page.getByText('调整记录（5条）').waitFor();
    const before = ok<{ inForce: { category: string; amount: number }[] }>('thresholds.list', { orgId: 1, date: '2026-03-31' });
    const after = ok<{ inForce: { category: string; amount: number }[] }>('thresholds.list', { orgId: 1, date: '2026-04-01' });
    expect(before.inForce.find((t) => t.category === '大额资金使用')!.amount).toBe(10000);
    expect(after.inForce.find((t) => t.category === '大额资金使用')!.amount).toBe(20000);
    await shot('threshold');
  });

  it('R6/R12: rule settings — exactly half counts, the 校长办公会 votes by majority', async () => {
    await page.getByRole('tab', { name: '议事规则' }).click();
    await page.getByRole('radiogroup', { name: '恰好半数是否算“半数以上”' }).getByRole('radio', { name: '算', exact: true }).click();
    await page.getByRole('radiogroup', { name: '校长办公会议决定方式' }).getByRole('radio', { name: '多数表决' }).click();
    await field('材料提前送达天数').fill('99');
    await page.getByRole('button', { name: '保存规则设置' }).click();
    await expect(page.locator('.field-error').first().textContent()).resolves.toContain('60天');
    await field('材料提前送达天数').fill('2');
    await page.getByRole('button', { name: '保存规则设置' }).click();
    await page.getByRole('button', { name: '保存规则设置' }).and(page.locator(':disabled')).waitFor();
    const settings = ok<{ values: Record<string, unknown> }>('settings.get', { orgId: 1 });
    expect(settings.values).toMatchObject({ halfCountsAsMajority: true, principalOfficeMode: 'majority_vote', materialsLeadDays: 2, recusedCountInDue: false });
    await shot('rules');
  });

  it('R1/R2: adds a 议事清单 entry', async () => {
    await page.getByRole('tab', { name: '议事清单' }).click();
    await page.getByRole('button', { name: '＋ 新增事项' }).click();
    const form = page.getByRole('form', { name: '编辑议事清单事项' });
    await field('事项名称', form).fill('校园开放日安排');
    await form.getByRole('button', { name: '保存事项' }).click();
    await page.locator('[data-matter="X11"]').waitFor();
    const matters = ok<{ code: string; name: string; decidingBody: string }[]>('matters.list', { orgId: 1 });
    expect(matters.find((m) => m.code === 'X11')).toMatchObject({ name: '校园开放日安排', decidingBody: 'principal_office' });
    await page.getByRole('button', { name: '编辑E2 大额资金使用' }).click();
    await shot('matters');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('matters-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(h.pageErrors).toEqual([]);
  });
});
