// 区域统筹 on paper (J2): the district's 汇总报告 (PDF through the same Chromium print path as the
// school's documents), the 汇总表 (XLSX read back with exceljs) and one school's 检查表, from a
// real district ledger that imported a real school's signed bundle. The inspector's 存证码 must be
// one the school's own ledger recognises (trust.verify), or the sheet would be useless to check by.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDistrict, dispatchDistrictAsync, type DistrictChannel, type DistrictInputOf, type DistrictOutputOf } from '../../db/district/api';
import { openDistrict, type District } from '../../db/district/store';
import { inspectionHtml } from '../../db/documents/district';
import { outlineNumber } from '../../db/documents/page';
import { INDICATOR_LABELS } from '../../db/terms';
import { PT_PER_MM, flowText, launchChromium, pdfFonts, pdfInfo, pdfPngs, printPdf, tempDir } from '../support/chromium';
import { decidedMeeting } from '../support/decided';
import { freshLedger, type TestLedger } from '../support/ledger';
import { SHOTS } from '../support/screenshots';
import { setupSchool } from '../support/school';

let browser: Browser;
let dir: string;
let d: District;
let school: TestLedger;
let fingerprint: string;
/** What the school's own ledger says of the 存证码 printed on its 检查表 (read while its ledger is open). */
let schoolCheck: { code: string; results: string[] };
const flat = (s: string) => s.replace(/\s+/g, '');

async function ok<C extends DistrictChannel>(c: C, i: DistrictInputOf<C>): Promise<DistrictOutputOf<C>> {
  const r = await dispatchDistrictAsync(d, c, i);
  if (!r.ok) throw new Error(`${c} refused: ${r.error.message}`);
  return r.value as DistrictOutputOf<C>;
}

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir();
  fs.mkdirSync(SHOTS, { recursive: true });
  d = openDistrict(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-district-doc-')), 'district.sqlite'), {
    name: '青山县教育工委',
    now: () => new Date('2026-05-06T10:00:00'),
  });
  // One school with a decided, signed meeting (its two decisions have no 督办 yet: flagged), one
  // registered school that has sent nothing.
  school = freshLedger('2026-03-20T09:00:00');
  const s = setupSchool(school);
  const { meetingId, hostId } = decidedMeeting(school, s, { startsAt: '2026-03-25T15:00' });
  const { minutesId } = school.ok('minutes.generate', { meetingId });
  school.setNow('2026-03-25T20:00:00');
  school.ok('minutes.sign', { minutesId, personId: hostId });
  school.setNow('2026-04-20T09:00:00');
  school.ok('report.setDistrictKey', { text: (await ok('district.info', {})).keyFile.text });
  fingerprint = school.ok('report.key', {}).fingerprint;
  await ok('district.register', { name: '青山县第一中学', fingerprint });
  await ok('district.register', { name: '青山县实验小学', fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111' });
  const bundle = school.ok('report.make', { orgId: s.orgId, from: '2026-03-01', to: '2026-04-19', label: '2026年3月至4月', seal: true });
  await ok('district.import', { base64: bundle.base64 });
  const id = (await ok('district.view', {})).schools.find((x) => x.name === '青山县第一中学')!.schoolId;
  const code = /存证码<\/th><td>(\d+-[0-9a-f]{12})/.exec((await ok('district.inspectionHtml', { schoolId: id })).html)?.[1] ?? '';
  schoolCheck = { code, results: school.ok('trust.verify', { anchor: code }).anchors.filter((a) => a.anchor === code).map((a) => a.result) };
}, 60_000);

