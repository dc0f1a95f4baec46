// The renderer group of `npm run bench` (skip it with --no-renderer):
//  1. bundle: gzip (node:zlib, level 9) of the initial JS — the entry chunk named by
//     dist-renderer/index.html and every chunk it imports statically — and of each lazy chunk;
//  2. first meaningful paint of the 工作台 in headless Chromium through the e2e harness
//     (test/support/harness.ts: real Chromium, window.ledger over dispatch), on a copy of the
//     cached district ledger, after signing in through the sign-in screen;
//  3. scrolling the 议题 list of a school with 10,000+ items, with the long tasks over 50 ms
//     (PerformanceObserver 'longtask') counted.
// It measures the dist-renderer/ that is built (it never builds): run.ts starts it in a child
// process under `flock /tmp/yishi-vite.lock`, so another engineer's vite build cannot swap the
// files mid-run, and Chromium's memory stays out of the benchmark process.
//   tsx bench/renderer.ts <district file> <list file> <paint runs> <scroll runs>  → one line of JSON
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { summarize, type Row } from './measure';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
export const RENDERER_DIST = path.join(ROOT, 'dist-renderer');
const KB = 1024;
export const INITIAL_JS_TARGET_KB = 300;
export const PAINT_TARGET_MS = 1000;
export const LONG_TASK_MS = 50;
/** Run only one vite build or e2e run at a time in the shared tree (see the brief). */
const VITE_LOCK = '/tmp/yishi-vite.lock';

// ── 1. bundle sizes ─────────────────────────────────────────────────────────
export interface Chunk {
  file: string;
  bytes: number;
  gzip: number;
}
export interface Bundle {
  /** The entry chunk first, then its static imports (transitively). */
  initial: Chunk[];
  lazy: Chunk[];
  css: Chunk[];
  initialGzip: number;
}

