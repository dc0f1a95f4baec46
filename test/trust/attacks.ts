// Issue H: the attacks of `npm run trust`, one runner per class, written the way someone who read
// the code would try to break it (not the way the checks happen to succeed). No vitest import:
// the script runs them; test/trust/*.test.ts try the same classes case by case. Every runner
// returns rows of tries / held / failed, and says where a case is a limit the README states.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { dispatch } from '../../db/api';
import type { HostApi } from '../../db/host';
import { openLedger } from '../../db/open';
import { LedgerUnavailable, type Unavailable } from '../../db/trust/access';
import { auditLink } from '../../db/trust/audit';
import { createBackup, defaultBackupDir } from '../../db/trust/backup';
import { contentHashOf, GENESIS, linkHash, readRecord, SEAL_SELECT, type ChainKind, type SealRow } from '../../db/trust/chain';
import { markerPath } from '../../db/trust/clean';
import { sha256File } from '../../db/trust/files';
import { DamagedLedger } from '../../db/trust/guards';
import { restoreBackup } from '../../db/trust/restore';
import { walStatePath } from '../../db/trust/wal';
import { bundleScript, runAndKill } from './crash';
import { freshAt, MIGRATIONS, openAt, ROOT, setupSchool, sha256Of, signedMeeting, tempDir, type Opened } from './fixture';
import { rng } from './tamper';

export interface Tally {
  case: string;
  tries: number;
  held: number;
  failed: number;
  /** A limit the README states: counted, never a failure of the figure. */
  limit?: boolean;
  note?: string;
}

type School = ReturnType<typeof setupSchool>;

class Counter {
  readonly rows = new Map<string, Tally>();
  add(name: string, held: boolean, note?: string, limit = false): void {
    const t = this.rows.get(name) ?? { case: name, tries: 0, held: 0, failed: 0, limit };
    t.tries++;
    if (held) t.held++;
    else {
      t.failed++;
      if (note && !t.note) t.note = note;
    }
    this.rows.set(name, t);
  }
  skip(name: string, why: string): void {
    this.rows.set(name, { case: name, tries: 0, held: 0, failed: 0, note: `skipped: ${why}` });
  }
  list(): Tally[] {
    return [...this.rows.values()];
  }
}

