import { describe, expect, it } from 'vitest';
import { minimumPresent, presentAt, quorumFor, type AttendanceMark, type QuorumInput, quorumBasis } from '../../db/rules/quorum';

const DEFAULTS = { halfCountsAsMajority: false, recusedCountInDue: false };
const seats = (n: number) => Array.from({ length: n }, (_, i) => ({ personId: i + 1, voting: true }));
const here = (ids: number[], extra: Partial<AttendanceMark> = {}): AttendanceMark[] =>
  ids.map((personId) => ({ personId, status: '出席', arrivesAt: null, leavesAfter: null, ...extra }));
const input = (over: Partial<QuorumInput>): QuorumInput => ({
  members: seats(7),
  attendance: here([1, 2, 3, 4, 5, 6, 7]),
  position: 1,
  recused: [],
  twoThirds: false,
  settings: DEFAULTS,
  ...over,
});

describe('R6 quorum', () => {
  it('R6: more than half of the members must be present (4 of 7 yes, 3 of 7 no)', () => {
    expect(quorumFor(input({ attendance: here([1, 2, 3, 4]) }))).toMatchObject({ due: 7, present: 4, quorumNeeded: 4, quorumOk: true });
    expect(quorumFor(input({ attendance: here([1, 2, 3]) }))).toMatchObject({ due: 7, present: 3, quorumOk: false });
  });

  it('R6: exactly half does not count by default, and does when the setting says so', () => {
    const half = input({ members: seats(6), attendance: here([1, 2, 3]) });
    expect(quorumFor(half).quorumOk).toBe(false);
    expect(quorumFor({ ...half, settings: { ...DEFAULTS, halfCountsAsMajority: true } }).quorumOk).toBe(true);
    expect(minimumPresent(6, false, false)).toBe(4);
    expect(minimumPresent(6, false, true)).toBe(3);
  });

  it('R6: a two-thirds matter needs at least two thirds present (5 of 7 yes, 4 of 7 no)', () => {
    expect(quorumFor(input({ twoThirds: true, attendance: here([1, 2, 3, 4, 5]) }))).toMatchObject({ quorumNeeded: 5, quorumOk: true });
    expect(quorumFor(input({ twoThirds: true, attendance: here([1, 2, 3, 4]) })).quorumOk).toBe(false);
    expect(minimumPresent(6, true, false)).toBe(4);
    expect(minimumPresent(9, true, false)).toBe(6);
  });

  it('R6: per item: late arrival and early departure count only for the positions attended', () => {
    const late: AttendanceMark = { personId: 1, status: '出席', arrivesAt: 2, leavesAfter: null };
    const early: AttendanceMark = { personId: 2, status: '出席', arrivesAt: null, leavesAfter: 1 };
    expect([presentAt(late, 1), presentAt(late, 2), presentAt(late, 3)]).toEqual([false, true, true]);
    expect([presentAt(early, 1), presentAt(early, 2)]).toEqual([true, false]);
    const att = [...here([3, 4, 5]), { ...early, personId: 1 }, { ...early, personId: 2 }];
    expect(quorumFor(input({ attendance: att, position: 1 })).quorumOk).toBe(true);
    expect(quorumFor(input({ attendance: att, position: 2 }))).toMatchObject({ present: 3, quorumOk: false });
  });

  it('R7: 列席, absent members and members without voting rights are not counted present', () => {
    const members = [...seats(5), { personId: 6, voting: false }];
    const att: AttendanceMark[] = [
      ...here([1, 2]),
      { personId: 3, status: '列席', arrivesAt: null, leavesAfter: null },
      { personId: 4, status: '请假', arrivesAt: null, leavesAfter: null },
      ...here([6, 99]),
    ];
    const q = quorumFor(input({ members, attendance: att }));
    expect(q).toMatchObject({ due: 5, present: 2, quorumOk: false });
    expect(q.voterIds).toEqual([1, 2]);
    expect(q.absentIds).toEqual([3, 4, 5]);
  });

  it('R8: recused members leave 应到 by default, and stay in it with recusedCountInDue', () => {
    const q = quorumFor(input({ recused: [7] }));
    expect(q).toMatchObject({ due: 6, present: 6 });
    expect(q.voterIds).not.toContain(7);
    const kept = quorumFor(input({ recused: [7], settings: { ...DEFAULTS, recusedCountInDue: true } }));
    expect(kept).toMatchObject({ due: 7, present: 6 });
  });

  it('R6: a body with nobody due never has a quorum', () => {
    expect(quorumFor(input({ members: [], attendance: [] })).quorumOk).toBe(false);
  });
});

describe('R6 edges (mutation testing)', () => {
  it('R6: nobody due needs nobody present (the body then has no quorum at all, see above)', () => {
    expect(minimumPresent(0, false, false)).toBe(0);
    expect(minimumPresent(0, true, false)).toBe(0);
    expect(minimumPresent(1, false, false)).toBe(1);
  });
  it('R6: the view names the threshold that applied', () => {
    expect(quorumFor(input({})).rule).toBe('R6 过半数到会');
    expect(quorumFor(input({ twoThirds: true })).rule).toBe('R6 三分之二以上到会');
    expect(quorumFor(input({ settings: { ...DEFAULTS, halfCountsAsMajority: true } })).rule).toBe('R6 半数（含）以上到会');
  });
});

describe('R6 in plain words', () => {
  it('names the threshold that applies', () => {
    expect(quorumBasis(true, false)).toBe('需三分之二以上成员到会');
    expect(quorumBasis(true, true)).toBe('需三分之二以上成员到会');
    expect(quorumBasis(false, true)).toBe('需半数（含）以上成员到会');
    expect(quorumBasis(false, false)).toBe('需过半数成员到会');
  });
});
