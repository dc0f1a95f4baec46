// 会议模式 through the UI in Chromium on a real SQLite ledger: the 校长办公会议 studies a cadre
// matter first (R1 前置研究), then a full 党组织会议 is run from the keyboard — sign-in with a
// leave (R16), 第一议题 (R15), a 记名投票 item, a 2/3 cadre item (R6) with a recusal (R8), a
// written opinion of an absent member (R7), members leaving so the quorum changes (R6), host
// last (R9), a secret ballot with counts only (R10), a 临时动议 (R3) postponed (R11), and the
// full 会议记录. Screenshots: artifacts/screenshots/mode-*.png at 1366×768.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, fieldOf, openUi } from './meetings-ui';
import { confirm } from './page-helpers';

type Ui = Awaited<ReturnType<typeof openUi>>;
let ui: Ui;
let page: Page;
let field: ReturnType<typeof fieldOf>;
let s: Awaited<ReturnType<Ui['school']>>;
const CADRE = '关于任命周敏为教务处副主任的议题';
const STUDY = '关于开展党纪学习教育的实施方案';
const URGENT = '关于汛期校舍安全排查的议题';

const live = () => page.getByTestId('quorum-line');
const modeStep = () => page.locator('.mode-steps .step[aria-current="step"] .step-label');

/** Record the highlighted speaker's position with the Y key, and wait for it to land. */
async function sayYes(name: string) {
  await page.locator('.mode-bar h1').focus();
  await expect(page.locator('tr.speaker').getAttribute('data-statement')).resolves.toBe(name);
  await page.keyboard.press('y');
  await page.locator(`[data-statement="${name}"] .badge`).waitFor();
}

beforeAll(async () => {
  ui = await openUi('mode', '2026-03-20T09:00:00');
  page = ui.page;
  field = fieldOf(page);
  s = await ui.school();
});

afterAll(async () => {
  await ui?.h.close();
});

