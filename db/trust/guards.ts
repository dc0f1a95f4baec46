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
//   or if a -wal/journal is present.
// - When the timestamps no longer vouch but the marker is there (the file was touched, copied,
//   or the check is a week old): the whole file is hashed and compared with the sha256 the
//   marker recorded at that close. Same bytes pass; different bytes are refused as
//   changed_while_closed, whatever quick_check would say: quick_check finds broken pages, not a
//   changed value inside a record (that is how 0 of 40 flipped files used to be refused).
// So: any change to the file's bytes made while the app was closed after a clean close (another
// program, a sync tool, a hex editor, flipped bytes) is refused before the UI unlocks. Not seen
// at startup: a change after a crash (no marker: quick_check only), a change made while the app
// runs, one whose author also deleted or rewrote the marker, and a disk that flips bits beneath
// the file system without touching its timestamps until the weekly hash. Changes to sealed
// records are still found by verify (the seal chain) in those cases; others are not.
//
// Before any of this (access.ts): the folder and file must be writable and no other process may
// have the ledger open; a full disk, read-only media, a permission error or another program is
// refused as what it is, never as damage, and never with a restore offer. A -wal is used only
// when it is proven to be this ledger's, at this moment (wal.ts); one that is not is set aside
// (renamed, never applied), the main file alone is checked and opened, and the user is told.
import { cnLocalDateTime } from '../calendar';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { LedgerError } from '../errors';
import { assertUsable, isCorruption, rethrowUnavailable } from './access';
import { anyBackup, newestVerifiedBackup, readLedgerId, type BackupEntry } from './backup';
import { fingerprintOf, readMarker, sameFingerprint, validMarker, type Vouched } from './clean';
import { fileSize, sha256File, sweepLeftovers, withCopy } from './files';
import { auditLink, type AuditRow } from './audit';
import { judgeWal, scanWal, setAsideWal } from './wal';

export type Damage =
  | 'missing'
  | 'missing_main'
  | 'empty'
  | 'not_sqlite'
  | 'header_damaged'
  | 'truncated'
  | 'wal_damaged'
  | 'changed_while_closed'
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
  missing_main: '台账文件不见了，旁边只剩下它的临时日志文件（-wal），里面可能有最近的修改。程序没有新建空白台账，也没有动这个 -wal。',
  empty: '台账文件的大小为 0（可能是断电、磁盘故障或被误操作清空），但数据文件夹里有备份。为免把空白台账当成新台账使用，程序没有打开它。',
  not_sqlite: '这个文件不是议事台账的数据文件，或者文件开头已经损坏。',
  header_damaged: '台账文件的文件头已经损坏。',
  truncated: '台账文件不完整（被截断了），可能是复制中断、磁盘已满或断电造成的。',
  wal_damaged: '台账旁边的临时日志文件（-wal）中间有损坏，而损坏处后面还有已经保存的修改。如果直接打开，这些修改会被悄悄丢掉，所以程序没有打开。',
  changed_while_closed: '台账文件在程序关闭期间被改动过：它的内容与上次正常关闭时记下的校验值（sha256）不同。可能是其他程序、同步软件、人为修改或磁盘故障造成的；这类改动数据库自检往往发现不了，所以程序没有打开它。',
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
  | {
      state: 'ok';
      ledgerId: string | null;
      walReplayed: boolean;
      /** quick_check ran now; the clean-close marker vouched by timestamps; or the whole file hashed the same as at that close. */
      check: 'quick_check' | 'clean_close' | 'same_bytes';
      vouched: Vouched | null;
      /** A -wal found not to be this ledger's, renamed aside before the check: what to tell the user. */
      setAside?: { file: string; notice: string };
    };

/** Why a -wal is not this ledger's (wal.ts, and the content checks below). */
export type ForeignWal = 'after_close' | 'older' | 'other_generation' | 'other_ledger' | 'not_continuation';