const cleanup: string[] = [];
export function disposeAttacks(): void {
  for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
function dir(): string {
  const d = tempDir();
  cleanup.push(d);
  return d;
}

/** A school's ledger, opened (tracked for cleanup). */
function school(): { t: Opened; s: School } {
  const t = freshAt();
  cleanup.push(t.dir);
  t.ledger.sqlite.pragma('synchronous = OFF'); // these runs test judgement, not fsync; durability has its own
  return { t, s: setupSchool(t) };
}

function items(t: Opened, s: Pick<School, 'orgId' | 'person'>, n: number, tag: string): void {
  const matterId = t.ok('matters.list', { orgId: s.orgId }).find((m) => m.code === 'D3')!.id;
  for (let i = 0; i < n; i++) t.ok('items.create', { orgId: s.orgId, title: `${tag}${i}`, summary: '内容'.repeat(80), matterId, proposerId: s.person('陈志强') });
}
const countLike = (db: Database.Database, like: string) => (db.prepare('SELECT COUNT(*) AS n FROM agenda_items WHERE title LIKE ?').get(`${like}%`) as { n: number }).n;

/** The file, its -wal and the WAL record, copied while the app is open: what a power cut leaves. */
function crashImage(t: Opened): string {
  const file = path.join(dir(), 'ledger.sqlite');
  fs.copyFileSync(t.file, file);
  for (const side of ['-wal', '.walstate']) if (fs.existsSync(t.file + side)) fs.copyFileSync(t.file + side, file + side);
  return file;
}

function tryOpen(file: string): { ledger: ReturnType<typeof openLedger> } | { error: unknown } {
  try {
    return { ledger: openLedger(file, { migrationsFolder: MIGRATIONS }) };
  } catch (error) {
    return { error };
  }
}

const asideOf = (file: string) => fs.readdirSync(path.dirname(file)).filter((f) => f.includes('-wal.set-aside-'));

// ── Class 1: -wal files that are not this ledger's, at this moment ──────────────────────────
export function walAttacks(n: number, seed = 1): Tally[] {
  const c = new Counter();
  const r = rng(seed);
  const some = () => 1 + Math.floor(r() * 25);
  /** Open; held when exactly one -wal was set aside with the given bytes and `check` holds. */
  const setAside = (name: string, file: string, wal: Buffer, check: (db: Database.Database) => boolean, limit = false) => {
    const o = tryOpen(file);
    if ('error' in o) return c.add(name, false, `refused: ${String((o.error as Error).message).slice(0, 60)}`, limit);
    try {
      const aside = asideOf(file);
      const ok = o.ledger.notices?.length === 1 && aside.length === 1 && fs.readFileSync(path.join(path.dirname(file), aside[0]!)).equals(wal) && check(o.ledger.sqlite);
      c.add(name, ok, ok ? undefined : `notices ${o.ledger.notices?.length}, set aside ${aside.length}`, limit);
    } finally {
      o.ledger.close();
    }
  };
  const kinds = ['after-close', 'after-close-erased', 'crash-earlier-generation', 'crash-shorter-copy', 'template-sibling', 'template-sibling-erased', 'damaged-frame', 'normal-crash', 'template-sibling-erased-same-base'] as const;
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % kinds.length]!;
    if (kind === 'after-close' || kind === 'after-close-erased') {
      const { t, s } = school();
      items(t, s, some(), '旧');
      const old = fs.readFileSync(`${t.file}-wal`);
      t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const newer = some();
      items(t, s, newer, '新');
      signedMeeting(t, s, 1);
      t.close();
      fs.writeFileSync(`${t.file}-wal`, old);
      if (kind === 'after-close-erased') for (const f of [walStatePath(t.file), markerPath(t.file)]) fs.rmSync(f, { force: true });
      setAside(
        kind === 'after-close' ? 'old -wal copy put back after checkpoint, more work, a signing and a clean close' : '… and the WAL record and clean-close marker deleted too',
        t.file,
        old,
        (db) => countLike(db, '新') === newer && (db.prepare("SELECT COUNT(*) AS n FROM minutes WHERE state = 'signed'").get() as { n: number }).n === 1,
      );
    } else if (kind === 'crash-earlier-generation' || kind === 'crash-shorter-copy') {
      const { t, s } = school();
      const first = some();
      items(t, s, first, '早');
      const old = fs.readFileSync(`${t.file}-wal`);
      if (kind === 'crash-earlier-generation') t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      items(t, s, some(), '晚');
      const file = crashImage(t);
      fs.writeFileSync(`${file}-wal`, old);
      setAside(
        kind === 'crash-earlier-generation' ? 'after a crash: a copy of an earlier WAL generation in place of the live one' : 'after a crash: a shorter copy of the live -wal (acknowledged commits cut)',
        file,
        old,
        (db) => kind === 'crash-shorter-copy' || countLike(db, '早') === first,
      );
    } else if (kind.startsWith('template-sibling')) {
      const erased = kind !== 'template-sibling';
      const same = kind === 'template-sibling-erased-same-base';
      const template = freshAt();
      cleanup.push(template.dir);
      const ts = setupSchool(template);
      template.close();
      const copy = () => {
        const f = path.join(dir(), 'ledger.sqlite');
        fs.copyFileSync(template.file, f);
        return openAt(f);
      };
      const a = copy();
      const b = copy();
      if (erased && !same) {
        items(a, ts, 2, 'A校早');
        a.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      }
      items(a, ts, some(), 'A校');
      items(b, ts, some(), 'B校');
      const file = crashImage(a);
      const wal = fs.readFileSync(`${b.file}-wal`);
      fs.writeFileSync(`${file}-wal`, wal);
      a.close();
      b.close();
      if (erased) fs.rmSync(walStatePath(file), { force: true });
      setAside(
        same
          ? 'LIMIT: same, record deleted, and both files still the untouched template'
          : erased
            ? '… with the WAL record deleted, the two files having diverged'
            : 'a -wal of another ledger made from the same template (record kept)',
        file,
        wal,
        (db) => countLike(db, 'B校') === 0,
        same,
      );
    } else if (kind === 'damaged-frame') {
      const { t, s } = school();
      t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      items(t, s, 3 + some(), '已保存');
      const file = crashImage(t);
      const wal = fs.readFileSync(`${file}-wal`);
      const pageSize = wal.readUInt32BE(8);
      const frames = Math.floor((wal.length - 32) / (pageSize + 24));
      const frame = Math.floor(r() * Math.max(1, frames - 2)); // not the last ones: commits must follow
      wal[32 + frame * (pageSize + 24) + 24 + Math.floor(r() * pageSize)] ^= 1 + Math.floor(r() * 255);
      fs.writeFileSync(`${file}-wal`, wal);
      const before = [file, `${file}-wal`].map(sha256Of).join();
      const o = tryOpen(file);
      if ('ledger' in o) o.ledger.close();
      const held = 'error' in o && o.error instanceof DamagedLedger && o.error.damage === 'wal_damaged' && [file, `${file}-wal`].map(sha256Of).join() === before;
      c.add('a byte flipped in a frame with commits after it: refused, not silently cut short', held, 'error' in o ? String(o.error) : 'opened');
    } else {
      const { t, s } = school();
      const k = some();
      items(t, s, k, '断电前');
      if (r() < 0.5) t.ledger.sqlite.pragma('wal_checkpoint(PASSIVE)');
      const m = some();
      items(t, s, m, '断电前');
      const file = crashImage(t);
      const o = tryOpen(file);
      if ('error' in o) c.add('no false alarm: the live -wal after a crash is used, all acknowledged work there', false, String(o.error));
      else {
        c.add('no false alarm: the live -wal after a crash is used, all acknowledged work there', o.ledger.notices?.length === 0 && countLike(o.ledger.sqlite, '断电前') === k + m);
        o.ledger.close();
      }
    }
  }
  return c.list();
}

