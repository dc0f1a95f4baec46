// Restore a backup over the ledger file. The ledger must be CLOSED: only the shell can do that,
// so the channel backup.restore only checks the backup and answers what the shell must do:
//
//   1. close the ledger (ledger.close());
//   2. restoreBackup(ledgerFile, backupFile, { backupDirs, onProgress }) — this function;
//   3. openLedger(ledgerFile, …) again and reload the window.
//
// At startup, when guardLedgerFile refused a damaged file, the shell runs steps 2–3 with the
// offered backup. Order of work, so that a kill at ANY moment leaves the old ledger or the new
// one under the real name, never a broken one:
//   verify the backup → save the current file (a real backup if it is healthy, a raw copy kept
//   aside if it is damaged; either way the restore can be undone) → copy the backup to a
//   temporary name beside the ledger, mark it restored, fsync → remove the old -wal/-shm
//   (already folded in or saved) → rename over the ledger (atomic) → fsync the folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../errors';
import { backupLedgerFile, defaultBackupDir, inspectBackup, type BackupEntry, type BackupInspection, type OnProgress } from './backup';
import { copyDurably, fsyncDir, fsyncFile } from './files';
import { inspectLedgerFile } from './guards';
import { openSqlite } from './sqlite';

export interface RestoreOptions {
  /** Where the pre-restore save goes, and where guards look for backups (default: data folder's backups/). */
  backupDirs?: string[];
  onProgress?: OnProgress;
  now?: Date;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The pre-restore save: restore this to undo. Null when there was no ledger file. */
  savedAs: string | null;
  /** True when the current file was damaged and was kept aside as raw bytes (not restorable). */
  savedRaw: boolean;
  inspection: BackupInspection;
}

export function restoreBackup(ledgerFile: string, backupFile: string, options: RestoreOptions = {}): RestoreResult {
  const dirs = options.backupDirs ?? [defaultBackupDir(ledgerFile)];
  const now = options.now ?? new Date();
  const step = (phase: string, done: number) => options.onProgress?.({ phase, done, total: 4 });

  step('verify', 0);
  const inspection = inspectBackup(backupFile);
  if (!inspection.ok) {
    throw new LedgerError({ code: 'conflict', message: `这份备份不能用于恢复：${inspection.problems.join('；')}台账没有改动。`, field: 'file' });
  }
  if (path.resolve(backupFile) === path.resolve(ledgerFile)) {
    throw new LedgerError({ code: 'conflict', message: '不能用台账文件本身作为备份来恢复，请选择备份文件夹里的备份。', field: 'file' });
  }

  // Temporary files of a restore killed earlier: never the ledger, safe to clear.
  const base = `${path.basename(ledgerFile)}.restore-`;
  for (const f of fs.readdirSync(path.dirname(ledgerFile))) if (f.startsWith(base)) fs.rmSync(path.join(path.dirname(ledgerFile), f), { force: true });

  step('save', 1);
  const saved = saveCurrent(ledgerFile, dirs[0]!, now);

  step('copy', 2);
  const tmp = `${ledgerFile}.restore-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  try {
    fs.copyFileSync(backupFile, tmp);
    const db = openSqlite(tmp);
    try {
      db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('restoredAt', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(now.toISOString());
      db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('restoredFrom', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(path.basename(backupFile));
    } finally {
      db.close();
    }
    fsyncFile(tmp);

    step('swap', 3);
    // The old -wal is already folded into the save (or kept raw); beside the new file it would be foreign.
    fs.rmSync(`${ledgerFile}-wal`, { force: true });
    fs.rmSync(`${ledgerFile}-shm`, { force: true });
    fs.renameSync(tmp, ledgerFile);
    fsyncDir(path.dirname(ledgerFile));
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
  }
  step('done', 4);
  return { restoredFrom: backupFile, savedAs: saved.file, savedRaw: saved.raw, inspection };
}

function saveCurrent(ledgerFile: string, dir: string, now: Date): { file: string | null; raw: boolean } {
  if (!fs.existsSync(ledgerFile)) return { file: null, raw: false };
  const state = inspectLedgerFile(ledgerFile, { backupDirs: [] });
  if (state.state === 'ok') {
    const entry: BackupEntry = backupLedgerFile(ledgerFile, dir, now, { reason: 'before-restore', rotate: false });
    return { file: entry.path, raw: false };
  }
  // Damaged (or empty): keep its exact bytes for a technician; never restorable from the list.
  const p = (n: number) => String(n).padStart(2, '0');
  const folder = path.join(dir, `损坏的台账-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}-${crypto.randomBytes(2).toString('hex')}`);
  fs.mkdirSync(folder, { recursive: true });
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(ledgerFile + suffix)) copyDurably(ledgerFile + suffix, path.join(folder, path.basename(ledgerFile) + suffix));
  }
  return { file: path.join(folder, path.basename(ledgerFile)), raw: true };
}
