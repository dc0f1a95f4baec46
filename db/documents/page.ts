// The printed page shared by every document: GB/T 9704 A4 set-up (margins 37/28/26/35 mm, type
// area 156 × 225 mm, 22 lines × 28 characters of 3号), page numbers "— 1 —" in 4号 宋体 7 mm below
// the type area (odd pages right, even pages left, one character in), fonts, escaping and dates.
// Chromium (≥131) prints CSS @page margin boxes and :left/:right pages; Electron 45 and Debian's
// Chromium both do, so the page number needs no header/footer template of the printing API.
import { FAMILY, fontFaceCss } from './fonts';

export { cnDate, cnDateTime } from '../calendar';

/** Escape user text for HTML element content and attribute values. */
export function esc(s: string | number | null | undefined): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 30 → 三十, 105 → 一百零五 (heading numbers 一、 and (一)). */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    const restText = rest === 0 ? '' : rest < 10 ? `零${DIGITS[rest]}` : rest < 20 ? `一${cnNumber(rest)}` : cnNumber(rest);
    return `${DIGITS[Math.floor(n / 100)]}百${restText}`;
  }
  return String(n);
}

/**
 * The GB/T 9704 numbering of a document's structure, in one place: level 1 一、, level 2 （一）,
 * level 3 1．, level 4 （1）. A list under a 一、 heading is level 2, under a （一） heading level 3.
 */
export function outlineNumber(level: 1 | 2 | 3 | 4, n: number): string {
  if (level === 1) return `${cnNumber(n)}、`;
  if (level === 2) return `（${cnNumber(n)}）`;
  if (level === 3) return `${n}．`;
  return `（${n}）`;
}

/** Amount in 元 with thousands separators: 120000 → 120,000元 */
export function yuan(n: number | null | undefined): string {
  if (n == null) return '';
  return `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}元`;
}