// ── Class 2: disk full, read-only, permission, another program ──────────────────────────────
function mountTmpfs(size: string): string | null {
  const d = dir();
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', d]).status === 0 ? d : null;
}
function fillDisk(d: string): void {
  const fd = fs.openSync(path.join(d, 'filler.bin'), 'w');
  for (let n = 65536; n >= 1; n = Math.floor(n / 2)) {
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(n, 7));
    } catch {
      // smaller pieces next
    }
  }
  fs.closeSync(fd);
}
function folderState(d: string): string {
  return fs
    .readdirSync(d)
    .filter((f) => f !== 'filler.bin' && fs.statSync(path.join(d, f)).isFile())
    .sort()
    .map((f) => `${f}:${sha256Of(path.join(d, f))}`)
    .join();
}
function closedOrCrashed(crash: boolean): { dir: string; file: string } {
  const { t, s } = school();
  createBackup(t.ledger);
  items(t, s, 15, '议题');
  if (crash) {
    const file = crashImage(t);
    t.close();
    return { dir: path.dirname(file), file };
  }
  t.close();
  return { dir: t.dir, file: t.file };
}
function copyInto(from: { dir: string }, into: string): string {
  for (const f of fs.readdirSync(from.dir)) {
    const p = path.join(from.dir, f);
    if (fs.statSync(p).isDirectory()) fs.cpSync(p, path.join(into, f), { recursive: true });
    else fs.copyFileSync(p, path.join(into, f));
  }
  return path.join(into, 'ledger.sqlite');
}
function named(e: unknown, reason: Unavailable): boolean {
  return e instanceof LedgerUnavailable && e.reason === reason && !/SqliteError|SQLITE_|ENOSPC|EROFS|EACCES/.test(e.message) && !('offer' in e);
}

export async function accessAttacks(): Promise<Tally[]> {
  const c = new Counter();
  const root = process.getuid?.() === 0;
  const probe = root ? mountTmpfs('64k') : null;
  if (probe) spawnSync('umount', [probe]);
  const mounts: string[] = [];
  try {
    for (const crash of [false, true]) {
      const label = crash ? 'after a crash' : 'after a clean close';
      if (!probe) {
        c.skip(`disk full, ${label}`, root ? 'mount not permitted' : 'needs root to mount a tmpfs');
        c.skip(`read-only media, ${label}`, root ? 'mount not permitted' : 'needs root');
        continue;
      }
      for (let rep = 0; rep < 3; rep++) {
        const disk = mountTmpfs('6m')!;
        mounts.push(disk);
        const file = copyInto(closedOrCrashed(crash), disk);
        fillDisk(disk);
        const before = folderState(disk);
        const o = tryOpen(file);
        if ('ledger' in o) o.ledger.close();
        c.add(`disk full (a filled tmpfs), ${label}: 磁盘空间不足, no restore, nothing changed`, 'error' in o && named(o.error, 'no_space') && folderState(disk) === before, 'error' in o ? String(o.error) : 'opened');
        const ro = mountTmpfs('16m')!;
        mounts.push(ro);
        const file2 = copyInto(closedOrCrashed(crash), ro);
        execFileSync('mount', ['-o', 'remount,ro', ro]);
        const before2 = folderState(ro);
        const o2 = tryOpen(file2);
        if ('ledger' in o2) o2.ledger.close();
        c.add(`read-only media (tmpfs remounted ro), ${label}: 只读, no restore, nothing changed`, 'error' in o2 && named(o2.error, 'read_only_media') && folderState(ro) === before2, 'error' in o2 ? String(o2.error) : 'opened');
      }
    }
    if (probe) {
      const tmp = mountTmpfs('1m')!;
      mounts.push(tmp);
      fillDisk(tmp);
      const { file, dir: d } = closedOrCrashed(true);
      const before = folderState(d);
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = tmp;
      const o = tryOpen(file);
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      if ('ledger' in o) o.ledger.close();
      c.add('the temporary folder full while a crash-left file is checked: named as such', 'error' in o && named(o.error, 'no_space') && (o.error as Error).message.includes('临时文件夹') && folderState(d) === before);
    } else c.skip('the temporary folder full', 'no tmpfs');
    {
      const { t, s } = school();
      t.ledger.sqlite.pragma(`max_page_count = ${t.ledger.sqlite.pragma('page_count', { simple: true }) as number}`);
      let held = false;
      for (let i = 0; i < 500; i++) {
        const before = t.snapshot();
        const res = t.call('items.create', { orgId: s.orgId, title: `议题${i}`, summary: '内容'.repeat(900), matterId: s.matter('D3'), proposerId: s.person('陈志强') });
        if (res.ok) continue;
        held = res.error.message.includes('磁盘空间不足') && JSON.stringify(t.snapshot()) === JSON.stringify(before);
        break;
      }
      c.add('a write meeting a full disk while running: 磁盘空间不足, nothing half-written', held);
      t.close();
    }
    if (root) {
      const bundle = bundleScript(path.join(ROOT, 'test/trust/open-child.ts'), 'open-child');
      for (const [name, reason, prep] of [
        ['a file of another user (no write permission): 没有权限', 'no_permission', (d: string) => fs.chmodSync(d, 0o755)],
        ['chmod 444 on the owner\'s own file: 文件只读, not a raw SqliteError', 'read_only_file', (d: string, f: string) => {
          execFileSync('chown', ['-R', '65534:65534', d]);
          fs.chmodSync(f, 0o444);
        }],
      ] as const) {
        for (const crash of [false, true]) {
          const { dir: d, file } = closedOrCrashed(crash);
          prep(d, file);
          const before = folderState(d);
          const out = spawnSync(process.execPath, [bundle, file, MIGRATIONS], { uid: 65534, gid: 65534, encoding: 'utf8' });
          const res = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as { outcome?: string; reason?: string; message?: string };
          c.add(`${name}, ${crash ? 'after a crash' : 'after a clean close'}`, res.outcome === 'unavailable' && res.reason === reason && !/SqliteError|readonly database|SQLITE_/.test(res.message ?? '') && folderState(d) === before, JSON.stringify(res).slice(0, 80));
        }
      }
    } else c.skip('permissions', 'needs root to run a child as another user');
    const holder = bundleScript(path.join(ROOT, 'test/trust/holder-child.ts'), 'holder-child');
    for (const mode of ['idle', 'writing', 'in-transaction'] as const) {
      for (const crash of [false, true]) {
        const { dir: d, file } = closedOrCrashed(crash);
        const child = spawn(process.execPath, [holder, file, mode], { stdio: ['ignore', 'pipe', 'ignore'] });
        await new Promise<void>((resolve) => {
          let out = '';
          child.stdout.on('data', (b: Buffer) => {
            out += b.toString();
            if (out.includes('ready\n')) resolve();
          });
        });
        const ours = () => [`${file}.clean`, `${file}.walstate`].map((f) => (fs.existsSync(f) ? sha256Of(f) : '-')).join();
        const before = ours();
        const o = tryOpen(file);
        if ('ledger' in o) o.ledger.close();
        child.kill('SIGKILL');
        await new Promise((res) => child.once('exit', res));
        const mess = fs.readdirSync(d).filter((n) => /set-aside|\.probe-|损坏的台账/.test(n));
        c.add(`another program ${mode === 'idle' ? 'holding the ledger open' : mode === 'writing' ? 'writing while the app starts' : 'inside a write transaction'}, ${crash ? 'after a crash' : 'after a clean close'}: 正被另一个程序使用`, 'error' in o && named(o.error, 'in_use') && mess.length === 0 && ours() === before, 'error' in o ? String(o.error).slice(0, 60) : 'opened');
      }
    }
  } finally {
    for (const m of mounts) spawnSync('umount', ['-l', m]);
  }
  return c.list();
}

