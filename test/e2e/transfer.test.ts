// 设置 → 拆分与合并 at 1366×768 in Chromium: a campus of a 集团 ledger previewed (counts per kind),
// saved through the shell's save dialog (.sqlite only) behind a confirm dialog, the result read;
// then that school file chosen through the shell's open dialog, previewed after its check and
// merged under the 集团党委; the same file again is refused. The ledger file is checked too.
// 拆分/合并 run in the shell's worker thread (the bundled worker), the split held at one phase to
// show its progress bar. Screenshots: artifacts/screenshots/transfer-NN-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshots, type Shot } from '../support/screenshots';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { DEMO_SCHOOL } from '../support/school';
import { signedMeeting } from '../trust/fixture';
import { bundleTransferWorker } from '../../bench/transfer';

const EAST = '青山县第一中学东校区';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-transfer-'));
const exportsDir = path.join(dir, 'exports');
const schoolFile = path.join(exportsDir, `${EAST}台账.sqlite`);

const hold = new SharedArrayBuffer(4);
let h: Harness;
let page: Page;
let shot: Shot;

beforeAll(async () => {
  // As the app runs them: in the worker thread, held at one phase of the split for a screenshot of its progress.
  const worker = await bundleTransferWorker(path.join(dir, 'transfer-worker.cjs'));
  h = await startHarness({
    now: '2026-03-20T09:00:00',
    ledgerFile: path.join(dir, 'ledger.sqlite'),
    exportsDir,
    openLedgerFile: schoolFile,
    transferWorker: { file: worker, hold: { phase: '核验存证', flag: hold } },
  });
  page = h.page;
  shot = screenshots('transfer-', page, 250);
  page.setDefaultTimeout(15_000);
  const t = asTestLedger(h);
  const { orgId: groupId } = t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山县第一中学教育集团' });
  const { orgId: eastId } = t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name: EAST, partyKind: '党支部', parentId: groupId });
  t.ok('orgs.use', { orgId: eastId });
  const overview = t.ok('org.get', {})!;
  const east = {
    orgId: eastId,
    overview,
    person: (name: string) => overview.persons.find((p) => p.name === name && p.orgId === eastId)!.id,
    body: (kind: string) => overview.bodies.find((b) => b.kind === kind)!.id,
    matter: (code: string) => t.ok('matters.list', { orgId: eastId }).find((m) => m.code === code)!.id,
  };
  signedMeeting(t, east, 2);
  h.ledger.orgId = null;
  await page.reload();
  await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
});

afterAll(async () => {
  await h?.close();
});

describe('设置 → 拆分与合并', () => {
  it('splits a campus into its own file after a preview and a confirm, then merges that file back under the 集团党委, once', async () => {
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: '设置', exact: true }).waitFor();
    await page.getByRole('tab', { name: '拆分与合并' }).click();
    await page.getByLabel('要拆分的组织').selectOption({ label: `${EAST}（青山县第一中学教育集团）` });
    await page.getByRole('button', { name: '预览拆分' }).click();
    const table = page.getByRole('table', { name: '将写入新台账的记录' });
    await table.getByRole('row', { name: /会议\s+1/ }).waitFor();
    await shot('split-preview');
    await page.getByRole('button', { name: '选择保存位置并拆分…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(`将把「${EAST}」写入新的台账文件`).waitFor();
    await dialog.getByRole('button', { name: '拆分' }).click();
    // The window keeps answering while the worker runs; the phases show as a bar, in words.
    await dialog.getByRole('status', { name: '拆分进度' }).getByText('正在拆分：核验存证（第5步，共6步）').waitFor();
    await shot('split-progress');
    // Closing the dialog leaves it running: the bar moves onto the page.
    await dialog.getByRole('button', { name: '在后台继续' }).click();
    await page.getByRole('status', { name: '拆分进度' }).getByText('正在拆分：核验存证').waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await shot('split-background');
    Atomics.store(new Int32Array(hold), 0, 1);
    Atomics.notify(new Int32Array(hold), 0);
    const result = page.getByRole('status', { name: '拆分结果' });
    await result.getByText('新台账已通过核验，原台账没有改动').waitFor();
    await shot('split-done');
    expect(fs.existsSync(schoolFile)).toBe(true);
    const panel = (await page.getByRole('tabpanel').innerText()).replace(schoolFile, '');
    expect(panel).not.toMatch(/[A-Za-z]{3,}|\{"/);

    await page.getByRole('button', { name: '选择学校台账文件…' }).click();
    const merge = page.getByRole('table', { name: '将并入的记录' });
    await merge.getByRole('row', { name: /会议\s+1/ }).waitFor();
    await shot('merge-preview');
    await page.getByRole('button', { name: '并入', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '并入' }).click();
    await page.getByRole('status', { name: '合并结果' }).getByText(`已将「${EAST}」并入「青山县第一中学教育集团」`).waitFor();
    await shot('merge-done');
    expect(h.hostCalls.filter((c) => c.method === 'chooseLedgerFile')).toHaveLength(2);

    // The same file again: refused with the reason, before any preview.
    await page.getByRole('button', { name: '选择学校台账文件…' }).click();
    await page.getByText('这个学校的台账已经并入过本台账，不能重复合并。').waitFor();
    await shot('merge-again');
    expect(h.pageErrors).toEqual([]);
  }, 90_000);
});
