// Backups and restore (db/trust/backup.ts, restore.ts) through the channels and the core
// functions the shell calls.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { APP_VERSION, backupIfChanged, createBackup, listBackups, manifestPath, readManifest, rotateBackups } from '../../db/trust/backup';
import { DamagedLedger, inspectLedgerFile } from '../../db/trust/guards';
import { restoreBackup } from '../../db/trust/restore';
import { bundleScript } from './crash';
import { freshAt, MIGRATIONS, openAt, ROOT, setupSchool, sha256Of, signedMeeting, tempDir, type Opened } from './fixture';

const opened: Opened[] = [];
const dirs: string[] = [];
afterEach(() => {
  opened.splice(0).forEach((o) => o.dispose());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function ledgerWithMeetings(n = 2) {
  const t = freshAt();
  opened.push(t);
  const school = setupSchool(t);
  const meetings = Array.from({ length: n }, (_, i) => signedMeeting(t, school, i + 1));
  return { t, school, meetings };
}

const meetingCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM meetings').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backup.create', () => {
  it('writes a checked, single-file copy and a manifest (time, version, meetings, sha256, chain head) to the data folder', () => {
    const { t } = ledgerWithMeetings();
    const steps: number[] = [];
    const b = createBackup(t.ledger, { onProgress: (p) => p.phase === 'copy' && steps.push(p.done / p.total) });
    expect(path.dirname(b.path)).toBe(path.join(t.dir, 'backups'));
    expect(path.basename(b.path)).toBe('议事台账备份-20260326-090000.sqlite');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[steps.length - 1]).toBe(1);
    const m = readManifest(b.path)!;
    const anchor = t.ok('trust.anchor', {});
    expect(m).toMatchObject({ format: 'yishi-ledger-backup', at: '2026-03-26T09:00:00.000Z', appVersion: APP_VERSION, meetings: 2, signedMinutes: 2, integrity: 'ok', reason: 'manual' });
    expect(m.sha256).toBe(sha256Of(b.path));
    expect(m.bytes).toBe(fs.statSync(b.path).size);
    expect(m.chain?.short).toBe(anchor.short);
    const db = new Database(b.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(fs.readdirSync(path.dirname(b.path)).sort()).toEqual(['议事台账备份-20260326-090000.json', '议事台账备份-20260326-090000.sqlite']);
  });

  it('backs up to a chosen folder through the channel; a missing folder is refused in Chinese and nothing is written', () => {
    const { t } = ledgerWithMeetings(1);
    const chosen = tempDir();
    dirs.push(chosen);
    const b = t.ok('backup.create', { folder: chosen });
    expect(path.dirname(b.path)).toBe(chosen);
    expect(t.ok('backup.list', { folder: chosen }).backups.map((x) => x.file)).toEqual([b.file]);
    const before = t.snapshot();
    const r = t.call('backup.create', { folder: path.join(chosen, '不存在的U盘') });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', field: 'folder' } });
    expect(!r.ok && r.error.message).toContain('找不到备份文件夹');
    expect(t.call('backup.create', { folder: 'backups' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'folder' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('the automatic backup is skipped while nothing changed since the newest one, and taken after any write', () => {
    const { t, school } = ledgerWithMeetings(1);
    const first = backupIfChanged(t.ledger);
    expect(first?.reason).toBe('auto');
    expect(first?.auditHead).toBeGreaterThan(0);
    // Ten more starts on later days, someone signing in each time but nothing else written: no
    // new copies evict older ones (signing in is audited, but changes none of the records).
    for (let day = 1; day <= 10; day++) {
      t.setNow(`2026-04-${String(day).padStart(2, '0')}T09:00:00`);
      expect(backupIfChanged(t.ledger)).toBeNull();
      t.ok('session.signIn', { personId: school.person('吴秘书') });
    }
    // One command later (its audit row moves the head), the next start backs up again.
    t.ok('items.create', { orgId: school.orgId, title: '关于新学期课后服务的议题', matterId: school.matter('D3'), proposerId: school.person('陈志强') });
    const second = backupIfChanged(t.ledger);
    expect(second?.auditHead).toBeGreaterThan(first!.auditHead!);
    expect(listBackups(path.join(t.dir, 'backups')).map((b) => b.file)).toEqual([second!.file, first!.file]);
    // A newest backup whose file is gone does not count as holding the ledger.
    fs.rmSync(second!.path);
    expect(backupIfChanged(t.ledger)?.auditHead).toBe(second!.auditHead);
  });

  it('a ledger nobody has written to is not backed up automatically', () => {
    const t = freshAt();
    opened.push(t);
    expect(backupIfChanged(t.ledger)).toBeNull();
    expect(listBackups(path.join(t.dir, 'backups'))).toEqual([]);
  });

  it('lists finished backups newest first and never an unfinished one (no manifest)', () => {
    const { t } = ledgerWithMeetings(1);
    t.ok('backup.create', {});
    t.setNow('2026-03-27T10:00:00');
    t.ok('backup.create', {});
    fs.writeFileSync(path.join(t.dir, 'backups', '议事台账备份-20260328-000000.sqlite'), 'half');
    const list = t.ok('backup.list', {}).backups;
    expect(list.map((b) => b.file)).toEqual(['议事台账备份-20260327-100000.sqlite', '议事台账备份-20260326-090000.sqlite']);
    expect(list.every((b) => b.present)).toBe(true);
  });

  it('rotation keeps the newest 10 and one per day for 30 days', () => {
    const { t } = ledgerWithMeetings(1);
    // Two backups a day for 36 days.
    for (let d = 0; d < 36; d++) {
      for (const hour of ['09', '17']) {
        t.setNow(`${new Date(Date.UTC(2026, 3, 1 + d)).toISOString().slice(0, 10)}T${hour}:00:00`);
        createBackup(t.ledger, { rotate: false });
      }
    }
    const dir = path.join(t.dir, 'backups');
    expect(listBackups(dir)).toHaveLength(72);
    const removed = rotateBackups(dir, t.ledger.now(), listBackups(dir)[0]!.ledgerId);
    const left = listBackups(dir).map((b) => b.file);
    // Newest 10 = the last 5 days, both backups; then the 17:00 one of each earlier day within 30 days.
    const days = (b: string) => b.slice(7, 15);
    expect(left.slice(0, 10).map(days)).toEqual(['20260506', '20260506', '20260505', '20260505', '20260504', '20260504', '20260503', '20260503', '20260502', '20260502']);
    expect(left.slice(10).every((f) => f.endsWith('-170000.sqlite'))).toBe(true);
    expect(new Set(left.map(days)).size).toBe(31);
    expect(left).toHaveLength(10 + 26);
    expect(removed).toHaveLength(72 - 36);
    for (const f of removed) expect(fs.existsSync(path.join(dir, f)) || fs.existsSync(manifestPath(path.join(dir, f)))).toBe(false);
  });
});

describe('backup.preview and backup.restore', () => {
  it('previews which meetings a backup holds and its date, read from a copy', () => {
    const { t } = ledgerWithMeetings(2);
    const b = t.ok('backup.create', {});
    const before = sha256Of(b.path);
    const p = t.ok('backup.preview', { file: b.path });
    expect(p.ok).toBe(true);
    expect(p.manifest?.at).toBe('2026-03-26T09:00:00.000Z');
    expect(p.counts.meetings).toBe(2);
    expect(p.meetings.map((m) => [m.title, m.minutesSigned])).toEqual([
      ['2026年第2次党委会议', true],
      ['2026年第1次党委会议', true],
    ]);
    expect(p.chain).toMatchObject({ ok: true, sealed: 82 });
    expect(sha256Of(b.path)).toBe(before);
    expect(fs.existsSync(`${b.path}-wal`)).toBe(false);
  });

  it('refuses to restore a backup that fails quick_check, the manifest sha256, or the seal chain', () => {
    const { t } = ledgerWithMeetings(2);
    const flipped = t.ok('backup.create', {});
    const buf = fs.readFileSync(flipped.path);
    for (let off = 4096; off < buf.length; off += 4096) if (buf[off] === 0x0d) buf[off + 3] ^= 0x07;
    fs.writeFileSync(flipped.path, buf);
    const r1 = t.call('backup.restore', { file: flipped.path });
    expect(r1).toMatchObject({ ok: false, error: { code: 'conflict', field: 'file' } });
    expect(!r1.ok && r1.error.message).toContain('备份文件与它的说明文件对不上');

    // A sealed vote edited inside the backup, with the manifest's sha256 made to match: only the chain sees it.
    t.setNow('2026-03-26T10:00:00');
    const edited = t.ok('backup.create', {});
    const db = new Database(edited.path);
    db.exec('DROP TRIGGER seals_no_update');
    db.prepare("UPDATE statements SET position = '不同意' WHERE id = (SELECT MIN(id) FROM statements)").run();
    db.close();
    const m = readManifest(edited.path)!;
    fs.writeFileSync(manifestPath(edited.path), JSON.stringify({ ...m, sha256: sha256Of(edited.path), bytes: fs.statSync(edited.path).size }));
    const r2 = t.call('backup.restore', { file: edited.path });
    expect(!r2.ok && r2.error.message).toContain('存证核验未通过');
    const p2 = t.ok('backup.preview', { file: edited.path });
    expect(p2.problems.join('')).toContain('发言表态');

    expect(t.call('backup.preview', { file: path.join(t.dir, 'nothing.sqlite') })).toMatchObject({ ok: true, value: { ok: false, problems: ['备份文件不存在或无法读取。'] } });
  });

  it('restores through the shell steps; the current file is saved first and the restore can be undone', () => {
    const { t, school } = ledgerWithMeetings(1);
    const b = t.ok('backup.create', {});
    t.setNow('2026-03-27T09:00:00');
    signedMeeting(t, school, 2);
    const answer = t.ok('backup.restore', { file: b.path });
    expect(answer).toMatchObject({ next: 'close-and-restore', ledgerFile: t.file, file: b.path, sameLedger: true });
    expect(answer.message).toMatch(/[\u4e00-\u9fff]/);
    // The shell: close, restore, reopen.
    t.close();
    const phases: string[] = [];
    const result = restoreBackup(t.file, b.path, { now: new Date('2026-03-27T10:00:00'), onProgress: (p) => phases.push(p.phase) });
    expect(phases).toEqual(['verify', 'save', 'copy', 'swap', 'done']);
    expect(result.savedRaw).toBe(false);
    const again = openAt(t.file, '2026-03-27T10:00:00');
    expect(again.snapshot().meetings).toBe(1);
    const verified = again.ok('trust.verify', {});
    expect(verified.ok).toBe(true);
    // The pre-restore save is a listed, verified backup holding the 2nd meeting; its newer anchor is not a false alarm.
    const saved = again.ok('backup.list', {}).backups.find((x) => x.reason === 'before-restore')!;
    expect(saved.path).toBe(result.savedAs);
    expect(saved.meetings).toBe(2);
    // The restore record and the restored backup match; the pre-restore save belongs to the timeline the restore left.
    expect(verified.anchors.map((a) => a.result).sort()).toEqual(['match', 'match', 'superseded']);
    expect(verified).toMatchObject({ state: 'ok', restores: [{ at: '2026-03-27T10:00:00.000Z', from: path.basename(b.path) }] });
    // Undo.
    again.close();
    restoreBackup(t.file, saved.path, { now: new Date('2026-03-27T11:00:00') });
    const undone = openAt(t.file, '2026-03-27T11:00:00');
    opened.push(undone);
    expect(undone.snapshot().meetings).toBe(2);
    expect(undone.ok('trust.verify', {}).ok).toBe(true);
  });

  it('a damaged ledger refused at startup is restored from the offered backup; the damaged bytes are kept aside', () => {
    const { t } = ledgerWithMeetings(1);
    createBackup(t.ledger);
    t.close();
    fs.truncateSync(t.file, 4096 * 3 + 17);
    const damagedSha = sha256Of(t.file);
    let offer: DamagedLedger['offer'] = null;
    try {
      openLedger(t.file, { migrationsFolder: MIGRATIONS });
    } catch (e) {
      offer = (e as DamagedLedger).offer;
    }
    expect(offer).not.toBeNull();
    const result = restoreBackup(t.file, offer!.file);
    expect(result.savedRaw).toBe(true);
    expect(sha256Of(result.savedAs!)).toBe(damagedSha);
    const again = openAt(t.file);
    opened.push(again);
    expect(again.snapshot().meetings).toBe(1);
  });

  it('a restore killed at any step leaves the old or the new ledger, never a broken one', async () => {
    const { t, school } = ledgerWithMeetings(1);
    const b = createBackup(t.ledger);
    t.setNow('2026-03-27T09:00:00');
    signedMeeting(t, school, 2);
    t.close();
    const child = bundleScript(path.join(ROOT, 'test/trust/restore-child.ts'), 'restore-child');
    const seen = new Set<number>();
    for (const stopAt of ['verify', 'save', 'copy', 'swap', 'done', 'random', 'random', 'random']) {
      const work = tempDir();
      dirs.push(work);
      const file = path.join(work, 'ledger.sqlite');
      fs.copyFileSync(t.file, file);
      const delay = stopAt === 'random' ? Math.floor(Math.random() * 150) : null;
      await killDuring(child, [file, b.path, stopAt], delay);
      const state = inspectLedgerFile(file, { backupDirs: [] });
      expect(state.state).toBe('ok');
      const n = meetingCount(file);
      expect([1, 2]).toContain(n);
      seen.add(n);
    }
    expect(seen).toEqual(new Set([1, 2]));
    // A later restore clears what a killed one left behind.
    const work = dirs[dirs.length - 1]!;
    restoreBackup(path.join(work, 'ledger.sqlite'), b.path);
    expect(fs.readdirSync(work).filter((f) => f.includes('.restore-'))).toEqual([]);
  }, 120_000);
});

function killDuring(bundle: string, args: string[], delayMs: number | null): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (delayMs === null && out.includes(`phase ${args[2]}\n`)) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(out));
  });
}
