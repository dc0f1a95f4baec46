// DOCX (minutes, record) and XLSX (台账) bytes: re-read them with real tools — LibreOffice turns
// the DOCX into a PDF that must keep the decisions; exceljs re-reads the XLSX rows.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesDocx, recordDocx } from '../../db/documents/docx';
import { CN_DATE_FORMAT, FOLLOW_UP_COLUMNS, LEDGER_COLUMNS, registerXlsx } from '../../db/documents/xlsx';
import { PT_PER_MM, darkRules, lineTops, pdfInfo, pdfText, pdfWords, tempDir } from '../support/chromium';
import { LIBREOFFICE, libreOfficePdf } from '../support/libreoffice';
import { demoRegisterSheet, demoMinutes, demoRecord, longMinutes, signedMinutes } from './fixtures';

const flat = (s: string) => s.replace(/\s+/g, '');

let dir: string;
beforeAll(() => {
  dir = tempDir('yishi-office-');
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function unzipEntry(file: string, entry: string): string {
  return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
}

/** LibreOffice DOCX/XLSX → PDF (in this file's folder). */
const toPdf = (file: string): string => libreOfficePdf(file, dir);

describe('DOCX of the minutes and the record (R16)', () => {
  it('minutes DOCX is a Word package with A4 GB/T margins, odd/even page-number footers and every decision', async () => {
    const file = path.join(dir, 'minutes.docx');
    const bytes = await minutesDocx(signedMinutes());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    fs.writeFileSync(file, bytes);
    const xml = unzipEntry(file, 'word/document.xml');
    const text = flat(xml.replace(/<[^>]+>/g, ''));
    for (const d of demoMinutes().decisions) {
      expect(text).toContain(flat(d.text));
      expect(text).toContain(d.itemTitle);
    }
    expect(text).toContain('出席：王建国、李明华');
    // A4 and 37/26/35/28 mm in twips
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/<w:footerReference w:type="even"/);
    expect(unzipEntry(file, 'word/settings.xml')).toMatch(/<w:evenAndOddHeaders/);
  });

  it('carries real styles (正文, 标题, 纪要标志, 一级标题, 二级标题, 出席名单, 版记 …), the 22 × 28 grid, no auto spacing, Chinese font names with fallbacks', async () => {
    const file = path.join(dir, 'styles.docx');
    fs.writeFileSync(file, await minutesDocx(signedMinutes()));
    const styles = unzipEntry(file, 'word/styles.xml');
    const names = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*><w:name w:val="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    for (const [id, name] of [['Normal', 'Normal'], ['Title', 'Title'], ['MinutesMark', '纪要标志'], ['HeadingOne', '一级标题'], ['HeadingTwo', '二级标题'], ['Attendance', '出席名单'], ['Imprint', '版记'], ['PageNumber', '页码']]) {
      expect(names, name).toContainEqual([id, name]);
    }
    // 正文 holds the body font and size once; the paragraphs name styles and carry no fonts or sizes of their own.
    expect(styles).toMatch(/w:styleId="Normal">[\s\S]*?<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"[\s\S]*?<w:sz w:val="32"\/>/);
    expect(styles).toMatch(/w:styleId="HeadingOne">[\s\S]*?<w:rFonts w:ascii="黑体"/);
    expect(styles).toMatch(/w:styleId="HeadingTwo">[\s\S]*?<w:rFonts w:ascii="楷体_GB2312"/);
    expect(styles).toMatch(/w:styleId="Title">[\s\S]*?<w:rFonts w:ascii="方正小标宋简体"/);
    // No automatic space between Chinese and digits. (LibreOffice's DOCX import skips these two
    // settings, so its PDFs show the space anyway: this is checked here, in the XML Word reads.)
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Normal">[\s\S]*?<w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/);
    const xml = unzipEntry(file, 'word/document.xml');
    expect(xml).not.toMatch(/<w:rFonts/);
    expect(xml).not.toMatch(/<w:sz /);
    for (const id of ['MinutesMark', 'DocNumber', 'Normal', 'HeadingOne', 'Attendance', 'Imprint']) expect(xml, id).toContain(`<w:pStyle w:val="${id}"/>`);
    expect(xml).toContain('<w:rStyle w:val="HeiChars"/>');
    // The document grid, as Word counts it: 22 lines of the type area, 28 characters of 3号 a line.
    const grid = /<w:docGrid w:type="linesAndChars" w:linePitch="(\d+)" w:charSpace="(-?\d+)"\/>/.exec(xml)!;
    const margins = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(xml)!.slice(1).map(Number);
    const [top, right, bottom, left] = margins as [number, number, number, number];
    expect(Math.floor((16838 - top - bottom) / Number(grid[1]))).toBe(22);
    expect(Math.floor((11906 - left - right) / 20 / (16 + Number(grid[2]) / 4096))).toBe(28);
    // Fonts named as Chinese Word and WPS expect, each with the one to fall back on.
    const fonts = unzipEntry(file, 'word/fontTable.xml');
    for (const [name, alt] of [['仿宋_GB2312', '仿宋'], ['仿宋', 'FangSong'], ['黑体', 'SimHei'], ['楷体_GB2312', '楷体'], ['楷体', 'KaiTi'], ['方正小标宋简体', '宋体']]) {
      expect(fonts, name).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`);
    }
  });

  it.skipIf(!LIBREOFFICE)('LibreOffice lays the Word minutes on the grid: 28 characters a line, 22 lines a page, page-number dashes 7 mm below', async () => {
    const doc = longMinutes(8);
    // One long paragraph of Chinese only: full lines hold exactly 28 characters.
    doc.decisions[0]!.text = '会议同意按照方案组织实施并及时报告进展情况'.repeat(6);
    const file = path.join(dir, 'grid.docx');
    fs.writeFileSync(file, await minutesDocx(doc));
    const pdf = toPdf(file);
    const area = { top: 37 * PT_PER_MM, bottom: (297 - 35) * PT_PER_MM };
    const body = pdfWords(pdf).filter((w) => w.yMin > area.top - 2 && w.yMax < area.bottom + 2 && w.yMax - w.yMin < 30);
    const lineText = (page: number) => {
      const words = body.filter((w) => w.page === page);
      return lineTops(words).map((top) => words.filter((w) => Math.abs(w.yMin - top) < 3).sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(''));
    };
    const cjkOnly = (t: string) => /^[\u4e00-\u9fa5]+$/.test(t);
    const full = [1, 2].flatMap(lineText).filter((t) => cjkOnly(t) && t.includes('会议同意'));
    expect(full.length).toBeGreaterThan(3);
    // Full lines of the paragraph (not its first, indented line, nor its last): 28 characters.
    const counts = full.map((t) => [...t].length);
    expect(Math.max(...counts)).toBe(28);
    expect(counts.filter((n) => n === 28).length).toBeGreaterThanOrEqual(3);
    // A full page: 22 lines, 28.95 pt apart.
    const page2 = body.filter((w) => w.page === 2);
    const tops = lineTops(page2);
    expect(tops.length).toBe(22);
    const pitches = tops.slice(1).map((y, i) => y - tops[i]!);
    expect(Math.min(...pitches)).toBeGreaterThan(28.5);
    expect(Math.max(...pitches)).toBeLessThan(29.5);
    // GB/T 9704 §7.5: the dashes of the page number 7 mm below the type area.
    const dash = darkRules(pdf, 1, 262, 290, 3);
    expect(Math.abs((dash[0]! + dash[dash.length - 1]!) / 2 - 269)).toBeLessThan(1);
  });

  it.skipIf(!LIBREOFFICE)('LibreOffice converts the minutes DOCX to an A4 PDF that keeps the decisions and attendance', async () => {
    const file = path.join(dir, 'minutes-lo.docx');
    fs.writeFileSync(file, await minutesDocx(demoMinutes()));
    const pdf = toPdf(file);
    const text = flat(pdfText(pdf));
    const doc = demoMinutes();
    expect(text).toContain(doc.title);
    expect(text).toContain(doc.docNumber);
    for (const d of doc.decisions) expect(text).toContain(flat(d.text));
    expect(text).toContain('完成时限：2026年4月15日');
    expect(text).toContain('请假：孙丽（参加县教育局培训）');
    const info = pdfInfo(pdf);
    expect(info.widthPt).toBeCloseTo(210 * PT_PER_MM, -1);
    expect(info.heightPt).toBeCloseTo(297 * PT_PER_MM, -1);
    expect(text).toContain('—1—');
  });

  it.skipIf(!LIBREOFFICE)('LibreOffice converts the record DOCX: statements, host last, votes and tally, postponement (R9, R10, R11)', async () => {
    const file = path.join(dir, 'record-lo.docx');
    fs.writeFileSync(file, await recordDocx(demoRecord()));
    const text = flat(pdfText(toPdf(file)));
    for (const s of ['陈立新：缓议。信息化支出依据需补充。', '王建国（主持人，最后表态）：同意。', '经举手表决，应到8人，实到6人，同意5票，不同意0票，弃权1票，通过。', '通过须同意票5票', '回避：赵海燕', '孙丽：同意预算草案。', '暂缓表决，理由：意见分歧较大']) {
      expect(text).toContain(flat(s));
    }
  });
});

describe('XLSX 台账 (R17, R18)', () => {
  it('re-reads with exceljs: title row, header, one row per decision with real dates, amounts, 应到/实到 and the vote; follow-ups on a second sheet by 序号', async () => {
    const sheet = demoRegisterSheet();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerXlsx(sheet)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('议事决策台账')!;
    expect(ws.getCell(1, 1).value).toBe('青山县第一中学2026年议事决策台账');
    expect(ws.getCell(1, LEDGER_COLUMNS.length).isMerged).toBe(true);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(sheet.rows.length + 2);
    const col = (name: string) => LEDGER_COLUMNS.findIndex((c) => c.header === name) + 1;
    const first = ws.getRow(3);
    expect(first.getCell(col('序号')).value).toBe(1);
    // A real date (it sorts and filters), shown as 2026年3月25日.
    expect(first.getCell(col('会议日期')).value).toEqual(new Date(Date.UTC(2026, 2, 25)));
    expect(first.getCell(col('会议日期')).numFmt).toBe(CN_DATE_FORMAT);
    expect(first.getCell(col('议题')).value).toBe('关于2026年度学校预算的议题');
    expect(first.getCell(col('三重一大')).value).toBe('是（大额资金使用）');
    expect(first.getCell(col('金额（元）')).value).toBe(12_860_000);
    expect([col('应到'), col('实到'), col('同意'), col('不同意'), col('弃权')].map((c) => first.getCell(c).value)).toEqual([7, 6, 5, 0, 1]);
    expect(first.getCell(col('表决结果')).value).toBe('通过');
    expect(first.getCell(col('督办事项（项）')).value).toBe(1);
    expect(first.getCell(col('评价')).value).toBe('较好：预算按期执行，一般性支出压减8%。');
    expect(ws.getRow(4).getCell(col('督办事项（项）')).value).toBe(2);
    expect(ws.getRow(4).getCell(col('状态')).font?.color?.argb).toBe('FFC00000');
    expect(ws.getRow(5).getCell(col('表决结果')).value).toBe('暂缓表决');
    expect(ws.getRow(5).getCell(col('同意')).value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    // A4 landscape, one page wide, title and header on every page.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });

    const fus = wb.getWorksheet('督办事项')!;
    expect(fus.getCell(1, 1).value).toBe('青山县第一中学2026年决定事项督办台账');
    expect((fus.getRow(2).values as unknown[]).slice(1)).toEqual(FOLLOW_UP_COLUMNS.map((c) => c.header));
    const fcol = (name: string) => FOLLOW_UP_COLUMNS.findIndex((c) => c.header === name) + 1;
    const rows = [3, 4, 5].map((n) => fus.getRow(n));
    expect(rows.map((r) => r.getCell(fcol('台账序号')).value)).toEqual([1, 2, 2]);
    expect(rows.map((r) => r.getCell(fcol('督办任务')).value)).toEqual(['执行预算', '完成招标', '完成施工和验收']);
    expect(rows[0]!.getCell(fcol('分管领导')).value).toBe('李明华');
    expect(rows[0]!.getCell(fcol('办结日期')).value).toEqual(new Date(Date.UTC(2026, 3, 12)));
    expect(rows[0]!.getCell(fcol('评价等次')).value).toBe('较好');
    expect(rows[1]!.getCell(fcol('完成时限')).value).toEqual(new Date(Date.UTC(2026, 4, 31)));
    expect(rows[1]!.getCell(fcol('状态')).value).toBe('逾期');
    expect(fus.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:2' });
  });

  it('an empty ledger still has its title, header and filter on both sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerXlsx({ ...demoRegisterSheet(), rows: [] })) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('议事决策台账')!.rowCount).toBe(2);
    expect(wb.getWorksheet('督办事项')!.rowCount).toBe(2);
  });

  it.skipIf(!LIBREOFFICE)('LibreOffice Calc shows the dates as 2026年3月25日 and prints A4 landscape with the title and header on every page', async () => {
    const base = demoRegisterSheet();
    // Enough decisions for a second printed page.
    const rows = Array.from({ length: 90 }, (_, i) => ({ ...base.rows[i % 3]!, itemTitle: `${base.rows[i % 3]!.itemTitle}（${i + 1}）` }));
    const file = path.join(dir, 'ledger.xlsx');
    fs.writeFileSync(file, await registerXlsx({ ...base, rows }));
    // Both sheets to CSV, each cell as Calc shows it (the 9th option), UTF-8.
    execFileSync(
      LIBREOFFICE!,
      [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, file],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const main = fs.readFileSync(path.join(dir, 'ledger-议事决策台账.csv'), 'utf8').split('\n');
    expect(main[0]).toContain('青山县第一中学2026年议事决策台账');
    expect(main[1]).toContain('序号,会议,会议日期');
    expect(main[2]).toMatch(/^1,2026年第3次党委会议,2026年3月25日,1,/);
    expect(main[2]).toContain('"12,860,000"');
    const second = fs.readFileSync(path.join(dir, 'ledger-督办事项.csv'), 'utf8').split('\n');
    expect(second[2]).toMatch(/^1,.*2026年4月15日,已办结,2026年4月12日,较好,/);
    const pdf = toPdf(file);
    const info = pdfInfo(pdf);
    expect(info.widthPt).toBeGreaterThan(info.heightPt);
    expect(info.widthPt).toBeCloseTo(297 * PT_PER_MM, -1);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    // The title and the header repeat on the second page (pdftotext reads a table column by column).
    const page2 = flat(pdfText(pdf, { page: 2 }));
    expect(page2).toContain('青山县第一中学2026年议事决策台账');
    for (const h of ['序号', '会议日期', '金额（元）', '应到', '实到', '表决结果']) expect(page2, h).toContain(h);
    expect(page2).toContain('第2页，共');
  });
});
