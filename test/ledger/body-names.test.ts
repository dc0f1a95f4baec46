// Bodies named by the organisation's type (rule book "Naming bodies"): 党委会议, 总支委员会会议,
// 支部委员会会议, never the policy's category 党组织会议; renamed in 设置 (audited); ledgers made
// before this get their committee's real name from migration 0008.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { bodies } from '../../db/schema';
import { COMMITTEE_MEETINGS, issuingOfficeFor, minutesHeadingFor, partyOrgName } from '../../db/terms';
import { freshLedger, MIGRATIONS } from '../support/ledger';
import { DEMO_SCHOOL, setupSchool } from '../support/school';

describe('names by the party organisation type', () => {
  it('each kind names its committee meeting, its formal name, the 纪要 heading and the issuing office', () => {
    expect(COMMITTEE_MEETINGS).toEqual({ 党委: '党委会议', 党总支: '总支委员会会议', 党支部: '支部委员会会议' });
    expect(partyOrgName('青山县第一中学', '党委')).toBe('中共青山县第一中学委员会');
    expect(partyOrgName('青山县实验小学', '党总支')).toBe('中共青山县实验小学总支部委员会');
    expect(partyOrgName('青山县实验小学', '党支部')).toBe('中共青山县实验小学支部委员会');
    const committee = { kind: 'party_committee' as const, name: '支部委员会会议' };
    expect(minutesHeadingFor('青山县实验小学', '党支部', committee)).toBe('中共青山县实验小学支部委员会会议纪要');
    expect(minutesHeadingFor('青山县实验小学', '党支部', { kind: 'principal_office', name: '校长办公会议' })).toBe('青山县实验小学校长办公会议纪要');
    expect(issuingOfficeFor('青山县第一中学', '党委', 'party_committee')).toBe('中共青山县第一中学委员会办公室');
    expect(issuingOfficeFor('青山县实验小学', '党支部', 'party_committee')).toBe('中共青山县实验小学支部委员会');
    expect(issuingOfficeFor('青山县实验小学', '党支部', 'principal_office')).toBe('青山县实验小学校长办公室');
  });

  it.each([
    ['党委', '党委会议'],
    ['党总支', '总支委员会会议'],
    ['党支部', '支部委员会会议'],
  ] as const)('org.setup of a %s school names its committee %s, and its meetings follow', (partyKind, name) => {
    const t = freshLedger();
    const { orgId } = t.ok('org.setup', { ...DEMO_SCHOOL, partyKind });
    const overview = t.ok('org.get', {})!;
    expect(overview.bodies.map((b) => [b.kind, b.name])).toEqual([['party_committee', name], ['principal_office', '校长办公会议']]);
    const person = (n: string) => overview.persons.find((p) => p.name === n)!.id;
    const committee = overview.bodies[0]!.id;
    const m = t.ok('meetings.create', { bodyId: committee, startsAt: '2026-03-25T15:00', place: '会议室', hostId: person('王建国'), recorderId: person('吴秘书') });
    expect(m.title).toBe(`2026年第1次${name}`);
    expect(JSON.stringify(t.ok('meetings.list', { orgId }))).not.toContain('党组织会议');
  });

  it('changing the party kind renames a committee that had its type\'s name, never one the school named', () => {
    const t = freshLedger();
    const school = setupSchool(t);
    t.ok('org.update', { orgId: school.orgId, partyKind: '党总支' });
    expect(t.ok('org.get', {})!.bodies[0]!.name).toBe('总支委员会会议');
    t.ok('bodies.rename', { bodyId: school.body('party_committee'), name: '总支委员会' });
    t.ok('org.update', { orgId: school.orgId, partyKind: '党委' });
    expect(t.ok('org.get', {})!.bodies[0]!.name).toBe('总支委员会');
  });

  it('bodies.rename: meeting titles follow; the change is in the audit log; duplicates and blanks are refused, changing nothing', () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const committee = school.body('party_committee');
    const { meetingId } = t.ok('meetings.create', { bodyId: committee, startsAt: '2026-03-25T15:00', place: '会议室', hostId: school.person('王建国'), recorderId: school.person('吴秘书') });
    expect(t.ok('meetings.get', { meetingId }).title).toBe('2026年第1次党委会议');
    t.ok('bodies.rename', { bodyId: committee, name: '党委会' });
    expect(t.ok('meetings.get', { meetingId }).title).toBe('2026年第1次党委会');
    const audit = t.ledger.sqlite.prepare("SELECT operator, summary FROM audit_log WHERE channel = 'bodies.rename'").all() as { operator: string; summary: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('党委会');
    const before = t.snapshot();
    const dup = t.call('bodies.rename', { bodyId: committee, name: '校长办公会议' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.message).toBe('已有名为「校长办公会议」的议事机构。');
    const blank = t.call('bodies.rename', { bodyId: committee, name: '  ' });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.message).toMatch(/议事机构名称/);
    expect(t.call('bodies.rename', { bodyId: 999, name: '党委会' }).ok).toBe(false);
    expect(t.snapshot()).toEqual(before);
  });
});

describe('migration 0008: committees of existing ledgers get their real name', () => {
  it('a ledger made before it (committee 党组织会议) opens with 党委会议 / 支部委员会会议; a name the school chose is kept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-names-'));
    try {
      // The migrations as they were before 0008.
      const old = path.join(dir, 'migrations');
      fs.mkdirSync(path.join(old, 'meta'), { recursive: true });
      const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
      const index = journal.entries.findIndex((e) => e.tag === '0008_committee_names');
      expect(index).toBeGreaterThan(0);
      journal.entries = journal.entries.slice(0, index);
      fs.writeFileSync(path.join(old, 'meta/_journal.json'), JSON.stringify(journal));
      for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(old, `${e.tag}.sql`));

      const file = path.join(dir, 'ledger.sqlite');
      const before = openLedger(file, { migrationsFolder: old, operator: '测试秘书' });
      const org = (name: string, kind: string) => before.sqlite.prepare('INSERT INTO organizations (name, party_kind, created_at) VALUES (?, ?, ?) RETURNING id').get(name, kind, '2025-01-01T00:00:00Z') as { id: number };
      const body = (orgId: number, kind: string, name: string) => before.sqlite.prepare('INSERT INTO bodies (org_id, kind, name) VALUES (?, ?, ?)').run(orgId, kind, name);
      const a = org('青山县第一中学', '党委');
      const b = org('青山县实验小学', '党支部');
      const c = org('青山县第二中学', '党总支');
      body(a.id, 'party_committee', '党组织会议');
      body(a.id, 'principal_office', '校长办公会议');
      body(b.id, 'party_committee', '党组织会议');
      body(c.id, 'party_committee', '总支委员会');
      before.close();

      const after = openLedger(file, { migrationsFolder: MIGRATIONS, operator: '测试秘书' });
      try {
        const names = after.db.select({ orgId: bodies.orgId, kind: bodies.kind, name: bodies.name }).from(bodies).all();
        expect(names).toEqual([
          { orgId: a.id, kind: 'party_committee', name: '党委会议' },
          { orgId: a.id, kind: 'principal_office', name: '校长办公会议' },
          { orgId: b.id, kind: 'party_committee', name: '支部委员会会议' },
          { orgId: c.id, kind: 'party_committee', name: '总支委员会' },
        ]);
      } finally {
        after.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
