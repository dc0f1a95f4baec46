// openLedger(file): the only way to get a Ledger. Sets durable pragmas, applies pending
// migrations synchronously before any window loads, and refuses a database written by a
// newer version of the app (as Signal's DBVersionFromFutureError does): an old app must
// never write into a schema it does not understand.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { LedgerError } from './errors';
import type { Ledger } from './ledger';
import { rethrowUnavailable } from './trust/access';
import { defaultBackupDir, readLedgerId } from './trust/backup';
import { fileSize } from './trust/files';
import { clearMarker, closeWithMarker } from './trust/clean';
import { guardLedgerFile } from './trust/guards';
import { sealPendingRestore } from './trust/restore';
import { useNativeBinding } from './trust/sqlite';
import { startWalRecord, stopWalRecord } from './trust/wal';

export interface OpenOptions {
  /** Folder of drizzle-kit migrations (migrations/ in the repo, resources/migrations when packaged). */
  migrationsFolder: string;
  /** better-sqlite3 native binary built for the host's ABI (Electron passes its own build). */
  nativeBinding?: string;
  now?: () => Date;
  operator?: string;
  /** Folders holding backups of this ledger; default: the data folder's backups/. */
  backupDirs?: string[];
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function openLedger(file: string, options: OpenOptions): Ledger {
  const journal = readJournal(options.migrationsFolder);
  useNativeBinding(options.nativeBinding);
  // Refuses a damaged file (truncated, failed quick_check, 0 bytes with backups …) before SQLite
  // opens it for writing, with a restore offer (DamagedLedger); a full disk, read-only media, a
  // permission error or another program holding it, as what it is (LedgerUnavailable); sets
  // aside a -wal that is not this ledger's.
  const guard = guardLedgerFile(file, { backupDirs: options.backupDirs ?? [defaultBackupDir(file)] });
  // Side files SQLite is about to create: removed again if opening fails (a full disk), so a
  // refused start leaves the folder as it found it.
  const made = ['-wal', '-shm'].filter((side) => !fs.existsSync(file + side));
  const unmake = () => {
    // Nobody else has the file open (guards checked): the -shm is only an index, an empty -wal nothing.
    for (const side of made) if (side === '-shm' || (fileSize(`${file}-wal`) ?? 0) === 0) fs.rmSync(file + side, { force: true });
  };
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    unmake();
    rethrowUnavailable(e, file, null, true);
    throw e;
  }
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Opened for writing: from here a crash must be followed by a full check at the next start.
    clearMarker(file);
    const applied = refuseFutureVersion(sqlite, journal);
    // No relational queries (db.query.*) are used, so drizzle needs no schema map (0.15 ms a start).
    const db = drizzle(sqlite);
    // drizzle's migrator applies the journal entries newer than the newest one recorded; when the
    // newest is already recorded it would read and hash every file to apply nothing (0.25 ms).
    if (applied !== newestKnown(journal)) migrate(db, { migrationsFolder: options.migrationsFolder });
    ensureIdentity(sqlite, (options.now ?? (() => new Date()))());
    const ledger: Ledger = {
      file,
      sqlite,
      db,
      now: options.now ?? (() => new Date()),
      operator: options.operator ?? '系统',
      orgId: null,
      notices: guard.state === 'ok' && guard.setAside ? [guard.setAside.notice] : [],
      close: () => {
        // A clean close leaves a marker that spares the next start its quick_check (db/trust/guards.ts).
        closeWithMarker(sqlite, file, guard.state === 'ok' ? guard.vouched : null, () => readLedgerId(sqlite));
        stopWalRecord(sqlite);
      },
    };
    // A file just restored from a backup records that on its chain now (db/trust/restore.ts).
    sealPendingRestore(ledger);
    // From here every commit is recorded, so the next start can tell this ledger's -wal (db/trust/wal.ts).
    startWalRecord(sqlite, file);
    return ledger;
  } catch (e) {
    sqlite.close();
    stopWalRecord(sqlite);
    unmake();
    rethrowUnavailable(e, file, null);
    throw e;
  }
}

/**
 * A random id per ledger, made on the first open and checkpointed into the main file at once:
 * the guards compare it with the -wal's view to spot a -wal from another ledger.
 */
function ensureIdentity(sqlite: Database.Database, now: Date): void {
  const made = sqlite
    .prepare("INSERT OR IGNORE INTO ledger_meta (key, value) VALUES ('ledgerId', ?), ('createdAt', ?)")
    .run(randomUUID(), now.toISOString());
  if (made.changes > 0) sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

function readJournal(folder: string): Journal {
  const file = path.join(folder, 'meta', '_journal.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
}

function newestKnown(journal: Journal): number {
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

/** The newest migration recorded in the file (null on a new file); refuses one newer than the app. */
function refuseFutureVersion(sqlite: Database.Database, journal: Journal): number | null {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return null;
  const row = sqlite.prepare('SELECT MAX(created_at) AS newest FROM __drizzle_migrations').get() as { newest: number | null };
  const known = newestKnown(journal);
  if (row.newest !== null && Number(row.newest) > known) {
    throw new LedgerError({
      code: 'conflict',
      message: '这个台账文件是由更新版本的议事台账写入的，当前版本无法安全打开。请安装最新版本后再打开，数据没有被改动。',
    });
  }
  return row.newest === null ? null : Number(row.newest);
}

/**
 * A second connection to a ledger this process already opened with openLedger (guards passed,
 * migrations applied, identity made): for a worker thread that runs one slow command
 * (electron/transfer-worker.ts) while the main connection keeps serving the window. It changes
 * nothing on opening; the caller closes it. The main connection notes the commit afterwards
 * (db/trust/wal.ts noteCommit), so the next start knows the -wal as this ledger's.
 */
export function attachLedger(file: string, options: { nativeBinding?: string; operator: string; orgId: number | null; now?: () => Date }): Ledger {
  useNativeBinding(options.nativeBinding);
  const sqlite = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // A merge's write waits for a write of the main connection in progress, as the main one waits for it.
  sqlite.pragma('busy_timeout = 5000');
  return {
    file,
    sqlite,
    db: drizzle(sqlite),
    now: options.now ?? (() => new Date()),
    operator: options.operator,
    orgId: options.orgId,
    close: () => sqlite.close(),
  };
}
