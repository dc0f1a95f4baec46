// 区域统筹 end to end (J2): two schools make signed, sealed 报送包 through the core; the district
// ledger is opened in the page (as after the folder dialog), both schools are registered and a
// whole USB stick imported at once (both bundles, a copy of one, a tampered one): one result line
// per file, the tampered one refused first with the core's Chinese reason, the others in; the view
// shows both, sorts, compares them on a chart and drills into one school read-only.
// The district secretary makes the 汇总报告 (PDF), the 汇总表 (Excel) and one school's 检查表 from
// the screens, replaces a bundle by a corrected one (offered on the line of its refused import)
// after a confirmation that says what goes, and
// reads it all back in the 操作记录; the month trend draws one line per school.
// Real Chromium, real SQLite. Screenshots at 1366×768: artifacts/screenshots/district-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { dispatchDistrict } from '../../db/district/api';
import { flowText, pdfFonts, pdfInfo, pdfPngs } from '../support/chromium';
import { failures, sampleTexts } from '../support/contrast';
import { decidedMeeting } from '../support/decided';
import { startHarness, type Harness } from '../support/harness';
import { asTestLedger } from '../support/harness-ledger';
import { freshLedger, type TestLedger } from '../support/ledger';
import { screenshots, SHOTS, type Shot } from '../support/screenshots';
import { setupSchool } from '../support/school';

let h: Harness;
let page: Page;
let shot: Shot;
let a: TestLedger;
let b: TestLedger;
let orgA: number;
let orgB: number;
/** School B's key fingerprint and its corrected bundle, made while its ledger is open (freshLedger closes it after). */
let fpB: string;
let correctedB: string;

/** One signed meeting (its minutes signed the same evening), on the ledger's clock. */
function signedMeeting(t: TestLedger, school: ReturnType<typeof setupSchool>, startsAt: string) {
  const { meetingId, hostId } = decidedMeeting(t, school, { startsAt });
  const { minutesId } = t.ok('minutes.generate', { meetingId });
  t.setNow(`${startsAt.slice(0, 10)}T20:00:00`);
  t.ok('minutes.sign', { minutesId, personId: hostId });
}

beforeAll(async () => {
  h = await startHarness({ now: '2026-03-20T09:00:00', viewport: { width: 1366, height: 768 } });
  page = h.page;
  page.setDefaultTimeout(15_000);
  shot = screenshots('district-', page, 250);
  a = asTestLedger(h);
  const sa = setupSchool(a);
  orgA = sa.orgId;
  signedMeeting(a, sa, '2026-03-25T15:00');
  await h.setNow('2026-04-20T09:00:00');
}, 60_000);

/** The second school: a ledger of its own (freshLedger closes it after the test that made it). */
function secondSchool() {
  b = freshLedger('2026-03-20T09:00:00');
  const sb = setupSchool(b);
  orgB = sb.orgId;
  signedMeeting(b, sb, '2026-03-26T15:00');
  signedMeeting(b, sb, '2026-04-08T15:00');
  b.setNow('2026-04-20T09:00:00');
}

afterAll(async () => {
  await h?.close();
});

/** Click an export button, wait for 生成 → 排版 → 保存 to end, return the saved file. */
async function exportFrom(panel: Locator, button: string): Promise<string> {
  await panel.getByRole('button', { name: button, exact: true }).click();
  const progress = page.getByTestId('export-progress').and(page.locator('[data-status="saved"]'));
  await progress.waitFor();
  const file = (await progress.getByTestId('saved-path').textContent())!;
  expect(fs.existsSync(file), file).toBe(true);
  return file;
}

const flat = (x: string) => x.replace(/\s+/g, '');

