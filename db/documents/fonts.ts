// Fonts for printed documents. The CSS asks for the Windows fonts of GB/T 9704 first (仿宋, 黑体,
// 楷体, 宋体, 小标宋) and falls back to bundled open fonts (Noto Serif SC / Noto Sans SC from
// @fontsource, 霞鹜文楷 LXGW WenKai for 楷体), so a PC without them still prints the same layout. The fallback is inlined as
// data: URLs, only the unicode-range slices the document's text needs: the HTML is self-contained
// and prints the same in Electron's hidden window and in Playwright (no file or network access).
// The only I/O in db/documents: reading the bundled font files (cached per process).
import fs from 'node:fs';
import path from 'node:path';

/**
 * The bundled faces: the npm package folder of each (under the fonts root, which mirrors
 * node_modules) and the stylesheet that lists its unicode-range slices.
 */
export const BUNDLED_FACES = {
  /** 仿宋 / 宋体 fallback (body text); also stands in for any face left out */
  serif: { family: 'YS Serif', dir: '@fontsource/noto-serif-sc', css: '400.css' },
  /** 小标宋 fallback (titles) */
  serifBold: { family: 'YS Serif Bold', dir: '@fontsource/noto-serif-sc', css: '700.css' },
  /** 黑体 fallback (labels, first-level headings) */
  sans: { family: 'YS Sans', dir: '@fontsource/noto-sans-sc', css: '500.css' },
  /** 楷体 fallback (second-level headings, revision notes): 霞鹜文楷, SIL OFL */
  kai: { family: 'YS Kai', dir: 'lxgw-wenkai-webfont', css: 'lxgwwenkai-regular.css' },
} as const;
export type FaceKey = keyof typeof BUNDLED_FACES;

/** font-family lists: system fonts of Windows (and common 公文 fonts) first, bundled last. */
export const FAMILY = {
  fangsong: `"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "${BUNDLED_FACES.serif.family}"`,
  hei: `"SimHei", "黑体", "STHeiti", "${BUNDLED_FACES.sans.family}", "${BUNDLED_FACES.serifBold.family}"`,
  kai: `"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "${BUNDLED_FACES.kai.family}", "${BUNDLED_FACES.serif.family}"`,
  song: `"SimSun", "宋体", "STSong", "${BUNDLED_FACES.serif.family}"`,
  /** 小标宋: only the 方正 font is the real thing; otherwise the bundled bold serif (closer than SimSun). */
  biaosong: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "${BUNDLED_FACES.serifBold.family}"`,
} as const;

export interface Slice {
  /** woff2 file, relative to the stylesheet's folder */
  file: string;
  ranges: [number, number][];
}

/** The slices of a @font-face stylesheet: each rule's woff2 file and its unicode-range. */
export function parseFontFaceCss(css: string): Slice[] {
  const slices: Slice[] = [];
  for (const [, rule] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const file = /url\(\s*['"]?\.\/([^'")]+\.woff2)['"]?\s*\)/.exec(rule!)?.[1];
    const range = /unicode-range:\s*([^;}]+)/.exec(rule!)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
    slices.push({ file, ranges });
  }
  return slices;
}

let fontsRoot: string | null = null;

/**
 * Where the font packages live: a folder laid out as node_modules (@fontsource/noto-serif-sc/,
 * lxgw-wenkai-webfont/ …). The Electron shell sets it (resources/fonts when installed, see
 * electron-builder.yml); otherwise YISHI_FONTS_ROOT, then node_modules beside the working directory.
 */
let configured: string | null = null;

export function setFontsRoot(dir: string): void {
  configured = dir;
  fontsRoot = null;
  sliceCache.clear();
  dataCache.clear();
}

function root(): string {
  if (fontsRoot) return fontsRoot;
  const candidates = configured ? [configured] : [
    process.env.YISHI_FONTS_ROOT,
    (process as { resourcesPath?: string }).resourcesPath ? path.join((process as { resourcesPath?: string }).resourcesPath!, 'fonts') : undefined,
    path.join(process.cwd(), 'node_modules'),
  ].filter((d): d is string => Boolean(d));
  const found = candidates.find((d) => fs.existsSync(path.join(d, BUNDLED_FACES.serif.dir, BUNDLED_FACES.serif.css)));
  if (!found) {
    throw new Error(`找不到文书字体（Noto Serif SC）。已查找：${candidates.join('；')}。请重新安装本程序。`);
  }
  fontsRoot = found;
  return found;
}

const sliceCache = new Map<string, Slice[]>();
const dataCache = new Map<string, string>();

function slicesOf(face: FaceKey): Slice[] {
  const { dir, css } = BUNDLED_FACES[face];
  const key = `${dir}/${css}`;
  const cached = sliceCache.get(key);
  if (cached) return cached;
  const file = path.join(root(), dir, css);
  // A face left out of an installation degrades (黑体 falls back to the bold serif, 楷体 to the
  // serif); only the body serif is required (root() checks it).
  const slices = fs.existsSync(file) ? parseFontFaceCss(fs.readFileSync(file, 'utf8')) : [];
  sliceCache.set(key, slices);
  return slices;
}

function dataUrl(dir: string, file: string): string {
  const key = `${dir}/${file}`;
  let url = dataCache.get(key);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(path.join(root(), dir, file)).toString('base64')}`;
    dataCache.set(key, url);
  }
  return url;
}

/** @font-face rules (data: URLs) for the slices of one face that cover `text`. */
function faceCss(face: FaceKey, text: string): string {
  // Each bundled weight is its own family declared as normal weight, so no element needs
  // font-weight (which would embolden a system 小标宋 or 黑体 a second time).
  const { family, dir } = BUNDLED_FACES[face];
  const codes = new Set<number>();
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c > 0x20) codes.add(c);
  }
  const rules: string[] = [];
  for (const s of slicesOf(face)) {
    const used = [...codes].some((c) => s.ranges.some(([a, b]) => c >= a && c <= b));
    if (!used) continue;
    const range = s.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
    rules.push(
      `@font-face{font-family:"${family}";font-style:normal;font-weight:400;font-display:block;src:url(${dataUrl(dir, s.file)}) format("woff2");unicode-range:${range};}`,
    );
  }
  return rules.join('\n');
}

/** Text each bundled face must cover; the serif always covers everything (body text). */
export type FaceText = Record<FaceKey, string>;

export function fontFaceCss(text: FaceText): string {
  // Without the sans, 黑体 text falls back to the bold serif (FAMILY.hei), which must then cover it.
  const faces = slicesOf('sans').length ? text : { ...text, serifBold: text.serifBold + text.sans, sans: '' };
  return (Object.keys(BUNDLED_FACES) as FaceKey[]).map((k) => faceCss(k, faces[k])).filter(Boolean).join('\n');
}