// ── Class 3: anchors from outside, matched by content ───────────────────────────────────────
/**
 * Another SQLite tool on a closed ledger, its guards dropped first; the forger has read clean.ts
 * too and removes the clean-close marker, so the start-up hash (class 7) is out of the way and
 * what is measured is what verify finds.
 */
function tool(file: string, edit: (db: Database.Database) => void): void {
  fs.rmSync(markerPath(file), { force: true });
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const trg of ['seals_no_update', 'seals_no_delete', 'seals_no_replace', 'audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace', 'audit_log_chained']) db.exec(`DROP TRIGGER IF EXISTS ${trg}`);
      edit(db);
    })();
  } finally {
    db.close();
  }
}
/** Recompute every seal from genesis with the app's own algorithm, as a forger who read chain.ts would. */
export function resealAll(db: Database.Database): void {
  let prev = GENESIS;
  for (const s of db.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[]) {
    const content = contentHashOf(s, readRecord({ sqlite: db }, s.kind as ChainKind, s.refId)!);
    const hash = linkHash(prev, content);
    db.prepare('UPDATE seals SET content_hash = ?, prev_hash = ?, hash = ? WHERE id = ?').run(content, prev, hash, s.id);
    prev = hash;
  }
}
/** Recompute every audit link from genesis, as a forger who read audit.ts would. */
export function rechainAudit(db: Database.Database): void {
  let prev = GENESIS;
  for (const row of db.prepare('SELECT id, at, operator, channel, summary FROM audit_log ORDER BY id').all() as { id: number; at: string; operator: string; channel: string; summary: string }[]) {
    prev = auditLink(prev, row);
    db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?').run(prev, row.id);
  }
}

/** A closed ledger with `meetings` signed and a backup after them, copied fresh for each try. */
function anchoredBase(meetings: number): { dir: string; file: string; meetingIds: number[]; school: School } {
  const { t, s } = school();
  const ms = Array.from({ length: meetings }, (_, i) => signedMeeting(t, s, i + 1));
  createBackup(t.ledger);
  t.close();
  return { dir: t.dir, file: t.file, meetingIds: ms.map((m) => m.meetingId), school: s };
}
function copyFolder(d: string): string {
  const to = dir();
  fs.cpSync(d, to, { recursive: true });
  return path.join(to, 'ledger.sqlite');
}
function verifyAt(file: string, anchor?: string) {
  const t = openAt(file);
  try {
    return t.ok('trust.verify', anchor ? { anchor } : {});
  } finally {
    t.close();
  }
}

