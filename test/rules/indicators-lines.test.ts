// The district's indicators (db/rules/indicators.ts), one line at a time: each scenario compares
// the whole set of facts a bundle yields, so a fact counted in the wrong month, counted twice,
// or counted with 0 shows up. Records outside the bundle (a meeting or entry it does not carry)
// must be skipped, never crash the import.
import { describe, expect, it } from 'vitest';
import { bundleFacts, indicatorsOf, MINUTES_LATE_DAYS, monthsCovered, type IndicatorRecords } from '../../db/rules/indicators';

const none = (over: Partial<IndicatorRecords> = {}): IndicatorRecords => ({
  bodies: [{ id: 1, kind: 'party_committee' }, { id: 2, kind: 'principal_office' }],
  matters: [],
  agenda_items: [],
  item_transitions: [],
  consultations: [],
  meetings: [],
  agenda_entries: [],
  decisions: [],
  follow_ups: [],
  minutes: [],
  emergency_actions: [],
  ...over,
});
/** The facts as "month key" → n, for whole-map comparison. */
const facts = (r: IndicatorRecords, asOf = '2026-06-30') => Object.fromEntries(bundleFacts(r, asOf).map((f) => [`${f.month} ${f.key}`, f.n]));
const meeting = (id: number, body: number, startsAt: string, state = 'closed', firstTopic: string | null = null) => ({ id, body_id: body, starts_at: startsAt, state, first_topic: firstTopic });
let entryId = 1000;
const entry = (meetingId: number, itemId: number, purpose: string, outcome: string | null = null, tally: unknown = null) => ({ id: entryId++, meeting_id: meetingId, item_id: itemId, purpose, outcome, tally });

describe('tallies (quorum problems)', () => {
  it('reads a tally stored as JSON text or as an object, ignores bad JSON, and skips an entry whose meeting the bundle lacks', () => {
    const r = none({
      meetings: [meeting(1, 1, '2026-03-10T15:00')],
      agenda_entries: [
        entry(1, 100, 'report', null, { quorumOk: false }),
        entry(1, 101, 'report', null, 'not json'),
        entry(99, 102, 'report', null, '{"quorumOk":false}'),
        entry(1, 103, 'report', null, '{"quorumOk":true}'),
        entry(1, 105, 'report', null, '{"quorumOk":false}'),
        entry(1, 106, 'report', null, '{"yes":5}'),
        entry(1, 104, 'report', null, '{}'),
      ],
    });
    expect(facts(r)).toEqual({ '2026-03 meetings': 1, '2026-03 partyMeetings': 1, '2026-03 quorumProblems': 2 });
  });
});

