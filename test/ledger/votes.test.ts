// Statements, recusals, votes and 校长决定 through dispatch (R6–R12).
import { describe, expect, it } from 'vitest';
import { meetingSchool, COMMITTEE, OFFICE, type MeetingSchool } from './meetings-fixture';

const hands = (n: number, against = 0, abstain = 0) => ({ method: '举手' as const, counts: { for: n, against, abstain }, decisionText: '同意该议题' });
const rowCount = (m: MeetingSchool, table: string) => (m.t.ledger.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('R9 statements', () => {
  it('R9: the host stating first is refused (naming who has not stated), and nothing is written', () => {
    const m = meetingSchool();
    const { entryIds } = m.sitting();
    const before = m.t.snapshot();
    const r = m.t.call('entries.statement', { entryId: entryIds[0]!, personId: m.书记, stance: '同意' });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R9', field: 'personId', message: expect.stringContaining('主持人应末位表态') } });
    expect(m.t.snapshot()).toEqual(before);
  });

  it('R9: the host first with an override reason is recorded with the reason', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    m.t.ok('entries.statement', { entryId: entryIds[0]!, personId: m.书记, stance: '同意', hostOrderOverride: '书记须提前赴教育局开会' });
    const e = m.view(meetingId).entries[0]!;
    expect(e.hostOrderOverride).toBe('书记须提前赴教育局开会');
    expect(e.statements[0]).toMatchObject({ name: '王建国', isHost: true, seq: 1 });
  });

  it('R9: statements are kept in order with the host last; a vote waits for every present member', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    const entryId = entryIds[0]!;
    m.state(entryId, ['李明华', '张丽']);
    const r = m.t.call('entries.vote', { entryId, ...hands(7) });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R9', message: expect.stringContaining('陈志强') } });
    expect(m.view(meetingId).entries[0]!.live.hostMayState).toBe(false);
    m.state(entryId, ['陈志强', '刘芳', '赵磊', '孙红']);
    expect(m.view(meetingId).entries[0]!.live.hostMayState).toBe(true);
    m.state(entryId, ['王建国'], '同意');
    expect(m.t.call('entries.statement', { entryId, personId: m.id('张丽'), stance: '不同意' })).toMatchObject({ ok: false, error: { rule: 'R9' } });
    const e = m.view(meetingId).entries[0]!;
    expect(e.statements.map((s) => s.name)).toEqual(m.hostLast());
    expect(e.live).toMatchObject({ waitingFor: [], readyToDecide: true });
    m.t.ok('entries.vote', { entryId, ...hands(7) });
  });
});

describe('R7 who votes', () => {
  it('R7: a 列席 attendee may not state or vote', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const entryId = m.add(meetingId, m.readyItem('A1'));
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    m.attend(meetingId, 'party_committee', {}, ['周敏']);
    expect(m.t.call('entries.statement', { entryId, personId: m.id('周敏'), stance: '同意' })).toMatchObject({ ok: false, error: { rule: 'R7', message: expect.stringContaining('列席') } });
    m.state(entryId, m.hostLast());
    const ballots = COMMITTEE.map((n) => ({ personId: m.id(n), choice: '同意' as const }));
    const before = m.t.snapshot();
    const r = m.t.call('entries.vote', { entryId, method: '记名投票', ballots: [...ballots, { personId: m.id('周敏'), choice: '同意' }], decisionText: '同意' });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R7', field: 'ballots.7.personId', message: expect.stringContaining('列席') } });
    expect(m.t.snapshot()).toEqual(before);
    m.t.ok('entries.vote', { entryId, method: '记名投票', ballots, decisionText: '同意' });
  });

  it('R7: an absent member’s written opinion is kept but not counted; a present member cannot send one', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    const entryId = entryIds[0]!;
    m.attend(meetingId, 'party_committee', { 孙红: { status: '请假', reason: '出差' } });
    expect(m.t.call('entries.writtenOpinion', { entryId, personId: m.id('张丽'), text: '同意' })).toMatchObject({ ok: false, error: { rule: 'R7' } });
    m.t.ok('entries.writtenOpinion', { entryId, personId: m.id('孙红'), text: '同意该方案，建议加强宣传。' });
    expect(m.t.call('entries.statement', { entryId, personId: m.id('孙红'), stance: '同意' })).toMatchObject({ ok: false, error: { rule: 'R7' } });
    m.state(entryId, m.hostLast('王建国', COMMITTEE.filter((n) => n !== '孙红')));
    // 7 votes for would count the written opinion: refused, 6 present.
    expect(m.t.call('entries.vote', { entryId, ...hands(7) })).toMatchObject({ ok: false, error: { rule: 'R10' } });
    const v = m.t.ok('entries.vote', { entryId, ...hands(6) });
    expect(v.tally).toMatchObject({ due: 7, present: 6, needed: 4, passed: true });
    expect(m.view(meetingId).entries[0]!.writtenOpinions).toEqual([{ personId: m.id('孙红'), name: '孙红', text: '同意该方案，建议加强宣传。' }]);
  });
});

