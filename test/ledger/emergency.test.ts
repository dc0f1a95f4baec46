// R14 临时处置 through dispatch: who records it, flagged until heard at the next meeting of the body.
import { describe, expect, it } from 'vitest';
import { meetingSchool } from './meetings-fixture';

const ACTION = { reason: '暴雨红色预警，委员无法到校开会', action: '全校停课一天，启动防汛预案', at: '2026-03-21T07:00' };

describe('R14 emergency actions', () => {
  it('R14: only the 书记 records one for the 党组织会议, only the 校长 for the 校长办公会', () => {
    const m = meetingSchool();
    const before = m.t.snapshot();
    const wrong = m.t.call('emergency.record', { orgId: m.s.orgId, bodyId: m.party, actorId: m.校长, ...ACTION });
    expect(wrong).toMatchObject({ ok: false, error: { rule: 'R14', field: 'actorId', message: expect.stringContaining('书记') } });
    expect(m.t.call('emergency.record', { orgId: m.s.orgId, bodyId: m.office, actorId: m.书记, ...ACTION })).toMatchObject({ ok: false, error: { rule: 'R14' } });
    expect(m.t.call('emergency.record', { orgId: m.s.orgId, bodyId: m.party, actorId: m.书记, ...ACTION, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(m.t.snapshot()).toEqual(before);
    m.t.ok('emergency.record', { orgId: m.s.orgId, bodyId: m.office, actorId: m.校长, ...ACTION });
    m.t.ok('emergency.record', { orgId: m.s.orgId, bodyId: m.party, actorId: m.书记, ...ACTION });
    expect(m.t.ok('emergency.list', { orgId: m.s.orgId }).map((a) => [a.bodyName, a.actorName, a.status])).toEqual([
      ['校长办公会议', '李明华', 'open'],
      ['党委会议', '王建国', 'open'],
    ]);
  });

  it('R14: an action not yet reported stays flagged and blocks closing the next meeting of its body', () => {
    const m = meetingSchool();
    const { emergencyActionId } = m.t.ok('emergency.record', { orgId: m.s.orgId, bodyId: m.party, actorId: m.书记, ...ACTION });
    const { meetingId, entryIds } = m.sitting();
    m.state(entryIds[0]!, m.hostLast());
    m.t.ok('entries.vote', { entryId: entryIds[0]!, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意' });
    const before = m.t.snapshot();
    const r = m.t.call('meetings.close', { meetingId });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R14', message: expect.stringContaining('全校停课一天') } });
    expect(m.t.snapshot()).toEqual(before);
    expect(m.t.ok('emergency.list', { orgId: m.s.orgId })[0]).toMatchObject({ id: emergencyActionId, status: 'open', flagged: true, reportedAt: null });

    // Reported as an item of this meeting: a report entry, heard not voted.
    const rep = m.t.ok('emergency.report', { emergencyActionId, meetingId });
    expect(m.t.ok('emergency.list', { orgId: m.s.orgId })[0]).toMatchObject({ status: 'scheduled', flagged: true });
    const entry = m.view(meetingId).entries.find((e) => e.id === rep.entryId)!;
    expect(entry).toMatchObject({ purpose: 'report', item: { kind: 'emergency_report' }, presenter: { name: '王建国' } });
    expect(m.t.call('entries.vote', { entryId: rep.entryId, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Still flagged until heard: the meeting cannot close with the report pending.
    expect(m.t.call('meetings.close', { meetingId })).toMatchObject({ ok: false });
    m.t.ok('entries.note', { entryId: rep.entryId, note: '会议听取通报，予以追认' });
    expect(m.t.ok('emergency.list', { orgId: m.s.orgId })[0]).toMatchObject({ status: 'reported', flagged: false, reportedAt: { title: '2026年第1次党委会议' } });
    m.t.ok('meetings.close', { meetingId });
    // An emergency report is not a decision (R13).
    expect(m.view(meetingId).entries.filter((e) => e.decision).length).toBe(1);
  });

  it('R14: reported at a meeting of the same body, not one before the action; a meeting missed is kept as a warning', () => {
    const m = meetingSchool();
    const { emergencyActionId } = m.t.ok('emergency.record', { orgId: m.s.orgId, bodyId: m.party, actorId: m.书记, ...ACTION });
    const office = m.meeting('principal_office');
    expect(m.t.call('emergency.report', { emergencyActionId, meetingId: office })).toMatchObject({ ok: false, error: { rule: 'R14' } });
    const earlier = m.meeting('party_committee', { startsAt: '2026-03-20T16:00' });
    expect(m.t.call('emergency.report', { emergencyActionId, meetingId: earlier })).toMatchObject({ ok: false, error: { rule: 'R14' } });
    const next = m.meeting('party_committee', { startsAt: '2026-04-08T14:30' });
    const rep = m.t.ok('emergency.report', { emergencyActionId, meetingId: next });
    expect(rep.warnings).toEqual([]);
    expect(m.t.call('emergency.report', { emergencyActionId, meetingId: next })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Removing the report entry opens the action again.
    m.t.ok('meetings.removeItem', { entryId: rep.entryId });
    expect(m.t.ok('emergency.list', { orgId: m.s.orgId })[0]!.status).toBe('open');
  });

  it('R14: an action recorded late, after a meeting of the body closed without it, is reported with a warning', () => {
    const m = meetingSchool();
    const { meetingId: first, entryIds } = m.sitting();
    m.state(entryIds[0]!, m.hostLast());
    m.t.ok('entries.vote', { entryId: entryIds[0]!, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意' });
    m.t.ok('meetings.close', { meetingId: first });
    // Taken on 3月21日 but entered only now: the 3月25日 meeting passed without hearing it.
    m.t.setNow('2026-03-28T09:00:00');
    const { emergencyActionId } = m.t.ok('emergency.record', { orgId: m.s.orgId, bodyId: m.party, actorId: m.书记, ...ACTION });
    expect(m.t.ok('emergency.list', { orgId: m.s.orgId })[0]).toMatchObject({ status: 'open', missedMeetings: ['2026年第1次党委会议'] });
    const next = m.meeting('party_committee', { startsAt: '2026-04-08T14:30' });
    const rep = m.t.ok('emergency.report', { emergencyActionId, meetingId: next });
    expect(rep.warnings).toEqual([{ rule: 'R14', message: '这项临时处置未在其后第一次会议（2026年第1次党委会议）上通报' }]);
    expect(m.view(next).entries[0]!.warnings.map((w) => w.rule)).toEqual(['R14']);
  });
});
