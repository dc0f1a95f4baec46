// Where the ledger file lives. By default in Electron's userData folder (Windows
// %APPDATA%\议事台账, Linux ~/.config/议事台账). A pointer file, data-folder.json in userData,
// can send it elsewhere (e.g. D:\议事台账数据, because C: on old school PCs is small and gets
// re-imaged). Plain fs, no electron import, so it is tested on real files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { markPaths } from '../db/trust/mark';

export const POINTER_FILE = 'data-folder.json';
export const LEDGER_FILE = 'ledger.sqlite';

export interface DataFolder {
  folder: string;
  ledgerFile: string;
  /** True when the pointer file sends the data somewhere other than userData. */
  moved: boolean;
  /** The pointed-to folder is gone (unplugged drive, renamed folder). Never silently start an
   * empty ledger elsewhere: to the secretary that would look like all the records vanished. */
  missing: boolean;
  /** data-folder.json exists but cannot be read as an absolute folder: same reasoning, stop and say so. */
  pointerBroken: boolean;
}

export function resolveDataFolder(userData: string): DataFolder {
  const pointed = readPointer(userData);
  const folder = typeof pointed === 'string' ? pointed : userData;
  return {
    folder,
    ledgerFile: path.join(folder, LEDGER_FILE),
    moved: typeof pointed === 'string',
    missing: typeof pointed === 'string' && !isDirectory(pointed),
    pointerBroken: pointed === BROKEN,
  };
}

const BROKEN = Symbol('broken pointer');

function readPointer(userData: string): string | null | typeof BROKEN {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(userData, POINTER_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(raw) as { folder?: unknown };
    return typeof parsed.folder === 'string' && path.isAbsolute(parsed.folder) ? path.normalize(parsed.folder) : BROKEN;
  } catch {
    return BROKEN;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export class MoveRefused extends Error {}

/**
 * Move the (closed) ledger file to `target` and point userData at it. Copies to a temporary
 * name, fsyncs, checks the bytes, then renames, so a crash or a full disk never leaves a half
 * file under the real name. The old file is kept, renamed with a date, as a fallback copy.
 */
export function moveDataFolder(userData: string, target: string, stamp = new Date()): DataFolder {
  const current = resolveDataFolder(userData);
  const to = path.resolve(target);
  if (!path.isAbsolute(target)) throw new MoveRefused('请选择一个完整的文件夹路径。');
  if (samePath(to, current.folder)) throw new MoveRefused('数据已经在这个文件夹里了，无需移动。');
  const rel = path.relative(current.folder, to);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    throw new MoveRefused('不能移动到当前数据文件夹的子文件夹里，请另选一个文件夹。');
  }
  const dest = path.join(to, LEDGER_FILE);
  if (fs.existsSync(dest)) {
    throw new MoveRefused(`所选文件夹里已经有一份台账文件（${dest}）。为免覆盖，请另选一个空文件夹，或先把那份文件改名。`);
  }
  fs.mkdirSync(to, { recursive: true });

  if (fs.existsSync(current.ledgerFile)) {
    for (const suffix of ['', '-wal']) {
      const src = current.ledgerFile + suffix;
      if (!fs.existsSync(src)) continue;
      copyDurably(src, dest + suffix);
    }
  }
  writePointer(userData, to);
  if (fs.existsSync(current.ledgerFile)) {
    const kept = `${current.ledgerFile}.moved-${dateTag(stamp)}`;
    fs.renameSync(current.ledgerFile, kept);
    // The clean-close marker and the WAL record speak of the old path only; the copy is checked in full at its first open.
    for (const suffix of ['-wal', '-shm', '.clean', '.walstate']) fs.rmSync(current.ledgerFile + suffix, { force: true });
    // So does the quick verify's mark: a file moved back here later is verified in full first.
    fs.rmSync(markPaths(current.ledgerFile).mark, { force: true });
  }
  return resolveDataFolder(userData);
}

function copyDurably(src: string, dest: string): void {
  const tmp = `${dest}.copying`;
  fs.copyFileSync(src, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (sha256(src) !== sha256(tmp)) {
    fs.rmSync(tmp, { force: true });
    throw new MoveRefused('复制台账文件时内容不一致，已停止移动，原数据未改动。请检查目标磁盘后重试。');
  }
  fs.renameSync(tmp, dest);
}

function writePointer(userData: string, folder: string): void {
  const file = path.join(userData, POINTER_FILE);
  fs.mkdirSync(userData, { recursive: true });
  if (samePath(folder, userData)) {
    fs.rmSync(file, { force: true });
    return;
  }
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ folder }, null, 2)}\n`, 'utf8');
  fs.renameSync(tmp, file);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => {
    const r = path.resolve(p);
    // Windows paths are case-insensitive (D:\Data and d:\data are one folder).
    return process.platform === 'win32' ? r.toLowerCase() : r;
  };
  return norm(a) === norm(b);
}

function dateTag(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