describe('R8 recusal', () => {
  it('R8: a recused member neither states nor votes', () => {
    const m = meetingSchool();
    const { entryIds } = m.sitting();
    const entryId = entryIds[0]!;
    m.t.ok('entries.recuse', { entryId, personId: m.id('赵磊'), reason: '近亲属为当事人' });
    expect(m.t.call('entries.statement', { entryId, personId: m.id('赵磊'), stance: '同意' })).toMatchObject({ ok: false, error: { rule: 'R8' } });
    m.state(entryId, m.hostLast('王建国', COMMITTEE.filter((n) => n !== '赵磊')));
    const ballots = COMMITTEE.map((n) => ({ personId: m.id(n), choice: '同意' as const }));
    expect(m.t.call('entries.vote', { entryId, method: '记名投票', ballots, decisionText: 'x' })).toMatchObject({ ok: false, error: { rule: 'R8' } });
  });

  it('R8: recusal after stating is refused', () => {
    const m = meetingSchool();
    const { entryIds } = m.sitting();
    m.state(entryIds[0]!, ['张丽']);
    expect(m.t.call('entries.recuse', { entryId: entryIds[0]!, personId: m.id('张丽'), reason: '利害关系' })).toMatchObject({ ok: false, error: { rule: 'R8' } });
  });

  it('R8/R10: recusals change 应到 and with it the outcome; the setting keeps them in 应到', () => {
    const run = (recusedCountInDue: boolean) => {
      const m = meetingSchool();
      m.t.ok('settings.set', { orgId: m.s.orgId, values: { recusedCountInDue } });
      const { meetingId, entryIds } = m.sitting();
      const entryId = entryIds[0]!;
      m.attend(meetingId, 'party_committee', { 刘芳: { status: '请假', reason: '病假' } });
      m.t.ok('entries.recuse', { entryId, personId: m.id('孙红'), reason: '本人为候选人' });
      m.t.ok('entries.recuse', { entryId, personId: m.id('赵磊'), reason: '亲属关系' });
      m.state(entryId, ['李明华', '张丽', '陈志强', '王建国']);
      return m.t.ok('entries.vote', { entryId, ...hands(3, 1) });
    };
    // Default: 应到 7 − 2 recused = 5, 3 votes for is more than half.
    expect(run(false).tally).toMatchObject({ due: 5, present: 4, needed: 3, passed: true });
    // recusedCountInDue: 应到 stays 7, 3 is not more than half.
    expect(run(true).tally).toMatchObject({ due: 7, present: 4, needed: 4, passed: false });
  });
});

