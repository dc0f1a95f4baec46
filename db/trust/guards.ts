// Startup guards, run by openLedger before SQLite touches the file and before the UI unlocks.
// SQLite itself opens many damaged files without complaint: a 0-byte file is silently an empty
// database, a truncated one fails only at its first query, flipped bytes can leave ordinary
// queries working, and a -wal from another database is replayed into this one on open. So we
// check the bytes ourselves (size, header, page count: every start), then quick_check. A
// damaged file is refused with a Chinese explanation and an offer to restore the newest
// verified backup; the damaged file itself is never modified.
//
// Where quick_check runs, and when (measured in docs/performance.md; quick_check reads every
// page: ~50 ms for a 16 MB school ledger, ~2.2 s for the 767 MB district file, copying adds
// 15 ms / 0.8 s):
// - A -wal with frames (the app did not close cleanly): on private copies, as before: SQLite
//   would replay and checkpoint that -wal into the file on open, and a foreign -wal must be
//   judged against the main file alone. Rare, and exactly when a full check is owed.
// - No -wal with frames and no rollback journal: SQLite would not change the file on open, so
//   quick_check runs in place on a read-only connection (the file is opened O_RDONLY; the
//   empty -wal/-shm that SQLite creates for a read-only WAL reader are removed again).
// - Skipped when the clean-close marker (clean.ts) vouches for these exact bytes: Ledger.close()
//   checkpoints and quick_checks the file (or finds it unchanged since the open that checked it)
//   and records its device, inode, size, mtime and ctime; the marker is void if any differs,
//   if it is not strictly newer than the file's last change, if the check is older than 7 days,
//   or if a -wal/journal is present. So the issue-E promise holds in this form: any change
//   made to the file through the file system since the app last closed it (another program,
//   a sync tool, an interrupted copy, a hex editor, random flipped bytes written to it) is
//   found by quick_check before the UI unlocks. Not seen at startup: a disk that flips bits
//   beneath the file system without touching its timestamps; that is caught by the weekly
//   full startup check, at the next close (its quick_check fails, so no marker and the next
//   start refuses), and by every backup's quick_check. A background check after the UI opens
//   was not added: it would unlock the UI on a file not known to be sound.
import { cnLocalDateTime } from '../calendar';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { LedgerError } from '../errors';
import { anyBackup, newestVerifiedBackup, readLedgerId, type BackupEntry } from './backup';
import { clearMarker, fingerprintOf, validMarker, type Vouched } from './clean';
import { fileSize, withCopy } from './files';

export type Damage =
  | 'missing'
  | 'empty'
  | 'not_sqlite'
  | 'header_damaged'
  | 'truncated'
  | 'foreign_wal'
  | 'corrupt'
  | 'not_ledger';

export interface RestoreOffer {
  file: string;
  at: string;
  meetings: number;
  chainShort: string | null;
}

/** The ledger file cannot be used. `offer` is the newest backup that verified, if any. */
export class DamagedLedger extends LedgerError {
  constructor(
    readonly damage: Damage,
    readonly file: string,
    readonly detail: string,
    readonly offer: RestoreOffer | null,
  ) {
    super({ code: 'conflict', message: damagedMessage(damage, file, offer) });
    this.name = 'DamagedLedger';
  }
}

const EXPLAIN: Record<Damage, string> = {
  missing: '台账文件不见了，但数据文件夹里有备份。为免把空白台账当成新台账使用，程序没有新建。',
  empty: '台账文件的大小为 0（可能是断电、磁盘故障或被误操作清空），但数据文件夹里有备份。为免把空白台账当成新台账使用，程序没有打开它。',
  not_sqlite: '这个文件不是议事台账的数据文件，或者文件开头已经损坏。',
  header_damaged: '台账文件的文件头已经损坏。',
  truncated: '台账文件不完整（被截断了），可能是复制中断、磁盘已满或断电造成的。',
  foreign_wal: '台账旁边的临时日志文件（-wal）与台账对不上：它不属于这个台账（可能是从别处复制过来的），或者已经损坏。如果继续打开，会把错误的数据混进台账。',
  corrupt: '台账文件内部已经损坏（数据库自检没有通过）。',
  not_ledger: '这是一个数据库文件，但不是议事台账的数据文件。',
};

