// Issue H, class 6: a signed meeting keeps the facts it was signed with. Written as the attack
// was: through the app's own channels, back-date a change of membership or post to before a signed
// meeting, or rename a person, and see whether the signed meeting's quorum, chair or names move.
import { afterEach, describe, expect, it } from 'vitest';
import { readMeetingForms } from '../../db/exports/read';
import { readMeetingRecord } from '../../db/minutes/record';
import { verifyChain } from '../../db/trust/verify';
import { freshAt, setupSchool, signedMeeting, type Opened } from './fixture';

let t: Opened;
afterEach(() => t?.dispose());

function signedSchool() {
  t = freshAt();
  const school = setupSchool(t);
  const m = signedMeeting(t, school, 1); // 2026年1月6日, signed the next day
  const party = school.body('party_committee');
  const seatOf = (name: string) => t.ok('memberships.list', { bodyId: party }).rows.find((r) => r.personId === school.person(name) && !r.endDate)!;
  const view = () => t.ok('meetings.get', { meetingId: m.meetingId });
  const quorum = () => view().entries.map((e) => `${e.live.text}`);
  return { school, m, party, seatOf, view, quorum };
}

function refused(channel: Parameters<Opened['call']>[0], input: unknown, field: string) {
  const before = t.snapshot();
  const r = t.call(channel, input as never);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.field).toBe(field);
  expect(r.error.message).toMatch(/已经签发/);
  expect(r.error.message).toContain('2026年1月6日');
  expect(r.error.message).not.toMatch(/R\d|[a-z]{4,}|编号/);
  expect(t.snapshot()).toEqual(before);
}

describe('H6 a signed meeting keeps who was due and who chaired', () => {
  it('a seat ended on or before the signed meeting is refused, and the quorum stays as signed', () => {
    const { seatOf, quorum } = signedSchool();
    const signedQuorum = quorum();
    expect(signedQuorum.join()).toContain('应到7人');
    for (const endDate of ['2026-01-06', '2026-01-05', '2026-01-02']) refused('memberships.end', { membershipId: seatOf('刘芳').id, endDate }, 'endDate');
    expect(quorum()).toEqual(signedQuorum);
    // The day after is the member's business: accepted, and the signed meeting still counts 7.
    t.ok('memberships.end', { membershipId: seatOf('刘芳').id, endDate: '2026-01-07' });
    expect(quorum()).toEqual(signedQuorum);
  });

  it('a seat started on or before the signed meeting is refused', () => {
    const { school, party, quorum } = signedSchool();
    const signedQuorum = quorum();
    for (const startDate of ['2026-01-01', '2026-01-06']) refused('memberships.add', { bodyId: party, personId: school.person('周敏'), voting: true, startDate }, 'startDate');
    expect(quorum()).toEqual(signedQuorum);
    t.ok('memberships.add', { bodyId: party, personId: school.person('周敏'), voting: true, startDate: '2026-01-07' });
    expect(quorum()).toEqual(signedQuorum);
  });

  it('a post given or ended on or before the signed meeting is refused (who chaired, who decided)', () => {
    const { school } = signedSchool();
    refused('posts.assign', { personId: school.person('张丽'), post: '校长', startDate: '2026-01-03' }, 'startDate');
    const secretary = t.ok('posts.list', { orgId: school.orgId }).rows.find((p) => p.post === '书记' && !p.endDate)!;
    refused('posts.end', { postId: secretary.id, endDate: '2026-01-06' }, 'endDate');
    t.ok('posts.end', { postId: secretary.id, endDate: '2026-01-08' });
  });

  it('a meeting not yet signed can still be put right: a seat dated before it is accepted', () => {
    t = freshAt();
    const school = setupSchool(t);
    t.ok('memberships.add', { bodyId: school.body('party_committee'), personId: school.person('周敏'), voting: true, startDate: '2026-01-02' });
  });
});

describe('H6 a signed meeting prints the names it recorded', () => {
  it('a rename after signing leaves the signed meeting, its 会议记录 and its forms as recorded; new meetings use the new name', () => {
    const { school, m, view } = signedSchool();
    const names = (v: unknown) => JSON.stringify(v);
    expect(names(view())).toContain('刘芳');
    t.ok('persons.update', { personId: school.person('刘芳'), name: '刘芳华' });
    t.ok('persons.update', { personId: school.person('王建国'), name: '王建华' });
    const signed = view();
    expect(names(signed.attendance)).toContain('刘芳');
    expect(names(signed)).not.toContain('刘芳华');
    expect(signed.meeting.hostName).toBe('王建国');
    expect(names(signed)).not.toContain('王建华');
    const record = readMeetingRecord(t.ledger, m.meetingId);
    expect(record.facts.host).toBe('王建国');
    expect(names(record)).not.toMatch(/刘芳华|王建华/);
    const forms = readMeetingForms(t.ledger, m.meetingId);
    expect(names(forms)).not.toMatch(/刘芳华|王建华/);
    // The school's lists show the new name.
    expect(t.ok('org.get', {})!.persons.map((p) => p.name)).toContain('刘芳华');
  });

  it('the roster is sealed with the meeting: changed with another tool, 核验 names it', () => {
    const { m } = signedSchool();
    expect(verifyChain(t.ledger).broken).toBeNull();
    const row = t.ledger.sqlite.prepare('SELECT id FROM meeting_roster WHERE meeting_id = ? LIMIT 1').get(m.meetingId) as { id: number };
    expect(() => t.ledger.sqlite.prepare("UPDATE meeting_roster SET name = '改名' WHERE id = ?").run(row.id)).toThrow(/只能追加/);
    expect(() => t.ledger.sqlite.prepare('DELETE FROM meeting_roster WHERE id = ?').run(row.id)).toThrow(/只能追加/);
    t.ledger.sqlite.exec('DROP TRIGGER meeting_roster_no_update');
    t.ledger.sqlite.prepare("UPDATE meeting_roster SET name = '改名' WHERE id = ?").run(row.id);
    const broken = verifyChain(t.ledger).broken;
    expect(broken).toMatchObject({ kind: 'roster', refId: row.id, reason: 'record_changed' });
    expect(broken!.message).toContain('签发时的人员名单');
  });
});
