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
//   temporary name beside the ledger, mark it restored, fsync → write the restore record beside
//   the backups → remove the old -wal/-shm (already folded in or saved) → rename over the ledger
//   (atomic) → fsync the folder.
//
// A restore forks the history: anchors taken before it (backups, printed codes) may name seals
// the restored file never had. So it is recorded twice, bound by a random nonce: outside, as
// 恢复记录-<time>.json beside the backups (the backup's chain and audit heads), and inside, as a
// restore seal on the chain, added at the next open (sealPendingRestore). verify.ts excuses an
// older anchor only when both exist and agree; a time written inside the file proves nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../errors';
import { type Ledger, nowIso } from '../ledger';
import { appendAudit } from './audit';
import { backupLedgerFile, defaultBackupDir, inspectBackup, type BackupEntry, type BackupInspection, type OnProgress } from './backup';
import { appendSeal, chainHead, GENESIS } from './chain';
import { clearMarker } from './clean';
import { copyDurably, fsyncDir, fsyncFile, tempName, writeDurably } from './files';
import { inspectLedgerFile } from './guards';
import { openSqlite } from './sqlite';
import type { RestoreRecord } from './verify';
import { walStatePath } from './wal';

export const RESTORE_FORMAT = 'yishi-ledger-restore';
export const RESTORE_PREFIX = '恢复记录-';

interface RestoreRecordFile extends RestoreRecord {
  format: typeof RESTORE_FORMAT;
  version: 1;
  fromSha256: string | null;
  savedAs: string | null;
}

/** What is written into the restored file, sealed at its next open. */
interface PendingRestore {
  nonce: string;
  at: string;
  from: string;
  savedAs: string | null;
}

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
  const tmp = tempName(ledgerFile, 'restore');
  const pending: PendingRestore = {
    nonce: crypto.randomBytes(16).toString('hex'),
    at: now.toISOString(),
    from: path.basename(backupFile),
    savedAs: saved.file ? path.basename(saved.file) : null,
  };
  try {
    fs.copyFileSync(backupFile, tmp);
    const db = openSqlite(tmp);
    try {
      db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('pendingRestore', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(pending));
    } finally {
      db.close();
    }
    fsyncFile(tmp);
    // Before the swap: a record whose restore never happened confirms nothing (no seal carries its nonce).
    writeRestoreRecord(dirs[0]!, {
      format: RESTORE_FORMAT,
      version: 1,
      ...pending,
      head: inspection.head,
      audit: inspection.audit,
      fromSha256: inspection.manifest?.sha256 ?? null,
    });

    step('swap', 3);
    // The old -wal is already folded into the save (or kept raw); beside the new file it would be
    // foreign. The clean-close marker and the WAL record speak of the old file: they go too.
    clearMarker(ledgerFile);
    fs.rmSync(walStatePath(ledgerFile), { force: true });
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
  if (!fs.existsSync(ledgerFile) && !fs.existsSync(`${ledgerFile}-wal`)) return { file: null, raw: false };
  const state = inspectLedgerFile(ledgerFile, { backupDirs: [] });
  if (state.state === 'ok') {
    const entry: BackupEntry = backupLedgerFile(ledgerFile, dir, now, { reason: 'before-restore', rotate: false });
    return { file: entry.path, raw: false };
  }
  // Damaged, empty, missing beside its -wal, or with a -wal that is not its own: keep the exact
  // bytes for a technician; never restorable from the list.
  const p = (n: number) => String(n).padStart(2, '0');
  const folder = path.join(dir, `损坏的台账-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}-${crypto.randomBytes(2).toString('hex')}`);
  fs.mkdirSync(folder, { recursive: true });
  const kept = ['', '-wal'].filter((suffix) => fs.existsSync(ledgerFile + suffix));
  for (const suffix of kept) copyDurably(ledgerFile + suffix, path.join(folder, path.basename(ledgerFile) + suffix));
  return { file: path.join(folder, path.basename(ledgerFile) + kept[0]!), raw: true };
}

function writeRestoreRecord(dir: string, record: RestoreRecordFile): void {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = record.at.replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  writeDurably(path.join(dir, `${RESTORE_PREFIX}${stamp}-${record.nonce.slice(0, 6)}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

/** Restore records beside the backups (unreadable ones are skipped: they confirm nothing). */
export function readRestoreRecords(dir: string): RestoreRecord[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(RESTORE_PREFIX) && n.endsWith('.json'));
  } catch {
    return [];
  }
  const out: RestoreRecord[] = [];
  for (const n of names) {
    try {
      const r = JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')) as Partial<RestoreRecordFile>;
      if (r.format !== RESTORE_FORMAT || typeof r.at !== 'string' || typeof r.nonce !== 'string' || typeof r.from !== 'string') continue;
      out.push({ at: r.at, nonce: r.nonce, from: r.from, head: r.head ?? null, audit: r.audit ?? null });
    } catch {
      // skipped
    }
  }
  return out;
}

/**
 * At the first open after a restore (after migrations): the restore becomes part of the file's
 * history, an audit row carrying the nonce and a restore seal over it, in one transaction.
 */
export function sealPendingRestore(ledger: Ledger): void {
  const row = ledger.sqlite.prepare("SELECT value FROM ledger_meta WHERE key = 'pendingRestore'").get() as { value: string } | undefined;
  if (!row) return;
  ledger.sqlite
    .transaction(() => {
      const id = appendAudit(ledger, { at: nowIso(ledger), operator: ledger.operator, channel: 'backup.restore', summary: row.value });
      appendSeal(ledger, 'restore', id, 0, chainHead(ledger)?.hash ?? GENESIS);
      ledger.sqlite.prepare("DELETE FROM ledger_meta WHERE key = 'pendingRestore'").run();
    })
    .immediate();
}