const FOREIGN: Record<ForeignWal, string> = {
  after_close: '上次正常关闭以后，台账旁边又出现了一个临时日志文件（-wal）。它不是本程序留下的（可能是从别处复制来的旧文件）；如果使用它，会用旧数据覆盖较新的记录。',
  older: '台账旁边的临时日志文件（-wal）比程序最后一次确认保存时还旧（可能被旧的副本替换了）；如果使用它，会用旧数据覆盖较新的记录。',
  other_generation: '台账旁边的临时日志文件（-wal）不是这个台账当前使用的那一个（可能来自旧的副本或别的台账）。',
  other_ledger: '台账旁边的临时日志文件（-wal）属于另一个台账文件。',
  not_continuation: '台账旁边的临时日志文件（-wal）与台账接不上：其中的操作记录不是接在台账现有记录之后写的（可能来自旧的副本或由同一模板建立的另一个台账）。',
};

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGIC = [0x377f0682, 0x377f0683];

/**
 * Throws LedgerUnavailable (disk full, read-only, no permission, in use: nothing changed, no
 * restore offered) or DamagedLedger (with the newest verified backup offered), or says the file
 * is new (nothing to check) or checked and sound. A -wal that is not this ledger's is renamed
 * aside first; the result says so, for the shell to tell the user.
 */
export function guardLedgerFile(file: string, options: GuardOptions): GuardResult {
  assertUsable(file);
  // Temporary copies of processes killed halfway (backups, restores, checks): never the ledger.
  sweepLeftovers([path.dirname(file), ...options.backupDirs]);
  let problem = inspectLedgerFile(file, options);
  let setAside: { file: string; notice: string } | undefined;
  if (problem.state === 'foreign_wal') {
    // Judged on the main file alone first: a damaged main file is refused with the -wal left in place.
    const alone = inspectLedgerFile(file, options, { ignoreWal: true });
    if (alone.state === 'ok' || alone.state === 'new') {
      const moved = setAsideWal(file);
      setAside = {
        file: moved,
        notice: `${FOREIGN[problem.why]}程序没有使用它，已把它改名保存为「${path.basename(moved)}」，台账按上次确认保存的内容打开。如果最近的修改没有出现，请联系技术支持并提供这个文件。`,
      };
      problem = inspectLedgerFile(file, options);
    } else problem = alone;
  }
  if (problem.state === 'damaged') {
    const found = newestVerifiedBackup(options.backupDirs);
    throw new DamagedLedger(problem.damage, file, problem.detail, found ? offerOf(found.entry) : null);
  }
  if (problem.state === 'foreign_wal') throw new Error('guards: a -wal set aside came back');
  // The marker stays until the caller has the file open (openLedger clears it before its first
  // write): a start refused for a full disk must leave everything as it was.
  return problem.state === 'ok' && setAside ? { ...problem, setAside } : problem;
}

function offerOf(b: BackupEntry): RestoreOffer {
  return { file: b.path, at: b.at, meetings: b.meetings, chainShort: b.chain?.short ?? null };
}

export type Inspection =
  | GuardResult
  | { state: 'damaged'; damage: Damage; detail: string }
  | { state: 'foreign_wal'; why: ForeignWal; detail: string };

/**
 * The same checks without throwing for damage, and without changing anything (restore uses it to
 * decide how to save the current file). I/O errors still throw LedgerUnavailable.
 */
export function inspectLedgerFile(file: string, options: GuardOptions, how: { ignoreWal?: boolean } = {}): Inspection {
  try {
    return inspect(file, options, how.ignoreWal ?? false);
  } catch (e) {
    rethrowUnavailable(e, file);
    throw e;
  }
}

