// Startup guards (db/trust/guards.ts): a damaged file is refused in Chinese with an offer to
// restore the newest verified backup, and the damaged bytes are never modified.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { createBackup } from '../../db/trust/backup';
import { DamagedLedger, type Damage } from '../../db/trust/guards';
import { freshAt, MIGRATIONS, openAt, setupSchool, sha256Of, signedMeeting, tempDir, type Opened } from './fixture';

const opened: Opened[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.dispose()));

/** A closed ledger with two signed meetings and one backup; returns its file. */
function closedLedgerWithBackup(): { file: string; dir: string; backup: string } {
  const t = freshAt();
  opened.push(t);
  const school = setupSchool(t);
  signedMeeting(t, school, 1);
  signedMeeting(t, school, 2);
  const b = createBackup(t.ledger);
  // Some more pages, so a cut or a flip lands in data.
  for (let i = 0; i < 150; i++) t.ok('items.create', { orgId: school.orgId, title: `议题${i}`, summary: '内容'.repeat(200), matterId: school.matter('D3'), proposerId: school.person('陈志强') });
  t.close();
  return { file: t.file, dir: t.dir, backup: b.path };
}

function refusal(file: string): DamagedLedger {
  try {
    openLedger(file, { migrationsFolder: MIGRATIONS }).close();
  } catch (e) {
    if (e instanceof DamagedLedger) return e;
    throw e;
  }
  throw new Error('opened a damaged ledger');
}

function expectRefused(file: string, damage: Damage, backup: string | null) {
  const files = [file, `${file}-wal`].filter((f) => fs.existsSync(f));
  const before = files.map(sha256Of);
  const e = refusal(file);
  expect(e.damage).toBe(damage);
  expect(e.info.code).toBe('conflict');
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  expect(e.message).toContain('这个文件没有被改动');
  if (backup) {
    expect(e.offer?.file).toBe(backup);
    expect(e.offer?.meetings).toBe(2);
    expect(e.message).toContain('可以从最近一份核验通过的备份恢复');
  }
  // The damaged file and its -wal are byte for byte as they were; no -wal appeared beside it.
  expect(files.map(sha256Of)).toEqual(before);
  expect([file, `${file}-wal`].filter((f) => fs.existsSync(f))).toEqual(files);
  return e;
}

