// Corrections before the record is locked: undoing a vote result, voiding a membership,
// extending a follow-up, moving or cancelling a meeting (db/rules/amend.ts).
import { describe, expect, it } from 'vitest';
import { backdatedRefusal, cancelRefusal, extensionRefusal, isVoided, rescheduleRefusal, undoVoteRefusal, voidRefusal, type UndoVoteFacts } from '../../db/rules/amend';

const facts = (over: Partial<UndoVoteFacts> = {}): UndoVoteFacts => ({
  outcome: 'passed',
  followUps: 0,
  waived: false,
  reconsidered: false,
  decisionNumber: 2,
  lastDecisionNumber: 2,
  closedALoop: false,
  ...over,
});

describe('undoVoteRefusal', () => {
  it('allows undoing the latest passed or rejected result while nothing came of it', () => {
    expect(undoVoteRefusal(facts())).toBeNull();
    expect(undoVoteRefusal(facts({ outcome: 'not_passed', decisionNumber: null, lastDecisionNumber: 3 }))).toBeNull();
    expect(undoVoteRefusal(facts({ decisionNumber: 1, lastDecisionNumber: 1 }))).toBeNull();
  });

  it('refuses what is not a vote result', () => {
    for (const outcome of ['pending', 'postponed', 'studied', 'noted']) {
      expect(undoVoteRefusal(facts({ outcome })), outcome).toBe('本议题还没有表决结果，无需撤销');
    }
  });

  it('refuses once execution began (R17): a follow-up, or 无需督办', () => {
    const msg = '该决定事项已安排督办或注明无需督办，表决结果不能再撤销';
    expect(undoVoteRefusal(facts({ followUps: 1 }))).toBe(msg);
    expect(undoVoteRefusal(facts({ waived: true }))).toBe(msg);
  });

  it('refuses a result under 复议 (R11)', () => {
    expect(undoVoteRefusal(facts({ reconsidered: true }))).toBe('该表决结果已提出复议，不能再撤销');
  });

  it('refuses an earlier decision while a later number exists: numbers follow the votes', () => {
    expect(undoVoteRefusal(facts({ decisionNumber: 1, lastDecisionNumber: 2 }))).toBe('决定事项按表决先后编号，请先撤销第2号决定事项的表决结果');
    expect(undoVoteRefusal(facts({ decisionNumber: null, lastDecisionNumber: 2, outcome: 'not_passed' }))).toBeNull();
    expect(undoVoteRefusal(facts({ decisionNumber: 2, lastDecisionNumber: null }))).toBeNull();
  });

  it('refuses a 修正 whose passing closed the loop of its decision (R18)', () => {
    expect(undoVoteRefusal(facts({ closedALoop: true }))).toBe('这项修正议题通过后，原决定事项已经闭环，表决结果不能再撤销');
  });
});

describe('voidRefusal and isVoided', () => {
  it('a membership no meeting sat with may be voided, even on the day it started', () => {
    expect(voidRefusal({ startDate: '2026-03-20', endDate: null, heldMeetings: [] })).toBeNull();
    expect(voidRefusal({ startDate: '2026-03-20', endDate: '2026-04-01', heldMeetings: [] })).toBeNull();
  });

  it('refuses twice, and once meetings sat with it, naming them', () => {
    expect(voidRefusal({ startDate: '2026-03-20', endDate: '2026-03-20', heldMeetings: [] })).toBe('该成员记录已经作废');
    expect(voidRefusal({ startDate: '2026-03-20', endDate: null, heldMeetings: ['2026年第1次党组织会议', '2026年第2次党组织会议'] })).toBe(
      '2026年第1次党组织会议、2026年第2次党组织会议已按这一成员资格召开，不能作废；如该成员已离开，请结束任期',
    );
  });

  it('a voided membership is an empty term', () => {
    expect(isVoided({ startDate: '2026-03-20', endDate: '2026-03-20' })).toBe(true);
    expect(isVoided({ startDate: '2026-03-20', endDate: null })).toBe(false);
    expect(isVoided({ startDate: '2026-03-20', endDate: '2026-03-21' })).toBe(false);
  });
});

describe('extensionRefusal (延期)', () => {
  it('moves an open deadline later', () => {
    expect(extensionRefusal({ state: 'open', deadline: '2026-04-30', next: '2026-05-01' })).toBeNull();
  });

  it('refuses a finished follow-up, and a date not later than the deadline', () => {
    expect(extensionRefusal({ state: 'done', deadline: '2026-04-30', next: '2026-06-30' })).toBe('该督办事项已经办结，不能延期');
    expect(extensionRefusal({ state: 'open', deadline: '2026-04-30', next: '2026-04-30' })).toBe('延期后的完成时限须晚于原时限2026年4月30日');
    expect(extensionRefusal({ state: 'open', deadline: '2026-04-30', next: '2026-04-01' })).toBe('延期后的完成时限须晚于原时限2026年4月30日');
  });
});

describe('rescheduleRefusal (改期)', () => {
  it('a planned meeting moves within its year freely, across years when it is the last of that year', () => {
    expect(rescheduleRefusal({ state: 'planned', seq: 2, fromYear: 2026, toYear: 2026, lastSeqOfYear: 5 })).toBeNull();
    expect(rescheduleRefusal({ state: 'planned', seq: 2, fromYear: 2027, toYear: 2026, lastSeqOfYear: 2 })).toBeNull();
  });

  it('refuses a meeting that sat, or one that would leave a gap in its year', () => {
    for (const state of ['in_progress', 'closed', 'cancelled']) {
      expect(rescheduleRefusal({ state, seq: 1, fromYear: 2026, toYear: 2026, lastSeqOfYear: 1 }), state).toBe('会议已经开始，不能再改期');
    }
    expect(rescheduleRefusal({ state: 'planned', seq: 1, fromYear: 2027, toYear: 2026, lastSeqOfYear: 2 })).toBe(
      '本次会议是2027年第1次，之后已有第2次，不能改到2026年；请取消本次会议后另建',
    );
  });
});

describe('cancelRefusal (取消)', () => {
  it('only a planned meeting may be called off', () => {
    expect(cancelRefusal('planned')).toBeNull();
    expect(cancelRefusal('in_progress')).toBe('会议已经开始，不能取消；未议完的议题可以暂缓表决或移出议程，再结束会议');
    expect(cancelRefusal('closed')).toBe('会议已经结束，不能取消');
    expect(cancelRefusal('cancelled')).toBe('会议已经取消');
  });
});

describe('backdatedRefusal (a signed meeting keeps who was due and who chaired)', () => {
  const lastSigned = { date: '2026-01-06', title: '2026年第1次党委会议' };
  it('refuses a date on or before the last signed meeting, naming it and its date', () => {
    for (const date of ['2026-01-06', '2026-01-05', '2025-12-31']) {
      const r = backdatedRefusal({ label: '任期结束日期', date, lastSigned });
      expect(r).toBe('「任期结束日期」须晚于2026年第1次党委会议（2026年1月6日）：这次会议的纪要已经签发，应到人数和主持人按当时的成员和职务记录，已经锁定');
    }
  });
  it('allows the day after, and any date when nothing is signed yet', () => {
    expect(backdatedRefusal({ label: '任期结束日期', date: '2026-01-07', lastSigned })).toBeNull();
    expect(backdatedRefusal({ label: '任职日期', date: '2020-01-01', lastSigned: null })).toBeNull();
  });
});
