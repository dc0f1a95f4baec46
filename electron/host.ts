// HostApi (db/host.ts) for Electron: what only the shell can do. PDFs are printed by the same
// Chromium the app runs on, in a hidden, sandboxed, script-less window kept for the next
// document; saving goes through the system's save dialog; opening is limited to files this
// session saved (and the data folder), so a compromised page cannot make the shell launch
// arbitrary programs. Both are also limited to the document types the app produces
// (SAVED_KINDS): without that, a page could save its bytes as 会议纪要.bat and then ask openPath
// to run it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, shell, type SaveDialogOptions } from 'electron';
import { warmUpHtml } from '../db/documents';
import type { HostApi, RestoreOutcome, SavedFile } from '../db/host';
import type { Result } from '../db/api';
import type { VerifyReport } from '../db/trust/verify';
import type { PrintDocuments } from './protocol';
import { hardenedWindow } from './window';

export interface HostDeps {
  parent: () => BrowserWindow | null;
  print: PrintDocuments;
  dataFolder: () => string;
  version: string;
  /** Folder the save dialogs start in (app.getPath('documents')). */
  documentsFolder: () => string;
  /** Close the ledger, restore the backup, reopen (electron/trust.ts restoreInPlace). */
  restore: (file: string) => RestoreOutcome;
  /** 校验台账 in steps (electron/trust.ts shellVerify). */
  verify: (req: { anchor?: string; full?: boolean }) => Promise<Result<VerifyReport>>;
  /**
   * Warm the print window up this long after start (the secretary's first export then finds it
   * open with the common font slices decoded); none when absent.
   */
  warmUpAfterMs?: number;
}

/**
 * The only kinds of file the shell writes for the page and opens again: the documents the core
 * produces. Backups (.sqlite) are written by the core itself and only ever shown in their folder.
 */
export const SAVED_KINDS: Readonly<Record<string, { name: string; title: string }>> = {
  pdf: { name: 'PDF 文件', title: '保存 PDF 文件' },
  docx: { name: 'Word 文档', title: '保存 Word 文档' },
  xlsx: { name: 'Excel 表格', title: '保存 Excel 表格' },
  // 报送包 (db/report): carried to the district on a USB stick.
  'yishi-bundle': { name: '报送包', title: '保存报送包' },
  // The district's public key (db/district), handed to its schools once so bundles are sealed for it.
  'yishi-district-key': { name: '报送公钥文件', title: '保存报送公钥文件' },
};

const kindOf = (file: string): string => path.extname(file).slice(1).toLowerCase();
// Own keys only: "constructor" or "__proto__" must not pass as a kind.
const savedKind = (ext: string) => (Object.hasOwn(SAVED_KINDS, ext) ? SAVED_KINDS[ext] : undefined);

