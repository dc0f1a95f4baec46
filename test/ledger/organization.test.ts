import { describe, expect, it } from 'vitest';
import { freshLedger } from '../support/ledger';
import { DEMO_SCHOOL, setupSchool } from '../support/school';

describe('org.setup', () => {
  it('creates the school, its two bodies with members, the seed 议事清单 and default settings', () => {
    const t = freshLedger();
    const { overview, orgId } = setupSchool(t);
    expect(overview.org.name).toBe('青山县第一中学');
    const committee = overview.bodies.find((b) => b.kind === 'party_committee')!;
    const office = overview.bodies.find((b) => b.kind === 'principal_office')!;
    expect(committee.members.map((m) => m.name)).toEqual(['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红']);
    expect(office.members).toHaveLength(5);
    expect(overview.persons.find((p) => p.name === '李明华')!.posts.sort()).toEqual(['副书记', '校长'].sort());
    const matters = t.ok('matters.list', { orgId });
    expect(matters.filter((m) => m.decidingBody === 'party_committee')).toHaveLength(25);
    expect(matters.filter((m) => m.decidingBody === 'principal_office')).toHaveLength(10);
    expect(matters.find((m) => m.code === 'C1')).toMatchObject({ twoThirds: true, preStudy: true, cadre: true });
  });

  it('refuses a school without a 书记 with a Chinese message and writes nothing', () => {
    const t = freshLedger();
    const before = t.snapshot();
    const r = t.call('org.setup', { ...DEMO_SCHOOL, members: DEMO_SCHOOL.members.filter((m) => !m.posts?.includes('书记')) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toContain('书记');
      expect(r.error.field).toBe('members');
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses an empty school name and an impossible date', () => {
    const t = freshLedger();
    const r1 = t.call('org.setup', { ...DEMO_SCHOOL, name: '  ' });
    expect(!r1.ok && r1.error.message).toBe('「学校名称」不能为空');
    const r2 = t.call('org.setup', { ...DEMO_SCHOOL, startDate: '2026-02-30' });
    expect(!r2.ok && r2.error.message).toBe('「任期开始日期」不是有效日期');
  });

  it('answers an unknown channel with a typed Chinese error', () => {
    const t = freshLedger();
    const r = t.call('no.such' as never, {} as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
