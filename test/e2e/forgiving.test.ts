// The forgiving desk, as a new secretary meets it on an empty ledger at 1366×768 in Chromium:
// the same person entered twice at set-up, a name mistyped, a seat added by mistake, a meeting
// typed in the wrong year, an item taken off the agenda, a mistyped statement, a wrong vote
// result before closing, a 督办 that needs more time — each put right from the UI alone, with
// the irreversible steps asked first and the 操作日志 reading as sentences.
// Screenshots: artifacts/screenshots/forgive-NN-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import type { TestLedger } from '../support/ledger';
import { byLabel, choose, confirm, chooseSchoolLedger } from './page-helpers';

let h: Harness;
let t: TestLedger;
let page: Page;
let shot: Shot;
const field = (label: string, scope: Page | Locator = page) => byLabel(scope, label);
const dialog = () => page.getByRole('alertdialog');
const names = new Map<string, number>();
const person = (name: string) => names.get(name)!;

const SAFETY = '关于开展校园安全隐患排查整治的议题';
const SERVICE = '关于调整课后服务时间的议题';
const TASK = '完成校园安全隐患整改';

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-30T09:00:00' });
  page = h.page;
  t = asTestLedger(h);
  shot = screenshots('forgive-', page, 250);
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await h?.close();
});

