// 集团化办学 end to end through dispatch: a 集团党委 with three campuses in one file, the 集团书记
// seated in a campus committee (one person record), a campus 三重一大 item sent up (R2), a 集团
// decision handed to all three campuses, each reporting back, and the loop closing when every
// campus's follow-up is evaluated; the 集团工作台 counts per campus.
import { describe, expect, it } from 'vitest';
import { decidedMeeting } from '../support/decided';
import { freshLedger, type TestLedger } from '../support/ledger';
import { DEMO_SCHOOL } from '../support/school';

const CAMPUSES = ['青山县第一中学东校区', '青山县第一中学西校区', '青山县第一中学南校区'];

function schoolIn(t: TestLedger, orgId: number) {
  t.ok('orgs.use', { orgId });
  const overview = t.ok('org.get', {})!;
  const person = (name: string) => overview.persons.find((p) => p.name === name)!.id;
  const body = (kind: string) => overview.bodies.find((b) => b.kind === kind)!.id;
  const matter = (code: string) => t.ok('matters.list', { orgId }).find((m) => m.code === code)!.id;
  return { orgId, overview, person, body, matter };
}

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

    const up = t.ok('group.escalate', { itemId, reason: '金额超过校区标准，须由集团党委决定' });
    expect(up.groupName).toBe('青山县第一中学教育集团');
    const campusSide = t.ok('items.get', { itemId });
    expect(campusSide.item.stateLabel).toBe('已上报集团');
    expect(campusSide.escalation.up).toMatchObject({ itemId: up.groupItemId, orgName: '青山县第一中学教育集团' });
    // Not twice; and the 集团's item is not the campus's to read.
    expect(t.call('group.escalate', { itemId, reason: '再次上报' })).toMatchObject({ ok: false });
    expect(t.call('items.get', { itemId: up.groupItemId })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    schoolIn(t, groupId);
    const groupSide = t.ok('items.get', { itemId: up.groupItemId });
    expect(groupSide.escalation.from).toMatchObject({ itemId, orgName: CAMPUSES[0] });
    expect(groupSide.item.routing.major).toBe(true);
    // A school on its own has nowhere to send an item.
    const { id: own } = t.ok('items.create', { orgId: groupId, title: '集团自己的议题', matterId: schoolIn(t, groupId).matter('D1'), proposerId: groupSide.item.proposerId });
    expect(t.call('group.escalate', { itemId: own, reason: '试试' })).toMatchObject({ ok: false, error: { message: '本组织不属于任何集团，议题无处上报。' } });
  });

  it('a 集团 decision handed to three campuses: each reports back on its own follow-up, and the loop closes when all are evaluated', () => {
    const { t, groupId, campusIds } = group();
    const g = schoolIn(t, groupId);
    const { decided } = decidedMeeting(t, g, { topics: [{ title: '关于集团各校区开展安全隐患排查的议题', matter: 'D3', text: '各校区4月底前完成安全隐患排查。' }] });
    const decisionId = decided[0]!.decisionId;
    const handed = t.ok('group.assign', { decisionId, campusIds, task: '完成本校区安全隐患排查', deadline: '2026-04-30' });
    expect(handed.followUps.map((f) => f.name)).toEqual(CAMPUSES);
    expect(t.call('group.assign', { decisionId, campusIds: [campusIds[0]!], task: '再交一次', deadline: '2026-04-30' })).toMatchObject({ ok: false });

    // Each campus sees its own follow-up only, and reports back.
    for (const [i, campusId] of campusIds.entries()) {
      schoolIn(t, campusId);
      const mine = t.ok('followups.list', { orgId: campusId });
      expect(mine.map((f) => f.id)).toEqual([handed.followUps[i]!.followUpId]);
      t.ok('followups.report', { followUpId: mine[0]!.id, kind: 'progress', text: '已排查完毕' });
      t.ok('followups.complete', { followUpId: mine[0]!.id, note: '整改完成' });
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
