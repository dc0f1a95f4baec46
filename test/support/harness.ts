// The renderer without Electron: a real ledger file (openLedger + migrations), the built
// dist-renderer/ served from a localhost server, and Debian's Chromium driven by playwright-core.
// window.ledger, window.district and window.host are injected exactly as the preload would expose them, so the
// renderer cannot tell the two transports apart. Used by test/e2e and by `npm run preview`.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { dispatchAsync } from '../../db/api';
import { DISTRICT_FILE_NAME, dispatchDistrictAsync, NO_DISTRICT, type DistrictOpened } from '../../db/district/api';
import { districtName, openDistrict, type District } from '../../db/district/store';
import type { HostApi, RestoreOutcome, TransferProgress, VerifyProgress, VerifyReport } from '../../db/host';
import { watchProgress } from '../../db/transfer/progress';
import type { ChannelName } from '../../db/contract';
import { OFF_THREAD, transferRuns } from '../../electron/transfer';
import type { TransferJob } from '../../electron/transfer-worker';
import type { Result } from '../../db/api';
import { steppedVerify } from '../../db/trust/stepped';
import type { Ledger } from '../../db/ledger';
import { openLedger } from '../../db/open';
import { restoreBackup } from '../../db/trust/restore';
import { CHROMIUM_ARGS, documentPrinter, serveFont, type DocumentPrinter } from './chromium';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIR = path.join(ROOT, 'dist-renderer');
export const MIGRATIONS_DIR = path.join(ROOT, 'migrations');


const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/** Builds window.ledger and window.host on the two exposed bindings, before any page script runs. */
const BRIDGE_SCRIPT = `(() => {
  const host = (method) => (arg) => window.__host(method, arg === undefined ? null : arg);
  // 校验台账's progress, pushed by the harness (page.evaluate) as main pushes it over IPC.
  const verifyListeners = new Set();
  Object.defineProperty(window, '__verifyProgress', { value: (p) => verifyListeners.forEach((l) => l(p)) });
  // 拆分台账/合并台账's phases, pushed as main pushes them from its worker (electron/transfer.ts).
  const transferListeners = new Set();
  Object.defineProperty(window, '__transferProgress', { value: (p) => transferListeners.forEach((l) => l(p)) });
  window.ledger = Object.freeze({ call: (channel, input) => window.__ledger(channel, input) });
  window.district = Object.freeze({
    call: (channel, input) => window.__district('call', channel, input),
    open: () => window.__district('open', null, null),
    current: () => window.__district('current', null, null),
    forget: () => window.__district('forget', null, null),
  });
  window.host = Object.freeze({
    savePdf: host('savePdf'),
    saveFile: host('saveFile'),
    print: host('print'),
    openPath: host('openPath'),
    showInFolder: host('showInFolder'),
    info: host('info'),
    chooseFolder: host('chooseFolder'),
    openFile: host('openFile'),
    chooseLedgerFile: host('chooseLedgerFile'),
    restoreBackup: host('restoreBackup'),
    verifyLedger: host('verifyLedger'),
    onVerifyProgress: (listener) => {
      verifyListeners.add(listener);
      return () => void verifyListeners.delete(listener);
    },
    onTransferProgress: (listener) => {
      transferListeners.add(listener);
      return () => void transferListeners.delete(listener);
    },
  });
})();`;

