// 全局搜索 (search.everywhere): one query finds a school's items, meetings, decisions, minutes
// text, follow-ups and people, 2-character words included, grouped by kind, each naming the
// record it opens; another school's records never appear.
import { describe, expect, it } from 'vitest';
import { SEARCH_KIND_LABELS } from '../../db/terms';
import { decidedMeeting } from '../support/decided';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

function searched() {
  const t = freshLedger('2026-03-26T09:00:00');
  const s = setupSchool(t);
  const { meetingId, decided } = decidedMeeting(t, s);
  t.ok('followups.create', { decisionId: decided[0]!.decisionId, task: '完成教学楼消防通道整改', ownerDept: '总务处', ownerId: s.person('陈志强'), deadline: '2026-06-30' });
  t.ok('minutes.generate', { meetingId });
  const find = (query: string) => t.ok('search.everywhere', { orgId: s.orgId, query });
  const kinds = (query: string) => find(query).groups.map((g) => g.kind);
  return { t, s, meetingId, decided, find, kinds };
}

describe('search everywhere', () => {
  it('a 2-character word finds the item, its decision, the minutes and the follow-up, grouped in a fixed order', () => {
    const { find, meetingId, decided } = searched();
    const r = find('安全');
    expect(r.groups.map((g) => [g.kind, g.label])).toEqual([
      ['item', SEARCH_KIND_LABELS.item],
      ['decision', SEARCH_KIND_LABELS.decision],
      ['minutes', SEARCH_KIND_LABELS.minutes],
    ]);
    const item = r.groups[0]!.hits[0]!;
    expect(item.title).toBe('关于开展校园安全隐患排查整治的议题');
    expect(item.target.section).toBe('items');
    const decision = r.groups[1]!.hits[0]!;
    expect(decision).toMatchObject({ title: '同意开展校园安全隐患排查整治，由总务处牵头，6月底前完成整改。', detail: '2026年第1次党委会议 第1项', target: { section: 'followups', id: decided[0]!.decisionId } });
    expect(r.groups[2]!.hits[0]).toMatchObject({ title: expect.stringMatching(/^2026年第1次党委会议纪要（/), target: { section: 'minutes', id: meetingId } });
    expect(r.groups[2]!.hits[0]!.detail).toContain('安全');
    expect(r.total).toBe(3);
  });

  it('finds meetings by their name and place, follow-ups by task and department, people by name and department', () => {
    const { find, kinds, meetingId, decided } = searched();
    expect(find('第1次党委会议').groups.find((g) => g.kind === 'meeting')!.hits).toEqual([
      expect.objectContaining({ title: '2026年第1次党委会议', detail: expect.stringMatching(/^2026年3月25日 · /), target: { section: 'meetings', id: meetingId } }),
    ]);
    // The minutes print each decision's owners, so they are found too.
    expect(find('消防').groups.map((g) => g.kind)).toEqual(['minutes', 'followup']);
    expect(find('消防').groups[1]).toMatchObject({ total: 1, hits: [{ title: '完成教学楼消防通道整改', detail: '总务处 陈志强 · 完成时限2026年6月30日', target: { section: 'followups', id: decided[0]!.decisionId } }] });
    expect(kinds('陈志强')).toContain('person');
    expect(find('教务处').groups.find((g) => g.kind === 'person')!.hits.map((h) => h.title)).toEqual(['张丽']);
  });

  it('every term must occur; nothing searchable finds nothing; no internal text in what is shown', () => {
    const { find } = searched();
    expect(find('安全 食堂').total).toBe(0);
    expect(find('   ').groups).toEqual([]);
    const shown = JSON.stringify(find('同意').groups.flatMap((g) => g.hits.map((h) => [h.title, h.detail])));
    expect(shown).not.toMatch(/[{}]|decisionId|null|true|false|[A-Za-z]{3,}/);
  });

  it('the indexes follow every write: a follow-up reworded, a decision reworded through the table, a completion note', () => {
    const { t, s, find, decided } = searched();
    const fu = t.ok('followups.create', { decisionId: decided[1]!.decisionId, task: '修订德育工作手册', ownerDept: '德育处', deadline: '2026-05-30' }).followUp;
    expect(find('德育工作手册').groups.map((g) => g.kind)).toEqual(['followup']);
    t.ok('followups.complete', { followUpId: fu.id, note: '手册已印发至各班主任' });
    expect(find('班主任').groups.map((g) => g.kind)).toEqual(['followup']);
    t.ledger.sqlite.prepare('UPDATE decisions SET text = ? WHERE id = ?').run('原则同意加强学生思想政治工作的实施方案，并增加心理健康教育。', decided[1]!.decisionId);
    expect(find('心理健康').groups.map((g) => [g.kind, g.total])).toEqual([['decision', 1]]);
    expect(t.ok('search.everywhere', { orgId: s.orgId, query: '德育', perKind: 1 }).groups.find((g) => g.kind === 'followup')!.hits).toHaveLength(1);
  });

  it("a person's name finds the follow-ups they are responsible for, besides the person", () => {
    const { find, t, s, decided } = searched();
    t.ok('followups.create', { decisionId: decided[1]!.decisionId, task: '制定思政工作方案', ownerDept: '德育处', ownerId: s.person('刘芳'), deadline: '2026-06-30' });
    const r = find('陈志强');
    const fu = r.groups.find((g) => g.kind === 'followup')!;
    expect(fu).toMatchObject({ total: 1, hits: [{ title: '完成教学楼消防通道整改', detail: expect.stringContaining('总务处 陈志强') }] });
    expect(r.groups.find((g) => g.kind === 'person')!.hits[0]!.title).toBe('陈志强');
    // Both words: the owner and a word of another follow-up's task are one follow-up each, counted once.
    expect(find('刘芳').groups.find((g) => g.kind === 'followup')!.hits.map((h) => h.title)).toEqual(['制定思政工作方案']);
    expect(find('总务处').groups.find((g) => g.kind === 'followup')!.total).toBe(1);
    expect(find('张丽').groups.find((g) => g.kind === 'followup')).toBeUndefined();
  });

  it('minutes text: Latin letters match in either case, Chinese exactly', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { meetingId } = decidedMeeting(t, s, { topics: [{ title: '关于校园网络改造的议题', matter: 'D3', text: '同意为各教室安装WiFi设备，由总务处负责。' }] });
    t.ok('minutes.generate', { meetingId });
    const minutesHits = (query: string) => t.ok('search.everywhere', { orgId: s.orgId, query }).groups.find((g) => g.kind === 'minutes')?.total ?? 0;
    expect(minutesHits('WiFi')).toBe(1);
    expect(minutesHits('wifi')).toBe(1);
    expect(minutesHits('WIFI 总务处')).toBe(1);
    expect(minutesHits('wifx')).toBe(0);
  });

  it("another school's records are not found", () => {
    const { t, find } = searched();
    const other = t.ok('org.setup', { name: '青山县第二中学', partyKind: '党支部', startDate: '2026-01-01', members: [
      { name: '钱安全', department: '安全办', posts: ['书记'], partyCommittee: true, principalOffice: true },
      { name: '孔明', department: '校长室', posts: ['校长'], partyCommittee: true, principalOffice: true },
    ] });
    expect(t.ok('search.everywhere', { orgId: other.orgId, query: '安全' }).groups.map((g) => [g.kind, g.hits.map((h) => h.title)])).toEqual([['person', ['钱安全']]]);
    expect(find('钱安全').total).toBe(0);
  });

  it('refuses an over-long query at its field', () => {
    const { t, s } = searched();
    expect(t.call('search.everywhere', { orgId: s.orgId, query: '安'.repeat(101) })).toMatchObject({ ok: false, error: { field: 'query', message: '「搜索内容」不能超过100个字' } });
  });
});