describe('会前沟通在先 (R4)', () => {
  it('counts each decided item once at its first decide entry, consulted on or before its first scheduling', () => {
    const r = none({
      meetings: [meeting(1, 1, '2026-03-20T15:00'), meeting(2, 1, '2026-04-20T15:00'), meeting(3, 2, '2026-03-05T15:00')],
      agenda_items: [
        { id: 100, kind: 'normal', routing: null },
        { id: 101, kind: 'normal', routing: '{}' },
        { id: 102, kind: 'normal', routing: '{}' },
        { id: 103, kind: 'normal', routing: '{}' },
        { id: 104, kind: 'normal', routing: '{}' },
        { id: 105, kind: 'normal', routing: '{}' },
        { id: 106, kind: 'normal', routing: '{}' },
        { id: 107, kind: 'normal', routing: '{}' },
      ],
      item_transitions: [
        { item_id: 100, to_state: 'consultation', at: '2026-03-01T01:00:00Z' },
        { item_id: 100, to_state: 'scheduled', at: '2026-03-10T01:00:00Z' },
        { item_id: 100, to_state: 'scheduled', at: '2026-03-18T01:00:00Z' },
        { item_id: 101, to_state: 'scheduled', at: '2026-03-10T01:00:00Z' },
        { item_id: 101, to_state: 'scheduled', at: '2026-03-18T01:00:00Z' },
        { item_id: 107, to_state: 'scheduled', at: '2026-03-10T01:00:00Z' },
      ],
      consultations: [
        // 100: the earliest consultation counts (before its first scheduling); 101: consulted between two schedulings.
        { item_id: 100, date: '2026-03-08' },
        { item_id: 100, date: '2026-03-12' },
        { item_id: 101, date: '2026-03-15' },
        // 107: the same, listed latest first.
        { item_id: 107, date: '2026-03-12' },
        { item_id: 107, date: '2026-03-08' },
        // never scheduled by a transition: the meeting's day is the line, and the day itself is in time.
        { item_id: 102, date: '2026-03-20' },
        { item_id: 103, date: '2026-03-21' },
      ],
      agenda_entries: [
        entry(1, 100, 'decide', 'passed'),
        entry(1, 101, 'decide', 'passed'),
        entry(1, 102, 'decide', 'passed'),
        entry(1, 103, 'decide', 'passed'),
        entry(1, 107, 'decide', 'passed'),
        // decided twice (postponed, then passed): counted once, in the month of the first.
        entry(1, 104, 'decide', 'postponed'),
        entry(2, 104, 'decide', 'passed'),
        // studied only: not scheduled for a decision.
        entry(3, 105, 'study', 'studied'),
        // at a meeting the bundle does not carry: skipped.
        entry(99, 106, 'decide', 'passed'),
        // an item the bundle does not carry, at a meeting it does: still scheduled.
        entry(1, 999, 'decide', 'passed'),
      ],
    });
    expect(facts(r)).toEqual({
      '2026-03 scheduled': 7,
      '2026-03 consultedBefore': 3,
      '2026-03 meetings': 2,
      '2026-03 partyMeetings': 1,
      '2026-04 meetings': 1,
      '2026-04 partyMeetings': 1,
    });
  });
});

describe('三重一大 routed to the 党组织会议 (R1, R2)', () => {
  it('counts major items where they were decided, routed only at the 党组织会议 after the 前置研究 the matter needs', () => {
    const major = (id: number, matter: number) => ({ id, kind: 'normal', matter_id: matter, routing: '{"major":true}' });
    const r = none({
      matters: [{ id: 10, pre_study: 1 }, { id: 11, pre_study: 0 }],
      meetings: [
        meeting(1, 2, '2026-03-05T09:00'),
        meeting(2, 1, '2026-03-20T15:00'),
        meeting(3, 1, '2026-04-20T15:00'),
        meeting(4, 2, '2026-04-25T09:00'),
        meeting(5, 2, '2026-03-20T15:00'),
      ],
      agenda_items: [major(200, 10), major(201, 10), major(202, 10), major(203, 10), major(204, 11), major(205, 12), major(206, 10), major(207, 10), major(208, 10), major(209, 10), major(210, 10), major(211, 11)],
      agenda_entries: [
        // 200: studied, postponed in March, passed in April: major and routed in April.
        entry(1, 200, 'study', 'studied'),
        entry(2, 200, 'decide', 'postponed'),
        entry(3, 200, 'decide', 'passed'),
        // 201: studied only after it was decided (not passed): major, not routed.
        entry(4, 201, 'study', 'studied'),
        entry(2, 201, 'decide', 'not_passed'),
        // 202: studied at the very time of the decision: routed.
        entry(5, 202, 'study', 'studied'),
        entry(2, 202, 'decide', 'passed'),
        // 203: "studied" at the 党组织会议 itself is no 前置研究: not routed.
        entry(2, 203, 'study', 'studied'),
        entry(3, 203, 'decide', 'passed'),
        // 204: its matter needs no 前置研究; 205: a matter the bundle lacks needs none either.
        entry(2, 204, 'decide', 'passed'),
        entry(2, 205, 'decide', 'passed'),
        // 206: decided by the 校长办公会: major, not routed.
        entry(1, 206, 'decide', 'passed'),
        // 207: no result yet: not counted as major.
        entry(2, 207, 'decide', null),
        // 208: its result is at a meeting the bundle lacks: not counted as major.
        entry(2, 208, 'decide', 'postponed'),
        entry(98, 208, 'decide', 'passed'),
        // 209: its study is at a meeting the bundle lacks: not routed.
        entry(97, 209, 'study', 'studied'),
        entry(2, 209, 'decide', 'passed'),
        // 210: a 校长办公会 decision (postponed) is no 前置研究 either: not routed.
        entry(1, 210, 'decide', 'postponed'),
        entry(2, 210, 'decide', 'passed'),
        // 211: needs no 前置研究, but decided by the 校长办公会: not routed.
        entry(1, 211, 'decide', 'passed'),
      ],
    });
    expect(facts(r)).toEqual({
      '2026-03 scheduled': 11,
      '2026-04 scheduled': 1,
      '2026-03 major': 8,
      '2026-04 major': 2,
      '2026-03 majorRouted': 3,
      '2026-04 majorRouted': 1,
      '2026-03 meetings': 3,
      '2026-03 partyMeetings': 1,
      '2026-04 meetings': 2,
      '2026-04 partyMeetings': 1,
    });
  });
});