function damagedMessage(damage: Damage, file: string, offer: RestoreOffer | null): string {
  const offerText = offer
    ? `可以从最近一份核验通过的备份恢复：${cnLocalDateTime(offer.at)} 的备份（含 ${offer.meetings} 次会议）。恢复前会先把现在的文件另存一份，随时可以撤销。`
    : '没有找到核验通过的备份。请不要删除或覆盖这个文件，联系技术支持帮助修复。';
  return `${EXPLAIN[damage]}\n文件：${file}\n这个文件没有被改动。${offerText}`;
}

export interface GuardOptions {
  /** Folders holding backups of this ledger (the data folder's backups/ and any chosen one). */
  backupDirs: string[];
}

/**
 * `check` says how the file was found sound: `quick_check` ran now, or the clean-close marker
 * vouched for these bytes. `vouched` (null after a -wal replay: the file will change on open)
 * is what Ledger.close() compares against to skip its own quick_check when nothing changed.
 */
export type GuardResult =
  | { state: 'new' }
  | { state: 'ok'; ledgerId: string | null; walReplayed: boolean; check: 'quick_check' | 'clean_close'; vouched: Vouched | null };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGIC = [0x377f0682, 0x377f0683];

/** Throws DamagedLedger, or says the file is new (nothing to check) or checked and sound. */
export function guardLedgerFile(file: string, options: GuardOptions): GuardResult {
  const problem = inspectLedgerFile(file, options);
  if (problem.state === 'damaged') {
    const found = newestVerifiedBackup(options.backupDirs);
    throw new DamagedLedger(problem.damage, file, problem.detail, found ? offerOf(found.entry) : null);
  }
  // The caller opens the file for writing next: from here a crash must be followed by a full check.
  clearMarker(file);
  return problem;
}

function offerOf(b: BackupEntry): RestoreOffer {
  return { file: b.path, at: b.at, meetings: b.meetings, chainShort: b.chain?.short ?? null };
}

export type Inspection = GuardResult | { state: 'damaged'; damage: Damage; detail: string };

/** The same checks without throwing (restore uses it to decide how to save the current file). */
export function inspectLedgerFile(file: string, options: GuardOptions): Inspection {
  const damaged = (damage: Damage, detail: string): Inspection => ({ state: 'damaged', damage, detail });
  const size = fileSize(file);
  const walSize = fileSize(`${file}-wal`) ?? 0;
  if (size === null) return anyBackup(options.backupDirs) ? damaged('missing', 'no file') : { state: 'new' };
  if (size === 0) {
    // SQLite would open this as a brand-new empty database: a first run only if nothing was ever backed up.
    return anyBackup(options.backupDirs) || walSize > 0 ? damaged('empty', '0 bytes') : { state: 'new' };
  }
  const header = readBytes(file, 0, 100);
  if (header.length < 100 || !header.subarray(0, 16).equals(MAGIC)) return damaged('not_sqlite', 'no SQLite magic');
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0 || header[21] !== 64 || header[22] !== 32 || header[23] !== 32) {
    return damaged('header_damaged', `page size ${pageSize}`);
  }
  // With a -wal present the main file alone may be mid-checkpoint (header already says more pages
  // than are written yet): legitimate, the -wal completes it. Only without one must the sizes agree.
  if (walSize === 0) {
    if (size % pageSize !== 0) return damaged('truncated', `size ${size} is not a multiple of ${pageSize}`);
    const pages = header.readUInt32BE(28);
    // The in-header page count is valid only when the change counter matches "version valid for".
    if (header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0 && size < pages * pageSize) {
      return damaged('truncated', `size ${size} < ${pages} pages × ${pageSize}`);
    }
  }
  if (walSize > 0) {
    const wal = readBytes(`${file}-wal`, 0, 32);
    if (wal.length === 32 && WAL_MAGIC.includes(wal.readUInt32BE(0)) && wal.readUInt32BE(8) !== pageSize) {
      return damaged('foreign_wal', `wal page size ${wal.readUInt32BE(8)} ≠ ${pageSize}`);
    }
  }
  // At rest: SQLite would not change the file on open (nothing to replay or roll back).
  const atRest = walSize === 0 && !fs.existsSync(`${file}-journal`);
  if (atRest) {
    const vouched = validMarker(file);
    if (vouched) return { state: 'ok', ledgerId: vouched.ledgerId, walReplayed: false, check: 'clean_close', vouched };
  }
  const at = fingerprintOf(file);
  const whole = atRest ? checkInPlace(file) : checkCopy(file, true);
  if (walSize === 0) {
    if (whole.quick !== 'ok') return damaged('corrupt', whole.quick.slice(0, 300));
  } else {
    // Judge the -wal against the main file alone. After a crash mid-checkpoint the main file alone
    // may be inconsistent, so it only speaks when it is readable: who it says it is, and whether
    // it was sound before the -wal made it unsound.
    const main = checkCopy(file, false);
    if (whole.quick !== 'ok') {
      return main.quick === 'ok' ? damaged('foreign_wal', `with -wal: ${whole.quick.slice(0, 300)}`) : damaged('corrupt', whole.quick.slice(0, 300));
    }
    if (main.ledgerId && whole.ledgerId !== main.ledgerId) return damaged('foreign_wal', `ledgerId ${main.ledgerId} became ${whole.ledgerId}`);
  }
  if (whole.anyTable && !whole.ledger) return damaged('not_ledger', 'no __drizzle_migrations');
  if (!whole.anyTable) return { state: 'new' };
  const vouched = atRest && at ? { fingerprint: at, checkedAt: Date.now(), ledgerId: whole.ledgerId } : null;
  return { state: 'ok', ledgerId: whole.ledgerId, walReplayed: walSize > 0, check: 'quick_check', vouched };
}

