// 今日待办 (db/rules/reminders.ts) on plain facts: each kind's threshold on both sides of its line,
// the words the secretary reads, where each opens, the order, and once-a-day notifications.
import { describe, expect, it } from 'vitest';
import { dayNumber, dueReminders, REMINDER_DEFAULTS, toNotify, type Reminder, type ReminderFacts } from '../../db/rules/reminders';

const TODAY = '2026-03-25';
const empty = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  today: TODAY,
  materialsLeadDays: 3,
  followUps: [],
  meetings: [],
  waitingItems: [],
  emergencies: [],
  unsignedMeetings: [],
  ...over,
});
const fu = (id: number, deadline: string, state = 'open', ownerName: string | null = '李明') => ({ id, decisionId: 100 + id, task: `任务${id}`, ownerDept: '总务处', ownerName, deadline, state, handed: false });
const meeting = (id: number, startsAt: string, missing: number[] = [], state = 'planned') => ({
  id,
  title: `会议${id}`,
  startsAt,
  state,
  missingMaterials: missing.map((itemId) => ({ itemId, title: `议题${itemId}` })),
});

describe('dayNumber', () => {
  it('counts whole days and ignores the time of day', () => {
    expect(dayNumber('2026-03-25') - dayNumber('2026-03-24')).toBe(1);
    expect(dayNumber('2026-03-25T23:59')).toBe(dayNumber('2026-03-25'));
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('follow-ups (R17)', () => {
  it('the day after the deadline is 逾期; the deadline day is 今天到期', () => {
    const r = dueReminders(empty({ followUps: [fu(1, '2026-03-24'), fu(2, '2026-03-25')] }));
    expect(r).toEqual([
      { key: 'followup_overdue:1', kind: 'followup_overdue', urgency: 'overdue', title: '任务1', detail: '总务处 李明，完成时限2026年3月24日，已逾期1天', target: { section: 'followups', id: 101 } },
      { key: 'followup_due:2', kind: 'followup_due', urgency: 'today', title: '任务2', detail: '总务处 李明，完成时限2026年3月25日，今天到期', target: { section: 'followups', id: 102 } },
    ]);
  });
  it('tomorrow is 明天到期 and today-urgent; 2–7 days is soon; 8 days is not shown', () => {
    const r = dueReminders(empty({ followUps: [fu(1, '2026-03-26'), fu(2, '2026-03-27'), fu(3, '2026-04-01'), fu(4, '2026-04-02')] }));
    expect(r.map((x) => [x.key, x.urgency, x.detail])).toEqual([
      ['followup_due:1', 'today', '总务处 李明，完成时限2026年3月26日，明天到期'],
      ['followup_due:2', 'soon', '总务处 李明，完成时限2026年3月27日，还有2天到期'],
      ['followup_due:3', 'soon', '总务处 李明，完成时限2026年4月1日，还有7天到期'],
    ]);
  });
  it('a done follow-up is never a reminder, however late; other states are', () => {
    expect(dueReminders(empty({ followUps: [fu(1, '2026-01-01', 'done')] }))).toEqual([]);
    expect(dueReminders(empty({ followUps: [fu(1, '2026-01-01', 'in_progress')] }))[0].detail).toContain('已逾期83天');
  });
  it('a 集团 follow-up handed to this campus opens on its own page, not the 集团 decision', () => {
    const [late, soon] = dueReminders(empty({ followUps: [{ ...fu(1, '2026-03-24'), handed: true }, { ...fu(2, '2026-03-27'), handed: true }] }));
    expect(late.target).toEqual({ section: 'followups', handed: 1 });
    expect(soon.target).toEqual({ section: 'followups', handed: 2 });
  });
  it('an owner without a name is the department alone', () => {
    expect(dueReminders(empty({ followUps: [fu(1, '2026-03-20', 'open', null)] }))[0].detail).toBe('总务处，完成时限2026年3月20日，已逾期5天');
  });
});

describe('meetings and materials (R3)', () => {
  it('a meeting today or tomorrow is to prepare, with its materials state; the day after is not', () => {
    const r = dueReminders(empty({ materialsLeadDays: 0, meetings: [meeting(1, '2026-03-25T15:00'), meeting(2, '2026-03-26T09:00', [7]), meeting(3, '2026-03-27T09:00')] }));
    const soon = r.filter((x) => x.kind === 'meeting_soon');
    expect(soon).toEqual([
      { key: 'meeting_soon:1', kind: 'meeting_soon', urgency: 'today', title: '会议1', detail: '今天 2026年3月25日（星期三）15:00，材料已齐', target: { section: 'meetings', id: 1 } },
      { key: 'meeting_soon:2', kind: 'meeting_soon', urgency: 'today', title: '会议2', detail: '明天 2026年3月26日（星期四）09:00，1个议题的材料尚未送达', target: { section: 'meetings', id: 2 } },
    ]);
  });
  it('a past, closed or cancelled meeting is no reminder', () => {
    expect(dueReminders(empty({ meetings: [meeting(1, '2026-03-24T15:00', [5]), meeting(2, '2026-03-25T15:00', [6], 'closed'), meeting(3, '2026-03-26T15:00', [7], 'cancelled')] }))).toEqual([]);
  });
  it('materials are due lead-days before the meeting: overdue past it, due today, due tomorrow, not yet', () => {
    // lead 3 days: a meeting in 2 days was due yesterday, in 3 days is due today, in 4 due tomorrow, in 5 not yet.
    const r = dueReminders(empty({ meetings: [meeting(1, '2026-03-27T09:00', [11]), meeting(2, '2026-03-28T09:00', [12]), meeting(3, '2026-03-29T09:00', [13]), meeting(4, '2026-03-30T09:00', [14])] }));
    expect(r.filter((x) => x.kind === 'materials_missing').map((x) => [x.key, x.urgency, x.detail, x.target])).toEqual([
      ['materials_missing:1:11', 'overdue', '会议1（2026年3月27日）的材料已过送达时间', { section: 'items', id: 11 }],
      ['materials_missing:2:12', 'overdue', '会议2（2026年3月28日）的材料今天应送达', { section: 'items', id: 12 }],
      ['materials_missing:3:13', 'today', '会议3（2026年3月29日）的材料明天应送达', { section: 'items', id: 13 }],
    ]);
  });
  it('one reminder per missing item', () => {
    const r = dueReminders(empty({ meetings: [meeting(1, '2026-03-27T09:00', [11, 12])] }));
    expect(r.filter((x) => x.kind === 'materials_missing').map((x) => x.title)).toEqual(['议题11', '议题12']);
  });
});

describe('consultation waiting (R4)', () => {
  it('is shown only after more than the set number of days', () => {
    const items = [{ id: 1, title: '甲', since: '2026-03-18' }, { id: 2, title: '乙', since: '2026-03-17' }];
    expect(dueReminders(empty({ waitingItems: items })).map((x) => [x.key, x.urgency, x.detail, x.target])).toEqual([
      ['consultation_waiting:2', 'soon', '自2026年3月17日起等待书记、校长会前沟通，已8天', { section: 'items', id: 2 }],
    ]);
    expect(dueReminders(empty({ waitingItems: items }), { ...REMINDER_DEFAULTS, consultationWaitDays: 6 }).map((x) => x.key)).toEqual(['consultation_waiting:1', 'consultation_waiting:2']);
  });
});

describe('emergencies (R14) and unsigned minutes (R16)', () => {
  it('every unreported emergency action is shown', () => {
    expect(dueReminders(empty({ emergencies: [{ id: 4, action: '停课', actorName: '张书记', at: '2026-03-20T08:00:00Z' }] }))).toEqual([
      { key: 'emergency_unreported:4', kind: 'emergency_unreported', urgency: 'soon', title: '停课', detail: '张书记于2026年3月20日临时处置，须在下次会议上通报', target: { section: 'meetings' } },
    ]);
  });
  it('minutes unsigned more than 3 days after the meeting', () => {
    const r = dueReminders(empty({ unsignedMeetings: [{ id: 1, title: '甲会', startsAt: '2026-03-22T15:00' }, { id: 2, title: '乙会', startsAt: '2026-03-21T15:00' }] }));
    expect(r).toEqual([{ key: 'minutes_unsigned:2', kind: 'minutes_unsigned', urgency: 'soon', title: '乙会', detail: '会议于2026年3月21日召开，已4天，纪要尚未签发', target: { section: 'minutes', id: 2 } }]);
  });
});

describe('order', () => {
  it('groups by kind in the panel’s order, the most urgent first inside a kind, else as found', () => {
    const r = dueReminders(
      empty({
        unsignedMeetings: [{ id: 9, title: '旧会', startsAt: '2026-03-01T15:00' }],
        emergencies: [{ id: 4, action: '停课', actorName: '张书记', at: '2026-03-20T08:00:00Z' }],
        waitingItems: [{ id: 3, title: '久等', since: '2026-03-01' }],
        meetings: [meeting(1, '2026-03-29T09:00', [21]), meeting(2, '2026-03-26T09:00', [22])],
        followUps: [fu(1, '2026-03-30'), fu(2, '2026-03-26'), fu(3, '2026-03-20'), fu(4, '2026-03-27')],
      }),
    );
    expect(r.map((x) => x.key)).toEqual([
      'followup_overdue:3',
      'followup_due:2',
      'followup_due:1',
      'followup_due:4',
      'meeting_soon:2',
      'materials_missing:2:22',
      'materials_missing:1:21',
      'consultation_waiting:3',
      'emergency_unreported:4',
      'minutes_unsigned:9',
    ]);
  });
});

describe('defaults', () => {
  it('waits 7 days for a consultation and notifies unless switched off', () => {
    expect(REMINDER_DEFAULTS).toEqual({ consultationWaitDays: 7, notify: true });
    expect(dueReminders(empty({ waitingItems: [{ id: 1, title: '甲', since: '2026-03-17' }] })).length).toBe(1);
  });
});

describe('toNotify', () => {
  const r = (key: string): Reminder => ({ key, kind: 'followup_due', urgency: 'soon', title: key, detail: '', target: { section: 'followups' } });
  it('notifies each reminder at most once a day', () => {
    const list = [r('a'), r('b'), r('c')];
    expect(toNotify(list, { a: TODAY, b: '2026-03-24' }, TODAY, { notify: true }).map((x) => x.key)).toEqual(['b', 'c']);
  });
  it('notifies nothing when switched off', () => {
    expect(toNotify([r('a')], {}, TODAY, { notify: false })).toEqual([]);
  });
});
