import { describe, expect, it } from 'vitest';
import { missingStatements, recusalRemovalRefusal, speakingOrder, statementRefusal, statementRemovalRefusal, type StatementContext } from '../../db/rules/statements';

const voters = [
  { personId: 1, name: '王建国' },
  { personId: 2, name: '李明华' },
  { personId: 3, name: '张丽' },
];
const ctx = (over: Partial<StatementContext>): StatementContext => ({
  personId: 2,
  hostId: 1,
  voters,
  recusedIds: [],
  attendeeIds: [8],
  statedIds: [],
  ...over,
});

describe('R9 host speaks last', () => {
  it('R9: refuses the host while others have not stated, naming them', () => {
    const r = statementRefusal(ctx({ personId: 1, statedIds: [2] }));
    expect(r).toMatchObject({ rule: 'R9' });
    expect(r!.message).toContain('张丽');
    expect(r!.message).not.toContain('李明华');
  });

  it('R9: accepts the host last, or first with a recorded reason', () => {
    expect(statementRefusal(ctx({ personId: 1, statedIds: [2, 3] }))).toBeNull();
    expect(statementRefusal(ctx({ personId: 1, hostOrderOverride: '主持人需提前离会' }))).toBeNull();
  });

  it('R9: each member states once; missing statements are listed in seat order', () => {
    expect(statementRefusal(ctx({ statedIds: [2] }))).toMatchObject({ rule: 'R9' });
    expect(missingStatements(voters, [3])).toEqual([voters[0], voters[1]]);
  });
});

describe('R7 and R8 who states', () => {
  it('R7: 列席 may speak but not state a position', () => {
    expect(statementRefusal(ctx({ personId: 8 }))).toMatchObject({ rule: 'R7', message: expect.stringContaining('列席') });
  });

  it('R7: an absent member cannot state (a written opinion instead)', () => {
    expect(statementRefusal(ctx({ personId: 5 }))).toMatchObject({ rule: 'R7', message: expect.stringContaining('书面意见') });
  });

  it('R8: a recused member neither states nor counts as missing', () => {
    expect(statementRefusal(ctx({ personId: 3, recusedIds: [3], voters: voters.slice(0, 2) }))).toMatchObject({ rule: 'R8' });
    expect(statementRefusal(ctx({ personId: 2 }))).toBeNull();
  });
});

describe('R8/R9 messages (mutation testing)', () => {
  it('R8/R9: each refusal says why, in full', () => {
    expect(statementRefusal(ctx({ personId: 3, recusedIds: [3] }))).toEqual({ rule: 'R8', message: '该成员已回避本议题，不能表态' });
    expect(statementRefusal(ctx({ statedIds: [2] }))).toEqual({ rule: 'R9', message: '该成员已对本议题表态，每人表态一次' });
    expect(statementRefusal(ctx({ personId: 1 }))).toEqual({ rule: 'R9', message: '主持人应末位表态：李明华、张丽尚未表态。如确需主持人先表态，请填写理由' });
  });
});

describe('R9 speaking order (one home for the screen and the command)', () => {
  it('R9: members are called in seat order with the host last; the host speaks once the others have', () => {
    const o = speakingOrder(voters, 1, []);
    expect(o.order.map((v) => [v.personId, v.isHost, v.stated])).toEqual([[2, false, false], [3, false, false], [1, true, false]]);
    expect(o).toMatchObject({ next: 2, hostMayState: false, hostMustWait: true });
    expect(o.waitingFor.map((v) => v.personId)).toEqual([1, 2, 3]);
    expect(speakingOrder(voters, 1, [3])).toMatchObject({ next: 2, hostMustWait: true });
    expect(speakingOrder(voters, 1, [3, 2])).toMatchObject({ next: 1, hostMayState: true, hostMustWait: false });
    expect(speakingOrder(voters, 1, [3, 2, 1])).toMatchObject({ next: null, hostMayState: false, hostMustWait: false, waitingFor: [] });
    expect(speakingOrder(voters, 1, [1]).order.find((v) => v.isHost)!.stated).toBe(true);
  });

  it('R9: a host who does not vote (recused, or not a member) never waits and is never called', () => {
    const o = speakingOrder(voters.slice(1), 1, []);
    expect(o.order.map((v) => v.personId)).toEqual([2, 3]);
    expect(o).toMatchObject({ next: 2, hostMayState: false, hostMustWait: false });
    expect(speakingOrder(voters.slice(1), 1, [2, 3]).next).toBeNull();
  });
});

describe('taking back a statement or a recusal recorded by mistake (R8, R9)', () => {
  it('only the latest statement may be taken back', () => {
    expect(statementRemovalRefusal([2, 3, 1], 1)).toBeNull();
    expect(statementRemovalRefusal([2], 2)).toBeNull();
    expect(statementRemovalRefusal([2, 3, 1], 3)).toBe('只能撤销最后记录的一条表态，以保持发言顺序；其他表态可以直接更正意见');
    expect(statementRemovalRefusal([2, 3], 1)).toBe('该成员尚未对本议题表态');
    expect(statementRemovalRefusal([], 1)).toBe('该成员尚未对本议题表态');
  });

  it('a recusal may be taken back until the host has stated', () => {
    expect(recusalRemovalRefusal(true, false)).toBeNull();
    expect(recusalRemovalRefusal(false, false)).toBe('该成员没有登记回避本议题');
    expect(recusalRemovalRefusal(true, true)).toBe('主持人已经表态，撤销回避后该成员将在主持人之后表态；如确有误，请先撤销主持人的表态');
  });
});
