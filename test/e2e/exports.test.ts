// Exports through the UI: the built renderer in Debian's Chromium on a real SQLite file. The
// secretary exports the 纪要 (PDF, Word, 打印), the 会议记录, the 会议材料 (通知, 签到表, a
// secret 表决票) and the year's 台账 (Excel); each shows 生成 → 排版 → 保存 and ends with 打开文件 /
// 打开所在文件夹. The saved files are checked as files: pdftotext, pdffonts, LibreOffice, exceljs.
// Screenshots (1366×768) go to artifacts/screenshots/exports/, first pages of the PDFs to artifacts/exports/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type ChannelName, type InputOf, type OutputOf, type Result } from '../../db/api';
import { LEDGER_COLUMNS } from '../../db/documents/xlsx';
import { pdfFonts, pdfPngs, pdfText, tempDir } from '../support/chromium';
import { decidedMeeting, DEFAULT_TOPICS } from '../support/decided';
import { startHarness, type Harness } from '../support/harness';
import type { TestLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import { libreOfficePdf } from '../support/libreoffice';

const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/exports', import.meta.url));
const PAGES = fileURLToPath(new URL('../../artifacts/exports', import.meta.url));
const BALLOT_TOPIC = '关于评选2026年度优秀教师的议题';
const MEMBERS = ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红'];

let h: Harness;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The ledger behind the page, driven through dispatch like the tests' freshLedger. */
function ledgerOf(harness: Harness): TestLedger {
  const call = <C extends ChannelName>(channel: C, input: InputOf<C>) => JSON.parse(JSON.stringify(dispatch(harness.ledger, channel, input))) as Result<OutputOf<C>>;
  return {
    ledger: harness.ledger,
    file: '',
    setNow: (iso) => void harness.setNow(iso),
    call,
    ok(channel, input) {
      const r = call(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    },
    snapshot: () => ({}),
  };
}

/** Click an export button in a panel, wait for the step line to end, return the saved file. */
async function exportFrom(panel: ReturnType<Page['locator']>, button: string, opts: { shotName?: string } = {}): Promise<string> {
  const before = h.hostCalls.length;
  await panel.getByRole('button', { name: button, exact: true }).click();
  const progress = panel.getByTestId('export-progress');
  await progress.and(page.locator('[data-status="saved"]')).waitFor();
  // The step line ended with every step done: 生成 → 排版 → 保存.
  await expect(progress.locator('.export-steps li.done').count()).resolves.toBe(3);
  const file = (await progress.getByTestId('saved-path').textContent())!;
  expect(fs.existsSync(file), file).toBe(true);
  if (opts.shotName) {
    await progress.scrollIntoViewIfNeeded();
    await shot(opts.shotName);
  }
  await progress.getByRole('button', { name: '打开文件' }).click();
  await progress.getByRole('button', { name: '打开所在文件夹' }).click();
  await expect.poll(() => h.hostCalls.slice(before).map((c) => `${c.method}:${c.arg}`)).toEqual(
    expect.arrayContaining([`openPath:${file}`, `showInFolder:${file}`]),
  );
  return file;
}

/** First page of a PDF as a PNG (60 dpi), for people to look at. */
function firstPagePng(file: string, name: string): string {
  const [png] = pdfPngs(file, path.join(PAGES, name), 60);
  expect(png && fs.statSync(png).size).toBeGreaterThan(2000);
  return png!;
}

function expectFontsEmbedded(file: string): void {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.emb).map((f) => f.name)).toEqual([]);
  // The bundled fonts, never a system substitute: the harness runs Chromium in zh-CN, where Linux
  // hands out Noto CJK for "SimHei"/"SimSun" (CFF outlines, embedded as slow Type 3 fonts).
  expect(fonts.filter((f) => f.type === 'Type 3').map((f) => f.name)).toEqual([]);
}

/** LibreOffice opens the Word file and prints it; the text must survive. */
const docxViaLibreOffice = (file: string): string => pdfText(libreOfficePdf(file, tempDir('yishi-lo-')));

