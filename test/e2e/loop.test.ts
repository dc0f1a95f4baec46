// The whole loop 决策→执行→监督→评价→修正 through the UI only: the built renderer in Debian's
// Chromium, window.ledger on a real SQLite file. Screenshots at 1366×768 go to
// artifacts/screenshots/ for people to look at.
import { choose, byLabel, confirm, chooseSchoolLedger } from './page-helpers';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dispatch } from '../../db/api';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';

const ITEM = '关于加强校园安全稳定工作的议题';

let h: Harness;
let page: Page;
let shot: Shot;

/** Select the option whose text contains `text` (labels carry posts, e.g. 李明华（校长、副书记）). */
/** A form control by its label; required fields carry a "*" after the label text. */
const field = (label: string) => byLabel(page, label);

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 } });
  page = h.page;
  shot = screenshots('', page);
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await h?.close();
});

describe('the loop through the UI (R4, R6, R9, R10, R16, R17, R18)', () => {
  it('sets up the school on first run', async () => {
    await chooseSchoolLedger(page);
    await page.getByRole('heading', { name: '欢迎使用议事台账：先设置学校' }).waitFor();
    await field('学校名称').fill('青山县第一中学');
    await choose(field('党组织类型'), '党委');
    // Submitting with empty names shows the contract's message beside the field.
    await page.getByRole('button', { name: '完成设置，进入工作台' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('姓名');
    await shot('setup-error-beside-field');

    const people: [string, string, string[], boolean, boolean][] = [
      ['王建国', '党委办公室', ['书记'], true, true],
      ['李明华', '校长室', ['校长', '副书记'], true, true],
      ['张丽', '教务处', ['副校长', '委员'], true, true],
      ['陈志强', '总务处', ['副校长', '委员'], true, true],
      ['刘芳', '德育处', ['委员'], true, false],
      ['赵磊', '工会', ['委员'], true, false],
      ['孙红', '纪检', ['委员'], true, false],
      ['周敏', '办公室', ['中层干部'], false, true],
      ['吴秘书', '党委办公室', [], false, false],
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
    await shot('setup-filled');
    await page.getByRole('button', { name: '完成设置，进入工作台' }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await shot('dashboard-empty');
  });

  it('creates an item and submits it for 会前沟通', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: '议题', exact: true }).waitFor();
    await shot('items-empty');
    await page.keyboard.press('Alt+n');
    await field('议题名称').fill(ITEM);
    await choose(field('议事清单事项'), '安全稳定工作');
    await choose(field('提出人'), '李明华');
    await choose(field('分管领导'), '陈志强');
    await field('材料送达日期').fill('2026-03-22');
    await field('议题内容').fill('针对校园周边交通和门卫管理存在的问题，拟完善安全巡查制度，增设上下学时段护学岗。');
    await shot('item-create');
    await page.getByRole('button', { name: '保存并提交会前沟通' }).click();
    await page.getByRole('heading', { name: ITEM }).waitFor();
    await expect(page.locator('.page-head [data-state]').textContent()).resolves.toBe('会前沟通中');
  });

  it('plans a 党组织会议', async () => {
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: '会议', exact: true }).waitFor();
    await page.keyboard.press('Alt+n');
    await choose(field('议事机构'), '党委会议');
    await field('会议时间').fill('2026-03-25T14:30');
    await field('会议地点').fill('行政楼三楼会议室');
    await choose(field('记录人'), '吴秘书');
    await shot('meeting-create');
    await page.getByRole('button', { name: '新建会议' }).click();
    await page.getByRole('heading', { name: '2026年第1次党委会议' }).waitFor();
  });

  it('R4: a consultation with 不同意 postpones the item and scheduling is refused', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: ITEM }).click();
    await page.getByRole('heading', { name: ITEM }).waitFor();
    await page.getByRole('radiogroup', { name: '王建国（书记）的意见' }).getByRole('radio', { name: '不同意', exact: true }).click();
    await field('王建国的说明').fill('护学岗人员安排需再研究');
    await page.getByRole('button', { name: '保存沟通记录' }).click();
    await page.locator('.page-head [data-state="postponed"]').waitFor();
    await page.getByRole('button', { name: '列入会议议程' }).click();
    const refusal = page.locator('[data-rule="R4"]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('R4');
    await shot('item-r4-refused');
  });

  it('an agreeing consultation makes it ready, and it goes on the agenda', async () => {
    await page.getByRole('radiogroup', { name: '王建国（书记）的意见' }).getByRole('radio', { name: '同意', exact: true }).click();
    await page.getByRole('button', { name: '保存沟通记录' }).click();
    await page.locator('.page-head [data-state="ready"]').waitFor();
    await page.getByRole('button', { name: '列入会议议程' }).click();
    await page.locator('.page-head [data-state="scheduled"]').waitFor();
    await shot('item-scheduled');
  });

  it('holds the meeting: attendance, statements (host last, R9), 举手 vote passes (R10)', async () => {
    await h.setNow('2026-03-25T14:30:00');
    await page.keyboard.press('Alt+3');
    await page.getByRole('button', { name: '2026年第1次党委会议' }).click();
    await page.keyboard.press('Alt+s');
    await page.getByRole('radiogroup', { name: '刘芳的出席情况' }).getByRole('radio', { name: '请假', exact: true }).click();
    await field('刘芳的请假事由').fill('外出参加培训');
    await page.getByRole('radiogroup', { name: '赵磊的出席情况' }).getByRole('radio', { name: '缺席', exact: true }).click();
    await page.getByRole('button', { name: '保存出席情况' }).click();
    await page.getByRole('tab', { name: /出席情况（5\/7）/ }).waitFor();
    await shot('meeting-attendance');

    await page.keyboard.press('Alt+a');
    await field('学习内容').fill('学习《关于建立中小学校党组织领导的校长负责制的意见（试行）》');
    await page.getByRole('button', { name: '保存第一议题' }).click();
    await page.getByRole('button', { name: '书记确认议程' }).click();
    await page.getByText('议程已由王建国确认', { exact: true }).waitFor();
    const quorum = page.getByTestId('quorum-line');
    await expect(quorum.textContent()).resolves.toBe('应到7人，实到5人，需同意票≥4');

    // R9: the host cannot state first (the host's row waits for the others).
    await expect(page.getByRole('button', { name: '王建国表态同意' }).isDisabled()).resolves.toBe(true);
    for (const name of ['李明华', '张丽', '陈志强', '孙红']) {
      await page.getByRole('button', { name: `${name}表态同意` }).click();
      await page.locator(`[data-statement="${name}"] .badge`).waitFor();
    }
    await page.getByRole('button', { name: '王建国表态同意' }).click();
    await page.locator('[data-statement="王建国"] .badge').waitFor();
    await expect(field('同意票').inputValue()).resolves.toBe('5');
    await shot('meeting-statements');
    await page.getByRole('button', { name: '记录表决结果' }).click();
    await confirm(page, '记录表决结果');
    const result = page.getByTestId('vote-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('获得通过');
    await shot('meeting-vote-passed');
    await page.getByRole('button', { name: '结束会议' }).click();
    await confirm(page, '结束会议');
    await page.getByRole('button', { name: '结束会议' }).waitFor({ state: 'detached' });
  });

  it('R16: generates, signs and exports the 会议纪要 as a PDF with embedded Chinese fonts', async () => {
    await page.getByRole('button', { name: '会议纪要' }).click();
    await page.getByRole('button', { name: '生成会议纪要' }).click();
    const frame = page.frameLocator('iframe[title="会议纪要预览"]');
    await frame.getByText(ITEM.replace(/^关于|的议题$/g, '').slice(0, 6)).first().waitFor();
    await shot('minutes-draft');
    await page.getByRole('button', { name: '签发纪要' }).click();
    await confirm(page, '确认签发');
    await page.getByText('已签发 · 已锁定').waitFor();
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const saved = page.getByTestId('saved-path');
    await saved.waitFor({ timeout: 30_000 });
    const pdf = (await saved.textContent())!.trim();
    await page.getByRole('button', { name: '打开文件' }).click();
    await page.getByRole('button', { name: '打开所在文件夹' }).click();
    await shot('minutes-signed-exported');

    expect(fs.existsSync(pdf)).toBe(true);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('会议纪要');
    expect(text).toContain('王建国');
    expect(text.replace(/\s/g, '')).toContain('安全');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    await waitFor(() => h.hostCalls.filter((c) => c.method !== 'savePdf').length === 2);
    expect(h.hostCalls.map((c) => c.method)).toEqual(['savePdf', 'openPath', 'showInFolder']);
    expect(h.hostCalls[1]!.arg).toBe(pdf);
  });

  it('R17/R18: follow-up, progress, completion, evaluation 差 opens a 修正 item', async () => {
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { name: '督办', exact: true }).waitFor();
    // The 督办 board lists decisions still waiting for a 督办事项 (R17); open the new one.
    await page.getByRole('button', { name: '安排督办' }).first().click();
    await field('督办任务').fill('制定校园安全巡查制度并设立护学岗');
    await field('承办部门').fill('总务处');
    await choose(field('责任人'), '陈志强');
    await field('完成时限').fill('2026-04-30');
    await page.getByRole('button', { name: '建立督办事项' }).click();
    const card = page.locator('[data-followup="制定校园安全巡查制度并设立护学岗"]');
    await card.waitFor();

    await h.setNow('2026-04-10T10:00:00');
    await card.getByRole('button', { name: '报告进展' }).click();
    await field('情况说明').fill('巡查制度已起草，护学岗人员正在排班。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await card.getByText('巡查制度已起草').waitFor();

    await h.setNow('2026-04-28T10:00:00');
    await card.getByRole('button', { name: '办结' }).click();
    await field('办结情况').fill('制度已印发，护学岗已设立。');
    await page.getByRole('button', { name: '确认办结' }).click();
    await card.getByText('已办结').first().waitFor();

    await card.getByRole('button', { name: '评价' }).click();
    await page.getByRole('radiogroup', { name: '评价等次' }).getByRole('radio', { name: '差', exact: true }).click();
    await field('效果说明').fill('上下学时段校门口仍然拥堵，护学岗形同虚设。');
    await choose(field('评价人'), '王建国');
    await shot('followup-evaluate');
    await page.getByRole('button', { name: '保存评价' }).click();
    await page.getByTestId('correction-opened').waitFor();
    await shot('followup-correction-opened');
    await page.getByRole('button', { name: '查看修正议题' }).click();
    await page.getByRole('heading', { name: /关于修正/ }).waitFor();
    await shot('correction-item');
  });

  it('the dashboard shows where everything stands', async () => {
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.locator('[data-stage="consult"] .count').waitFor();
    const status = dispatch(h.ledger, 'loop.status', { orgId: 1 });
    expect(status.ok).toBe(true);
    const stages = (status as { ok: true; value: { stages: { key: string; count: number }[] } }).value.stages;
    for (const s of stages) {
      await expect(page.locator(`[data-stage="${s.key}"] .count`).textContent(), s.key).resolves.toBe(String(s.count));
    }
    const count = (key: string) => stages.find((s) => s.key === key)!.count;
    // The 修正 item waits for consultation; the original item has left the 已列入议程 stage.
    expect(count('consult')).toBe(1);
    expect(count('scheduled')).toBe(0);
    expect(count('ready')).toBe(0);
    await shot('dashboard-after-loop');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('dashboard-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(h.pageErrors).toEqual([]);
  });
});

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}
