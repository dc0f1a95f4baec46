// 临时处置 (R14) through the UI: the 书记 records an emergency action when the 党组织会议 cannot
// meet (anyone else is refused beside the field); it stays flagged until it is reported as an
// item of the body's next meeting, where 会议模式 hears it. Screenshots: emergency-*.png, 1366×768.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, fieldOf, openUi } from './meetings-ui';
import { confirm } from './page-helpers';

type Ui = Awaited<ReturnType<typeof openUi>>;
let ui: Ui;
let page: Page;
let field: ReturnType<typeof fieldOf>;
let s: Awaited<ReturnType<Ui['school']>>;
const ACTION = '全校停课一天，学生居家线上学习，后勤人员留校值守';

beforeAll(async () => {
  ui = await openUi('emergency', '2026-03-21T20:00:00');
  page = ui.page;
  field = fieldOf(page);
  s = await ui.school();
});

afterAll(async () => {
  await ui?.h.close();
});

describe('临时处置 (R14)', () => {
  it('R14: only the 书记 acts for the 党组织会议; the action is flagged 待通报', async () => {
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: '会议', exact: true }).waitFor();
    await page.keyboard.press('Alt+e');
    await page.getByRole('heading', { name: '临时处置', exact: true }).waitFor();
    await choose(field('议事机构'), '党委会议');
    await choose(field('处置人'), '李明华');
    await field('处置时间').fill('2026-03-21T20:00');
    await field('不能召开会议的原因').fill('暴雨红色预警，班子成员无法到校');
    await field('处置内容').fill(ACTION);
    await page.getByRole('button', { name: '登记临时处置' }).click();
    const refusal = page.locator('.field.has-error', { hasText: '处置人' });
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain('书记');
    await ui.shot('wrong-actor');
    await choose(field('处置人'), '王建国');
    await page.getByRole('button', { name: '登记临时处置' }).click();
    const card = page.locator('[data-emergency]', { hasText: ACTION });
    await card.locator('[data-status="open"]').waitFor();
    await page.getByRole('tab', { name: /临时处置（1项待通报）/ }).waitFor();
    await card.getByText('还没有党委会议的后续会议').waitFor();
    await ui.shot('open');
  });

  it('R14: it goes on the next 党组织会议 and is heard there in 会议模式', async () => {
    await ui.h.setNow('2026-03-23T09:00:00');
    const { meetingId } = await ui.ledger('meetings.create', {
      bodyId: s.body('party_committee'),
      startsAt: '2026-03-27T14:30',
      place: '行政楼三楼会议室',
      hostId: s.person('王建国'),
      recorderId: s.person('吴秘书'),
    });
    // Reload the register so the new meeting can be chosen.
    await page.getByRole('tab', { name: /^会议/ }).click();
    await page.getByRole('tab', { name: /临时处置/ }).click();
    const card = page.locator('[data-emergency]', { hasText: ACTION });
    await choose(card.getByLabel('在哪次会议上通报'), '2026年第1次党委会议');
    await card.getByRole('button', { name: '列入议程通报' }).click();
    await card.locator('[data-status="scheduled"]').waitFor();
    await ui.shot('scheduled');

    await ui.h.setNow('2026-03-27T14:30:00');
    await card.getByRole('button', { name: '2026年第1次党委会议' }).click();
    await page.getByRole('heading', { name: '2026年第1次党委会议' }).waitFor();
    await page.keyboard.press('Alt+m');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor();
    await page.getByRole('radiogroup', { name: '孙红的出席情况' }).getByRole('radio', { name: /缺席/ }).click();
    await page.getByRole('button', { name: /保存签到/ }).click();
    await page.getByText('应到7人，签到出席6人').waitFor();
    await page.getByRole('button', { name: '王建国（书记）确认议程' }).click();
    await page.getByRole('button', { name: '王建国（书记）确认议程' }).waitFor({ state: 'detached' });
    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('1');
    await page.getByRole('heading', { name: /^听取临时处置通报/ }).waitFor();
    await page.getByText('暴雨红色预警，班子成员无法到校').first().waitFor();
    await ui.shot('heard-in-meeting');
    await page.getByRole('button', { name: '已通报，予以追认' }).click();
    await page.getByText('已听取：会议听取了临时处置情况的通报，予以追认。').waitFor();
    const list = await ui.ledger('emergency.list', { orgId: s.orgId });
    expect(list.map((e) => [e.status, e.flagged, e.reportedAt?.meetingId])).toEqual([['reported', false, meetingId]]);

    await page.locator('.mode-bar h1').focus();
    await page.keyboard.press('Escape');
    await confirm(page, '退出会议模式');
    await page.getByRole('dialog', { name: '会议模式' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: '临时处置', exact: true }).waitFor();
    await page.locator('[data-emergency]', { hasText: ACTION }).locator('[data-status="reported"]').waitFor();
    await page.getByRole('tab', { name: '临时处置' }).waitFor();
    await ui.shot('reported');
    expect(ui.h.pageErrors).toEqual([]);
  });
});
