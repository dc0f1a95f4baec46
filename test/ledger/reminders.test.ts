// 今日待办 through dispatch: one test per reminder kind, on records made as the secretary makes
// them, with the clock moved to the day that makes each one due (db/rules/reminders.ts).
import { describe, expect, it } from 'vitest';
import { REMINDER_KIND_LABELS } from '../../db/terms';
import { decidedMeeting } from '../support/decided';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import { meetingSchool } from './meetings-fixture';

import type { OutputOf } from '../../db/api';
type Today = OutputOf<'reminders.today'>;
const of = (r: Today, kind: string) => r.groups.find((g) => g.kind === kind)?.reminders ?? [];

describe('今日待办 (reminders.today)', () => {
  it('a new school has nothing due', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    expect(t.ok('reminders.today', { orgId: s.orgId })).toMatchObject({ count: 0, overdue: 0, groups: [] });
  });

  it('R17: a follow-up due within 7 days, then overdue once its deadline has passed (the deadline day is not late)', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { decided } = decidedMeeting(t, s);
    const fu = t.ok('followups.create', { decisionId: decided[0]!.decisionId, task: '完成校园隐患整改', ownerDept: '总务处', ownerId: s.person('陈志强'), deadline: '2026-04-10' }).followUp;
    t.setNow('2026-04-01T09:00:00');
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'followup_due')).toEqual([]);
    t.setNow('2026-04-05T09:00:00');
    const soon = t.ok('reminders.today', { orgId: s.orgId });
    expect(of(soon, 'followup_due')).toEqual([
      expect.objectContaining({ key: `followup_due:${fu.id}`, title: '完成校园隐患整改', detail: '总务处 陈志强，完成时限2026年4月10日，还有5天到期', target: { section: 'followups', id: decided[0]!.decisionId } }),
    ]);
    expect(soon.groups.find((g) => g.kind === 'followup_due')!.label).toBe(REMINDER_KIND_LABELS.followup_due);
    t.setNow('2026-04-10T09:00:00');
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'followup_due')[0]!.detail).toContain('今天到期');
    t.setNow('2026-04-13T09:00:00');
    const late = t.ok('reminders.today', { orgId: s.orgId });
    expect(of(late, 'followup_overdue')).toEqual([expect.objectContaining({ urgency: 'overdue', detail: '总务处 陈志强，完成时限2026年4月10日，已逾期3天' })]);
    expect(late.overdue).toBeGreaterThanOrEqual(1);
    t.ok('followups.complete', { followUpId: fu.id, note: '已整改完毕' });
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'followup_overdue')).toEqual([]);
  });

  it("R3: tomorrow's meeting is to prepare, and each agenda item without materials is named", () => {
    const m = meetingSchool('2026-03-20T09:00:00');
    const withMaterials = m.readyItem('A1');
    const without = m.readyItem('D3', { materialsReadyAt: undefined, title: '关于校园安全隐患排查整治的议题' });
    const meetingId = m.meeting('party_committee', { startsAt: '2026-03-27T14:30' });
    m.add(meetingId, withMaterials);
    m.add(meetingId, without);
    m.t.setNow('2026-03-24T09:00:00');
    expect(m.t.ok('reminders.today', { orgId: m.s.orgId }).count).toBe(0);
    m.t.setNow('2026-03-26T09:00:00');
    const r = m.t.ok('reminders.today', { orgId: m.s.orgId });
    expect(of(r, 'meeting_soon')).toEqual([
      expect.objectContaining({ key: `meeting_soon:${meetingId}`, title: '2026年第1次党委会议', detail: expect.stringMatching(/^明天 2026年3月27日（星期五）14:30，1个议题的材料尚未送达$/) }),
    ]);
    // Materials are due 1 day before (the default lead time): today.
    expect(of(r, 'materials_missing')).toEqual([
      expect.objectContaining({ title: '关于校园安全隐患排查整治的议题', urgency: 'overdue', target: { section: 'items', id: without }, detail: '2026年第1次党委会议（2026年3月27日）的材料今天应送达' }),
    ]);
  });

  it('R4: an item waiting for 会前沟通 longer than the set number of days; the number is a setting', () => {
    const t = freshLedger('2026-03-02T09:00:00');
    const s = setupSchool(t);
    const { id } = t.ok('items.create', { orgId: s.orgId, title: '关于修订教师绩效考核办法的议题', matterId: s.matter('A1'), proposerId: s.person('王建国') });
    t.ok('items.submit', { itemId: id });
    t.setNow('2026-03-09T09:00:00');
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'consultation_waiting')).toEqual([]);
    t.setNow('2026-03-10T09:00:00');
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'consultation_waiting')).toEqual([
      expect.objectContaining({ title: '关于修订教师绩效考核办法的议题', detail: '自2026年3月2日起等待书记、校长会前沟通，已8天', target: { section: 'items', id } }),
    ]);
    t.ok('reminders.configure', { orgId: s.orgId, consultationWaitDays: 10 });
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'consultation_waiting')).toEqual([]);
    expect(t.ok('reminders.today', { orgId: s.orgId }).settings).toEqual({ consultationWaitDays: 10, notify: true });
  });

  it('R14: a 临时处置 not yet reported at a meeting', () => {
    const m = meetingSchool();
    m.t.ok('emergency.record', { orgId: m.s.orgId, bodyId: m.party, actorId: m.书记, reason: '暴雨红色预警，委员无法到校开会', action: '全校停课一天，启动防汛预案', at: '2026-03-20T07:00' });
    expect(of(m.t.ok('reminders.today', { orgId: m.s.orgId }), 'emergency_unreported')).toEqual([
      expect.objectContaining({ title: '全校停课一天，启动防汛预案', detail: '王建国于2026年3月20日临时处置，须在下次会议上通报', target: { section: 'meetings' } }),
    ]);
  });

  it('R16: minutes still unsigned more than 3 days after the meeting', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { meetingId } = decidedMeeting(t, s);
    t.setNow('2026-03-28T09:00:00');
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'minutes_unsigned')).toEqual([]);
    t.setNow('2026-03-29T09:00:00');
    expect(of(t.ok('reminders.today', { orgId: s.orgId }), 'minutes_unsigned')).toEqual([
      expect.objectContaining({ title: '2026年第1次党委会议', detail: '会议于2026年3月25日召开，已4天，纪要尚未签发', target: { section: 'minutes', id: meetingId } }),
    ]);
  });

  it('refuses a bad setting at its field and changes nothing', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const before = t.snapshot();
    expect(t.call('reminders.configure', { orgId: s.orgId, consultationWaitDays: 0 })).toMatchObject({ ok: false, error: { field: 'consultationWaitDays', message: '「会前沟通等待天数」至少为1天' } });
    expect(t.snapshot()).toEqual(before);
  });
});
