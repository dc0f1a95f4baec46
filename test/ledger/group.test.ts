// 集团化办学 end to end through dispatch: a 集团党委 with three campuses in one file, the 集团书记
// seated in a campus committee (one person record), a campus 三重一大 item sent up (R2), a 集团
// decision handed to all three campuses, each reporting back, and the loop closing when every
// campus's follow-up is evaluated; the 集团工作台 counts per campus.
import { describe, expect, it } from 'vitest';
import { readRegisterSheet } from '../../db/exports/register-sheet';
import { decidedMeeting } from '../support/decided';
import { meetingSchool } from './meetings-fixture';
import { freshLedger } from '../support/ledger';
import { DEMO_SCHOOL, schoolIn } from '../support/school';

const CAMPUSES = ['青山县第一中学东校区', '青山县第一中学西校区', '青山县第一中学南校区'];


function group() {
  const t = freshLedger();
  const { orgId: groupId } = t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山县第一中学教育集团' });
  const campusIds = CAMPUSES.map((name) => t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name, partyKind: '党支部', parentId: groupId }).orgId);
  return { t, groupId, campusIds };
}

describe('集团化办学', () => {
  it('sets up a 集团党委 with campuses, each with its own bodies; refuses a campus under a campus, changing nothing', () => {
    const { t, groupId, campusIds } = group();
    const list = t.ok('orgs.list', {});
    expect(list.orgs.map((o) => [o.name, o.parentName])).toEqual([
      ['青山县第一中学教育集团', null],
      ...CAMPUSES.map((n) => [n, '青山县第一中学教育集团']),
    ]);
    const east = schoolIn(t, campusIds[0]!);
    expect(east.overview.org.name).toBe(CAMPUSES[0]);
    expect(east.overview.bodies.map((b) => b.name)).toEqual(['支部委员会会议', '校长办公会议']);
    const before = t.snapshot();
    const r = t.call('orgs.createCampus', { ...DEMO_SCHOOL, name: '分校区', parentId: campusIds[0]! });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'parentId' } });
    expect(t.snapshot()).toEqual(before);
    expect(groupId).toBeLessThan(campusIds[0]!);
  });

  it('seats the 集团书记 in a campus committee (the same person), who may then host and attend there', () => {
    const { t, groupId, campusIds } = group();
    const g = schoolIn(t, groupId);
    const secretary = g.person('王建国');
    const east = schoolIn(t, campusIds[0]!);
    t.ok('memberships.add', { bodyId: east.body('party_committee'), personId: secretary, voting: false, startDate: '2026-03-01' });
    const after = t.ok('org.get', {})!;
    // The campus has its own 王建国 and the 集团's, one record each.
    expect(after.persons.filter((p) => p.name === '王建国').map((p) => p.id).sort()).toEqual([secretary, east.person('王建国')].sort());
    const { meetingId } = t.ok('meetings.create', { bodyId: east.body('party_committee'), startsAt: '2026-03-25T15:00', place: '东校区会议室', hostId: east.person('王建国'), recorderId: east.person('吴秘书') });
    const members = ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红'].map((n) => ({ personId: east.person(n), status: '出席' as const }));
    t.ok('meetings.setAttendance', { meetingId, rows: [...members, { personId: secretary, status: '列席' }] });
    expect(t.ok('meetings.get', { meetingId }).attendance.map((a) => a.personId)).toContain(secretary);
  });

  it('上报集团: a campus 三重一大 item is refused at the campus committee, goes up linked both ways, and the campus item leaves its agenda', () => {
    const { t, groupId, campusIds } = group();
    const east = schoolIn(t, campusIds[0]!);
    const { id: itemId } = t.ok('items.create', {
      orgId: east.orgId, title: '关于购置东校区多媒体设备的议题', matterId: east.matter('D3'), proposerId: east.person('陈志强'), amount: 50_000, materialsReadyAt: '2026-03-20',
    });
    t.ok('consultations.record', {
      itemId, date: '2026-03-20', form: '当面',
      stances: [{ personId: east.person('王建国'), role: '书记', stance: '同意' }, { personId: east.person('李明华'), role: '校长', stance: '同意' }],
    });
    const { meetingId } = t.ok('meetings.create', { bodyId: east.body('party_committee'), startsAt: '2026-03-27T15:00', place: '会议室', hostId: east.person('王建国'), recorderId: east.person('吴秘书') });
    const before = t.snapshot();
    expect(t.call('meetings.addItem', { meetingId, itemId })).toMatchObject({ ok: false, error: { rule: 'R2', code: 'rule_violation' } });
    expect(t.snapshot()).toEqual(before);

    // Offered on the item's page before, with what will happen; R2 says it must go up.
    const offer = t.ok('items.get', { itemId }).sendUp!;
    expect(offer).toMatchObject({ groupName: '青山县第一中学教育集团', required: true });
    expect(offer.consequence).toContain('已上报集团');
    // A campus item below its threshold may still be sent up, but is not required to.
    const { id: small } = t.ok('items.create', { orgId: east.orgId, title: '关于东校区图书角的议题', matterId: east.matter('D1'), proposerId: east.person('陈志强') });
    expect(t.ok('items.get', { itemId: small }).sendUp).toMatchObject({ required: false });

    const up = t.ok('group.escalate', { itemId, reason: '金额超过校区标准，须由集团党委决定' });
    expect(up.groupName).toBe('青山县第一中学教育集团');
    const campusSide = t.ok('items.get', { itemId });
    expect(campusSide.item.stateLabel).toBe('已上报集团');
    expect(campusSide.sendUp).toBeNull();
    expect(campusSide.transitions.at(-1)!.toLabel).toBe('已上报集团');
    expect(campusSide.gate).toEqual([]);
    // The list says so too (one home of the label: db/rules/group.ts), and a plain withdrawn item stays 已撤回.
    t.ok('items.withdraw', { itemId: small, reason: '不再需要' });
    const listed = t.ok('items.list', { orgId: east.orgId }).rows;
    expect(listed.find((r) => r.id === itemId)!.stateLabel).toBe('已上报集团');
    expect(listed.find((r) => r.id === small)!.stateLabel).toBe('已撤回');
    expect(listed.every((r) => !('sentUp' in r))).toBe(true);
    const found = t.ok('search.everywhere', { orgId: east.orgId, query: '多媒体设备' }).groups.find((g) => g.kind === 'item')!.hits;
    expect(found.map((h) => h.detail.split(' · ')[0])).toEqual(['已上报集团']);
    expect(t.ok('search.everywhere', { orgId: east.orgId, query: '图书角' }).groups.find((g) => g.kind === 'item')!.hits[0]!.detail).toMatch(/^已撤回/);
    expect(campusSide.escalation.up).toMatchObject({ itemId: up.groupItemId, orgName: '青山县第一中学教育集团' });
    // Not twice; and the 集团's item is not the campus's to read.
    expect(t.call('group.escalate', { itemId, reason: '再次上报' })).toMatchObject({ ok: false });
    expect(t.call('items.get', { itemId: up.groupItemId })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    schoolIn(t, groupId);
    const groupSide = t.ok('items.get', { itemId: up.groupItemId });
    expect(groupSide.escalation.from).toMatchObject({ itemId, orgId: campusIds[0], orgName: CAMPUSES[0], stateLabel: '已上报集团' });
    // The 集团's item is no campus's: nothing to send up.
    expect(groupSide.sendUp).toBeNull();
    expect(groupSide.item.routing.major).toBe(true);
    // A school on its own has nowhere to send an item.
    const { id: own } = t.ok('items.create', { orgId: groupId, title: '集团自己的议题', matterId: schoolIn(t, groupId).matter('D1'), proposerId: groupSide.item.proposerId });
    expect(t.call('group.escalate', { itemId: own, reason: '试试' })).toMatchObject({ ok: false, error: { message: '本组织不属于任何集团，议题无处上报。' } });
  });

  it('台账 sheet: a campus item whose vote was postponed and that then went up says 已上报集团, not 已撤回; the meeting’s result stays 暂缓表决', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1', 'D1']);
    m.state(entryIds[0]!, ['李明华', '张丽']);
    m.t.ok('entries.postpone', { entryId: entryIds[0]!, reason: '金额超过校区标准' });
    const itemId = m.view(meetingId).entries[0]!.item.id;
    const campusId = m.t.ok('org.get', {})!.org.id;
    // The school becomes a campus of a 集团 set up in the same file (its own 议事清单 and 书记).
    const { orgId: groupId } = m.t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山县第一中学教育集团' });
    m.t.ledger.sqlite.prepare('UPDATE organizations SET parent_id = ? WHERE id = ?').run(groupId, campusId);
    m.t.ok('orgs.use', { orgId: campusId });
    const row = () => readRegisterSheet(m.t.ledger, campusId, 2026).rows.find((r) => r.itemPosition === 1)!;
    expect(row()).toMatchObject({ result: '暂缓表决', status: '暂缓表决' });
    m.t.ok('group.escalate', { itemId, reason: '金额超过校区标准，须由集团党委决定' });
    expect(m.t.ok('items.get', { itemId }).item.stateLabel).toBe('已上报集团');
    expect(row()).toMatchObject({ result: '暂缓表决', status: '已上报集团' });
    // The other items of that meeting keep their own status.
    expect(readRegisterSheet(m.t.ledger, campusId, 2026).rows.filter((r) => r.itemPosition !== 1).every((r) => r.status !== '已上报集团')).toBe(true);
  });

  it('a 集团 decision handed to three campuses: each reports back on its own follow-up, and the loop closes when all are evaluated', () => {
    const { t, groupId, campusIds } = group();
    const g = schoolIn(t, groupId);
    const { decided } = decidedMeeting(t, g, {
      topics: [
        { title: '关于集团各校区开展安全隐患排查的议题', matter: 'D3', text: '各校区4月底前完成安全隐患排查。' },
        { title: '关于集团办公室文印管理的议题', matter: 'D1', text: '集团办公室完善文印管理。' },
      ],
    });
    const decisionId = decided[0]!.decisionId;
    // Offered on the 集团's decision page, with every campus and a suggested 承办.
    const offer = t.ok('decisions.get', { decisionId }).assign!;
    expect(offer.campuses.map((c) => [c.id, c.ownerDept])).toEqual(campusIds.map((id, i) => [id, CAMPUSES[i]]));
    const row = (campusId: number, i: number) => ({ campusId, ownerDept: `${CAMPUSES[i]}总务处`, deadline: `2026-04-${28 + i}` });
    // Refused, changing nothing: a deadline before the decision (said beside that campus's row), a campus twice, another 集团's school.
    const before = t.snapshot();
    expect(t.call('group.assign', { decisionId, task: '排查', campuses: [row(campusIds[0]!, 0), { ...row(campusIds[1]!, 1), deadline: '2026-01-02' }] })).toMatchObject({
      ok: false, error: { code: 'conflict', field: 'campuses.1.deadline', message: expect.stringContaining(`${CAMPUSES[1]}的完成时限不能早于作出决定的日期`) },
    });
    expect(t.call('group.assign', { decisionId, task: '排查', campuses: [row(campusIds[0]!, 0), row(campusIds[0]!, 0)] })).toMatchObject({ ok: false, error: { field: 'campuses.1.campusId' } });
    expect(t.call('group.assign', { decisionId, task: '排查', campuses: [{ campusId: groupId, ownerDept: '办公室', deadline: '2026-04-30' }] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.snapshot()).toEqual(before);

    const handed = t.ok('group.assign', { decisionId, task: '完成本校区安全隐患排查', campuses: campusIds.map(row) });
    expect(handed.followUps.map((f) => f.name)).toEqual(CAMPUSES);
    expect(t.call('group.assign', { decisionId, task: '再交一次', campuses: [row(campusIds[0]!, 0)] })).toMatchObject({ ok: false, error: { field: 'campuses.0.campusId' } });
    // Handed to all: no longer offered; each campus's follow-up with its own 承办, deadline and name.
    const detail = t.ok('decisions.get', { decisionId });
    expect(detail.assign).toBeNull();
    expect(detail.followUps.map((f) => [f.campusName, f.ownerDept, f.deadline])).toEqual(campusIds.map((id, i) => [CAMPUSES[i], `${CAMPUSES[i]}总务处`, `2026-04-${28 + i}`]));
    // A campus's decisions are never handed further (a campus has no campuses).
    expect(t.call('group.handed', { followUpId: handed.followUps[0]!.followUpId })).toMatchObject({ ok: true });

    // Each campus sees its own follow-up only, and reports back.
    for (const [i, campusId] of campusIds.entries()) {
      schoolIn(t, campusId);
      const mine = t.ok('followups.list', { orgId: campusId });
      expect(mine.map((f) => [f.id, f.handed])).toEqual([[handed.followUps[i]!.followUpId, true]]);
      // The campus's page of it: the 集团's decision and what the campus may do.
      const page = t.ok('group.handed', { followUpId: mine[0]!.id });
      expect(page).toMatchObject({ groupName: '青山县第一中学教育集团', campusName: CAMPUSES[i], decision: { text: '各校区4月底前完成安全隐患排查。' }, actions: { report: true, complete: true } });
      expect(t.call('decisions.get', { decisionId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // 今日待办 of the campus reminds of it, the day after its deadline, and opens the campus's page of it.
      t.setNow(`2026-04-${29 + i}T09:00:00`);
      const due = t.ok('reminders.today', { orgId: campusId }).groups.flatMap((x) => x.reminders).filter((r) => r.kind === 'followup_overdue');
      expect(due.map((r) => [r.title, r.target])).toEqual([['完成本校区安全隐患排查', { section: 'followups', handed: mine[0]!.id }]]);
      t.ok('followups.report', { followUpId: mine[0]!.id, kind: 'progress', text: '已排查完毕' });
      t.ok('followups.complete', { followUpId: mine[0]!.id, note: '整改完成' });
      expect(t.ok('group.handed', { followUpId: mine[0]!.id })).toMatchObject({ followUp: { reports: [{ text: '已排查完毕' }] }, actions: { report: false, complete: false } });
      // Another campus's follow-up is out of reach.
      const other = handed.followUps[(i + 1) % 3]!.followUpId;
      expect(t.call('followups.report', { followUpId: other, kind: 'progress', text: '越权' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    schoolIn(t, groupId);
    for (const f of handed.followUps) {
      expect(t.ok('decisions.get', { decisionId }).loopState).toBe('open');
      t.ok('evaluations.record', { followUpId: f.followUpId, rating: '好', effect: '排查到位', evaluatorId: g.person('王建国') });
    }
    expect(t.ok('decisions.get', { decisionId }).loopState).toBe('closed');
    // The 集团's own follow-up is no handed one.
    const own = t.ok('followups.create', { decisionId: decided[1]!.decisionId, task: '集团办公室落实', ownerDept: '办公室', deadline: '2026-05-30' }).followUp.id;
    expect(t.call('group.handed', { followUpId: own })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('集团工作台: per campus the numbers of the loop, the 集团 first; a campus secretary sees only their campus', () => {
    const { t, groupId, campusIds } = group();
    const east = schoolIn(t, campusIds[0]!);
    decidedMeeting(t, east);
    t.ok('items.create', { orgId: east.orgId, title: '待沟通的议题', matterId: east.matter('D1'), proposerId: east.person('陈志强') });
    const west = schoolIn(t, campusIds[1]!);
    t.ok('emergency.record', { orgId: west.orgId, bodyId: west.body('party_committee'), actorId: west.person('王建国'), reason: '停电', action: '临时安排', at: '2026-03-19T10:00' });
    schoolIn(t, groupId);
    const view = t.ok('group.overview', { year: 2026 })!;
    expect(view.rows.map((r) => [r.name, r.level])).toEqual([['青山县第一中学教育集团', 'group'], ...CAMPUSES.map((n) => [n, 'campus'])]);
    const row = (i: number) => view.rows[i + 1]!;
    expect(row(0)).toMatchObject({ meetingsThisYear: 1, meetingsThisMonth: 1, firstTopicsThisYear: 1, decisionsWithoutFollowUp: 2, waitingConsultation: 1 });
    expect(row(1)).toMatchObject({ openEmergencies: 1, meetingsThisYear: 0 });
    expect(row(2)).toMatchObject({ meetingsThisYear: 0, attention: 0 });

    t.ok('operators.limit', { name: '东校区秘书', orgIds: [campusIds[0]!] });
    t.ledger.operator = '东校区秘书';
    t.ledger.orgId = null;
    expect(t.ok('group.overview', {})!.rows.map((r) => r.name)).toEqual([CAMPUSES[0]]);
  });
});
