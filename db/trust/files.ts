// Durable file steps shared by backup, restore and the startup guards: write to a temporary
// name, fsync, rename, fsync the folder. A crash at any moment leaves the old file or the new
// one under the real name, never half of one. Checks run on throw-away copies, so a damaged
// ledger (and its -wal) is never touched by SQLite's recovery.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Make a rename durable. Windows cannot open a folder for fsync; NTFS journals the rename itself. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // EISDIR / EPERM on Windows: nothing more to do there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Copy to `dest` via a temporary name, fsynced, then renamed into place. */
export function copyDurably(src: string, dest: string): void {
  const tmp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  try {
    fs.copyFileSync(src, tmp);
    fsyncFile(tmp);
    fs.renameSync(tmp, dest);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncDir(path.dirname(dest));
}

export function writeDurably(dest: string, text: string): void {
  const tmp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  try {
    fs.writeFileSync(tmp, text);
    fsyncFile(tmp);
    fs.renameSync(tmp, dest);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncDir(path.dirname(dest));
}

export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * Run `fn` on a private copy of a SQLite file (and its -wal when `withWal`), in a temporary
 * folder that is removed afterwards. The original is only ever read.
 */
export function withCopy<T>(file: string, withWal: boolean, fn: (copy: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-check-'));
  const copy = path.join(dir, 'ledger.sqlite');
  try {
    fs.copyFileSync(file, copy);
    const wal = `${file}-wal`;
    if (withWal && (fileSize(wal) ?? 0) > 0) fs.copyFileSync(wal, `${copy}-wal`);
    return fn(copy);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
