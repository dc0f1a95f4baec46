// The clean-close marker (db/trust/clean.ts) lets a start skip quick_check, and only for the exact
// bytes that passed it: issue E's "damaged files are refused before the UI unlocks" must survive.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { createBackup } from '../../db/trust/backup';
import { markerPath, RECHECK_AFTER_MS, validMarker } from '../../db/trust/clean';
import { DamagedLedger, inspectLedgerFile } from '../../db/trust/guards';
import { freshAt, MIGRATIONS, openAt, setupSchool, sha256Of, tempDir, type Opened } from './fixture';

const opened: Opened[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.dispose()));

function closedLedger(): Opened {
  const t = freshAt();
  opened.push(t);
  const school = setupSchool(t);
  createBackup(t.ledger);
  for (let i = 0; i < 150; i++) t.ok('items.create', { orgId: school.orgId, title: `议题${i}`, summary: '内容'.repeat(200), matterId: school.matter('D3'), proposerId: school.person('陈志强') });
  t.close();
  return t;
}

const checkOf = (file: string) => {
  const s = inspectLedgerFile(file, { backupDirs: [] });
  return s.state === 'ok' ? s.check : s.state;
};

/** Flip bytes in the headers of table-leaf pages: ordinary queries still work, quick_check fails. */
function flipLeafPages(file: string, at = fs.readFileSync(file)): Buffer {
  const buf = Buffer.from(at);
  let flipped = 0;
  for (let p = buf.length / 4096 - 1; p > 5 && flipped < 3; p--) {
    if (buf[p * 4096] === 0x0d) {
      buf[p * 4096 + 5] ^= 0x5a;
      buf[p * 4096 + 3] ^= 0x01;
      flipped++;
    }
  }
  expect(flipped).toBe(3);
  return buf;
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

describe('clean-close marker (E, startup check)', () => {
  it('a clean close vouches for the file; opening clears the vouch until the next clean close', () => {
    const t = closedLedger();
    expect(fs.existsSync(markerPath(t.file))).toBe(true);
    expect(checkOf(t.file)).toBe('clean_close');
    const again = openAt(t.file);
    // Killed from here on, the next start finds no marker and runs quick_check.
    expect(fs.existsSync(markerPath(t.file))).toBe(false);
    again.ok('items.create', { orgId: (again.ok('org.get', {}) as { org: { id: number } }).org.id, title: '再开一次', matterId: 1, proposerId: 1 });
    again.close();
    expect(checkOf(t.file)).toBe('clean_close');
  });

  it('E: random byte flips written after a clean close are refused at startup, even with the mtime set back', () => {
    const t = closedLedger();
    expect(checkOf(t.file)).toBe('clean_close');
    const { atime, mtime } = fs.statSync(t.file);
    fs.writeFileSync(t.file, flipLeafPages(t.file));
    fs.utimesSync(t.file, atime, mtime);
    const before = sha256Of(t.file);
    const e = refusal(t.file);
    expect(e.damage).toBe('corrupt');
    expect(sha256Of(t.file)).toBe(before);
    expect(fs.existsSync(`${t.file}-wal`)).toBe(false);
  });

  it('E: the timestamps vouch only for their own file: a copy, or the same bytes written back, is hashed in full', () => {
    const t = closedLedger();
    const dir = tempDir();
    const copy = path.join(dir, 'ledger.sqlite');
    fs.copyFileSync(t.file, copy);
    fs.copyFileSync(markerPath(t.file), markerPath(copy));
    // Not the marker's file: the whole copy is hashed, and only the very same bytes pass.
    expect(checkOf(copy)).toBe('same_bytes');
    // Same bytes written back in place (as a sync tool would): ctime moved, so hashed again.
    fs.writeFileSync(t.file, fs.readFileSync(t.file));
    expect(checkOf(t.file)).toBe('same_bytes');
    // Without the marker, there is nothing to compare with: quick_check.
    fs.rmSync(markerPath(copy));
    expect(checkOf(copy)).toBe('quick_check');
    fs.rmSync(dir, { recursive: true });
  });

  it('a marker is void after 7 days, with a -wal holding frames, or when the clock went backwards', () => {
    const t = closedLedger();
    expect(validMarker(t.file)).not.toBeNull();
    expect(validMarker(t.file, Date.now() + RECHECK_AFTER_MS + 60_000)).toBeNull();
    expect(validMarker(t.file, Date.now() - 3_600_000)).toBeNull();
    fs.writeFileSync(`${t.file}-wal`, Buffer.alloc(64, 1));
    expect(validMarker(t.file)).toBeNull();
    fs.rmSync(`${t.file}-wal`);
    fs.writeFileSync(`${t.file}-journal`, '');
    expect(validMarker(t.file)).toBeNull();
  });

  it('E: close writes no marker for bytes that fail quick_check, so the next start refuses them', () => {
    const t = freshAt();
    opened.push(t);
    const school = setupSchool(t);
    for (let i = 0; i < 150; i++) t.ok('items.create', { orgId: school.orgId, title: `议题${i}`, summary: '内容'.repeat(200), matterId: school.matter('D3'), proposerId: school.person('陈志强') });
    t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The disk goes bad under a running app.
    fs.writeFileSync(t.file, flipLeafPages(t.file));
    t.close();
    expect(fs.existsSync(markerPath(t.file))).toBe(false);
    expect(refusal(t.file).damage).toBe('corrupt');
  });

  it('the in-place check of a healthy file without a marker leaves the folder as it found it', () => {
    const t = closedLedger();
    fs.rmSync(markerPath(t.file));
    const before = fs.readdirSync(t.dir).sort();
    const hash = sha256Of(t.file);
    expect(checkOf(t.file)).toBe('quick_check');
    expect(fs.readdirSync(t.dir).sort()).toEqual(before);
    expect(sha256Of(t.file)).toBe(hash);
  });
});