/**
 * Serve a folder on 127.0.0.1 (random port). Only files inside `root`; unknown paths get index.html.
 * The bundled print fonts are served under /__fonts/, as Electron's app:// does, for document previews.
 */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const raw = new URL(req.url ?? '/', 'http://x').pathname;
    if (serveFont(raw, res)) return;
    const pathname = decodeURIComponent(raw);
    let file = path.resolve(base, `.${pathname}`);
    if (!file.startsWith(base + path.sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(base, 'index.html');
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface HostCall {
  method: 'print' | 'openPath' | 'showInFolder' | 'savePdf' | 'saveFile' | 'chooseFolder' | 'openFile' | 'chooseLedgerFile' | 'restoreBackup' | 'verifyLedger';
  arg: string;
}

export interface HarnessOptions {
  /** The SQLite file; created (and migrated) if missing. Default: a new temp folder. */
  ledgerFile?: string;
  /** Where savePdf/saveFile write. Default: <ledger folder>/exports. */
  exportsDir?: string;
  headed?: boolean;
  /** Fixed clock for the ledger and the page (local time, e.g. "2026-03-20T09:00:00"). */
  now?: string;
  viewport?: { width: number; height: number };
  /** The operator already signed in; '系统' (nobody) makes the page ask who is at the keyboard. */
  operator?: string;
  /** What host.chooseFolder answers (a USB stick); default <ledger folder>/chosen, created. */
  chosenFolder?: string;
  /** What host.openFile answers: a file on disk (read as the shell reads it), or null (cancelled). */
  openFile?: string | null;
  /** What host.chooseLedgerFile answers for 'open' (a school's ledger file); 'save' answers <exports>/<fileName>. */
  openLedgerFile?: string | null;
  /** The folder district.open() picks (as the folder dialog would); default <ledger folder>/district. */
  districtFolder?: string;
  /**
   * 拆分/合并 in the shell's worker thread, as the app runs them (electron/transfer.ts): the bundled
   * worker (bench/transfer.ts bundleTransferWorker) and, for a screenshot mid-way, where it waits.
   * Without it they run in this process, their phases pushed as reported.
   */
  transferWorker?: { file: string; hold?: TransferJob['hold'] };
}

export interface Harness {
  ledger: Ledger;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  url: string;
  exportsDir: string;
  /** Every host ability the page used, in order. */
  hostCalls: HostCall[];
  /** Console errors and page errors seen so far (a test should expect none). */
  pageErrors: string[];
  /** The district ledger the page opened (区域统筹), if any. */
  district(): District | null;
  /**
   * Hold the next 校验台账 runs before they start (until the returned release is called), so a
   * test can see the panel while one runs; pushVerifyProgress sends a progress as main would.
   */
  holdVerify(): () => void;
  pushVerifyProgress(p: VerifyProgress): Promise<void>;
  /** Move the fixed clock (ledger and page) forward, e.g. to the meeting's day. */
  setNow(iso: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist-renderer/ 不存在：请先运行 vite build（npm test 和 npm run preview 会自动构建）。');
  }
  const tempRoot = options.ledgerFile ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-e2e-'));
  const ledgerFile = options.ledgerFile ?? path.join(tempRoot!, 'ledger.sqlite');
  fs.mkdirSync(path.dirname(ledgerFile), { recursive: true });
  const exportsDir = options.exportsDir ?? path.join(path.dirname(ledgerFile), 'exports');
  fs.mkdirSync(exportsDir, { recursive: true });

  let fixed = options.now ? new Date(options.now) : null;
  const open = (operator: string) => openLedger(ledgerFile, { migrationsFolder: MIGRATIONS_DIR, now: () => fixed ?? new Date(), operator });
  // Replaced by a restore (closed, swapped, reopened), as the Electron shell does.
  let ledger = open(options.operator ?? '党委办公室');
  const server = await serveFolder(RENDERER_DIR);
  // --lang and LANG: date inputs (2026/03/25 14:30) and number formats as on a Chinese Windows PC;
  // Debian's Chromium needs chromium-l10n for that, or it falls back to en-US (.ci/run installs it).
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: !options.headed, args: [...CHROMIUM_ARGS, '--lang=zh-CN'],
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' },
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: 'zh-CN',
    // The ledger's clock runs in this process: the page must read dates in the same zone, as in Electron.
    timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const hostCalls: HostCall[] = [];
  const pageErrors: string[] = [];
  const chosenFolder = options.chosenFolder ?? path.join(path.dirname(ledgerFile), 'chosen');
  // 校验台账 in steps as the Electron shell runs it (electron/trust.ts shellVerify), progress pushed to the page.
  let page: Page | null = null;
  const pushVerifyProgress = async (p: VerifyProgress) => {
    await page?.evaluate((q) => (window as unknown as { __verifyProgress(p: VerifyProgress): void }).__verifyProgress(q), p).catch(() => undefined);
  };
  const verifier = steppedVerify((p) => void pushVerifyProgress(p));
  let held: Promise<void> | null = null;
  const host = harnessHost(browser, exportsDir, ledgerFile, hostCalls, {
    async verify(req) {
      if (held) await held;
      return verifier.run(ledger, req);
    },
    chosenFolder,
    openFile: options.openFile ?? null,
    openLedgerFile: options.openLedgerFile ?? null,
    restore(file) {
      const operator = ledger.operator;
      verifier.stop();
      ledger.close();
      try {
        const r = restoreBackup(ledgerFile, file, { now: fixed ?? undefined });
        return { restoredFrom: r.restoredFrom, savedAs: r.savedAs, savedRaw: r.savedRaw };
      } finally {
        ledger = open(operator);
      }
    },
  });

  // The shell runs 拆分/合并 in a worker and pushes their phases; here they run in this process
  // and their phases reach the page as they are reported.
  const pushTransferProgress = (p: TransferProgress) =>
    void page?.evaluate((q) => (window as unknown as { __transferProgress(p: TransferProgress): void }).__transferProgress(q), p).catch(() => undefined);
  const transfers = options.transferWorker
    ? transferRuns({
        workerFile: options.transferWorker.file,
        nativeBinding: path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
        hold: options.transferWorker.hold,
        onProgress: pushTransferProgress,
      })
    : null;
  await context.exposeBinding('__ledger', async (_src, channel: string, input: unknown) => {
    if (transfers && (OFF_THREAD as readonly string[]).includes(channel)) {
      return JSON.parse(JSON.stringify(await transfers.run(ledger, channel as ChannelName, input)));
    }
    const unwatch = watchProgress(ledger.sqlite, pushTransferProgress);
    try {
      // Round-trip through JSON, like structured-clone IPC in Electron.
      return await dispatchAsync(ledger, channel, input).then((r) => JSON.parse(JSON.stringify(r)));
    } finally {
      unwatch();
    }
  });
  await context.exposeBinding('__host', async (_src, method: keyof HostApi, arg: unknown) => {
    const fn = host[method] as (a: unknown) => Promise<unknown>;
    return JSON.parse(JSON.stringify((await fn(arg)) ?? null));
  });
  // 区域统筹: the district ledger in districtFolder, opened when the page asks (as after the dialog).
  const districtFolder = options.districtFolder ?? path.join(path.dirname(ledgerFile), 'district');
  let district: District | null = null;
  const describe = (d: District): DistrictOpened => ({ name: districtName(d), folder: districtFolder });
  await context.exposeBinding('__district', async (_src, op: 'call' | 'open' | 'current' | 'forget', channel: string, input: unknown) => {
    if (op === 'open') {
      fs.mkdirSync(districtFolder, { recursive: true });
      district?.close();
      district = openDistrict(path.join(districtFolder, DISTRICT_FILE_NAME), { now: () => fixed ?? new Date() });
      return describe(district);
    }
    if (op === 'current') return district ? describe(district) : null;
    if (op === 'forget') {
      district?.close();
      district = null;
      return null;
    }
    return JSON.parse(JSON.stringify(district ? await dispatchDistrictAsync(district, channel, input) : NO_DISTRICT));
  });
  // A string, not a function: tsx/esbuild may inject helpers (__name) into a serialized function.
  await context.addInitScript({ content: BRIDGE_SCRIPT });

  page = await context.newPage();
  if (fixed) await page.clock.setFixedTime(fixed);
  page.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The bridge init script is offered to every frame, and a sandboxed document preview
    // (srcdoc, no allow-scripts) rightly refuses it — also in the about:blank it holds for a moment
    // before the srcdoc loads (seen on a loaded machine). Electron's preload never enters subframes.
    if ((m.location().url === 'about:srcdoc' || m.location().url === 'about:blank') && m.text().startsWith('Blocked script execution')) return;
    pageErrors.push(`console: ${m.text()} @ ${m.location().url}:${m.location().lineNumber}`);
  });
  await page.goto(server.url);

  return {
    get ledger() {
      return ledger;
    },
    browser,
    context,
    page,
    url: server.url,
    exportsDir,
    hostCalls,
    pageErrors,
    district: () => district,
    holdVerify() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    pushVerifyProgress,
    async setNow(iso) {
      fixed = new Date(iso);
      await page.clock.setFixedTime(fixed);
    },
    async close() {
      verifier.stop();
      await browser.close().catch(() => undefined);
      await server.close();
      try {
        ledger.close();
      } catch {
        // already closed
      }
      district?.close();
      if (tempRoot) fs.rmSync(tempRoot, { recursive: true, force: true });
    },
  };
}

