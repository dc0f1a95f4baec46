// R11 复议 of a cadre decision through dispatch: more than half of the members due must agree.
import { describe, expect, it } from 'vitest';
import { meetingSchool, type MeetingSchool } from './meetings-fixture';

/** A cadre item (C1 中层干部任免) studied by the 校长办公会 and voted at the 党组织会议. */
function cadreVote(m: MeetingSchool, forVotes: number) {
  const itemId = m.studiedCadreItem();
  const meetingId = m.meeting();
  const entryId = m.add(meetingId, itemId);
  m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
  m.t.ok('meetings.setFirstTopic', { meetingId, content: '学习' });
  m.attend(meetingId);
  m.state(entryId, m.hostLast());
  m.t.ok('entries.vote', { entryId, method: '无记名投票', counts: { for: forVotes, against: 7 - forVotes, abstain: 0 }, decisionText: '同意任命' });
  return { itemId, meetingId, entryId };
}

describe('R11 复议', () => {
  it('R11: 复议 of a cadre decision is agreed only by more than half of the members due', () => {
    const m = meetingSchool();
    const { itemId, meetingId, entryId } = cadreVote(m, 3);
    expect(m.itemState(itemId)).toBe('not_passed');
    // 3 of 应到 7 is not more than half: kept, not agreed.
    const no = m.t.ok('entries.reconsider', { entryId, meetingId, agree: 3, reason: '有新的考察材料' });
    expect(no).toMatchObject({ agreed: false, due: 7, needed: 4, reopened: false, rule: expect.stringContaining('R11') });
    expect(m.itemState(itemId)).toBe('not_passed');
    const yes = m.t.ok('entries.reconsider', { entryId, meetingId, agree: 4, reason: '有新的考察材料' });
    expect(yes).toMatchObject({ agreed: true, reopened: true, itemState: 'consultation' });
    expect(m.view(meetingId).entries[0]!.reconsiderations.map((r) => [r.agree, r.agreed])).toEqual([[3, false], [4, true]]);
  });

  it('R11: refuses a count above those present, an undecided entry and another body', () => {
    const m = meetingSchool();
    const { meetingId, entryId } = cadreVote(m, 3);
    const before = m.t.snapshot();
    expect(m.t.call('entries.reconsider', { entryId, meetingId, agree: 8, reason: 'x' })).toMatchObject({ ok: false, error: { rule: 'R11', field: 'agree' } });
    const office = m.meeting('principal_office', { startsAt: '2026-04-01T09:00' });
    expect(m.t.call('entries.reconsider', { entryId, meetingId: office, agree: 4, reason: 'x' })).toMatchObject({ ok: false, error: { rule: 'R11' } });
    expect(m.t.snapshot()).toEqual({ ...before, meetings: before.meetings! + 1, audit_log: before.audit_log! + 1 });
    const other = m.sitting(['A1']);
    expect(m.t.call('entries.reconsider', { entryId: other.entryIds[0]!, meetingId: other.meetingId, agree: 4, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('R11: an agreed 复议 of a passed decision sends the item back to consultation; the decision is kept but suspended', () => {
    const m = meetingSchool();
    const { itemId, meetingId, entryId } = cadreVote(m, 6);
    expect(m.itemState(itemId)).toBe('passed');
    const decisionId = m.view(meetingId).entries[0]!.decision!.id;
    const pending = () => m.t.ok('loop.status', { orgId: m.s.orgId }).decisionsWithoutFollowUp.map((d) => d.id);
    expect(pending()).toEqual([decisionId]);

    // 3 of 应到 7 do not make a 复议: the decision stands.
    expect(m.t.ok('entries.reconsider', { entryId, meetingId, agree: 3, reason: '群众反映问题需核查' })).toMatchObject({ agreed: false, reopened: false, itemState: 'passed' });
    expect(m.t.ok('decisions.get', { decisionId }).loopState).toBe('open');

    const r = m.t.ok('entries.reconsider', { entryId, meetingId, agree: 4, reason: '群众反映问题需核查' });
    expect(r).toMatchObject({ agreed: true, reopened: true, itemState: 'consultation', warnings: [] });
    const item = m.t.ok('items.get', { itemId }).item;
    expect(item.state).toBe('consultation');
    // Kept, not erased (R16: the minutes may already carry it), but suspended: no follow-up, no R17 warning.
    expect(m.t.ok('decisions.get', { decisionId })).toMatchObject({ loopState: 'reconsidered', lacksFollowUp: false });
    expect(pending()).toEqual([]);
    const row = m.t.ok('loop.register', { orgId: m.s.orgId, year: 2026 }).find((r) => r.id === decisionId);
    expect(row).toMatchObject({ status: 'reconsidered', statusLabel: '复议中' });
    const before = m.t.snapshot();
    expect(m.t.call('followups.create', { decisionId, task: '办理任命', ownerDept: '党政办', deadline: '2026-04-30' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('复议') } });
    expect(m.t.call('followups.waive', { decisionId, reason: '当场办结' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('复议') } });
    expect(m.t.snapshot()).toEqual(before);

    // Back through R4: a new consultation and 酝酿 make it 待上会 again, and a later sitting decides it anew.
    const stances = [
      { personId: m.书记, role: '书记', stance: '同意' as const },
      { personId: m.校长, role: '校长', stance: '同意' as const },
    ];
    m.t.ok('consultations.record', { itemId, date: '2026-03-20', form: '当面', stances });
    m.t.ok('consultations.record', { itemId, kind: 'deliberation', date: '2026-03-20', form: '会议', stances });
    expect(m.itemState(itemId)).toBe('ready');
    const again = m.meeting('party_committee', { startsAt: '2026-04-01T14:30' });
    const entry2 = m.add(again, itemId);
    m.t.ok('meetings.confirmAgenda', { meetingId: again, personId: m.书记 });
    m.t.ok('meetings.setFirstTopic', { meetingId: again, content: '学习' });
    m.attend(again);
    m.state(entry2, m.hostLast());
    m.t.ok('entries.vote', { entryId: entry2, method: '无记名投票', counts: { for: 5, against: 2, abstain: 0 }, decisionText: '维持原任命' });
    expect(m.itemState(itemId)).toBe('passed');
    const fresh = m.view(again).entries[0]!.decision!.id;
    expect(fresh).not.toBe(decisionId);
    // Only the new decision waits for its follow-ups; the suspended one stays out of the R17 list.
    expect(pending()).toEqual([fresh]);
  });

  it('R11: an agreed 复议 once follow-ups have begun keeps the item in execution, with a warning to open a 修正', () => {
    const m = meetingSchool();
    const { itemId, meetingId, entryId } = cadreVote(m, 6);
    const decisionId = m.view(meetingId).entries[0]!.decision!.id;
    m.t.ok('followups.create', { decisionId, task: '办理任命', ownerDept: '党政办', deadline: '2026-04-30' });
    expect(m.itemState(itemId)).toBe('follow_up');
    const r = m.t.ok('entries.reconsider', { entryId, meetingId, agree: 5, reason: '群众反映问题需核查' });
    expect(r).toMatchObject({ agreed: true, reopened: false, itemState: 'follow_up' });
    expect(r.warnings.map((w) => w.rule)).toEqual(['R11']);
    expect(m.t.ok('decisions.get', { decisionId }).loopState).toBe('open');
  });
});