export function electronHost(deps: HostDeps): HostApi {
  const saved = new Set<string>();
  const printer = printWindow(deps.print, deps.parent);
  if (deps.warmUpAfterMs !== undefined) {
    // Best effort: a failed warm-up only means the first export opens the window itself.
    setTimeout(() => void printer.warm().catch(() => undefined), deps.warmUpAfterMs).unref?.();
  }
  // Folders the user picked this session (a USB stick for backups): files inside may be shown.
  const chosen = new Set<string>();

  async function askWhere(fileName: string, ext: string): Promise<string | null> {
    const kind = savedKind(ext);
    if (!kind) throw new Error('只能保存 PDF、Word 或 Excel 文件，文件没有保存。');
    const name = fileName.toLowerCase().endsWith(`.${ext}`) ? fileName : `${fileName}.${ext}`;
    const options: SaveDialogOptions = {
      title: kind.title,
      buttonLabel: '保存',
      defaultPath: path.join(deps.documentsFolder(), name),
      filters: [{ name: kind.name, extensions: [ext] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const parent = deps.parent();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    // A name typed into the dialog ("纪要.bat") keeps the kind the file really is.
    return kindOf(result.filePath) === ext ? result.filePath : `${result.filePath}.${ext}`;
  }

  async function write(file: string, bytes: Uint8Array): Promise<SavedFile> {
    const tmp = `${file}.${process.pid}.part`;
    try {
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw new Error(describeWriteError(e, file));
    }
    saved.add(path.resolve(file));
    return { path: file };
  }

  return {
    async savePdf({ html, fileName }) {
      const file = await askWhere(fileName, 'pdf');
      if (!file) return null;
      const pdf = await printer.use(html, (win) =>
        win.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }),
      );
      return write(file, pdf);
    },

    async saveFile({ base64, fileName }) {
      const file = await askWhere(fileName, kindOf(fileName));
      if (!file) return null;
      return write(file, Buffer.from(base64, 'base64'));
    },

    async print({ html }) {
      await printer.use(html, (win) =>
        new Promise<void>((resolve, reject) => {
          // silent: false shows the system printer dialog; the user cancelling is not an error.
          win.webContents.print({ silent: false, printBackground: true }, (ok, reason) => {
            if (ok || reason === 'cancelled' || reason === 'Print job canceled') resolve();
            else reject(new Error(`打印没有完成：${reason}。请检查打印机是否连接并开机。`));
          });
        }),
      );
    },

    async openPath(target) {
      const file = allowed(target);
      const error = await shell.openPath(file);
      if (error) throw new Error(`无法打开「${path.basename(file)}」：${error}。请确认电脑上装有能打开此类文件的程序。`);
    },

    async showInFolder(target) {
      // Showing (never opening) a file is also allowed directly inside a folder the user picked
      // this session or the data folder's backups/: an exported backup on a USB stick.
      const resolved = path.resolve(target);
      const dirs = [...chosen, path.join(path.resolve(deps.dataFolder()), 'backups')];
      shell.showItemInFolder(dirs.includes(path.dirname(resolved)) ? resolved : allowed(target));
    },

    async info() {
      return { version: deps.version, dataFolder: deps.dataFolder(), shell: 'electron' as const };
    },

    async chooseFolder({ title }) {
      const parent = deps.parent();
      const options = { title, buttonLabel: '选择此文件夹', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return null;
      chosen.add(path.resolve(folder));
      return folder;
    },

    async openFile({ title, kind }) {
      const parent = deps.parent();
      const options = { title, buttonLabel: '打开', filters: [{ name: 'Excel 工作簿', extensions: [kind] }], properties: ['openFile'] as 'openFile'[] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return null;
      // The dialog's filter can be switched off by typing a name: the allow-list is checked here.
      if (kindOf(file) !== kind) throw new Error('只能导入Excel工作簿（.xlsx），请重新选择文件。');
      const stat = await fs.stat(file);
      if (stat.size > 20 * 1024 * 1024) throw new Error('文件超过20MB，请分成几个文件导入。');
      return { name: path.basename(file), base64: (await fs.readFile(file)).toString('base64') };
    },

    async chooseLedgerFile({ title, mode, fileName }) {
      const parent = deps.parent();
      const filters = [{ name: '议事台账文件', extensions: ['sqlite'] }];
      if (mode === 'save') {
        const name = fileName ? (fileName.toLowerCase().endsWith('.sqlite') ? fileName : `${fileName}.sqlite`) : '议事台账.sqlite';
        const options: SaveDialogOptions = { title, buttonLabel: '保存', defaultPath: path.join(deps.documentsFolder(), name), filters, properties: ['createDirectory'] };
        const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) return null;
        // A name typed without the extension keeps the kind the file really is.
        return kindOf(result.filePath) === 'sqlite' ? result.filePath : `${result.filePath}.sqlite`;
      }
      const options = { title, buttonLabel: '选择', filters, properties: ['openFile'] as 'openFile'[] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const file = result.filePaths[0];
      if (result.canceled || !file) return null;
      // The dialog's filter can be switched off by typing a name: the allow-list is checked here.
      if (kindOf(file) !== 'sqlite') throw new Error('只能选择议事台账文件（.sqlite），请重新选择。');
      return file;
    },

    async restoreBackup({ file }) {
      return deps.restore(file);
    },

    verifyLedger(req) {
      return deps.verify(req);
    },
  };

  function allowed(target: string): string {
    const resolved = path.resolve(target);
    if ((saved.has(resolved) && savedKind(kindOf(resolved))) || resolved === path.resolve(deps.dataFolder())) return resolved;
    throw new Error('只能打开本次保存的 PDF、Word、Excel 文件或数据文件夹。');
  }
}

export interface PrintWindow {
  /** Load HTML into the hidden print window, run `use`; one document at a time. */
  use<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T>;
  /** Open the window and print the warm-up page (db/documents warmUpHtml), discarding the PDF. */
  warm(): Promise<void>;
  /** Close the window (the next document opens a new one). */
  dispose(): void;
}

/**
 * One hidden, sandboxed, script-less window for printing, served from app://ledger/__print/…,
 * made on first use and kept: a new window per document cost a renderer process and decoding
 * every font slice again (about 1 s each time). It closes with the main window, and after a
 * failure (the next document gets a fresh one).
 */
export function printWindow(print: PrintDocuments, parent: () => BrowserWindow | null): PrintWindow {
  let win: BrowserWindow | null = null;
  let owner: BrowserWindow | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const dispose = () => {
    if (win && !win.isDestroyed()) win.destroy();
    win = null;
  };
  const open = (): BrowserWindow => {
    if (win && !win.isDestroyed()) return win;
    // A4 at 96 dpi, so screen-size media queries see a page, not a phone.
    const made = hardenedWindow({ width: 794, height: 1123, devTools: false });
    made.webContents.on('render-process-gone', dispose);
    win = made;
    return made;
  };
  const run = async <T>(html: string, use: (w: BrowserWindow) => Promise<T>): Promise<T> => {
    const url = print.add(html);
    try {
      const w = open();
      await w.loadURL(url);
      await waitForFonts(w);
      return await use(w);
    } catch (e) {
      dispose();
      throw e;
    } finally {
      print.remove(url);
      keepOnlyWithOwner();
    }
  };
  // A hidden window left open would keep the app from quitting (window-all-closed): it is kept
  // only while the main window lives, and closes with it.
  const keepOnlyWithOwner = () => {
    const p = parent();
    if (!p || p.isDestroyed()) return dispose();
    if (p !== owner) {
      owner = p;
      p.once('closed', dispose);
    }
  };
  const use = <T>(html: string, fn: (w: BrowserWindow) => Promise<T>): Promise<T> => {
    const job = queue.then(() => run(html, fn));
    queue = job.catch(() => undefined);
    return job;
  };
  return {
    use,
    async warm() {
      await use(warmUpHtml(), (w) => w.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true }));
    },
    dispose,
  };
}

/** Webfonts load lazily; printing before they arrive gives empty boxes. Bounded: never hang the save. */
async function waitForFonts(win: BrowserWindow): Promise<void> {
  const ready = win.webContents.executeJavaScript('document.fonts.ready.then(() => true)', true).catch(() => true);
  const timeout = new Promise((resolve) => setTimeout(resolve, 5000));
  await Promise.race([ready, timeout]);
}

function describeWriteError(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return `无法写入「${path.basename(file)}」：文件可能正被其他程序（如 PDF 阅读器、WPS）打开，或没有写入权限。请关闭它或换个位置后再保存。`;
  }
  if (code === 'ENOSPC') return '磁盘空间不足，文件没有保存。请清理磁盘或换个位置后再保存。';
  return `文件没有保存（${code ?? '未知错误'}）。请换个位置后再试。`;
}
