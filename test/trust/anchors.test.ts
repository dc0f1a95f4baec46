// Issue H, classes 3, 4 and 5, tried the way someone who read verify.ts would: forge what the
// file says about itself (its id, a restore time), append a consistently sealed meeting, rewrite
// append-only rows with INSERT OR REPLACE, delete or edit audit rows with another tool, restore
// and go on working. trust.verify (dispatch) and restoreBackup are the public paths.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, defaultBackupDir } from '../../db/trust/backup';
import { restoreBackup } from '../../db/trust/restore';
import { rechainAudit, resealAll } from './attacks';
import { freshAt, openAt, setupSchool, signedMeeting, type Opened } from './fixture';

const opened: Opened[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.dispose()));

function ledger(meetings: number) {
  const t = freshAt();
  opened.push(t);
  const school = setupSchool(t);
  const signed = Array.from({ length: meetings }, (_, i) => signedMeeting(t, school, i + 1));
  return { t, school, signed };
}

/** Another SQLite tool on the same file, its guards dropped first (as a forger would). */
function tool(t: Opened, edit: (db: Database.Database) => void): void {
  const db = new Database(t.file);
  try {
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      for (const trg of ['seals_no_update', 'seals_no_delete', 'seals_no_replace', 'audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace', 'audit_log_chained']) {
        db.exec(`DROP TRIGGER IF EXISTS ${trg}`);
      }
      edit(db);
    })();
  } finally {
    db.close();
  }
}

/** What a forger does to hide the last meeting: its seals gone, its minutes back to draft. */
function cutMeeting(db: Database.Database, meetingId: number): void {
  db.prepare('DELETE FROM seals WHERE meeting_id = ?').run(meetingId);
  db.prepare("UPDATE minutes SET state = 'draft' WHERE meeting_id = ?").run(meetingId);
}

const verify = (t: Opened, anchor?: string) => t.ok('trust.verify', anchor ? { anchor } : {});

describe('H3: anchors come from outside the file and are matched by content', () => {
  it('a vote edited and the whole chain recomputed is caught by the backup even after the ledger id is changed', () => {
    const { t } = ledger(2);
    createBackup(t.ledger);
    expect(verify(t).state).toBe('ok');
    tool(t, (db) => {
      db.prepare('UPDATE agenda_entries SET votes_for = votes_for + 2 WHERE id = (SELECT MIN(id) FROM agenda_entries)').run();
      resealAll(db);
      db.prepare("UPDATE ledger_meta SET value = 'someone-else' WHERE key = 'ledgerId'").run();
    });
    const r = verify(t);
    expect(r.state).toBe('broken');
    expect(r.broken).toMatchObject({ reason: 'anchor_mismatch', position: 82 });
    expect(r.message).toContain('被整体改写过');
  });

  it('a chain cut short is caught by the backup even with a far-future restore time written into the file', () => {
    const { t, signed } = ledger(3);
    createBackup(t.ledger);
    tool(t, (db) => {
      cutMeeting(db, signed[2]!.meetingId);
      db.prepare("INSERT OR REPLACE INTO ledger_meta (key, value) VALUES ('restoredAt', '2999-12-31T00:00:00.000Z'), ('restoredFrom', 'x.sqlite')").run();
    });
    const r = verify(t);
    expect(r.state).toBe('broken');
    expect(r.broken).toMatchObject({ reason: 'truncated', position: 83 });
    expect(r.anchors.every((a) => a.result !== 'superseded')).toBe(true);
  });

  it('a meeting appended and consistently sealed after the newest outside anchor is reported as 未锚定, never as all well', () => {
    const { t, school } = ledger(2);
    createBackup(t.ledger);
    // The fabricated meeting: every record and seal made with the app's own code, chain consistent.
    signedMeeting(t, school, 3);
    const r = verify(t);
    expect(r.ok).toBe(true);
    expect(r.state).toBe('unanchored');
    expect(r.unanchored).toEqual({ from: 83, count: 41, meetings: ['2026年第3次党委会议（2026年1月8日）'] });
    expect(r.message).not.toContain('核验通过');
    expect(r.message).toContain('未锚定');
    // Once a backup (the shell takes one after every signing) vouches for it, it is anchored.
    t.setNow('2026-03-26T10:00:00');
    createBackup(t.ledger);
    expect(verify(t).state).toBe('ok');
  });

  it('a forged seal appended after the anchored head, and a typed code beyond the chain, are not taken as all well', () => {
    const { t, signed } = ledger(2);
    createBackup(t.ledger);
    const r = verify(t, `${Number(signed[1]!.anchor!.split('-')[0]) + 5}-${'a'.repeat(12)}`);
    expect(r.broken).toMatchObject({ reason: 'truncated' });
  });
});

