import { describe, expect, it } from 'vitest';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import { holdersOf, membersOn } from '../../db/organization/queries';

function school() {
  const t = freshLedger();
  return { t, ...setupSchool(t) };
}

describe('persons', () => {
  it('adds and edits a person; refuses a duplicate name and an empty one in Chinese, nothing written', () => {
    const { t, orgId } = school();
    const p = t.ok('persons.add', { orgId, name: '黄老师', department: '教务处' });
    expect(p).toMatchObject({ name: '黄老师', department: '教务处', active: true });
    expect(t.ok('persons.update', { personId: p.id, department: '' })).toMatchObject({ name: '黄老师', department: null });
    const before = t.snapshot();
    const dup = t.call('persons.add', { orgId, name: '黄老师' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', field: 'name' } });
    const empty = t.call('persons.add', { orgId, name: ' ' });
    expect(!empty.ok && empty.error.message).toBe('「姓名」不能为空');
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses to deactivate someone who still holds a post; allows it once the post ended', () => {
    const { t, person, orgId } = school();
    const id = person('刘芳');
    const r = t.call('persons.update', { personId: id, active: false });
    expect(!r.ok && r.error.message).toContain('请先办理免职');
    const post = t.ok('posts.list', { orgId }).rows.find((p) => p.personId === id)!;
    t.ok('posts.end', { postId: post.id, endDate: '2026-03-01' });
    const committee = t.ok('org.get', {})!.bodies.find((b) => b.kind === 'party_committee')!;
    const m = t.ok('memberships.list', { bodyId: committee.id }).rows.find((x) => x.personId === id)!;
    t.ok('memberships.end', { membershipId: m.id, endDate: '2026-03-01' });
    expect(t.ok('persons.update', { personId: id, active: false }).active).toBe(false);
  });
});

describe('posts (history, 一肩挑)', () => {
  it('一肩挑: giving the 书记 the 校长 post hands it over and keeps who held it when', () => {
    const { t, person, orgId } = school();
    const 王 = person('王建国');
    const 李 = person('李明华');
    const r = t.ok('posts.assign', { personId: 王, post: '校长', startDate: '2026-03-01' });
    expect(r).toMatchObject({ oneShoulder: true, ended: [{ personId: 李, name: '李明华' }], post: { post: '校长', startDate: '2026-03-01' } });
    expect(holdersOf(t.ledger, orgId, '校长', '2026-02-28')).toEqual([李]);
    expect(holdersOf(t.ledger, orgId, '校长', '2026-03-01')).toEqual([王]);
    expect(t.ok('posts.list', { orgId, date: '2026-02-01' }).oneShoulder).toBe(false);
    const now = t.ok('posts.list', { orgId });
    expect(now.oneShoulder).toBe(true);
    expect(now.rows.filter((p) => p.post === '校长').map((p) => [p.name, p.startDate, p.endDate, p.current])).toEqual([
      ['李明华', '2026-01-01', '2026-03-01', false],
      ['王建国', '2026-03-01', null, true],
    ]);
    // 李明华 keeps his 副书记 post.
    expect(now.rows.find((p) => p.personId === 李 && p.post === '副书记')!.current).toBe(true);
  });

  it('refuses a post already held, a handover dated before the current holder started, and an end before the start', () => {
    const { t, person, orgId } = school();
    const before = t.snapshot();
    expect(t.call('posts.assign', { personId: person('刘芳'), post: '委员', startDate: '2026-02-01' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const early = t.call('posts.assign', { personId: person('张丽'), post: '书记', startDate: '2025-12-01' });
    expect(!early.ok && early.error.message).toContain('与新任职日期冲突');
    const post = t.ok('posts.list', { orgId }).rows.find((p) => p.personId === person('刘芳'))!;
    const bad = t.call('posts.end', { postId: post.id, endDate: '2025-12-31' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'endDate', message: '「免职日期」须晚于任职日期2026-01-01' } });
    expect(t.call('posts.assign', { personId: person('刘芳'), post: '主任' as never, startDate: '2026-02-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('memberships and bodies', () => {
  it('keeps who was a member when, with voting rights', () => {
    const { t, person, body } = school();
    const office = body('principal_office');
    const 黄 = t.ok('persons.add', { orgId: 1, name: '黄老师' }).id;
    t.ok('memberships.add', { bodyId: office, personId: 黄, voting: false, startDate: '2026-02-01' });
    const zhou = t.ok('memberships.list', { bodyId: office }).rows.find((m) => m.personId === person('周敏'))!;
    t.ok('memberships.end', { membershipId: zhou.id, endDate: '2026-06-01' });
    const names = (date: string) => membersOn(t.ledger, office, date).map((m) => m.name);
    expect(names('2026-01-15')).not.toContain('黄老师');
    expect(names('2026-05-31')).toEqual(expect.arrayContaining(['黄老师', '周敏']));
    expect(names('2026-06-01')).not.toContain('周敏');
    expect(membersOn(t.ledger, office, '2026-03-01').find((m) => m.name === '黄老师')!.voting).toBe(false);
    const list = t.ok('memberships.list', { bodyId: office, date: '2026-07-01' });
    expect(list.rows.find((m) => m.personId === person('周敏'))).toMatchObject({ endDate: '2026-06-01', current: false });
  });

  it('refuses an overlapping membership and ending a term twice', () => {
    const { t, person, body } = school();
    const office = body('principal_office');
    const r = t.call('memberships.add', { bodyId: office, personId: person('周敏'), startDate: '2026-03-01' });
    expect(!r.ok && r.error.message).toContain('已是校长办公会议成员');
    const m = t.ok('memberships.list', { bodyId: office }).rows[0]!;
    t.ok('memberships.end', { membershipId: m.id, endDate: '2026-03-01' });
    expect(t.call('memberships.end', { membershipId: m.id, endDate: '2026-04-01' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('creates a 支委会 and a 党员大会; refuses a second 党组织会议', () => {
    const { t, orgId } = school();
    expect(t.ok('bodies.create', { orgId, kind: 'branch_committee', name: '第一党支部支委会' })).toMatchObject({ kind: 'branch_committee' });
    expect(t.ok('bodies.create', { orgId, kind: 'party_assembly', name: '第一党支部党员大会' })).toMatchObject({ kind: 'party_assembly' });
    const before = t.snapshot();
    const r = t.call('bodies.create', { orgId, kind: 'party_committee', name: '另一个党委会' });
    expect(!r.ok && r.error.message).toBe('本校已有党组织会议，不能重复建立。');
    expect(t.snapshot()).toEqual(before);
  });
});

describe('议事清单 (matters.save)', () => {
  it('adds an entry with the next stable code of its group, edits it, and never changes or reuses a code', () => {
    const { t, orgId } = school();
    const e5 = t.ok('matters.save', { orgId, group: 'E', name: '校园文化建设项目', decidingBody: 'party_committee', preStudy: true, majorCategory: '重大项目安排' });
    expect(e5).toMatchObject({ code: 'E5', majorCategory: '重大项目安排', preStudy: true });
    const edited = t.ok('matters.save', { orgId, matterId: e5.id, group: 'E', name: '校园文化与环境建设项目', decidingBody: 'party_committee', majorCategory: '重大项目安排' });
    expect(edited).toMatchObject({ id: e5.id, code: 'E5', name: '校园文化与环境建设项目' });
    const before = t.snapshot();
    const rename = t.call('matters.save', { orgId, matterId: e5.id, code: 'E9', group: 'E', name: 'x', decidingBody: 'party_committee' });
    expect(!rename.ok && rename.error.message).toContain('不能更改');
    const reuse = t.call('matters.save', { orgId, code: 'E2', group: 'E', name: 'x', decidingBody: 'party_committee' });
    expect(!reuse.ok && reuse.error.message).toBe('编号「E2」已被使用，请换一个编号。');
    const badCode = t.call('matters.save', { orgId, code: 'e2', group: 'E', name: 'x', decidingBody: 'party_committee' });
    expect(!badCode.ok && badCode.error.message).toBe('「编号」格式应为大写字母加数字，如 E5');
    expect(t.snapshot()).toEqual(before);
  });

  it('R2: refuses a 三重一大 entry decided by the 校长办公会', () => {
    const { t, orgId } = school();
    const before = t.snapshot();
    const r = t.call('matters.save', { orgId, group: 'X', name: '大额采购', decidingBody: 'principal_office', majorCategory: '大额资金使用' });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R2', field: 'decidingBody' } });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('R2 threshold table', () => {
  it('R2: lists rows with the amount in force on a date; a later row applies from its effective date only', () => {
    const { t, orgId } = school();
    t.ok('thresholds.add', { orgId, category: '大额资金使用', amount: 30000, effectiveFrom: '2026-09-01' });
    const inForce = (date: string) => t.ok('thresholds.list', { orgId, date }).inForce.find((r) => r.category === '大额资金使用')!.amount;
    expect(inForce('2026-08-31')).toBe(10000);
    expect(inForce('2026-09-01')).toBe(30000);
    expect(t.ok('thresholds.list', { orgId }).rows).toHaveLength(5);
  });

  it('refuses a second row for the same category and date, and a zero amount, nothing written', () => {
    const { t, orgId } = school();
    const before = t.snapshot();
    const dup = t.call('thresholds.add', { orgId, category: '大额资金使用', amount: 5000, effectiveFrom: '2000-01-01' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict', field: 'effectiveFrom' } });
    const zero = t.call('thresholds.add', { orgId, category: '大额资金使用', amount: 0, effectiveFrom: '2026-05-01' });
    expect(!zero.ok && zero.error.message).toBe('「限额标准」须大于0元');
    const cat = t.call('thresholds.add', { orgId, category: '其他' as never, amount: 5000, effectiveFrom: '2026-05-01' });
    expect(!cat.ok && cat.error.message).toContain('「三重一大类别」须为');
    expect(t.snapshot()).toEqual(before);
  });
});

describe('settings', () => {
  it('reads the defaults, changes one setting without touching the others, refuses bad values in Chinese', () => {
    const { t, orgId } = school();
    const d = t.ok('settings.get', { orgId });
    expect(d.values).toMatchObject({ submitLeadDays: 2, materialsLeadDays: 1, halfCountsAsMajority: false });
    expect(d.labels.submitLeadDays).toBe('议题提前提交天数');
    const s = t.ok('settings.set', { orgId, values: { submitLeadDays: 3 } });
    expect(s.values).toEqual({ ...d.values, submitLeadDays: 3 });
    const before = t.snapshot();
    const neg = t.call('settings.set', { orgId, values: { materialsLeadDays: -1 } });
    expect(neg).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '「材料提前送达天数」不能为负数' } });
    const unknown = t.call('settings.set', { orgId, values: { quorum: 3 } as never });
    expect(unknown.ok).toBe(false);
    expect(t.snapshot()).toEqual(before);
    expect(t.ok('settings.get', { orgId }).values.submitLeadDays).toBe(3);
  });
});
