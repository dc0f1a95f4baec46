// Two defects found in acceptance testing, attacked through dispatch the way a secretary (or an
// outsider who read the code) would stumble into them: R11 — after a postponed vote, only a
// consultation recorded after the postponement, dated on or after it, in which both leaders agree,
// reopens scheduling; R10 — a named ballot needs a ballot from every member entitled to vote.
import { describe, expect, it } from 'vitest';
import { COMMITTEE, meetingSchool, type MeetingSchool } from './meetings-fixture';

type Stance = '同意' | '不同意' | '保留意见';
const consult = (m: MeetingSchool, itemId: number, date: string, secretary: Stance, principal: Stance) =>
  m.t.call('consultations.record', {
    itemId,
    date,
    form: '当面',
    stances: [
      { personId: m.书记, role: '书记', stance: secretary },
      { personId: m.校长, role: '校长', stance: principal },
    ],
  });

/** A 党组织会议 on 2026-03-25 that postpones the vote on one agreed item; the clock moves to 03-30. */
function postponed() {
  const m = meetingSchool();
  const { meetingId, entryIds } = m.sitting();
  m.state(entryIds[0]!, ['李明华', '张丽']);
  m.t.ok('entries.postpone', { entryId: entryIds[0]!, reason: '关键事实尚需核实' });
  const itemId = m.view(meetingId).entries[0]!.item.id;
  m.t.setNow('2026-03-30T09:00:00');
  const later = m.meeting('party_committee', { startsAt: '2026-04-08T14:30' });
  return { m, itemId, later };
}

describe('R11: only a new, agreeing consultation after a postponed vote reopens scheduling', () => {
  it('R11: an agreeing consultation entered after the postponement but dated before the meeting does not count', () => {
    const { m, itemId, later } = postponed();
    expect(consult(m, itemId, '2026-03-24', '同意', '同意')).toMatchObject({ ok: true, value: { state: 'consultation' } });
    const before = m.t.snapshot();
    expect(m.t.call('meetings.addItem', { meetingId: later, itemId })).toMatchObject({ ok: false });
    expect(m.t.snapshot()).toEqual(before);
    expect(m.t.ok('items.get', { itemId }).gate.length).toBeGreaterThan(0);
  });

  it('R11: a new 酝酿 alone does not bring back the 会前沟通 agreed before the postponed vote', () => {
    const m = meetingSchool();
    // C1 中层干部任免: studied by the 校长办公会, then put to the 党组织会议 with a 会前沟通 and a 酝酿.
    const itemId = m.studiedCadreItem();
    // On the meeting day, before the sitting, the leaders agree once more (dated the meeting day).
    m.t.setNow('2026-03-25T08:00:00');
    consult(m, itemId, '2026-03-25', '同意', '同意');
    const meetingId = m.meeting();
    const adHoc = { urgent: true, hostAccepted: true, reason: '任命须在开学前完成' };
    const entryId = m.t.ok('meetings.addItem', { meetingId, itemId, adHoc }).entryId;
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    m.t.ok('meetings.setFirstTopic', { meetingId, content: '学习' });
    m.attend(meetingId);
    m.t.setNow('2026-03-25T15:00:00');
    m.t.ok('entries.postpone', { entryId, reason: '意见分歧较大' });
    const deliberation = m.t.call('consultations.record', {
      itemId,
      kind: 'deliberation',
      date: '2026-03-25',
      form: '会议',
      stances: [{ personId: m.书记, role: '书记', stance: '同意' }],
    });
    expect(deliberation).toMatchObject({ ok: true, value: { state: 'consultation' } });
    expect(m.t.ok('items.get', { itemId }).gate).toContain('尚未记录书记与校长的会前沟通，请先完成会前沟通');
  });

  it('R11: a newer consultation in which the leaders do not both agree does not reopen scheduling', () => {
    const { m, itemId, later } = postponed();
    expect(consult(m, itemId, '2026-03-30', '同意', '保留意见')).toMatchObject({ ok: true, value: { outcome: 'reserved', state: 'consultation' } });
    expect(m.t.call('meetings.addItem', { meetingId: later, itemId })).toMatchObject({ ok: false });
    expect(consult(m, itemId, '2026-03-30', '不同意', '同意')).toMatchObject({ ok: true, value: { state: 'postponed' } });
    expect(m.t.call('meetings.addItem', { meetingId: later, itemId })).toMatchObject({ ok: false, error: { rule: 'R4' } });
  });

  it('R11: a consultation recorded after the postponement, dated on or after it, with both agreeing, reopens it', () => {
    const { m, itemId, later } = postponed();
    expect(consult(m, itemId, '2026-03-25', '同意', '同意')).toMatchObject({ ok: true, value: { state: 'ready' } });
    m.t.ok('meetings.addItem', { meetingId: later, itemId });
  });
});

describe('R10: a named ballot needs a ballot from every member entitled to vote', () => {
  const ready = () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    m.state(entryIds[0]!, m.hostLast());
    return { m, meetingId, entryId: entryIds[0]! };
  };
  const ballot = (m: MeetingSchool, names: readonly string[]) => names.map((n) => ({ personId: m.id(n), choice: '同意' as const }));

  it('R10: 4 ballots from 7 present members are refused, naming who has not voted, and nothing changes', () => {
    const { m, entryId } = ready();
    const before = m.t.snapshot();
    const r = m.t.call('entries.vote', { entryId, method: '记名投票', ballots: ballot(m, COMMITTEE.slice(0, 4)), decisionText: '同意' });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R10', field: 'ballots', message: expect.stringContaining('刘芳、赵磊、孙红尚未投票') } });
    expect(m.t.snapshot()).toEqual(before);
  });

  it('R10: counts that agree with the partial ballots do not get them past the check', () => {
    const { m, entryId } = ready();
    const r = m.t.call('entries.vote', { entryId, method: '记名投票', ballots: ballot(m, COMMITTEE.slice(0, 4)), counts: { for: 4, against: 0, abstain: 0 }, decisionText: '同意' });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R10' } });
  });

  it('R10: a member who left before the item is not owed a ballot; everyone present is', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const entryId = m.add(meetingId, m.readyItem('A1'));
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    m.t.ok('meetings.setFirstTopic', { meetingId, content: '学习' });
    m.attend(meetingId, 'party_committee', { 孙红: { status: '请假', reason: '外出培训' } });
    const present = COMMITTEE.filter((n) => n !== '孙红');
    m.state(entryId, m.hostLast('王建国', present));
    const r = m.t.ok('entries.vote', { entryId, method: '记名投票', ballots: ballot(m, present), decisionText: '同意' });
    expect(r).toMatchObject({ passed: true, counts: { for: 6, against: 0, abstain: 0 } });
  });
});