describe('R6 quorum per item', () => {
  it('R6: exactly half present is refused by default and allowed by the setting', () => {
    const setUp = (half: boolean) => {
      const m = meetingSchool();
      if (half) m.t.ok('settings.set', { orgId: m.s.orgId, values: { halfCountsAsMajority: true } });
      const { meetingId, entryIds } = m.sitting();
      const entryId = entryIds[0]!;
      // 1 recused → 应到 6; 3 away → 实到 3: exactly half.
      m.attend(meetingId, 'party_committee', { 刘芳: { status: '缺席' }, 赵磊: { status: '缺席' }, 陈志强: { status: '请假', reason: '公出' } });
      m.t.ok('entries.recuse', { entryId, personId: m.id('孙红'), reason: '利害关系' });
      m.state(entryId, ['李明华', '张丽', '王建国']);
      return { m, entryId };
    };
    const strict = setUp(false);
    const before = strict.m.t.snapshot();
    expect(strict.m.t.call('entries.vote', { entryId: strict.entryId, ...hands(3) })).toMatchObject({ ok: false, error: { rule: 'R6', message: expect.stringContaining('应到6人，实到3人') } });
    expect(strict.m.t.snapshot()).toEqual(before);
    const lenient = setUp(true);
    // Quorum holds, but 3 of 应到 6 is still not more than half (R10).
    expect(lenient.m.t.ok('entries.vote', { entryId: lenient.entryId, ...hands(3) }).tally).toMatchObject({ due: 6, present: 3, quorumOk: true, needed: 4, passed: false });
  });

  it('R6: members leaving after item 1 lose the quorum for item 2', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1', 'A2']);
    m.state(entryIds[0]!, m.hostLast());
    expect(m.t.ok('entries.vote', { entryId: entryIds[0]!, ...hands(7) }).passed).toBe(true);
    // Changing who was present for item 1 after its vote is refused…
    expect(m.t.call('meetings.setAttendance', { meetingId, rows: COMMITTEE.map((n) => ({ personId: m.id(n), status: n === '孙红' ? '缺席' as const : '出席' as const })) })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // …but leaving after item 1 is recorded.
    m.attend(meetingId, 'party_committee', { 陈志强: { leavesAfter: 1 }, 刘芳: { leavesAfter: 1 }, 赵磊: { leavesAfter: 1 }, 孙红: { leavesAfter: 1 } });
    expect(m.t.call('entries.statement', { entryId: entryIds[1]!, personId: m.id('刘芳'), stance: '同意' })).toMatchObject({ ok: false, error: { rule: 'R7' } });
    m.state(entryIds[1]!, ['李明华', '张丽', '王建国']);
    const r = m.t.call('entries.vote', { entryId: entryIds[1]!, ...hands(3) });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R6' } });
    expect(m.view(meetingId).entries[1]!.live).toMatchObject({ due: 7, present: 3, quorumOk: false });
    // The item can still be postponed (R11).
    m.t.ok('entries.postpone', { entryId: entryIds[1]!, reason: '到会人数不足' });
  });

  it('R6: a two-thirds matter needs 5 of 7 present', () => {
    const m = meetingSchool();
    const itemId = m.readyItem('C4');
    const office = m.meeting('principal_office', { startsAt: '2026-03-23T09:00' });
    const study = m.add(office, itemId);
    m.t.ok('meetings.confirmAgenda', { meetingId: office, personId: m.校长 });
    m.attend(office, 'principal_office');
    m.t.ok('entries.study', { entryId: study, proposal: '建议招聘3名教师' });
    const meetingId = m.meeting();
    const entryId = m.add(meetingId, itemId);
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    m.t.ok('meetings.setFirstTopic', { meetingId, content: '学习' });
    m.attend(meetingId, 'party_committee', { 刘芳: { status: '缺席' }, 赵磊: { status: '缺席' }, 孙红: { status: '缺席' } });
    m.state(entryId, ['李明华', '张丽', '陈志强', '王建国']);
    expect(m.view(meetingId).entries[0]!.live).toMatchObject({ due: 7, present: 4, quorumNeeded: 5, quorumOk: false, rule: 'R6 三分之二以上到会' });
    expect(m.t.call('entries.vote', { entryId, ...hands(4) })).toMatchObject({ ok: false, error: { rule: 'R6' } });
    // 孙红 arrives for the item: 5 of 7.
    m.attend(meetingId, 'party_committee', { 刘芳: { status: '缺席' }, 赵磊: { status: '缺席' } });
    m.state(entryId, ['孙红']);
    expect(m.t.ok('entries.vote', { entryId, ...hands(5) }).tally).toMatchObject({ present: 5, quorumOk: true, passed: true });
  });
});

