// Chinese search over agenda items (db/search): the bigram FTS5 index kept by triggers must
// find every 2-character word, longer terms and mixed Latin/digit terms, and never match
// characters that are not adjacent. Items are written straight into agenda_items so the
// triggers are tested as every writer (commands, imports, the bench generator) meets them.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { agendaItems } from '../db/schema';
import { itemSearchCondition, searchItems } from '../db/search/items';
import { bigrams, excerpt, searchTerms, textMatch } from '../db/search/query';
import { freshLedger, type TestLedger } from './support/ledger';
import { setupSchool } from './support/school';

function school() {
  const t = freshLedger();
  const s = setupSchool(t);
  const matterId = s.matter('A1');
  const proposerId = s.person('李明华');
  const add = (title: string, summary = '', orgId = s.orgId) =>
    t.ledger.db
      .insert(agendaItems)
      .values({
        orgId,
        title,
        summary,
        matterId,
        proposerId,
        state: 'draft',
        routing: { body: 'party_committee', major: false, reason: '', threshold: null, ruleVersion: 'test' },
        createdAt: '2026-03-20T09:00:00.000Z',
        createdBy: '测试秘书',
      })
      .returning({ id: agendaItems.id })
      .get().id;
  const find = (q: string, page?: { limit?: number; offset?: number }) => searchItems(t.ledger, s.orgId, q, page);
  const ids = (q: string) => find(q, { limit: 500 }).items.map((i) => i.id).sort((a, b) => a - b);
  return { t, ...s, add, find, ids };
}

/**
 * The oracle: what LIKE '%term%' (every whitespace-separated term, % and _ escaped) finds, the
 * slow scan the index replaces. Written apart from db/search so the two cannot share a mistake.
 */
function likeIds(t: TestLedger, orgId: number, query: string): number[] {
  const terms = query.split(/\s+/u).filter(Boolean);
  if (terms.length === 0) return [];
  const pattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const conds = terms.map((term) => sql`(title LIKE ${pattern(term)} ESCAPE '\\' OR summary LIKE ${pattern(term)} ESCAPE '\\')`);
  const rows = t.ledger.db.all<{ id: number }>(
    sql`SELECT id FROM agenda_items WHERE org_id = ${orgId} AND ${sql.join(conds, sql` AND `)} ORDER BY id`,
  );
  return rows.map((r) => r.id);
}

describe('query building (pure)', () => {
  it('splits on ASCII and ideographic spaces; punctuation counts like any character', () => {
    expect(searchTerms(' 预算\u3000招聘  ，。 ')).toEqual(['预算', '招聘', '，。']);
    expect(searchTerms(' \u3000 ')).toEqual([]);
  });
  it('expands a term into overlapping bigrams by character, not UTF-16 unit', () => {
    expect(bigrams('预算编制')).toEqual(['预算', '算编', '编制']);
    expect(bigrams('𠀀预')).toEqual(['𠀀预']);
    expect(bigrams('预')).toEqual([]);
  });
  it('makes a phrase per term, a prefix for one character, and escapes quotes', () => {
    expect(textMatch('预算编制')).toBe('{title summary} : ("预算 算编 编制")');
    expect(textMatch('预 "a')).toBe('{title summary} : ("预"* AND """a")');
    expect(textMatch('预算', 'title')).toBe('{title} : ("预算")');
    expect(textMatch('，。')).toBe('{title summary} : ("，。")');
    expect(textMatch('  ')).toBeNull();
  });
  it('cuts an excerpt around the first hit', () => {
    const text = `${'甲'.repeat(100)}预算${'乙'.repeat(100)}`;
    const e = excerpt(text, '预算', 20);
    expect(e).toContain('预算');
    expect(e.startsWith('…') && e.endsWith('…')).toBe(true);
    expect(excerpt('短文本', '预算')).toBe('短文本');
  });
});