function inspect(file: string, options: GuardOptions, ignoreWal: boolean): Inspection {
  const damaged = (damage: Damage, detail: string): Inspection => ({ state: 'damaged', damage, detail });
  const foreign = (why: ForeignWal, detail: string): Inspection => ({ state: 'foreign_wal', why, detail });
  const size = fileSize(file);
  const walSize = ignoreWal ? 0 : (fileSize(`${file}-wal`) ?? 0);
  if (size === null) {
    // A -wal without its file may hold the latest work: never start over beside it.
    if (walSize > 0) return damaged('missing_main', 'no file, -wal present');
    return anyBackup(options.backupDirs) ? damaged('missing', 'no file') : { state: 'new' };
  }
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
  let judged: ReturnType<typeof judgeWal> = { verdict: 'unknown' };
  if (walSize > 0) {
    const wal = readBytes(`${file}-wal`, 0, 32);
    if (wal.length === 32 && WAL_MAGIC.includes(wal.readUInt32BE(0)) && wal.readUInt32BE(8) !== pageSize) {
      return foreign('other_ledger', `wal page size ${wal.readUInt32BE(8)} ≠ ${pageSize}`);
    }
    judged = judgeWal(file);
    if (judged.verdict === 'not_ours') return foreign(judged.why, 'by the WAL record');
    if (judged.verdict === 'damaged') return damaged('wal_damaged', `frame ${judged.frame} damaged, committed frames after it`);
  }
  // At rest: SQLite would not change the file on open (nothing to replay or roll back).
  const atRest = walSize === 0 && (ignoreWal || !fs.existsSync(`${file}-journal`));
  if (atRest && !ignoreWal) {
    const vouched = validMarker(file);
    if (vouched) return { state: 'ok', ledgerId: vouched.ledgerId, walReplayed: false, check: 'clean_close', vouched };
    // The timestamps moved (or the check is a week old): the bytes decide, not quick_check,
    // which passes an edited value inside a record (clean.ts says what this does and does not see).
    const marker = readMarker(file);
    if (marker?.sha256) {
      const fingerprint = fingerprintOf(file);
      if (sha256File(file) !== marker.sha256) {
        // Refused either way; say the most specific thing that is true of these bytes.
        const now = checkInPlace(file);
        if (now.quick !== 'ok') return damaged('corrupt', now.quick.slice(0, 300));
        if (now.anyTable && !now.ledger) return damaged('not_ledger', 'no __drizzle_migrations');
        return damaged('changed_while_closed', `sha256 differs from the clean close of ${new Date(marker.checkedAt).toISOString()}`);
      }
      if (fingerprint && sameFingerprint(fingerprint, fingerprintOf(file)!)) {
        const vouched = { fingerprint, checkedAt: Date.now(), ledgerId: marker.ledgerId ?? null, sha256: marker.sha256 };
        return { state: 'ok', ledgerId: vouched.ledgerId, walReplayed: false, check: 'same_bytes', vouched };
      }
    }
  }
  const at = fingerprintOf(file);
  if (walSize === 0) {
    const whole = ignoreWal ? checkCopy(file, false) : atRest ? checkInPlace(file) : checkCopy(file, true);
    if (whole.quick !== 'ok') return damaged('corrupt', whole.quick.slice(0, 300));
    if (whole.anyTable && !whole.ledger) return damaged('not_ledger', 'no __drizzle_migrations');
    if (!whole.anyTable) return { state: 'new' };
    const vouched = atRest && !ignoreWal && at ? { fingerprint: at, checkedAt: Date.now(), ledgerId: whole.ledgerId } : null;
    return { state: 'ok', ledgerId: whole.ledgerId, walReplayed: false, check: 'quick_check', vouched };
  }
  // Judge the -wal against the main file alone. After a crash mid-checkpoint the main file alone
  // may be inconsistent, so it only speaks when it is readable: who it says it is, how far its
  // audit log reaches, and whether it was sound before the -wal made it unsound.
  const main = checkCopy(file, false);
  const whole = checkCopy(file, true, main.audit);
  if (whole.quick !== 'ok') {
    if (main.quick === 'ok' && judged.verdict === 'unknown') return foreign('other_ledger', `with -wal: ${whole.quick.slice(0, 300)}`);
    return damaged('corrupt', whole.quick.slice(0, 300));
  }
  if (judged.verdict === 'unknown' && main.quick === 'ok') {
    if (main.ledgerId && whole.ledgerId !== main.ledgerId) return foreign('other_ledger', `ledgerId ${main.ledgerId} became ${whole.ledgerId}`);
    // Every write leaves an audit row: this file's newest one must still be there, unchanged.
    if (main.audit && (whole.auditAt !== main.audit.link || !whole.continues)) return foreign('not_continuation', `audit log does not continue from row ${main.audit.id}`);
    if (scanWal(`${file}-wal`).damagedAt !== null) return damaged('wal_damaged', 'a damaged frame with committed frames after it');
  }
  if (whole.anyTable && !whole.ledger) return damaged('not_ledger', 'no __drizzle_migrations');
  if (!whole.anyTable) return { state: 'new' };
  return { state: 'ok', ledgerId: whole.ledgerId, walReplayed: true, check: 'quick_check', vouched: null };
}