describe('H4: a restore is told apart from a rewrite', () => {
  it('restore an older backup, sign the next meeting, verify: no false alarm, and the restore is named', () => {
    const { t, school } = ledger(1);
    const older = createBackup(t.ledger);
    t.setNow('2026-03-27T09:00:00');
    signedMeeting(t, school, 2);
    signedMeeting(t, school, 3);
    t.setNow('2026-03-27T10:00:00');
    createBackup(t.ledger); // anchors 3 meetings: ahead of what the restore brings back
    t.close();
    restoreBackup(t.file, older.path, { now: new Date('2026-03-28T09:00:00') });
    const again = openAt(t.file, '2026-03-29T09:00:00');
    opened.push(again);
    // More work after the restore, on the same positions the old timeline had used.
    const same = { ...school, matter: (code: string) => again.ok('matters.list', { orgId: school.orgId }).find((m) => m.code === code)!.id };
    signedMeeting(again, same, 4);
    signedMeeting(again, same, 5);
    let r = verify(again);
    expect(r.state).toBe('unanchored'); // the two new meetings have no backup yet
    expect(r.broken).toBeNull();
    expect(r.restores).toEqual([{ at: '2026-03-28T09:00:00.000Z', from: older.file }]);
    expect(r.anchors.filter((a) => a.result === 'superseded').length).toBeGreaterThanOrEqual(2);
    again.setNow('2026-03-29T10:00:00');
    createBackup(again.ledger);
    r = verify(again);
    expect(r.state).toBe('ok');
    // Recorded in the chain (a restore seal) and outside (a record beside the backups).
    expect(again.ledger.sqlite.prepare("SELECT COUNT(*) AS n FROM seals WHERE kind = 'restore'").get()).toEqual({ n: 1 });
    expect(fs.readdirSync(defaultBackupDir(t.file)).filter((f) => f.startsWith('恢复记录-'))).toHaveLength(1);
  });

  it('a restore seal forged inside the file, without the record outside, excuses nothing', () => {
    const { t, signed } = ledger(3);
    createBackup(t.ledger);
    tool(t, (db) => {
      cutMeeting(db, signed[2]!.meetingId);
      db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('pendingRestore', ?)").run(JSON.stringify({ nonce: 'f'.repeat(32), at: '2999-01-01T00:00:00.000Z', from: 'x.sqlite', savedAs: null }));
    });
    t.close();
    const again = openAt(t.file);
    opened.push(again);
    const r = verify(again);
    expect(r.broken).toMatchObject({ reason: 'truncated' });
  });

  it('a restore record written by hand beside the backups, without its seal in the file, excuses nothing', () => {
    const { t, signed } = ledger(3);
    const b = createBackup(t.ledger);
    tool(t, (db) => {
      cutMeeting(db, signed[2]!.meetingId);
    });
    const head = t.ledger.sqlite.prepare('SELECT COUNT(*) AS count, (SELECT hash FROM seals ORDER BY id DESC LIMIT 1) AS hash FROM seals').get();
    fs.writeFileSync(
      path.join(defaultBackupDir(t.file), '恢复记录-29990101-000000-ffffff.json'),
      JSON.stringify({ format: 'yishi-ledger-restore', version: 1, at: '2999-01-01T00:00:00.000Z', nonce: 'f'.repeat(32), from: b.file, head, audit: null }),
    );
    expect(verify(t).broken).toMatchObject({ reason: 'truncated' });
  });
});

