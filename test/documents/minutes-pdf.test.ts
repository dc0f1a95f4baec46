// 会议纪要 printed by real Chromium and checked with poppler: fields, embedded fonts, A4, GB/T 9704
// margins and grid, page numbers on alternating sides, pagination of a long meeting (R16).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY, fontFileFor, setFontsRoot } from '../../db/documents/fonts';
import { minutesHtml } from '../../db/documents/minutes';
import type { MinutesDoc } from '../../db/documents/model';
import { PT_PER_MM, countPixels, darkRules, flowText, pageRaster, launchChromium, lineTops, pdfFonts, pdfInfo, pdfWords, printPdf, tempDir, type WordBox } from '../support/chromium';
import { demoMinutes, longMinutes, signedMinutes } from './fixtures';

const A4 = { w: 210 * PT_PER_MM, h: 297 * PT_PER_MM };
const M = { top: 37 * PT_PER_MM, left: 28 * PT_PER_MM, right: 26 * PT_PER_MM, bottom: 35 * PT_PER_MM };
const TOL = 2 * PT_PER_MM;
const AREA = { left: M.left, right: A4.w - M.right, top: M.top, bottom: A4.h - M.bottom };

let browser: Browser;
let dir: string;
const files: Record<string, string> = {};

async function print(name: string, doc: MinutesDoc): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, await printPdf(browser, minutesHtml(doc)));
  files[name] = file;
  return file;
}

/** Text with all whitespace removed: wrapped lines join up again. */
const flat = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir();
  await print('draft', demoMinutes());
  await print('signed', signedMinutes());
  await print('revised', signedMinutes({ revision: 2, revisionReason: '第二项决定的金额有误，应为36.8万元' }));
  await print('long', longMinutes());
});

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Body words (page numbers sit below the type area and are left out). */
function bodyWords(file: string, page?: number): WordBox[] {
  return pdfWords(file).filter((w) => (page ? w.page === page : true) && w.yMin < AREA.bottom);
}
function pageNumberWords(file: string, page: number): WordBox[] {
  return pdfWords(file).filter((w) => w.page === page && w.yMin >= AREA.bottom);
}

