// 设置 → 文书 through the UI: the committee meeting's name (named by the party kind, renamed
// here), the school's own 纪要 heading, 印发机关 and 抄送; each change audited, a bad heading
// refused in Chinese at its field, and the 会议 page naming the body as the school does.
// Screenshots: artifacts/screenshots/docsettings-*.png.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness';
import { openUi } from './meetings-ui';
import { byLabel } from './page-helpers';

let h: Harness;
let page: Page;
let ui: Awaited<ReturnType<typeof openUi>>;
let orgId: number;

const field = (label: string, scope: Page | Locator = page) => byLabel(scope, label);
const nav = (label: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();
const audited = (channel: string) =>
  (h.ledger.sqlite.prepare('SELECT summary FROM audit_log WHERE channel = ? ORDER BY id').all(channel) as { summary: string }[]).map((r) => r.summary);

beforeAll(async () => {
  ui = await openUi('docsettings', '2026-03-20T09:00:00');
  ({ h, page } = ui);
  ({ orgId } = await ui.school());
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe('设置 → 文书', () => {
  it('shows the committee by its type (党委会议) and the usual heading and 印发机关 as placeholders', async () => {
    await nav('设置');
    await page.getByRole('tab', { name: '文书' }).click();
    const name = page.getByRole('form', { name: '会议名称' });
    await expect(field('党组织的委员会会议', name).inputValue()).resolves.toBe('党委会议');
    const papers = page.getByRole('form', { name: '纪要与版记' });
    await expect(field('纪要标题', papers).getAttribute('placeholder')).resolves.toBe('中共青山县第一中学委员会会议纪要');
    await expect(field('印发机关', papers).getAttribute('placeholder')).resolves.toBe('中共青山县第一中学委员会办公室');
    await ui.shot('documents-tab');
  });

  it('renames the committee (audited); the 会议 page follows', async () => {
    const name = page.getByRole('form', { name: '会议名称' });
    await field('党组织的委员会会议', name).fill('党委会');
    await name.getByRole('button', { name: '保存会议名称' }).click();
    await page.getByText('会议名称已改为「党委会」').waitFor();
    expect(audited('bodies.rename')).toHaveLength(1);
    await nav('会议');
    await page.getByText('党委会 · 校长办公会议').waitFor();
  });

  it('refuses a heading that is not a 纪要 heading, at its field, and saves the school’s own forms (audited)', async () => {
    await nav('设置');
    await page.getByRole('tab', { name: '文书' }).click();
    const papers = page.getByRole('form', { name: '纪要与版记' });
    await field('纪要标题', papers).fill('青山县第一中学党委会议');
    await papers.getByRole('button', { name: '保存文书设置' }).click();
    await papers.getByText('「纪要标题」应以“纪要”结尾').waitFor();
    expect(audited('org.setDocumentNames')).toHaveLength(0);
    await field('纪要标题', papers).fill('青山县第一中学党委会议纪要');
    await field('抄送', papers).fill('县委教育工委、县教育局');
    await papers.getByRole('button', { name: '保存文书设置' }).click();
    await page.getByText('文书设置已保存').waitFor();
    await ui.shot('documents-saved');
    expect(audited('org.setDocumentNames')).toHaveLength(1);
    const names = await ui.ledger('org.documentNames', { orgId });
    expect(names.own).toEqual({ minutesHeading: '青山县第一中学党委会议纪要', issuingOffice: null, copyTo: '县委教育工委、县教育局' });
    expect(h.pageErrors).toEqual([]);
  });
});
