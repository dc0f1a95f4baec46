// Whose -wal is this? SQLite replays any -wal beside a database whose page size fits: it has no
// link between the two files. So an old copy of the -wal put back after the app checkpointed
// and wrote more silently wipes the newer data, and a -wal from another ledger made from the
// same template is merged into this one. The guards decide before SQLite opens the file, with:
//
// - the WAL record, `<ledger>.walstate`, kept beside the ledger: while the app runs, after each
//   write command the WAL's generation (its salts, which SQLite changes whenever the WAL
//   restarts) and how far it reaches (frames, checksum of the last one), read from the
//   wal-index header in -shm; at a clean close, "closed" and the main file's fingerprint. It is
//   written in place without fsync on an ordinary commit (a killed process cannot lose it; a
//   power cut can only leave it behind, which the checks allow for) and fsynced when the
//   generation changes. It is rewritten only after SQLite's own commit, so it never runs ahead.
// - the frames themselves: salts and cumulative checksums, read as SQLite does (walformat.html),
//   so that a damaged frame with committed frames after it (which SQLite silently treats as
//   the end, dropping those commits) is reported instead of applied.
//
// A -wal is this ledger's when the record says the session was open and the -wal is of the
// recorded generation and reaches at least the recorded frame with the recorded checksum, or is
// the generation right after it (the WAL restarted and the process died before the record was
// updated: salt-1 is then the recorded one plus 1). After a clean close (record "closed", main
// file unchanged) any -wal with frames was put there afterwards. Without a usable record
// (deleted, or the main file was replaced while closed) guards.ts judges by content. A -wal
// that is not this ledger's is set aside (renamed, never deleted, never applied) and the user
// is told. What this cannot see: a record and a -wal put back together from an older copy of
// the whole folder; that is a rollback of every file, which verify finds against the anchors
// kept outside (backups, printed codes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { type Fingerprint, fingerprintOf, sameFingerprint } from './clean';
import { fsyncDir, writeDurably } from './files';

const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export const walStatePath = (file: string) => `${file}.walstate`;

export type WalState =
  | { v: 1; state: 'open'; salt1: number; salt2: number; frames: number; cksum: [number, number] }
  | { v: 1; state: 'closed'; main: Fingerprint };

export function readWalState(file: string): WalState | null {
  try {
    const s = JSON.parse(fs.readFileSync(walStatePath(file), 'utf8')) as WalState;
    if (s.v !== 1) return null;
    if (s.state === 'open' && [s.salt1, s.salt2, s.frames, ...s.cksum].every((n) => Number.isInteger(n) && n >= 0)) return s;
    if (s.state === 'closed' && s.main && typeof s.main.ino === 'string') return s;
    return null;
  } catch {
    return null;
  }
}

export interface WalScan {
  /** The header is a WAL header with a valid checksum. */
  header: { pageSize: number; seq: number; salt1: number; salt2: number } | null;
  /** Valid frames from the start (salts match, checksums chain). */
  frames: number;
  /** Frames up to the last valid commit: what SQLite would apply. */
  committed: number;
  /** Cumulative checksum after `at` frames, when asked for and reached. */
  cksumAt: [number, number] | null;
  /**
   * A frame of this generation that fails its checksum, with a commit frame of this generation
   * after it: SQLite would stop at the first and silently drop committed work after it.
   */
  damagedAt: number | null;
}

