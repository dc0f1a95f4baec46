import { describe, expect, it } from 'vitest';
import {
  MISSING_FOLLOW_UP_MESSAGE,
  RECONSIDERED,
  daysOverdue,
  decisionStage,
  isCorrectionDecided,
  isLoopClosed,
  isOverdue,
  lacksFollowUp,
  needsCorrection,
  stagePath,
  followUpStatus,
} from '../../db/rules/followup';

describe('R17 follow-up rules', () => {
  it('R17 overdue: past the deadline and not done; the deadline day itself is not late', () => {
    expect(isOverdue({ state: 'open', deadline: '2026-04-30' }, '2026-04-30')).toBe(false);
    expect(isOverdue({ state: 'open', deadline: '2026-04-30' }, '2026-05-01')).toBe(true);
    expect(isOverdue({ state: 'done', deadline: '2026-04-30' }, '2026-06-01')).toBe(false);
    expect(daysOverdue({ state: 'open', deadline: '2026-04-30' }, '2026-05-10')).toBe(10);
    expect(daysOverdue({ state: 'open', deadline: '2026-04-30' }, '2026-04-01')).toBe(0);
    // Across the month end and a DST-free calendar: whole days.
    expect(daysOverdue({ state: 'open', deadline: '2026-02-27' }, '2026-03-02')).toBe(3);
  });

  it('R17 warning: a decision needs a follow-up or an explicit 无需督办', () => {
    expect(lacksFollowUp({ followUps: 0, noFollowUpReason: null })).toBe(true);
    expect(lacksFollowUp({ followUps: 0, noFollowUpReason: '' })).toBe(true);
    expect(lacksFollowUp({ followUps: 1, noFollowUpReason: null })).toBe(false);
    expect(lacksFollowUp({ followUps: 0, noFollowUpReason: '已当场执行完毕' })).toBe(false);
  });
});

describe('R18 evaluation and correction rules', () => {
  it('R18 一般 or 差, or a failed execution, opens a correction; 好/较好 do not', () => {
    expect(needsCorrection('好', false)).toBe(false);
    expect(needsCorrection('较好', false)).toBe(false);
    expect(needsCorrection('一般', false)).toBe(true);
    expect(needsCorrection('差', false)).toBe(true);
    expect(needsCorrection('好', true)).toBe(true);
  });

  it('R18 loop closes only when every follow-up is evaluated and every correction decided', () => {
    const base = { noFollowUpReason: null };
    expect(isLoopClosed({ ...base, followUps: [], corrections: [] })).toBe(false);
    expect(isLoopClosed({ noFollowUpReason: '无需督办', followUps: [], corrections: [] })).toBe(true);
    expect(isLoopClosed({ ...base, followUps: [{ evaluated: true }, { evaluated: false }], corrections: [] })).toBe(false);
    expect(isLoopClosed({ ...base, followUps: [{ evaluated: true }], corrections: [] })).toBe(true);
    expect(isLoopClosed({ ...base, followUps: [{ evaluated: true }], corrections: [{ state: 'scheduled' }] })).toBe(false);
    expect(isLoopClosed({ ...base, followUps: [{ evaluated: true }], corrections: [{ state: 'draft' }] })).toBe(false);
    expect(isLoopClosed({ ...base, followUps: [{ evaluated: true }], corrections: [{ state: 'vote_postponed' }] })).toBe(false);
    expect(isLoopClosed({ ...base, followUps: [{ evaluated: true }], corrections: [{ state: 'passed' }] })).toBe(true);
    expect(isLoopClosed({ ...base, followUps: [{ evaluated: true }], corrections: [{ state: 'not_passed' }] })).toBe(true);
  });

  it('R18 stage of the decided item: follow_up → evaluated → closed, or corrected while a correction is open', () => {
    const reason = { noFollowUpReason: null };
    expect(decisionStage({ ...reason, followUps: [], corrections: [] })).toBe('passed');
    expect(decisionStage({ ...reason, followUps: [{ evaluated: false }], corrections: [] })).toBe('follow_up');
    expect(decisionStage({ ...reason, followUps: [{ evaluated: true }, { evaluated: false }], corrections: [] })).toBe('follow_up');
    expect(decisionStage({ ...reason, followUps: [{ evaluated: true }], corrections: [] })).toBe('closed');
    expect(decisionStage({ ...reason, followUps: [{ evaluated: true }], corrections: [{ state: 'draft' }] })).toBe('corrected');
    expect(decisionStage({ ...reason, followUps: [{ evaluated: true }], corrections: [{ state: 'passed' }] })).toBe('closed');
  });

  it('moves the item one permitted step at a time and never back from corrected', () => {
    expect(stagePath('passed', 'follow_up')).toEqual(['follow_up']);
    expect(stagePath('follow_up', 'closed')).toEqual(['evaluated', 'closed']);
    expect(stagePath('follow_up', 'corrected')).toEqual(['corrected']);
    expect(stagePath('corrected', 'closed')).toEqual(['closed']);
    expect(stagePath('corrected', 'follow_up')).toEqual([]);
    expect(stagePath('evaluated', 'follow_up')).toEqual(['follow_up']);
    expect(stagePath('closed', 'closed')).toEqual([]);
  });
});