/** HostApi for the harness: real Chromium PDFs and real files, in a folder instead of a dialog. */
function harnessHost(
  browser: Browser,
  exportsDir: string,
  ledgerFile: string,
  calls: HostCall[],
  shell: { chosenFolder: string; openFile: string | null; openLedgerFile: string | null; restore(file: string): RestoreOutcome; verify(req: { anchor?: string }): Promise<Result<VerifyReport>> },
): HostApi {
  const target = (fileName: string, ext: string) => {
    const safe = path.basename(fileName).replace(/[\\/:*?"<>|]/g, '_');
    return path.join(exportsDir, safe.toLowerCase().endsWith(`.${ext}`) ? safe : `${safe}.${ext}`);
  };
  // One printer (a reused page) for the harness's life, warmed up in the background as Electron
  // warms its print window after start.
  const printer: Promise<DocumentPrinter> = documentPrinter(browser).then((p) => {
    void p.warm().catch(() => undefined);
    return p;
  });
  return {
    async savePdf({ html, fileName }) {
      const file = target(fileName, 'pdf');
      fs.writeFileSync(file, await (await printer).pdf(html));
      calls.push({ method: 'savePdf', arg: file });
      return { path: file };
    },
    async saveFile({ base64, fileName }) {
      const ext = path.extname(fileName).slice(1) || 'bin';
      const file = target(fileName, ext);
      fs.writeFileSync(file, Buffer.from(base64, 'base64'));
      calls.push({ method: 'saveFile', arg: file });
      return { path: file };
    },
    async print({ html }) {
      calls.push({ method: 'print', arg: `${html.length} chars` });
    },
    async openPath(p) {
      calls.push({ method: 'openPath', arg: p });
    },
    async showInFolder(p) {
      calls.push({ method: 'showInFolder', arg: p });
    },
    async info() {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      return { version: pkg.version, dataFolder: path.dirname(ledgerFile), shell: 'harness' as const };
    },
    async chooseFolder({ title }) {
      fs.mkdirSync(shell.chosenFolder, { recursive: true });
      calls.push({ method: 'chooseFolder', arg: title });
      return shell.chosenFolder;
    },
    async openFile({ title, kind }) {
      calls.push({ method: 'openFile', arg: title });
      const file = shell.openFile;
      if (!file) return null;
      if (path.extname(file).slice(1).toLowerCase() !== kind) throw new Error('只能导入Excel工作簿（.xlsx）。');
      return { name: path.basename(file), base64: fs.readFileSync(file).toString('base64') };
    },
    async chooseLedgerFile({ title, mode, fileName }) {
      calls.push({ method: 'chooseLedgerFile', arg: title });
      if (mode === 'save') return target(fileName ?? '议事台账', 'sqlite');
      return shell.openLedgerFile;
    },
    async restoreBackup({ file }) {
      calls.push({ method: 'restoreBackup', arg: file });
      return shell.restore(file);
    },
    async verifyLedger(req) {
      calls.push({ method: 'verifyLedger', arg: req.anchor ?? '' });
      return shell.verify(req);
    },
  };
}