describe('meetings and 第一议题', () => {
  it('counts held meetings; 第一议题 only at the 党组织会议 and only when written', () => {
    const r = none({
      meetings: [
        meeting(1, 1, '2026-03-01T15:00', 'closed', '学习习近平总书记重要讲话'),
        meeting(2, 1, '2026-03-08T15:00', 'closed', '   '),
        meeting(3, 2, '2026-03-09T15:00', 'closed', '学习'),
        meeting(4, 1, '2026-03-10T15:00', 'planned', '学习'),
        meeting(5, 1, '2026-04-10T15:00', 'in_progress', '学习'),
      ],
    });
    expect(facts(r)).toEqual({ '2026-03 meetings': 3, '2026-03 partyMeetings': 2, '2026-03 firstTopic': 1, '2026-04 meetings': 1, '2026-04 partyMeetings': 1, '2026-04 firstTopic': 1 });
  });
});

describe('decisions and follow-ups (R17)', () => {
  it('a decision needs a follow-up or a written reason; its month is its meeting’s, else its own date', () => {
    const e1 = entry(1, 1, 'decide', 'passed');
    const e2 = entry(98, 2, 'decide', 'passed');
    const r = none({
      meetings: [meeting(1, 2, '2026-03-10T15:00')],
      agenda_entries: [e1, e2],
      decisions: [
        { id: 1, entry_id: e1.id, no_follow_up_reason: null, loop_state: 'open', created_at: '2026-03-10T08:00:00Z' },
        { id: 2, entry_id: e1.id, no_follow_up_reason: null, loop_state: 'open', created_at: '2026-03-10T08:00:00Z' },
        { id: 3, entry_id: e1.id, no_follow_up_reason: '  ', loop_state: 'open', created_at: '2026-03-10T08:00:00Z' },
        { id: 4, entry_id: e1.id, no_follow_up_reason: '一次性事项，会上已办结', loop_state: 'open', created_at: '2026-03-10T08:00:00Z' },
        { id: 5, entry_id: e1.id, no_follow_up_reason: null, loop_state: 'reconsidered', created_at: '2026-03-10T08:00:00Z' },
        { id: 6, entry_id: 5555, no_follow_up_reason: null, loop_state: 'open', created_at: '2026-02-10T08:00:00Z' },
        { id: 7, entry_id: e2.id, no_follow_up_reason: null, loop_state: 'open', created_at: '2026-01-05T08:00:00Z' },
      ],
      follow_ups: [
        { decision_id: 1, deadline: '2026-04-30', state: 'open', completed_at: null },
        { decision_id: 1, deadline: '2026-06-30', state: 'open', completed_at: null },
        { decision_id: 1, deadline: '2026-05-31', state: 'done', completed_at: '2026-05-31T09:00:00Z' },
        { decision_id: 1, deadline: '2026-05-01', state: 'done', completed_at: '2026-05-02T10:00:00Z' },
        { decision_id: 1, deadline: '2026-07-15', state: 'open', completed_at: null },
        { decision_id: 1, deadline: '2026-05-10', state: 'done', completed_at: null },
        { decision_id: 1, deadline: '2026-05-20', state: 'in_progress', completed_at: null },
      ],
    });
    expect(facts(r, '2026-06-30')).toEqual({
      '2026-03 meetings': 1,
      '2026-03 scheduled': 1,
      '2026-03 decisions': 5,
      '2026-03 noFollowUp': 2,
      '2026-02 decisions': 1,
      '2026-02 noFollowUp': 1,
      '2026-01 decisions': 1,
      '2026-01 noFollowUp': 1,
      '2026-04 followUps': 1,
      '2026-04 overdue': 1,
      '2026-05 followUps': 4,
      '2026-05 overdue': 2,
      '2026-06 followUps': 1,
      '2026-07 followUps': 1,
    });
  });
});

