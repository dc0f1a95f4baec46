// The 工作台 statistics and the 台账 status column (db/rules/stats.ts): pure edges that the
// dispatch test (test/ledger/stats.test.ts) does not reach. Found by mutation testing.
import { describe, expect, it } from 'vitest';
import { RECONSIDERED } from '../../db/rules/followup';
import { FUNNEL_STEPS, registerStatus, loopFunnel, majorItemsPerYear, onTimeByDepartment } from '../../db/rules/stats';
import { REGISTER_STATUS_LABELS } from '../../db/terms';
import { ITEM_STATES } from '../../db/terms';

const fu = (state: string, deadline: string, evaluated = false) => ({ state, deadline, evaluated });
const facts = (followUps: ReturnType<typeof fu>[]) => ({ noFollowUpReason: null, followUps, corrections: [] });

describe('R17/R18 台账 status of a decision', () => {
  it('R17: one late follow-up makes the decision 逾期, even when the others are in time or done', () => {
    expect(registerStatus(facts([fu('open', '2026-04-30'), fu('open', '2026-04-01')]), '2026-04-10')).toBe('overdue');
    expect(registerStatus(facts([fu('done', '2026-04-01', true), fu('open', '2026-04-01')]), '2026-04-10')).toBe('overdue');
  });
  it('R17: one open follow-up keeps it 督办中 while another is done', () => {
    expect(registerStatus(facts([fu('done', '2026-04-30'), fu('open', '2026-04-30')]), '2026-04-10')).toBe('in_progress');
  });
  it('R18: all done, one not yet evaluated → 待评价', () => {
    expect(registerStatus(facts([fu('done', '2026-04-30', true), fu('done', '2026-04-30')]), '2026-04-10')).toBe('to_evaluate');
  });
  it('R17/R18: every status has its Chinese label', () => {
    expect(REGISTER_STATUS_LABELS).toEqual({
      unassigned: '待安排督办', waived: '无需督办', in_progress: '督办中', overdue: '逾期',
      to_evaluate: '待评价', evaluated: '已评价', correcting: '修正中', closed: '已闭环', reconsidered: '复议中',
    });
  });
});

describe('R17/R2 dashboard figures', () => {
  it('R17: a department with nothing due yet has no on-time rate (not 0%, not NaN)', () => {
    expect(onTimeByDepartment([{ ownerDept: '总务处', deadline: '2026-05-10', state: 'open', completedAt: null }], '2026-04-20'))
      .toEqual([{ dept: '总务处', onTime: 0, late: 0, overdue: 0, open: 1, rate: null }]);
  });
  it('R2: 三重一大 items decided per year count only decided states', () => {
    const rows = [{ year: 2026, state: 'passed', count: 2 }, { year: 2026, state: 'closed', count: 1 }, { year: 2026, state: 'consultation', count: 3 }, { year: 2026, state: 'not_passed', count: 1 }];
    expect(majorItemsPerYear(rows, 2025, 2026)).toEqual([{ year: 2025, filed: 0, decided: 0 }, { year: 2026, filed: 7, decided: 3 }]);
  });
});

describe('R11 台账 status under 复议', () => {
  it('R11: a decision suspended by an agreed 复议 shows 复议中, not 待安排督办', () => {
    expect(registerStatus({ ...facts([]), loopState: RECONSIDERED }, '2026-04-10')).toBe('reconsidered');
    expect(REGISTER_STATUS_LABELS.reconsidered).toBe('复议中');
    expect(registerStatus({ ...facts([]), loopState: 'open' }, '2026-04-10')).toBe('unassigned');
  });
});

describe('funnel and heard reports', () => {
  it('R14/R17: a heard report (已听取) was filed and went to a meeting, but is not a decision', () => {
    expect(loopFunnel([{ state: 'noted', count: 2 }]).map((f) => [f.key, f.count])).toEqual([
      ['filed', 2], ['discussed', 2], ['decided', 0], ['followUp', 0], ['evaluated', 0], ['closed', 0],
    ]);
  });
  it('every item state is counted as filed', () => {
    expect([...FUNNEL_STEPS[0].states].sort()).toEqual([...ITEM_STATES].sort());
  });
});
