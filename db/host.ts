// What only the shell can do (print with Chromium, save dialogs, open a folder). Implemented by
// electron/host.ts (Electron) and by the Playwright harness (test/support/harness.ts); the
// renderer sees it as window.host. Types only: no I/O here.
import type { Result } from './api';
import type { VerifyProgress, VerifyReport } from './trust/verify';

export type { VerifyProgress, VerifyReport };
export type { TransferProgress } from './transfer/progress';
import type { TransferProgress } from './transfer/progress';
export interface SavedFile {
  path: string;
}

export interface HostApi {
  /** Print HTML with Chromium to an A4 PDF and save it; null when the user cancels the dialog. */
  savePdf(req: { html: string; fileName: string }): Promise<SavedFile | null>;
  /** Save bytes (DOCX, XLSX) produced by the core; null when cancelled. */
  saveFile(req: { base64: string; fileName: string }): Promise<SavedFile | null>;
  /** Send HTML to the system's printer dialog. */
  print(req: { html: string }): Promise<void>;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
  info(): Promise<{ version: string; dataFolder: string; shell: 'electron' | 'harness' }>;
  /**
   * Pick a file to read (历史台账导入): only the kinds on the shell's allow-list (.xlsx), at most
   * 20 MB; its name (never its folder) and bytes, or null when cancelled.
   */
  openFile(req: { title: string; kind: 'xlsx' }): Promise<OpenedFile | null>;
  /**
   * Pick a ledger file (拆分台账: where to save the new one; 合并台账: the school's file to bring in):
   * only the app's own file type (.sqlite), its full path, or null when cancelled. The file is
   * neither read nor written here: the core checks it (db/transfer).
   */
  chooseLedgerFile(req: { title: string; mode: 'save' | 'open'; fileName?: string }): Promise<string | null>;
  /** Pick a folder (a USB stick for backups); null when cancelled. */
  chooseFolder(req: { title: string }): Promise<string | null>;
  /**
   * Replace the ledger with a verified backup (db/trust/restore.ts): the shell closes the ledger,
   * saves the current file first, swaps the files and reopens. The page reloads itself afterwards.
   */
  restoreBackup(req: { file: string }): Promise<RestoreOutcome>;
  /**
   * 校验台账 in steps beside the user's work (db/trust/stepped.ts): the same checks and report as
   * the trust.verify channel, with progress pushed to onVerifyProgress meanwhile. A second call
   * while one runs joins it when it names the same 存证码, else is refused. Quick (links whole,
   * records since the last full verify, a random sample of older ones) when the mark beside the
   * file allows; `full: true` (完整校验) re-hashes every record.
   */
  verifyLedger(req: { anchor?: string; full?: boolean }): Promise<Result<VerifyReport>>;
  /** The running verify's progress (records re-hashed of about how many); returns an unsubscribe. */
  onVerifyProgress?(listener: (p: VerifyProgress) => void): () => void;
  /** 拆分台账/合并台账's phases while one runs (the shell runs them in a worker thread); returns an unsubscribe. */
  onTransferProgress?(listener: (p: TransferProgress) => void): () => void;
  /** The automatic backup's progress, pushed by the desktop shell; returns an unsubscribe. Absent elsewhere. */
  onBackupStatus?(listener: (s: BackupStatus) => void): () => void;
}

/** What the window shows of the automatic backup, which runs beside the user's work. */
export interface BackupStatus {
  state: 'running' | 'done' | 'failed';
  /** 0–100 while running. */
  percent: number;
  /** Chinese, for the status line. */
  message: string;
}

export interface OpenedFile {
  name: string;
  base64: string;
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** The current file as it was saved before the swap (restore it to undo); null if there was none. */
  savedAs: string | null;
  savedRaw: boolean;
}
