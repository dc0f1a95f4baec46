// 大字 (large type): every font-size rule of the stylesheets has its larger twin in
// renderer/styles/large-type.css, none under 13 px, base text 16 px; and the WCAG contrast
// formula the e2e scan uses (test/support/contrast.ts) is the standard one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, failures, parseColor } from './support/contrast';

const ROOT = path.resolve(__dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const SHEETS = ['renderer/styles/app.css', 'renderer/screens/signin/signin.css'];

/** selector → font-size px of every plain rule (not inside @media). */
function sizes(css: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const sel = m[1]!.trim();
    const px = /font-size:\s*(\d+(?:\.\d+)?)px/.exec(m[2]!);
    if (!px || sel.startsWith('@')) continue;
    for (const s of sel.split(',')) out.set(s.trim().replace(/\s+/g, ' '), Number(px[1]));
  }
  return out;
}

describe('大字 stylesheet', () => {
  const large = sizes(read('renderer/styles/large-type.css'));
  it('base text is 16 px with 大字 on', () => {
    expect(large.get(':root.large-type')).toBe(16);
  });
  it('every font-size rule has a larger override, and none is under 13 px', () => {
    const missing: string[] = [];
    for (const sheet of SHEETS) {
      for (const [sel, px] of sizes(read(sheet))) {
        const twin = sel.startsWith(':root') ? `:root.large-type${sel.slice(5)}` : `.large-type ${sel}`;
        const big = large.get(twin);
        if (big === undefined || big < Math.max(13, px)) missing.push(`${sheet}: ${sel} ${px}px → ${big ?? '无'}`);
      }
    }
    expect(missing).toEqual([]);
    expect([...large.values()].filter((px) => px < 13)).toEqual([]);
  });
});

describe('WCAG contrast', () => {
  it('black on white is 21:1, equal colours 1:1, the muted grey on white passes AA', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([119, 119, 119], [119, 119, 119])).toBe(1);
    // #777 on white is the classic just-failing grey: 4.48:1.
    expect(contrast(parseColor('#777777')!.rgb, [255, 255, 255])).toBeCloseTo(4.48, 2);
    expect(contrast(parseColor('#5f6b7a')!.rgb, [255, 255, 255])).toBeGreaterThan(4.5);
  });
  it('the scan flags low contrast and small text, blending a translucent colour', () => {
    const sample = (color: string, fontSize = 16) => ({ text: '示例', color, background: 'rgb(255, 255, 255)', fontSize, where: 'span' });
    expect(failures([sample('rgb(31, 41, 51)')], 13)).toEqual([]);
    expect(failures([sample('rgb(153, 153, 153)')], 13)).toHaveLength(1);
    expect(failures([sample('rgba(0, 0, 0, 0.3)')], 13)).toHaveLength(1);
    expect(failures([sample('rgb(31, 41, 51)', 12)], 13)).toEqual(['「示例」 span 12px']);
  });
});