describe('corrections (修正)', () => {
  it('counts correction items opened, and closed, in the month they were opened', () => {
    const r = none({
      agenda_items: [
        { id: 1, kind: 'correction', state: 'closed', created_at: '2026-03-02T01:00:00Z' },
        { id: 2, kind: 'correction', state: 'consultation', created_at: '2026-04-02T01:00:00Z' },
        { id: 3, kind: 'normal', state: 'closed', created_at: '2026-03-02T01:00:00Z' },
      ],
    });
    expect(facts(r)).toEqual({ '2026-03 correctionsOpened': 1, '2026-03 correctionsClosed': 1, '2026-04 correctionsOpened': 1 });
  });
});

describe('临时处置 reported at the next meeting of its body (R14)', () => {
  it('in time only at the next held meeting after the action; not counted while it cannot be told', () => {
    const c1 = meeting(1, 1, '2026-03-20T15:00');
    const c2 = meeting(2, 1, '2026-04-20T15:00');
    const e1 = entry(1, 1, 'report');
    const e2 = entry(2, 2, 'report');
    const r = none({
      // out of order, with a planned meeting before the held one and another body's meeting in between.
      meetings: [c2, meeting(3, 1, '2026-03-15T15:00', 'planned'), c1, meeting(4, 2, '2026-03-12T09:00')],
      agenda_entries: [e1, e2],
      emergency_actions: [
        { body_id: 1, at: '2026-03-10T08:00:00Z', reported_entry_id: e1.id },
        { body_id: 1, at: '2026-03-11T08:00:00Z', reported_entry_id: e1.id },
        { body_id: 1, at: '2026-03-10T08:00:00Z', reported_entry_id: e2.id },
        // taken at the very minute the meeting started: the next meeting is the one after.
        { body_id: 1, at: '2026-03-20T15:00:00Z', reported_entry_id: e2.id },
        { body_id: 1, at: '2026-05-01T08:00:00Z', reported_entry_id: null },
        { body_id: 1, at: '2026-04-01T08:00:00Z', reported_entry_id: null },
        // reported at an entry the bundle lacks: taken as reported in time.
        { body_id: 1, at: '2026-04-02T08:00:00Z', reported_entry_id: 7777 },
        { body_id: 1, at: '2026-05-02T08:00:00Z', reported_entry_id: e1.id },
      ],
    });
    expect(facts(r)).toEqual({
      '2026-03 meetings': 2,
      '2026-03 partyMeetings': 1,
      '2026-04 meetings': 1,
      '2026-04 partyMeetings': 1,
      '2026-03 emergency': 4,
      '2026-03 emergencyInTime': 3,
      '2026-04 emergency': 2,
      '2026-04 emergencyInTime': 1,
      '2026-05 emergency': 1,
      '2026-05 emergencyInTime': 1,
    });
  });
});

