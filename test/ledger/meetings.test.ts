// Meetings through dispatch on a real SQLite file: numbering, agenda through the gate,
// attendance, confirmation, the live view, closing (R3, R4, R6, R7, R13, R15, R16).
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../db/contract';
import { meetingSchool } from './meetings-fixture';

describe('meetings.create and list', () => {
  it('numbers meetings per body per year and titles them 2026年第N次…', () => {
    const m = meetingSchool();
    const a = m.t.ok('meetings.create', { bodyId: m.party, startsAt: '2026-03-25T14:30', place: '会议室', hostId: m.书记, recorderId: m.id('吴秘书') });
    const b = m.t.ok('meetings.create', { bodyId: m.party, startsAt: '2026-04-08T14:30', place: '会议室', hostId: m.书记, recorderId: m.id('吴秘书') });
    const c = m.t.ok('meetings.create', { bodyId: m.office, startsAt: '2026-03-24T09:00', place: '校长室', hostId: m.校长, recorderId: m.id('周敏') });
    const d = m.t.ok('meetings.create', { bodyId: m.party, startsAt: '2027-01-10T09:00', place: '会议室', hostId: m.书记, recorderId: m.id('吴秘书') });
    expect([a.title, b.title, c.title, d.title]).toEqual(['2026年第1次党委会议', '2026年第2次党委会议', '2026年第1次校长办公会议', '2027年第1次党委会议']);
    const list = m.t.ok('meetings.list', { orgId: m.s.orgId, year: 2026 });
    expect(list.map((x) => x.title)).toEqual(['2026年第2次党委会议', '2026年第1次党委会议', '2026年第1次校长办公会议']);
    expect(m.view(a.meetingId).title).toBe('2026年第1次党委会议');
  });

  it('refuses an unknown host, a host outside the body, and bad input, changing nothing', () => {
    const m = meetingSchool();
    const before = m.t.snapshot();
    const base = { bodyId: m.party, startsAt: '2026-03-25T14:30', place: '会议室', hostId: m.书记, recorderId: m.id('吴秘书') };
    expect(m.t.call('meetings.create', { ...base, hostId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'hostId' } });
    expect(m.t.call('meetings.create', { ...base, recorderId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'recorderId' } });
    const outsider = m.t.call('meetings.create', { ...base, hostId: m.id('周敏') });
    expect(outsider).toMatchObject({ ok: false, error: { code: 'conflict', field: 'hostId' } });
    expect(m.t.call('meetings.create', { ...base, place: '' })).toMatchObject({ ok: false, error: { message: '「会议地点」不能为空' } });
    expect(m.t.call('meetings.create', { ...base, startsAt: '2026-02-30T09:00' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(m.t.snapshot()).toEqual(before);
  });

  it('updates place and time before it sits; after statements neither the time nor the host', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    m.t.ok('meetings.update', { meetingId, place: '第二会议室', startsAt: '2026-03-26T09:00' });
    expect(m.view(meetingId).meeting).toMatchObject({ place: '第二会议室', startsAt: '2026-03-26T09:00' });
    m.state(entryIds[0]!, ['张丽']);
    const before = m.t.snapshot();
    expect(m.t.call('meetings.update', { meetingId, startsAt: '2026-03-27T09:00' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'startsAt', message: '会议已经开始，不能再改期。' } });
    expect(m.t.call('meetings.update', { meetingId, hostId: m.校长 })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'hostId' } });
    expect(m.t.snapshot()).toEqual(before);
    // The place (a typing mistake) may still be put right until the meeting is closed.
    m.t.ok('meetings.update', { meetingId, place: '第三会议室' });
  });
});

