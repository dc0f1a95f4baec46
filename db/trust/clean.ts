// The clean-close marker (`<ledger>.clean`, beside the file): written by Ledger.close() when the
// app closed the ledger cleanly AND the main file's bytes had passed quick_check (at that close,
// or at the open before it when the session did not change the file). It names those bytes by
// the file's identity and timestamps (device, inode / Windows file id, size, mtime and ctime in
// ns). guards.ts trusts it instead of re-running quick_check at startup only when every field
// still matches; any write through the file system after the close changes mtime/ctime (ctime
// cannot be set back by an ordinary program), so that file is checked in full again. Why this is
// enough, and what it does not cover, is written in guards.ts.
//
// The marker also keeps the sha256 of the whole file as it was closed. quick_check sees broken
// pages, not a changed value inside a record; so whenever the timestamps say the file may have
// changed since the clean close, the guards hash it again and refuse it (changed_while_closed)
// if the bytes differ, whatever quick_check thinks. What this detects: any change to the file's
// bytes made while the app was closed after a clean close. What it does not: a change after a
// crash (no marker), a change made while the app runs, or one whose author also rewrote or
// deleted the marker beside it (then quick_check and the seal chain are what is left).
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { fileSize, sha256File, tempName } from './files';

/** A full check at startup at least this often, even after clean closes (bounds silent media decay). */
export const RECHECK_AFTER_MS = 7 * 24 * 3600 * 1000;

export interface Fingerprint {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

interface Marker extends Fingerprint {
  v: 1;
  /** sha256 of the whole file at the clean close (absent in markers of older versions). */
  sha256?: string;
  /** When these bytes last passed quick_check (wall clock, ms). */
  checkedAt: number;
  ledgerId: string | null;
}

/** What the guards knew about the main file at open: what close() needs to vouch for it. */
export interface Vouched {
  fingerprint: Fingerprint;
  checkedAt: number;
  ledgerId: string | null;
  /** sha256 of those bytes, when known (saves hashing again at close if the session changed nothing). */
  sha256?: string | null;
}

export const markerPath = (file: string) => `${file}.clean`;

export function fingerprintOf(file: string): Fingerprint | null {
  try {
    const s = fs.statSync(file, { bigint: true });
    return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) };
  } catch {
    return null;
  }
}

export const sameFingerprint = (a: Fingerprint, b: Fingerprint) =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/**
 * The marker, if it vouches for the file as it is now: same identity and timestamps, written
 * strictly after the file last changed (as git's "racily clean" rule: a write in the same clock
 * tick as the marker could keep the same mtime), checked within RECHECK_AFTER_MS, and no -wal
 * with frames or rollback journal beside the file (SQLite would change the file on open).
 */
export function validMarker(file: string, nowMs = Date.now()): Vouched | null {
  let writtenNs: bigint;
  try {
    writtenNs = fs.statSync(markerPath(file), { bigint: true }).mtimeNs;
  } catch {
    return null;
  }
  const marker = readMarker(file);
  const now = fingerprintOf(file);
  if (!marker || !now || !sameFingerprint(marker, now)) return null;
  if (writtenNs <= BigInt(now.mtimeNs) || writtenNs <= BigInt(now.ctimeNs)) return null;
  const age = nowMs - marker.checkedAt;
  if (!(age >= 0 && age <= RECHECK_AFTER_MS)) return null;
  if ((fileSize(`${file}-wal`) ?? 0) > 0 || fs.existsSync(`${file}-journal`)) return null;
  return { fingerprint: now, checkedAt: marker.checkedAt, ledgerId: marker.ledgerId ?? null, sha256: marker.sha256 ?? null };
}

/** The marker as written, whatever it still vouches for (null when there is none or it is unreadable). */
export function readMarker(file: string): Marker | null {
  try {
    const m = JSON.parse(fs.readFileSync(markerPath(file), 'utf8')) as Marker;
    return m.v === 1 && typeof m.ino === 'string' && typeof m.checkedAt === 'number' ? m : null;
  } catch {
    return null;
  }
}

/** Opening for writing ends the clean state: a crash from here on must be followed by a full check. */
export function clearMarker(file: string): void {
  fs.rmSync(markerPath(file), { force: true });
}

/**
 * Close the ledger's connection and, when the file is sound and at rest, leave a marker.
 * Checkpoint everything into the main file first; if the main file changed since the guards
 * vouched for it at open, quick_check it (page cache released, so pages are read back from the
 * file) before closing. A marker is never written for bytes that did not pass; on any doubt
 * (busy checkpoint, failed check, -wal left behind) there is no marker and the next start
 * runs the full check. Never throws: closing must not fail over an optimisation.
 */
export function closeWithMarker(sqlite: Database.Database, file: string, opened: Vouched | null, ledgerId: () => string | null): void {
  if (!sqlite.open) return;
  let vouch: Vouched | null = null;
  try {
    clearMarker(file);
    const [ck] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    const settled = ck !== undefined && ck.busy === 0 && ck.log <= 0;
    const before = fingerprintOf(file);
    if (settled && before) {
      if (opened && sameFingerprint(opened.fingerprint, before)) {
        vouch = { fingerprint: before, checkedAt: opened.checkedAt, ledgerId: opened.ledgerId, sha256: opened.sha256 ?? null };
      } else {
        sqlite.pragma('shrink_memory');
        const quick = sqlite.pragma('quick_check', { simple: true });
        if (quick === 'ok') vouch = { fingerprint: before, checkedAt: Date.now(), ledgerId: ledgerId() };
      }
    }
  } catch {
    vouch = null;
  } finally {
    sqlite.close();
  }
  if (!vouch) return;
  try {
    // The close must not have changed the main file after the check, and must have left no -wal.
    const after = fingerprintOf(file);
    if (!after || !sameFingerprint(after, vouch.fingerprint) || (fileSize(`${file}-wal`) ?? 0) > 0) return;
    // The whole file, hashed after SQLite let go of it (~30 ms for 16 MB): the bytes to compare at the next start.
    const sha256 = vouch.sha256 ?? sha256File(file);
    const hashed = fingerprintOf(file);
    if (!hashed || !sameFingerprint(hashed, after)) return;
    const marker: Marker = { v: 1, ...vouch.fingerprint, checkedAt: vouch.checkedAt, ledgerId: vouch.ledgerId, sha256 };
    // Temporary name + rename: a torn marker cannot exist. No fsync: a marker lost in a power
    // cut costs one full check, and the ledger's own bytes were fsynced by the checkpoint.
    // Written in the same clock tick as the file's last change, the marker would be void
    // (validMarker's racy rule): wait for the tick to pass and write it again (ext4 ticks ~4 ms).
    for (let i = 0; i < 10; i++) {
      const tmp = tempName(markerPath(file));
      fs.writeFileSync(tmp, JSON.stringify(marker));
      fs.renameSync(tmp, markerPath(file));
      const written = fs.statSync(markerPath(file), { bigint: true }).mtimeNs;
      if (written > BigInt(after.mtimeNs) && written > BigInt(after.ctimeNs)) return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
    clearMarker(file);
  } catch {
    // No marker: the next start checks in full.
  }
}