describe('how long after the meeting the minutes were signed', () => {
  it('from the meeting to its first signed minutes; late after more than 7 days; never negative', () => {
    expect(MINUTES_LATE_DAYS).toBe(7);
    const r = none({
      meetings: [meeting(1, 2, '2026-03-10T15:00'), meeting(2, 2, '2026-03-12T15:00'), meeting(3, 2, '2026-04-01T15:00'), meeting(4, 2, '2026-04-10T15:00')],
      minutes: [
        { meeting_id: 1, state: 'signed', signed_at: '2026-03-17T02:00:00Z' },
        { meeting_id: 1, state: 'signed', signed_at: '2026-03-30T02:00:00Z' },
        { meeting_id: 2, state: 'signed', signed_at: '2026-03-25T02:00:00Z' },
        { meeting_id: 2, state: 'signed', signed_at: '2026-03-20T02:00:00Z' },
        { meeting_id: 2, state: 'draft', signed_at: null },
        { meeting_id: 3, state: 'signed', signed_at: null },
        { meeting_id: 3, state: 'draft', signed_at: '2026-04-02T02:00:00Z' },
        { meeting_id: 99, state: 'signed', signed_at: '2026-04-02T02:00:00Z' },
        { meeting_id: 4, state: 'signed', signed_at: '2026-04-09T02:00:00Z' },
      ],
    });
    expect(facts(r)).toEqual({
      '2026-03 meetings': 2,
      '2026-04 meetings': 2,
      '2026-03 minutesSigned': 2,
      '2026-03 minutesDays': 15,
      '2026-03 minutesLate': 1,
      '2026-04 minutesSigned': 1,
    });
  });
});

describe('indicatorsOf', () => {
  it('turns sums into shares (one decimal), averages and counts', () => {
    expect(
      indicatorsOf(
        { scheduled: 3, consultedBefore: 1, major: 4, majorRouted: 3, meetings: 7, partyMeetings: 2, firstTopic: 2, quorumProblems: 1, noFollowUp: 2, overdue: 5, correctionsOpened: 3, correctionsClosed: 1, emergency: 3, emergencyInTime: 2, minutesSigned: 2, minutesDays: 15, minutesLate: 1 },
        3,
      ),
    ).toEqual({
      consultedShare: 33.3,
      majorRoutedShare: 75,
      meetingsPerMonth: 2.3,
      firstTopicShare: 100,
      quorumProblems: 1,
      noFollowUp: 2,
      overdueFollowUps: 5,
      corrections: 3,
      correctionsClosed: 1,
      emergencyInTime: 66.7,
      minutesDays: 7.5,
      minutesLate: 1,
    });
  });
  it('says nothing (null) where there is nothing to measure, and 0 for counts', () => {
    expect(indicatorsOf({}, 0)).toEqual({
      consultedShare: null,
      majorRoutedShare: null,
      meetingsPerMonth: null,
      firstTopicShare: null,
      quorumProblems: 0,
      noFollowUp: 0,
      overdueFollowUps: 0,
      corrections: 0,
      correctionsClosed: 0,
      emergencyInTime: null,
      minutesDays: null,
      minutesLate: 0,
    });
    expect(indicatorsOf({ meetings: 0, scheduled: 2 }, 1)).toMatchObject({ meetingsPerMonth: 0, consultedShare: 0 });
  });
});

describe('monthsCovered', () => {
  it('counts months across a year end, once each, and nothing for an empty or reversed period', () => {
    expect(monthsCovered([{ from: '2025-11-15', to: '2026-02-01' }])).toBe(4);
    expect(monthsCovered([{ from: '2026-03-01', to: '2026-03-31' }])).toBe(1);
    expect(monthsCovered([{ from: '2026-12-01', to: '2027-01-31' }, { from: '2027-01-01', to: '2027-01-31' }])).toBe(2);
    expect(monthsCovered([{ from: '2026-05-01', to: '2026-04-30' }])).toBe(0);
    expect(monthsCovered([{ from: '2027-01-01', to: '2026-12-31' }])).toBe(0);
    expect(monthsCovered([])).toBe(0);
  });
});
