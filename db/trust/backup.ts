// Backups: SQLite's online backup API (the engine behind better-sqlite3's .backup()) into a
// temporary name, integrity_check on the copy, fsync, rename; then a manifest JSON beside it
// (time, app version, meetings, sha256, chain head). VACUUM INTO is not used: it does not fsync
// and can leave a partial file. Rotation keeps the newest 10 and one per day for 30 days.
//
// The pages are stepped synchronously (better-sqlite3's own .backup() steps the same native
// object between setImmediate ticks) because dispatch() is synchronous and IPC answers plain
// JSON: a backup channel must finish inside its call. Progress is reported per step.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { version as packageVersion } from '../../package.json';
import type { ChannelName } from '../contract';
import { LedgerError } from '../errors';
import { localDate, type Ledger } from '../ledger';
import { type AuditAnchor, auditHeadOf } from './audit';
import { type Anchor, chainHead, shortAnchor } from './chain';
import { fileSize, fsyncDir, fsyncFile, sha256File, tempName, withCopy, writeDurably } from './files';
import { verifyChain, type VerifyReport } from './verify';

export const APP_VERSION: string = packageVersion;
export const MANIFEST_FORMAT = 'yishi-ledger-backup';
export const BACKUP_PREFIX = '议事台账备份-';
const KEEP_NEWEST = 10;
const KEEP_DAYS = 30;

export type BackupReason = 'manual' | 'auto' | 'before-restore';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  /** File name of the .sqlite beside this manifest. */
  file: string;
  at: string;
  appVersion: string;
  ledgerId: string | null;
  reason: BackupReason;
  meetings: number;
  signedMinutes: number;
  items: number;
  bytes: number;
  sha256: string;
  /** The external anchor of the seal chain (verify.ts): a later full recomputation or truncation shows against it. */
  chain: (Anchor & { short: string }) | null;
  /**
   * The newest audit_log row of a change the copy holds (auditHead below). Every command writes
   * one in its transaction, so two copies of one ledger with the same head hold the same records.
   * Absent in older manifests.
   */
  auditHead?: number | null;
  /** The audit log's newest row and its link in the audit chain: an outside anchor for it (verify.ts). */
  audit?: AuditAnchor | null;
  integrity: 'ok';
}

export interface BackupEntry extends BackupManifest {
  /** Absolute path of the .sqlite file. */
  path: string;
  /** The .sqlite is still there with the size the manifest says. */
  present: boolean;
}

export interface Progress {
  phase: string;
  done: number;
  total: number;
}
export type OnProgress = (p: Progress) => void;


/** Backups live in the data folder beside the ledger file, unless the user picks a folder. */
export function defaultBackupDir(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), 'backups');
}

interface NativeBackup {
  transfer(pages: number): { totalPages: number; remainingPages: number };
  close(): void;
}

/** better-sqlite3 keeps its native handle under a private symbol; its .backup() uses the same call. */
function nativeBackup(db: Database.Database, dest: string): NativeBackup {
  for (const s of Object.getOwnPropertySymbols(db)) {
    const inner = (db as unknown as Record<symbol, { backup?: (...a: unknown[]) => NativeBackup }>)[s];
    if (inner && typeof inner.backup === 'function') return inner.backup(db, 'main', dest, true);
  }
  throw new Error('better-sqlite3: native backup handle not found');
}

/** Copy every page of `db` into `dest` (which must not exist) with the online backup API. */
export function copyPages(db: Database.Database, dest: string, onProgress?: OnProgress, pagesPerStep = 256): void {
  const b = nativeBackup(db, dest);
  try {
    for (;;) {
      const p = b.transfer(pagesPerStep);
      onProgress?.({ phase: 'copy', done: p.totalPages - p.remainingPages, total: p.totalPages });
      if (p.remainingPages === 0) break;
    }
  } finally {
    b.close();
  }
}

export interface FileFacts {
  ledgerId: string | null;
  meetings: number;
  signedMinutes: number;
  items: number;
  chain: Anchor | null;
  auditHead: number | null;
  audit: AuditAnchor | null;
}

/** The facts of a checked copy, with its size and sha256 for the manifest. */
export type CheckedCopy = FileFacts & { bytes: number; sha256: string };

