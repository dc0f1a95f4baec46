// Fonts for printed documents. The CSS asks for the Windows fonts of GB/T 9704 first (仿宋, 黑体,
// 楷体, 宋体, 小标宋) and falls back to bundled open fonts (Noto Serif SC / Noto Sans SC from
// @fontsource), so a PC without them still prints the same layout. The fallback is inlined as
// data: URLs, only the unicode-range slices the document's text needs: the HTML is self-contained
// and prints the same in Electron's hidden window and in Playwright (no file or network access).
// The only I/O in db/documents: reading the bundled font files (cached per process).
import fs from 'node:fs';
import path from 'node:path';

/** The three bundled faces and which @fontsource package/weight provides each. */
export const BUNDLED_FACES = {
  /** 仿宋 / 宋体 / 楷体 fallback */
  serif: { family: 'YS Serif', pkg: 'noto-serif-sc', weight: 400 },
  /** 小标宋 fallback (titles) */
  serifBold: { family: 'YS Serif Bold', pkg: 'noto-serif-sc', weight: 700 },
  /** 黑体 fallback (labels, first-level headings) */
  sans: { family: 'YS Sans', pkg: 'noto-sans-sc', weight: 500 },
} as const;
export type FaceKey = keyof typeof BUNDLED_FACES;

/** font-family lists: system fonts of Windows (and common 公文 fonts) first, bundled last. */
export const FAMILY = {
  fangsong: `"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "${BUNDLED_FACES.serif.family}"`,
  hei: `"SimHei", "黑体", "STHeiti", "${BUNDLED_FACES.sans.family}", "${BUNDLED_FACES.serifBold.family}"`,
  kai: `"KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", "${BUNDLED_FACES.serif.family}"`,
  song: `"SimSun", "宋体", "STSong", "${BUNDLED_FACES.serif.family}"`,
  /** 小标宋: only the 方正 font is the real thing; otherwise the bundled bold serif (closer than SimSun). */
  biaosong: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "${BUNDLED_FACES.serifBold.family}"`,
} as const;

interface Slice {
  file: string;
  ranges: [number, number][];
}

let fontsRoot: string | null = null;

/**
 * Where the @fontsource packages live (folder holding noto-serif-sc/ and noto-sans-sc/, each with
 * NNN.css and files/). The Electron shell sets it (resources/fonts when installed); otherwise
 * YISHI_FONTS_ROOT, then node_modules/@fontsource beside the working directory.
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
    path.join(process.cwd(), 'node_modules', '@fontsource'),
  ].filter((d): d is string => Boolean(d));
  const found = candidates.find((d) => fs.existsSync(path.join(d, BUNDLED_FACES.serif.pkg, `${BUNDLED_FACES.serif.weight}.css`)));
  if (!found) {
    throw new Error(`找不到文书字体（Noto Serif SC）。已查找：${candidates.join('；')}。请重新安装本程序。`);
  }
  fontsRoot = found;
  return found;
}

const sliceCache = new Map<string, Slice[]>();
const dataCache = new Map<string, string>();

function slicesOf(face: FaceKey): Slice[] {
  const { pkg, weight } = BUNDLED_FACES[face];
  const key = `${pkg}/${weight}`;
  const cached = sliceCache.get(key);
  if (cached) return cached;
  const file = path.join(root(), pkg, `${weight}.css`);
  // A face left out of an installation degrades (黑体 falls back to the bold serif); only the
  // body serif is required (root() checks it).
  if (!fs.existsSync(file)) {
    sliceCache.set(key, []);
    return [];
  }
  const css = fs.readFileSync(file, 'utf8');
  const slices: Slice[] = [];
  for (const m of css.matchAll(/url\(\.\/files\/([^)]+?\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)) {
    const ranges = m[2].split(',').map((r): [number, number] => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a, 16), parseInt(b ?? a, 16)];
    });
    slices.push({ file: m[1], ranges });
  }
  sliceCache.set(key, slices);
  return slices;
}

function dataUrl(pkg: string, file: string): string {
  const key = `${pkg}/${file}`;
  let url = dataCache.get(key);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(path.join(root(), pkg, 'files', file)).toString('base64')}`;
    dataCache.set(key, url);
  }
  return url;
}

/** @font-face rules (data: URLs) for the slices of one face that cover `text`. */
function faceCss(face: FaceKey, text: string): string {
  // Each bundled weight is its own family declared as normal weight, so no element needs
  // font-weight (which would embolden a system 小标宋 or 黑体 a second time).
  const { family, pkg } = BUNDLED_FACES[face];
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
      `@font-face{font-family:"${family}";font-style:normal;font-weight:400;font-display:block;src:url(${dataUrl(pkg, s.file)}) format("woff2");unicode-range:${range};}`,
    );
  }
  return rules.join('\n');
}

/** Text each bundled face must cover; the serif always covers everything (body text). */
export type FaceText = Record<FaceKey, string>;

export function fontFaceCss(text: FaceText): string {
  const faces = slicesOf('sans').length ? text : { ...text, serifBold: text.serifBold + text.sans, sans: '' };
  return (Object.keys(BUNDLED_FACES) as FaceKey[]).map((k) => faceCss(k, faces[k])).filter(Boolean).join('\n');
}