describe('R10 tally and decisions', () => {
  it('R10: passing is more than half of 应到, not of those present', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    m.attend(meetingId, 'party_committee', { 刘芳: { status: '请假', reason: '病假' }, 赵磊: { status: '缺席' } });
    m.state(entryIds[0]!, ['李明华', '张丽', '陈志强', '孙红', '王建国']);
    const v = m.t.ok('entries.vote', { entryId: entryIds[0]!, ...hands(3, 2) });
    expect(v).toMatchObject({ passed: false, decision: null, tally: { due: 7, present: 5, needed: 4, passed: false } });
    const e = m.view(meetingId).entries[0]!;
    expect(e).toMatchObject({ outcome: 'not_passed', decision: null, vote: { method: '举手', for: 3, against: 2, abstain: 0 } });
    expect(m.itemState(e.item.id)).toBe('not_passed');
    expect(rowCount(m, 'decisions')).toBe(0);
  });

  it('R10: a pass creates a numbered decision with the routing snapshot and moves the item to 已通过', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const entryIds = [m.add(meetingId, m.readyItem('A1')), m.add(meetingId, m.readyItem('D3', { amount: 50_000 }))];
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    m.attend(meetingId);
    for (const entryId of entryIds) {
      m.state(entryId, m.hostLast());
      m.t.ok('entries.vote', { entryId, ...hands(6, 1) });
    }
    const entries = m.view(meetingId).entries;
    expect(entries.map((e) => e.decision?.number)).toEqual([1, 2]);
    expect(entries[1]!.decision!.ruleSnapshot).toMatchObject({ major: true, ruleVersion: '2026.1' });
    expect(entries[0]!.decision!.ruleSnapshot).toMatchObject({ major: false });
    expect(entries[0]!.vote!.tally).toEqual({ due: 7, present: 7, needed: 4, quorumOk: true, passed: true, rule: 'R10 同意票超过应到会人数半数；R6 过半数到会' });
    expect(entries.map((e) => m.itemState(e.item.id))).toEqual(['passed', 'passed']);
  });

  it('R10: a secret ballot whose counts do not add up is refused; a valid one keeps counts only', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    const entryId = entryIds[0]!;
    m.state(entryId, m.hostLast());
    const before = m.t.snapshot();
    const bad = m.t.call('entries.vote', { entryId, method: '无记名投票', counts: { for: 5, against: 2, abstain: 1 }, decisionText: '同意' });
    expect(bad).toMatchObject({ ok: false, error: { rule: 'R10', field: 'counts', message: expect.stringContaining('合计8票') } });
    const named = m.t.call('entries.vote', { entryId, method: '无记名投票', counts: { for: 7, against: 0, abstain: 0 }, ballots: [{ personId: m.书记, choice: '同意' }], decisionText: '同意' });
    expect(named).toMatchObject({ ok: false, error: { rule: 'R10', field: 'ballots' } });
    expect(m.t.snapshot()).toEqual(before);
    m.t.ok('entries.vote', { entryId, method: '无记名投票', counts: { for: 5, against: 1, abstain: 1 }, decisionText: '同意' });
    expect(rowCount(m, 'ballots')).toBe(0);
    expect(m.view(meetingId).entries[0]).toMatchObject({ ballots: [], vote: { method: '无记名投票', for: 5, against: 1, abstain: 1 } });
  });

  it('R10: a named ballot stores each ballot and derives the counts; typed counts must agree', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    const entryId = entryIds[0]!;
    m.state(entryId, m.hostLast());
    const ballots = COMMITTEE.map((n, i) => ({ personId: m.id(n), choice: (i < 5 ? '同意' : i === 5 ? '反对' : '弃权') as '同意' | '反对' | '弃权' }));
    expect(m.t.call('entries.vote', { entryId, method: '记名投票', decisionText: 'x' })).toMatchObject({ ok: false, error: { rule: 'R10', field: 'ballots' } });
    expect(m.t.call('entries.vote', { entryId, method: '记名投票', ballots, counts: { for: 6, against: 1, abstain: 0 }, decisionText: 'x' })).toMatchObject({ ok: false, error: { rule: 'R10', field: 'counts' } });
    expect(m.t.call('entries.vote', { entryId, method: '记名投票', ballots: [...ballots, ballots[0]!], decisionText: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const v = m.t.ok('entries.vote', { entryId, method: '记名投票', ballots, decisionText: '同意' });
    expect(v.counts).toEqual({ for: 5, against: 1, abstain: 1 });
    expect(m.view(meetingId).entries[0]!.ballots).toHaveLength(7);
    // A decided entry is final.
    expect(m.t.call('entries.vote', { entryId, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('R11 暂缓表决', () => {
  it('R11: postponing with a reason sends the item back to consultation; a new consultation puts it on a later agenda', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    m.state(entryIds[0]!, ['李明华', '张丽']);
    m.t.ok('entries.postpone', { entryId: entryIds[0]!, reason: '意见分歧较大，需进一步调研' });
    const e = m.view(meetingId).entries[0]!;
    expect(e).toMatchObject({ outcome: 'postponed', postponeReason: '意见分歧较大，需进一步调研' });
    expect(m.itemState(e.item.id)).toBe('consultation');
    const later = m.meeting('party_committee', { startsAt: '2026-04-08T14:30' });
    expect(m.t.call('meetings.addItem', { meetingId: later, itemId: e.item.id })).toMatchObject({ ok: false });
    m.t.setNow('2026-03-30T09:00:00');
    m.t.ok('consultations.record', { itemId: e.item.id, date: '2026-03-30', form: '当面', stances: [{ personId: m.书记, role: '书记', stance: '同意' }, { personId: m.校长, role: '校长', stance: '同意' }] });
    m.t.ok('meetings.addItem', { meetingId: later, itemId: e.item.id });
  });
});

describe('R12 校长办公会', () => {
  const officeSitting = (m: MeetingSchool) => {
    const meetingId = m.meeting('principal_office');
    const entryId = m.add(meetingId, m.readyItem('X2'));
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.校长 });
    m.attend(meetingId, 'principal_office');
    return { meetingId, entryId };
  };

  it('R12: by default the 校长 decides after hearing everyone present; a vote is refused', () => {
    const m = meetingSchool();
    const { meetingId, entryId } = officeSitting(m);
    expect(m.view(meetingId).mode).toBe('principal_decides');
    m.state(entryId, ['王建国', '张丽']);
    expect(m.t.call('entries.vote', { entryId, method: '举手', counts: { for: 5, against: 0, abstain: 0 }, decisionText: 'x' })).toMatchObject({ ok: false, error: { rule: 'R12' } });
    expect(m.t.call('entries.principalDecide', { entryId, decisionText: 'x' })).toMatchObject({ ok: false, error: { rule: 'R9', message: expect.stringContaining('陈志强') } });
    m.state(entryId, ['陈志强', '周敏']);
    const d = m.t.ok('entries.principalDecide', { entryId, decisionText: '同意调整期中考试安排' });
    expect(d).toMatchObject({ passed: true, decidedBy: '李明华', tally: { due: 5, present: 5, passed: true } });
    expect(m.view(meetingId).entries[0]).toMatchObject({ outcome: 'passed', vote: { method: '校长决定' }, decision: { number: 1 } });
  });

  it('R12: the 校长 may decide against; the 党组织会议 never uses 校长决定', () => {
    const m = meetingSchool();
    const { entryId } = officeSitting(m);
    m.state(entryId, OFFICE.filter((n) => n !== '李明华'));
    expect(m.t.ok('entries.principalDecide', { entryId, decisionText: '暂不调整', approve: false }).passed).toBe(false);
    const party = m.sitting();
    m.state(party.entryIds[0]!, m.hostLast());
    expect(m.t.call('entries.principalDecide', { entryId: party.entryIds[0]!, decisionText: 'x' })).toMatchObject({ ok: false, error: { rule: 'R12' } });
  });

  it('R12: with the majority-vote setting the 校长办公会 votes as in R10', () => {
    const m = meetingSchool();
    m.t.ok('settings.set', { orgId: m.s.orgId, values: { principalOfficeMode: 'majority_vote' } });
    const { meetingId, entryId } = officeSitting(m);
    expect(m.view(meetingId).mode).toBe('vote');
    m.state(entryId, m.hostLast('李明华', OFFICE));
    expect(m.t.call('entries.principalDecide', { entryId, decisionText: 'x' })).toMatchObject({ ok: false, error: { rule: 'R12' } });
    expect(m.t.ok('entries.vote', { entryId, method: '举手', counts: { for: 3, against: 2, abstain: 0 }, decisionText: '同意' }).tally).toMatchObject({ due: 5, needed: 3, passed: true });
  });
});
