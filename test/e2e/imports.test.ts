// 历史台账导入 as the secretary meets it at 1366×768 in Chromium: 设置 → 历史台账导入, the file
// chosen through the shell's file-open (.xlsx only), a bad row shown at its row with the 导入
// button held back, the corrected file read clean, then 导入 behind the confirm dialog; the
// same file again is refused politely. Screenshots: artifacts/screenshots/import-NN-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { setupSchool } from '../support/school';
import type { TestLedger } from '../support/ledger';

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-import-')), '2025年党委会议台账.xlsx');
async function writeSheet(badDate: boolean) {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('2025年');
  a.addRow(['序号', '开会日期', '议题', '会议决定', '责任部门', '负责人', '完成时间', '落实情况']);
  a.addRow([1, '2025年9月12日', '关于开展校园安全隐患排查整治的议题', '同意开展排查整治，由总务处牵头。', '总务处', '陈志强', '2025.10.31', '已完成']);
  a.addRow([2, badDate ? '2025.9.40' : '2025.9.26', '关于加强学生思想政治工作的议题', '原则同意实施方案。', '德育处', '刘芳', '2025.12.31', '推进中']);
  a.addRow([3, '2025.10.8', '关于调整作息时间的议题', '同意调整。']);
  await wb.xlsx.writeFile(file);
}

let h: Harness;
let page: Page;
let shot: Shot;
let t: TestLedger;
let school: ReturnType<typeof setupSchool>;

beforeAll(async () => {
  await writeSheet(true);
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 }, openFile: file });
  page = h.page;
  shot = screenshots('import-', page, 250);
  page.setDefaultTimeout(10_000);
  t = asTestLedger(h);
  school = setupSchool(t);
  await page.reload();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('设置 → 历史台账导入', () => {
  it('a bad row is shown at its row and holds 导入 back; the corrected file imports after the confirm dialog', async () => {
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: '设置', exact: true }).waitFor();
    await page.getByRole('tab', { name: '历史台账导入' }).click();
    await page.getByRole('button', { name: '选择Excel文件…' }).click();
    const bad = page.locator('tr.import-bad');
    await bad.getByText('没有2025年9月40日这一天').waitFor();
    await expect(bad.locator('td').nth(1).textContent()).resolves.toBe('第3行');
    await expect(page.getByRole('button', { name: '导入', exact: true }).isDisabled()).resolves.toBe(true);
    await shot('problems');

    await writeSheet(false);
    await page.getByRole('button', { name: '选择Excel文件…' }).click();
    await page.getByText('没有发现问题').waitFor();
    await expect(page.locator('tr.import-bad').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('将把「2025年党委会议台账.xlsx」的3项决定事项作为历史记录写入台账').waitFor();
    await shot('confirm');
    await dialog.getByRole('button', { name: '导入' }).click();
    await page.getByText('已导入3项决定事项（3次会议，2项督办），均标注为历史导入。').waitFor();
    await shot('done');
    expect(h.hostCalls.filter((c) => c.method === 'openFile')).toHaveLength(2);
    // No English, ids or JSON in the panel (Excel is the program's own name, as the app says elsewhere).
    const panel = (await page.getByRole('tabpanel').innerText()).replaceAll('Excel', '');
    expect(panel).not.toMatch(/[A-Za-z]{3,}|\{"/);

    // The same file again: read, and refused politely with when it was imported.
    await page.getByRole('button', { name: '选择Excel文件…' }).click();
    await page.getByText('没有发现问题').waitFor();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '导入' }).click();
    await page.getByText(/这个文件已于2026年3月20日.*导入（3项决定事项），不需要再导入。/).waitFor();
    await shot('again');
  }, 60_000);

  it('撤销导入 takes the whole import back after the confirm dialog; the list then says when', async () => {
    const before = t.ok('imports.list', { orgId: school.orgId });
    expect(before[0]!.undoRefusal).toBeNull();
    await page.getByRole('button', { name: '撤销导入…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('将移除「2025年党委会议台账」导入的全部记录（3项决定事项及其会议、议题和督办）').waitFor();
    await shot('undo-confirm');
    await dialog.getByRole('button', { name: '撤销导入' }).click();
    await page.getByText('已撤销「2025年党委会议台账.xlsx」的导入，移除了3项决定事项（3次会议，2项督办）。').waitFor();
    await page.locator('[data-import="2025年党委会议台账"]').getByText(/^已于2026年3月20日.*撤销$/).waitFor();
    await shot('undone');
    expect(await page.locator('section[aria-label="导入记录"]').innerText()).not.toMatch(/[A-Za-z]{3,}|\{"/);
    expect(t.ledger.sqlite.prepare('SELECT count(*) AS n FROM decisions').get()).toEqual({ n: 0 });
    expect(h.pageErrors).toEqual([]);
  });

  it('列的对应: a sheet whose 决定事项 header the app does not know; the secretary chooses the column, and the rows read', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('台账');
    a.addRow(['开会日期', '议题', '研究情况', '部门', '完成时间']);
    a.addRow(['2025.11.6', '关于食堂承包合同续签的议题', '同意续签一年。', '总务处', '2025.12.31']);
    await wb.xlsx.writeFile(file);
    await page.getByRole('button', { name: '选择Excel文件…' }).click();
    await page.getByText('没有找到「决定事项」列，请在“列的对应”中选择').waitFor();
    await expect(page.getByRole('button', { name: '导入', exact: true }).isDisabled()).resolves.toBe(true);
    await shot('mapping-guess');
    await page.getByRole('combobox', { name: '「台账」中的决定事项' }).selectOption({ label: '研究情况' });
    await page.getByRole('combobox', { name: '「台账」中的承办部门' }).selectOption({ label: '部门' });
    await page.getByText('没有发现问题').waitFor();
    await page.getByRole('cell', { name: '同意续签一年。' }).waitFor();
    await shot('mapping-chosen');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '导入' }).click();
    await page.getByText('已导入1项决定事项（1次会议，1项督办），均标注为历史导入。').waitFor();
    expect(h.pageErrors).toEqual([]);
  });

  it('a large sheet (10,000 rows): a progress bar while it is read and checked, saying nothing is written yet', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('台账');
    a.addRow(['会议日期', '议题名称', '决定事项', '承办部门', '完成时限']);
    for (let i = 0; i < 10_000; i += 1) a.addRow([`2024.${(i % 12) + 1}.${(i % 27) + 1}`, `关于第${i + 1}项工作的议题`, `同意第${i + 1}项工作方案。`, '办公室', '2024.12.31']);
    await wb.xlsx.writeFile(file);
    await page.getByRole('button', { name: '选择Excel文件…' }).click();
    const status = page.getByRole('status').filter({ hasText: '正在读取「2025年党委会议台账.xlsx」并逐行检查，还没有写入任何记录' });
    await status.waitFor();
    await expect(status.locator('progress').count()).resolves.toBe(1);
    await shot('large-reading', 0);
    await page.getByText('共10000行，10000行可以导入').waitFor({ timeout: 60_000 });
    await expect(status.count()).resolves.toBe(0);
    expect(h.pageErrors).toEqual([]);
  }, 90_000);
});