describe('the forgiving desk (a new secretary’s mistakes, put right)', () => {
  it('set-up refuses the same person entered twice, at that row, all problems at once', async () => {
    await chooseSchoolLedger(page);
    await page.getByRole('heading', { name: '欢迎使用议事台账：先设置学校' }).waitFor();
    await field('学校名称').fill('青山县第二中学');
    const people: [string, string, string[], boolean, boolean][] = [
      ['王建国', '党委办公室', ['书记'], true, true],
      ['李明华', '校长室', ['校长', '副书记'], true, true],
      ['张丽', '教务处', ['副校长', '委员'], true, true],
      ['张丽', '教务处', [], true, false],
      ['刘方', '德育处', ['委员'], true, false],
      ['吴秘书', '党委办公室', [], false, false],
    ];
    for (let i = 0; i < people.length; i++) {
      const [name, dept, posts, party, office] = people[i]!;
      if (i >= 3) await page.getByRole('button', { name: '＋ 添加成员' }).click();
      const n = i + 1;
      await field(`第${n}位成员姓名`).fill(name);
      await field(`第${n}位成员部门`).fill(dept);
      for (const box of await page.getByRole('group', { name: `第${n}位成员职务` }).getByRole('checkbox').all()) {
        await box.setChecked(posts.includes((await box.locator('xpath=..').textContent())!.trim()));
      }
      await field(`第${n}位成员是党组织会议成员`).setChecked(party);
      await field(`第${n}位成员是校长办公会议成员`).setChecked(office);
    }
    await field('学校名称').fill('');
    await page.getByRole('button', { name: '完成设置，进入工作台' }).click();
    // Both problems at once: the empty school name and the repeated person, each at its field.
    const row4 = page.locator('tr[data-member-row="3"] .field-error');
    await row4.waitFor();
    await expect(row4.textContent()).resolves.toBe('已有在职人员「张丽」。如确是另一个人，请在姓名后加注区分，如「张丽（教务处）」');
    await expect(page.locator('.field.has-error', { hasText: '学校名称' }).locator('.field-error').textContent()).resolves.toContain('「学校名称」不能为空');
    // Focus goes to the first wrong field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.field')?.querySelector('label')?.textContent)).toContain('学校名称');
    await shot('setup-duplicate-refused');
    await field('学校名称').fill('青山县第二中学');
    await page.getByRole('button', { name: '删除第4位成员' }).click();
    await page.getByRole('button', { name: '完成设置，进入工作台' }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    for (const p of t.ok('org.get', {})!.persons) names.set(p.name, p.id);
    expect([...names.keys()]).toEqual(['王建国', '李明华', '张丽', '刘方', '吴秘书']);
  });

  it('a mistyped name is corrected; a second 张丽 is told apart by a note', async () => {
    await page.keyboard.press('Alt+7');
    await page.getByRole('tab', { name: '人员与职务' }).click();
    await field('姓名').fill('张丽');
    await field('部门').fill('语文组');
    await page.getByRole('button', { name: '添加人员' }).click();
    const refusal = page.locator('form[aria-label="添加人员"] .field-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe('已有在职人员「张丽」。如确是另一个人，请在姓名后加注区分，如「张丽（语文组）」');
    await shot('same-name-refused');
    await field('姓名').fill('张丽（语文组）');
    await page.getByRole('button', { name: '添加人员' }).click();
    await page.locator('tr[data-person="张丽（语文组）"]').waitFor();
    await page.getByRole('button', { name: '更正刘方的姓名或部门' }).click();
    await field('姓名', page.locator('tr[data-person="刘方"]')).fill('刘芳');
    await shot('rename');
    await page.getByRole('button', { name: '保存更正' }).click();
    await page.locator('tr[data-person="刘芳"]').waitFor();
    names.set('刘芳', names.get('刘方')!);
    expect(t.ok('org.get', {})!.persons.map((p) => p.name)).toContain('刘芳');
  });

  it('a seat added by mistake is voided (误录作废), not ended', async () => {
    await page.getByRole('tab', { name: '议事机构' }).click();
    const office = page.locator('section[data-body="principal_office"]');
    await choose(field('新成员', office), '刘芳');
    await office.getByRole('button', { name: '加入' }).click();
    await office.locator('tr[data-member="刘芳"]').waitFor();
    await office.getByRole('button', { name: '作废刘芳的成员记录' }).click();
    await dialog().waitFor();
    await field('作废原因', dialog()).fill('误将刘芳加入校长办公会议');
    await shot('void-seat-dialog');
    await confirm(page, '作废');
    await office.locator('tr[data-member="刘芳"]').waitFor({ state: 'detached' });
    await office.locator('details.history summary').click();
    await expect(office.locator('[data-past-member="刘芳"]').textContent()).resolves.toContain('误录已作废');
    await shot('void-seat-done');
  });

  it('an unsaved form asks before its text is dropped', async () => {
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('Alt+n');
    await field('议题名称').fill('关于添置图书的议题');
    await page.keyboard.press('Alt+1');
    await dialog().getByText('已填写的内容还没有保存').waitFor();
    await shot('unsaved-guard');
    await confirm(page, '留在此页');
    await expect(field('议题名称').inputValue()).resolves.toBe('关于添置图书的议题');
    await page.keyboard.press('Alt+1');
    await confirm(page, '不保存，离开');
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
  });

  it('a meeting typed in the wrong year is refused at 会议时间, then put right', async () => {
    const orgId = t.ok('org.get', {})!.org.id;
    const matters = t.ok('matters.list', { orgId });
    for (const [title, code] of [[SAFETY, 'D3'], [SERVICE, 'D1']] as const) {
      const { id } = t.ok('items.create', { orgId, title, matterId: matters.find((m) => m.code === code)!.id, proposerId: person('李明华'), materialsReadyAt: '2026-03-30' });
      t.ok('consultations.record', {
        itemId: id,
        date: '2026-03-30',
        form: '当面',
        stances: [
          { personId: person('王建国'), role: '书记', stance: '同意' },
          { personId: person('李明华'), role: '校长', stance: '同意' },
        ],
      });
    }
    await page.keyboard.press('Alt+3');
    await page.keyboard.press('Alt+n');
    await page.getByRole('heading', { name: '新建会议' }).waitFor();
    await field('会议时间').fill('2025-04-02T14:30');
    await field('会议地点').fill('行政楼会议室');
    await choose(field('记录人'), '吴秘书');
    await page.getByRole('button', { name: '新建会议' }).click();
    const error = page.locator('.field.has-error .field-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe('「会议时间」2025年4月2日早于本校在台账中的起始日期2026年3月30日，请核对年份');
    await expect(page.locator('.field.has-error label').textContent()).resolves.toContain('会议时间');
    // Focus moves to the field after the error paints; on a loaded machine that is a frame later.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('datetime-local');
    await shot('meeting-wrong-year');
    await field('会议时间').fill('2026-04-02T14:30');
    await page.getByRole('button', { name: '新建会议' }).click();
    await page.getByRole('heading', { name: '2026年第1次党委会议' }).waitFor();
    // The place was mistyped too: 修改会议信息, kept in the meeting's 更正记录.
    await page.getByRole('button', { name: '修改会议信息' }).click();
    await field('会议地点', page.getByRole('region', { name: '修改会议信息' })).fill('行政楼三楼会议室');
    await page.getByRole('button', { name: '保存更正' }).click();
    await page.getByText(/^会议的更正记录/).click();
    await page.getByText('地点：行政楼会议室 → 行政楼三楼会议室').waitFor();
    await shot('meeting-corrected');
  });

  it('an item put on the agenda by mistake is taken off before it is discussed', async () => {
    for (const title of [SAFETY, SERVICE]) {
      await choose(field('加入议题'), title);
      await page.getByRole('button', { name: '列入议程' }).click();
      await page.locator('.agenda-list', { hasText: title }).waitFor();
    }
    await page.getByRole('button', { name: `把「${SERVICE}」移出议程` }).click();
    await field('移出原因', dialog()).fill('材料未备齐，下次再议');
    await shot('remove-entry-dialog');
    await confirm(page, '移出议程');
    await page.locator('.agenda-list', { hasText: SERVICE }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '书记确认议程' }).click();
    await page.getByText('议程已由王建国确认', { exact: true }).waitFor();
  });

  it('a mistyped statement is corrected in place, kept in the record’s history', async () => {
    await h.setNow('2026-04-02T14:30:00');
    await page.keyboard.press('Alt+s');
    await page.getByRole('button', { name: '保存出席情况' }).click();
    await page.getByRole('tab', { name: /出席情况（4\/4）/ }).waitFor();
    await page.keyboard.press('Alt+a');
    await page.getByRole('button', { name: '李明华表态不同意' }).click();
    await page.locator('[data-statement="李明华"] .badge').waitFor();
    for (const n of ['张丽', '刘芳']) {
      await page.getByRole('button', { name: `${n}表态同意` }).click();
      await page.locator(`[data-statement="${n}"] .badge`).waitFor();
    }
    await page.getByRole('button', { name: '更正李明华的表态' }).click();
    const fix = page.getByRole('group', { name: '更正李明华的表态' });
    await fix.getByRole('button', { name: '同意', exact: true }).click();
    await field('李明华的发言要点（更正）').fill('同意排查方案');
    await shot('statement-correcting');
    await page.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => page.locator('[data-statement="李明华"] .badge').textContent()).toBe('同意');
    await page.getByRole('button', { name: '王建国表态同意' }).click();
    await page.locator('[data-statement="王建国"] .badge').waitFor();
    await page.locator('[data-history="更正发言表态"]').waitFor();
    await expect(page.locator('[data-history="更正发言表态"]').textContent()).resolves.toContain('表态：不同意 → 同意');
    await shot('statement-corrected');
  });

  it('a wrong vote result is undone before closing and voted again; closing is asked first', async () => {
    await field('同意票').fill('1');
    await field('反对票').fill('3');
    await page.getByRole('button', { name: '记录表决结果' }).click();
    await dialog().getByText('同意 1 票，反对 3 票，弃权 0 票').waitFor();
    await shot('vote-confirm');
    await confirm(page, '记录表决结果');
    const result = page.getByTestId('vote-result');
    await expect.poll(() => result.textContent()).toContain('未获通过');
    await page.getByRole('button', { name: '撤销表决结果' }).click();
    await field('撤销原因', dialog()).fill('同意票和反对票录反了');
    await shot('undo-vote-dialog');
    await confirm(page, '撤销表决结果');
    await result.waitFor({ state: 'detached' });
    await field('同意票').fill('4');
    await field('反对票').fill('0');
    await page.getByRole('button', { name: '记录表决结果' }).click();
    await confirm(page, '记录表决结果');
    await expect.poll(() => result.textContent()).toContain('获得通过');
    await expect(page.locator('[data-history="撤销表决结果"]').textContent()).resolves.toContain('同意票和反对票录反了');
    await shot('revoted');
    // 会议模式: Esc asks while the meeting is open.
    await page.keyboard.press('Alt+m');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor();
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('Escape');
    await dialog().getByText('会议仍在进行').waitFor();
    await shot('mode-esc-asks');
    await confirm(page, '退出会议模式');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '结束会议' }).click();
    await dialog().getByText('结束后会议记录定稿').waitFor();
    await shot('close-confirm');
    await confirm(page, '结束会议');
    await page.getByRole('button', { name: '结束会议' }).waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: '撤销表决结果' }).count()).resolves.toBe(0);
  });

  it('a 督办 that needs more time is extended with the reason and who approved it', async () => {
    await page.keyboard.press('Alt+5');
    await page.getByRole('button', { name: '安排督办' }).click();
    await field('督办任务').fill(TASK);
    await field('承办部门').fill('总务处');
    await field('完成时限').fill('2026-04-15');
    await page.getByRole('button', { name: '建立督办事项' }).click();
    await page.locator(`[data-followup="${TASK}"]`).waitFor();
    await h.setNow('2026-04-20T09:00:00');
    await page.keyboard.press('Alt+b');
    await page.locator(`[data-column="overdue"] [data-board-card="${TASK}"]`).waitFor();
    await shot('board-overdue');
    await page.getByRole('button', { name: TASK }).click();
    await page.getByRole('button', { name: '延期' }).click();
    await field('新的完成时限').fill('2026-05-31');
    await choose(field('批准人'), '李明华');
    await field('延期理由').fill('施工队未能按期进场');
    await shot('extend-form');
    await page.getByRole('button', { name: '确认延期' }).click();
    const history = page.locator('[data-history="延期"]');
    await history.waitFor();
    await expect(history.textContent()).resolves.toContain('完成时限：2026年4月15日 → 2026年5月31日（原因：施工队未能按期进场），李明华批准');
    await shot('extended');
    await page.keyboard.press('Alt+b');
    const card = page.locator(`[data-column="open"] [data-board-card="${TASK}"]`);
    await card.waitFor();
    await expect(card.getByTestId('board-extended').textContent()).resolves.toBe('已延期');
    await shot('board-extended');
  });

  it('an item is withdrawn with a reason and stays in the ledger; the 操作日志 reads as sentences', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: SERVICE }).click();
    await page.getByRole('heading', { name: SERVICE }).waitFor();
    await page.getByRole('button', { name: '撤回议题' }).click();
    await field('撤回理由', dialog()).fill('情况变化，本学期不再调整');
    await shot('withdraw-dialog');
    await confirm(page, '撤回议题');
    await page.getByRole('heading', { name: SERVICE }).locator('[data-state="withdrawn"]').waitFor();
    await shot('withdrawn');

    await page.keyboard.press('Alt+7');
    await page.getByRole('tab', { name: '数据安全' }).click();
    const log = page.getByRole('table', { name: '操作日志' });
    await log.locator('[data-channel="items.withdraw"]').waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).toContain(`撤回了议题「${SERVICE}」：情况变化，本学期不再调整`);
    expect(text).toContain('更正了 李明华 对「关于开展校园安全隐患排查整治的议题」的表态，改为：同意');
    expect(text).not.toMatch(/[{}"]|items\.|entries\./);
    await page.locator('section[aria-labelledby="audit-title"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot('journal-sentences');
    expect(h.pageErrors).toEqual([]);
  });
});
