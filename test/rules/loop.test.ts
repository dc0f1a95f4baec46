import { describe, expect, it } from 'vitest';
import { LOOP_STAGES, summarizeLoop, type LoopFollowUpRow } from '../../db/rules/loop';
import { ITEM_STATES } from '../../db/terms';

const fu = (id: number, deadline: string, state = 'open'): LoopFollowUpRow => ({
  id, decisionId: 1, task: `任务${id}`, ownerDept: '总务处', ownerName: '陈志强', deadline, state, decisionText: '同意',
});

describe('loop status aggregation (rule book "The loop", R17)', () => {
  it('counts items per loop stage, every state in exactly one stage', () => {
    const states = ['draft', 'consultation', 'vote_postponed', 'postponed', 'ready', 'scheduled', 'discussed', 'passed', 'not_passed',
      'follow_up', 'follow_up', 'evaluated', 'corrected', 'closed', 'closed', 'closed', 'noted', 'noted', 'withdrawn'];
    const s = summarizeLoop({ today: '2026-05-01', items: [...new Set(states)].map((state) => ({ state, count: states.filter((x) => x === state).length })), followUps: [], decisions: [] });
    const count = Object.fromEntries(s.stages.map((x) => [x.label, x.count]));
    expect(count).toEqual({
      待沟通: 3, 暂缓上会: 1, 待上会: 1, 已列入议程: 2, 已通过: 1, 未通过: 1, 督办中: 2, 逾期: 0, 已听取: 2, 已评价: 1, 已修正: 1, 已闭环: 3, 已撤回: 1,
    });
    expect(s.stages.find((x) => x.key === 'scheduled')!.states).toEqual(['scheduled', 'discussed']);
    const covered = LOOP_STAGES.flatMap((x) => x.states as readonly string[]);
    expect(new Set(covered).size).toBe(covered.length);
    expect([...covered].sort()).toEqual([...ITEM_STATES].sort());
  });

  it('R17 逾期 counts late follow-ups, longest late first, not the done ones', () => {
    const s = summarizeLoop({
      today: '2026-05-01',
      items: [],
      followUps: [fu(1, '2026-04-30'), fu(2, '2026-04-01'), fu(3, '2026-05-01'), fu(4, '2026-03-01', 'done')],
      decisions: [],
    });
    expect(s.stages.find((x) => x.key === 'overdue')!.count).toBe(2);
    expect(s.overdueFollowUps.map((f) => [f.id, f.daysOverdue])).toEqual([[2, 30], [1, 1]]);
  });

  it('R17 warning: lists decisions with neither follow-up nor 无需督办', () => {
    const d = (id: number, followUps: number, noFollowUpReason: string | null) =>
      ({ id, number: id, text: '同意', meetingLabel: '2026年第1次党委会议', decidedOn: '2026-03-25', followUps, noFollowUpReason });
    const s = summarizeLoop({ today: '2026-05-01', items: [], followUps: [], decisions: [d(1, 0, null), d(2, 1, null), d(3, 0, '当场办结')] });
    expect(s.decisionsWithoutFollowUp.map((x) => x.id)).toEqual([1]);
  });
});

describe('loop status order (mutation testing)', () => {
  it('R17: follow-ups equally late are listed by id', () => {
    const s = summarizeLoop({ today: '2026-05-01', items: [], followUps: [fu(9, '2026-04-20'), fu(3, '2026-04-20'), fu(5, '2026-04-20')], decisions: [] });
    expect(s.overdueFollowUps.map((f) => f.id)).toEqual([3, 5, 9]);
  });
});

describe('the tiles and the funnel agree (one vocabulary)', () => {
  it('a tile of one state carries that state’s label; every funnel step is a sum of whole tiles', async () => {
    const { ITEM_STATE_LABELS, LOOP_STAGE_LABELS } = await import('../../db/terms');
    const { FUNNEL_STEPS, loopFunnel } = await import('../../db/rules/stats');
    for (const st of LOOP_STAGES) {
      if (st.states.length === 1) expect(LOOP_STAGE_LABELS[st.key], st.key).toBe(ITEM_STATE_LABELS[st.states[0]!]);
    }
    const counts = ITEM_STATES.map((state, i) => ({ state, count: i + 1 }));
    const tiles = summarizeLoop({ today: '2026-05-01', items: counts, followUps: [], decisions: [] }).stages;
    const funnel = loopFunnel(counts);
    for (const step of FUNNEL_STEPS) {
      const whole = tiles.filter((t) => t.states.length > 0 && t.states.every((x) => (step.states as readonly string[]).includes(x)));
      const covered = whole.flatMap((t) => t.states as readonly string[]);
      expect([...covered].sort(), step.key).toEqual([...step.states].sort());
      expect(funnel.find((f) => f.key === step.key)!.count, step.key).toBe(whole.reduce((n, t) => n + t.count, 0));
    }
  });
});