interface CopyCheck {
  quick: string;
  ledger: boolean;
  anyTable: boolean;
  ledgerId: string | null;
}

/** quick_check and identity of a private copy (with or without the -wal replayed). */
function checkCopy(file: string, withWal: boolean): CopyCheck {
  try {
    return withCopy(file, withWal, (copy) => openAnd(copy, false, checkDb));
  } catch (e) {
    return failed(e);
  }
}

/**
 * The same on the file itself, read-only: only when no -wal has frames and there is no rollback
 * journal, so what SQLite reads is exactly the main file. A read-only reader of a WAL database
 * still creates an empty -wal and a -shm (wal-index) beside it; the ones it made are removed,
 * so a refused file's folder is left as it was found.
 */
function checkInPlace(file: string): CopyCheck {
  const made = ['-wal', '-shm'].filter((s) => !fs.existsSync(file + s));
  try {
    return openAnd(file, true, checkDb);
  } catch (e) {
    return failed(e);
  } finally {
    // An empty -wal only: a read-only connection never writes one, so frames would be someone else's.
    if (made.includes('-wal') && fileSize(`${file}-wal`) === 0) fs.rmSync(`${file}-wal`, { force: true });
    if (made.includes('-shm') && (fileSize(`${file}-wal`) ?? 0) === 0) fs.rmSync(`${file}-shm`, { force: true });
  }
}

function checkDb(db: Database.Database): CopyCheck {
  const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
  if (quick !== 'ok') return { quick, ledger: false, anyTable: false, ledgerId: null };
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  const ledger = tables.some((t) => t.name === '__drizzle_migrations');
  return { quick, ledger, anyTable: tables.length > 0, ledgerId: ledger ? readLedgerId(db) : null };
}

/** SQLITE_CORRUPT / SQLITE_NOTADB at open or at the first read. */
function failed(e: unknown): CopyCheck {
  return { quick: String((e as Error).message) || 'error', ledger: false, anyTable: false, ledgerId: null };
}

function openAnd<T>(file: string, readonly: boolean, fn: (db: Database.Database) => T): T {
  const db = openSqlite(file, { readonly });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function readBytes(file: string, at: number, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = fs.readSync(fd, buf, 0, n, at);
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}