/** Static imports of a built ES module chunk: `import…from"./x.js"`, `import"./x.js"`, `export…from"./x.js"`; not `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const re = /(?:^|[;\n}])\s*(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) found.add(m[1]!);
  return [...found];
}

const gzipSize = (buf: Buffer) => zlib.gzipSync(buf, { level: 9 }).length;

/** Sizes of the built renderer in `dist` (defaults to dist-renderer/). */
export function bundleSizes(dist = RENDERER_DIST): Bundle {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const chunk = (rel: string): Chunk => {
    const buf = fs.readFileSync(path.join(dist, rel));
    return { file: rel, bytes: buf.length, gzip: gzipSize(buf) };
  };
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}=["']([^"']+)["']`).exec(tag)?.[1];
  const norm = (p: string) => path.posix.normalize(p.replace(/^\.\//, ''));
  // The entry module(s) and Vite's modulepreload links: what the page loads before React runs.
  const roots: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) if (/type=["']module["']/.test(tag) && attr(tag, 'src')) roots.push(norm(attr(tag, 'src')!));
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) if (/rel=["']modulepreload["']/.test(tag) && attr(tag, 'href')) roots.push(norm(attr(tag, 'href')!));
  if (roots.length === 0) throw new Error(`${path.join(dist, 'index.html')} 里没有入口脚本`);
  const seen = new Set<string>();
  const walk = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = fs.readFileSync(path.join(dist, rel), 'utf8');
    for (const spec of staticImports(code)) if (spec.startsWith('.')) walk(path.posix.join(path.posix.dirname(rel), spec));
  };
  roots.forEach(walk);
  const initial = [...seen].map(chunk);
  const all = (dir: string): string[] =>
    fs.readdirSync(path.join(dist, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? all(path.posix.join(dir, e.name)) : [path.posix.join(dir, e.name)],
    );
  const files = all('.').map(norm);
  const lazy = files.filter((f) => /\.m?js$/.test(f) && !seen.has(f)).map(chunk).sort((a, b) => b.gzip - a.gzip);
  const css = files.filter((f) => f.endsWith('.css')).map(chunk);
  return { initial, lazy, css, initialGzip: initial.reduce((s, c) => s + c.gzip, 0) };
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

export function bundleRows(b: Bundle): Row[] {
  // Sizes go through the timing columns as a single "run"; unit tells the table to print KB.
  const size = (n: number) => ({ median: n / KB, p95: n / KB, runs: 1 });
  return [
    {
      group: 'renderer bundle',
      name: `initial JS, gzip -9 (${b.initial.map((c) => c.file).join(' + ')}; ${kb(b.initial.reduce((s, c) => s + c.bytes, 0))} raw)`,
      t: size(b.initialGzip),
      unit: 'KB',
      target: `< ${INITIAL_JS_TARGET_KB} KB`,
      met: b.initialGzip < INITIAL_JS_TARGET_KB * KB,
    },
    ...b.lazy.map((c) => ({ group: 'renderer bundle', name: `lazy chunk ${c.file}, gzip -9 (${kb(c.bytes)} raw)`, t: size(c.gzip), unit: 'KB' as const })),
  ];
}

// ── 2 and 3. Chromium ───────────────────────────────────────────────────────
export interface PaintResult {
  /** ms from navigation start to the frame that paints the stage tiles with their numbers. */
  paints: number[];
  /** First contentful paint of each run (the "正在打开台账…" text), for context. */
  fcps: number[];
  /** The school the 工作台 shows (org.get answers the first one). */
  school: string;
  schools: number;
}
export interface ScrollRun {
  longTasks: number[];
  /** When each long task started, seconds after the first scroll step. */
  longTaskAt: number[];
  frames: number;
  longestFrame: number;
  seconds: number;
}
export interface ScrollResult {
  rows: number;
  runs: ScrollRun[];
}

/**
 * Set by an init script in every document: window.__paint becomes the time (performance.now,
 * whose origin is the navigation start) of the first animation frame after the 闭环进度 tiles
 * are in the DOM with a number in every tile — the frame that paints them. A string, because
 * tsx may inject helpers into a serialized function (as in the harness).
 */
const PAINT_PROBE = `(() => {
  const check = () => {
    const counts = document.querySelectorAll('.loop .stage .count');
    if (counts.length === 0 || ![...counts].every((c) => /\\d/.test(c.textContent || ''))) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__paint = performance.now(); });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/**
 * One scroll pass in the page, top to bottom one screen per frame; a string for the same reason
 * as PAINT_PROBE. Stops after 120 s whatever happens.
 */
const SCROLL_SCRIPT = `(async () => {
  // Calibration: a deliberate 80 ms task must be reported, or "no long tasks" would mean nothing.
  const seen = await new Promise((resolve) => {
    const probe = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.duration >= 75)) { probe.disconnect(); resolve(true); }
    });
    probe.observe({ type: 'longtask' });
    setTimeout(() => { const end = performance.now() + 80; while (performance.now() < end); }, 0);
    setTimeout(() => { probe.disconnect(); resolve(false); }, 2000);
  });
  if (!seen) throw new Error('PerformanceObserver longtask reported nothing for an 80 ms task');
  const longTasks = [];
  const longTaskAt = [];
  let t0 = performance.now();
  const keep = (e) => { longTasks.push(e.duration); longTaskAt.push((e.startTime - t0) / 1000); };
  const observer = new PerformanceObserver((list) => list.getEntries().forEach(keep));
  observer.observe({ type: 'longtask' });
  const el = document.querySelector('.vlist-body');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  t0 = performance.now();
  let last = await frame();
  let longestFrame = 0;
  let frames = 0;
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1 && performance.now() - t0 < 120000) {
    el.scrollTop += el.clientHeight;
    const now = await frame();
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
    frames++;
  }
  // Let the last pages arrive and render, then collect the entries still queued.
  await new Promise((resolve) => setTimeout(resolve, 500));
  observer.takeRecords().forEach(keep);
  observer.disconnect();
  return { longTasks, longTaskAt, frames, longestFrame, seconds: (performance.now() - t0) / 1000 };
})()`;

/** Copy the ledger to a temp folder: sign-in writes an operator and an audit row, the cache stays as generated. */
function scratchCopy(file: string): { file: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-renderer-'));
  const copy = path.join(dir, 'ledger.sqlite');
  fs.copyFileSync(file, copy);
  return { file: copy, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

type Page = import('playwright-core').Page;

/** The sign-in screen comes first (operator 系统): choose the preselected first name and press 登录, as a secretary does. */
async function signInThroughUi(page: Page): Promise<string> {
  const submit = page.locator('.signin button[type="submit"]');
  await submit.waitFor({ timeout: 120_000 });
  const label = (await submit.textContent()) ?? '';
  await submit.click();
  await page.locator('.signin').waitFor({ state: 'detached', timeout: 120_000 });
  return label;
}

export async function measurePaint(file: string, runs: number, log: (s: string) => void = () => {}): Promise<PaintResult> {
  const { startHarness } = await import('../test/support/harness');
  const scratch = scratchCopy(file);
  const h = await startHarness({ ledgerFile: scratch.file, operator: '系统' });
  try {
    await h.context.addInitScript({ content: PAINT_PROBE });
    log(`  工作台: ${await signInThroughUi(h.page)}`);
    const paints: number[] = [];
    const fcps: number[] = [];
    for (let i = -1; i < runs; i++) {
      await h.page.reload({ waitUntil: 'commit' });
      await h.page.waitForFunction(() => (window as unknown as { __paint?: number }).__paint !== undefined, undefined, { timeout: 120_000, polling: 50 });
      const r = await h.page.evaluate(() => ({
        paint: (window as unknown as { __paint: number }).__paint,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }));
      if (i >= 0) {
        paints.push(r.paint);
        fcps.push(r.fcp);
      }
    }
    if (h.pageErrors.length) throw new Error(`页面出错：${h.pageErrors.join('; ')}`);
    const db = h.ledger.sqlite;
    const school = (db.prepare('SELECT name FROM organizations ORDER BY id LIMIT 1').get() as { name: string }).name;
    const schools = (db.prepare('SELECT count(*) AS n FROM organizations').get() as { n: number }).n;
    return { paints, fcps, school, schools };
  } finally {
    await h.close();
    scratch.dispose();
  }
}

/**
 * Scroll the 议题 list from the first row to the last, one screen per animation frame (much
 * faster than a mouse wheel; every 200-row page is read from the ledger on the way), with a
 * PerformanceObserver for long tasks registered before the first step.
 */
export async function measureScroll(file: string, runs: number, log: (s: string) => void = () => {}): Promise<ScrollResult> {
  const { startHarness } = await import('../test/support/harness');
  const scratch = scratchCopy(file);
  const h = await startHarness({ ledgerFile: scratch.file, operator: '系统' });
  try {
    log(`  议题列表: ${await signInThroughUi(h.page)}`);
    const result: ScrollResult = { rows: 0, runs: [] };
    for (let i = 0; i < runs; i++) {
      await h.page.goto(`${h.url}#/items`);
      await h.page.reload();
      const body = h.page.locator('.vlist-body');
      await body.locator('.vlist-row:not(.loading)').first().waitFor({ timeout: 120_000 });
      result.rows = Number(await h.page.locator('.vlist').getAttribute('aria-rowcount')) - 1;
      const run = (await h.page.evaluate(SCROLL_SCRIPT)) as ScrollRun;
      result.runs.push(run);
    }
    if (h.pageErrors.length) throw new Error(`页面出错：${h.pageErrors.join('; ')}`);
    return result;
  } finally {
    await h.close();
    scratch.dispose();
  }
}

export function paintRows(p: PaintResult, s: ScrollResult): Row[] {
  const all = s.runs.flatMap((r) => r.longTasks);
  const worst = s.runs.map((r) => (r.longTasks.length ? Math.max(...r.longTasks) : 0));
  const fcp = summarize(p.fcps);
  return [
    {
      group: 'renderer (headless Chromium)',
      name:
        `工作台 first meaningful paint: navigation → the frame painting the 闭环进度 tiles with numbers, ` +
        `district file (${p.schools} schools), signed in; first contentful paint ${fcp.median.toFixed(0)} ms median`,
      t: summarize(p.paints),
      target: `< ${PAINT_TARGET_MS / 1000} s`,
      met: summarize(p.paints).p95 < PAINT_TARGET_MS,
    },
    {
      group: 'renderer (headless Chromium)',
      name:
        `议题 list, ${s.rows} rows, scrolled top → bottom one screen per frame: longest long task per run ` +
        `(${all.length} long tasks > ${LONG_TASK_MS} ms in ${s.runs.length} runs of ~${Math.round(s.runs[0]?.frames ?? 0)} frames; ` +
        `longest frame ${Math.max(0, ...s.runs.map((r) => r.longestFrame)).toFixed(0)} ms)`,
      t: summarize(worst),
      target: `no task > ${LONG_TASK_MS} ms`,
      met: all.length === 0,
    },
  ];
}

// ── the group, in a child process under the vite lock ───────────────────────
export interface RendererReport {
  bundle: Bundle;
  rows: Row[];
}

/** Why the group cannot run here, or null. */
export function rendererMissing(): string | null {
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) return 'dist-renderer/ 不存在：先运行 flock /tmp/yishi-vite.lock npx vite build';
  if (!fs.existsSync('/usr/bin/chromium')) return '没有 /usr/bin/chromium';
  return null;
}

/** The newest renderer source is newer than the build: the numbers would describe old code. */
export function staleBuild(): boolean {
  const built = fs.statSync(path.join(RENDERER_DIST, 'index.html')).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(0, ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)));
  return newest(path.join(ROOT, 'renderer')) > built;
}

export function rendererGroup(districtFile: string, listFile: string, paintRuns: number, scrollRuns: number): RendererReport {
  const here = fileURLToPath(import.meta.url);
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [process.execPath, tsx, here, districtFile, listFile, String(paintRuns), String(scrollRuns)];
  const hasFlock = fs.existsSync('/usr/bin/flock');
  const out = execFileSync(hasFlock ? '/usr/bin/flock' : args[0]!, hasFlock ? [VITE_LOCK, ...args] : args.slice(1), {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as RendererReport;
}

async function main(districtFile: string, listFile: string, paintRuns: number, scrollRuns: number): Promise<void> {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const bundle = bundleSizes();
  log(`renderer: initial JS ${kb(bundle.initialGzip)} gzip; 工作台 ×${paintRuns} …`);
  const paint = await measurePaint(districtFile, paintRuns, log);
  log(`renderer: 议题列表滚动 ×${scrollRuns} …`);
  const scroll = await measureScroll(listFile, scrollRuns, log);
  const report: RendererReport = { bundle, rows: [...bundleRows(bundle), ...paintRows(paint, scroll)] };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv[2]!, process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]));
}