function hasTable(db: Database.Database, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

function count(db: Database.Database, table: string, where = ''): number {
  return hasTable(db, table) ? (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" ${where}`).get() as { n: number }).n : 0;
}

export function readLedgerId(db: Database.Database): string | null {
  if (!hasTable(db, 'ledger_meta')) return null;
  const row = db.prepare("SELECT value FROM ledger_meta WHERE key = 'ledgerId'").get() as { value: string } | undefined;
  return row?.value ?? null;
}

function factsOf(db: Database.Database): FileFacts {
  return {
    ledgerId: readLedgerId(db),
    meetings: count(db, 'meetings'),
    signedMinutes: count(db, 'minutes', "WHERE state = 'signed'"),
    items: count(db, 'agenda_items'),
    chain: hasTable(db, 'seals') ? chainHead({ sqlite: db }) : null,
    auditHead: auditHead(db),
    audit: hasTable(db, 'audit_log') ? auditHeadOf(db) : null,
  };
}

/**
 * The id of the newest audit_log row that records a change (null for a ledger nobody has
 * written to yet). Signing in only says who is at the keyboard: it is audited but changes none
 * of the school's records, so it does not make the ledger differ from its newest backup.
 */
function auditHead(db: Database.Database): number | null {
  if (!hasTable(db, 'audit_log')) return null;
  const signIn: ChannelName = 'session.signIn';
  // Read backwards from the newest row: stops at the first change, however long the log.
  const row = db.prepare('SELECT id FROM audit_log WHERE channel <> ? ORDER BY id DESC LIMIT 1').get(signIn) as { id: number } | undefined;
  return row?.id ?? null;
}

function nextFreeName(dir: string, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  for (let i = 1; ; i++) {
    const name = `${BACKUP_PREFIX}${stamp}${i === 1 ? '' : `-${i}`}.sqlite`;
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, name.replace(/\.sqlite$/, '.json')))) return name;
  }
}

export interface CreateOptions {
  /** Target folder; default: the data folder's backups/. Created if missing only for the default. */
  dir?: string;
  reason?: BackupReason;
  onProgress?: OnProgress;
  /** Keep rotation off for a chosen folder the user manages (USB stick), on by default. */
  rotate?: boolean;
}

/** Back up an open ledger. Works inside a read transaction (dispatch runs reads in one). */
export function createBackup(ledger: Pick<Ledger, 'sqlite' | 'file' | 'now'>, options: CreateOptions = {}): BackupEntry {
  const dir = options.dir ?? defaultBackupDir(ledger.file);
  if (options.dir === undefined) fs.mkdirSync(dir, { recursive: true });
  if (!isDirectory(dir)) {
    throw new LedgerError({ code: 'not_found', message: `找不到备份文件夹「${dir}」，请确认U盘或磁盘已连接，或另选一个文件夹。`, field: 'folder' });
  }
  return backupDatabase(ledger.sqlite, dir, ledger.now(), options);
}

/**
 * The automatic backup (at start, after a meeting is signed) into the data folder's backups/.
 * Skipped for a ledger nobody has written to, and when the newest backup there already holds
 * the ledger as it is now (same ledger, same audit head): ten starts without a change would
 * otherwise push ten older, different backups out of the newest ten that rotation keeps.
 */
export function backupIfChanged(ledger: Pick<Ledger, 'sqlite' | 'file' | 'now'>, onProgress?: OnProgress): BackupEntry | null {
  const head = auditHead(ledger.sqlite);
  if (head === null) return null;
  const ledgerId = readLedgerId(ledger.sqlite);
  const newest = listBackups(defaultBackupDir(ledger.file)).find((b) => b.present && b.ledgerId === ledgerId);
  if (newest && newest.auditHead === head) return null;
  return createBackup(ledger, { reason: 'auto', onProgress });
}

/** Back up a closed ledger file (before a restore): opened normally, so its -wal is folded in. */
export function backupLedgerFile(file: string, dir: string, at: Date, options: CreateOptions = {}): BackupEntry {
  fs.mkdirSync(dir, { recursive: true });
  const db = openSqlite(file);
  try {
    return backupDatabase(db, dir, at, options);
  } finally {
    db.close();
  }
}

