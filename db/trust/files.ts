// Durable file steps shared by backup, restore and the startup guards: write to a temporary
// name, fsync, rename, fsync the folder. A crash at any moment leaves the old file or the new
// one under the real name, never half of one. Checks run on throw-away copies, so a damaged
// ledger (and its -wal) is never touched by SQLite's recovery.
//
// Every temporary name carries the pid of the process that made it (tempName, checkDir), so a
// process killed halfway leaves files that the next start can recognise as its and remove
// (sweepLeftovers) without touching those of a process still running.
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

/** A temporary name beside `dest` ("<dest>.tmp-<pid>-<hex>", or another kind of the same shape). */
export function tempName(dest: string, kind: 'tmp' | 'restore' | 'probe' = 'tmp'): string {
  return `${dest}.${kind}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
}

/** Copy to `dest` via a temporary name, fsynced, then renamed into place. */
export function copyDurably(src: string, dest: string): void {
  const tmp = tempName(dest);
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
  const tmp = tempName(dest);
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${CHECK_DIR}${process.pid}-`));
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

const CHECK_DIR = 'yishi-check-';
const LEFTOVER = /\.(tmp|restore|probe)-(\d+)(-[0-9a-f]+)?(-wal|-shm|-journal)?$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
}

/**
 * Remove what processes killed halfway left behind: temporary copies beside the ledger and in
 * the backup folders, private check copies in the temporary folder. Only names of our shapes,
 * only of processes no longer running. Never throws: a leftover is untidy, not dangerous.
 */
export function sweepLeftovers(folders: string[]): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, match: (name: string) => number | null) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const pid = match(name);
      if (pid === null || alive(pid)) continue;
      try {
        fs.rmSync(path.join(dir, name), { recursive: true, force: true });
        removed.push(path.join(dir, name));
      } catch {
        // left for the next start
      }
    }
  };
  for (const dir of folders) sweep(dir, (n) => (LEFTOVER.test(n) ? Number(LEFTOVER.exec(n)![2]) : null));
  sweep(os.tmpdir(), (n) => (n.startsWith(CHECK_DIR) && /^\d+-/.test(n.slice(CHECK_DIR.length)) ? Number(n.slice(CHECK_DIR.length).split('-')[0]) : null));
  return removed;
}
