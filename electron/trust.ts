// The shell's part of the trust layer (db/trust does the work; only the shell can close and
// reopen the ledger or show a window before the page exists):
//  - at start, a ledger refused by the startup guards gets a Chinese refusal window offering
//    "从最近的可用备份恢复" instead of an empty ledger opening in its place; a ledger that cannot
//    be used for a reason that is not damage (disk full, read-only, no permission, in use by
//    another program) is named as such, with 重试 and no restore; a -wal set aside is told;
//  - a backup once the window shows and after a meeting's minutes are signed, in steps beside
//    the app's calls, its progress shown in the window;
//  - a restore asked for by the page: close, restoreBackup (saves the current file first), reopen;
//  - 校验台账 in steps beside the app's calls (db/trust/stepped.ts), its progress pushed to the window.
import { cnLocalDateTime } from '../db/calendar';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Result } from '../db/api';
import { steppedVerify, VERIFY_STOPPED, type SteppedOptions } from '../db/trust/stepped';
import type { VerifyReport } from '../db/trust/verify';
import { VERIFY_PROGRESS } from './host-channels';
import type { BackupStatus, RestoreOutcome } from '../db/host';
import type { Ledger } from '../db/ledger';
import { backupInSteps, type BackupEntry, type CheckedCopy, type SteppedBackup } from '../db/trust/backup';
import { LedgerUnavailable, type Unavailable } from '../db/trust/access';
import { clearMarker } from '../db/trust/clean';
import { DamagedLedger } from '../db/trust/guards';
import { restoreBackup } from '../db/trust/restore';

/** Channels after which a fresh backup is taken: a signed meeting is the record that must survive. */
export const BACKUP_AFTER: ReadonlySet<string> = new Set(['minutes.sign']);


export interface AutoBackupDeps {
  /** Where the copy is checked (the app: a worker thread, checkInWorker: the check, fsync and sha256 each read the whole copy); default this thread. */
  check?: (tmp: string, signal: AbortSignal) => Promise<CheckedCopy>;
  onStatus?: (s: BackupStatus) => void;
  log?: (line: string, e?: unknown) => void;
}

/**
 * The automatic backups (at start once the window shows, after a meeting is signed) into the
 * data folder's backups/, rotated and skipped when nothing changed since the newest
 * (backupIfChanged). They run in steps beside the app's own calls (backupInSteps) and never stop
 * the app: a failure is logged and shown, and the next one tries again. stop() before the ledger
 * closes: a backup cut short leaves only a temporary file, never a backup.
 */
export function autoBackups(deps: AutoBackupDeps = {}) {
  const log = deps.log ?? ((line: string, e?: unknown) => console.error(line, e ?? ''));
  let running: { backup: SteppedBackup; abort: AbortController; ledger: Ledger } | null = null;
  let again: Ledger | null = null;
  const status = (s: BackupStatus) => deps.onStatus?.(s);

  function start(ledger: Ledger): Promise<BackupEntry | null> {
    if (running) {
      // A signing during a backup: the copy carries writes made meanwhile, but back up once more
      // afterwards in case it was already past them (skipped when nothing changed).
      again = ledger;
      return running.backup.done.catch(() => null);
    }
    const abort = new AbortController();
    const check = deps.check;
    let last = -1;
    const backup = backupInSteps(ledger, {
      check: check ? (tmp) => check(tmp, abort.signal) : undefined,
      onProgress: (p) => {
        // Copy is most of the time on a big file; the check takes the rest.
        const percent = p.phase === 'copy' ? Math.floor((p.done / Math.max(1, p.total)) * 80) : p.phase === 'check' ? 80 : 100;
        if (percent === last || p.phase === 'done') return;
        last = percent;
        status({ state: 'running', percent, message: `正在自动备份台账 ${percent}%（可以照常操作）` });
      },
    });
    running = { backup, abort, ledger };
    return backup.done.then(
      (entry) => {
        running = null;
        if (entry) status({ state: 'done', percent: 100, message: `已自动备份（${cnLocalDateTime(entry.at)}）` });
        next();
        return entry;
      },
      (e: unknown) => {
        running = null;
        log('[trust] automatic backup failed', e);
        status({ state: 'failed', percent: 0, message: '自动备份没有完成，稍后会再试；也可以在“数据安全”里手动备份。' });
        next();
        return null;
      },
    );
  }

  function next(): void {
    const l = again;
    again = null;
    if (l) void start(l);
  }

  return {
    start,
    /** ipc's afterCall hook: back up once a meeting is signed. */
    after(ledger: Ledger, channel: string, result: Result<unknown>): Promise<BackupEntry | null> | null {
      return result.ok && BACKUP_AFTER.has(channel) ? start(ledger) : null;
    },
    /** Before the ledger closes (quit, restore, moving the data folder). */
    stop(): void {
      again = null;
      if (!running) return;
      running.abort.abort();
      running.backup.stop();
      running = null;
    },
    get running(): boolean {
      return running !== null;
    },
  };
}
export type AutoBackups = ReturnType<typeof autoBackups>;