interface CopyCheck {
  quick: string;
  ledger: boolean;
  anyTable: boolean;
  ledgerId: string | null;
  /** Newest audit row: its id and what links it (its hash, or its content before the chain). */
  audit: { id: number; link: string } | null;
  /** The link of the audit row asked for, in this copy (null when it is not there). */
  auditAt: string | null;
  /** The rows after it chain on from that link (true when there is nothing to check). */
  continues: boolean;
}

/** quick_check and identity of a private copy (with or without the -wal replayed). */
function checkCopy(file: string, withWal: boolean, after?: { id: number; link: string } | null): CopyCheck {
  try {
    return withCopy(file, withWal, (copy) => openAnd(copy, false, (db) => checkDb(db, after ?? undefined)));
  } catch (e) {
    return failed(e, file, os.tmpdir());
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
    return openAnd(file, true, (db) => checkDb(db));
  } catch (e) {
    return failed(e, file);
  } finally {
    // An empty -wal only: a read-only connection never writes one, so frames would be someone else's.
    if (made.includes('-wal') && fileSize(`${file}-wal`) === 0) fs.rmSync(`${file}-wal`, { force: true });
    if (made.includes('-shm') && (fileSize(`${file}-wal`) ?? 0) === 0) fs.rmSync(`${file}-shm`, { force: true });
  }
}

const AUDIT_LINK = "COALESCE(hash, at || '|' || operator || '|' || channel || '|' || summary)";

/**
 * quick_check, identity and the audit log's reach. With `after` (the main file's newest audit
 * row): that row's link here, and whether the rows after it chain on from it, as rows written
 * after it by this ledger must.
 */
function checkDb(db: Database.Database, after?: { id: number; link: string }): CopyCheck {
  const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
  const none = { ledger: false, anyTable: false, ledgerId: null, audit: null, auditAt: null, continues: true };
  if (quick !== 'ok') return { quick, ...none };
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  const ledger = tables.some((t) => t.name === '__drizzle_migrations');
  let audit: CopyCheck['audit'] = null;
  let auditAt: string | null = null;
  let continues = true;
  if (tables.some((t) => t.name === 'audit_log')) {
    const hasHash = db.prepare("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'hash'").get() !== undefined;
    const link = hasHash ? AUDIT_LINK : "at || '|' || operator || '|' || channel || '|' || summary";
    audit = (db.prepare(`SELECT id, ${link} AS link FROM audit_log ORDER BY id DESC LIMIT 1`).get() as CopyCheck['audit'] | undefined) ?? null;
    if (after) {
      auditAt = (db.prepare(`SELECT ${link} AS link FROM audit_log WHERE id = ?`).get(after.id) as { link: string } | undefined)?.link ?? null;
      if (hasHash && /^[0-9a-f]{64}$/.test(after.link)) {
        let h = after.link;
        for (const r of db.prepare('SELECT id, at, operator, channel, summary, hash FROM audit_log WHERE id > ? ORDER BY id').iterate(after.id) as Iterable<AuditRow & { hash: string | null }>) {
          h = auditLink(h, r);
          if (r.hash !== h) {
            continues = false;
            break;
          }
        }
      }
    }
  }
  return { quick, ledger, anyTable: tables.length > 0, ledgerId: ledger ? readLedgerId(db) : null, audit, auditAt, continues };
}

/** SQLITE_CORRUPT / SQLITE_NOTADB at open or at the first read is damage; a full disk or a lock is not. */
function failed(e: unknown, file: string, tmp: string | null = null): CopyCheck {
  if (!isCorruption(e)) {
    rethrowUnavailable(e, file, tmp, true);
    throw e;
  }
  return { quick: String((e as Error).message) || 'error', ledger: false, anyTable: false, ledgerId: null, audit: null, auditAt: null, continues: true };
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