describe('R17/R18 edges (mutation testing)', () => {
  it('R18: a correction counts as decided once its meeting passed or rejected it, wherever it went after', () => {
    for (const state of ['passed', 'not_passed', 'follow_up', 'evaluated', 'closed', 'corrected']) expect(isCorrectionDecided({ state }), state).toBe(true);
    for (const state of ['draft', 'consultation', 'postponed', 'ready', 'scheduled', 'discussed', 'vote_postponed']) expect(isCorrectionDecided({ state }), state).toBe(false);
  });

  it('R18: all evaluated and no correction is closed at once; evaluated is passed through on the way', () => {
    expect(decisionStage({ noFollowUpReason: null, followUps: [{ evaluated: true }, { evaluated: true }], corrections: [] })).toBe('closed');
    expect(stagePath('follow_up', 'closed')).toEqual(['evaluated', 'closed']);
    expect(stagePath('passed', 'closed')).toEqual(['closed']);
    expect(stagePath('passed', 'corrected')).toEqual(['follow_up', 'corrected']);
  });

  it('R17: the warning says what is missing and what to do instead', () => {
    expect(MISSING_FOLLOW_UP_MESSAGE).toBe('决定事项尚未安排督办（承办部门、责任人、分管领导、完成时限），也未注明“无需督办”的理由');
  });

  it('R11: a decision suspended by an agreed 复议 needs no follow-up until it is decided again', () => {
    expect(lacksFollowUp({ followUps: 0, noFollowUpReason: null, loopState: RECONSIDERED })).toBe(false);
    expect(lacksFollowUp({ followUps: 0, noFollowUpReason: null, loopState: 'open' })).toBe(true);
  });
});

describe('R11 stored value', () => {
  it('R11: the suspended loop state is stored as "reconsidered" in decisions.loop_state (data on disk: never renamed)', () => {
    expect(RECONSIDERED).toBe('reconsidered');
  });
});

describe('where a 督办事项 stands (one status for the board and the card)', () => {
  it('evaluated, then done, then overdue past the deadline (R17), else open', () => {
    expect(followUpStatus({ state: 'done', deadline: '2026-04-01', evaluationId: 3 }, '2026-05-01')).toBe('evaluated');
    expect(followUpStatus({ state: 'open', deadline: '2026-04-01', evaluationId: 3 }, '2026-05-01')).toBe('evaluated');
    expect(followUpStatus({ state: 'done', deadline: '2026-04-01', evaluationId: null }, '2026-05-01')).toBe('done');
    expect(followUpStatus({ state: 'open', deadline: '2026-04-30', evaluationId: null }, '2026-05-01')).toBe('overdue');
    expect(followUpStatus({ state: 'open', deadline: '2026-05-01', evaluationId: null }, '2026-05-01')).toBe('open');
  });
});
