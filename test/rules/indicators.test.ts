// The district's indicators on plain rows: facts per month, then the shares and counts.
import { describe, expect, it } from 'vitest';
import { attentionKeys, bundleFacts, indicatorsOf, monthsCovered, type IndicatorRecords, type IndicatorValues } from '../../db/rules/indicators';

const base = (): IndicatorRecords => ({
  bodies: [{ id: 1, kind: 'party_committee' }, { id: 2, kind: 'principal_office' }],
  matters: [{ id: 10, pre_study: 1 }, { id: 11, pre_study: 0 }],
  agenda_items: [
    { id: 100, matter_id: 10, kind: 'normal', state: 'follow_up', routing: JSON.stringify({ major: true }), created_at: '2026-03-01T01:00:00Z' },
    { id: 101, matter_id: 11, kind: 'normal', state: 'passed', routing: JSON.stringify({ major: false }), created_at: '2026-03-02T01:00:00Z' },
    { id: 102, matter_id: 11, kind: 'correction', state: 'closed', routing: '{}', created_at: '2026-04-02T01:00:00Z' },
  ],
  item_transitions: [{ item_id: 100, to_state: 'scheduled', at: '2026-03-10T01:00:00Z' }, { item_id: 101, to_state: 'scheduled', at: '2026-03-10T01:00:00Z' }],
  consultations: [{ item_id: 100, date: '2026-03-09' }, { item_id: 101, date: '2026-03-12' }],
  meetings: [
    { id: 1, body_id: 2, starts_at: '2026-03-11T15:00', state: 'closed', first_topic: null },
    { id: 2, body_id: 1, starts_at: '2026-03-20T15:00', state: 'closed', first_topic: '学习' },
    { id: 3, body_id: 1, starts_at: '2026-04-20T15:00', state: 'closed', first_topic: '' },
  ],
  agenda_entries: [
    { id: 1, meeting_id: 1, item_id: 100, purpose: 'study', outcome: 'studied', tally: null },
    { id: 2, meeting_id: 2, item_id: 100, purpose: 'decide', outcome: 'passed', tally: JSON.stringify({ quorumOk: true }) },
    { id: 3, meeting_id: 2, item_id: 101, purpose: 'decide', outcome: 'passed', tally: JSON.stringify({ quorumOk: false }) },
  ],
  decisions: [
    { id: 1, entry_id: 2, no_follow_up_reason: null, loop_state: 'open' },
    { id: 2, entry_id: 3, no_follow_up_reason: null, loop_state: 'open' },
  ],
  follow_ups: [{ decision_id: 1, deadline: '2026-04-30', state: 'open', completed_at: null }],
  minutes: [{ meeting_id: 2, state: 'signed', signed_at: '2026-03-30T02:00:00Z' }],
  emergency_actions: [{ body_id: 1, at: '2026-04-01T08:00:00Z', reported_entry_id: null }],
});

describe('district indicators', () => {
  it('counts each fact in its month and turns the sums into the inspector’s numbers', () => {
    const facts = bundleFacts(base(), '2026-05-10');
    const sum: Record<string, number> = {};
    for (const f of facts) sum[f.key] = (sum[f.key] ?? 0) + f.n;
    expect(sum).toMatchObject({
      scheduled: 2, consultedBefore: 1, major: 1, majorRouted: 1, meetings: 3, partyMeetings: 2, firstTopic: 1,
      quorumProblems: 1, decisions: 2, noFollowUp: 1, followUps: 1, overdue: 1, correctionsOpened: 1, correctionsClosed: 1,
      emergency: 1, minutesSigned: 1, minutesDays: 10, minutesLate: 1,
    });
    expect(sum.emergencyInTime ?? 0).toBe(0);
    expect(facts.find((f) => f.key === 'meetings' && f.month === '2026-04')?.n).toBe(1);
    const v = indicatorsOf(sum, monthsCovered([{ from: '2026-03-01', to: '2026-04-30' }]));
    expect(v).toMatchObject({ consultedShare: 50, majorRoutedShare: 100, meetingsPerMonth: 1.5, firstTopicShare: 50, minutesDays: 10, emergencyInTime: 0 });
  });

  it('a 三重一大 item decided without the 前置研究 its matter needs is not routed as required', () => {
    const r = base();
    r.agenda_entries = r.agenda_entries.filter((e) => e.purpose !== 'study');
    const sum = Object.fromEntries(bundleFacts(r, '2026-05-10').filter((f) => f.key.startsWith('major')).map((f) => [f.key, f.n]));
    expect(sum).toEqual({ major: 1 });
  });

  it('months covered count each month once', () => {
    expect(monthsCovered([{ from: '2025-09-01', to: '2026-01-31' }, { from: '2026-01-15', to: '2026-02-10' }])).toBe(6);
  });
});

describe('schools needing attention (the district report)', () => {
  const clean: IndicatorValues = {
    consultedShare: 100, majorRoutedShare: 100, meetingsPerMonth: 0.5, firstTopicShare: 100, quorumProblems: 0,
    noFollowUp: 0, overdueFollowUps: 0, corrections: 3, emergencyInTime: 100, minutesDays: 6.9, minutesLate: 0,
  };
  it('a school that kept every rule is not flagged, however few meetings or many corrections it had', () => {
    expect(attentionKeys(clean)).toEqual([]);
    expect(attentionKeys({ ...clean, consultedShare: null, majorRoutedShare: null, firstTopicShare: null, emergencyInTime: null, minutesDays: null, meetingsPerMonth: null })).toEqual([]);
  });
  it.each([
    ['consultedShare', 99.9],
    ['majorRoutedShare', 0],
    ['firstTopicShare', 50],
    ['quorumProblems', 1],
    ['noFollowUp', 1],
    ['overdueFollowUps', 2],
    ['emergencyInTime', 0],
    ['minutesLate', 1],
  ] as const)('%s at %s flags the school, and only for that indicator', (key, value) => {
    expect(attentionKeys({ ...clean, [key]: value })).toEqual([key]);
  });
  it('several broken rules are listed in the table\'s order', () => {
    expect(attentionKeys({ ...clean, minutesLate: 2, consultedShare: 80 })).toEqual(['consultedShare', 'minutesLate']);
  });
});
