import { describe, expect, it } from 'vitest';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import { decidedMeeting } from '../support/decided';

function decided(opts: Parameters<typeof decidedMeeting>[2] = {}) {
  const t = freshLedger('2026-03-26T09:00:00');
  const school = setupSchool(t);
  const m = decidedMeeting(t, school, opts);
  const [first, second] = m.decided;
  return { t, school, ...m, first: first!, second: second! };
}

/** The item's state history, from the decision on (before it: draft → ready → scheduled → discussed). */
const statesOf = (t: ReturnType<typeof freshLedger>, itemId: number) => {
  const all = (t.ledger.sqlite.prepare('SELECT to_state FROM item_transitions WHERE item_id = ? ORDER BY id').all(itemId) as { to_state: string }[]).map((r) => r.to_state);
  return all.slice(Math.max(0, all.indexOf('passed')));
};

describe('R17 follow-up', () => {
  it('R17 a follow-up with owner, 分管领导 (defaulting to the item\'s) and deadline moves the item to 督办中', () => {
    const { t, school, first } = decided();
    const r = t.ok('followups.create', { decisionId: first.decisionId, task: '完成设备采购', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-05-31' });
    expect(r.warnings).toEqual([]);
    expect(r.followUp).toMatchObject({ ownerDept: '总务处', leaderId: school.person('陈志强'), deadline: '2026-05-31', state: 'open' });
    const d = t.ok('decisions.get', { decisionId: first.decisionId });
    expect(d.item.state).toBe('follow_up');
    expect(d.lacksFollowUp).toBe(false);
    expect(d.followUps[0]).toMatchObject({ ownerName: '陈志强', leaderName: '陈志强', overdue: false });
    expect(d.meetingLabel).toBe('2026年第1次党委会议');
    expect(statesOf(t, first.itemId)).toEqual(['passed', 'follow_up']);
  });

  it('R17 warning: a follow-up without a named 责任人 goes through and the warning is kept', () => {
    const { t, first } = decided();
    const r = t.ok('followups.create', { decisionId: first.decisionId, task: '完成设备采购', ownerDept: '总务处', deadline: '2026-05-31' });
    expect(r.warnings).toEqual([{ rule: 'R17', message: '督办事项「完成设备采购」未指定责任人' }]);
    expect(t.ok('decisions.get', { decisionId: first.decisionId }).followUps[0]!.warnings).toEqual(r.warnings);
  });

  it('R17 warning: a decision with neither follow-up nor 无需督办 is flagged until one is given', () => {
    const { t, school, first, second } = decided();
    const list = () => t.ok('decisions.list', { orgId: school.orgId, year: 2026 });
    expect(list().map((d) => d.lacksFollowUp)).toEqual([true, true]);
    t.ok('followups.create', { decisionId: first.decisionId, task: '采购', ownerDept: '总务处', deadline: '2026-05-31' });
    t.ok('followups.waive', { decisionId: second.decisionId, reason: '培训计划已在会上部署，无需另行督办' });
    expect(list().map((d) => d.lacksFollowUp)).toEqual([false, false]);
    expect(t.ok('decisions.list', { orgId: school.orgId, year: 2025 })).toEqual([]);
  });

  it('R17 无需督办 closes the decision\'s loop; afterwards a follow-up is refused and nothing changes', () => {
    const { t, second } = decided();
    t.ok('followups.waive', { decisionId: second.decisionId, reason: '已当场执行完毕' });
    const d = t.ok('decisions.get', { decisionId: second.decisionId });
    expect(d).toMatchObject({ loopState: 'closed', loopClosed: true, noFollowUpReason: '已当场执行完毕' });
    expect(d.item.state).toBe('closed');
    const before = t.snapshot();
    const r = t.call('followups.create', { decisionId: second.decisionId, task: '补充', ownerDept: '教务处', deadline: '2026-05-31' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!r.ok && r.error.message).toContain('已闭环');
    expect(t.snapshot()).toEqual(before);
  });

  it('R17 无需督办 is refused once a follow-up exists, and a second 无需督办 too', () => {
    const { t, first, second } = decided();
    t.ok('followups.create', { decisionId: first.decisionId, task: '采购', ownerDept: '总务处', deadline: '2026-05-31' });
    t.ok('followups.waive', { decisionId: second.decisionId, reason: '无需督办' });
    const before = t.snapshot();
    expect(t.call('followups.waive', { decisionId: first.decisionId, reason: '不需要' })).toMatchObject({
      ok: false, error: { code: 'conflict', message: '该决定事项已有1项督办事项，不能再注明“无需督办”。' },
    });
    expect(t.call('followups.waive', { decisionId: second.decisionId, reason: '再次' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('R17 overdue: past the deadline and not done, by the ledger\'s clock', () => {
    const { t, school, first, second } = decided();
    const a = t.ok('followups.create', { decisionId: first.decisionId, task: '采购', ownerDept: '总务处', deadline: '2026-04-30' }).followUp;
    const b = t.ok('followups.create', { decisionId: second.decisionId, task: '培训', ownerDept: '教务处', deadline: '2026-04-15' }).followUp;
    expect(t.ok('followups.list', { orgId: school.orgId, state: 'overdue' })).toEqual([]);
    t.setNow('2026-04-30T18:00:00');
    expect(t.ok('followups.list', { orgId: school.orgId, state: 'overdue' }).map((f) => [f.id, f.daysOverdue])).toEqual([[b.id, 15]]);
    t.ok('followups.complete', { followUpId: b.id, note: '培训已完成' });
    t.setNow('2026-05-03T09:00:00');
    const overdue = t.ok('followups.list', { orgId: school.orgId, state: 'overdue' });
    expect(overdue.map((f) => [f.id, f.overdue, f.daysOverdue])).toEqual([[a.id, true, 3]]);
    expect(t.ok('followups.list', { orgId: school.orgId, state: 'done' }).map((f) => f.id)).toEqual([b.id]);
    expect(t.ok('followups.list', { orgId: school.orgId }).map((f) => f.id)).toEqual([b.id, a.id]);
  });

  it('refuses bad follow-up input in Chinese and changes nothing', () => {
    const { t, first } = decided();
    const before = t.snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ deadline: '2026-02-30' }, '「完成时限」不是有效日期'],
      [{ deadline: '2026/05/01' }, '「完成时限」格式应为 2026-03-25'],
      [{ ownerDept: ' ' }, '「承办部门」不能为空'],
      [{ deadline: '2026-03-01' }, '完成时限不能早于作出决定的日期（2026-03-25），请重新选择。'],
      [{ ownerId: 999 }, '找不到该人员，可能已被删除或更改，请刷新后重试。'],
      [{ decisionId: 999 }, '找不到该决定事项，可能已被删除或更改，请刷新后重试。'],
    ];
    for (const [patch, message] of cases) {
      const r = t.call('followups.create', { decisionId: first.decisionId, task: '采购', ownerDept: '总务处', deadline: '2026-05-31', ...patch } as never);
      expect(!r.ok && r.error.message).toBe(message);
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('progress and supervision reports are kept; none after 办结; 办结 only once', () => {
    const { t, first } = decided();
    const fu = t.ok('followups.create', { decisionId: first.decisionId, task: '采购', ownerDept: '总务处', deadline: '2026-05-31' }).followUp;
    t.ok('followups.report', { followUpId: fu.id, kind: 'progress', text: '已完成询价' });
    t.ok('followups.report', { followUpId: fu.id, kind: 'supervision', text: '党委办公室电话督办' });
    t.ok('followups.complete', { followUpId: fu.id, note: '设备已安装验收' });
    const before = t.snapshot();
    expect(t.call('followups.report', { followUpId: fu.id, kind: 'progress', text: '补充' })).toMatchObject({
      ok: false, error: { code: 'conflict', message: '该督办事项已办结，不能再添加进展情况。' },
    });
    expect(t.call('followups.complete', { followUpId: fu.id, note: '再次' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.snapshot()).toEqual(before);
    const d = t.ok('decisions.get', { decisionId: first.decisionId });
    expect(d.followUps[0]!.reports.map((r) => [r.kind, r.text])).toEqual([['progress', '已完成询价'], ['supervision', '党委办公室电话督办']]);
    expect(d.followUps[0]).toMatchObject({ state: 'done', completedAt: '2026-03-26', completionNote: '设备已安装验收' });
  });

  it('R17 the 校长 reports execution as an execution_report item, ready for the 党组织会议', () => {
    const { t, school, first } = decided();
    const r = t.ok('decisions.reportExecution', { decisionId: first.decisionId, proposerId: school.person('李明华'), summary: '设备已采购安装，运行良好。' });
    expect(r).toMatchObject({ kind: 'execution_report', decisionId: first.decisionId, state: 'ready', title: '关于“关于开展校园安全隐患排查整治的议题”执行情况的报告' });
    expect(statesOf(t, r.id)).toEqual(['draft', 'ready']);
    expect(t.ok('decisions.get', { decisionId: first.decisionId }).executionReports.map((x) => x.id)).toEqual([r.id]);
  });

  it('R17 an execution report by anyone but the 校长 is refused; so is one on a 校长办公会 decision', () => {
    const { t, school, first } = decided();
    const before = t.snapshot();
    const r = t.call('decisions.reportExecution', { decisionId: first.decisionId, proposerId: school.person('王建国'), summary: '情况' });
    expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R17', field: 'proposerId' } });
    expect(!r.ok && r.error.message).toBe('决定事项的执行情况由校长向党组织会议报告，王建国不是校长');
    const office = decidedMeeting(t, school, { body: 'principal_office', startsAt: '2026-03-24T09:00', topics: [{ title: '关于期中考试安排的议题', matter: 'X2', text: '同意。' }] });
    const before2 = t.snapshot();
    expect(t.call('decisions.reportExecution', { decisionId: office.decided[0]!.decisionId, proposerId: school.person('李明华'), summary: '情况' }))
      .toMatchObject({ ok: false, error: { code: 'conflict', field: 'decisionId' } });
    expect(t.snapshot()).toEqual(before2);
    expect(before2.agenda_items).toBe(before.agenda_items + 1);
  });
});

describe('R18 evaluation and correction', () => {
  function completed() {
    const ctx = decided();
    const { t, school, first } = ctx;
    const fu = t.ok('followups.create', { decisionId: first.decisionId, task: '完成设备采购', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-05-31' }).followUp;
    return { ...ctx, fu };
  }

  it('R18 evaluation waits for 办结, and is recorded once', () => {
    const { t, school, fu } = completed();
    const before = t.snapshot();
    const early = t.call('evaluations.record', { followUpId: fu.id, rating: '好', effect: '效果明显', evaluatorId: school.person('王建国') });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict', message: '该督办事项尚未办结，请先办结，再进行评价。' } });
    expect(t.snapshot()).toEqual(before);
    t.ok('followups.complete', { followUpId: fu.id, note: '已完成' });
    t.ok('evaluations.record', { followUpId: fu.id, rating: '好', effect: '效果明显', evaluatorId: school.person('王建国') });
    const before2 = t.snapshot();
    expect(t.call('evaluations.record', { followUpId: fu.id, rating: '差', effect: '改评', evaluatorId: school.person('王建国') }))
      .toMatchObject({ ok: false, error: { code: 'conflict', message: '该督办事项已经评价，不能重复评价。' } });
    expect(t.call('evaluations.record', { followUpId: fu.id, rating: '优' as never, effect: '好', evaluatorId: 1 }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', message: '「评价等次」须为：好、较好、一般、差' } });
    expect(t.snapshot()).toEqual(before2);
  });

  it('R18 rated 好 with every follow-up evaluated: the loop closes (follow_up → evaluated → closed)', () => {
    const { t, school, fu, first } = completed();
    t.ok('followups.complete', { followUpId: fu.id, note: '已完成' });
    const r = t.ok('evaluations.record', { followUpId: fu.id, rating: '好', effect: '就餐环境明显改善', evaluatorId: school.person('王建国') });
    expect(r.correction).toBeNull();
    const d = t.ok('decisions.get', { decisionId: first.decisionId });
    expect(d).toMatchObject({ loopState: 'closed', loopClosed: true });
    expect(statesOf(t, first.itemId)).toEqual(['passed', 'follow_up', 'evaluated', 'closed']);
  });

  it('R18 the loop stays open until every follow-up is evaluated', () => {
    const { t, school, fu, first } = completed();
    const fu2 = t.ok('followups.create', { decisionId: first.decisionId, task: '培训食堂员工', ownerDept: '总务处', deadline: '2026-06-30' }).followUp;
    t.ok('followups.complete', { followUpId: fu.id, note: '已完成' });
    t.ok('evaluations.record', { followUpId: fu.id, rating: '较好', effect: '较好', evaluatorId: school.person('王建国') });
    expect(t.ok('decisions.get', { decisionId: first.decisionId })).toMatchObject({ loopState: 'open', item: { state: 'follow_up' } });
    t.ok('followups.complete', { followUpId: fu2.id, note: '已完成' });
    t.ok('evaluations.record', { followUpId: fu2.id, rating: '好', effect: '好', evaluatorId: school.person('王建国') });
    expect(t.ok('decisions.get', { decisionId: first.decisionId })).toMatchObject({ loopState: 'closed', item: { state: 'closed' } });
  });

  it('R18 rated 差 opens a linked correction item (same matter, draft); the loop closes once the correction is decided', () => {
    const { t, school, fu, first } = completed();
    t.ok('followups.complete', { followUpId: fu.id, note: '部分设备未到货' });
    const r = t.ok('evaluations.record', { followUpId: fu.id, rating: '差', effect: '设备故障频发', evaluatorId: school.person('王建国') });
    expect(r.correction).toMatchObject({
      kind: 'correction',
      decisionId: first.decisionId,
      matterId: school.matter('D3'),
      state: 'draft',
      title: '关于修正“关于开展校园安全隐患排查整治的议题”的议题',
      proposerId: school.person('陈志强'),
    });
    expect(r.evaluation.correctionItemId).toBe(r.correction!.id);
    expect(r.warnings).toEqual([{ rule: 'R18', message: '督办事项「完成设备采购」评价为“差”，已启动修正议题「关于修正“关于开展校园安全隐患排查整治的议题”的议题」' }]);
    let d = t.ok('decisions.get', { decisionId: first.decisionId });
    expect(d).toMatchObject({ loopState: 'open', loopClosed: false, item: { state: 'corrected' } });
    expect(d.corrections.map((c) => [c.id, c.state])).toEqual([[r.correction!.id, 'draft']]);
    expect(d.warnings).toEqual(r.warnings);

    // The correction goes round the loop (consultation, a new meeting, a vote); once decided —
    // here rejected, which is a decision too — the original decision's loop closes.
    decidedMeeting(t, school, { startsAt: '2026-04-15T15:00', items: [{ itemId: r.correction!.id, text: '同意修正方案。' }], reject: true });
    d = t.ok('decisions.get', { decisionId: first.decisionId });
    expect(d.corrections.map((c) => c.state)).toEqual(['not_passed']);
    expect(d).toMatchObject({ loopState: 'closed', loopClosed: true, item: { state: 'closed' } });
    expect(statesOf(t, first.itemId)).toEqual(['passed', 'follow_up', 'corrected', 'closed']);
  });

  it('R18 一般, or a failed execution rated 较好, opens a correction with the given title', () => {
    const { t, school, fu } = completed();
    t.ok('followups.complete', { followUpId: fu.id, note: '未完成' });
    const r = t.ok('evaluations.record', { followUpId: fu.id, rating: '较好', failed: true, effect: '采购流标', evaluatorId: school.person('李明华'), correctionTitle: '关于重新组织食堂设备采购的议题' });
    expect(r.correction).toMatchObject({ title: '关于重新组织食堂设备采购的议题', kind: 'correction' });
  });
});