describe('会议纪要 PDF (R16, GB/T 9704 §10.3)', () => {
  it('R16 prints every field of the minutes: heading, number, opening, each item with how it was taken, owner and deadline, attendance', () => {
    const doc = demoMinutes();
    const text = flowText(files.draft);
    const expected = [
      doc.title,
      doc.docNumber,
      flat(doc.opening),
      ...doc.decisions.flatMap((d) => [d.itemTitle, flat(d.text)]),
      '总务处', '责任人：孙志强', '分管领导：李明华', '完成时限：2026年4月15日', '完成时限：2026年8月25日', '完成招标',
      '无需督办：按干部任免程序由组织人事部门办理',
      // How each decision was taken, in words.
      '本议题已经2026年第5次校长办公会议前置研究。',
      '与会同志逐一发表意见：李明华同志同意；陈立新同志缓议，信息化支出依据需补充；王建国同志最后表态，同意。',
      '经举手表决，应到7人，实到6人，同意5票，不同意0票，弃权1票，通过。',
      '赵海燕同志回避。经记名投票表决，应到6人，实到5人，同意5票，不同意0票，通过。',
      '经无记名投票表决，应到7人，实到6人，同意5票，不同意1票，通过。',
      '出席：王建国、李明华、张卫东、刘芳、陈立新、赵海燕',
      '请假：孙丽（参加县教育局培训）',
      '列席：周晓燕、孙志强',
      '一、关于2026年度学校预算的议题', '二、', '三、',
      // 版记
      '抄送：县委教育工委、县教育局。',
      '中共青山县第一中学委员会办公室年月日印发',
    ];
    for (const s of expected) expect(text, s).toContain(flat(s));
    // Rule hits are for the screen: the paper has none.
    expect(text).not.toContain('会议材料送达时间不足');
    expect(text).not.toMatch(/R\d/);
  });

  it('draft carries the 草稿 watermark; signed minutes do not, and show the 印发日期 and 存证码 in the 版记 (R16)', () => {
    // The watermark: 草 and 稿 in large type on every page of the draft, never on the signed copy.
    const big = (file: string) => pdfWords(file).filter((w) => w.yMax - w.yMin > 60);
    const { pages } = pdfInfo(files.draft);
    for (let p = 1; p <= pages; p++) expect(big(files.draft).filter((w) => w.page === p).map((w) => w.text).sort().join('')).toBe(['草', '稿'].sort().join(''));
    expect(big(files.signed)).toEqual([]);
    // The 签发 record stays in the ledger; the signed copy carries the 印发日期 and the 存证码 in its 版记.
    expect(flowText(files.draft)).not.toContain('签发人');
    const signed = flowText(files.signed);
    expect(signed).not.toContain('草稿');
    expect(signed).not.toContain('签发人');
    expect(signed).toContain('中共青山县第一中学委员会办公室2026年3月26日印发');
    expect(signed).toContain('存证码：3f9a0c1b7e24');
  });

  it('R16 a 勘误 revision says so with its reason', () => {
    const text = flowText(files.revised);
    expect(text).toContain('本件为勘误修订稿（第2版）');
    expect(text).toContain('勘误理由：第二项决定的金额有误，应为36.8万元');
    expect(flowText(files.signed)).not.toContain('勘误');
  });

  it('楷体 text (the revision note) is set in the bundled 楷体 (霞鹜文楷) where the PC has no KaiTi', () => {
    const kai = (file: string) => pdfFonts(file).filter((f) => /WenKai/i.test(f.name));
    // One PDF font per unicode-range slice the note touches, all embedded.
    expect(kai(files.revised).length).toBeGreaterThan(0);
    expect(kai(files.revised).every((f) => f.emb)).toBe(true);
    // The signed copy has no 楷体 line, so the face is not even inlined.
    expect(kai(files.signed)).toEqual([]);
  });

  it('embeds every font (pdffonts emb yes) and is A4 portrait', () => {
    for (const file of Object.values(files)) {
      const fonts = pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.emb)).toEqual([]);
      const info = pdfInfo(file);
      expect(info.widthPt).toBeCloseTo(A4.w, -1);
      expect(info.heightPt).toBeCloseTo(A4.h, -1);
    }
  });

  it('page 1 text sits in the type area: left 28 mm, right 26 mm, bottom 35 mm (±2 mm)', () => {
    for (const file of [files.draft, files.long]) {
      const words = bodyWords(file, 1).filter((w) => w.yMax - w.yMin < 40);
      const xMin = Math.min(...words.map((w) => w.xMin));
      const xMax = Math.max(...words.map((w) => w.xMax));
      expect(Math.abs(xMin - AREA.left)).toBeLessThan(TOL);
      expect(Math.abs(xMax - AREA.right)).toBeLessThan(TOL);
      expect(Math.max(...words.map((w) => w.yMax))).toBeLessThan(AREA.bottom + TOL);
    }
  });

  it('the red heading is 35 mm below the top of the type area, the number below it (GB/T 9704 §10.3)', () => {
    const words = bodyWords(files.draft, 1);
    const top = Math.min(...words.map((w) => w.yMin));
    // The glyph box of 22 pt type starts a little below its line box.
    expect(top - (AREA.top + 35 * PT_PER_MM)).toBeGreaterThan(-TOL);
    expect(top - (AREA.top + 35 * PT_PER_MM)).toBeLessThan(4 * PT_PER_MM);
    const heading = words.filter((w) => Math.abs(w.yMin - top) < 2);
    const centre = (Math.min(...heading.map((w) => w.xMin)) + Math.max(...heading.map((w) => w.xMax))) / 2;
    expect(Math.abs(centre - (AREA.left + AREA.right) / 2)).toBeLessThan(TOL);
  });

  it('the heading and the rule are red; the body is black; a signed copy has no pink watermark', () => {
    const red = (r: number, g: number, b: number) => r > 170 && g < 90 && b < 90;
    const page = pageRaster(files.signed, 1);
    // 纪要标志 at 37 + 35 mm, the red rule under the number: both within the top 40 % of the page.
    expect(countPixels(page, 0.2, 0.4, red)).toBeGreaterThan(50);
    expect(countPixels(page, 0.45, 0.9, red)).toBe(0);
    const pink = (r: number, g: number, b: number) => r > 200 && r - g > 25 && r - b > 25 && g > 130;
    expect(countPixels(page, 0.4, 0.9, pink)).toBeLessThan(20);
    expect(countPixels(pageRaster(files.draft, 1), 0.4, 0.9, pink)).toBeGreaterThan(200);
  });

  it('a full page has at most 22 lines and starts at the 37 mm top margin (grid 22 × 28)', () => {
    const words = bodyWords(files.long, 3);
    const lines = lineTops(words.filter((w) => w.yMax - w.yMin < 40));
    expect(lines.length).toBeGreaterThanOrEqual(18);
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(Math.abs(lines[0] - AREA.top)).toBeLessThan(3 * PT_PER_MM);
    // Line pitch 225 mm / 22 ≈ 28.9 pt
    const pitches = lines.slice(1).map((y, i) => y - lines[i]);
    const min = Math.min(...pitches);
    expect(min).toBeGreaterThan(28);
    expect(min).toBeLessThan(30);
  });

  it('page numbers "— n —" alternate: odd pages right, even pages left, one character in, 7 mm below the type area', () => {
    const { pages } = pdfInfo(files.long);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let p = 1; p <= pages; p++) {
      const nums = pageNumberWords(files.long, p);
      expect(nums.map((w) => w.text).join(''), `page ${p}`).toBe(`—${p}—`);
      const left = Math.min(...nums.map((w) => w.xMin));
      const right = Math.max(...nums.map((w) => w.xMax));
      if (p % 2 === 1) expect(Math.abs(AREA.right - 14 - right), `page ${p} right`).toBeLessThan(TOL);
      else expect(Math.abs(left - (AREA.left + 14)), `page ${p} left`).toBeLessThan(TOL);
    }
    // The dashes themselves (their ink, not the glyph box) lie 7 mm below the type area (GB/T 9704 §7.5).
    for (const p of [1, 2]) {
      const dash = darkRules(files.long, p, 262, 285, 3);
      expect(dash.length, `page ${p}`).toBeGreaterThan(0);
      expect(Math.abs((dash[0]! + dash[dash.length - 1]!) / 2 - (262 + 7)), `page ${p} dash at ${dash[0]} mm`).toBeLessThan(0.6);
    }
  });

  it('the 草稿 watermark is whole and in the same place on every page of a draft', () => {
    const pink = (r: number, g: number, b: number) => r > 200 && r - g > 25 && r - b > 25 && g > 130;
    const { pages } = pdfInfo(files.long);
    const boxes = Array.from({ length: pages - 1 }, (_, i) => {
      // Page 1 is left out: its red heading is pink at this resolution too.
      const r = pageRaster(files.long, i + 2, 30);
      let x0 = Infinity, x1 = -1, y0 = Infinity, y1 = -1, n = 0;
      for (let y = 0; y < r.height; y++) {
        for (let x = 0; x < r.width; x++) {
          const k = (y * r.width + x) * 3;
          if (!pink(r.rgb[k]!, r.rgb[k + 1]!, r.rgb[k + 2]!)) continue;
          n++;
          x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
      }
      // Well inside the page: nothing cut at an edge.
      expect(x0).toBeGreaterThan(r.width * 0.1);
      expect(x1).toBeLessThan(r.width * 0.9);
      expect(y0).toBeGreaterThan(r.height * 0.1);
      expect(y1).toBeLessThan(r.height * 0.9);
      return { x0, x1, y0, y1, n };
    });
    for (const b of boxes) {
      expect(Math.abs(b.x0 - boxes[0]!.x0) + Math.abs(b.x1 - boxes[0]!.x1) + Math.abs(b.y0 - boxes[0]!.y0) + Math.abs(b.y1 - boxes[0]!.y1)).toBeLessThanOrEqual(4);
      expect(b.n).toBeGreaterThan(boxes[0]!.n * 0.85);
    }
  });

  it('rare characters (Ext-A 䶮, Ext-B 𠮷, and 劐, one of the 33 GB2312 characters Noto Serif SC lacks) print in the bundled rare serif', async () => {
    const doc = demoMinutes({ attendance: { present: ['王建国', '刘䶮', '吉𠮷', '张劐'], onLeave: [], absent: [], observers: [] } });
    doc.items![0]!.title = '关于任命刘䶮同志为教务处副主任的议题';
    const file = await print('rare', doc);
    const text = flowText(file);
    expect(text).toContain('出席：王建国、刘䶮、吉𠮷、张劐');
    expect(text).toContain('一、关于任命刘䶮同志为教务处副主任的议题');
    // Drawn from Yishi Rare Serif (build/fonts/yishi-rare), embedded as TrueType, never a system font.
    const fonts = pdfFonts(file);
    expect(fonts.filter((f) => /YishiRareSerif/.test(f.name)).length).toBeGreaterThanOrEqual(2);
    expect(fonts.filter((f) => !f.emb || f.type === 'Type 3')).toEqual([]);
  });

  it('titles never break inside a word: a long school name wraps before the meeting, 会议纪要 stays whole', async () => {
    const org = '北京市海淀区中关村第三小学教育集团';
    const doc = demoMinutes({ orgName: org, title: `中共${org}委员会会议纪要` });
    const file = await print('long-title', doc);
    const words = pdfWords(file).filter((w) => w.page === 1 && w.yMax - w.yMin < 40);
    const number = words.find((w) => w.text.includes('〔2026〕'))!;
    const heading = words.filter((w) => w.yMax < number.yMin);
    const lines = lineTops(heading).map((top) => heading.filter((w) => Math.abs(w.yMin - top) < 4).map((w) => w.text).join(''));
    expect(lines).toEqual([`中共${org}`, '委员会会议纪要']);
  });

  it('R16 a 30-decision meeting with long names paginates cleanly: all decisions, nothing outside the type area, no heading stranded', () => {
    const doc = longMinutes();
    const { pages } = pdfInfo(files.long);
    const all = flowText(files.long);
    for (const d of doc.decisions) expect(all).toContain(flat(d.text));
    for (const n of [...doc.attendance.present, ...doc.attendance.observers]) expect(all).toContain(n);
    for (let p = 1; p <= pages; p++) {
      const words = bodyWords(files.long, p).filter((w) => w.yMax - w.yMin < 40);
      expect(Math.min(...words.map((w) => w.xMin))).toBeGreaterThan(AREA.left - TOL);
      expect(Math.max(...words.map((w) => w.xMax))).toBeLessThan(AREA.right + TOL);
      expect(Math.max(...words.map((w) => w.yMax))).toBeLessThan(AREA.bottom + TOL);
      // A decision heading never ends a page: its text follows on the same page.
      const pageText = flowText(files.long, { page: p });
      const lastHeading = pageText.lastIndexOf('工作安排的议题');
      if (lastHeading >= 0) expect(pageText.slice(lastHeading)).toMatch(/经举手表决|会议同意修订/);
    }
  });

  it('the closing (attendance lines and 版记) never stands alone on a page: it keeps the body’s last paragraph, whatever the length', async () => {
    // Without keeping them together, 2 and 7 decisions leave the 版记 alone on the last page, 5 splits the attendance.
    for (const n of [1, 2, 5, 7]) {
      const file = await print(`closing-${n}`, longMinutes(n));
      const pages = pdfInfo(file).pages;
      const last = flowText(file, { page: pages });
      expect(last, `${n} decisions`).toContain('出席：');
      expect(last, `${n} decisions`).toContain('印发');
      // The page starts with body text (a decision, its owner or its vote), not with the closing.
      expect(last.indexOf('出席：'), `${n} decisions`).toBeGreaterThan(20);
    }
  }, 120_000);

  it('GB/T 9704 §10.3 attendance: label two characters in, wrapped names aligned under the first name', () => {
    const words = bodyWords(files.long);
    const lastPage = Math.max(...words.map((w) => w.page));
    const page = words.filter((w) => w.page === lastPage || w.page === lastPage - 1);
    const label = page.find((w) => w.text.startsWith('出席'));
    expect(label).toBeDefined();
    const ch = (156 * PT_PER_MM) / 28;
    expect(Math.abs(label!.xMin - (AREA.left + 2 * ch))).toBeLessThan(TOL);
    const sameLine = page.filter((w) => w.page === label!.page && Math.abs(w.yMin - label!.yMin) < 2 && w.xMin > label!.xMin);
    // The first name starts right after "出席：" (the label may be one word with it).
    const firstName = label!.text.length > 3 ? label!.xMin + 3 * ch : Math.min(...sameLine.map((w) => w.xMin));
    const next = page.filter((w) => w.page === label!.page && w.yMin > label!.yMin + 10 && w.yMin < label!.yMin + 40);
    expect(next.length).toBeGreaterThan(0);
    expect(Math.abs(Math.min(...next.map((w) => w.xMin)) - firstName)).toBeLessThan(TOL);
  });
});