afterAll(async () => {
  await browser?.close();
  d?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('district.summaryHtml: the 汇总报告', () => {
  it('A4 landscape, every font embedded: title, district, period, each school, who needs attention and why, the date', async () => {
    const made = await ok('district.summaryHtml', {});
    expect(made.fileName).toBe('青山县教育工委各校议事决策情况汇总报告.pdf');
    const file = path.join(dir, 'summary.pdf');
    fs.writeFileSync(file, await printPdf(browser, made.html));
    expect(pdfFonts(file).filter((f) => !f.emb)).toEqual([]);
    const info = pdfInfo(file);
    expect(info.widthPt).toBeCloseTo(297 * PT_PER_MM, -1);
    pdfPngs(file, path.join(SHOTS, 'district-summary'), 70);
    expect(info.pages).toBe(1);
    const text = flowText(file);
    for (const x of [
      '青山县教育工委各校议事决策情况汇总报告',
      '统计期间：2026年3月1日至2026年4月19日',
      '本区登记学校2所，已报送1所',
      '一、各校指标',
      '会前沟通在先占比',
      '纪要迟签（超过7天）',
      '青山县第一中学',
      '二、需要关注的学校',
      '青山县第一中学：决定未安排督办2项',
      '青山县实验小学：尚未报送',
      '2026年5月6日',
    ]) {
      expect(text, x).toContain(flat(x));
    }
    // GB/T 9704: the list under the first-level 二、 is the second level, （一）（二）, never 1．2．
    expect(text).toMatch(/（一）青山县(第一中学|实验小学)：/);
    expect(text).toMatch(/（二）青山县(第一中学|实验小学)：/);
    expect(text).not.toMatch(/\d．/);
    expect(text).not.toMatch(/[A-Za-z]{3,}|\{"|undefined|null/);
  }, 120_000);
});

describe('district.summaryXlsx: the 汇总表', () => {
  it('one row per school with numbers that sort as numbers, header frozen and filterable, and a 说明 sheet with the period and sources', async () => {
    const made = await ok('district.summaryXlsx', {});
    expect(made.fileName).toBe('青山县教育工委各校议事决策情况汇总表.xlsx');
    // Kept for looking at (LibreOffice renders it: soffice --headless --convert-to pdf).
    fs.writeFileSync(path.join(SHOTS, 'district-summary.xlsx'), Buffer.from(made.base64, 'base64'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(made.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('各校指标')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header[0]).toBe('学校');
    expect(header).toContain('会前沟通在先占比');
    expect(header).toContain('督办逾期（项）');
    expect(header).toContain('纠正已结（项）');
    expect(header.join('')).not.toMatch(/[A-Za-z]/);
    expect(ws.rowCount).toBe(3);
    const col = (h: string) => header.indexOf(h) + 1;
    const rowOf = (name: string) => [2, 3].map((n) => ws.getRow(n)).find((r) => r.getCell(1).value === name)!;
    const first = rowOf('青山县第一中学');
    expect(first.getCell(1).value).toBe('青山县第一中学');
    expect(first.getCell(col('决定未安排督办（项）')).value).toBe(2);
    expect(typeof first.getCell(col('会前沟通在先占比')).value).toBe('number');
    expect(first.getCell(col('会前沟通在先占比')).numFmt).toBe('0.0"%"');
    expect(first.getCell(col('需要关注')).value).toBe('决定未安排督办2项');
    const silent = rowOf('青山县实验小学');
    expect(silent.getCell(col('报送期间')).value).toBe('尚未报送');
    expect(silent.getCell(col('会前沟通在先占比')).value).toBeNull();
    const notes = wb.getWorksheet('说明')!;
    const lines: string[] = [];
    notes.eachRow((r) => lines.push((r.values as unknown[]).slice(1).join('|')));
    const all = lines.join('\n');
    expect(all).toContain('统计期间|2026年3月1日至2026年4月19日');
    expect(all).toContain('制表日期|2026年5月6日');
    expect(all).toMatch(/青山县第一中学\|2026年3月至4月\|2026年3月1日至2026年4月19日\|2026年4月20日 09:00\|2026年5月6日 10:00\|第1至\d+条\|\d+-[0-9a-f]{12}/);
  });
});

describe('outlineNumber: the GB/T 9704 numbering every document uses', () => {
  it('一、 then （一） then 1． then （1）', () => {
    expect([1, 2, 3, 4].map((l) => outlineNumber(l as 1 | 2 | 3 | 4, 12))).toEqual(['十二、', '（十二）', '12．', '（12）']);
  });
});

describe('district.inspectionHtml: the 检查表', () => {
  it('fits one A4 page at the largest realistic content: a long school name (a two-line title), all indicators, six bundles (three school years by term)', async () => {
    const labels = Object.values(INDICATOR_LABELS);
    const file = path.join(dir, 'inspection-largest.pdf');
    const doc = {
      district: '青山市青山区教育工作委员会',
      school: '青山市青山区青山师范大学附属实验学校（九年一贯制）',
      fingerprint: '0672 FF1C 13FE 8DFD C9E0 DB80 2FCC 7B90',
      period: '2024年9月1日至2026年8月31日',
      madeOn: '2026-09-20',
      indicators: labels.map((label, i) => ({ label, value: ['87.5%', '12项', '10.5次', '12/11'][i % 4]!, flagged: i % 2 === 0 })),
      chain: { count: 123456, code: '123456-70444977ad1c', hash: '4449 77AD 1C25 1276 5CD3 037E 2454 9938 9819 9BA1 63B2 00BC B1FC 5B33 00B9 1D81' },
      bundles: [1, 2, 3, 4, 5, 6].map((n) => ({
        period: `${2022 + Math.ceil(n / 2)}—${2023 + Math.ceil(n / 2)}学年第${n % 2 ? '一' : '二'}学期`,
        range: '2025年9月1日至2026年1月31日',
        madeAt: '2026年2月10日 09:00',
        chain: '第100001至123456条',
        hash: '3DA4 9929 51CD 4AA3 E21B A965 7700 6C63',
      })),
    };
    fs.writeFileSync(file, await printPdf(browser, inspectionHtml(doc)));
    pdfPngs(file, path.join(SHOTS, 'district-inspection-largest'), 70);
    expect(pdfInfo(file).pages).toBe(1);
    const text = flowText(file);
    for (const x of [doc.school, ...labels, '检查人（签名）', '检查日期', doc.bundles[5]!.hash, '共6个']) expect(text, x).toContain(flat(x));
    // Nothing was shrunk to fit: the title is 2号 (22 pt) and the tables 小四 (12 pt) as on any sheet.
    expect(pdfFonts(file).filter((f) => !f.emb)).toEqual([]);
  }, 120_000);


  it('the school, the period, each indicator with a blank findings column, the fingerprint and a 存证码 the school’s ledger recognises', async () => {
    const view = await ok('district.view', {});
    const id = view.schools.find((s) => s.name === '青山县第一中学')!.schoolId;
    const made = await ok('district.inspectionHtml', { schoolId: id });
    expect(made.fileName).toBe('青山县第一中学议事决策情况检查表.pdf');
    const file = path.join(dir, 'inspection.pdf');
    fs.writeFileSync(file, await printPdf(browser, made.html));
    expect(pdfFonts(file).filter((f) => !f.emb)).toEqual([]);
    expect(pdfInfo(file).widthPt).toBeCloseTo(210 * PT_PER_MM, -1);
    pdfPngs(file, path.join(SHOTS, 'district-inspection'), 70);
    expect(pdfInfo(file).pages).toBe(1);
    const text = flowText(file);
    for (const x of ['青山县第一中学议事决策情况检查表', '检查期间2026年3月1日至2026年4月19日', '检查发现（检查人填写）', '三重一大经党组织会议决定占比', '决定未安排督办2项', '学校密钥指纹', fingerprint, '检查人（签名）']) {
      expect(text, x).toContain(flat(x));
    }
    // Every indicator has its row (the findings column is left blank for the pen).
    expect(made.html.match(/<td class="finding"><\/td>/g)).toHaveLength(view.columns.length);
    expect(text).toContain(`存证码${schoolCheck.code}`);
    expect(schoolCheck.results).toEqual(['match']);
    // The bundle's fingerprint printed is the start of the sha256 of the file the district holds.
    const hash = (d.sqlite.prepare('SELECT hash FROM bundles').get() as { hash: string }).hash;
    expect(text).toContain(hash.slice(0, 32).toUpperCase());
    expect(text.replace(/[0-9A-F]{4}/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  }, 120_000);

  it('a school that sent nothing gets a sheet that says so; an unknown school is refused in Chinese, nothing written', async () => {
    const view = await ok('district.view', {});
    const silent = view.schools.find((s) => s.name === '青山县实验小学')!.schoolId;
    const made = await ok('district.inspectionHtml', { schoolId: silent });
    expect(made.html).toContain('尚未报送');
    const before = crypto.createHash('sha256').update(JSON.stringify(d.sqlite.prepare('SELECT * FROM audit').all())).digest('hex');
    const r = dispatchDistrict(d, 'district.inspectionHtml', { schoolId: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', field: 'schoolId' } });
    expect(r.ok ? '' : r.error.message).toMatch(/^找不到该学校/);
    expect(dispatchDistrict(d, 'district.inspectionHtml', {} as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(crypto.createHash('sha256').update(JSON.stringify(d.sqlite.prepare('SELECT * FROM audit').all())).digest('hex')).toBe(before);
  });
});

describe('district.trend: the month trend', () => {
  it('each reporting school month by month, through the same indicator function; a school that sent nothing has no line', async () => {
    const trend = await ok('district.trend', {});
    expect(trend.months).toEqual(['2026年3月']);
    expect(trend.schools.map((s) => s.name)).toEqual(['青山县第一中学']);
    expect(trend.schools[0]!.values.meetingsPerMonth).toEqual([1]);
    expect(trend.schools[0]!.values.noFollowUp).toEqual([2]);
    expect(trend.schools[0]!.values.emergencyInTime).toEqual([null]);
    expect(trend.columns.map((c) => c.key)).toEqual((await ok('district.view', {})).columns.map((c) => c.key));
  });
});
