// Paper speaks plain Chinese: every document made from the samples' ledger (the harder meeting
// through the real commands, test/support/samples.ts) and from the renderer fixtures is scanned
// as a reader gets it — PDF text (pdftotext), Word text (document.xml, headers, footers), Excel
// cell values — for rule codes (R3), matter codes (E3), English words, JSON, the policy's
// category 党组织会议 used as a name, and 顿号 between quoted titles (GB/T 15834).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotHtml } from '../../db/documents/ballot';
import { minutesDocx, recordDocx } from '../../db/documents/docx';
import { minutesHtml } from '../../db/documents/minutes';
import { noticeHtml } from '../../db/documents/notice';
import { recordHtml } from '../../db/documents/record';
import { signInHtml } from '../../db/documents/signin';
import { registerXlsx } from '../../db/documents/xlsx';
import { launchChromium, pdfText, printPdf, tempDir } from '../support/chromium';
import { HARD_NAMES, HARD_TITLES } from '../support/hard-meeting';
import { sampleDocuments } from '../support/samples';
import { demoBallot, demoRegisterSheet, demoMinutes, demoNotice, demoRecord, demoSignIn, longMinutes, signedMinutes } from './fixtures';

let browser: Browser;
let dir: string;
/** Every document as the text a reader gets, by name. */
const texts = new Map<string, string>();

/** The text Word shows: the w:t runs of the body, headers and footers (not field codes such as PAGE). */
function unzipText(file: string): string {
  const entries = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((e) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(e));
  return entries
    .map((e) => execFileSync('unzip', ['-p', file, e], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 }))
    .map((xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

async function cellText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) => row.eachCell((c) => out.push(c.value instanceof Date ? '' : String(c.value ?? ''))));
  });
  return out.join('\n');
}

async function addPdf(name: string, html: string): Promise<void> {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, await printPdf(browser, html));
  texts.set(`${name}.pdf`, pdfText(file));
}

function addDocx(name: string, bytes: Buffer): void {
  const file = path.join(dir, `${name}.docx`);
  fs.writeFileSync(file, bytes);
  texts.set(`${name}.docx`, unzipText(file));
}

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir('yishi-scan-');
  const samples = await sampleDocuments();
  for (const [name, doc] of Object.entries(samples.html)) await addPdf(`样例-${name}`, doc.html);
  for (const [name, doc] of Object.entries(samples.bytes)) {
    const bytes = Buffer.from(doc.base64, 'base64');
    if (doc.fileName.endsWith('.xlsx')) texts.set(`样例-${name}.xlsx`, await cellText(bytes));
    else addDocx(`样例-${name}`, bytes);
  }
  // The renderer fixtures carry rule warnings and tallies with rule codes: none may reach paper.
  await addPdf('纪要', minutesHtml(signedMinutes()));
  await addPdf('长纪要', minutesHtml(longMinutes(6)));
  await addPdf('记录', recordHtml(demoRecord()));
  await addPdf('通知', noticeHtml(demoNotice()));
  await addPdf('签到表', signInHtml(demoSignIn()));
  await addPdf('表决票', ballotHtml(demoBallot('记名投票')));
  addDocx('纪要', await minutesDocx(demoMinutes()));
  addDocx('记录', await recordDocx(demoRecord()));
  texts.set('台账.xlsx', await cellText(await registerXlsx(demoRegisterSheet())));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The 存证码 (chain anchor, e.g. 35-6e00e307a5b2) is meant to be printed: it is the one code allowed. */
const withoutAnchor = (text: string) => text.replace(/存证码：\s*\d+-[0-9a-f]{12}/g, '存证码');

describe('every document speaks plain Chinese', () => {
  it('covers each kind of document, from the samples and the fixtures', () => {
    expect([...texts.keys()].sort()).toEqual(
      [
        '样例-会议纪要.pdf', '样例-会议纪要（草稿）.pdf', '样例-会议记录.pdf', '样例-会议通知.pdf', '样例-校长办公会议纪要（草稿）.pdf', '样例-签到表.pdf', '样例-表决票（无记名）.pdf', '样例-表决票（记名）.pdf',
        '样例-会议纪要.docx', '样例-会议纪要（草稿）.docx', '样例-会议记录.docx', '样例-议事决策台账.xlsx',
        '纪要.pdf', '长纪要.pdf', '记录.pdf', '通知.pdf', '签到表.pdf', '表决票.pdf', '纪要.docx', '记录.docx', '台账.xlsx',
      ].sort(),
    );
    for (const [name, text] of texts) expect(text.replace(/\s+/g, '').length, name).toBeGreaterThan(50);
  });

  it.each([
    ['rule codes (R3, R10 …)', /R\d{1,2}/],
    ['matter codes (E3, C1, X2 …)', /(?<![A-Za-z0-9])[A-EX]\d{1,2}(?!\d)/],
    ['English words', /[A-Za-z]{2,}/],
    ['JSON or code', /[{}[\]<>]|":|=>|\bnull\b|\bundefined\b|NaN/],
    ['the policy category 党组织会议 as a name', /党组织会议/],
    ['顿号 between quoted titles (GB/T 15834)', /”、“/],
  ])('no %s in any document', (_what, pattern) => {
    const found = [...texts].flatMap(([name, text]) => {
      const m = pattern.exec(withoutAnchor(text));
      return m ? [`${name}: …${withoutAnchor(text).slice(Math.max(0, m.index - 15), m.index + 15).replace(/\s+/g, ' ')}…`] : [];
    });
    expect(found).toEqual([]);
  });

  it('the harder meeting is all there: how each item was taken, the postponement, 缺席, rare names', () => {
    const minutes = texts.get('样例-会议纪要.pdf')!.replace(/\s+/g, '');
    for (const s of [
      `本议题已经2026年第1次校长办公会议前置研究。`,
      '陈志强同志回避。与会同志逐一发表意见：',
      '王建国同志最后表态，同意。经举手表决，应到7人，实到5人，同意5票，不同意0票，通过。',
      '经无记名投票表决，应到8人，实到6人，同意5票，不同意1票，通过。',
      `会议对“${HARD_TITLES.postponed}”暂缓表决，理由：意见分歧较大，须先征求家长委员会意见后再议。`,
      '等3项议题',
      '一、', '二、', '三、',
      `出席：王建国、李明华、张丽、陈志强、刘芳、${HARD_NAMES.gb}`,
      '请假：赵磊（外出学习）',
      '缺席：孙红（临时外出，未及请假）',
      `列席：周敏、${HARD_NAMES.exB}`,
      '抄送：县委教育工委、县教育局。',
      '中共青山县第一中学委员会办公室2026年3月26日印发',
    ]) {
      expect(minutes, s).toContain(s.replace(/\s+/g, ''));
    }
    expect(minutes).toContain(HARD_TITLES.cadre);
    // A secret ballot keeps counts only: nobody's position on the cadre item is printed.
    expect(minutes).not.toContain('刘芳同志不同意');
    const signIn = texts.get('样例-签到表.pdf')!;
    expect(signIn).toContain('请假');
    expect(signIn).toContain('缺席');
  });
});
