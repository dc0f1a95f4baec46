// 模板与常用语 through dispatch (db/templates): the defaults a school starts with, adding, editing
// and deleting (each refusal changes nothing), a matter's decision templates filled with the
// item's title, a new meeting's place and 记录人 from the last meeting, and attendance reused.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSULTATION_PHRASES, DEFAULT_STATEMENT_PHRASES } from '../../db/rules/templates';
import { decidedMeeting } from '../support/decided';
import { freshLedger, type TestLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import fs from 'node:fs';
import { MIGRATIONS } from '../support/ledger';
import path from 'node:path';

const dump = (t: TestLedger, table: string) => JSON.stringify(t.ledger.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
const refused = (t: TestLedger, channel: Parameters<TestLedger['call']>[0], input: unknown, tables: string[]) => {
  const before = tables.map((x) => dump(t, x)).join();
  const r = t.call(channel, input as never);
  expect(r.ok).toBe(false);
  expect(tables.map((x) => dump(t, x)).join()).toBe(before);
  return (r as { error: { message: string; field?: string } }).error;
};

describe('模板与常用语 (templates.*)', () => {
  it('a new school starts with one decision template per 议事清单 matter and the common phrases', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const list = t.ok('templates.list', { orgId: s.orgId });
    const matters = t.ok('matters.list', { orgId: s.orgId });
    expect(list.decision.map((d) => d.matterId).sort()).toEqual(matters.map((m) => m.id).sort());
    expect(list.decision.find((d) => d.matterId === s.matter('E2'))!.text).toContain('金额……元');
    expect(list.statement.map((p) => p.text)).toEqual(DEFAULT_STATEMENT_PHRASES);
    expect(list.consultation.map((p) => p.text)).toEqual(DEFAULT_CONSULTATION_PHRASES);
    expect(list.forItem).toBeNull();
  });

  it('a matter added later starts with its group’s decision template', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const m = t.ok('matters.save', { orgId: s.orgId, group: 'C', name: '党外代表人士推荐', decidingBody: 'party_committee', cadre: true });
    const own = t.ok('matters.save', { orgId: s.orgId, group: 'Z', name: '学校自设事项', decidingBody: 'principal_office' });
    const list = t.ok('templates.list', { orgId: s.orgId }).decision;
    expect(list.filter((d) => d.matterId === m.id).map((d) => d.text)).toEqual(['经会议研究，同意《议题名称》，按干部管理权限和程序办理。']);
    expect(list.filter((d) => d.matterId === own.id).map((d) => d.text)).toEqual(['会议同意《议题名称》，由……负责落实。']);
    // Editing the matter adds nothing.
    t.ok('matters.save', { orgId: s.orgId, matterId: m.id, group: 'C', name: '党外代表人士推荐人选', decidingBody: 'party_committee', cadre: true });
    expect(t.ok('templates.list', { orgId: s.orgId }).decision.filter((d) => d.matterId === m.id)).toHaveLength(1);
  });

  it("with an item, its matter's templates come with the item's title in place of 《议题名称》", () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const item = t.ok('items.create', { orgId: s.orgId, title: '关于更新食堂设备的议题', matterId: s.matter('E2'), proposerId: s.person('陈志强') });
    t.ok('templates.save', { orgId: s.orgId, kind: 'decision', matterId: s.matter('E2'), text: '同意《议题名称》，由总务处公开招标。' });
    t.ok('templates.save', { orgId: s.orgId, kind: 'decision', matterId: s.matter('E1'), text: '不属于这一事项的模板' });
    const { forItem } = t.ok('templates.list', { orgId: s.orgId, itemId: item.id });
    expect(forItem!.matter).toBe('E2 大额资金使用');
    expect(forItem!.texts.map((x) => x.text)).toEqual([
      '会议同意《关于更新食堂设备的议题》，金额……元，由……按规定程序组织实施，于……前完成。',
      '同意《关于更新食堂设备的议题》，由总务处公开招标。',
    ]);
  });

  it('add, edit and delete a phrase; the journal says each in words', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const { templateId } = t.ok('templates.save', { orgId: s.orgId, kind: 'consultation', text: '  同意按程序提交党委会议。 ' });
    expect(t.ok('templates.list', { orgId: s.orgId }).consultation.at(-1)).toEqual({ id: templateId, text: '同意按程序提交党委会议。' });
    t.ok('templates.save', { orgId: s.orgId, templateId, kind: 'consultation', text: '同意提交党委会议研究。' });
    expect(t.ok('templates.list', { orgId: s.orgId }).consultation.at(-1)).toEqual({ id: templateId, text: '同意提交党委会议研究。' });
    t.ok('templates.remove', { templateId });
    expect(t.ok('templates.list', { orgId: s.orgId }).consultation.map((c) => c.id)).not.toContain(templateId);
    const journal = JSON.stringify(t.ok('journal.list', { offset: 0, limit: 20 }));
    expect(journal).toContain('添加了沟通常用语「同意按程序提交党委会议。」');
    expect(journal).toContain('修改了沟通常用语「同意提交党委会议研究。」');
    expect(journal).toContain('删除了一条模板或常用语');
  });

  it('refusals, each in Chinese, change nothing', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const T = ['text_templates'];
    const phrase = t.ok('templates.list', { orgId: s.orgId }).statement[0]!;
    expect(refused(t, 'templates.save', { orgId: s.orgId, kind: 'statement', text: '   ' }, T).message).toBe('「模板内容」不能为空');
    expect(refused(t, 'templates.save', { orgId: s.orgId, kind: 'statement', text: '长'.repeat(501) }, T).message).toBe('「模板内容」不能超过500字');
    expect(refused(t, 'templates.save', { orgId: s.orgId, kind: 'statement', text: '同意。' }, T).message).toBe('已有相同的表态常用语，不需要重复添加。');
    expect(refused(t, 'templates.save', { orgId: s.orgId, kind: 'decision', text: '会议同意。' }, T)).toMatchObject({ message: '请选择这个决定模板用于哪一项议事清单事项', field: 'matterId' });
    expect(refused(t, 'templates.save', { orgId: s.orgId, kind: 'statement', matterId: s.matter('A1'), text: '同意！' }, T).message).toBe('表态常用语不分议事清单事项，请不要选择事项');
    expect(refused(t, 'templates.save', { orgId: s.orgId, templateId: phrase.id, kind: 'consultation', text: '同意！' }, T).message).toBe('这一条是表态常用语，不能改为沟通常用语；请另行添加。');
    expect(refused(t, 'templates.save', { orgId: s.orgId, kind: 'bogus', text: '同意！' }, T).message).toContain('用途');
    expect(refused(t, 'templates.remove', { templateId: 999_999 }, T).message).toBe('找不到该模板，可能已被删除或更改，请刷新后重试。');
    expect(refused(t, 'templates.save', { orgId: s.orgId, templateId: 999_999, kind: 'statement', text: '同意！' }, T).message).toBe('找不到该模板，可能已被删除或更改，请刷新后重试。');
    // Editing a text into one its list already has is refused too (not only adding).
    const second = t.ok('templates.list', { orgId: s.orgId }).statement[1]!;
    expect(refused(t, 'templates.save', { orgId: s.orgId, templateId: second.id, kind: 'statement', text: '同意。' }, T).message).toBe('已有相同的表态常用语，不需要重复添加。');
    // The same text is allowed in another list.
    t.ok('templates.save', { orgId: s.orgId, kind: 'consultation', text: '同意。' });
  });

  it('a list holds at most 20 texts', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    for (let i = DEFAULT_STATEMENT_PHRASES.length; i < 20; i += 1) t.ok('templates.save', { orgId: s.orgId, kind: 'statement', text: `常用语${i}` });
    expect(refused(t, 'templates.save', { orgId: s.orgId, kind: 'statement', text: '第二十一条' }, ['text_templates']).message).toBe('表态常用语最多20条，请先删除不用的再添加。');
    // Editing one of the 20 is still allowed.
    const first = t.ok('templates.list', { orgId: s.orgId }).statement[0]!;
    t.ok('templates.save', { orgId: s.orgId, templateId: first.id, kind: 'statement', text: '完全同意。' });
  });

  it('a new meeting starts from the last meeting of the same body: its place and 记录人 (while active)', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    expect(t.ok('templates.meetingDefaults', { bodyId: s.body('party_committee') })).toEqual({ place: null, recorderId: null, from: null });
    decidedMeeting(t, s); // 学校第一会议室, 吴秘书
    expect(t.ok('templates.meetingDefaults', { bodyId: s.body('party_committee') })).toEqual({ place: '学校第一会议室', recorderId: s.person('吴秘书'), from: '2026年第1次党委会议' });
    // Another body's meetings are not this body's.
    expect(t.ok('templates.meetingDefaults', { bodyId: s.body('principal_office') }).place).toBeNull();
    t.ok('meetings.create', { bodyId: s.body('party_committee'), startsAt: '2026-04-20T15:00', place: '行政楼三楼会议室', hostId: s.person('王建国'), recorderId: s.person('刘芳') });
    expect(t.ok('templates.meetingDefaults', { bodyId: s.body('party_committee') })).toMatchObject({ place: '行政楼三楼会议室', recorderId: s.person('刘芳') });
    t.ok('meetings.create', { bodyId: s.body('party_committee'), startsAt: '2026-04-27T15:00', place: '行政楼三楼会议室', hostId: s.person('王建国'), recorderId: s.person('吴秘书') });
    t.ok('persons.update', { personId: s.person('吴秘书'), active: false });
    expect(t.ok('templates.meetingDefaults', { bodyId: s.body('party_committee') })).toMatchObject({ place: '行政楼三楼会议室', recorderId: null });
  });

  it("copying attendance: this body's last seated meeting, today's members, leave reasons and 列席 kept", () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const { meetingId: before } = decidedMeeting(t, s); // 孙红 请假 外出学习, 周敏 列席
    const { meetingId } = t.ok('meetings.create', { bodyId: s.body('party_committee'), startsAt: '2026-04-20T15:00', place: '学校第一会议室', hostId: s.person('王建国'), recorderId: s.person('吴秘书') });
    const out = t.ok('templates.copyAttendance', { meetingId });
    expect(out).toMatchObject({ from: '2026年第1次党委会议', rows: 8 });
    const rows = (id: number) => t.ledger.sqlite.prepare('SELECT p.name, a.status, a.reason FROM attendance a JOIN persons p ON p.id = a.person_id WHERE meeting_id = ? ORDER BY p.name').all(id);
    expect(rows(meetingId)).toEqual(rows(before));
    expect(JSON.stringify(t.ok('journal.list', { offset: 0, limit: 5 }))).toContain('「2026年第2次党委会议」沿用了上次会议的出席情况');
  });

  it('copying attendance is refused, changing nothing: already seated, no earlier list, another body, a later meeting, itself, a closed meeting', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const A = ['attendance', 'amendments'];
    const make = (bodyKind: string, startsAt: string) =>
      t.ok('meetings.create', { bodyId: s.body(bodyKind), startsAt, place: '会议室', hostId: s.person(bodyKind === 'party_committee' ? '王建国' : '李明华'), recorderId: s.person('吴秘书') }).meetingId;
    const first = make('party_committee', '2026-04-01T15:00');
    expect(refused(t, 'templates.copyAttendance', { meetingId: first }, A).message).toBe('党委会议此前的会议都没有登记出席情况，没有可以沿用的。');
    const { meetingId: closed } = decidedMeeting(t, s);
    const later = make('party_committee', '2026-05-01T15:00');
    const office = make('principal_office', '2026-03-01T09:00');
    expect(refused(t, 'templates.copyAttendance', { meetingId: later, fromMeetingId: office }, A).message).toBe('2026年第1次校长办公会议不是党委会议，只能沿用同一议事机构会议的出席情况。');
    expect(refused(t, 'templates.copyAttendance', { meetingId: first, fromMeetingId: later }, A).message).toContain('不早于本次会议');
    expect(refused(t, 'templates.copyAttendance', { meetingId: later, fromMeetingId: later }, A).message).toBe('不能沿用本次会议自己的出席情况，请选择更早的会议。');
    expect(refused(t, 'templates.copyAttendance', { meetingId: later, fromMeetingId: first }, A).message).toContain('没有登记出席情况');
    expect(refused(t, 'templates.copyAttendance', { meetingId: closed }, A).message).toBe('会议已结束，会议记录不能再修改。');
    t.ok('templates.copyAttendance', { meetingId: later });
    expect(refused(t, 'templates.copyAttendance', { meetingId: later }, A).message).toBe('2026年第3次党委会议已登记出席情况，请直接修改，不能再沿用其他会议的。');
  });

  it('the migration gives organisations set up before it the same defaults as set-up does', () => {
    const sql = fs.readFileSync(path.join(MIGRATIONS, '0019_templates.sql'), 'utf8');
    for (const text of [...DEFAULT_STATEMENT_PHRASES, ...DEFAULT_CONSULTATION_PHRASES]) expect(sql).toContain(`'${text}'`);
  });
});
