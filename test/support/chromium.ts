// Real Chromium (Debian's /usr/bin/chromium via playwright-core) for printing document HTML to
// PDF exactly like the shells do, plus poppler helpers to check the bytes. Never downloads a browser.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fontFileFor } from '../../db/documents/fonts';
import { warmUpHtml } from '../../db/documents/page';

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

/** Serve a bundled print font (db/documents/fonts.ts FONTS_PATH); false when the path is not one. */
export function serveFont(pathname: string, res: http.ServerResponse): boolean {
  const file = fontFileFor(pathname);
  if (!file) return false;
  // Fonts never change within a run: let Chromium keep them between documents, as Electron does.
  res.writeHead(200, { 'content-type': 'font/woff2', 'cache-control': 'max-age=86400', 'x-content-type-options': 'nosniff' });
  fs.createReadStream(file).pipe(res);
  return true;
}

/** Prints document HTML to PDF; one per browser, one document at a time. */
export interface DocumentPrinter {
  pdf(html: string): Promise<Buffer>;
  /** Open the page and print the warm-up document (db/documents warmUpHtml), as Electron does after start. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

const PRINT_PATH = '/__print/';

/**
 * The harness's print path, as Electron's (electron/host.ts): the document is served from an
 * origin that also serves /__fonts/, and one page is kept and reused for every document, so
 * Chromium decodes each font slice once. Waits for the webfonts; the page's @page size wins.
 */
export async function documentPrinter(browser: Browser): Promise<DocumentPrinter> {
  const docs = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const html = docs.get(pathname);
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else if (!serveFont(pathname, res)) {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  let page: Page | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let next = 1;
  const print = async (html: string): Promise<Buffer> => {
    const pathname = `${PRINT_PATH}${next++}.html`;
    docs.set(pathname, html);
    try {
      if (!page || page.isClosed()) page = await browser.newPage();
      await page.goto(`${origin}${pathname}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      docs.delete(pathname);
    }
  };
  const pdf = (html: string): Promise<Buffer> => {
    const job = queue.then(() => print(html));
    queue = job.catch(() => undefined);
    return job;
  };
  return {
    pdf,
    async warm() {
      await pdf(warmUpHtml());
    },
    async close() {
      await page?.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const printers = new WeakMap<Browser, Promise<DocumentPrinter>>();

/** Print document HTML to PDF bytes with the browser's printer (made on first use, closed with the browser). */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  let printer = printers.get(browser);
  if (!printer) {
    printer = documentPrinter(browser);
    printers.set(browser, printer);
    browser.once('disconnected', () => void printer!.then((p) => p.close()));
  }
  return (await printer).pdf(html);
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

/**
 * Rows (in mm from the top of the page) holding a horizontal dark run at least `minMm` long —
 * a page number's dashes, a 版记's rules — between `fromMm` and `toMm`, at 300 dpi.
 */
export function darkRules(file: string, page: number, fromMm: number, toMm: number, minMm: number): number[] {
  const dpi = 300;
  const perMm = dpi / 25.4;
  const r = pageRaster(file, page, dpi);
  const rows: number[] = [];
  for (let y = Math.floor(fromMm * perMm); y < Math.min(r.height, Math.ceil(toMm * perMm)); y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 3;
      run = r.rgb[i]! < 110 && r.rgb[i + 1]! < 110 && r.rgb[i + 2]! < 110 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest >= minMm * perMm) rows.push(y / perMm);
  }
  return rows;
}