function checksum(buf: Buffer, start: number, end: number, s: [number, number], big: boolean): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = big ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = big ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Read a -wal as SQLite's recovery does (sqlite.org/walformat.html), without changing it. */
export function scanWal(walFile: string, at: number | null = null): WalScan {
  const out: WalScan = { header: null, frames: 0, committed: 0, cksumAt: null, damagedAt: null };
  const fd = fs.openSync(walFile, 'r');
  try {
    const head = Buffer.alloc(WAL_HEADER);
    if (fs.readSync(fd, head, 0, WAL_HEADER, 0) < WAL_HEADER) return out;
    const magic = head.readUInt32BE(0);
    if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return out;
    const big = magic === WAL_MAGIC_BE;
    const pageSize = head.readUInt32BE(8);
    if (head.readUInt32BE(4) !== 3007000 || pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return out;
    let sum = checksum(head, 0, 24, [0, 0], big);
    if (sum[0] !== head.readUInt32BE(24) || sum[1] !== head.readUInt32BE(28)) return out;
    const salt1 = head.readUInt32BE(16);
    const salt2 = head.readUInt32BE(20);
    out.header = { pageSize, seq: head.readUInt32BE(12), salt1, salt2 };
    if (at === 0) out.cksumAt = sum;
    const frame = Buffer.alloc(FRAME_HEADER + pageSize);
    let bad: number | null = null;
    for (let n = 1; ; n++) {
      if (fs.readSync(fd, frame, 0, frame.length, WAL_HEADER + (n - 1) * frame.length) < frame.length) break;
      const ours = frame.readUInt32BE(8) === salt1 && frame.readUInt32BE(12) === salt2;
      if (!ours) {
        if (bad === null) break; // a frame of an earlier generation: the end of this one
        continue;
      }
      const commit = frame.readUInt32BE(4) !== 0;
      if (bad !== null) {
        // Past a damaged frame: a later commit frame of this generation means work would be lost.
        if (commit) {
          out.damagedAt = bad;
          break;
        }
        continue;
      }
      const next = checksum(frame, FRAME_HEADER, frame.length, checksum(frame, 0, 8, sum, big), big);
      if (frame.readUInt32BE(0) === 0 || next[0] !== frame.readUInt32BE(16) || next[1] !== frame.readUInt32BE(20)) {
        bad = n;
        continue;
      }
      sum = next;
      out.frames = n;
      if (commit) out.committed = n;
      if (at === n) out.cksumAt = sum;
    }
  } finally {
    fs.closeSync(fd);
  }
  return out;
}

export type WalVerdict =
  | { verdict: 'ours' }
  | { verdict: 'not_ours'; why: 'after_close' | 'older' | 'other_generation' }
  | { verdict: 'damaged'; frame: number }
  | { verdict: 'unknown' };

/** What the WAL record says about the -wal beside `file` (which has bytes). */
export function judgeWal(file: string): WalVerdict {
  const state = readWalState(file);
  if (!state) return { verdict: 'unknown' };
  if (state.state === 'closed') {
    const now = fingerprintOf(file);
    // The main file replaced while closed (copied in with its own -wal?): judge by content. Not
    // ctime: the startup probe's hard link (access.ts) moves it without touching the bytes.
    if (!now || !sameFingerprint({ ...now, ctimeNs: state.main.ctimeNs }, state.main)) return { verdict: 'unknown' };
    // A clean close leaves no -wal: any bytes in one were put there afterwards.
    return { verdict: 'not_ours', why: 'after_close' };
  }
  const first = scanWal(`${file}-wal`, state.frames);
  const h = first.header;
  // No valid header: harmless if nothing was acknowledged in this generation, else it was damaged.
  if (!h) return state.frames === 0 ? { verdict: 'ours' } : { verdict: 'damaged', frame: 0 };
  if (h.salt1 === state.salt1 && h.salt2 === state.salt2) {
    if (first.frames < state.frames || !first.cksumAt || first.cksumAt[0] !== state.cksum[0] || first.cksumAt[1] !== state.cksum[1]) {
      // Shorter than what was acknowledged: an earlier copy, or acknowledged frames damaged.
      return first.damagedAt !== null && first.damagedAt <= state.frames ? { verdict: 'damaged', frame: first.damagedAt } : { verdict: 'not_ours', why: 'older' };
    }
  } else if (h.salt1 !== ((state.salt1 + 1) >>> 0)) {
    return { verdict: 'not_ours', why: 'other_generation' };
  }
  return first.damagedAt !== null ? { verdict: 'damaged', frame: first.damagedAt } : { verdict: 'ours' };
}

/** Rename the -wal aside (never delete it) with the time in its name; the stale -shm goes. */
export function setAsideWal(file: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  let target = `${file}-wal.set-aside-${stamp}`;
  for (let i = 2; fs.existsSync(target); i++) target = `${file}-wal.set-aside-${stamp}-${i}`;
  fs.renameSync(`${file}-wal`, target);
  fs.rmSync(`${file}-shm`, { force: true });
  fsyncDir(path.dirname(file));
  return target;
}

// ── Recording while the app runs ─────────────────────────────────────────────

const LITTLE = os.endianness() === 'LE';
const RECORD_BYTES = 256;

interface Recorder {
  file: string;
  shm: number;
  record: number;
  last: { salt1: number; salt2: number; frames: number } | null;
  /** The record could not be kept: it was removed, and nothing more is written this session. */
  broken: boolean;
}

const recorders = new WeakMap<Database.Database, Recorder>();

/** wal-index header (walformat.html §2.1): mxFrame, the last frame's checksum, the salts. */
function readShm(fd: number): { frames: number; cksum: [number, number]; salt1: number; salt2: number } | null {
  const b = Buffer.alloc(48);
  if (fs.readSync(fd, b, 0, 48, 0) < 48) return null;
  const u32 = (at: number) => (LITTLE ? b.readUInt32LE(at) : b.readUInt32BE(at));
  // The salts are the WAL header's bytes, copied as they are (big-endian).
  return { frames: u32(16), cksum: [u32(24), u32(28)], salt1: b.readUInt32BE(32), salt2: b.readUInt32BE(36) };
}

function writeRecord(r: Recorder, state: WalState, durable: boolean): void {
  const text = JSON.stringify(state);
  const buf = Buffer.alloc(Math.max(RECORD_BYTES, text.length), 0x20);
  buf.write(text, 0, 'utf8');
  fs.writeSync(r.record, buf, 0, buf.length, 0);
  if (durable) fs.fsyncSync(r.record);
}

/**
 * Start recording for an open ledger: fold whatever -wal there is into the file and restart it
 * (so the salts of the next frames are known now), then record them durably. The -shm stays
 * open until stopWalRecord: closing any descriptor of it would drop SQLite's POSIX locks on it.
 */
export function startWalRecord(sqlite: Database.Database, file: string): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  let shm: number;
  try {
    shm = fs.openSync(`${file}-shm`, 'r');
  } catch {
    return; // no wal-index file (another VFS or locking mode): nothing to record, guards judge by content
  }
  const record = fs.openSync(walStatePath(file), fs.constants.O_RDWR | fs.constants.O_CREAT);
  const r: Recorder = { file, shm, record, last: null, broken: false };
  recorders.set(sqlite, r);
  noteCommit(sqlite, true);
  fsyncDir(path.dirname(file));
}