export function anchorAttacks(n: number, seed = 3): Tally[] {
  const c = new Counter();
  const r = rng(seed);
  const base = anchoredBase(3);
  const tables = ['agenda_entries', 'statements', 'decisions', 'attendance', 'minutes'];
  const cols: Record<string, string> = { agenda_entries: 'votes_for = votes_for + 1', statements: "position = '不同意'", decisions: "text = text || '（改）'", attendance: "status = '缺席'", minutes: "content = json_set(content, '$.opening', '改')" };
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    const file = copyFolder(base.dir);
    if (kind === 0) {
      const table = tables[Math.floor(r() * tables.length)]!;
      tool(file, (db) => {
        db.prepare(`UPDATE ${table} SET ${cols[table]} WHERE id = (SELECT id FROM ${table} ORDER BY random() LIMIT 1)`).run();
        resealAll(db);
        db.prepare('UPDATE ledger_meta SET value = ? WHERE key = ?').run(crypto.randomUUID(), 'ledgerId');
      });
      const v = verifyAt(file);
      c.add('a sealed value edited, the whole chain recomputed, the ledger id changed', v.state === 'broken' && v.broken?.reason === 'anchor_mismatch', v.message.slice(0, 60));
    } else if (kind === 1) {
      const cut = base.meetingIds[1 + Math.floor(r() * 2)]!;
      tool(file, (db) => {
        db.prepare('DELETE FROM seals WHERE meeting_id >= ?').run(cut);
        db.prepare("UPDATE minutes SET state = 'draft' WHERE meeting_id >= ?").run(cut);
        db.prepare("INSERT OR REPLACE INTO ledger_meta (key, value) VALUES ('restoredAt', ?)").run(new Date(Date.UTC(2100 + Math.floor(r() * 800), 0, 1)).toISOString());
      });
      const v = verifyAt(file);
      c.add('the chain cut short, a far-future restore time written into the file', v.state === 'broken' && v.broken?.reason === 'truncated', v.message.slice(0, 60));
    } else if (kind === 2) {
      const t = openAt(file);
      const s = { ...base.school, matter: (code: string) => t.ok('matters.list', { orgId: base.school.orgId }).find((m) => m.code === code)!.id };
      signedMeeting(t, s, 4 + i);
      const v = t.ok('trust.verify', {});
      t.close();
      c.add('a meeting appended and consistently sealed after the newest outside anchor: 未锚定, not 通过', v.state === 'unanchored' && !v.message.includes('核验通过'), v.state);
    } else if (kind === 3) {
      const v = verifyAt(file, `${200 + Math.floor(r() * 1000)}-${crypto.randomBytes(6).toString('hex')}`);
      c.add('a typed code from beyond the chain (a forward jump)', v.state === 'broken', v.state);
    } else {
      tool(file, (db) => db.prepare('UPDATE ledger_meta SET value = ? WHERE key = ?').run(crypto.randomUUID(), 'ledgerId'));
      const v = verifyAt(file);
      c.add('no false alarm: only the ledger id changed (anchors still match by content)', v.state === 'ok', v.message.slice(0, 60));
    }
  }
  return c.list();
}

// ── Class 4: restore, more work, verify ─────────────────────────────────────────────────────
export function restoreAttacks(n: number, seed = 4): Tally[] {
  const c = new Counter();
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const { t, s } = school();
    const before = 1 + Math.floor(r() * 2);
    for (let k = 1; k <= before; k++) signedMeeting(t, s, k);
    t.setNow('2026-03-26T10:00:00');
    const older = createBackup(t.ledger);
    const ahead = 1 + Math.floor(r() * 3);
    for (let k = 1; k <= ahead; k++) signedMeeting(t, s, before + k);
    t.setNow('2026-03-27T10:00:00');
    createBackup(t.ledger);
    t.close();
    const restored = restoreBackup(t.file, older.path, { now: new Date('2026-03-28T09:00:00') });
    const again = openAt(t.file, '2026-03-29T09:00:00');
    const same = { ...s, matter: (code: string) => again.ok('matters.list', { orgId: s.orgId }).find((m) => m.code === code)!.id };
    const after = 1 + Math.floor(r() * 3);
    for (let k = 1; k <= after; k++) signedMeeting(again, same, 10 + k);
    const v1 = again.ok('trust.verify', {});
    again.setNow('2026-03-29T10:00:00');
    createBackup(again.ledger);
    const v2 = again.ok('trust.verify', {});
    c.add('restore an older backup, sign more meetings, verify: no rewrite reported (未锚定 until backed up, then 通过)', v1.state === 'unanchored' && v2.state === 'ok' && v2.restores.length === 1, `${v1.state}/${v2.state}`);
    again.close();
    // Undo: restore the pre-restore save.
    restoreBackup(t.file, restored.savedAs!, { now: new Date('2026-03-30T09:00:00') });
    const undone = openAt(t.file, '2026-03-30T10:00:00');
    createBackup(undone.ledger);
    const v3 = undone.ok('trust.verify', {});
    undone.close();
    // The undone restore is on a branch the file no longer holds: only the undo counts as this file's restore.
    c.add('then undo (restore the pre-restore save) and verify', v3.state === 'ok' && v3.restores.length === 1, v3.message.slice(0, 60));
  }
  // Forged restores must excuse nothing.
  for (let i = 0; i < Math.max(2, Math.floor(n / 2)); i++) {
    const base = anchoredBase(3);
    const cutAndForge = (withRecord: boolean) => {
      const file = copyFolder(base.dir);
      tool(file, (db) => {
        db.prepare('DELETE FROM seals WHERE meeting_id = ?').run(base.meetingIds[2]);
        db.prepare("UPDATE minutes SET state = 'draft' WHERE meeting_id = ?").run(base.meetingIds[2]);
        if (!withRecord) db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('pendingRestore', ?)").run(JSON.stringify({ nonce: crypto.randomBytes(16).toString('hex'), at: '2999-01-01T00:00:00.000Z', from: 'x.sqlite', savedAs: null }));
      });
      if (withRecord) {
        const db = new Database(file, { readonly: true });
        const head = db.prepare('SELECT COUNT(*) AS count, (SELECT hash FROM seals ORDER BY id DESC LIMIT 1) AS hash FROM seals').get();
        db.close();
        fs.writeFileSync(path.join(defaultBackupDir(file), '恢复记录-29990101-000000-ffffff.json'), JSON.stringify({ format: 'yishi-ledger-restore', version: 1, at: '2999-01-01T00:00:00.000Z', nonce: 'f'.repeat(32), from: 'x.sqlite', head, audit: null }));
      }
      return verifyAt(file);
    };
    c.add('a restore seal forged inside the file, without the record outside', cutAndForge(false).state === 'broken');
    c.add('a restore record written by hand outside, without its seal inside', cutAndForge(true).state === 'broken');
  }
  return c.list();
}

