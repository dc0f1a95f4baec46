// Fonts for printed documents. Each GB/T 9704 face is a family of our own (YS Fangsong, YS Hei …)
// whose @font-face rules ask for the PC's real font by name first, local("FangSong"),
// local("仿宋") …, and otherwise load the bundled open font (Noto Serif SC / Noto Sans SC from
// @fontsource, 霞鹜文楷 LXGW WenKai for 楷体), so a PC without them still prints the same layout.
// local() matches a font's own name only: a plain family list would also accept a system
// substitute (Linux with a Chinese locale hands out Noto CJK for "SimHei"), which prints
// differently, and slowly (its CFF outlines go into the PDF as Type 3 fonts).
// The bundled files are named by URL, /__fonts/<package>/<file>, never inlined: each shell serves
// them (Electron's app:// protocol, the test harness's server) through fontFileFor(), so a
// document is a few kilobytes and a reused print window decodes each font slice only once.
// Only the unicode-range slices the document's text needs are listed.
// The only I/O in db/documents: finding the bundled font files and reading their stylesheets.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The bundled faces: the npm package folder of each (under the fonts root, which mirrors
 * node_modules) and the stylesheet that lists its unicode-range slices.
 */
export const BUNDLED_FACES = {
  /** Noto Serif SC 400: 仿宋 and 宋体 fallback (body text, page numbers) */
  serif: { dir: '@fontsource/noto-serif-sc', css: '400.css' },
  /** Noto Serif SC 700: 小标宋 fallback (titles) */
  serifBold: { dir: '@fontsource/noto-serif-sc', css: '700.css' },
  /** Noto Sans SC 500: 黑体 fallback (labels, first-level headings) */
  sans: { dir: '@fontsource/noto-sans-sc', css: '500.css' },
  /** 霞鹜文楷 (SIL OFL): 楷体 fallback (second-level headings, revision notes) */
  kai: { dir: 'lxgw-wenkai-webfont', css: 'lxgwwenkai-regular.css' },
  /**
   * Yishi Rare Serif (scripts/rare-font.py, from Noto Serif CJK SC): the 33 GB2312 characters the
   * slices above lack, CJK Extension A and the Extension B–F characters Noto has — rare names.
   */
  rare: { dir: 'yishi-rare', css: 'rare.css' },
} as const;
export type FaceKey = keyof typeof BUNDLED_FACES;

/**
 * The document's font families: the PC's fonts that are the real thing (Windows names, their
 * Chinese names, the 公文 GB2312 fonts, macOS names), then the bundled face. Each weight is its
 * own family declared as normal weight, so no element needs font-weight (which would embolden a
 * system 小标宋 or 黑体 a second time).
 */
