// 会议纪要 revisions through the UI (R16): edit the draft's wording, 签发 (locks it), then a 勘误
// makes a new linked revision with its reason; the signed original stays readable and unchanged.
// The meeting itself is held through window.ledger (会议模式 has its own test).
// Screenshots: artifacts/screenshots/revision-*.png at 1366×768.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fieldOf, openUi } from './meetings-ui';
import { confirm } from './page-helpers';

type Ui = Awaited<ReturnType<typeof openUi>>;
let ui: Ui;
let page: Page;
let field: ReturnType<typeof fieldOf>;
let meetingId: number;
const ITEM = '关于调整学校作息时间的议题';
const preview = () => page.frameLocator('iframe[title="会议纪要预览"]');

beforeAll(async () => {
  ui = await openUi('revision', '2026-03-20T09:00:00');
  page = ui.page;
  field = fieldOf(page);
  const s = await ui.school();
  const itemId = await ui.readyItem(s, 'D1', ITEM, '冬季作息调整为早八点到校。');
  const host = s.person('王建国');
  ({ meetingId } = await ui.ledger('meetings.create', { bodyId: s.body('party_committee'), startsAt: '2026-03-25T14:30', place: '学校会议室', hostId: host, recorderId: s.person('吴秘书') }));
  const { entryId } = await ui.ledger('meetings.addItem', { meetingId, itemId });
  await ui.ledger('meetings.confirmAgenda', { meetingId, personId: host });
  await ui.h.setNow('2026-03-25T14:30:00');
  await ui.ledger('meetings.setFirstTopic', { meetingId, content: '学习《中国共产党支部工作条例（试行）》' });
  const names = ['李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红', '王建国'];
  await ui.ledger('meetings.setAttendance', { meetingId, rows: names.map((n) => ({ personId: s.person(n), status: '出席' as const, reason: '', arrivesAt: null, leavesAfter: null })) });
  for (const n of names) await ui.ledger('entries.statement', { entryId, personId: s.person(n), stance: '同意' });
  await ui.ledger('entries.vote', { entryId, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意自4月1日起执行夏季作息时间。' });
  await ui.ledger('meetings.close', { meetingId });
});

afterAll(async () => {
  await ui?.h.close();
});

describe('纪要稿次与勘误 (R16)', () => {
  it('edits the draft wording before signing', async () => {
    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: '打开纪要' }).click();
    await page.getByRole('button', { name: '生成会议纪要' }).click();
    await preview().getByText('夏季作息时间').first().waitFor();
    const decision = page.getByLabel(/^决定事项1：/);
    await decision.fill('同意自2026年4月1日起执行夏季作息时间，由教务处通知全体师生。');
    await ui.shot('draft-wording');
    await page.getByRole('button', { name: '保存文字' }).click();
    await preview().getByText('由教务处通知全体师生').first().waitFor();
  });

  it('signs; the signed revision is locked and offers only a 勘误', async () => {
    await page.getByRole('button', { name: '签发纪要' }).click();
    await confirm(page, '确认签发');
    await page.getByText('已签发 · 已锁定').waitFor();
    await expect(page.getByRole('button', { name: '保存文字' }).count()).resolves.toBe(0);
    // The core refuses a wording change on the signed revision (R16), whatever the UI shows.
    const info = await ui.ledger('minutes.get', { meetingId });
    const refused = await page.evaluate(
      (id) => (window as unknown as { ledger: { call(c: string, i: unknown): Promise<{ ok: boolean }> } }).ledger.call('minutes.updateDraft', { minutesId: id, opening: '改动' }),
      info.revisions[0]!.id,
    );
    expect(refused.ok).toBe(false);
    await ui.shot('signed');
  });

  it('勘误 makes 第2稿 with the reason; 第1稿 stays readable and unchanged', async () => {
    await ui.h.setNow('2026-03-27T10:00:00');
    await page.getByRole('button', { name: '办理勘误…' }).click();
    // The reason is required: the refusal shows beside the field.
    await page.getByRole('button', { name: '建立勘误稿' }).click();
    await page.locator('.field.has-error', { hasText: '勘误理由' }).waitFor();
    await field('勘误理由').fill('执行日期应为4月7日（清明假期后）');
    await page.getByRole('button', { name: '建立勘误稿' }).click();
    await page.locator('[data-revision="2"]').getByText('草稿').waitFor();
    await page.getByLabel(/^决定事项1：/).fill('同意自2026年4月7日起执行夏季作息时间，由教务处通知全体师生。');
    await page.getByRole('button', { name: '保存文字' }).click();
    await preview().getByText('4月7日').first().waitFor();
    await page.getByRole('button', { name: '签发纪要' }).click();
    await confirm(page, '确认签发');
    await page.locator('[data-revision="2"]').getByText('已签发').waitFor();
    await ui.shot('revision-2-signed');

    await page.getByRole('button', { name: '查看第1稿' }).click();
    await preview().getByText('4月1日').first().waitFor();
    await expect(page.locator('[data-revision="1"]').textContent()).resolves.toContain('正在查看');
    await expect(preview().locator('body').textContent()).resolves.not.toContain('4月7日');
    await ui.shot('original-readable');

    const info = await ui.ledger('minutes.get', { meetingId });
    expect(info.revisions.map((r) => [r.revision, r.state, r.revisionReason])).toEqual([
      [2, 'signed', '执行日期应为4月7日（清明假期后）'],
      [1, 'signed', null],
    ]);
    expect(info.revisions[1]!.content.decisions[0]!.text).toContain('4月1日');
    expect(ui.h.pageErrors).toEqual([]);
  });
});
