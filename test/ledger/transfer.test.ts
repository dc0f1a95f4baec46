// 拆分台账 (issue J1, files): one organisation of a 集团 ledger written into a new ledger file.
// Real files, real dispatch: a 集团党委 and two campuses, signed meetings in the 集团 and in a
// campus, the 集团书记 seated in the campus committee, a 集团 decision handed to both campuses.
// Checked the way an outsider would try to break it: the source's bytes (and its -wal), the new
// file through the app's own open path and verify, its counts against the source's, refusals
// that change nothing, and tampering with the new file after the split.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api';
import { splitClosedFile } from '../../db/transfer/split';
import { verifyLedgerInSteps } from '../../db/trust/handlers';
import { isIndexTable, MERGE_SKIP, NOT_REFS, shiftJson, shiftRules, SPLIT_CLEAR, SPLIT_KEEP_WHOLE, SPLIT_REMOVE } from '../../db/trust/tables';
import { MERGE_TABLES } from '../../db/transfer/merge';
import { decidedMeeting } from '../support/decided';
import { DEMO_SCHOOL, schoolIn } from '../support/school';
import { openAt, type Opened, sha256Of, signedMeeting, tempDir } from '../trust/fixture';

const GROUP = '青山县第一中学教育集团';
const EAST = '青山县第一中学东校区';
const WEST = '青山县第一中学西校区';


const opened: Opened[] = [];

/**
 * An outsider's edit of a copy of the split file `target` (with a SQL tool, the append-only
 * triggers dropped), then verify as the app runs it on opening that copy.
 */
function attackOn(target: string) {
  const pristine = fs.readFileSync(target);
  return (name: string, edit: (db: Database.Database) => void) => {
    const file = path.join(path.dirname(target), `${name}.sqlite`);
    fs.writeFileSync(file, pristine);
    const db = new Database(file);
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS meeting_roster_no_delete;');
    edit(db);
    db.close();
    const o = openAt(file, '2026-04-01T09:00:00');
    opened.push(o);
    return o.ok('trust.verify', {});
  };
}
afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
});

/** A 集团 file: the group and two campuses, signed meetings in the group and in the east campus. */
function groupFile() {
  const t = openAt(path.join(tempDir(), '集团台账.sqlite'));
  opened.push(t);
  const { orgId: groupId } = t.ok('org.setup', { ...DEMO_SCHOOL, name: GROUP });
  const eastId = t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name: EAST, partyKind: '党支部', parentId: groupId }).orgId;
  const westId = t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name: WEST, partyKind: '党支部', parentId: groupId }).orgId;
  const g = schoolIn(t, groupId);
  const groupSigned = signedMeeting(t, g, 1);
  const { decided } = decidedMeeting(t, g, { startsAt: '2026-03-10T15:00', topics: [{ title: '关于集团各校区开展安全隐患排查的议题', matter: 'D3', text: '各校区4月底前完成排查。' }] });
  t.ok('group.assign', { decisionId: decided[0]!.decisionId, task: '完成本校区安全隐患排查', campuses: [eastId, westId].map((campusId) => ({ campusId, ownerDept: '办公室', deadline: '2026-04-30' })) });
  const secretary = g.person('王建国');
  const east = schoolIn(t, eastId);
  t.ok('memberships.add', { bodyId: east.body('party_committee'), personId: secretary, voting: false, startDate: '2026-01-01' });
  const eastSigned = [signedMeeting(t, east, 2), signedMeeting(t, east, 3)];
  const west = schoolIn(t, westId);
  signedMeeting(t, west, 4);
  t.ledger.orgId = null;
  return { t, groupId, eastId, westId, groupSigned, eastSigned };
}

function sidesOf(file: string): Record<string, string | null> {
  return Object.fromEntries(['', '-wal'].map((s) => [s || 'main', fs.existsSync(file + s) ? sha256Of(file + s) : null]));
}