const squash = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  for (const dir of [SHOTS, PAGES]) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 } });
  page = h.page;
  page.setDefaultTimeout(15_000);
  // The record the exports are made from, entered through the contract (the loop e2e enters it by hand).
  const t = ledgerOf(h);
  const school = setupSchool(t);
  const { decided } = decidedMeeting(t, school);
  t.ok('followups.create', { decisionId: decided[0]!.decisionId, task: '完成隐患排查整改', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-04-30' });
  t.ok('followups.waive', { decisionId: decided[1]!.decisionId, reason: '属常规工作，纳入德育处学期计划' });
  // The next meeting, planned, with a topic to be voted by secret ballot.
  await h.setNow('2026-04-03T09:00:00');
  const { id: itemId } = t.ok('items.create', { orgId: school.orgId, title: BALLOT_TOPIC, matterId: school.matter('D1'), proposerId: school.person('张丽'), leaderId: school.person('张丽'), materialsReadyAt: '2026-04-05' });
  t.ok('consultations.record', {
    itemId,
    date: '2026-04-02',
    form: '当面',
    stances: [
      { personId: school.person('王建国'), role: '书记', stance: '同意' },
      { personId: school.person('李明华'), role: '校长', stance: '同意' },
    ],
  });
  const { meetingId } = t.ok('meetings.create', { bodyId: school.body('party_committee'), startsAt: '2026-04-08T15:00', place: '学校第一会议室', hostId: school.person('王建国'), recorderId: school.person('吴秘书') });
  t.ok('meetings.addItem', { meetingId, itemId, presenterId: school.person('张丽') });
  await page.reload();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}, 60_000);

afterAll(async () => {
  await h?.close();
});

const nav = (label: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: new RegExp(`^${label}`) }).click();

