// Heard reports (R14 临时处置通报, R17 执行情况报告) end as 已听取 (noted): not decided, and no
// longer counted on the dashboard as 已列入议程.
import { describe, expect, it } from 'vitest';
import { meetingSchool } from './meetings-fixture';

const stage = (m: ReturnType<typeof meetingSchool>, key: string) => m.t.ok('loop.status', { orgId: m.s.orgId }).stages.find((s) => s.key === key)!.count;

describe('heard reports end as 已听取', () => {
  it('R17: the 校长’s execution report, heard at the 党组织会议, is 已听取, not 已列入议程 and not a decision', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1']);
    m.state(entryIds[0]!, m.hostLast());
    m.t.ok('entries.vote', { entryId: entryIds[0]!, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意' });
    m.t.ok('meetings.close', { meetingId });
    const decisionId = m.view(meetingId).entries[0]!.decision!.id;
    const report = m.t.ok('decisions.reportExecution', { decisionId, proposerId: m.校长, summary: '已按决定组织落实。' });
    const next = m.meeting('party_committee', { startsAt: '2026-04-08T14:30' });
    const entryId = m.add(next, report.id);
    m.t.ok('meetings.confirmAgenda', { meetingId: next, personId: m.书记 });
    m.t.ok('meetings.setFirstTopic', { meetingId: next, content: '学习' });
    m.attend(next);
    expect(stage(m, 'scheduled')).toBe(1);
    expect(stage(m, 'noted')).toBe(0);

    m.t.ok('entries.note', { entryId, note: '会议听取了执行情况报告' });
    const item = m.t.ok('items.get', { itemId: report.id }).item;
    expect(item).toMatchObject({ state: 'noted', stateLabel: '已听取' });
    expect(stage(m, 'scheduled')).toBe(0);
    expect(stage(m, 'noted')).toBe(1);
    expect(m.view(next).entries[0]!.decision).toBeNull();
    // 已听取 is an end: the report is not put on another agenda.
    const later = m.meeting('party_committee', { startsAt: '2026-04-22T14:30' });
    expect(m.t.call('meetings.addItem', { meetingId: later, itemId: report.id })).toMatchObject({ ok: false });
  });

  it('R14: the 临时处置通报 heard at the next meeting is 已听取 and the action is no longer flagged', () => {
    const m = meetingSchool();
    const { emergencyActionId } = m.t.ok('emergency.record', {
      orgId: m.s.orgId, bodyId: m.party, actorId: m.书记, reason: '暴雨红色预警，委员无法到校开会', action: '全校停课一天', at: '2026-03-20T07:00',
    });
    const { meetingId } = m.sitting(['A1']);
    const rep = m.t.ok('emergency.report', { emergencyActionId, meetingId });
    const itemId = m.view(meetingId).entries.find((e) => e.id === rep.entryId)!.item.id;
    expect(m.itemState(itemId)).toBe('scheduled');
    m.t.ok('entries.note', { entryId: rep.entryId, note: '予以追认' });
    expect(m.itemState(itemId)).toBe('noted');
    expect(stage(m, 'noted')).toBe(1);
    expect(m.t.ok('loop.status', { orgId: m.s.orgId }).openEmergencyActions).toEqual([]);
  });
});