export const FACES = {
  fangsong: { family: 'YS Fangsong', local: ['FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'STFangsong'], face: 'serif' },
  song: { family: 'YS Song', local: ['SimSun', '宋体', 'STSong'], face: 'serif' },
  hei: { family: 'YS Hei', local: ['SimHei', '黑体', 'STHeiti'], face: 'sans' },
  kai: { family: 'YS Kai', local: ['KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体', 'STKaiti'], face: 'kai' },
  /** 小标宋: only the 方正 font is the real thing; otherwise the bundled bold serif (closer than SimSun). */
  biao: { family: 'YS Biao', local: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0'], face: 'serifBold' },
  /** Characters none of the above has (a name with 䶮 or 𠮷): always the bundled serif, so they print alike everywhere. */
  rare: { family: 'YS Rare', local: [], face: 'rare' },
} as const satisfies Record<string, { family: string; local: readonly string[]; face: FaceKey }>;
export type FamilyKey = keyof typeof FACES;

const list = (...keys: FamilyKey[]) => keys.map((k) => `"${FACES[k].family}"`).join(', ');

/** font-family lists: the face, then what stands in for a character it lacks. */
export const FAMILY = {
  fangsong: list('fangsong', 'rare'),
  song: list('song', 'fangsong', 'rare'),
  hei: list('hei', 'biao', 'fangsong', 'rare'),
  kai: list('kai', 'fangsong', 'rare'),
  biaosong: list('biao', 'fangsong', 'rare'),
} as const;

/** URL path under which every shell serves the bundled font files (see fontFileFor). */
export const FONTS_PATH = '/__fonts/';

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

/**
 * Where the bundled fonts live: folders laid out as node_modules (@fontsource/noto-serif-sc/,
 * lxgw-wenkai-webfont/ …), with our own generated fonts (yishi-rare/) in build/fonts beside
 * node_modules in the source tree, and in the same folder as the rest when installed. The
 * Electron shell sets it (resources/fonts when installed, see electron-builder.yml); otherwise
 * YISHI_FONTS_ROOT, then node_modules and build/fonts under the working directory.
 */
let configured: string | null = null;

export function setFontsRoot(dir: string): void {
  configured = dir;
  faceRoots.clear();
  sliceCache.clear();
}

function candidates(): string[] {
  if (configured) return [configured, path.join(configured, '..', 'build', 'fonts')];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return [
    process.env.YISHI_FONTS_ROOT,
    resources ? path.join(resources, 'fonts') : undefined,
    path.join(process.cwd(), 'node_modules'),
    path.join(process.cwd(), 'build', 'fonts'),
  ].filter((d): d is string => Boolean(d));
}

const faceRoots = new Map<FaceKey, string | null>();

/** The folder holding a face's package, or null when the installation left it out. */
function rootOf(face: FaceKey): string | null {
  if (faceRoots.has(face)) return faceRoots.get(face)!;
  const { dir, css } = BUNDLED_FACES[face];
  const found = candidates().find((d) => fs.existsSync(path.join(d, dir, css))) ?? null;
  // Only the body serif is required; any other face degrades (FAMILY lists what stands in).
  if (!found && face === 'serif') {
    throw new Error(`找不到文书字体（Noto Serif SC）。已查找：${candidates().join('；')}。请重新安装本程序。`);
  }
  faceRoots.set(face, found);
  return found;
}

const sliceCache = new Map<FaceKey, Slice[]>();

function slicesOf(face: FaceKey): Slice[] {
  const cached = sliceCache.get(face);
  if (cached) return cached;
  const root = rootOf(face);
  const { dir, css } = BUNDLED_FACES[face];
  const slices = root ? parseFontFaceCss(fs.readFileSync(path.join(root, dir, css), 'utf8')) : [];
  sliceCache.set(face, slices);
  return slices;
}

/**
 * The file behind a /__fonts/<package>/<file> URL path, or null. Only the woff2 files the bundled
 * faces' stylesheets name are served: nothing else under the fonts root is reachable.
 */
export function fontFileFor(urlPath: string): string | null {
  if (!urlPath.startsWith(FONTS_PATH)) return null;
  let rest: string;
  try {
    rest = decodeURIComponent(urlPath.slice(FONTS_PATH.length));
  } catch {
    return null;
  }
  for (const face of Object.keys(BUNDLED_FACES) as FaceKey[]) {
    const { dir } = BUNDLED_FACES[face];
    if (!rest.startsWith(`${dir}/`)) continue;
    const file = rest.slice(dir.length + 1);
    if (slicesOf(face).some((s) => s.file === file)) return path.join(rootOf(face)!, dir, file);
  }
  return null;
}

/** @font-face rules of one family for the slices of its bundled face that hold any of `codes`. */
function familyCss(key: FamilyKey, codes: Set<number>): string {
  const { family, local, face } = FACES[key];
  const { dir } = BUNDLED_FACES[face];
  const locals = local.map((name) => `local("${name}"),`).join('');
  const rules: string[] = [];
  for (const s of slicesOf(face)) {
    if (![...codes].some((c) => s.ranges.some(([a, b]) => c >= a && c <= b))) continue;
    const range = s.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
    rules.push(
      `@font-face{font-family:"${family}";font-style:normal;font-weight:400;font-display:block;src:${locals}url(${FONTS_PATH}${dir}/${s.file}) format("woff2");unicode-range:${range};}`,
    );
  }
  return rules.join('\n');
}

/**
 * @font-face rules of every family for the slices that cover `text` (the document's whole text).
 * Listing a slice costs nothing: Chromium downloads one only when a character it renders in that
 * family falls in its unicode-range, so the rules need not know which text is set in 黑体.
 * A face left out of an installation degrades: 黑体 to the bold serif (FAMILY.hei lists 小标宋
 * next), 楷体 to the body serif; only the body serif is required (rootOf() checks it).
 */
export function fontFaceCss(text: string): string {
  rootOf('serif');
  const codes = new Set<number>();
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c > 0x20) codes.add(c);
  }
  return (Object.keys(FACES) as FamilyKey[]).map((k) => familyCss(k, codes)).filter(Boolean).join('\n');
}