describe('exports from the UI', () => {
  it('会议纪要 PDF: generated, laid out, saved; fonts embedded; opened', async () => {
    await nav('纪要');
    await page.getByRole('row', { name: /2026年第1次党委会议/ }).getByRole('button', { name: '打开纪要' }).click();
    await page.getByRole('button', { name: '生成会议纪要' }).click();
    const panel = page.getByRole('region', { name: '导出与打印' });
    await panel.waitFor();
    await shot('01-minutes-export-panel');
    const pdf = await exportFrom(panel, '导出 PDF', { shotName: '02-minutes-pdf-saved' });
    expect(path.basename(pdf)).toBe('2026年第1次党委会议纪要（草稿）.pdf');
    const text = squash(pdfText(pdf));
    expect(text).toMatch(/青山县第一中学.+会议纪要/);
    for (const d of DEFAULT_TOPICS) expect(text).toContain(squash(d.text));
    expect(text).toContain('出席');
    expectFontsEmbedded(pdf);
    firstPagePng(pdf, 'minutes');
  });

  it('会议纪要 Word: LibreOffice keeps every decision', async () => {
    const panel = page.getByRole('region', { name: '导出与打印' });
    const docx = await exportFrom(panel, 'Word（.docx）');
    expect(path.basename(docx)).toBe('2026年第1次党委会议纪要（草稿）.docx');
    const text = squash(docxViaLibreOffice(docx));
    for (const d of DEFAULT_TOPICS) expect(text).toContain(squash(d.text));
    expect(text).toContain('总务处');
  }, 180_000);

  it('打印 goes to the shell; the 会议记录 PDF and Word are saved', async () => {
    const panel = page.getByRole('region', { name: '导出与打印' });
    await panel.getByRole('button', { name: '打印', exact: true }).click();
    await panel.getByTestId('export-progress').and(page.locator('[data-status="printed"]')).waitFor();
    expect(h.hostCalls.some((c) => c.method === 'print')).toBe(true);
    const record = await exportFrom(panel, '记录 PDF');
    expect(path.basename(record)).toBe('2026年第1次党委会议记录.pdf');
    const text = squash(pdfText(record));
    expect(text).toContain('举手');
    expectFontsEmbedded(record);
    firstPagePng(record, 'record');
    const recordWord = await exportFrom(panel, '记录 Word');
    expect(path.basename(recordWord)).toBe('2026年第1次党委会议记录.docx');
  });

  it('会议材料: 通知 with the R3 lead time, 签到表 with every member', async () => {
    await nav('会议');
    await page.getByRole('button', { name: '2026年第2次党委会议' }).click();
    await page.getByRole('heading', { name: '2026年第2次党委会议' }).waitFor();
    const panel = page.locator('details.export-materials');
    await panel.locator('summary').click();
    await shot('03-meeting-materials');
    const notice = await exportFrom(panel, '通知 PDF');
    expect(path.basename(notice)).toBe('2026年第2次党委会议通知.pdf');
    await expect(panel.getByTestId('notice-lead-time').textContent()).resolves.toContain('材料应于2026年4月7日前送达（会前1天）');
    const text = squash(pdfText(notice));
    expect(text).toContain('关于召开2026年第2次党委会议的通知');
    expect(text).toContain(`${BALLOT_TOPIC}（汇报人：张丽）`);
    expect(text).toContain('议题材料请于2026年4月7日前送达参会人员');
    expectFontsEmbedded(notice);
    firstPagePng(notice, 'notice');

    const signIn = await exportFrom(panel, '签到表 PDF');
    const signText = pdfText(signIn);
    for (const name of MEMBERS) expect(signText).toContain(name);
    expect(signText).toContain('本人签名');
    expectFontsEmbedded(signIn);
    firstPagePng(signIn, 'signin');
  });

  it('R10: a secret 表决票 PDF has no name line and no member names', async () => {
    const panel = page.locator('details.export-materials');
    await panel.getByRole('combobox', { name: '第1项表决票类型' }).selectOption('无记名投票');
    const ballot = await exportFrom(panel, '表决票 PDF', { shotName: '04-ballot-saved' });
    expect(path.basename(ballot)).toBe('2026年第2次党委会议表决票（第1项·无记名）.pdf');
    const text = pdfText(ballot);
    expect(squash(text)).toContain(BALLOT_TOPIC);
    expect(text).toContain('无记名投票');
    expect(text).not.toContain('表决人');
    expect(text).not.toContain('签名');
    for (const name of MEMBERS) expect(text).not.toContain(name);
    // One sheet per voting member.
    expect(text.split('\f').filter((p) => p.trim()).length).toBe(7);
    expectFontsEmbedded(ballot);
    firstPagePng(ballot, 'ballot-secret');
  });

  it('台账 Excel: the saved workbook has the year’s decisions', async () => {
    await nav('台账');
    await page.getByRole('heading', { name: '台账', exact: true }).waitFor();
    const button = page.getByRole('button', { name: '导出 Excel' });
    const before = h.hostCalls.length;
    await button.click();
    const progress = page.getByTestId('export-progress');
    await progress.and(page.locator('[data-status="saved"]')).waitFor();
    await shot('05-ledger-xlsx-saved');
    const file = (await progress.getByTestId('saved-path').textContent())!;
    expect(path.basename(file)).toBe('青山县第一中学2026年议事决策台账.xlsx');
    await progress.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(() => h.hostCalls.slice(before).some((c) => c.method === 'showInFolder' && c.arg === file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('议事决策台账')!;
    const col = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1;
    const decisions: string[] = [];
    const statuses: string[] = [];
    // Row 1: the title; row 2: the header.
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      decisions.push(String(row.getCell(col('决定事项')).value ?? ''));
      statuses.push(String(row.getCell(col('状态')).value ?? ''));
    });
    expect(decisions).toEqual([`第1项：${DEFAULT_TOPICS[0]!.text}`, `第2项：${DEFAULT_TOPICS[1]!.text}`]);
    // R18: a decision with 无需督办 has nothing left to evaluate: its loop is closed.
    expect(statuses).toEqual(['督办中', '已闭环']);
  });

  it('no page errors along the way', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
