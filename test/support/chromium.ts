// Real Chromium (Debian's /usr/bin/chromium via playwright-core) for printing document HTML to
// PDF exactly like the shells do, plus poppler helpers to check the bytes. Never downloads a browser.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Print self-contained HTML to PDF bytes, after the webfonts have loaded (the page's @page size wins). */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

/** A temporary folder removed by the caller's cleanup. */
export function tempDir(prefix = 'yishi-doc-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Plain text of the PDF (layout mode keeps lines together). */
export function pdfText(file: string, opts: { layout?: boolean; page?: number } = {}): string {
  const args = [...(opts.layout ? ['-layout'] : []), ...(opts.page ? ['-f', String(opts.page), '-l', String(opts.page)] : []), file, '-'];
  return poppler('pdftotext', args);
}

export interface PdfFont { name: string; type: string; emb: boolean; sub: boolean }

export function pdfFonts(file: string): PdfFont[] {
  const lines = poppler('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: read emb/sub/uni from the end (type may contain spaces).
    const n = cols.length;
    return { name: cols[0], type: cols.slice(1, n - 6).join(' '), emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes' };
  });
}

export interface PdfInfo { pages: number; widthPt: number; heightPt: number }

export function pdfInfo(file: string): PdfInfo {
  const out = poppler('pdfinfo', [file]);
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

export interface WordBox { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** Every word with its box in points (pdftotext -bbox), page numbers 1-based. */
export function pdfWords(file: string): WordBox[] {
  const xml = poppler('pdftotext', ['-bbox', file, '-']);
  const words: WordBox[] = [];
  const pages = xml.split('<page ').slice(1);
  pages.forEach((chunk, i) => {
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: i + 1, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: decodeXml(m[5]) });
    }
  });
  return words;
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Render pages to PNG (for looking at them); returns the file paths. */
export function pdfPngs(file: string, outPrefix: string, dpi = 60): string[] {
  poppler('pdftoppm', ['-png', '-r', String(dpi), file, outPrefix]);
  const dir = path.dirname(outPrefix);
  const base = path.basename(outPrefix);
  return fs.readdirSync(dir).filter((f) => f.startsWith(base) && f.endsWith('.png')).sort().map((f) => path.join(dir, f));
}

export const PT_PER_MM = 72 / 25.4;

/**
 * The words of the text flow joined without spaces, leaving out oversized words (a 草稿 watermark
 * is 110 pt) that pdftotext would otherwise splice into the lines they cross.
 */
export function flowText(file: string, opts: { page?: number; maxHeightPt?: number } = {}): string {
  const max = opts.maxHeightPt ?? 40;
  return pdfWords(file)
    .filter((w) => (opts.page ? w.page === opts.page : true) && w.yMax - w.yMin < max)
    .map((w) => w.text)
    .join('');
}

/** Distinct text lines of a page (words whose tops are within `tol` points belong to one line). */
export function lineTops(words: WordBox[], tol = 4): number[] {
  const tops = [...words.map((w) => w.yMin)].sort((a, b) => a - b);
  const lines: number[] = [];
  for (const y of tops) if (!lines.length || y - lines[lines.length - 1] > tol) lines.push(y);
  return lines;
}

export interface Raster { width: number; height: number; rgb: Buffer }

/** One page rasterised by pdftoppm (PPM), for checking colours such as the red 纪要标志. */
export function pageRaster(file: string, page: number, dpi = 30): Raster {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PPM image');
  return { width: +header[1], height: +header[2], rgb: ppm.subarray(header[0].length) };
}

/** Count pixels in a band of rows (fractions of the page height) that match a colour test. */
export function countPixels(r: Raster, from: number, to: number, test: (red: number, green: number, blue: number) => boolean): number {
  let n = 0;
  for (let y = Math.floor(from * r.height); y < Math.floor(to * r.height); y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 3;
      if (test(r.rgb[i], r.rgb[i + 1], r.rgb[i + 2])) n++;
    }
  }
  return n;
}