describe('agenda', () => {
  it('R4: an item that skipped consultation cannot be scheduled, so it can never be voted', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const { id: itemId } = m.t.ok('items.create', { orgId: m.s.orgId, title: '未沟通的议题', matterId: m.s.matter('A2'), proposerId: m.书记, materialsReadyAt: '2026-03-20' });
    const before = m.t.snapshot();
    const r = m.t.call('meetings.addItem', { meetingId, itemId });
    expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R4' } });
    expect(m.t.snapshot()).toEqual(before);
    expect(m.view(meetingId).entries).toEqual([]);
  });

  it('R1: a 前置研究 matter goes to the 党组织会议 only after the 校长办公会 studied it', () => {
    const m = meetingSchool();
    const itemId = m.readyItem('C4');
    const party = m.meeting();
    expect(m.t.call('meetings.addItem', { meetingId: party, itemId })).toMatchObject({ ok: false, error: { rule: 'R1' } });
    // Study at the 校长办公会 first.
    const office = m.meeting('principal_office', { startsAt: '2026-03-23T09:00' });
    const added = m.t.ok('meetings.addItem', { meetingId: office, itemId });
    expect(added.purpose).toBe('study');
    m.t.ok('meetings.confirmAgenda', { meetingId: office, personId: m.校长 });
    m.attend(office, 'principal_office');
    // Studying records no decision and moves the item back to 待上会.
    expect(m.t.call('entries.vote', { entryId: added.entryId, method: '举手', counts: { for: 5, against: 0, abstain: 0 }, decisionText: 'x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    m.t.ok('entries.study', { entryId: added.entryId, proposal: '建议按方案招聘3名教师，提交党组织会议决定' });
    expect(m.itemState(itemId)).toBe('ready');
    const e = m.t.ok('meetings.addItem', { meetingId: party, itemId });
    expect(e.purpose).toBe('decide');
    expect(m.view(office).entries[0]).toMatchObject({ outcome: 'studied', proposal: '建议按方案招聘3名教师，提交党组织会议决定', decision: null });
  });

  it('R3: lead-time warnings are kept on the entry and returned; a 临时动议 needs urgency and the host', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const late = m.readyItem('A2', { materialsReadyAt: '2026-03-25' });
    const r = m.t.ok('meetings.addItem', { meetingId, itemId: late });
    expect(r.warnings.map((w) => w.rule)).toContain('R3');
    expect(m.view(meetingId).entries[0]!.warnings.some((w) => w.rule === 'R3')).toBe(true);
    // On the meeting day, an addition is a 临时动议.
    const urgent = m.readyItem('D3');
    m.t.setNow('2026-03-25T13:00:00');
    expect(m.t.call('meetings.addItem', { meetingId, itemId: urgent })).toMatchObject({ ok: false, error: { rule: 'R3' } });
    expect(m.t.call('meetings.addItem', { meetingId, itemId: urgent, adHoc: { urgent: true, hostAccepted: false, reason: '汛期安全' } })).toMatchObject({ ok: false, error: { rule: 'R3' } });
    const ok = m.t.ok('meetings.addItem', { meetingId, itemId: urgent, adHoc: { urgent: true, hostAccepted: true, reason: '汛期安全' } });
    expect(m.view(meetingId).entries.find((e) => e.id === ok.entryId)).toMatchObject({ adHoc: true });
  });

  it('R3: only the 书记 confirms the 党组织会议 agenda; a later addition needs a new confirmation', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    expect(m.t.call('meetings.confirmAgenda', { meetingId, personId: m.书记 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    m.add(meetingId, m.readyItem('A1'));
    expect(m.t.call('meetings.confirmAgenda', { meetingId, personId: m.校长 })).toMatchObject({ ok: false, error: { rule: 'R3' } });
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    expect(m.view(meetingId).meeting.agendaConfirmedBy).toEqual({ id: m.书记, name: '王建国' });
    const second = m.add(meetingId, m.readyItem('A2'));
    expect(m.view(meetingId).meeting.agendaConfirmedBy).toBeNull();
    m.attend(meetingId);
    expect(m.t.call('entries.statement', { entryId: second, personId: m.id('张丽'), stance: '同意' })).toMatchObject({ ok: false, error: { rule: 'R3' } });
  });

  it('removes a pending item back to 待上会, but not one already discussed', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1', 'A2']);
    const itemId = m.view(meetingId).entries[1]!.item.id;
    m.t.ok('meetings.removeItem', { entryId: entryIds[1]! });
    expect(m.itemState(itemId)).toBe('ready');
    expect(m.view(meetingId).entries).toHaveLength(1);
    // R3: the changed agenda is confirmed again.
    expect(m.view(meetingId).meeting.agendaConfirmedBy).toBeNull();
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    m.state(entryIds[0]!, ['张丽']);
    expect(m.t.call('meetings.removeItem', { entryId: entryIds[0]! })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('attendance', () => {
  it('R7: people outside the body attend only as 列席; voting members are not 列席', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const rows = ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红'].map((n) => ({ personId: m.id(n), status: '出席' as const }));
    expect(m.t.call('meetings.setAttendance', { meetingId, rows: [...rows, { personId: m.id('周敏'), status: '出席' }] })).toMatchObject({ ok: false, error: { rule: 'R7' } });
    expect(m.t.call('meetings.setAttendance', { meetingId, rows: [{ ...rows[0]!, status: '列席' }, ...rows.slice(1)] })).toMatchObject({ ok: false, error: { rule: 'R7' } });
    const r = m.t.ok('meetings.setAttendance', { meetingId, rows: [...rows, { personId: m.id('周敏'), status: '列席' }] });
    expect(r).toMatchObject({ present: 7, attending: 1 });
  });

  it('R16: every voting member is accounted for, and leave has a reason', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const rows = ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊'].map((n) => ({ personId: m.id(n), status: '出席' as const }));
    const missing = m.t.call('meetings.setAttendance', { meetingId, rows });
    expect(missing).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('孙红') } });
    expect(m.t.call('meetings.setAttendance', { meetingId, rows: [...rows, { personId: m.id('孙红'), status: '请假' }] })).toMatchObject({ ok: false, error: { rule: 'R16' } });
    m.t.ok('meetings.setAttendance', { meetingId, rows: [...rows, { personId: m.id('孙红'), status: '请假', reason: '外出培训' }] });
    expect(m.view(meetingId).attendance.find((a) => a.name === '孙红')).toMatchObject({ status: '请假', reason: '外出培训', voting: true });
  });

  it('R6: the live view per item: "应到7人，实到5人，需同意票≥4", and quorum lost when members leave', () => {
    const m = meetingSchool();
    const { meetingId } = m.sitting(['A1', 'A2']);
    m.attend(meetingId, 'party_committee', {
      刘芳: { status: '请假', reason: '病假' },
      赵磊: { status: '缺席' },
      孙红: { leavesAfter: 1 },
      陈志强: { leavesAfter: 1 },
    });
    const [first, second] = m.view(meetingId).entries;
    expect(first!.live).toMatchObject({ due: 7, present: 5, quorumOk: true, text: '应到7人，实到5人，需同意票≥4' });
    expect(second!.live).toMatchObject({ due: 7, present: 3, quorumOk: false });
    expect(second!.live.text).toContain('不能表决');
    expect(second!.live.absent.map((a) => a.name)).toEqual(['陈志强', '刘芳', '赵磊', '孙红']);
  });
});

describe('R13 no substitutes', () => {
  it('R13: no channel creates a decision outside a meeting entry', () => {
    expect(CHANNEL_NAMES.filter((c) => /^decisions?\.(create|add|record)/.test(c))).toEqual([]);
    const m = meetingSchool();
    expect(m.t.call('decisions.create' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('R13: a "vote" collected by circulation, on a meeting with no attendance, is refused', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const entryId = m.add(meetingId, m.readyItem('A1'));
    m.t.ok('meetings.confirmAgenda', { meetingId, personId: m.书记 });
    const before = m.t.snapshot();
    const r = m.t.call('entries.vote', { entryId, method: '记名投票', ballots: [{ personId: m.书记, choice: '同意' }], decisionText: '传阅同意' });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R13', message: expect.stringContaining('传阅') } });
    expect(m.t.snapshot()).toEqual(before);
  });
});

describe('closing and 第一议题', () => {
  it('R15: a 党组织会议 without a 第一议题 is warned at its first vote and at closing, kept once', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1', 'A2'], { firstTopic: false });
    m.state(entryIds[0]!, m.hostLast());
    const v1 = m.t.ok('entries.vote', { entryId: entryIds[0]!, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意' });
    expect(v1.warnings).toEqual([{ rule: 'R15', message: '本次党组织会议未记录第一议题学习内容' }]);
    m.state(entryIds[1]!, m.hostLast());
    const v2 = m.t.ok('entries.vote', { entryId: entryIds[1]!, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意' });
    expect(v2.warnings).toEqual([]);
    const closed = m.t.ok('meetings.close', { meetingId });
    expect(closed.warnings.map((w) => w.rule)).toEqual(['R15']);
    expect(m.view(meetingId).warnings.filter((w) => w.rule === 'R15')).toHaveLength(1);
  });

  it('R15: no warning when the 第一议题 is recorded', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1']);
    m.state(entryIds[0]!, m.hostLast());
    expect(m.t.ok('entries.vote', { entryId: entryIds[0]!, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意' }).warnings).toEqual([]);
    expect(m.t.ok('meetings.close', { meetingId }).warnings).toEqual([]);
  });

  it('refuses to close with an undecided item or without attendance; a closed meeting is final', () => {
    const m = meetingSchool();
    const bare = m.meeting();
    expect(m.t.call('meetings.close', { meetingId: bare })).toMatchObject({ ok: false, error: { rule: 'R16' } });
    const { meetingId, entryIds } = m.sitting(['A1']);
    expect(m.t.call('meetings.close', { meetingId })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('议题A1') } });
    m.t.ok('entries.postpone', { entryId: entryIds[0]!, reason: '关键事实尚需核实' });
    m.t.ok('meetings.close', { meetingId });
    expect(m.view(meetingId).meeting.state).toBe('closed');
    expect(m.t.call('meetings.setFirstTopic', { meetingId, content: '补记' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
