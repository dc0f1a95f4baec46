// Can this process use the ledger file at all? A full disk, read-only media, a permission
// error or another program holding the file is not damage: the file is fine, and offering to
// restore an older backup over it would lose work. So those are told apart from damage (only
// SQLite's SQLITE_CORRUPT / SQLITE_NOTADB and a failed quick_check are damage) and refused
// with what they are, in Chinese, with no restore offered and no file changed.
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../errors';
import { fileSize, tempName } from './files';
import { openSqlite } from './sqlite';

export type Unavailable = 'no_space' | 'read_only_media' | 'read_only_file' | 'no_permission' | 'in_use' | 'io';

const WHAT: Record<Unavailable, string> = {
  no_space: '磁盘空间不足：程序打开和检查台账时需要写入少量数据，现在写不进去。',
  read_only_media: '台账所在的磁盘是只读的（例如光盘、打开了写保护的U盘，或只读的网络文件夹），程序不能在只读的位置使用台账。',
  read_only_file: '台账文件被设成了“只读”，程序不能使用只读的台账文件。',
  no_permission: '当前登录的用户没有权限读写台账文件或它所在的文件夹。',
  in_use: '台账正被另一个程序使用（可能是另一个议事台账窗口、数据库工具或同步软件）。为免两个程序同时写入，程序没有打开它。',
  io: '读写磁盘时出错（可能是移动硬盘或U盘松动、网络文件夹断开，或磁盘有故障）。',
};

const TODO: Record<Unavailable, string> = {
  no_space: '请清理这个磁盘（删除不需要的文件、清空回收站）后重新打开。',
  read_only_media: '请把数据文件夹放到可以写入的磁盘上（菜单“文件 → 更改数据文件夹位置…”），或取消写保护后重新打开。',
  read_only_file: '请在文件的“属性”中取消“只读”后重新打开。',
  no_permission: '请用有权限的账户登录，或请管理员为这个文件夹授予读写权限，然后重新打开。',
  in_use: '请关闭那个程序后重试。',
  io: '请检查磁盘连接后重试；如果反复出现，请先把数据文件夹里的备份复制到别处，再联系技术支持。',
};

/** The ledger cannot be used now, for a reason that is not damage. Nothing was changed. */
export class LedgerUnavailable extends LedgerError {
  constructor(
    readonly reason: Unavailable,
    readonly file: string,
    readonly detail: string,
    /** Where the problem is, when it is not the ledger's own folder (the temporary folder). */
    readonly where: string | null = null,
  ) {
    super({
      code: 'conflict',
      message: `${where ? `${WHAT[reason].replace(/^磁盘空间不足/, `临时文件夹（${where}）所在的磁盘空间不足`)}` : WHAT[reason]}\n文件：${file}\n台账文件没有损坏，也没有被改动。${TODO[reason]}`,
    });
    this.name = 'LedgerUnavailable';
  }
}

const code = (e: unknown): string => String((e as { code?: unknown } | null)?.code ?? '');

/** SQLite's verdicts that mean the bytes themselves are bad. */
export function isCorruption(e: unknown): boolean {
  return /^SQLITE_(CORRUPT|NOTADB)|^SQLITE_IOERR_SHORT_READ$/.test(code(e));
}

/** An I/O, space, permission or locking error, by errno or SQLite code; null for anything else. */
export function unavailableReason(e: unknown, file?: string): Unavailable | null {
  const c = code(e);
  if (c === 'ENOSPC' || c === 'EDQUOT' || c === 'SQLITE_FULL') return 'no_space';
  if (c === 'EROFS') return 'read_only_media';
  if (c === 'EACCES' || c === 'EPERM' || c === 'SQLITE_PERM' || c === 'SQLITE_AUTH') return file && isReadOnlyFile(file) ? 'read_only_file' : 'no_permission';
  if (c.startsWith('SQLITE_READONLY')) return file ? diagnose(file) ?? 'read_only_file' : 'read_only_file';
  if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED') || c === 'EBUSY') return 'in_use';
  if (c.startsWith('SQLITE_IOERR') || c.startsWith('SQLITE_CANTOPEN') || c === 'EIO') return (file && diagnose(file)) || 'io';
  return null;
}