/** After a write transaction committed: record the WAL's reach; fsync only when its generation changed. */
export function noteCommit(sqlite: Database.Database, durable = false): void {
  const r = recorders.get(sqlite);
  if (!r || r.broken) return;
  try {
    const h = readShm(r.shm);
    if (!h) return;
    const newGeneration = !r.last || r.last.salt1 !== h.salt1 || r.last.salt2 !== h.salt2;
    if (!newGeneration && r.last!.frames === h.frames) return;
    writeRecord(r, { v: 1, state: 'open', ...h }, durable || newGeneration);
    r.last = { salt1: h.salt1, salt2: h.salt2, frames: h.frames };
  } catch {
    // A record that cannot be kept must not vouch for anything: the next start judges by content.
    // The -shm descriptor stays open until stopWalRecord (closing it now would drop SQLite's locks).
    r.broken = true;
    try {
      fs.rmSync(walStatePath(r.file), { force: true });
    } catch {
      // nothing more to do
    }
  }
}

/**
 * At close, after SQLite closed the connection: "closed", with the main file's fingerprint, if
 * no -wal is left (a clean close checkpoints and removes it); otherwise the record stays as the
 * last commit left it, which is what the next start must check the -wal against.
 */
export function stopWalRecord(sqlite: Database.Database): void {
  const r = recorders.get(sqlite);
  if (!r) return;
  recorders.delete(sqlite);
  try {
    fs.closeSync(r.shm);
    fs.closeSync(r.record);
    const walLeft = (() => {
      try {
        return fs.statSync(`${r.file}-wal`).size > 0;
      } catch {
        return false;
      }
    })();
    const main = fingerprintOf(r.file);
    if (!walLeft && main && !r.broken) writeDurably(walStatePath(r.file), JSON.stringify({ v: 1, state: 'closed', main } satisfies WalState));
  } catch {
    // Closing must not fail over the record; the next start then judges a -wal by content.
  }
}
