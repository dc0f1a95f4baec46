// The read-only channels behind the 议题 list filters, the 决策台账 and the 工作台 charts:
// items.list on the bigram index, loop.register and stats.dashboard, on a real ledger file.
import { describe, expect, it } from 'vitest';
import { onTimeByDepartment, registerStatus, loopFunnel, majorItemsPerYear, meetingsPerMonth } from '../../db/rules/stats';
import { decidedMeeting } from '../support/decided';
import { freshLedger, type TestLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

type School = ReturnType<typeof setupSchool>;

function file(t: TestLedger, s: School, title: string, matter: string, extra: Record<string, unknown> = {}) {
  return t.ok('items.create', { orgId: s.orgId, title, matterId: s.matter(matter), proposerId: s.person('陈志强'), ...extra }).id;
}

describe('items.list: search on the bigram index and the list filters', () => {
  it('finds 2-character words in title and summary (预算), and filters by matter group, 三重一大 (R2) and year', () => {
    const t = freshLedger('2026-03-20T09:00:00');
    const s = setupSchool(t);
    const budget = file(t, s, '关于2026年度学校预算的议题', 'E1');
    const repair = file(t, s, '关于操场维修的议题', 'E3', { summary: '维修资金列入追加预算，约八万元。', amount: 80000 });
    const moral = file(t, s, '关于加强德育工作的议题', 'D1');
    const small = file(t, s, '关于购置办公用品的议题', 'X4', { amount: 3000 });
    const list = (q: Record<string, unknown>) => t.ok('items.list', { orgId: s.orgId, ...q });

    const hits = list({ search: '预算' });
    expect(hits.total).toBe(2);
    expect(hits.rows.map((r) => r.id).sort()).toEqual([budget, repair].sort());
    expect(list({ search: '德育' }).rows.map((r) => r.id)).toEqual([moral]);
    expect(list({ search: '预算 维修' }).rows.map((r) => r.id)).toEqual([repair]);
    expect(list({ search: '！？' }).total).toBe(0);

    expect(list({ matterGroup: 'E' }).rows.map((r) => r.id).sort()).toEqual([budget, repair].sort());
    // R2: E1/E3 are 三重一大 by their matter; 3,000 元 of X4 is below the threshold.
    expect(list({ major: true }).rows.map((r) => r.id).sort()).toEqual([budget, repair].sort());
    expect(list({ major: false }).rows.map((r) => r.id).sort()).toEqual([moral, small].sort());
    expect(list({ major: true, search: '维修' }).total).toBe(1);
    expect(list({ year: 2026 }).total).toBe(4);
    expect(list({ year: 2025 }).total).toBe(0);
    expect(list({ matterGroup: 'E', states: ['draft'], limit: 1 })).toMatchObject({ total: 2, rows: [expect.anything()] });
    const bad = t.call('items.list', { orgId: s.orgId, matterGroup: 'e1' });
    expect(bad.ok).toBe(false);
  });
});

describe('loop.register: the year of decisions (R10, R17, R18)', () => {
  it('shows meeting, matter, votes, result, follow-ups, status and evaluation, and filters by matter, body and 三重一大', () => {
    const t = freshLedger('2026-03-20T09:00:00');
    const s = setupSchool(t);
    const party = decidedMeeting(t, s, { startsAt: '2026-03-25T15:00' });
    const office = decidedMeeting(t, s, {
      body: 'principal_office',
      startsAt: '2026-03-27T15:00',
      topics: [{ title: '关于调整作息时间的议题', matter: 'X1', text: '同意自4月起调整作息时间。' }],
    });
    t.setNow('2026-03-28T09:00:00');
    const [safety, moral] = party.decided;
    const fu = t.ok('followups.create', { decisionId: safety!.decisionId, task: '完成隐患整改', ownerDept: '总务处', deadline: '2026-04-10' });
    t.ok('followups.waive', { decisionId: moral!.decisionId, reason: '会议当场已部署' });

    let rows = t.ok('loop.register', { orgId: s.orgId, year: 2026 });
    expect(rows.map((r) => [r.meetingLabel, r.number, r.matterCode, r.statusLabel])).toEqual([
      ['2026年第1次党委会议', 1, 'D3', '督办中'],
      ['2026年第1次党委会议', 2, 'D1', '无需督办'],
      ['2026年第1次校长办公会议', 1, 'X1', '待安排督办'],
    ]);
    // R10: six present of seven due, all for.
    expect(rows[0]).toMatchObject({ votesFor: 6, votesAgainst: 0, votesAbstain: 0, due: 7, present: 6, outcome: 'passed', major: false });
    expect(rows[2]).toMatchObject({ voteMethod: '校长决定', bodyKind: 'principal_office' });

    expect(t.ok('loop.register', { orgId: s.orgId, year: 2026, bodyKind: 'principal_office' }).map((r) => r.id)).toEqual([office.decided[0]!.decisionId]);
    expect(t.ok('loop.register', { orgId: s.orgId, year: 2026, matterId: s.matter('D1') }).map((r) => r.id)).toEqual([moral!.decisionId]);
    expect(t.ok('loop.register', { orgId: s.orgId, year: 2026, major: true })).toEqual([]);
    expect(t.ok('loop.register', { orgId: s.orgId, year: 2025 })).toEqual([]);

    // R17 overdue, then R18 差 opens a correction: the status follows.
    t.setNow('2026-04-20T09:00:00');
    expect(t.ok('loop.register', { orgId: s.orgId, year: 2026 })[0]!.statusLabel).toBe('逾期');
    t.ok('followups.complete', { followUpId: fu.followUp.id, note: '整改完毕' });
    expect(t.ok('loop.register', { orgId: s.orgId, year: 2026 })[0]!.statusLabel).toBe('待评价');
    t.ok('evaluations.record', { followUpId: fu.followUp.id, rating: '差', effect: '仍有隐患', evaluatorId: s.person('王建国') });
    rows = t.ok('loop.register', { orgId: s.orgId, year: 2026 });
    expect(rows[0]).toMatchObject({ statusLabel: '修正中', ratings: ['差'] });
    expect(rows[0]!.corrections).toHaveLength(1);
    expect(t.call('loop.register', { orgId: s.orgId, year: 1999 }).ok).toBe(false);
  });
});

describe('stats.dashboard: the 工作台 charts', () => {
  it('funnel, on-time by department (R17), meetings per month and 三重一大 per year (R2)', () => {
    const t = freshLedger('2026-03-20T09:00:00');
    const s = setupSchool(t);
    file(t, s, '关于年度预算的议题', 'E1');
    file(t, s, '关于德育的议题', 'D1');
    const party = decidedMeeting(t, s, { startsAt: '2026-03-25T15:00' });
    decidedMeeting(t, s, { body: 'principal_office', startsAt: '2026-04-02T15:00', topics: [{ title: '关于作息的议题', matter: 'X1', text: '同意。' }] });
    t.setNow('2026-04-03T09:00:00');
    const [a, b] = party.decided;
    const early = t.ok('followups.create', { decisionId: a!.decisionId, task: '整改', ownerDept: '总务处', deadline: '2026-04-10' });
    t.ok('followups.create', { decisionId: a!.decisionId, task: '复查', ownerDept: '总务处', deadline: '2026-04-15' });
    t.ok('followups.create', { decisionId: b!.decisionId, task: '方案', ownerDept: '德育处', deadline: '2026-05-30' });
    t.ok('followups.complete', { followUpId: early.followUp.id, note: '完成' });
    t.setNow('2026-04-20T09:00:00');

    const st = t.ok('stats.dashboard', { orgId: s.orgId });
    expect(st.year).toBe(2026);
    const status = t.ok('loop.status', { orgId: s.orgId });
    const funnel = Object.fromEntries(st.funnel.map((f) => [f.key, f.count]));
    const stage = (k: string) => status.stages.find((x) => x.key === k)!.count;
    expect(funnel).toEqual({ filed: 5, discussed: 3, decided: 3, followUp: 2, evaluated: 0, closed: 0 });
    expect(funnel.followUp).toBe(stage('followUp'));
    expect(st.onTimeByDepartment).toEqual([
      { dept: '德育处', onTime: 0, late: 0, overdue: 0, open: 1, rate: null },
      { dept: '总务处', onTime: 1, late: 0, overdue: 1, open: 0, rate: 50 },
    ]);
    expect(st.meetingsPerMonth.map((m) => [m.bodyName, m.months[2], m.months[3]])).toEqual([['党组织会议', 1, 0], ['校长办公会议', 0, 1]]);
    expect(st.majorItemsPerYear.at(-1)).toEqual({ year: 2026, filed: 1, decided: 0 });
    expect(st.majorItemsPerYear.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(t.ok('stats.dashboard', { orgId: s.orgId, year: 2025 }).meetingsPerMonth.every((m) => m.months.every((n) => n === 0))).toBe(true);
  });

  it('pure parts: the funnel nests, late completion is not on time, overdue counts against the rate', () => {
    expect(loopFunnel([{ state: 'closed', count: 2 }, { state: 'not_passed', count: 1 }]).map((f) => f.count)).toEqual([3, 3, 2, 2, 2, 2]);
    expect(
      onTimeByDepartment(
        [
          { ownerDept: '教务处', deadline: '2026-04-10', state: 'done', completedAt: '2026-04-10T17:00:00.000Z' },
          { ownerDept: '教务处', deadline: '2026-04-10', state: 'done', completedAt: '2026-04-11T08:00:00.000Z' },
          { ownerDept: '教务处', deadline: '2026-04-10', state: 'open', completedAt: null },
          { ownerDept: '教务处', deadline: '2026-05-10', state: 'open', completedAt: null },
        ],
        '2026-04-20',
      ),
    ).toEqual([{ dept: '教务处', onTime: 1, late: 1, overdue: 1, open: 1, rate: 33 }]);
    expect(meetingsPerMonth([{ startsAt: '2026-12-01T09:00', bodyKind: 'x' }, { startsAt: '2025-12-01T09:00', bodyKind: 'x' }], 2026, ['x'])[0]!.months[11]).toBe(1);
    expect(majorItemsPerYear([{ year: 2020, state: 'passed', count: 4 }], 2024, 2026).every((y) => y.filed === 0)).toBe(true);
    const fu = (state: string, evaluated = false) => ({ state, deadline: '2026-04-10', evaluated });
    expect(registerStatus({ noFollowUpReason: null, followUps: [], corrections: [] }, '2026-04-01')).toBe('unassigned');
    expect(registerStatus({ noFollowUpReason: null, followUps: [fu('open')], corrections: [] }, '2026-04-11')).toBe('overdue');
    expect(registerStatus({ noFollowUpReason: null, followUps: [fu('done', true)], corrections: [] }, '2026-04-11')).toBe('closed');
    expect(registerStatus({ noFollowUpReason: null, followUps: [fu('done', true)], corrections: [{ state: 'consultation' }] }, '2026-04-11')).toBe('correcting');
  });
});
