import { describe, expect, it } from 'vitest';
import { itemSchool } from './items-fixture';

const stance = (personId: number, role: string, s: '同意' | '不同意' | '保留意见', note = '') => ({ personId, role, stance: s, note });

describe('R4 consultation gate', () => {
  it('R4: the 书记 and the 校长 both 同意 → 待上会, and the item may go on a 党组织会议 agenda', () => {
    const { t, item, agree, check, party } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    const r = agree(a.id);
    expect(r).toMatchObject({ outcome: 'agreed', state: 'ready', stateLabel: '待上会', missing: [] });
    expect(check(a.id, party)).toMatchObject({ ok: true, value: { purpose: 'decide' } });
    const got = t.ok('items.get', { itemId: a.id });
    expect(got.consultations).toHaveLength(1);
    expect(got.consultations[0]!.stances.map((s) => [s.name, s.role, s.stance])).toEqual([
      ['王建国', '书记', '同意'],
      ['李明华', '校长', '同意'],
    ]);
    expect(got.consultations[0]!.outcomeLabel).toBe('意见一致（同意）');
    expect(got.gate).toEqual([]);
    expect(got.transitions.map((x) => x.toState)).toEqual(['draft', 'consultation', 'ready']);
  });

  it('R4: without any consultation the 党组织会议 refuses the item, and nothing changes', () => {
    const { t, item, check, party } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    const before = t.snapshot();
    const r = check(a.id, party);
    expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R4' } });
    expect(!r.ok && r.error.message).toContain('尚未记录书记与校长的会前沟通');
    expect(t.snapshot()).toEqual(before);
  });

  it('R4: only the 书记 spoke → incomplete, still 会前沟通中, refused', () => {
    const { t, item, check, party, 书记 } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    const r = t.ok('consultations.record', { itemId: a.id, date: '2026-03-19', form: '当面', stances: [stance(书记, '书记', '同意')] });
    expect(r).toMatchObject({ outcome: 'incomplete', state: 'consultation', missing: ['校长未表示同意'] });
    expect(check(a.id, party)).toMatchObject({ ok: false, error: { rule: 'R4' } });
  });

  it('R4: a 保留意见 by the 校长 is not agreement', () => {
    const { t, item, check, party, 书记, 校长 } = itemSchool();
    const a = item();
    const r = t.ok('consultations.record', {
      itemId: a.id, date: '2026-03-19', form: '当面',
      stances: [stance(书记, '书记', '同意'), stance(校长, '校长', '保留意见', '经费来源需再论证')],
    });
    expect(r).toMatchObject({ outcome: 'reserved', state: 'consultation' });
    expect(check(a.id, party)).toMatchObject({ ok: false, error: { rule: 'R4' } });
  });

  it('R4: 不同意 → 暂缓上会; an older agreeing record does not clear it; a NEW agreeing consultation does', () => {
    const { t, item, check, party, office, agree, 书记, 校长 } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    const no = t.ok('consultations.record', {
      itemId: a.id, date: '2026-03-18', form: '当面',
      stances: [stance(书记, '书记', '同意'), stance(校长, '校长', '不同意', '时机不成熟')],
    });
    expect(no).toMatchObject({ outcome: 'disagreed', state: 'postponed', stateLabel: '暂缓上会' });
    const refused = check(a.id, party);
    expect(!refused.ok && refused.error.message).toContain('已暂缓上会');
    expect(check(a.id, office)).toMatchObject({ ok: false, error: { rule: 'R4' } });
    // Backfilling an agreement dated before the disagreement is not a new consultation.
    expect(agree(a.id, '2026-03-17').state).toBe('postponed');
    expect(check(a.id, party)).toMatchObject({ ok: false, error: { rule: 'R4' } });
    // A new consultation after it, with both agreeing, clears the way.
    expect(agree(a.id, '2026-03-20')).toMatchObject({ outcome: 'agreed', state: 'ready' });
    expect(check(a.id, party).ok).toBe(true);
    const history = t.ok('items.get', { itemId: a.id }).transitions.map((x) => x.toState);
    expect(history).toEqual(['draft', 'consultation', 'postponed', 'postponed', 'ready']);
  });

  it('R4: a 不同意 from another leader also postpones the item', () => {
    const { t, s, item, 书记, 校长 } = itemSchool();
    const a = item();
    const r = t.ok('consultations.record', {
      itemId: a.id, date: '2026-03-19', form: '会议',
      stances: [stance(书记, '书记', '同意'), stance(校长, '校长', '同意'), stance(s.person('张丽'), '副校长', '不同意')],
    });
    expect(r).toMatchObject({ outcome: 'disagreed', state: 'postponed' });
  });

  it('R4 一肩挑: the 书记 who is also 校长 consults the 分管领导; alone is not enough', () => {
    const { t, s, item, check, party, 书记 } = itemSchool();
    const handover = t.ok('posts.assign', { personId: 书记, post: '校长', startDate: '2026-03-01' });
    expect(handover).toMatchObject({ oneShoulder: true, ended: [{ name: '李明华' }] });
    const a = item({ leaderId: s.person('张丽') });
    t.ok('items.submit', { itemId: a.id });
    const alone = t.ok('consultations.record', { itemId: a.id, date: '2026-03-19', form: '当面', stances: [stance(书记, '书记', '同意')] });
    expect(alone).toMatchObject({ outcome: 'incomplete', state: 'consultation', missing: ['分管领导未表示同意'] });
    expect(check(a.id, party)).toMatchObject({ ok: false, error: { rule: 'R4' } });
    const withLeader = t.ok('consultations.record', {
      itemId: a.id, date: '2026-03-20', form: '当面',
      stances: [stance(书记, '书记', '同意'), stance(s.person('张丽'), '副校长', '同意')],
    });
    expect(withLeader).toMatchObject({ outcome: 'agreed', state: 'ready' });
    expect(check(a.id, party).ok).toBe(true);
  });

  it('R4 一肩挑 without a 分管领导: the 副书记 (or another leader) takes the 校长’s place; the former 校长 no longer speaks as 校长', () => {
    const { t, s, item, 书记 } = itemSchool();
    t.ok('posts.assign', { personId: 书记, post: '校长', startDate: '2026-03-01' });
    const a = item();
    const before = t.snapshot();
    const wrongRole = t.call('consultations.record', {
      itemId: a.id, date: '2026-03-20', form: '当面',
      stances: [stance(书记, '书记', '同意'), stance(s.person('李明华'), '校长', '同意')],
    });
    expect(wrongRole).toMatchObject({ ok: false, error: { rule: 'R4', field: 'stances.1.role' } });
    expect(!wrongRole.ok && wrongRole.error.message).toContain('未担任「校长」');
    expect(t.snapshot()).toEqual(before);
    const r = t.ok('consultations.record', {
      itemId: a.id, date: '2026-03-20', form: '当面',
      stances: [stance(书记, '书记', '同意'), stance(s.person('李明华'), '副书记', '同意')],
    });
    expect(r).toMatchObject({ outcome: 'agreed', state: 'ready' });
  });

  it('R4: a cadre matter also needs a 酝酿 record; without it the item is refused, with it allowed', () => {
    const { t, s, item, agree, check, party, 书记 } = itemSchool();
    // A cadre matter without 前置研究, so that R4 alone decides.
    const m = t.ok('matters.save', { orgId: s.orgId, group: 'C', name: '党外代表人士推荐', decidingBody: 'party_committee', cadre: true });
    const a = item({ title: '推荐区政协委员人选', matterId: m.id });
    t.ok('items.submit', { itemId: a.id });
    expect(agree(a.id)).toMatchObject({ outcome: 'agreed', state: 'consultation' });
    const r = check(a.id, party);
    expect(r).toMatchObject({ ok: false, error: { rule: 'R4' } });
    expect(!r.ok && r.error.message).toContain('干部事项须先在规定范围内酝酿');
    expect(t.ok('items.get', { itemId: a.id }).gate).toEqual(['干部事项须先在规定范围内酝酿，请记录酝酿情况']);
    const d = t.ok('consultations.record', {
      itemId: a.id, kind: 'deliberation', date: '2026-03-20', form: '会议',
      stances: [stance(书记, '书记', '同意'), stance(s.person('刘芳'), '委员', '同意'), stance(s.person('赵磊'), '委员', '保留意见')],
    });
    expect(d).toMatchObject({ outcome: 'agreed', state: 'ready' });
    expect(check(a.id, party).ok).toBe(true);
  });

  it('R4: a 酝酿 with a 不同意 postpones a cadre item', () => {
    const { t, s, item, agree, 书记 } = itemSchool();
    const m = t.ok('matters.save', { orgId: s.orgId, group: 'C', name: '党外代表人士推荐', decidingBody: 'party_committee', cadre: true });
    const a = item({ matterId: m.id });
    agree(a.id);
    const d = t.ok('consultations.record', {
      itemId: a.id, kind: 'deliberation', date: '2026-03-20', form: '会议',
      stances: [stance(书记, '书记', '同意'), stance(s.person('孙红'), '委员', '不同意')],
    });
    expect(d).toMatchObject({ outcome: 'disagreed', state: 'postponed' });
  });

  it('R4: participants come from the leadership circle; a 中层干部 is refused and nothing is written', () => {
    const { t, s, item, 书记 } = itemSchool();
    const a = item();
    const before = t.snapshot();
    const r = t.call('consultations.record', {
      itemId: a.id, date: '2026-03-20', form: '当面',
      stances: [stance(书记, '书记', '同意'), stance(s.person('周敏'), '中层干部', '同意')],
    });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R4', field: 'stances' } });
    expect(!r.ok && r.error.message).toContain('周敏');
    expect(t.snapshot()).toEqual(before);
  });
});