/**
 * Throw LedgerUnavailable for an I/O kind of error; return otherwise (the caller decides).
 * With `anyCoded`, any other error carrying a system or SQLite code is an I/O error too.
 */
export function rethrowUnavailable(e: unknown, file: string, where: string | null = null, anyCoded = false): void {
  const reason = unavailableReason(e, file) ?? (anyCoded && code(e) ? 'io' : null);
  if (reason) throw new LedgerUnavailable(reason, file, `${code(e)} ${String((e as Error)?.message ?? e)}`.slice(0, 300), reason === 'no_space' ? where : null);
}

function isReadOnlyFile(file: string): boolean {
  try {
    return (fs.statSync(file).mode & 0o222) === 0;
  } catch {
    return false;
  }
}

/** SQLite says only "disk I/O error" or "unable to open": look at the folder and file for why. */
function diagnose(file: string): Unavailable | null {
  const dir = path.dirname(file);
  try {
    const s = fs.statfsSync(dir);
    if (s.bavail * s.bsize < 256 * 1024) return 'no_space';
  } catch {
    // statfs not available here: keep looking.
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    return code(e) === 'EROFS' ? 'read_only_media' : isReadOnlyFile(file) ? 'read_only_file' : 'no_permission';
  }
  return null;
}

/**
 * Before anything else at startup: the folder and the file can be written, and no other process
 * has the ledger open. Never changes the ledger.
 */
export function assertUsable(file: string): void {
  const dir = path.dirname(file);
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    if (fs.existsSync(file)) {
      // Opening for writing is the real test (access() is fooled by ACLs and the read-only attribute).
      fs.closeSync(fs.openSync(file, 'r+'));
    }
    // SQLite writes the -wal and -shm beside the file: they must be writable too if present.
    for (const side of ['-wal', '-shm']) if (fs.existsSync(file + side)) fs.closeSync(fs.openSync(file + side, 'r+'));
  } catch (e) {
    rethrowUnavailable(e, file);
    throw e;
  }
  if (otherProcessHolds(file)) throw new LedgerUnavailable('in_use', file, 'SQLITE_BUSY on an exclusive probe');
}

/**
 * A connection in WAL mode keeps a shared lock on the database file for as long as it is open.
 * A probe connection asking for an exclusive lock (locking_mode=EXCLUSIVE, no busy wait) gets
 * SQLITE_BUSY exactly when another connection has the file open. With a -wal holding frames the
 * probe opens a hard link to the file instead of the file: SQLite names the -wal after the path
 * it opened, so the probe sees only the main file and can never replay, checkpoint or delete
 * the ledger's -wal. (A new link changes the file's ctime; nothing trusts ctime while a -wal is
 * there.) Where hard links are not possible (FAT32 USB sticks) that case has no probe.
 */
function otherProcessHolds(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  let target = file;
  if ((fileSize(`${file}-wal`) ?? 0) > 0) {
    target = tempName(file, 'probe');
    try {
      fs.linkSync(file, target);
    } catch {
      return false;
    }
  }
  const madeWal = !fs.existsSync(`${target}-wal`);
  try {
    const db = openSqlite(target);
    try {
      db.pragma('busy_timeout = 0');
      db.pragma('locking_mode = EXCLUSIVE');
      db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
      return false;
    } catch (e) {
      return /^SQLITE_(BUSY|LOCKED)/.test(code(e));
    } finally {
      db.close();
    }
  } catch {
    return false; // not a database at all: the guards say so next
  } finally {
    if (target !== file) for (const f of [target, `${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(f, { force: true });
    else if (madeWal && (fileSize(`${file}-wal`) ?? 1) === 0) fs.rmSync(`${file}-wal`, { force: true });
  }
}