function backupDatabase(source: Database.Database, dir: string, at: Date, options: CreateOptions): BackupEntry {
  const dest = path.join(dir, nextFreeName(dir, at));
  const tmp = tempName(dest);
  fs.rmSync(tmp, { force: true });
  let facts: CheckedCopy;
  try {
    copyPages(source, tmp, options.onProgress);
    options.onProgress?.({ phase: 'check', done: 0, total: 1 });
    facts = checkCopy(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw backupFailed(e);
  }
  return finishBackup(tmp, dest, at, facts, options);
}

function backupFailed(e: unknown): LedgerError {
  if (e instanceof LedgerError) return e;
  return new LedgerError({
    code: 'internal',
    message: `备份没有完成（${String((e as Error)?.message ?? e).slice(0, 80)}）。请确认备份位置可写、空间足够后重试，原台账没有改动。`,
  });
}

/**
 * The copy under its temporary name made self-contained (no -wal), checked whole and fsynced; its
 * facts for the manifest. The slow part of a backup on a big file: the automatic backup runs it
 * in a worker thread (electron/backup-worker.ts), so it never holds up the window.
 */
export function checkCopy(tmp: string): CheckedCopy {
  const db = openSqlite(tmp);
  let facts: FileFacts;
  try {
    // A backup is one self-contained file: no -wal beside it on a USB stick.
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0]!.integrity_check !== 'ok') {
      throw new LedgerError({ code: 'internal', message: '备份文件自检没有通过，已放弃这份备份，原台账没有改动。请检查磁盘空间后重试。' });
    }
    facts = factsOf(db);
  } finally {
    db.close();
  }
  fsyncFile(tmp);
  // Read here too (a whole pass over the file): the rename does not change the bytes.
  return { ...facts, bytes: fs.statSync(tmp).size, sha256: sha256File(tmp) };
}

/** Rename the checked copy into place, then write its manifest (which makes it a backup) and rotate. */
function finishBackup(tmp: string, dest: string, at: Date, facts: CheckedCopy, options: Pick<CreateOptions, 'reason' | 'onProgress' | 'rotate'>): BackupEntry {
  const dir = path.dirname(dest);
  const name = path.basename(dest);
  try {
    fs.renameSync(tmp, dest);
    fsyncDir(dir);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw backupFailed(e);
  }
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    file: name,
    at: at.toISOString(),
    appVersion: APP_VERSION,
    ledgerId: facts.ledgerId,
    reason: options.reason ?? 'manual',
    meetings: facts.meetings,
    signedMinutes: facts.signedMinutes,
    items: facts.items,
    bytes: facts.bytes,
    sha256: facts.sha256,
    chain: facts.chain ? { ...facts.chain, short: shortAnchor(facts.chain) } : null,
    auditHead: facts.auditHead,
    audit: facts.audit,
    integrity: 'ok',
  };
  // The manifest is written last: a backup without one is unfinished and never listed.
  writeDurably(manifestPath(dest), `${JSON.stringify(manifest, null, 2)}\n`);
  options.onProgress?.({ phase: 'done', done: 1, total: 1 });
  if (options.rotate !== false) rotateBackups(dir, at, manifest.ledgerId, name);
  return { ...manifest, path: dest, present: true };
}

export interface SteppedOptions {
  onProgress?: OnProgress;
  /** Where checkCopy runs; default in this thread (the shell passes its worker thread). */
  check?: (tmp: string) => Promise<CheckedCopy>;
  /** Pages copied between two turns of the event loop (256 pages: 1 MB, a few ms). */
  pagesPerStep?: number;
}

/** A running automatic backup: `done` settles with the backup (null when nothing changed or stopped). */
export interface SteppedBackup {
  done: Promise<BackupEntry | null>;
  /**
   * Stop now, synchronously (before the ledger closes: the copy reads through its connection).
   * The temporary file is removed; nothing half-made is ever listed as a backup.
   */
  stop(): void;
}

/**
 * backupIfChanged in steps that never hold the event loop: the pages are copied a step at a time
 * with a turn of the event loop between steps (the app's calls run in between; a write through
 * the same connection is carried into the copy by SQLite), then the copy is checked by `check`.
 * Written under a temporary name and renamed only when whole and checked.
 */
