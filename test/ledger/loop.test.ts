import { describe, expect, it } from 'vitest';
import { freshLedger, type TestLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import { decidedMeeting } from '../support/decided';

type School = ReturnType<typeof setupSchool>;

function newItem(t: TestLedger, s: School, title: string) {
  return t.ok('items.create', { orgId: s.orgId, title, matterId: s.matter('D1'), proposerId: s.person('刘芳'), leaderId: s.person('刘芳') }).id;
}

function consult(t: TestLedger, s: School, itemId: number, principal: '同意' | '不同意') {
  t.ok('items.submit', { itemId });
  t.ok('consultations.record', {
    itemId, date: '2026-03-26', form: '当面',
    stances: [
      { personId: s.person('王建国'), role: '书记', stance: '同意' },
      { personId: s.person('李明华'), role: '校长', stance: principal },
    ],
  });
}

const counts = (status: { stages: { label: string; count: number }[] }) => Object.fromEntries(status.stages.map((x) => [x.label, x.count]));

describe('loop.status (rule book "The loop", R14, R17, R18)', () => {
  it('counts every stage, lists overdue follow-ups, decisions without follow-up, next meetings, open emergencies and warnings', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    newItem(t, s, '关于加强德育工作的议题');
    consult(t, s, newItem(t, s, '关于调整课后服务的议题'), '不同意');
    consult(t, s, newItem(t, s, '关于校园安全排查的议题'), '同意');
    const { decided } = decidedMeeting(t, s);
    const [first, second] = decided;
    t.ok('followups.create', { decisionId: first!.decisionId, task: '完成隐患整改', ownerDept: '总务处', deadline: '2026-04-10' });

    t.ok('meetings.create', {
      bodyId: s.body('party_committee'), startsAt: '2026-04-08T15:00', place: '第一会议室', hostId: s.person('王建国'), recorderId: s.person('吴秘书'),
    });
    t.ok('emergency.record', {
      orgId: s.orgId, bodyId: s.body('party_committee'), actorId: s.person('王建国'), reason: '台风停课，无法召开会议',
      action: '启动应急预案，全校停课一天', at: '2026-03-27T07:00',
    });

    let status = t.ok('loop.status', { orgId: s.orgId });
    expect(counts(status)).toEqual({
      待沟通: 1, 暂缓上会: 1, 待上会: 1, 已列入议程: 0, 已通过: 1, 未通过: 0, 督办中: 1, 逾期: 0, 已听取: 0, 已评价: 0, 已修正: 0, 已闭环: 0, 已撤回: 0,
    });
    expect(status.decisionsWithoutFollowUp.map((d) => d.id)).toEqual([second!.decisionId]);
    expect(status.nextMeetings.map((m) => [m.title, m.items])).toEqual([['2026年第2次党委会议', 0]]);
    expect(status.openEmergencyActions.map((e) => [e.actorName, e.action])).toEqual([['王建国', '启动应急预案，全校停课一天']]);
    expect(status.recentWarnings.map((w) => w.rule)).toContain('R17');

    // Time passes: the follow-up becomes overdue (R17) and the planned meeting is in the past.
    t.setNow('2026-04-20T09:00:00');
    status = t.ok('loop.status', { orgId: s.orgId });
    expect(counts(status).逾期).toBe(1);
    expect(status.overdueFollowUps.map((f) => [f.task, f.daysOverdue, f.decisionText])).toEqual([
      ['完成隐患整改', 10, '同意开展校园安全隐患排查整治，由总务处牵头，6月底前完成整改。'],
    ]);
    expect(status.nextMeetings).toEqual([]);
  });

  it('R18 the loop closes: 差 → 已修正, then the passed correction → 已闭环', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { decided } = decidedMeeting(t, s, { topics: [{ title: '关于开展校园安全隐患排查整治的议题', matter: 'D3', text: '同意开展排查整治。' }] });
    const decisionId = decided[0]!.decisionId;
    const fu = t.ok('followups.create', { decisionId, task: '整改', ownerDept: '总务处', ownerId: s.person('陈志强'), deadline: '2026-05-31' }).followUp;
    t.ok('followups.complete', { followUpId: fu.id, note: '完成' });
    const { correction } = t.ok('evaluations.record', { followUpId: fu.id, rating: '差', effect: '隐患反复出现', evaluatorId: s.person('王建国') });
    let c = counts(t.ok('loop.status', { orgId: s.orgId }));
    expect([c.已修正, c.待沟通, c.已闭环]).toEqual([1, 1, 0]);
    const again = decidedMeeting(t, s, { startsAt: '2026-04-15T15:00', items: [{ itemId: correction!.id, text: '同意修正后的整治方案。' }] });
    c = counts(t.ok('loop.status', { orgId: s.orgId }));
    // The original decision is closed; the correction is now a decision of its own, waiting for follow-up.
    expect([c.已修正, c.已通过, c.已闭环]).toEqual([0, 1, 1]);
    expect(t.ok('decisions.get', { decisionId }).loopClosed).toBe(true);
    expect(t.ok('loop.status', { orgId: s.orgId }).decisionsWithoutFollowUp.map((d) => d.id)).toEqual([again.decided[0]!.decisionId]);
  });

  it('refuses an unknown school in Chinese', () => {
    const t = freshLedger();
    expect(t.call('loop.status', { orgId: 42 })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到该学校，可能已被删除或更改，请刷新后重试。' } });
    expect(t.call('loop.status', {} as never)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '请选择学校' } });
  });
});