// ── Class 5: the audit log and seals are append-only; verify checks the audit log ──────────
export function appendOnlyAttacks(n: number, seed = 5): Tally[] {
  const c = new Counter();
  const r = rng(seed);
  const { t, s: sc } = school();
  signedMeeting(t, sc, 1);
  const db = t.ledger.sqlite;
  const a = db.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1 OFFSET 3').get() as Record<string, string | number>;
  const s = db.prepare('SELECT * FROM seals ORDER BY id LIMIT 1 OFFSET 3').get() as Record<string, string | number>;
  const rewrites: [string, string, unknown[]][] = [
    ['INSERT OR REPLACE INTO audit_log (same id)', 'INSERT OR REPLACE INTO audit_log (id, at, operator, channel, summary, hash) VALUES (?, ?, ?, ?, ?, ?)', [a.id, a.at, '别人', a.channel, '{}', a.hash]],
    ['REPLACE INTO audit_log (same id)', 'REPLACE INTO audit_log (id, at, operator, channel, summary, hash) VALUES (?, ?, ?, ?, ?, ?)', [a.id, a.at, '别人', a.channel, '{}', a.hash]],
    ['INSERT … ON CONFLICT DO UPDATE on audit_log', "INSERT INTO audit_log (id, at, operator, channel, summary, hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET operator = '别人'", [a.id, a.at, 'x', a.channel, '{}', a.hash]],
    ['INSERT OR REPLACE INTO audit_log with another id and no hash', "INSERT OR REPLACE INTO audit_log (at, operator, channel, summary) VALUES ('2026-01-01', '别人', 'items.create', '{}')", []],
    ['UPDATE audit_log', "UPDATE audit_log SET operator = '别人' WHERE id = ?", [a.id]],
    ['UPDATE OR REPLACE audit_log', "UPDATE OR REPLACE audit_log SET id = id + 100000 WHERE id = ?", [a.id]],
    ['DELETE FROM audit_log', 'DELETE FROM audit_log WHERE id = ?', [a.id]],
    ['INSERT OR REPLACE INTO seals (same record)', 'INSERT OR REPLACE INTO seals (kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [s.kind, s.ref_id, s.meeting_id, 'x', 'x', 'x', 'x', 'x']],
    ['REPLACE INTO seals (same id)', 'REPLACE INTO seals (id, kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [s.id, 'ballot', 999999, 1, 'x', 'x', 'x', 'x', 'x']],
    ['INSERT … ON CONFLICT DO UPDATE on seals', "INSERT INTO seals (id, kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES (?, 'x', 1, 1, 'x', 'x', 'x', 'x', 'x') ON CONFLICT(id) DO UPDATE SET hash = 'x'", [s.id]],
    ['UPDATE OR REPLACE seals', "UPDATE OR REPLACE seals SET hash = 'x' WHERE id = ?", [s.id]],
    ['DELETE FROM seals', 'DELETE FROM seals WHERE id = ?', [s.id]],
  ];
  const snapshot = () => JSON.stringify([db.prepare('SELECT * FROM audit_log ORDER BY id').all(), db.prepare('SELECT * FROM seals ORDER BY id').all()]);
  for (const [name, sql, params] of rewrites) {
    const before = snapshot();
    let refused = false;
    try {
      db.prepare(sql).run(...params);
    } catch (e) {
      refused = /只能追加|须带校验值/.test(String((e as Error).message));
    }
    c.add(`through SQL the file allows: ${name}`, refused && snapshot() === before);
  }
  createBackup(t.ledger);
  t.close();
  for (let i = 0; i < n; i++) {
    const file = copyFolder(t.dir);
    const rows = (() => {
      const d = new Database(file, { readonly: true });
      try {
        return (d.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((x) => x.id);
      } finally {
        d.close();
      }
    })();
    const op = i % 4;
    const id = rows[1 + Math.floor(r() * (rows.length - 2))]!;
    let name: string;
    if (op === 0) {
      name = 'another tool deletes a row in the middle of the audit log';
      tool(file, (d) => d.prepare('DELETE FROM audit_log WHERE id = ?').run(id));
    } else if (op === 1) {
      name = 'another tool edits a row of the audit log';
      const col = ['operator', 'summary', 'at', 'channel'][Math.floor(r() * 4)]!;
      tool(file, (d) => d.prepare(`UPDATE audit_log SET ${col} = ${col} || '改' WHERE id = ?`).run(id));
    } else if (op === 2) {
      name = 'another tool cuts rows from the end of the audit log';
      tool(file, (d) => d.prepare('DELETE FROM audit_log WHERE id > ?').run(rows[rows.length - 1 - (1 + Math.floor(r() * 3))]!));
    } else {
      name = 'another tool edits a row and recomputes the whole audit chain';
      tool(file, (d) => {
        d.prepare("UPDATE audit_log SET operator = '别人' WHERE id = ?").run(id);
        rechainAudit(d);
      });
    }
    const v = verifyAt(file);
    c.add(name, v.state === 'broken', v.message.slice(0, 60));
  }
  return c.list();
}
function schoolOf(t: Opened): School {
  const overview = t.ok('org.get', {})!;
  const orgId = overview.org.id;
  return {
    orgId,
    overview,
    person: (name: string) => overview.persons.find((p) => p.name === name)!.id,
    body: (kind: string) => overview.bodies.find((b) => b.kind === kind)!.id,
    matter: (code: string) => t.ok('matters.list', { orgId }).find((m) => m.code === code)!.id,
  } as School;
}

// ── Class 7: bytes flipped anywhere ─────────────────────────────────────────────────────────
export function flipAttacks(n: number, seed = 7): { rows: Tally[]; cost: { bytes: number; ms: number }[] } {
  const c = new Counter();
  const r = rng(seed);
  const { t, s } = school();
  signedMeeting(t, s, 1);
  signedMeeting(t, s, 2);
  items(t, s, 40, '议题');
  createBackup(t.ledger);
  t.close();
  const size = fs.statSync(t.file).size;
  for (let i = 0; i < n; i++) {
    for (const markerKept of [true, false]) {
      const file = copyFolder(t.dir);
      const at = Math.floor(r() * size);
      const fd = fs.openSync(file, 'r+');
      const b = Buffer.alloc(1);
      fs.readSync(fd, b, 0, 1, at);
      b[0] ^= 1 + Math.floor(r() * 255);
      fs.writeSync(fd, b, 0, 1, at);
      fs.closeSync(fd);
      if (!markerKept) fs.rmSync(markerPath(file));
      const before = sha256Of(file);
      const o = tryOpen(file);
      if (markerKept) {
        if ('ledger' in o) o.ledger.close();
        c.add('a byte flipped anywhere after a clean close: refused at start, file untouched', 'error' in o && o.error instanceof DamagedLedger && sha256Of(file) === before, 'opened');
      } else if ('error' in o) {
        c.add('LIMIT: the same with the clean-close marker deleted too (as after a crash): refused by quick_check', o.error instanceof DamagedLedger, String(o.error), true);
      } else {
        c.add('LIMIT: the same with the clean-close marker deleted too (as after a crash): refused by quick_check', false, 'opened: the flip is in a value quick_check does not read as damage', true);
        // What is left then: a changed sealed record is still named by verify.
        const v = dispatch(o.ledger, 'trust.verify', {}) as { ok: true; value: { state: string } };
        const changed = v.value.state === 'broken';
        o.ledger.close();
        c.add('LIMIT: … of those opened, found by 校验台账 (the flip was in a sealed record)', changed, 'not in a sealed record', true);
      }
    }
  }
  // The cost of hashing the file at a clean close and at a start after a change.
  const cost: { bytes: number; ms: number }[] = [];
  for (const mb of [16, 512]) {
    const f = path.join(dir(), `${mb}.bin`);
    const fd = fs.openSync(f, 'w');
    const chunk = crypto.randomBytes(1 << 20);
    for (let i = 0; i < mb; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    sha256File(f); // warm the page cache, as a just-closed file is
    const t0 = performance.now();
    sha256File(f);
    cost.push({ bytes: mb << 20, ms: Math.round(performance.now() - t0) });
    fs.rmSync(f);
  }
  return { rows: c.list(), cost };
}

// ── Class 8: smaller ones ───────────────────────────────────────────────────────────────────
export async function smallAttacks(kills: number): Promise<Tally[]> {
  const c = new Counter();
  {
    const { t, s } = school();
    const inputs: [string, string, (r: { ok: boolean; message?: string }) => boolean][] = [
      ['a lone high surrogate in a title: refused', '关于校服\ud83d采购', (r) => !r.ok && r.message!.includes('残缺字符')],
      ['a lone low surrogate: refused', '\ude00预算', (r) => !r.ok && r.message!.includes('残缺字符')],
      ['a title of zero-width spaces only: refused as empty', '\u200b\u200b\u200b', (r) => !r.ok && r.message === '「议题名称」不能为空'],
      ['a title of BOM and Hangul fillers only: refused as empty', '\ufeff\u3164\u115f', (r) => !r.ok && r.message === '「议题名称」不能为空'],
      ['a title of control characters only: refused as empty', '\u0007\u0008\u001b', (r) => !r.ok && r.message === '「议题名称」不能为空'],
    ];
    for (const [name, title, ok] of inputs) {
      const before = JSON.stringify(t.snapshot());
      const res = t.call('items.create', { orgId: s.orgId, title, matterId: s.matter('D3'), proposerId: s.person('陈志强') });
      c.add(name, ok(res.ok ? { ok: true } : { ok: false, message: res.error.message }) && JSON.stringify(t.snapshot()) === before);
    }
    const { hostInputs } = await import('../../electron/host-channels');
    t.ok('org.update', { orgId: s.orgId, name: '青山\t一中\n' });
    const m = signedMeeting(t, schoolOf(t), 1);
    t.ledger.sqlite.prepare("UPDATE bodies SET name = '党委\t会议' WHERE kind = 'party_committee'").run();
    const names = [t.ok('documents.minutesHtml', { minutesId: m.minutesId }).fileName, t.ok('documents.recordHtml', { meetingId: m.meetingId }).fileName, t.ok('documents.signInHtml', { meetingId: m.meetingId }).fileName];
    c.add('a tab in a school or body name: every export file name still passes the shell', !t.ok('org.get', {})!.org.name.includes('\t') && names.every((fileName) => hostInputs.savePdf.safeParse({ html: 'x', fileName }).success));
    t.close();
  }
  {
    const { t, s } = school();
    items(t, s, 3, '只在日志里');
    const file = crashImage(t);
    t.close();
    fs.rmSync(file);
    const wal = sha256Of(`${file}-wal`);
    const o = tryOpen(file);
    if ('ledger' in o) o.ledger.close();
    c.add('the ledger missing beside a non-empty -wal, no backups: refused, -wal kept', 'error' in o && o.error instanceof DamagedLedger && o.error.damage === 'missing_main' && !fs.existsSync(file) && sha256Of(`${file}-wal`) === wal);
  }
  {
    const { t, s } = school();
    signedMeeting(t, s, 1);
    t.close();
    const tmp = dir();
    const bundle = bundleScript(path.join(ROOT, 'test/trust/busy-child.ts'), 'busy-child');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const ours = /\.(tmp|restore|probe)-\d+|^yishi-check-\d+-/;
    const left = () => [t.dir, path.join(t.dir, 'backups'), tmp].flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((x) => ours.test(x)) : []));
    let most = 0;
    try {
      for (let i = 0; i < kills; i++) {
        await runAndKill(bundle, [t.file, MIGRATIONS], 5 + Math.floor(Math.random() * 120));
        most = Math.max(most, left().length);
      }
      openLedger(t.file, { migrationsFolder: MIGRATIONS }).close();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    c.add(`${kills} kills during backups and checks (up to ${most} temporary files seen): none left after the next start`, left().length === 0, left().join(', '));
  }
  return c.list();
}

// ── Class 9: what the shell saves and opens ─────────────────────────────────────────────────
// Bundled into the host (esbuild alias), so its state lives on globalThis where this side sees it.
const ELECTRON_STUB = `
const state = (globalThis.__electronStub = { open: [], savePath: '' });
module.exports = {
  dialog: { showSaveDialog: async () => ({ canceled: false, filePath: state.savePath }) },
  shell: { openPath: async (p) => { state.open.push(p); return ''; }, showItemInFolder: () => {} },
  BrowserWindow: class {},
};`;

export async function shellAttacks(): Promise<Tally[]> {
  const c = new Counter();
  const cache = path.join(ROOT, 'node_modules', '.cache', 'yishi-trust');
  fs.mkdirSync(cache, { recursive: true });
  const stub = path.join(cache, 'electron-stub.cjs');
  fs.writeFileSync(stub, ELECTRON_STUB);
  const out = path.join(cache, 'host-under-attack.cjs');
  buildSync({ entryPoints: [path.join(ROOT, 'electron/host.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, alias: { electron: stub }, external: ['better-sqlite3'], logLevel: 'error', target: 'node20' });
  const require = (await import('node:module')).createRequire(import.meta.url);
  delete require.cache[out];
  const { electronHost } = require(out) as { electronHost: (d: unknown) => HostApi };
  const stubState = (globalThis as unknown as { __electronStub: { open: string[]; savePath: string } }).__electronStub;
  const electron = { __calls: stubState, __setSavePath: (p: string) => (stubState.savePath = p) };
  const d = dir();
  const host = electronHost({ parent: () => null, print: { add: () => '', remove: () => undefined }, dataFolder: () => path.join(d, 'data'), version: '0', documentsFolder: () => d, restore: () => { throw new Error('no'); } });
  const payload = Buffer.from('@echo off\r\n').toString('base64');
  const evil = ['bat', 'cmd', 'exe', 'com', 'scr', 'ps1', 'vbs', 'js', 'jse', 'wsf', 'hta', 'lnk', 'msi', 'reg', 'dll', 'cpl', 'jar', 'sh', 'desktop', 'appimage', 'pdf.exe', 'docx.bat', 'constructor', '__proto__', 'sqlite', ''];
  for (const ext of evil) {
    const fileName = ext ? `会议纪要.${ext}` : '会议纪要';
    electron.__setSavePath(path.join(d, fileName));
    let refused = false;
    try {
      await host.saveFile({ base64: payload, fileName });
    } catch (e) {
      refused = String((e as Error).message).includes('只能保存');
    }
    c.add('saveFile asked for a kind the app does not produce (.bat, .exe, .lnk, .ps1 … 26 kinds)', refused && !fs.existsSync(path.join(d, fileName)));
  }
  for (const typed of ['run.bat', 'run.exe', 'run.pdf.lnk', 'run']) {
    electron.__setSavePath(path.join(d, typed));
    const saved = await host.saveFile({ base64: payload, fileName: '督办台账.xlsx' });
    c.add('a different name typed into the save dialog keeps the real kind (.xlsx appended)', saved?.path === path.join(d, `${typed}.xlsx`) && !fs.existsSync(path.join(d, typed)));
  }
  fs.mkdirSync(path.join(d, 'data'), { recursive: true });
  fs.writeFileSync(path.join(d, 'data', 'evil.bat'), 'x');
  const before = electron.__calls.open.length;
  for (const target of [path.join(d, 'run.bat'), path.join(d, 'data', 'evil.bat'), '/bin/sh', 'C:\\Windows\\System32\\cmd.exe', `${path.join(d, 'data')}/../data/evil.bat`]) {
    let refused = false;
    try {
      await host.openPath(target);
    } catch {
      refused = true;
    }
    c.add('openPath of anything but a document saved this session (or the data folder)', refused);
  }
  c.add('… and nothing was opened by those', electron.__calls.open.length === before);
  return c.list();
}