export function backupInSteps(ledger: Pick<Ledger, 'sqlite' | 'file' | 'now'>, options: SteppedOptions = {}): SteppedBackup {
  let stopped = false;
  let native: NativeBackup | null = null;
  let tmp: string | null = null;
  const cleanup = () => {
    try {
      native?.close();
    } catch {
      // Already closed.
    }
    native = null;
    try {
      if (tmp) fs.rmSync(tmp, { force: true });
    } catch {
      // Still open somewhere (Windows): swept at the next start (files.ts sweepLeftovers).
    }
  };
  const run = async (): Promise<BackupEntry | null> => {
    const head = auditHead(ledger.sqlite);
    if (head === null) return null;
    const ledgerId = readLedgerId(ledger.sqlite);
    const dir = defaultBackupDir(ledger.file);
    const newest = listBackups(dir).find((b) => b.present && b.ledgerId === ledgerId);
    if (newest && newest.auditHead === head) return null;
    fs.mkdirSync(dir, { recursive: true });
    const at = ledger.now();
    const dest = path.join(dir, nextFreeName(dir, at));
    tmp = tempName(dest);
    native = nativeBackup(ledger.sqlite, tmp);
    for (;;) {
      const p = native.transfer(options.pagesPerStep ?? 256);
      options.onProgress?.({ phase: 'copy', done: p.totalPages - p.remainingPages, total: p.totalPages });
      if (p.remainingPages === 0) break;
      await nextTurn();
      if (stopped) return null;
    }
    native.close();
    native = null;
    options.onProgress?.({ phase: 'check', done: 0, total: 1 });
    const facts = await (options.check ?? (async (f: string) => checkCopy(f)))(tmp);
    if (stopped) return null;
    const entry = finishBackup(tmp, dest, at, facts, { reason: 'auto', onProgress: options.onProgress });
    tmp = null;
    return entry;
  };
  const done = run().then(
    (entry) => {
      if (stopped) cleanup();
      return entry;
    },
    (e: unknown) => {
      cleanup();
      if (stopped) return null;
      throw backupFailed(e);
    },
  );
  return {
    done,
    stop() {
      stopped = true;
      cleanup();
    },
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const manifestPath = (sqliteFile: string): string => sqliteFile.replace(/\.sqlite$/, '.json');

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function parseManifest(text: string): BackupManifest | null {
  try {
    const m = JSON.parse(text) as Partial<BackupManifest>;
    if (m.format !== MANIFEST_FORMAT || typeof m.file !== 'string' || typeof m.at !== 'string' || typeof m.sha256 !== 'string') return null;
    if (path.basename(m.file) !== m.file || !m.file.endsWith('.sqlite')) return null;
    return m as BackupManifest;
  } catch {
    return null;
  }
}

export function readManifest(sqliteFile: string): BackupManifest | null {
  try {
    return parseManifest(fs.readFileSync(manifestPath(sqliteFile), 'utf8'));
  } catch {
    return null;
  }
}

/** Finished backups in a folder, newest first. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const n of names) {
    if (!n.endsWith('.json')) continue;
    let m: BackupManifest | null;
    try {
      m = parseManifest(fs.readFileSync(path.join(dir, n), 'utf8'));
    } catch {
      m = null;
    }
    if (!m || manifestPath(m.file) !== n) continue;
    const file = path.join(dir, m.file);
    out.push({ ...m, path: file, present: fileSize(file) === m.bytes });
  }
  return out.sort((a, b) => (a.at === b.at ? b.file.localeCompare(a.file) : b.at.localeCompare(a.at)));
}

/** Keep the newest 10, plus the newest of each of the last 30 days; per ledger, never `keep`. */
export function rotateBackups(dir: string, now: Date, ledgerId: string | null, keep?: string): string[] {
  const all = listBackups(dir).filter((b) => b.ledgerId === ledgerId);
  const kept = new Set<string>(all.slice(0, KEEP_NEWEST).map((b) => b.file));
  if (keep) kept.add(keep);
  const oldest = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
  const days = new Set<string>();
  for (const b of all) {
    const at = new Date(b.at);
    if (at < oldest) continue;
    const day = localDate(at);
    if (!days.has(day)) {
      days.add(day);
      kept.add(b.file);
    }
  }
  const removed: string[] = [];
  for (const b of all) {
    if (kept.has(b.file)) continue;
    // Manifest first: a half-removed backup is then an unlisted file, never a listed missing one.
    fs.rmSync(manifestPath(b.path), { force: true });
    fs.rmSync(b.path, { force: true });
    removed.push(b.file);
  }
  return removed;
}

export interface MeetingSummary {
  id: number;
  body: string;
  title: string;
  startsAt: string;
  minutesSigned: boolean;
}

export interface BackupInspection {
  file: string;
  ok: boolean;
  /** Chinese reasons the backup may not be used. */
  problems: string[];
  manifest: BackupManifest | null;
  ledgerId: string | null;
  quickCheck: string;
  chain: Pick<VerifyReport, 'ok' | 'sealed' | 'headShort' | 'message'> | null;
  /** The backup's own seal chain head and audit head (a restore records them: restore.ts). */
  head: Anchor | null;
  audit: AuditAnchor | null;
  counts: { meetings: number; signedMinutes: number; items: number };
  meetings: MeetingSummary[];
}

/**
 * Everything a restore must know, read from a private copy: the manifest's sha256 still
 * matches, quick_check passes, the seal chain verifies (against the manifest's anchor), and
 * which meetings it holds.
 */
export function inspectBackup(file: string, meetingLimit = 200): BackupInspection {
  const problems: string[] = [];
  const manifest = readManifest(file);
  const base: BackupInspection = {
    file,
    ok: false,
    problems,
    manifest,
    ledgerId: null,
    quickCheck: '',
    chain: null,
    head: null,
    audit: null,
    counts: { meetings: 0, signedMinutes: 0, items: 0 },
    meetings: [],
  };
  const size = fileSize(file);
  if (size === null) {
    problems.push('备份文件不存在或无法读取。');
    return base;
  }
  if (!manifest) problems.push('找不到这份备份的说明文件（.json），无法确认它是完整的。');
  else if (manifest.bytes !== size || manifest.sha256 !== sha256File(file)) problems.push('备份文件与它的说明文件对不上：文件在备份之后被改动或损坏了。');
  try {
    withCopy(file, false, (copy) => {
      const db = openSqlite(copy);
      try {
        const qc = db.pragma('quick_check') as { quick_check: string }[];
        base.quickCheck = qc.map((r) => r.quick_check).join('; ');
        if (base.quickCheck !== 'ok') {
          problems.push('备份文件内部已损坏（数据库自检未通过）。');
          return;
        }
        const facts = factsOf(db);
        base.ledgerId = facts.ledgerId;
        base.counts = { meetings: facts.meetings, signedMinutes: facts.signedMinutes, items: facts.items };
        base.head = facts.chain;
        base.audit = facts.audit;
        if (!hasTable(db, '__drizzle_migrations')) problems.push('这不是议事台账的备份文件。');
        if (hasTable(db, 'seals')) {
          const anchors = manifest?.chain || manifest?.audit ? [{ anchor: manifest.chain ?? null, audit: manifest.audit ?? null, source: '备份说明文件' }] : [];
          const v = verifyChain({ sqlite: db }, anchors);
          base.chain = { ok: v.ok, sealed: v.sealed, headShort: v.headShort, message: v.message };
          if (!v.ok) problems.push(`存证核验未通过：${v.broken!.message}`);
        }
        base.meetings = meetingsOf(db, meetingLimit);
      } finally {
        db.close();
      }
    });
  } catch (e) {
    problems.push(`备份文件无法打开，可能已损坏或不是台账文件（${String((e as Error).message).slice(0, 60)}）。`);
  }
  base.ok = problems.length === 0;
  return base;
}

function meetingsOf(db: Database.Database, limit: number): MeetingSummary[] {
  if (!hasTable(db, 'meetings') || !hasTable(db, 'bodies')) return [];
  const rows = db
    .prepare(
      `SELECT m.id, b.name AS body, m.year, m.seq, m.starts_at AS startsAt,
              EXISTS (SELECT 1 FROM minutes n WHERE n.meeting_id = m.id AND n.state = 'signed') AS signed
         FROM meetings m JOIN bodies b ON b.id = m.body_id ORDER BY m.starts_at DESC, m.id DESC LIMIT ?`,
    )
    .all(limit) as { id: number; body: string; year: number; seq: number; startsAt: string; signed: number }[];
  return rows.map((r) => ({ id: r.id, body: r.body, title: `${r.year}年第${r.seq}次${r.body}`, startsAt: r.startsAt, minutesSigned: r.signed === 1 }));
}

/** The newest backup in these folders that passes inspectBackup, or null. */
export function newestVerifiedBackup(dirs: string[]): { entry: BackupEntry; inspection: BackupInspection } | null {
  const all = dirs.flatMap(listBackups).filter((b) => b.present).sort((a, b) => b.at.localeCompare(a.at));
  for (const entry of all) {
    const inspection = inspectBackup(entry.path);
    if (inspection.ok) return { entry, inspection };
  }
  return null;
}

/** True when any finished backup (verified or not) exists: then an empty ledger is a loss, not a first run. */
export function anyBackup(dirs: string[]): boolean {
  return dirs.some((d) => listBackups(d).length > 0);
}