describe('consultations.record input', () => {
  it('refuses bad input with Chinese messages and writes nothing', () => {
    const { t, item, 书记 } = itemSchool();
    const a = item();
    const before = t.snapshot();
    const cases: [unknown, string][] = [
      [{ itemId: a.id, date: '2026-03-20', form: '当面', stances: [] }, '请至少记录一名参与人的意见'],
      [{ itemId: a.id, date: '2026-03-21', form: '当面', stances: [stance(书记, '书记', '同意')] }, '「沟通日期」不能晚于今天'],
      [{ itemId: a.id, date: '2026-03-20', form: '微信', stances: [stance(书记, '书记', '同意')] }, '「沟通形式」须为：当面、电话、书面、会议'],
      [{ itemId: a.id, date: '2026-03-20', form: '当面', stances: [stance(书记, '书记', '同意'), stance(书记, '书记', '同意')] }, '同一人在一次沟通中只能记录一次意见'],
      [{ itemId: a.id, date: '2026-03-20', form: '当面', stances: [{ personId: 书记, role: '书记', stance: '弃权' }] }, '「意见」须为：同意、不同意、保留意见'],
    ];
    for (const [input, message] of cases) {
      const r = t.call('consultations.record', input as never);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toBe(message);
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses a consultation for an item already on an agenda', () => {
    const { t, item, agree } = itemSchool();
    const a = item();
    agree(a.id);
    t.ledger.sqlite.prepare("UPDATE agenda_items SET state = 'scheduled' WHERE id = ?").run(a.id);
    const r = t.call('consultations.record', { itemId: a.id, date: '2026-03-20', form: '当面', stances: [{ personId: 1, role: '书记', stance: '同意' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