/** checkCopy in a worker thread (electron/backup-worker.ts, bundled as backup-worker.cjs). */
export function checkInWorker(workerFile: string, nativeBinding: string | undefined): (tmp: string, signal: AbortSignal) => Promise<CheckedCopy> {
  return (tmp, signal) =>
    new Promise<CheckedCopy>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: { tmp, nativeBinding } });
      const onAbort = () => void worker.terminate();
      signal.addEventListener('abort', onAbort, { once: true });
      worker.once('message', (m: { ok: true; facts: CheckedCopy } | { ok: false; message: string }) => {
        signal.removeEventListener('abort', onAbort);
        if (m.ok) resolve(m.facts);
        else reject(new Error(m.message));
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`备份检查中断（${code}）`)));
    });
}

export const RESTORE_BUTTON = '从最近的可用备份恢复';
export const RETRY_BUTTON = '重试';
export const KEEP_CHANGED_BUTTON = '仍然使用这个文件';

const UNAVAILABLE_TITLE: Record<Unavailable, string> = {
  no_space: '磁盘空间不足，台账没有打开',
  read_only_media: '台账所在的磁盘是只读的，台账没有打开',
  read_only_file: '台账文件是只读的，台账没有打开',
  no_permission: '没有权限读写台账，台账没有打开',
  in_use: '台账正被另一个程序使用，台账没有打开',
  io: '读写磁盘出错，台账没有打开',
};

/**
 * Open the ledger; if the startup guards refuse the file, say why in Chinese and offer the newest
 * verified backup. Returns null when the user chose to quit (the damaged file is left untouched).
 */
