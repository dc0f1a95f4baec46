// A tiny document structure shared by the HTML and the DOCX writers, so the minutes and the record
// say the same thing in both formats (the wording is built once, in minutes.ts / record.ts).
import { GRID, cnDate, esc, titleHtml } from './page';

export type Face = 'hei' | 'kai' | 'biao' | 'song';
export interface Run {
  text: string;
  face?: Face;
  underline?: boolean;
  /** Never broken across lines (a name in running text). */
  keep?: boolean;
}

export type Block =
  /** Body paragraph, first line two characters in unless `indent` is false. */
  | { kind: 'p'; runs: Run[]; indent?: boolean; align?: 'right' | 'center'; size?: 'small' | 'note' }
  /** 一、 heading in 黑体 */
  | { kind: 'h2'; text: string }
  /** (一) heading in 楷体 */
  | { kind: 'h3'; text: string }
  /** 2号 小标宋 centred title; `names` (the school's, the meeting's) never break across lines. */
  | { kind: 'title'; text: string; names?: string[] }
  /** Label in 黑体 then names; wrapped names align under the first (GB/T 9704 §10.3). */
  | { kind: 'att'; label: string; names: { name: string; reason?: string | null }[]; indent: boolean }
  /** 版记 (GB/T 9704 §7.4): 抄送, 印发机关 and 印发日期 between thick rules; the 存证码 small below. */
  | { kind: 'imprint'; copyTo: string | null; issuer: string; issuedOn: string | null; anchor: string | null }
  | { kind: 'blank' };

export const run = (text: string, face?: Face): Run => ({ text, face });

function runHtml(r: Run): string {
  const cls = [r.face ?? '', r.underline ? 'host' : '', r.keep ? 'nb' : ''].filter(Boolean).join(' ');
  return cls ? `<span class="${cls}">${esc(r.text)}</span>` : esc(r.text);
}

export function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'p': {
      const cls = [b.indent === false ? 'line' : '', b.align ?? '', b.size ?? ''].filter(Boolean).join(' ');
      return `<p${cls ? ` class="${cls}"` : ''}>${b.runs.map(runHtml).join('')}</p>`;
    }
    case 'h2':
      return `<h2>${esc(b.text)}</h2>`;
    case 'h3':
      return `<h3>${esc(b.text)}</h3>`;
    case 'title':
      return `<h1 class="title">${titleHtml(b.text, b.names ?? [])}</h1>`;
    case 'att': {
      if (b.names.length === 0) return '';
      // A name never breaks across lines; a long 请假 reason may.
      const names = b.names
        .map((n, i) => `<span class="nm">${esc(n.name)}</span>${n.reason ? `（${esc(n.reason)}）` : ''}${i < b.names.length - 1 ? '、' : ''}`)
        .join('');
      return `<div class="att${b.indent ? ' in2' : ''}"><span class="label hei">${esc(b.label)}：</span><span class="names">${names}</span></div>`;
    }
    case 'imprint': {
      const cc = b.copyTo ? `<div class="cc"><span>抄送：</span><span>${esc(copyToText(b.copyTo))}</span></div><div class="rule thin"></div>` : '';
      const anchor = b.anchor ? `<div class="anchor">存证码：${esc(b.anchor)}</div>` : '';
      return `<div class="imprint"><div class="rule thick"></div>${cc}<div class="issued"><span>${esc(b.issuer)}</span><span>${esc(issuedText(b.issuedOn))}</span></div><div class="rule thick"></div>${anchor}</div>`;
    }
    case 'blank':
      return '<div class="blank"></div>';
  }
}

/** The 抄送 bodies ending in a full stop (GB/T 9704 §7.4.2), however the school typed them. */
export function copyToText(copyTo: string): string {
  return `${copyTo.replace(/[。.；;，,、\s]+$/, '')}。`;
}

/** 2026年3月26日印发; a draft, not yet signed, leaves the date to be filled in. */
export function issuedText(issuedOn: string | null): string {
  return issuedOn ? `${cnDate(issuedOn)}印发` : '　　　　年　　月　　日印发';
}

export function blocksHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).filter(Boolean).join('\n');
}

/** CSS of the block classes beyond page.ts's base (attendance lines, small notes, lines without indent). */
export const BLOCK_CSS = `
.att { display: flex; align-items: baseline; text-align: left; }
.att.in2 { margin-left: calc(2 * (156mm / 28)); }
.att .label { flex: none; }
.att .names { flex: 1 1 auto; min-width: 0; }
.att .nm { white-space: nowrap; }
p.line { text-indent: 0; }
p.center { text-align: center; text-indent: 0; }
p.right { text-align: right; text-indent: 0; }
p.note { font-size: 14pt; line-height: 1.6; padding-left: 2em; text-indent: -2em; }
p.small { font-size: 9pt; line-height: 1.4; letter-spacing: 0; color: #555; }
.host { text-decoration: underline; text-underline-offset: 3pt; }
/* 版记 (GB/T 9704 §7.4): 4号 仿宋, rules as wide as the type area, thick (0.35 mm) first and last,
   thin (0.25 mm) between; 抄送 one character in on both sides, 印发机关 left and 印发日期 right one in. */
.imprint { margin-top: ${GRID.line}; font-size: 14pt; line-height: calc(225mm / 22); letter-spacing: 0; text-align: left; break-inside: avoid; }
.imprint .rule { height: 0; }
.imprint .rule.thick { border-top: 0.35mm solid #000; }
.imprint .rule.thin { border-top: 0.25mm solid #000; }
.imprint .cc { display: flex; padding: 0 14pt; }
.imprint .cc span:first-child { flex: none; }
.imprint .issued { display: flex; justify-content: space-between; padding: 0 14pt; }
.imprint .anchor { font-size: 9pt; line-height: 1.6; color: #555; text-align: right; }
`;