describe('H5: the audit log and seals are append-only, and verify checks the audit log', () => {
  it('INSERT OR REPLACE, REPLACE INTO, upserts and UPDATE OR REPLACE are all refused, in Chinese, changing nothing', () => {
    const { t } = ledger(1);
    const db = t.ledger.sqlite;
    const audit = db.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    const seal = db.prepare('SELECT * FROM seals ORDER BY id LIMIT 1').get() as Record<string, unknown>;
    const before = [db.prepare('SELECT * FROM audit_log ORDER BY id').all(), db.prepare('SELECT * FROM seals ORDER BY id').all()];
    const attempts: [string, unknown[], RegExp][] = [
      ['INSERT OR REPLACE INTO audit_log (id, at, operator, channel, summary, hash) VALUES (?, ?, ?, ?, ?, ?)', [audit.id, audit.at, '别人', audit.channel, '{}', audit.hash], /操作记录只能追加/],
      ['REPLACE INTO audit_log (id, at, operator, channel, summary, hash) VALUES (?, ?, ?, ?, ?, ?)', [audit.id, audit.at, '别人', audit.channel, '{}', audit.hash], /操作记录只能追加/],
      ["INSERT INTO audit_log (id, at, operator, channel, summary, hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET operator = '别人'", [audit.id, audit.at, 'x', audit.channel, '{}', audit.hash], /操作记录只能追加/],
      ["INSERT INTO audit_log (at, operator, channel, summary) VALUES ('2026-01-01', '别人', 'items.create', '{}')", [], /操作记录须带校验值/],
      ['INSERT OR REPLACE INTO seals (kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [seal.kind, seal.ref_id, seal.meeting_id, 'x', 'x', 'x', 'x', 'x'], /存证记录只能追加/],
      ['INSERT OR REPLACE INTO seals (id, kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [seal.id, 'ballot', 999999, 1, 'x', 'x', 'x', 'x', 'x'], /存证记录只能追加/],
      ["UPDATE OR REPLACE seals SET hash = 'x' WHERE id = ?", [seal.id], /存证记录只能追加/],
      ['DELETE FROM audit_log WHERE id = ?', [audit.id], /操作记录只能追加/],
    ];
    for (const [sql, params, message] of attempts) expect(() => db.prepare(sql).run(...params), sql).toThrow(message);
    expect([db.prepare('SELECT * FROM audit_log ORDER BY id').all(), db.prepare('SELECT * FROM seals ORDER BY id').all()]).toEqual(before);
  });

  it('an audit row deleted in the middle with another tool is found and named', () => {
    const { t } = ledger(1);
    const id = (t.ledger.sqlite.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 5').get() as { id: number }).id;
    tool(t, (db) => db.prepare('DELETE FROM audit_log WHERE id = ?').run(id));
    const r = verify(t);
    expect(r.broken).toMatchObject({ reason: 'audit_broken', kind: 'audit' });
    expect(r.message).toContain(`操作记录第${id}条被删除了`);
  });

  it('an audit row edited with another tool is found and named', () => {
    const { t } = ledger(1);
    const id = (t.ledger.sqlite.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 7').get() as { id: number }).id;
    tool(t, (db) => db.prepare("UPDATE audit_log SET operator = '别人' WHERE id = ?").run(id));
    const r = verify(t);
    expect(r.broken).toMatchObject({ reason: 'audit_broken', refId: id });
    expect(r.message).toContain(`操作记录第${id}条`);
    expect(r.message).toContain('被改动过');
  });

  it('audit rows cut from the end, or the whole log rewritten and rechained, are caught by the backup', () => {
    const { t } = ledger(1);
    createBackup(t.ledger);
    const head = (t.ledger.sqlite.prepare('SELECT MAX(id) AS id FROM audit_log').get() as { id: number }).id;
    tool(t, (db) => db.prepare('DELETE FROM audit_log WHERE id > ?').run(head - 3));
    expect(verify(t).broken).toMatchObject({ reason: 'truncated', kind: 'audit' });

    const { t: t2 } = ledger(1);
    createBackup(t2.ledger);
    tool(t2, (db) => {
      db.prepare("UPDATE audit_log SET operator = '别人' WHERE id = 3").run();
      rechainAudit(db);
    });
    expect(verify(t2).broken).toMatchObject({ reason: 'anchor_mismatch', kind: 'audit' });
  });
});