export function openOrOfferRestore(open: () => Ledger, ledgerFile: string, backupDirs: string[]): Ledger | null {
  for (;;) {
    let refused: DamagedLedger;
    try {
      const ledger = open();
      for (const notice of ledger.notices ?? []) {
        dialog.showMessageBoxSync({ type: 'warning', title: '议事台账：打开时发现的问题', message: '台账旁边有一个不属于它的临时日志文件，已放在一边', detail: notice, buttons: ['知道了'], noLink: true });
      }
      return ledger;
    } catch (e) {
      if (e instanceof LedgerUnavailable) {
        // Not damage: the file is fine. Offer no restore (it would put back older data); let the user fix it and retry.
        const buttons = [RETRY_BUTTON, '打开数据文件夹', '退出'];
        const choice = buttons[
          dialog.showMessageBoxSync({ type: 'warning', title: '议事台账：现在不能打开台账', message: UNAVAILABLE_TITLE[e.reason], detail: e.message, buttons, defaultId: 0, cancelId: 2, noLink: true })
        ];
        if (choice === '打开数据文件夹') void shell.openPath(path.dirname(ledgerFile));
        if (choice === '退出') return null;
        continue;
      }
      if (!(e instanceof DamagedLedger)) throw e;
      refused = e;
    }
    // A file changed while closed may be a copy the user put there on purpose: they may keep it (checked in full).
    const keep = refused.damage === 'changed_while_closed' ? [KEEP_CHANGED_BUTTON] : [];
    const buttons = [...(refused.offer ? [RESTORE_BUTTON] : []), ...keep, '打开数据文件夹', '退出'];
    const choice = buttons[
      dialog.showMessageBoxSync({
        type: 'error',
        title: '议事台账：台账文件不能使用',
        message: '台账文件已损坏，程序没有打开它',
        detail: refused.message,
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      })
    ];
    if (choice === '打开数据文件夹') {
      void shell.openPath(path.dirname(ledgerFile));
      continue;
    }
    if (choice === KEEP_CHANGED_BUTTON) {
      clearMarker(ledgerFile);
      continue;
    }
    if (choice !== RESTORE_BUTTON || !refused.offer) return null;
    try {
      const done = restoreBackup(ledgerFile, refused.offer.file, { backupDirs });
      dialog.showMessageBoxSync({
        type: 'info',
        title: '议事台账：已恢复',
        message: `已从 ${cnLocalDateTime(refused.offer.at)} 的备份恢复（含 ${refused.offer.meetings} 次会议）`,
        detail: done.savedAs
          ? `损坏的文件已原样保存在：\n${done.savedAs}\n请把此后录入的内容补录进来。`
          : '请把此备份之后录入的内容补录进来。',
        buttons: ['打开台账'],
      });
    } catch (e) {
      dialog.showErrorBox('没有恢复', `${e instanceof Error ? e.message : String(e)}\n原文件没有改动。`);
      return null;
    }
  }
}

export interface LedgerControl {
  ledgerFile: string;
  backupDirs: string[];
  current(): Ledger | null;
  close(): void;
  /** Open the ledger file again (guards, migrations) and make it the one dispatch uses. */
  reopen(operator: string): Ledger;
}

/**
 * Restore while running: the ledger is closed (the file cannot be replaced under an open
 * connection), restoreBackup checks the backup, saves the current file and swaps; then the
 * ledger is reopened with the same operator, also when the restore was refused.
 */
export function restoreInPlace(ctl: LedgerControl, file: string): RestoreOutcome {
  const operator = ctl.current()?.operator ?? '系统';
  ctl.close();
  try {
    const r = restoreBackup(ctl.ledgerFile, file, { backupDirs: ctl.backupDirs });
    return { restoredFrom: r.restoredFrom, savedAs: r.savedAs, savedRaw: r.savedRaw };
  } finally {
    ctl.reopen(operator);
  }
}

/**
 * The 校验台账 button's verify (HostApi.verifyLedger): in steps on a snapshot of its own, progress
 * sent to the window while it lives (a window closed meanwhile gets nothing; the run still ends).
 * stop() before the ledger closes, is restored or moved: the run lets go of the file at once and
 * answers that it stopped, never a verdict.
 */
export function shellVerify(deps: { ledger: () => Ledger | null; window: () => BrowserWindow | null; steps?: SteppedOptions }) {
  const runs = steppedVerify((p) => {
    const win = deps.window();
    if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(VERIFY_PROGRESS, p);
  }, deps.steps);
  return {
    verify(req: { anchor?: string; full?: boolean }): Promise<Result<VerifyReport>> {
      const ledger = deps.ledger();
      if (!ledger) return Promise.resolve({ ok: false, error: { code: 'conflict', message: VERIFY_STOPPED } });
      return runs.run(ledger, req);
    },
    stop: () => runs.stop(),
    get running() {
      return runs.running;
    },
  };
}
export type ShellVerify = ReturnType<typeof shellVerify>;