describe('searchItems on the bigram index', () => {
  it('finds 2-character words in title and summary (trigram FTS cannot)', () => {
    const s = school();
    const a = s.add('2026年度预算编制方案', '经费按学期拨付');
    const b = s.add('教师招聘工作', '按照预算安排招聘3名教师');
    s.add('食堂合同续签', '与供应商续签');
    expect(s.ids('预算')).toEqual([a, b]);
    expect(s.ids('招聘')).toEqual([b]);
    expect(s.ids('合同').length).toBe(1);
  });

  it('finds longer terms only where all characters are adjacent and in order', () => {
    const s = school();
    const a = s.add('2026年度预算编制方案');
    s.add('预算调整', '编制人员');
    expect(s.ids('预算编制')).toEqual([a]);
    expect(s.ids('年度预算编制方案')).toEqual([a]);
  });

  it('never matches non-adjacent or reversed characters', () => {
    const s = school();
    s.add('预计算机房改造', '预留经费，算清账目');
    s.add('算预');
    expect(s.ids('预算')).toEqual([]);
    expect(s.ids('预计算').length).toBe(1);
    expect(s.ids('经费算')).toEqual([]);
  });

  it('handles Latin letters and digits mixed with Chinese, case-insensitively', () => {
    const s = school();
    const a = s.add('采购PPT模板和iPad 30台', '2026年3月前完成');
    s.add('采购投影仪', '2025年完成');
    expect(s.ids('ppt')).toEqual([a]);
    expect(s.ids('IPAD')).toEqual([a]);
    expect(s.ids('2026')).toEqual([a]);
    expect(s.ids('6年3月')).toEqual([a]);
    expect(s.ids('30台')).toEqual([a]);
    expect(s.ids('202').length).toBe(2);
  });

  it('ANDs several terms and matches a single character as a prefix', () => {
    const s = school();
    const a = s.add('教师招聘', '预算内安排');
    const b = s.add('教师培训', '预算内安排');
    expect(s.ids('招聘 预算')).toEqual([a]);
    expect(s.ids('预算\u3000教师')).toEqual([a, b]);
    expect(s.ids('聘')).toEqual([a]);
    expect(s.ids('排')).toEqual([a, b]);
  });

  it('returns only the asked school, pages by limit and offset and counts the total', () => {
    const s = school();
    const other = s.t.ledger.sqlite.prepare(`INSERT INTO organizations(name, party_kind, created_at) VALUES ('另一所学校', '党支部', 'x')`).run();
    s.add('预算', '', Number(other.lastInsertRowid));
    const mine = [1, 2, 3, 4, 5].map((n) => s.add(`第${n}号预算`));
    const first = s.find('预算', { limit: 2 });
    const rest = s.find('预算', { limit: 10, offset: 2 });
    expect(first.total).toBe(5);
    expect(first.items.length).toBe(2);
    expect([...first.items, ...rest.items].map((i) => i.id).sort((x, y) => x - y)).toEqual(mine);
  });

  it('lists title hits first, then summary-only hits, each newest first, across pages', () => {
    const s = school();
    const long = `${'按期开展检查。'.repeat(12)}涉及维修预算的部分另行上会。`;
    const summary1 = s.add('校园安全检查', long);
    const title1 = s.add('维修预算调整');
    const summary2 = s.add('食堂检查', '预算内安排');
    const title2 = s.add('年度预算', '预算编制');
    const r = s.find('预算');
    expect(r.items.map((i) => i.id)).toEqual([title2, title1, summary2, summary1]);
    expect(r.items[3]!.excerpt).toContain('维修预算');
    expect(r.items[3]!.excerpt.startsWith('…')).toBe(true);
    // A page that straddles the two parts, and one past the end.
    expect(s.find('预算', { limit: 2, offset: 1 }).items.map((i) => i.id)).toEqual([title1, summary2]);
    expect(s.find('预算', { limit: 2, offset: 3 }).items.map((i) => i.id)).toEqual([summary1]);
    expect(s.find('预算', { limit: 2, offset: 4 })).toEqual({ total: 4, items: [] });
  });

  it('follows edits: a changed title is found by its new words only', () => {
    const s = school();
    const a = s.add('食堂合同续签');
    s.t.ledger.sqlite.prepare(`UPDATE agenda_items SET title = '食堂承包招标' WHERE id = ?`).run(a);
    expect(s.ids('合同')).toEqual([]);
    expect(s.ids('招标')).toEqual([a]);
    // An update of another column leaves the index alone and still consistent.
    s.t.ledger.sqlite.prepare(`UPDATE agenda_items SET state = 'consultation' WHERE id = ?`).run(a);
    expect(s.ids('招标')).toEqual([a]);
  });

  it('finds punctuation as written and survives FTS5 syntax in the input', () => {
    const s = school();
    const a = s.add('预算 AND OR NOT "引号" *');
    expect(s.find('，。！').total).toBe(0);
    expect(s.ids('"引号"')).toEqual([a]);
    expect(s.ids('AND')).toEqual([a]);
    expect(s.ids('NEAR(预算')).toEqual([]);
    expect(s.ids('*')).toEqual([a]);
  });

  it('punctuation, Latin case and wildcard characters match exactly what LIKE matches (the extra hits of the first index)', () => {
    const s = school();
    const one = s.add('关于（一）项的说明。', '办法（一）已经通过。');
    const plain = s.add('一二三', '一一对应的方案');
    const dot = s.add('方案。', '');
    const wide = s.add('采购ＩＰＡＤ', 'é Ｋ 100%_完成');
    expect(s.ids('（一）')).toEqual([one]);
    expect(s.ids('一）。')).toEqual([]);
    expect(s.ids('案。')).toEqual([dot]);
    expect(s.ids('一')).toEqual([one, plain]);
    // LIKE folds ASCII letters only: full-width and accented letters are compared as written.
    expect(s.ids('ｉｐａｄ')).toEqual([]);
    expect(s.ids('ＩＰＡＤ')).toEqual([wide]);
    expect(s.ids('e')).toEqual([]);
    expect(s.ids('%_')).toEqual([wide]);
    for (const q of ['（一）', '一）。', '案。', '一', 'ｉｐａｄ', 'e', '%_', '。']) expect(s.ids(q), q).toEqual(likeIds(s.t, s.orgId, q));
  });

  it('agrees with a LIKE scan on a random corpus (no missed and no extra matches)', () => {
    const s = school();
    // Small alphabet so that short queries hit often: Chinese, Latin in both cases, digits,
    // Chinese and ASCII punctuation, LIKE's wildcards, a full-width letter and spaces.
    const alphabet = Array.from('预算招聘合同教师aB12，。（）"%_Ａ ');
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const text = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let i = 0; i < 150; i++) s.add(text(1 + rnd(12)), text(rnd(30)));
    const letters = alphabet.filter((c) => c !== ' ').concat(['b', 'A', 'ａ']);
    for (let i = 0; i < 400; i++) {
      const q = Array.from({ length: 1 + rnd(4) }, () => letters[rnd(letters.length)]).join('');
      expect(s.ids(q), `query ${q}`).toEqual(likeIds(s.t, s.orgId, q));
      // …and two terms, both required.
      const q2 = `${q}${i % 2 ? ' ' : '\u3000'}${letters[rnd(letters.length)]}`;
      expect(s.ids(q2), `query ${q2}`).toEqual(likeIds(s.t, s.orgId, q2));
    }
  });

  it('gives list pages a WHERE condition that combines with other filters', () => {
    const s = school();
    const a = s.add('招聘计划');
    s.add('培训计划');
    const rows = s.t.ledger.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(sql`${agendaItems.orgId} = ${s.orgId} AND ${itemSearchCondition(s.orgId, '招聘')}`)
      .all();
    expect(rows.map((r) => r.id)).toEqual([a]);
    expect(s.t.ledger.db.select().from(agendaItems).where(itemSearchCondition(s.orgId, '，')).all()).toEqual([]);
  });
});
