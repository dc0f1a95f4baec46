import { describe, expect, it } from 'vitest';
import {
  countsFromBallots,
  countsProblem,
  principalTally,
  quorumLine,
  missingBallots,
  signedIn,
  reconsiderationAgreed,
  sameCounts,
  tallyVote,
  votesNeeded,
} from '../../db/rules/tally';

const q = (due: number, present: number, quorumOk = true) => ({ due, present, quorumOk, rule: 'R6 过半数到会' });

describe('R10 passing', () => {
  it('R10: more than half of 应到 — 4 of 7, 4 of 6, 5 of 8', () => {
    expect([votesNeeded(7), votesNeeded(6), votesNeeded(8), votesNeeded(5)]).toEqual([4, 4, 5, 3]);
  });

  it('R10: a majority of those present is not enough when it is not a majority of 应到', () => {
    // 7 due, 5 present: 3 for / 2 against is a majority of the room but not of 应到.
    expect(tallyVote(q(7, 5), { for: 3, against: 2, abstain: 0 })).toMatchObject({ needed: 4, passed: false });
    expect(tallyVote(q(7, 5), { for: 4, against: 1, abstain: 0 })).toMatchObject({ due: 7, present: 5, needed: 4, passed: true });
  });

  it('R10: never passes without a quorum', () => {
    expect(tallyVote(q(7, 3, false), { for: 3, against: 0, abstain: 0 }).passed).toBe(false);
  });

  it('R10: counts must add up to no more than the members present and voting', () => {
    expect(countsProblem({ for: 5, against: 2, abstain: 1 }, 7)).toContain('合计8票，多于本议题实到有表决权的7人');
    expect(countsProblem({ for: 5, against: 1, abstain: 1 }, 7)).toBeNull();
    expect(countsProblem({ for: 3, against: 0, abstain: 0 }, 7)).toBeNull();
  });

  it('R10: named ballots give the counts', () => {
    expect(countsFromBallots([{ choice: '同意' }, { choice: '同意' }, { choice: '反对' }, { choice: '弃权' }])).toEqual({ for: 2, against: 1, abstain: 1 });
  });

  it('R10: the screen line names 应到, 实到 and the votes needed', () => {
    expect(quorumLine({ due: 7, present: 5, quorumNeeded: 4, quorumOk: true })).toBe('应到7人，实到5人，需同意票≥4');
    expect(quorumLine({ due: 7, present: 3, quorumNeeded: 4, quorumOk: false })).toBe('应到7人，实到3人，需同意票≥4（到会不足4人，不能表决）');
  });
});

describe('R11 and R12', () => {
  it('R11: 复议 of a cadre decision needs more than half of the members', () => {
    expect(reconsiderationAgreed(4, 7)).toBe(true);
    expect(reconsiderationAgreed(3, 7)).toBe(false);
    expect(reconsiderationAgreed(3, 6)).toBe(false);
    expect(reconsiderationAgreed(0, 0)).toBe(false);
  });

  it('R12: the 校长 decides; the quorum still applies', () => {
    expect(principalTally(q(5, 4), true)).toMatchObject({ passed: true, needed: 0 });
    expect(principalTally(q(5, 4), false).passed).toBe(false);
    expect(principalTally(q(5, 2, false), true).passed).toBe(false);
  });
});

describe('R10/R11/R12 edges (mutation testing)', () => {
  it('R10: only 同意 ballots count for, whatever the mix', () => {
    expect(countsFromBallots([{ choice: '同意' }, { choice: '同意' }, { choice: '同意' }, { choice: '反对' }])).toEqual({ for: 3, against: 1, abstain: 0 });
    expect(countsFromBallots([])).toEqual({ for: 0, against: 0, abstain: 0 });
  });

  it('R10: typed counts must equal the counts of the ballots, each of the three', () => {
    const c = { for: 4, against: 2, abstain: 1 };
    expect(sameCounts(c, { ...c })).toBe(true);
    expect(sameCounts(c, { ...c, for: 5 })).toBe(false);
    expect(sameCounts(c, { ...c, against: 1 })).toBe(false);
    expect(sameCounts(c, { ...c, abstain: 0 })).toBe(false);
  });

  it('R10/R12: the tally names the rule it was taken under, with the quorum rule', () => {
    expect(tallyVote(q(7, 7), { for: 7, against: 0, abstain: 0 }).rule).toBe('R10 同意票超过应到会人数半数；R6 过半数到会');
    expect(principalTally(q(5, 5), true).rule).toBe('R12 校长听取与会人员意见后决定；R6 过半数到会');
  });

  it('R11: a body with nobody due cannot agree to a 复议, whatever the count', () => {
    expect(reconsiderationAgreed(1, 0)).toBe(false);
    expect(reconsiderationAgreed(4, 6)).toBe(true);
  });
});

describe('R10 named ballots and the study line', () => {
  const voters = [{ personId: 1, name: '甲' }, { personId: 2, name: '乙' }, { personId: 3, name: '丙' }];
  it('R10: a 记名投票 owes a ballot to every voter; other methods do not', () => {
    expect(missingBallots('记名投票', voters, [2])).toEqual([voters[0], voters[2]]);
    expect(missingBallots('记名投票', voters, [3, 1, 2])).toEqual([]);
    expect(missingBallots('举手', voters, [2])).toEqual([]);
    expect(missingBallots('口头', voters, [])).toEqual([]);
  });
  it('R6: an entry that is not voted shows the attendance part of the line only', () => {
    expect(quorumLine({ due: 7, present: 5, quorumNeeded: 4, quorumOk: true }, false)).toBe('应到7人，实到5人');
    expect(quorumLine({ due: 7, present: 3, quorumNeeded: 4, quorumOk: false }, false)).toBe('应到7人，实到3人（到会不足4人，不能表决）');
  });
});

describe('R6 the meeting-level count before an entry is open', () => {
  it('counts the voting members due and those of them signed in as 出席', () => {
    const members = [
      { personId: 1, voting: true },
      { personId: 2, voting: true },
      { personId: 3, voting: true },
      { personId: 4, voting: false },
    ];
    const marks = [
      { personId: 1, status: '出席' },
      { personId: 2, status: '请假' },
      { personId: 4, status: '出席' },
      { personId: 9, status: '列席' },
      { personId: 3, status: '缺席' },
    ];
    expect(signedIn(members, marks)).toEqual({ due: 3, present: 1, line: '应到3人，签到出席1人' });
    expect(signedIn(members, [...marks, { personId: 9, status: '出席' }])).toMatchObject({ present: 1 });
    expect(signedIn(members, [])).toEqual({ due: 3, present: 0, line: '应到3人，签到出席0人' });
    expect(signedIn([], [])).toEqual({ due: 0, present: 0, line: '应到0人，签到出席0人' });
  });
});
