// Rule audit (docs/rules.md): the cases through dispatch that no other ledger test covered.
import { describe, expect, it } from 'vitest';
import { meetingSchool } from './meetings-fixture';

describe('rules audit: gaps filled through dispatch', () => {
  it('R2: a 三重一大 Matter without 前置研究 is refused at the 校长办公会 (rule R2, nothing changes) and decided by the 党组织会议', () => {
    const m = meetingSchool();
    const matter = m.t.ok('matters.save', { orgId: m.s.orgId, group: 'E', name: '重大合同签订', decidingBody: 'party_committee', majorCategory: '重大项目安排' });
    const { id: itemId } = m.t.ok('items.create', { orgId: m.s.orgId, title: '关于签订食堂托管合同的议题', matterId: matter.id, proposerId: m.书记, materialsReadyAt: '2026-03-20' });
    expect(m.t.ok('items.get', { itemId }).routing).toMatchObject({ body: 'party_committee', major: true });
    m.t.ok('items.submit', { itemId });
    const stances = [
      { personId: m.书记, role: '书记', stance: '同意' as const },
      { personId: m.校长, role: '校长', stance: '同意' as const },
    ];
    m.t.ok('consultations.record', { itemId, date: '2026-03-20', form: '当面', stances });
    const office = m.meeting('principal_office', { startsAt: '2026-03-24T09:00' });
    const before = m.t.snapshot();
    const refused = m.t.call('meetings.addItem', { meetingId: office, itemId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R2', message: expect.stringContaining('校长办公会议不能决定') } });
    expect(m.t.snapshot()).toEqual(before);
    const party = m.meeting();
    expect(m.t.call('meetings.addItem', { meetingId: party, itemId })).toMatchObject({ ok: true });
    expect(m.itemState(itemId)).toBe('scheduled');
  });

  it('R6: the 校长办公会 needs more than half of its 5 members: 2 present is refused, 3 present decides', () => {
    const m = meetingSchool();
    const meetingId = m.meeting('principal_office');
    const entryId = m.add(meetingId, m.readyItem('X2'));
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.校长 });
    const away = { status: '缺席' as const };
    m.attend(meetingId, 'principal_office', { 张丽: away, 陈志强: away, 周敏: away });
    expect(m.view(meetingId).entries[0]!.live).toMatchObject({ due: 5, present: 2, quorumOk: false });
    const before = m.t.snapshot();
    expect(m.t.call('entries.principalDecide', { entryId, decisionText: '同意' })).toMatchObject({ ok: false, error: { rule: 'R6' } });
    expect(m.t.snapshot()).toEqual(before);

    m.attend(meetingId, 'principal_office', { 陈志强: away, 周敏: away });
    m.state(entryId, ['王建国', '张丽', '李明华']);
    expect(m.t.ok('entries.principalDecide', { entryId, decisionText: '同意调整期中考试安排' })).toMatchObject({ passed: true, tally: { due: 5, present: 3, passed: true } });
  });
});