const bundleFile = (name: string, base64: string) => {
  const file = path.join(h.exportsDir, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
};

describe('区域统筹', () => {
  it('opens a district ledger from the 区域统筹 screen', async () => {
    await page.getByRole('button', { name: /区域统筹/ }).click();
    await page.getByRole('button', { name: '打开或新建区域台账…' }).click();
    await page.getByRole('heading', { name: /区域统筹·/ }).waitFor();
    expect(h.district()).not.toBeNull();
    // A new district ledger says how to begin, with its first three cards on top.
    const start = page.getByRole('region', { name: '开始使用区域台账' });
    await start.waitFor();
    expect(await start.innerText()).toContain('登记学校');
    await shot('empty');
    // Its own name, for the papers (a new one starts as 区教育工委).
    const naming = page.getByRole('form', { name: '单位名称' });
    await naming.getByLabel('单位名称').fill('青山县教育工委');
    await naming.getByRole('button', { name: '保存名称' }).click();
    await page.getByRole('heading', { name: '区域统筹·青山县教育工委' }).waitFor();
  });

  it('registers two schools by fingerprint, imports the whole stick at once (a copy and a tampered file among them), and shows both', async () => {
    const d = h.district()!;
    // The key file as the district secretary saves it from the screen, handed to the schools.
    const info = (dispatchDistrict(d, 'district.info', {}) as { ok: true; value: { fingerprint: string } }).value;
    await page.getByTestId('district-key-fingerprint').getByText(info.fingerprint).waitFor();
    await page.getByRole('button', { name: '保存公钥文件…' }).click();
    await page.getByText('报送公钥文件已保存').waitFor();
    const keyCall = h.hostCalls.filter((c) => c.method === 'saveFile').at(-1)!;
    expect(keyCall.arg).toMatch(/报送公钥\.yishi-district-key$/);
    const key = fs.readFileSync(keyCall.arg, 'utf8');
    await shot('key-saved');
    secondSchool();
    const files: string[] = [];
    for (const [t, orgId, name, file] of [
      [a, orgA, '青山第一中学', 'a.yishi-bundle'],
      [b, orgB, '青山实验小学', 'b.yishi-bundle'],
    ] as const) {
      t.ok('report.setDistrictKey', { text: key });
      const fp = t.ok('report.key', {}).fingerprint;
      await page.getByLabel('学校名称').fill(name);
      await page.getByLabel('密钥指纹').fill(fp);
      await page.getByRole('button', { name: '登记', exact: true }).click();
      await page.getByRole('button', { name, exact: true }).waitFor();
      files.push(bundleFile(file, t.ok('report.make', { orgId, from: '2026-03-01', to: '2026-04-19', seal: true }).base64));
    }
    fpB = b.ok('report.key', {}).fingerprint;
    // A corrected bundle of the same period, made the next day (replaced later, from the screen).
    b.setNow('2026-04-21T09:00:00');
    correctedB = bundleFile('b2.yishi-bundle', b.ok('report.make', { orgId: orgB, from: '2026-03-01', to: '2026-04-19', seal: true }).base64);
    // The same bundle once more (already in), and one byte of the sealed data changed, as a
    // tamperer would: the cipher runs to the file's end (db/report/envelope.ts). (ASCII file names:
    // playwright's setInputFiles does not deliver a file named in Chinese here.)
    fs.copyFileSync(files[0]!, path.join(h.exportsDir, 'a-copy.yishi-bundle'));
    const tampered = fs.readFileSync(files[0]!);
    tampered[tampered.length - 100] ^= 1;
    fs.writeFileSync(path.join(h.exportsDir, 'tampered.yishi-bundle'), tampered);
    const picked = ['a.yishi-bundle', 'tampered.yishi-bundle', 'b.yishi-bundle', 'a-copy.yishi-bundle'].map((f) => path.join(h.exportsDir, f));
    await page.getByLabel('选择报送包（可多选）').setInputFiles(picked);
    const results = page.getByRole('region', { name: '导入结果' });
    await results.waitFor();
    expect(await results.getByText('导入4个：成功2个，已有1个，未通过1个').count()).toBe(1);
    const lines = await results.locator('li').allInnerTexts();
    expect(lines).toHaveLength(4);
    // Refused first, clearly marked, with the core's reason; then the one already in; then the new ones.
    expect(lines[0]).toContain('未通过');
    expect(lines[0]).toContain('tampered.yishi-bundle');
    expect(lines[0]!.replace('tampered.yishi-bundle', '')).toMatch(/[\u4e00-\u9fa5]{6}/);
    expect(lines[0]).toContain('无法解密');
    expect(lines[0]!.replace('tampered.yishi-bundle', '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(lines[1]).toContain('a-copy.yishi-bundle');
    expect(lines[1]).toContain('已经导入过，没有任何改动');
    expect(lines[2]).toContain('a.yishi-bundle');
    expect(lines[2]).toContain('已导入青山第一中学「');
    expect(lines[3]).toContain('b.yishi-bundle');
    expect(lines[3]).toContain('已导入青山实验小学「');
    // No 以更正包替换 for a tampered file: only a refusal for a covered period offers it.
    expect(await results.getByRole('button', { name: '以更正包替换…' }).count()).toBe(0);
    await results.scrollIntoViewIfNeeded();
    await shot('multi-import');
    // 大字: every text of the result list at 13 px or more, readable on its background.
    await page.evaluate(() => document.documentElement.classList.add('large-type'));
    const said = await results.innerText();
    const small = failures((await page.evaluate(sampleTexts)).filter((t) => said.includes(t.text)), 13);
    expect(small).toEqual([]);
    await results.scrollIntoViewIfNeeded();
    await shot('multi-import-large');
    await page.evaluate(() => document.documentElement.classList.remove('large-type'));
    const table = page.locator('table.district-table');
    await expect(table.locator('tbody tr').count()).resolves.toBe(2);
    const text = await table.innerText();
    expect(text).toContain('青山第一中学');
    expect(text).toContain('青山实验小学');
    expect(text).toContain('2026年3月1日至2026年4月19日');
    expect(text).not.toMatch(/[A-Za-z]{3,}|\{|\}/);
    await page.locator('[data-chart][data-rendered="true"]').first().waitFor();
    const series = JSON.parse((await page.locator('[data-chart]').first().getAttribute('data-series'))!) as Record<string, number[]>;
    expect(Object.values(series)[0]).toHaveLength(2);
    await page.getByRole('region', { name: '汇总报告' }).scrollIntoViewIfNeeded();
    await shot('two-schools');
  });

  it('sorts the table by an indicator and compares another on the chart', async () => {
    // The first click on an indicator sorts the most first.
    await page.getByRole('button', { name: /月均会议次数/ }).click();
    const first = await page.locator('table.district-table tbody tr').first().innerText();
    expect(first).toContain('青山实验小学');
    await page.getByLabel('比较的指标').selectOption({ label: '月均会议次数' });
    await page.locator('[data-chart="各校月均会议次数"][data-rendered="true"]').waitFor();
    await shot('sorted-compared');
  });

  it('draws each school month by month on the trend chart', async () => {
    const trend = page.locator('[data-chart="各校逐月月均会议次数"][data-rendered="true"]');
    await trend.waitFor();
    const series = JSON.parse((await trend.getAttribute('data-series'))!) as Record<string, number[]>;
    // 青山实验小学 met once in March and once in April; 青山第一中学 once in March.
    expect(series).toEqual({ 青山实验小学: [1, 1], 青山第一中学: [1, 0] });
    await page.getByLabel('趋势的指标').selectOption({ label: '纪要迟签（超过7天）' });
    await page.locator('[data-chart="各校逐月纪要迟签（超过7天）"][data-rendered="true"]').waitFor();
    await page.getByRole('region', { name: '逐月趋势' }).scrollIntoViewIfNeeded();
    await shot('trend');
  });

  it('makes the 汇总报告 as a PDF and the 汇总表 as an Excel workbook from the screen', async () => {
    const panel = page.getByRole('region', { name: '汇总报告' });
    await panel.scrollIntoViewIfNeeded();
    const pdf = await exportFrom(panel, '汇总报告 PDF');
    expect(path.basename(pdf)).toMatch(/各校议事决策情况汇总报告\.pdf$/);
    expect(pdfFonts(pdf).filter((f) => !f.emb)).toEqual([]);
    const text = flowText(pdf);
    for (const x of ['各校议事决策情况汇总报告', '统计期间：2026年3月1日至2026年4月19日', '青山第一中学', '青山实验小学', '需要关注的学校', '2026年4月20日']) expect(text, x).toContain(flat(x));
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    // The date never stands alone on the last page: the note goes with it.
    const pages = pdfInfo(pdf).pages;
    expect(flowText(pdf, { page: pages })).toContain('说明：');
    expect(flowText(pdf, { page: pages })).toContain('2026年4月20日');
    pdfPngs(pdf, path.join(SHOTS, 'district-e2e-summary'), 60);
    await shot('summary-saved');
    const xlsx = await exportFrom(panel, '汇总表 Excel');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('各校指标')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBe(3);
    const names = [ws.getRow(2).getCell(1).value, ws.getRow(3).getCell(1).value];
    expect(names.sort()).toEqual(['青山实验小学', '青山第一中学'].sort());
    expect(wb.getWorksheet('说明')).toBeTruthy();
  });

  it('says which file it is reading while the page stays usable; a tampered bundle is refused and the view stays as it was', async () => {
    // A slow USB stick: every district call waits 1.5 s (the page's own bridge, slowed in place).
    await page.evaluate(() => {
      const w = window as unknown as { __district: (...a: unknown[]) => Promise<unknown> };
      const real = w.__district;
      w.__district = async (...a) => (await new Promise((r) => setTimeout(r, 1500)), real(...a));
      (window as unknown as { __realDistrict: unknown }).__realDistrict = real;
    });
    await page.getByLabel('选择报送包（可多选）').setInputFiles(['a-copy.yishi-bundle', 'tampered.yishi-bundle'].map((f) => path.join(h.exportsDir, f)));
    const progress = page.getByRole('status').filter({ hasText: '正在导入' });
    await progress.getByText('正在导入第1个，共2个：a-copy.yishi-bundle…').waitFor();
    // Back to the top of the page, where the import card is.
    await page.evaluate(() => document.querySelectorAll('*').forEach((e) => (e.scrollTop = 0)));
    await shot('importing');
    // Still usable: the table sorts while the stick is read.
    await page.getByRole('button', { name: /^学校/ }).click();
    await page.locator('th[aria-sort="ascending"]').getByRole('button', { name: /^学校/ }).waitFor();
    await progress.getByText('正在导入第2个，共2个：tampered.yishi-bundle…').waitFor();
    const results = page.getByRole('region', { name: '导入结果' });
    await results.getByText('导入2个：成功0个，已有1个，未通过1个').waitFor();
    expect(await progress.count()).toBe(0);
    await page.evaluate(() => {
      const w = window as unknown as { __district: unknown; __realDistrict: unknown };
      w.__district = w.__realDistrict;
    });
    const line = await results.locator('li.refused').innerText();
    expect(line).toMatch(/未通过[\s\S]*tampered\.yishi-bundle[\s\S]*[\u4e00-\u9fa5]{6}/);
    await expect(page.locator('table.district-table tbody tr').count()).resolves.toBe(2);
    await results.getByRole('button', { name: '收起结果' }).click();
    await results.waitFor({ state: 'detached' });
  });

  it('takes bundles dragged from the USB stick’s window onto the import card the same way', async () => {
    const dropped = ['a-copy.yishi-bundle', 'tampered.yishi-bundle'].map((name) => ({ name, base64: fs.readFileSync(path.join(h.exportsDir, name)).toString('base64') }));
    const dataTransfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, dropped);
    const card = page.getByRole('region', { name: '导入报送包' });
    await card.dispatchEvent('dragover', { dataTransfer });
    await page.locator('.bundle-import.drop-here').waitFor();
    await card.dispatchEvent('drop', { dataTransfer });
    const results = page.getByRole('region', { name: '导入结果' });
    await results.getByText('导入2个：成功0个，已有1个，未通过1个').waitFor();
    expect(await page.locator('.bundle-import.drop-here').count()).toBe(0);
    expect(await results.locator('li.refused').innerText()).toContain('tampered.yishi-bundle');
    await results.getByRole('button', { name: '收起结果' }).click();
  });

  it('drills into one school, read-only, with its bundle and months', async () => {
    await page.getByRole('button', { name: '青山实验小学', exact: true }).click();
    await page.getByRole('heading', { name: '青山实验小学' }).waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain('只读');
    expect(body).toContain('2026年3月');
    expect(body).toContain('2026年4月');
    expect(body).toContain('有效');
    expect(body.replace(/PDF/g, '')).not.toMatch(/[A-Za-z]{3,}|\{|\}/);
    await page.locator('[data-chart][data-rendered="true"]').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await shot('school');
  });

  it('prints that school’s 检查表 for the inspector, with a blank column for the findings and what to check the bundle by', async () => {
    const file = await exportFrom(page.locator('main'), '检查表 PDF');
    expect(path.basename(file)).toBe('青山实验小学议事决策情况检查表.pdf');
    expect(pdfFonts(file).filter((f) => !f.emb)).toEqual([]);
    const text = flowText(file);
    for (const x of ['青山实验小学议事决策情况检查表', '检查发现（检查人填写）', '月均会议次数', '学校密钥指纹', fpB, '存证码', '检查人（签名）']) expect(text, x).toContain(flat(x));
    expect(pdfInfo(file).pages).toBe(1);
    pdfPngs(file, path.join(SHOTS, 'district-e2e-inspection'), 60);
    await shot('inspection-saved');
  });

  it('replaces a bundle by a corrected one only after a confirmation that says what is replaced, and logs it', async () => {
    await page.getByRole('button', { name: /^区域统筹·/ }).click();
    await page.getByRole('heading', { name: /区域统筹·/ }).waitFor();
    // Imported as usual, the corrected bundle is refused: its period is covered. Its line says so
    // and offers 以更正包替换 for this very file.
    await page.getByLabel('选择报送包（可多选）').setInputFiles(correctedB);
    const results = page.getByRole('region', { name: '导入结果' });
    const line = results.locator('li.refused');
    await line.waitFor();
    expect(await line.innerText()).toContain('如这是更正后的报送包，请用“以更正包替换”');
    await shot('covered-refused');
    await line.getByRole('button', { name: '以更正包替换…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const said = await dialog.innerText();
    expect(said).toContain('2026年4月21日 09:00制作的更正包');
    expect(said).toContain('替换青山实验小学「2026年3月1日至2026年4月19日」的报送包');
    expect(said).toContain('2026年4月20日 09:00制作');
    expect(said).not.toMatch(/[A-Za-z]{3,}|undefined|null/);
    await shot('supersede-confirm');
    // No reason: refused beside the field, nothing replaced.
    await dialog.getByRole('button', { name: '确认替换' }).click();
    await dialog.getByText('「替换理由」不能为空').waitFor();
    await dialog.getByLabel('替换理由').fill('补录4月督办进展');
    await dialog.getByRole('button', { name: '确认替换' }).click();
    await page.getByText(/已由更正包替换/).first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    // Its line in the result list now says what the replacement answered.
    const done = results.locator('li.imported');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/✓ 已替换[\s\S]*b2\.yishi-bundle[\s\S]*的报送包已由更正包替换，原报送包保留备查。/);
    expect(await results.locator('li.refused').count()).toBe(0);
    expect(await results.getByText('导入1个：成功1个，已有0个，未通过0个').count()).toBe(1);
    const log = page.getByRole('region', { name: '操作记录' });
    await log.scrollIntoViewIfNeeded();
    const rows = await log.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('以更正包替换');
    expect(rows[0]).toContain('补录4月督办进展');
    expect(rows.some((r) => r.includes('导入报送包') && r.includes('青山第一中学'))).toBe(true);
    expect(rows.some((r) => r.includes('登记学校'))).toBe(true);
    expect(rows.some((r) => r.includes('更改单位名称') && r.includes('青山县教育工委'))).toBe(true);
    expect(await log.getByRole('textbox').count()).toBe(0);
    await shot('audit-log');
    expect(h.pageErrors).toEqual([]);
  });
});