describe('会议纪要 HTML', () => {
  it('leaves out a face that is not installed (黑体 falls back to the bold serif), and says what to do when no font is', () => {
    const only = tempDir('yishi-fonts-');
    try {
      fs.mkdirSync(path.join(only, '@fontsource'));
      fs.symlinkSync(path.resolve('node_modules/@fontsource/noto-serif-sc'), path.join(only, '@fontsource', 'noto-serif-sc'));
      setFontsRoot(only);
      const html = minutesHtml(demoMinutes());
      expect(html).not.toMatch(/font-family:"YS Hei"/);
      expect(html).toMatch(/font-family:"YS Biao"/);
      expect(html).not.toMatch(/font-family:"YS Kai"/);
      expect(html).toContain(`font-family: ${FAMILY.hei};`);
      expect(FAMILY.hei).toBe('"YS Hei", "YS Biao", "YS Fangsong", "YS Rare"');
      setFontsRoot(path.join(only, 'missing'));
      expect(() => minutesHtml(demoMinutes())).toThrow(/找不到文书字体/);
    } finally {
      setFontsRoot(path.resolve('node_modules'));
      fs.rmSync(only, { recursive: true, force: true });
    }
  });

  it('escapes user text (names, titles, decisions) so it prints as text and never runs', () => {
    const doc = demoMinutes({
      title: '<script>alert(1)</script>纪要',
      opening: '会议在"<b>礼堂</b>"召开 & 结束',
      decisions: [{ number: 1, itemTitle: '<img src=x onerror=alert(1)>', text: "它's <i>ok</i>", owners: [{ ownerDept: '<u>部门</u>', deadline: '2026-04-01' }] }],
      items: [{ number: 1, title: '<img src=x onerror=alert(1)>', outcome: 'passed', decisionNumber: 1, vote: null, statements: [{ name: '<b>王</b>', stance: '同意', note: '<i>x</i>', byHost: false }], recusals: [], studiedAt: null, reason: null }],
      imprint: { copyTo: '<script>', issuer: '<b>办公室</b>' },
      attendance: { present: ['<b>王</b>'], onLeave: [{ name: '李', reason: '<script>' }], absent: [], observers: [] },
    });
    const html = minutesHtml(doc);
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>/);
    expect(html).toContain('&lt;b&gt;办公室&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;纪要');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&lt;b&gt;礼堂&lt;/b&gt;&quot;召开 &amp; 结束');
    expect(html).toContain('它&#39;s');
  });

  it('asks only its own origin for fonts (/__fonts/, which the shells serve), nothing else, no script', () => {
    const html = minutesHtml(demoMinutes());
    expect(html).toMatch(/@font-face\{font-family:"YS Fangsong";[^}]*src:[^}]*url\(\/__fonts\/@fontsource\/noto-serif-sc\/files\/[^)]+\.woff2\)/);
    expect(html).toMatch(/font-family:"YS Biao"/);
    expect(html).toMatch(/font-family:"YS Hei"/);
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:|file:|\/)/);
    expect(html).not.toMatch(/url\((?!\/__fonts\/)/);
    expect(html).not.toMatch(/data:font/);
    expect(html).toContain("font-src 'self'");
    expect(html).not.toMatch(/<script/i);
    // Every font URL is one the shells will serve.
    for (const [, url] of html.matchAll(/url\(([^)]+)\)/g)) expect(fontFileFor(url!), url).not.toBeNull();
    // A short document is a few kilobytes, not megabytes of inlined fonts.
    expect(html.length).toBeLessThan(100_000);
    // The PC's own GB/T 9704 fonts come first, by their own names (local(), never a substitute), the bundled one last.
    expect(html).toMatch(/font-family:"YS Fangsong";[^}]*src:local\("FangSong_GB2312"\),local\("仿宋_GB2312"\),local\("FangSong"\),local\("仿宋"\),local\("STFangsong"\),url\(/);
    expect(html).toMatch(/font-family:"YS Hei";[^}]*src:local\("SimHei"\),local\("黑体"\),local\("STHeiti"\),url\(/);
  });

  it('lists only the font slices the text needs', () => {
    const small = minutesHtml(demoMinutes());
    const large = minutesHtml(longMinutes());
    const count = (h: string) => (h.match(/@font-face\{font-family:"YS Fangsong"/g) ?? []).length;
    expect(count(small)).toBeLessThan(count(large) + 1);
    // Noto Serif SC has about 100 slices per weight; a short minutes needs far fewer.
    expect(count(small)).toBeLessThan(50);
  });
});