/** Plain text of generated HTML (tags dropped, entities decoded): what the fonts must cover. */
export function textOf(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Words of document titles that a line never breaks inside (with the school's and the meeting's names). */
const TITLE_WORDS = ['中共', '总支部委员会', '支部委员会', '委员会', '会议纪要', '纪要', '会议记录', '记录', '签到表', '表决票', '关于召开', '的通知'];

/**
 * A title as HTML in which the known words (the school's name, the meeting's title, 委员会,
 * 会议纪要 …) never break across lines; other text breaks as usual. With text-wrap: balance, a
 * long title wraps as 青山县第一中学 / 2026年第3次党委会议记录, never 党委会议记 / 录.
 */
/** Characters of 2号 (22 pt) on one 156 mm line. */
const TITLE_LINE_CHARS = 20;

export function titleHtml(text: string, names: string[]): string {
  // A name longer than one title line (156 mm at 2号 is 20 characters) must break, or Chromium
  // shrinks the whole page to fit it.
  const words = [...names.filter((n) => n && n.length <= TITLE_LINE_CHARS), ...TITLE_WORDS].sort((a, b) => b.length - a.length);
  let html = '';
  let free = '';
  for (let i = 0; i < text.length; ) {
    const word = words.find((w) => text.startsWith(w, i));
    if (!word) {
      free += text[i++];
      continue;
    }
    html += `${esc(free)}<span class="nb">${esc(word)}</span>`;
    free = '';
    i += word.length;
  }
  return html + esc(free);
}

/** GB/T 9704 grid: one character cell (156 mm / 28) and one line (225 mm / 22). */
export const GRID = { ch: 'calc(156mm / 28)', line: 'calc(225mm / 22)' } as const;

// GB/T 9704 §7.5: the dashes' line 7 mm below the type area. A dash sits about 0.62 em below the
// top of its line (4号, line-height 1), so the box starts that much higher.
const PAGE_NUMBER = `content: "— " counter(page) " —"; font-family: ${FAMILY.song}; font-size: 14pt; line-height: 1; vertical-align: top; padding-top: calc(7mm - 0.62em);`;

/** Page set-up, body type and the shared classes (hei / kai / biao, paragraphs, headings). */
export function baseCss(opts: { pageNumbers: boolean }): string {
  return `
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
${opts.pageNumbers ? `@page :right { @bottom-right { ${PAGE_NUMBER} padding-right: 14pt; text-align: right; } }
@page :left { @bottom-left { ${PAGE_NUMBER} padding-left: 14pt; text-align: left; } }` : ''}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #000;
  font-family: ${FAMILY.fangsong}; font-size: 16pt; line-height: ${GRID.line};
  /* 28 characters per 156 mm line, as the GB/T 9704 grid */
  letter-spacing: calc(156mm / 28 - 16pt);
  text-align: justify; overflow-wrap: anywhere;
}
p { margin: 0; text-indent: calc(2 * ${GRID.ch}); orphans: 2; widows: 2; }
.hei { font-family: ${FAMILY.hei}; }
.kai { font-family: ${FAMILY.kai}; }
.song { font-family: ${FAMILY.song}; }
.biao { font-family: ${FAMILY.biaosong}; }
h1.title { font-family: ${FAMILY.biaosong}; font-weight: normal; font-size: 22pt; line-height: 1.45; letter-spacing: 0;
  text-align: center; text-wrap: balance; margin: 0 0 ${GRID.line}; }
h2 { font-family: ${FAMILY.hei}; font-weight: normal; font-size: 16pt; margin: 0; text-indent: calc(2 * ${GRID.ch});
  break-after: avoid; page-break-after: avoid; }
h3 { font-family: ${FAMILY.kai}; font-weight: normal; font-size: 16pt; margin: 0; text-indent: calc(2 * ${GRID.ch});
  break-after: avoid; page-break-after: avoid; }
.blank { height: ${GRID.line}; }
.nb { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; letter-spacing: 0; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-family: ${FAMILY.hei};
  font-size: 110pt; line-height: 1; letter-spacing: 20pt; color: rgba(200, 0, 0, 0.13); transform: rotate(-30deg);
  pointer-events: none; z-index: 10; }
@media screen {
  html { background: #e8e8e8; }
  body { width: 156mm; min-height: 225mm; margin: 8mm auto; padding: 37mm 26mm 35mm 28mm; background: #fff;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .watermark { position: absolute; top: 140mm; }
}
`;
}

export interface DocumentParts {
  /** <title> of the page (user text, escaped here). */
  title: string;
  /** Extra CSS of this document. */
  css: string;
  /** Body HTML (already escaped by the renderer). */
  body: string;
  pageNumbers?: boolean;
}

/**
 * A complete HTML document: no scripts, no requests beyond the bundled fonts, which the page
 * loads from its own origin (/__fonts/…, served by the shell that prints it).
 */
export function htmlDocument(p: DocumentParts): string {
  const pageNumbers = p.pageNumbers ?? true;
  const text = textOf(p.body) + (pageNumbers ? '— 0123456789' : '');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:">
<title>${esc(p.title)}</title>
<style>
${fontFaceCss(text)}
${baseCss({ pageNumbers })}
${p.css}
</style>
</head>
<body>
${p.body}
</body>
</html>
`;
}

/** Characters nearly every document prints: their font slices are the ones a first export waits for. */
const COMMON_TEXT =
  '中共学校委员会总支部党委支部校长办公会议纪要记录通知签到表决票第一二三四五六七八九十期号年月日时间地点主持人记录人' +
  '出席请假缺席列席抄送印发机关同意不同意弃权反对通过未获暂缓研究决定事项议题关于的责任分管领导完成限由负责落实现将如下' +
  '经应到实人票回避同志发言表态意见前置草稿修订勘误（）、，。：；“”《》〔〕—0123456789';

/**
 * A page in every family with the common characters, printed once by a shell soon after it
 * starts: the print window exists and the common font slices are decoded before the first export.
 */
export function warmUpHtml(): string {
  const text = esc(COMMON_TEXT);
  const body = `<h1 class="title">${text}</h1><h2>${text}</h2><h3>${text}</h3><p>${text}</p><p class="song">${text}</p>`;
  return htmlDocument({ title: '预热', css: '', body });
}