describe('startup guards', () => {
  it('a healthy ledger with a crash-left -wal opens, and its -wal is replayed', () => {
    const t = freshAt();
    const school = setupSchool(t);
    const copyDir = tempDir();
    // Copy the file and its -wal while open: exactly what a power cut leaves behind.
    t.ok('items.create', { orgId: school.orgId, title: '断电前最后一条', matterId: school.matter('E3'), proposerId: school.person('陈志强') });
    fs.copyFileSync(t.file, path.join(copyDir, 'ledger.sqlite'));
    fs.copyFileSync(`${t.file}-wal`, path.join(copyDir, 'ledger.sqlite-wal'));
    t.dispose();
    const again = openAt(path.join(copyDir, 'ledger.sqlite'));
    opened.push(again);
    expect(again.ledger.sqlite.prepare("SELECT COUNT(*) AS n FROM agenda_items WHERE title = '断电前最后一条'").get()).toEqual({ n: 1 });
  });

  it('accepts a main file caught mid-checkpoint (header counts more pages than written) when its -wal is there', () => {
    const t = freshAt();
    const school = setupSchool(t);
    for (let i = 0; i < 120; i++) t.ok('items.create', { orgId: school.orgId, title: `议题${i}`, summary: '内容'.repeat(300), matterId: school.matter('D3'), proposerId: school.person('陈志强') });
    const copyDir = tempDir();
    const file = path.join(copyDir, 'ledger.sqlite');
    fs.copyFileSync(t.file, file);
    fs.copyFileSync(`${t.file}-wal`, `${file}-wal`);
    t.dispose();
    const fd = fs.openSync(file, 'r+');
    const header = Buffer.alloc(4);
    fs.readSync(fd, header, 0, 4, 28);
    const grown = Buffer.alloc(4);
    grown.writeUInt32BE(header.readUInt32BE(0) + 50);
    fs.writeSync(fd, grown, 0, 4, 28);
    fs.closeSync(fd);
    const again = openAt(file);
    opened.push(again);
    expect(again.ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM agenda_items').get()).toEqual({ n: 120 });
    expect(again.ledger.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a truncated file', () => {
    const { file, backup } = closedLedgerWithBackup();
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2 / 4096) * 4096 + 1000);
    expectRefused(file, 'truncated', backup);
  });

  it('refuses a file cut at a page boundary (in-header page count says more)', () => {
    const { file, backup } = closedLedgerWithBackup();
    fs.truncateSync(file, 4096 * 10);
    expectRefused(file, 'truncated', backup);
  });

  it('refuses a garbage header', () => {
    const { file, backup } = closedLedgerWithBackup();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('这不是数据库文件头'.repeat(4)), 0, 100, 0);
    fs.closeSync(fd);
    expectRefused(file, 'not_sqlite', backup);
  });

  it('refuses a damaged page size in an otherwise SQLite header', () => {
    const { file, backup } = closedLedgerWithBackup();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from([0x03, 0x00]), 0, 2, 16);
    fs.closeSync(fd);
    expectRefused(file, 'header_damaged', backup);
  });

  it('refuses a file that is not SQLite at all (a Word document renamed)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(5000, 7)]));
    expectRefused(file, 'not_sqlite', null);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses a SQLite file of another program', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    expectRefused(file, 'not_ledger', null);
    fs.rmSync(dir, { recursive: true });
  });

  it('sets aside a -wal that belongs to another ledger: never applied, kept under another name, the user told', () => {
    const { file } = closedLedgerWithBackup();
    const raw = new Database(file, { readonly: true });
    const items = raw.prepare('SELECT COUNT(*) AS n FROM agenda_items').get();
    raw.close();
    // Another ledger, killed with writes still in its -wal.
    const other = freshAt();
    setupSchool(other);
    const foreign = fs.readFileSync(`${other.file}-wal`);
    fs.writeFileSync(`${file}-wal`, foreign);
    other.dispose();
    const t = openAt(file);
    opened.push(t);
    expect(t.ledger.notices).toHaveLength(1);
    expect(t.ledger.notices![0]).toMatch(/^上次正常关闭以后，台账旁边又出现了一个临时日志文件（-wal）.*已把它改名保存为「ledger\.sqlite-wal\.set-aside-\d{8}-\d{6}」/);
    const aside = fs.readdirSync(path.dirname(file)).filter((f) => f.includes('set-aside'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(file), aside[0]!)).equals(foreign)).toBe(true);
    // The ledger as it was closed: its own items, nothing of the other school.
    expect(t.ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM agenda_items').get()).toEqual(items);
    expect(t.ledger.sqlite.prepare("SELECT COUNT(*) AS n FROM organizations WHERE name <> '青山县第一中学'").get()).toEqual({ n: 0 });
  });

  it('refuses random byte flips that only quick_check notices (ordinary queries still work)', () => {
    const { file, backup } = closedLedgerWithBackup();
    // Flip bytes inside b-tree page headers of data pages (not the file header).
    const buf = fs.readFileSync(file);
    const pages = buf.length / 4096;
    let flipped = 0;
    for (let p = pages - 1; p > 5 && flipped < 3; p--) {
      const off = p * 4096;
      if (buf[off] === 0x0d) {
        buf[off + 5] ^= 0x5a; // cell content area start
        buf[off + 3] ^= 0x01; // cell count
        flipped++;
      }
    }
    fs.writeFileSync(file, buf);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM persons').get()).toEqual({ n: 9 });
    raw.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    // Without the clean-close marker (as after a crash) quick_check is what finds them.
    fs.rmSync(`${file}.clean`);
    expectRefused(file, 'corrupt', backup);
  });

  it('a 0-byte ledger with backups is refused, never treated as a first run', () => {
    const { file, backup } = closedLedgerWithBackup();
    fs.truncateSync(file, 0);
    const e = expectRefused(file, 'empty', backup);
    expect(e.message).toContain('大小为 0');
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a missing ledger with backups is refused, never silently recreated', () => {
    const { file, backup } = closedLedgerWithBackup();
    fs.rmSync(file);
    const e = refusal(file);
    expect(e.damage).toBe('missing');
    expect(e.offer?.file).toBe(backup);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a 0-byte ledger without any backup is a first run', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    fs.writeFileSync(file, '');
    const t = openAt(file);
    opened.push(t);
    expect(t.ok('org.get', {})).toBeNull();
  });

  it('offers no backup when none verifies, and says so', () => {
    const { file, backup } = closedLedgerWithBackup();
    const fd = fs.openSync(backup, 'r+');
    fs.writeSync(fd, Buffer.from('x'), 0, 1, 5000);
    fs.closeSync(fd);
    fs.truncateSync(file, 0);
    const e = refusal(file);
    expect(e.offer).toBeNull();
    expect(e.message).toContain('没有找到核验通过的备份');
  });

  it('refuses a database written by a newer version of the app, unchanged', () => {
    const { file } = closedLedgerWithBackup();
    const db = new Database(file);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 9_999_999_999_999);
    db.close();
    // The newer app closed it with its own marker; this one knows only that it was not its close.
    fs.rmSync(`${file}.clean`);
    const before = sha256Of(file);
    expect(() => openLedger(file, { migrationsFolder: MIGRATIONS })).toThrow(/更新版本的议事台账/);
    expect(sha256Of(file)).toBe(before);
  });
});