describe('拆分台账', () => {
  it('writes one campus into a new file that opens normally, verifies, and holds exactly the campus’s records; the source is not changed by a byte', () => {
    const { t, eastId, eastSigned } = groupFile();
    const preview = t.ok('orgs.splitPreview', { orgId: eastId });
    expect(preview.orgName).toBe(EAST);
    const want = Object.fromEntries(preview.counts.map((c) => [c.kind, c.count]));
    expect(want).toMatchObject({ meetings: 2, minutes: 2, persons: 9 });
    expect(want.sealed).toBeGreaterThan(0);
    expect(preview.notes.join('')).toContain('集团交办给本组织的1项督办事项');

    const before = sidesOf(t.file);
    expect(before['-wal']).not.toBeNull();
    const target = path.join(t.dir, '东校区台账.sqlite');
    const done = t.ok('orgs.split', { orgId: eastId, file: target });
    expect(sidesOf(t.file)).toEqual(before);
    expect(done.message).toContain('原台账没有改动');
    expect(done.guests).toBe(1); // the 集团书记, seated in the campus committee

    // Opened through the app's own open path (guards, migrations), verified with its own handler.
    const split = openAt(target, '2026-04-01T09:00:00');
    opened.push(split);
    const report = split.ok('trust.verify', {});
    expect(report.ok).toBe(true);
    expect(report.broken).toBeNull();
    expect(report.meetings).toBe(2);
    expect(report.movedOut).toMatchObject({ meetings: 2 }); // the group's signed meeting and the west campus's
    expect(report.message).toContain('随拆分移出');
    // The codes printed on the campus's minutes still verify against the new file.
    for (const m of eastSigned) {
      const r = split.ok('trust.verify', { anchor: m.anchor! });
      expect(r.anchors[0]).toMatchObject({ source: '会议纪要上印的存证码', result: 'match' });
    }
    // Exactly the campus: one organisation, no parent, the same counts as the preview promised.
    expect(split.ok('orgs.list', {}).orgs.map((o) => [o.name, o.parentName])).toEqual([[EAST, null]]);
    const got = Object.fromEntries(done.counts.map((c) => [c.kind, c.count]));
    expect(got).toEqual({ ...want, persons: want.persons! + 1 });
    const db = split.ledger.sqlite;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(count('SELECT COUNT(*) FROM meetings')).toBe(want.meetings);
    expect(count('SELECT COUNT(*) FROM agenda_items')).toBe(want.items);
    expect(count('SELECT COUNT(*) FROM decisions')).toBe(want.decisions);
    expect(count('SELECT COUNT(*) FROM follow_ups')).toBe(want.followUps);
    expect(count("SELECT COUNT(*) FROM persons WHERE name = '王建国'")).toBe(2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // No row of the other organisations' records, and no leftover bytes of them (the copy was
    // vacuumed): what of them remains is in the 操作日志, kept whole as evidence (docs/group.md).
    expect(count("SELECT COUNT(*) FROM organizations WHERE name <> '青山县第一中学东校区'")).toBe(0);
    const bytes = fs.readFileSync(target);
    const logged = (db.prepare('SELECT summary FROM audit_log').pluck().all() as string[]).join('\n');
    // Recusals of the 集团's (1st) and the west campus's (4th) meetings, written without an audit row.
    for (const text of ['近亲属参与投标（第1次）', '近亲属参与投标（第4次）']) {
      expect(logged.includes(text)).toBe(false);
      expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    }
    expect(bytes.includes(Buffer.from('近亲属参与投标（第2次）'))).toBe(true);
    // A new ledger, which says where it came from.
    const id = (d: Database.Database) => d.prepare("SELECT value FROM ledger_meta WHERE key = 'ledgerId'").pluck().get();
    expect(id(db)).not.toBe(id(t.ledger.sqlite));
    // The new file works: a new item in the campus.
    const east = schoolIn(split, eastId);
    split.ok('items.create', { orgId: eastId, title: '拆分后的第一个议题', matterId: east.matter('D1'), proposerId: east.person('陈志强') });
  });

  it('splits the 集团党委 itself (without its campuses): the follow-ups it handed to campuses stay behind, and the file verifies', () => {
    const { t, groupId } = groupFile();
    const target = path.join(t.dir, '集团本级.sqlite');
    const done = t.ok('orgs.split', { orgId: groupId, file: target });
    expect(done.verify.state).not.toBe('broken');
    const split = openAt(target, '2026-04-01T09:00:00');
    opened.push(split);
    expect(split.ok('trust.verify', {}).ok).toBe(true);
    expect(split.ledger.sqlite.prepare('SELECT COUNT(*) FROM follow_ups WHERE org_id IS NOT NULL').pluck().get()).toBe(0);
    expect(split.ok('orgs.list', {}).orgs.map((o) => o.name)).toEqual([GROUP]);
  });

  it('reads a closed source opened read-only, and leaves its bytes as they were', () => {
    const { t, westId } = groupFile();
    t.close();
    const before = sidesOf(t.file);
    const target = path.join(t.dir, '西校区.sqlite');
    const done = splitClosedFile(t.file, westId, target, { now: () => new Date('2026-04-01T09:00:00Z'), operator: '测试秘书' });
    expect(done.verify.state).not.toBe('broken');
    expect(sidesOf(t.file)).toEqual(before);
    expect(fs.existsSync(`${t.file}-shm`)).toBe(false);
    const split = openAt(target);
    opened.push(split);
    expect(split.ok('trust.verify', {}).ok).toBe(true);
  });

  it('refuses, in Chinese and changing nothing: an existing file, the ledger itself, another file type, an organisation out of reach, a file of one organisation', () => {
    const { t, eastId, westId } = groupFile();
    const before = sidesOf(t.file);
    const existing = path.join(t.dir, '已有.sqlite');
    fs.writeFileSync(existing, 'x');
    const refused = (input: { orgId: number; file: string }) => {
      const r = t.call('orgs.split', input);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(refused({ orgId: eastId, file: existing })).toContain('已有同名文件');
    expect(fs.readFileSync(existing, 'utf8')).toBe('x');
    expect(refused({ orgId: eastId, file: t.file })).toContain('当前台账文件本身');
    expect(refused({ orgId: eastId, file: path.join(t.dir, '东校区.xlsx') })).toContain('.sqlite');
    expect(refused({ orgId: eastId, file: path.join(t.dir, '没有这个文件夹', '东校区.sqlite') })).toContain('找不到所选的文件夹');
    expect(refused({ orgId: 999, file: path.join(t.dir, 'a.sqlite') })).toContain('不存在');
    // Working in the west campus, the east is out of reach.
    t.ok('orgs.use', { orgId: westId });
    expect(refused({ orgId: eastId, file: path.join(t.dir, 'b.sqlite') })).toContain('不属于当前组织');
    t.ledger.orgId = null;
    // An operator limited to one campus does no file-level act, not even for that campus.
    t.ok('operators.limit', { name: '东校区秘书', orgIds: [eastId] });
    t.ledger.operator = '东校区秘书';
    expect(refused({ orgId: eastId, file: path.join(t.dir, 'c.sqlite') })).toContain('只有可以办理全部组织的操作人');
    t.ledger.operator = '测试秘书';
    for (const f of ['a', 'b', 'c']) expect(fs.existsSync(path.join(t.dir, `${f}.sqlite`))).toBe(false);
    expect(fs.readdirSync(t.dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    // The one write above (operators.limit) aside, the source is as it was.
    void before;
    // A file of one organisation: nothing to split.
    const one = openAt(path.join(tempDir(), 'one.sqlite'));
    opened.push(one);
    const { orgId } = one.ok('org.setup', DEMO_SCHOOL);
    const r = one.call('orgs.split', { orgId, file: path.join(one.dir, 'two.sqlite') });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(r.ok ? '' : r.error.message).toContain('只有一个组织');
  });

  it('tampering after the split still shows: a kept record deleted, the split record edited to hide a kept meeting, a kept meeting edited', () => {
    const { t, eastId } = groupFile();
    const target = path.join(t.dir, '东校区台账.sqlite');
    t.ok('orgs.split', { orgId: eastId, file: target });
    const attack = attackOn(target);
    // A statement of a kept meeting deleted: named, not explained away as moved.
    const deleted = attack('deleted', (db) => db.exec('DELETE FROM statements WHERE id = (SELECT MIN(id) FROM statements)'));
    expect(deleted).toMatchObject({ ok: false, broken: { reason: 'record_missing' } });
    // The split's own list edited to claim a kept meeting left too, and that meeting's roster deleted.
    const hidden = attack('hidden', (db) => {
      const kept = db.prepare('SELECT MIN(id) FROM meetings').pluck().get() as number;
      const row = db.prepare("SELECT id, summary FROM audit_log WHERE channel = 'orgs.split'").get() as { id: number; summary: string };
      const s = JSON.parse(row.summary) as { moved: number[] };
      db.prepare('UPDATE audit_log SET summary = ? WHERE id = ?').run(JSON.stringify({ ...s, moved: [...s.moved, kept] }), row.id);
      db.prepare('DELETE FROM meeting_roster WHERE meeting_id = ?').run(kept);
    });
    expect(hidden.ok).toBe(false);
    // A meeting still in the file is checked whatever the split record says (here: the list is
    // intact, the record changed): an edit to a kept meeting is found.
    const changed = attack('changed', (db) => db.exec("UPDATE meetings SET place = '别处' WHERE id = (SELECT MIN(id) FROM meetings)"));
    expect(changed).toMatchObject({ ok: false, broken: { reason: 'record_changed' } });
  });
});

describe('拆分台账: the others’ 操作记录 leave with them', () => {
  // Distinctive texts of the west campus and of the 集团 (items, an operator of the west campus only).
  const WEST_ONLY = ['西校区独有议题操场翻新甲乙丙', '西校区专职秘书', '近亲属参与投标（第4次）', WEST];
  const GROUP_ONLY = ['集团独有议题食堂招标丁戊', '近亲属参与投标（第1次）', GROUP];

  function busyGroup() {
    const g = groupFile();
    const { t, westId, groupId } = g;
    t.ok('operators.limit', { name: '西校区专职秘书', orgIds: [westId] });
    t.ledger.operator = '西校区专职秘书';
    const west = schoolIn(t, westId);
    t.ok('items.create', { orgId: westId, title: '西校区独有议题操场翻新甲乙丙', matterId: west.matter('D1'), proposerId: west.person('陈志强') });
    t.ledger.operator = '测试秘书';
    const group = schoolIn(t, groupId);
    t.ok('items.create', { orgId: groupId, title: '集团独有议题食堂招标丁戊', matterId: group.matter('D1'), proposerId: group.person('陈志强') });
    t.ledger.orgId = null;
    return g;
  }

  /** Every text value of every table (full-text shadow tables included) and the file's raw bytes. */
  function leaks(file: string, texts: string[]): string[] {
    const db = new Database(file, { readonly: true });
    const found: string[] = [];
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      for (const table of tables) {
        for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
          for (const v of row) {
            const s = Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'string' ? v : '';
            for (const x of texts) if (s.includes(x)) found.push(`${table}: ${x}`);
          }
        }
      }
    } finally {
      db.close();
    }
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const bytes = fs.readFileSync(file);
    for (const x of texts) if (bytes.includes(Buffer.from(x))) found.push(`bytes: ${x}`);
    return [...new Set(found)];
  }

  it('a campus split carries no text of the 集团 or the other campus anywhere, while its log still verifies and says how many rows left', () => {
    const { t, eastId } = busyGroup();
    const before = sidesOf(t.file);
    // The source holds them (the test would prove nothing otherwise).
    const sourceLog = (t.ledger.sqlite.prepare('SELECT operator || summary FROM audit_log').pluck().all() as string[]).join('\n');
    for (const x of ['西校区独有议题操场翻新甲乙丙', '西校区专职秘书', '集团独有议题食堂招标丁戊', WEST]) expect(sourceLog).toContain(x);

    const target = path.join(t.dir, '东校区台账.sqlite');
    const done = t.ok('orgs.split', { orgId: eastId, file: target });
    expect(sidesOf(t.file)).toEqual(before);
    expect(leaks(target, [...WEST_ONLY, ...GROUP_ONLY])).toEqual([]);

    const split = openAt(target, '2026-04-01T09:00:00');
    opened.push(split);
    const db = split.ledger.sqlite;
    const redacted = db.prepare("SELECT COUNT(*) FROM audit_log WHERE channel = 'orgs.moved'").pluck().get() as number;
    expect(redacted).toBeGreaterThan(5);
    const report = split.ok('trust.verify', {});
    expect(report).toMatchObject({ ok: true, movedOut: { meetings: 2, auditRows: redacted } });
    expect(report.message).toContain(`其他组织的${redacted}条操作记录已随拆分移出`);
    expect(done.verify.message).toContain('条操作记录已随拆分移出');
    // The campus's own rows are there with their content; the others' read as moved out in the 操作日志.
    const journal = split.ok('journal.list', { offset: 0, limit: 500 });
    expect(journal.rows.some((r) => r.what.includes('他校记录，已移出'))).toBe(true);
    expect(journal.rows.some((r) => r.channel === 'orgs.createCampus' && r.what.includes(EAST))).toBe(true);
  });

  it('a quick verify of the split file, sampling every older row, takes the moved-out rows as the full one does; a changed moved-out hash is still caught by the full one', async () => {
    const { t, eastId } = busyGroup();
    const target = path.join(t.dir, '东校区台账.sqlite');
    t.ok('orgs.split', { orgId: eastId, file: target });
    const options = { now: () => new Date('2026-04-01T09:00:00Z'), sample: 1_000_000 };
    const full = await verifyLedgerInSteps(target, undefined, () => {}, options);
    expect(full).toMatchObject({ ok: true, mode: 'full' });
    const quick = await verifyLedgerInSteps(target, undefined, () => {}, options);
    expect(quick).toMatchObject({ ok: true, mode: 'quick' });
    expect(quick.sampled).toBeGreaterThan(0);
    const db = new Database(target);
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
    db.prepare("UPDATE audit_log SET hash = ? WHERE id = (SELECT MIN(id) FROM audit_log WHERE channel = 'orgs.moved')").run('0'.repeat(64));
    db.close();
    expect(await verifyLedgerInSteps(target, undefined, () => {}, { ...options, full: true })).toMatchObject({ ok: false });
  });

  it('a 集团 split carries no text of its campuses', () => {
    const { t, groupId } = busyGroup();
    const target = path.join(t.dir, '集团本级.sqlite');
    t.ok('orgs.split', { orgId: groupId, file: target });
    expect(leaks(target, [...WEST_ONLY.filter((x) => x !== WEST), '近亲属参与投标（第2次）', '近亲属参与投标（第3次）'])).toEqual([]);
    const split = openAt(target, '2026-04-01T09:00:00');
    opened.push(split);
    expect(split.ok('trust.verify', {}).ok).toBe(true);
  });

  it('tampering with the redacted log shows: a redacted hash changed (inside a run and at its end), a kept row edited, an own row passed off as moved, the list of moved rows edited', () => {
    const { t, eastId } = busyGroup();
    const target = path.join(t.dir, '东校区台账.sqlite');
    t.ok('orgs.split', { orgId: eastId, file: target });
    const attack = attackOn(target);
    const ids = (db: Database.Database) => db.prepare("SELECT id FROM audit_log WHERE channel = 'orgs.moved' ORDER BY id").pluck().all() as number[];
    const forge = (db: Database.Database, id: number) => db.prepare("UPDATE audit_log SET hash = ? WHERE id = ?").run('f'.repeat(64), id);
    // Inside a run of redacted rows (the next row is redacted too: only the split row's digest can tell).
    const inRun = attack('in-run', (db) => {
      const r = ids(db);
      forge(db, r.find((id, i) => r[i + 1] === id + 1)!);
    });
    expect(inRun).toMatchObject({ ok: false, broken: { reason: 'audit_broken' } });
    expect(inRun.broken!.message).toContain('不一致');
    // At the end of a run (the next row is the campus's own, linked on it).
    const atEnd = attack('at-end', (db) => {
      const r = ids(db);
      forge(db, r.find((id, i) => r[i + 1] !== id + 1)!);
    });
    expect(atEnd).toMatchObject({ ok: false, broken: { reason: 'audit_broken' } });
    // A kept row (the campus's own) with its content changed.
    const edited = attack('edited', (db) =>
      db.exec("UPDATE audit_log SET summary = replace(summary, '东校区', '南校区') WHERE id = (SELECT MIN(id) FROM audit_log WHERE channel = 'orgs.createCampus' AND summary LIKE '%东校区%')"),
    );
    expect(edited).toMatchObject({ ok: false, broken: { reason: 'audit_broken' } });
    // One of the campus's own rows emptied as if it had been another school's: not on the split's list.
    const hidden = attack('hidden', (db) =>
      db.exec("UPDATE audit_log SET operator = '—', channel = 'orgs.moved', summary = '他校记录，已移出' WHERE id = (SELECT MIN(id) FROM audit_log WHERE channel = 'orgs.createCampus' AND summary LIKE '%东校区%')"),
    );
    expect(hidden).toMatchObject({ ok: false, broken: { reason: 'audit_broken' } });
    expect(hidden.broken!.message).toContain('没有拆分记录说明');
    // The split row's list widened to cover that own row too: the split seal no longer matches it.
    const widened = attack('widened', (db) => {
      const own = db.prepare("SELECT MIN(id) FROM audit_log WHERE channel = 'orgs.createCampus' AND summary LIKE '%东校区%'").pluck().get() as number;
      db.prepare("UPDATE audit_log SET operator = '—', channel = 'orgs.moved', summary = '他校记录，已移出' WHERE id = ?").run(own);
      const row = db.prepare("SELECT id, summary FROM audit_log WHERE channel = 'orgs.split'").get() as { id: number; summary: string };
      const s = JSON.parse(row.summary) as { redacted: { ranges: number[][]; count: number } };
      db.prepare('UPDATE audit_log SET summary = ? WHERE id = ?').run(JSON.stringify({ ...s, redacted: { ...s.redacted, ranges: [[own, own], ...s.redacted.ranges], count: s.redacted.count + 1 } }), row.id);
    });
    expect(widened.ok).toBe(false);
    // Untouched, it passes (the attacks above are what broke it).
    expect(attack('untouched', () => {}).ok).toBe(true);
  });
});

describe('拆分台账: every table is accounted for', () => {
  it('names every table of the schema with a rule or as kept whole, and clears only columns that exist', () => {
    const t = openAt(path.join(tempDir(), 'schema.sqlite'));
    opened.push(t);
    const db = t.ledger.sqlite;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter((n) => !isIndexTable(n));
    const ruled = new Set(SPLIT_REMOVE.map(([table]) => table));
    const missing = tables.filter((n) => !ruled.has(n) && !SPLIT_KEEP_WHOLE.has(n));
    expect(missing, 'tables a split does not know: add a rule to db/trust/tables.ts').toEqual([]);
    for (const [table] of SPLIT_REMOVE) expect(tables).toContain(table);
    for (const [table, column] of SPLIT_CLEAR) {
      expect((db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name)).toContain(column);
    }
    // Every column naming an organisation is a table a split has a rule for (kept-whole tables aside).
    for (const table of tables) {
      const cols = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      if (cols.includes('org_id') && !SPLIT_KEEP_WHOLE.has(table)) expect(ruled.has(table), table).toBe(true);
    }
    expect(dispatch(t.ledger, 'orgs.splitPreview', { orgId: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('合并台账', () => {
  /** A 集团 ledger of its own, and the east campus split out of the group file into a school file. */
  function schoolAndGroup() {
    const { t, eastId, eastSigned } = groupFile();
    const school = path.join(t.dir, '东校区台账.sqlite');
    const split = t.ok('orgs.split', { orgId: eastId, file: school });
    const g = openAt(path.join(tempDir(), '新集团.sqlite'), '2026-05-01T09:00:00');
    opened.push(g);
    const { orgId: groupId } = g.ok('org.setup', { ...DEMO_SCHOOL, name: '青山教育集团' });
    const gs = schoolIn(g, groupId);
    signedMeeting(g, gs, 7);
    g.ledger.orgId = null;
    return { t, g, groupId, school, split, eastSigned };
  }

  it('round trip: a campus split out, then merged under another 集团, keeps every count; both files verify; the school file is unchanged; the printed codes still verify; twice is refused', () => {
    const { g, groupId, school, split, eastSigned } = schoolAndGroup();
    const before = sidesOf(school);
    const preview = g.ok('orgs.mergePreview', { file: school, parentId: groupId });
    expect(preview.orgName).toBe(EAST);
    const done = g.ok('orgs.merge', { file: school, parentId: groupId });
    expect(sidesOf(school)).toEqual(before);
    const counts = (rows: { kind: string; count: number }[]) => Object.fromEntries(rows.filter((r) => r.kind !== 'sealed').map((r) => [r.kind, r.count]));
    expect(counts(done.counts)).toEqual(counts(split.counts));
    expect(counts(preview.counts)).toEqual(counts(split.counts));
    // The campus in the 集团 file: under the group, with the same numbers, seen through the channels.
    expect(g.ok('orgs.list', {}).orgs.map((o) => [o.name, o.parentName])).toEqual([['青山教育集团', null], [EAST, '青山教育集团']]);
    const east = schoolIn(g, done.orgId);
    expect(g.ok('meetings.list', { orgId: done.orgId }).length).toBe(split.counts.find((c) => c.kind === 'meetings')!.count);
    expect(east.overview.persons.filter((p) => p.orgId === done.orgId).length).toBe(split.counts.find((c) => c.kind === 'persons')!.count);
    g.ledger.orgId = null;
    const report = g.ok('trust.verify', {});
    expect(report).toMatchObject({ ok: true, broken: null });
    for (const m of eastSigned) {
      const r = g.ok('trust.verify', { anchor: m.anchor! });
      expect(r.anchors[0]!.result).toBe('match');
      expect(r.anchors[0]!.source).toContain(EAST);
    }
    // The school's file still verifies on its own.
    const again = openAt(school);
    opened.push(again);
    expect(again.ok('trust.verify', {}).ok).toBe(true);
    again.close();
    // Twice: refused, nothing changes.
    const snap = g.snapshot();
    const twice = g.call('orgs.merge', { file: school, parentId: groupId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(twice.ok ? '' : twice.error.message).toContain('已经并入过');
    expect(g.snapshot()).toEqual(snap);
    // The 操作日志 says it in words.
    expect(JSON.stringify(g.ok('journal.list', { offset: 0, limit: 5 }))).toContain('并入为校区');
  });

  it('meetings made in the 集团 file after a merge never pass for the school’s moved-out meetings (their ids shifted land on new ids)', () => {
    const { g, groupId, school } = schoolAndGroup();
    g.ok('orgs.merge', { file: school, parentId: groupId });
    const gs = schoolIn(g, groupId);
    // The school file lists the 集团's and the west campus's meetings as moved out; shifted by the
    // merge's offset their ids are the next ones here: new meetings of the 集团 take them.
    for (let n = 0; n < 4; n++) decidedMeeting(g, gs, { startsAt: `2026-05-${10 + n}T15:00` });
    g.ledger.orgId = null;
    expect(g.ok('trust.verify', {})).toMatchObject({ ok: true, broken: null });
  });

  it('moves every reference of every merged row onto the merged rows (a column the merge forgets points into the 集团’s own records)', () => {
    const { g, groupId, school } = schoolAndGroup();
    g.ok('orgs.merge', { file: school, parentId: groupId });
    const db = g.ledger.sqlite;
    const offsets = JSON.parse(db.prepare('SELECT offsets FROM imported_chains').pluck().get() as string) as Record<string, number>;
    let checked = 0;
    for (const table of MERGE_TABLES) {
      const rules = shiftRules(db, table);
      if (!rules.hasId) continue;
      for (const [col, parent] of rules.refs) {
        if (table === 'organizations' && col === 'parent_id') continue; // set to the chosen 集团党委
        const wrong = db.prepare(`SELECT COUNT(*) FROM "${table}" WHERE id > ? AND "${col}" IS NOT NULL AND "${col}" <= ?`).pluck().get(offsets[table], offsets[parent] ?? 0) as number;
        expect(wrong, `${table}.${col}`).toBe(0);
        checked += db.prepare(`SELECT COUNT(*) FROM "${table}" WHERE id > ? AND "${col}" IS NOT NULL`).pluck().get(offsets[table]) as number;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('knows every id-like column of every table: a declared key, a listed one, or listed as no reference', () => {
    const t = openAt(path.join(tempDir(), 'schema.sqlite'));
    opened.push(t);
    const db = t.ledger.sqlite;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter((n) => !isIndexTable(n));
    expect(tables.filter((n) => !MERGE_TABLES.includes(n) && !MERGE_SKIP.has(n)), 'tables a merge does not know').toEqual([]);
    const unknown: string[] = [];
    for (const table of MERGE_TABLES) {
      const rules = shiftRules(db, table);
      for (const c of db.pragma(`table_info("${table}")`) as { name: string; type: string }[]) {
        if (c.type !== 'INTEGER' || !/(_id|_by)$/.test(c.name)) continue;
        if (rules.refs.has(c.name) || rules.poly?.column === c.name || NOT_REFS.has(`${table}.${c.name}`)) continue;
        unknown.push(`${table}.${c.name}`);
      }
    }
    expect(unknown, 'id columns a merge would copy unchanged: add them to db/trust/tables.ts').toEqual([]);
    // Ids inside JSON columns move both ways alike.
    const offsets = { agenda_items: 100, persons: 10 };
    const before = { itemId: 3, title: '议题', rows: [{ personId: 2, status: '出席' }] };
    expect(shiftJson(before, offsets, 1)).toEqual({ itemId: 103, title: '议题', rows: [{ personId: 12, status: '出席' }] });
    expect(shiftJson(shiftJson(before, offsets, 1), offsets, -1)).toEqual(before);
  });

  it('refuses a tampered school file, a file from a newer version, a foreign file of the same layout, a file that is no ledger, and a 集团 file — with the reason, changing nothing', () => {
    const { g, groupId, school, t } = schoolAndGroup();
    const snap = g.snapshot();
    const variant = (name: string, edit: (db: Database.Database) => void) => {
      const file = path.join(t.dir, `${name}.sqlite`);
      fs.copyFileSync(school, file);
      const db = new Database(file);
      edit(db);
      db.close();
      return file;
    };
    const refused = (file: string) => {
      const r = g.call('orgs.merge', { file, parentId: groupId });
      expect(r.ok, `${path.basename(file)}: ${JSON.stringify(r).slice(0, 300)}`).toBe(false);
      const p = g.call('orgs.mergePreview', { file, parentId: groupId });
      expect(p.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    const tampered = variant('tampered', (db) => db.exec("UPDATE meetings SET place = '别处' WHERE id = (SELECT MIN(id) FROM meetings)"));
    expect(refused(tampered)).toMatch(/没有通过核验.*改动过/);
    const newer = variant('newer', (db) => db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), 9_999_999_999_999));
    expect(refused(newer)).toContain('更新版本');
    const foreign = variant('foreign', (db) => db.exec("DELETE FROM ledger_meta WHERE key = 'ledgerId'"));
    expect(refused(foreign)).toContain('不是议事台账文件');
    const older = variant('older', (db) => db.exec('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations)'));
    expect(refused(older)).toContain('版本与本机不同');
    const junk = path.join(t.dir, 'junk.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(8192, 7));
    expect(refused(junk)).toContain('不是议事台账文件');
    expect(refused(t.file)).toContain('多个组织');
    expect(refused(g.file)).toContain('自身');
    expect(refused(path.join(t.dir, '东校区.xlsx'))).toContain('.sqlite');
    expect(g.snapshot()).toEqual(snap);
    // Under a campus: refused.
    const { orgId: campusId } = g.ok('orgs.createCampus', { ...DEMO_SCHOOL, name: '北校区', partyKind: '党支部', parentId: groupId });
    const r = g.call('orgs.merge', { file: school, parentId: campusId });
    expect(r.ok ? '' : r.error.message).toContain('集团党委之下');
  });

  it('a record of the merged school changed afterwards breaks verify of the 集团 file, named as the school’s', () => {
    const { g, groupId, school } = schoolAndGroup();
    const { orgId } = g.ok('orgs.merge', { file: school, parentId: groupId });
    g.ledger.sqlite.prepare("UPDATE meetings SET place = '别处' WHERE id = (SELECT MIN(m.id) FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id = ?)").run(orgId);
    const r = g.ok('trust.verify', {});
    expect(r).toMatchObject({ ok: false, broken: { reason: 'record_changed' } });
    expect(r.broken!.message).toContain(`并入的「${EAST}」台账`);
  });
});