describe('会议模式 (R1, R3, R6–R11, R15, R16)', () => {
  it('R1: the 校长办公会议 records its 研究意见 on the cadre matter in 会议模式', async () => {
    const cadre = await ui.readyItem(s, 'C1', CADRE, '拟任命周敏同志为教务处副主任，试用期一年。');
    await ui.readyItem(s, 'A1', STUDY, '按上级部署，在全体党员中开展党纪学习教育。');
    await ui.readyItem(s, 'D3', URGENT, '汛期将至，对教学楼、宿舍楼进行安全排查。');
    const { meetingId } = await ui.ledger('meetings.create', {
      bodyId: s.body('principal_office'),
      startsAt: '2026-03-23T09:00',
      place: '校长室',
      hostId: s.person('李明华'),
      recorderId: s.person('吴秘书'),
    });
    const added = await ui.ledger('meetings.addItem', { meetingId, itemId: cadre });
    expect(added.purpose).toBe('study');

    await ui.h.setNow('2026-03-23T09:00:00');
    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: '2026年第1次校长办公会议' }).click();
    await page.keyboard.press('Alt+m');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor();
    // Sign-in: everyone present, saved with Ctrl+Enter.
    await page.keyboard.press('Control+Enter');
    await page.getByText('应到5人，签到出席5人').waitFor();
    // R3: the agenda needs the 校长's confirmation before anything is recorded.
    await page.getByRole('button', { name: '李明华（校长）确认议程' }).click();
    await page.getByRole('button', { name: '李明华（校长）确认议程' }).waitFor({ state: 'detached' });
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('1');
    await expect(modeStep().textContent()).resolves.toContain(CADRE);
    await field('研究意见').fill('同意推荐周敏同志任教务处副主任，提交党组织会议研究决定。');
    await ui.shot('office-study');
    await page.getByRole('button', { name: '记录研究意见' }).click();
    await page.getByText('研究意见：同意推荐周敏同志').waitFor();
    expect((await ui.ledger('items.get', { itemId: cadre })).item.state).toBe('ready');
    await page.locator('.mode-bar h1').focus();
    // The meeting is still open: Esc asks before leaving 会议模式.
    await page.keyboard.press('Escape');
    await confirm(page, '退出会议模式');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor({ state: 'detached' });
  });

  it('plans the 党组织会议 and puts both items on the agenda', async () => {
    await ui.h.setNow('2026-03-24T10:00:00');
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: '会议', exact: true }).waitFor();
    await page.keyboard.press('Alt+n');
    await choose(field('议事机构'), '党委会议');
    await field('会议时间').fill('2026-03-25T14:30');
    await field('会议地点').fill('行政楼三楼会议室');
    await choose(field('记录人'), '吴秘书');
    await page.getByRole('button', { name: '新建会议' }).click();
    await page.getByRole('heading', { name: '2026年第1次党委会议' }).waitFor();
    for (const title of [STUDY, CADRE]) {
      await choose(field('加入议题'), title);
      await page.getByRole('button', { name: '列入议程' }).click();
      await page.locator('.agenda-list', { hasText: title }).waitFor();
    }
    await page.getByRole('button', { name: '书记确认议程' }).click();
    await page.getByText('议程已由王建国确认', { exact: true }).waitFor();
  });

  it('R16/R15: sign-in with a leave and the 第一议题, from the keyboard', async () => {
    await ui.h.setNow('2026-03-25T14:30:00');
    await page.keyboard.press('Alt+m');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor();
    await page.getByRole('heading', { name: '出席签到' }).waitFor();
    // Number keys on a focused row: 2 = 请假.
    await page.locator('tr[data-attendance="刘芳"]').focus();
    await page.keyboard.press('2');
    await expect(page.getByRole('radiogroup', { name: '刘芳的出席情况' }).getByRole('radio', { name: /请假/ }).getAttribute('aria-checked')).resolves.toBe('true');
    // Saving without the reason is refused beside the field (R16).
    await page.keyboard.press('Control+Enter');
    await page.locator('tr[data-attendance="刘芳"] .field-error').waitFor();
    await expect(page.locator('tr[data-attendance="刘芳"] .field-error').textContent()).resolves.toContain('请假事由');
    await field('刘芳的请假事由').fill('带学生参加市级比赛');
    await ui.shot('checkin');
    await page.keyboard.press('Control+Enter');
    await page.getByText('应到7人，签到出席6人').waitFor();

    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('f');
    await field('学习内容').fill('学习《关于建立中小学校党组织领导的校长负责制的意见（试行）》');
    await page.getByRole('button', { name: '保存第一议题' }).click();
    await page.getByText('已记录：学习《关于建立').waitFor();
    await ui.shot('first-topic');
  });

  it('R9/R10: item 1 — host last, then a 记名投票 with per-member ballots', async () => {
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('j');
    await expect(modeStep().textContent()).resolves.toContain(STUDY);
    await expect(live().textContent()).resolves.toBe('应到7人，实到6人，需同意票≥4');
    // R9: the host's row waits until the others have stated.
    await expect(page.getByRole('button', { name: '王建国表态同意' }).isDisabled()).resolves.toBe(true);
    for (const name of ['李明华', '张丽', '陈志强', '赵磊', '孙红']) await sayYes(name);
    await expect(page.getByRole('button', { name: '王建国表态同意' }).isDisabled()).resolves.toBe(false);
    await sayYes('王建国');
    await page.getByRole('radiogroup', { name: '表决方式' }).getByRole('radio', { name: '记名投票', exact: true }).click();
    await page.getByRole('radiogroup', { name: '孙红的表决意见' }).getByRole('radio', { name: '弃权' }).click();
    await ui.shot('item1-named-ballot');
    await page.getByRole('button', { name: '记录表决结果' }).click();
    await confirm(page, '记录表决结果');
    const result = page.getByTestId('vote-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('记名投票表决：同意 5 票，反对 0 票，弃权 1 票。获得通过');
    await page.getByText('逐人表决：').waitFor();
  });

  it('R6/R7/R8: item 2 (2/3 cadre matter) — recusal, written opinion, members leave and the quorum changes', async () => {
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('2');
    await expect(modeStep().textContent()).resolves.toContain(CADRE);
    await page.getByText('须三分之二以上成员到会').waitFor();
    await expect(live().textContent()).resolves.toBe('应到7人，实到6人，需同意票≥4');

    await page.getByRole('button', { name: '登记回避…' }).click();
    await choose(field('回避人'), '赵磊');
    await field('回避理由').fill('拟任人选系本人近亲属');
    await page.getByRole('button', { name: '确认回避' }).click();
    await page.locator('[data-recused="赵磊"]').waitFor();
    // R8: the recused member leaves 应到 and 实到.
    await expect(live().textContent()).resolves.toBe('应到6人，实到5人，需同意票≥4');

    // 孙红 leaves after item 1: 实到 drops, two thirds of 6 (4) still present.
    await page.locator('[data-seat="孙红"]').getByRole('button', { name: '离会' }).click();
    await expect.poll(() => live().textContent()).toBe('应到6人，实到4人，需同意票≥4');
    // 陈志强 steps out too: below two thirds, no vote possible.
    await page.locator('[data-seat="陈志强"]').getByRole('button', { name: '离会' }).click();
    await expect.poll(() => live().textContent()).toBe('应到6人，实到3人，需同意票≥4（到会不足4人，不能表决）');
    await expect(page.getByTestId('mode-live').textContent()).resolves.toContain('不能表决');
    await ui.shot('item2-quorum-lost');
    await page.locator('[data-seat="陈志强"]').getByRole('button', { name: '返回' }).click();
    await expect.poll(() => live().textContent()).toBe('应到6人，实到4人，需同意票≥4');

    // R7: 刘芳 is on leave; her written opinion is recorded, not counted.
    await field('刘芳的书面意见').fill('同意该人选，建议加强培养。');
    await page.getByRole('button', { name: '记录刘芳的书面意见' }).click();
    await page.locator('[data-opinion="刘芳"]').waitFor();

    for (const name of ['李明华', '张丽', '陈志强']) await sayYes(name);
    await sayYes('王建国');
    await page.getByRole('radiogroup', { name: '表决方式' }).getByRole('radio', { name: '无记名投票', exact: true }).click();
    await page.getByText('不记录任何人投了什么').waitFor();
    // A secret ballot's counts start empty: they come from the ballot papers, not the statements.
    for (const f of ['同意票', '反对票', '弃权票']) await expect(field(f).inputValue()).resolves.toBe('');
    await field('同意票').fill('4');
    await field('反对票').fill('0');
    await field('弃权票').fill('0');
    await ui.shot('item2-secret-ballot');
    await page.getByRole('button', { name: '记录表决结果' }).click();
    await confirm(page, '记录表决结果');
    const result = page.getByTestId('vote-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('无记名投票表决：同意 4 票，反对 0 票，弃权 0 票。获得通过（应到6人，实到4人，须同意票≥4）');
    // R10: a secret ballot shows and stores no names.
    await expect(page.locator('.entry-panel').textContent()).resolves.not.toContain('逐人表决');
    const meetings = await ui.ledger('meetings.list', { orgId: s.orgId });
    const party = meetings.find((m) => m.title === '2026年第1次党委会议')!;
    const view = await ui.ledger('meetings.get', { meetingId: party.id });
    expect(view.entries[1]!.ballots).toEqual([]);
    expect(view.entries[1]!.recusals.map((r) => r.name)).toEqual(['赵磊']);
    await ui.shot('item2-passed');
  });

  it('R3/R11: a 临时动议 needs urgency and the host; then its vote is postponed with a reason', async () => {
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('t');
    await page.getByRole('heading', { name: '临时动议' }).waitFor();
    await choose(field('议题'), URGENT);
    await page.getByLabel('情况紧急，不能等到下次会议').check();
    await field('临时动议理由').fill('汛期将至，须立即安排排查');
    await page.getByRole('button', { name: '列入议程' }).click();
    const refusal = page.locator('.field-error[data-rule="R3"]');
    await refusal.waitFor();
    await ui.shot('adhoc-refused');
    await page.getByLabel('主持人王建国同意列入').check();
    await page.getByRole('button', { name: '列入议程' }).click();
    await expect.poll(() => modeStep().textContent()).toContain(URGENT);
    await page.getByText('临时动议（紧急，经主持人同意）').waitFor();
    await page.getByRole('button', { name: '暂缓表决…' }).click();
    await page.getByLabel('暂缓理由（意见分歧较大或重要情况不明）').fill('排查范围和经费尚不清楚，会后调研后再议');
    await page.getByRole('button', { name: '确认暂缓表决' }).click();
    await page.getByText('暂缓表决：排查范围和经费尚不清楚').waitFor();
    await ui.shot('adhoc-postponed');
  });

  it('R16: the 会议记录 shows it all; K/J move between steps; Esc leaves 会议模式', async () => {
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('k');
    await expect(modeStep().textContent()).resolves.toContain(CADRE);
    await page.keyboard.press('ArrowDown');
    await expect(modeStep().textContent()).resolves.toContain(URGENT);
    await page.keyboard.press('r');
    const frame = page.frameLocator('iframe[title="会议记录预览"]');
    await frame.getByText('赵磊', { exact: false }).first().waitFor();
    const text = (await frame.locator('body').textContent()) ?? '';
    for (const want of ['回避', '拟任人选系本人近亲属', '同意该人选，建议加强培养', '带学生参加市级比赛', '暂缓', '无记名投票']) expect(text, want).toContain(want);
    await ui.shot('record');
    // Every item has an outcome: the meeting ends from 会议模式; no more 临时动议 after that.
    await page.getByRole('button', { name: '结束会议' }).click();
    await confirm(page, '结束会议');
    await page.getByRole('button', { name: '结束会议' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '＋ 临时动议' }).waitFor({ state: 'detached' });
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '2026年第1次党委会议' }).waitFor();
    await page.keyboard.press('Alt+r');
    await page.frameLocator('iframe[title="会议记录预览"]').getByText('赵磊').first().waitFor();
    expect(ui.h.pageErrors).toEqual([]);
  });
});
