// 历史台账导入 (db/rules/import.ts) and 模板与常用语 (db/rules/templates.ts) on plain values: which
// column is which, the secretary's choices over the guess, dates as sheets hold them, and each
// row's problems naming its column. The import through dispatch is in test/ledger/imports.test.ts.
import { describe, expect, it } from 'vitest';
import { checkRow, chooseColumns, guessColumns, headerScore, IMPORT_COLUMNS, mappingProblems, readBody, readDate } from '../../db/rules/import';
import { DEFAULT_CONSULTATION_PHRASES, DEFAULT_DECISION_TEXT, DEFAULT_DECISION_TEXTS, DEFAULT_STATEMENT_PHRASES, decisionTextFor, fillTitle } from '../../db/rules/templates';

describe('the columns', () => {
  it('are the app’s own 台账 words, in order, with the headers schools use', () => {
    expect(IMPORT_COLUMNS.map((c) => [c.key, c.header, c.required])).toEqual([
      ['meetingDate', '会议日期', true],
      ['body', '会议名称', false],
      ['item', '议题名称', true],
      ['decision', '决定事项', true],
      ['dept', '承办部门', false],
      ['owner', '责任人', false],
      ['deadline', '完成时限', false],
      ['status', '办理情况', false],
    ]);
    // Every alias leads back to its own column.
    for (const c of IMPORT_COLUMNS) for (const a of c.aliases) expect(guessColumns([a])[c.key], `${c.key}: ${a}`).toBe(0);
  });
});

describe('guessColumns', () => {
  it('finds the template’s headers wherever they stand', () => {
    expect(guessColumns(['办理情况', '完成时限', '责任人', '承办部门', '决定事项', '议题名称', '会议名称', '会议日期'])).toEqual({
      status: 0, deadline: 1, owner: 2, dept: 3, decision: 4, item: 5, body: 6, meetingDate: 7,
    });
  });
  it('ignores spaces, full-width spaces, brackets, colons and asterisks in headers', () => {
    expect(guessColumns([' 会 议 日 期 ', '议题\u3000名称（必填）', '决定事项*', '完成时限：', '责任人(签字)'])).toEqual({ meetingDate: 0, item: 1, decision: 2, deadline: 3, owner: 4 });
  });
  it('prefers an exact header to one that merely contains a name, and gives a column to one field only', () => {
    // 「会议决定」 is an alias of 决定事项 and contains 会议: it must not become the 会议名称 column.
    expect(guessColumns(['会议决定', '会议'])).toEqual({ decision: 0, body: 1 });
    // Only containing: 「本次会议日期安排」 contains 会议日期.
    expect(guessColumns(['本次会议日期安排', '序号'])).toEqual({ meetingDate: 0 });
    expect(guessColumns(['', '   ', '序号', '备注'])).toEqual({});
    // A field the exact pass placed keeps its column: 「议题备注」 contains 议题 but 议题名称 already stood.
    expect(guessColumns(['议题名称', '决定事项', '议题备注'])).toStrictEqual({ item: 0, decision: 1 });
  });
  it('headerScore counts the fields a row names (a header row names at least two)', () => {
    expect(headerScore(['会议日期', '议题名称', '决定事项'])).toBe(3);
    expect(headerScore(['2025年9月12日', '关于秋季开学工作'])).toBe(0);
  });
});

describe('chooseColumns and mappingProblems', () => {
  const guess = { meetingDate: 0, item: 1, decision: 2 };
  it('puts the secretary’s choice over the guess and takes the column from the field the guess gave it', () => {
    expect(chooseColumns(guess, { item: 2 }, 4)).toEqual({ meetingDate: 0, item: 2 });
    // Unless that field was chosen too.
    expect(chooseColumns(guess, { item: 2, decision: 2 }, 4)).toEqual({ meetingDate: 0, item: 2, decision: 2 });
  });
  it('null removes a field; undefined leaves the guess; an index outside the sheet is ignored', () => {
    // Strict: undefined must leave the field out of the map, not set it to undefined.
    expect(chooseColumns(guess, { decision: null }, 4)).toStrictEqual({ meetingDate: 0, item: 1 });
    expect(chooseColumns(guess, { decision: undefined }, 4)).toStrictEqual(guess);
    expect(chooseColumns(guess, { owner: 4 }, 4)).toStrictEqual(guess);
    expect(chooseColumns(guess, { owner: -1 }, 4)).toStrictEqual(guess);
    expect(chooseColumns(guess, { owner: 3 }, 4)).toStrictEqual({ ...guess, owner: 3 });
    expect(chooseColumns(guess, { owner: 0 }, 4)).toStrictEqual({ item: 1, decision: 2, owner: 0 });
  });
  it('names each required field without a column, and a column given to two fields', () => {
    expect(mappingProblems(guess)).toEqual([]);
    expect(mappingProblems({ item: 1 })).toEqual(['没有找到「会议日期」列，请在“列的对应”中选择', '没有找到「决定事项」列，请在“列的对应”中选择']);
    expect(mappingProblems({ meetingDate: 0, item: 2, decision: 2, owner: 0 })).toEqual(['同一列不能既是「议题名称」又是「决定事项」', '同一列不能既是「会议日期」又是「责任人」']);
  });
});

describe('readDate', () => {
  it('reads blank as nothing', () => {
    expect(readDate(null, 2026)).toBeNull();
    expect(readDate(undefined, 2026)).toBeNull();
    expect(readDate('  ', 2026)).toBeNull();
  });
  it('reads Excel date numbers (a time of day dropped), and refuses numbers that are no date', () => {
    expect(readDate(46106, 2026)).toEqual({ iso: '2026-03-25' });
    expect(readDate(46106.75, 2026)).toEqual({ iso: '2026-03-25' });
    expect(readDate(1, 2026)).toEqual({ iso: '1899-12-31' });
    expect(readDate(80000, 2026)).toEqual({ iso: '2119-01-11' });
    for (const n of [0, 0.5, 80001, -3, Number.NaN, Number.POSITIVE_INFINITY]) expect(readDate(n, 2026)).toEqual({ problem: `「${n}」不是日期` });
  });
  it('reads the ways secretaries write a date, with or without the year', () => {
    for (const s of ['2026-03-25', '2026-3-25', '2026.3.25', '2026/3/25', '2026年3月25日', '2026年3月25', ' 2026 年 3 月 25 日 ', '2026-03-25T15:00:00']) {
      expect(readDate(s, 2025), s).toEqual({ iso: '2026-03-25' });
    }
    for (const s of ['3/25', '3.25', '3-25', '3月25日', '03月25日']) expect(readDate(s, 2026), s).toEqual({ iso: '2026-03-25' });
  });
  it('names a day that does not exist, and a year outside 1990–2100', () => {
    expect(readDate('2026.2.30', 2026)).toEqual({ problem: '没有2026年2月30日这一天' });
    expect(readDate('2/29', 2026)).toEqual({ problem: '没有2026年2月29日这一天' });
    expect(readDate('2/29', 2028)).toEqual({ iso: '2028-02-29' });
    expect(readDate('2026.13.1', 2026)).toEqual({ problem: '没有2026年13月1日这一天' });
    expect(readDate('1989.12.31', 2026)).toEqual({ problem: '没有1989年12月31日这一天' });
    expect(readDate('1990.1.1', 2026)).toEqual({ iso: '1990-01-01' });
    expect(readDate('2100.12.31', 2026)).toEqual({ iso: '2100-12-31' });
    expect(readDate('2101.1.1', 2026)).toEqual({ problem: '没有2101年1月1日这一天' });
  });
  it('says how to write anything else', () => {
    for (const s of ['下周三', '2026年3月', '25/3/2026', 'x2026.3.25', '2026.3.25号', '26.3.25.1']) {
      expect(readDate(s, 2026), s).toEqual({ problem: `「${s}」不是日期，请写成2026年3月25日或2026.3.25` });
    }
  });
});

describe('readBody', () => {
  it('tells the 党组织会议 from the 校长办公会议; blank is the committee; anything else is no body', () => {
    for (const s of ['', '  ', '党委会', '党支部委员会会议', '支委会', '党总支会议', '党组织会议']) expect(readBody(s), s).toBe('party_committee');
    for (const s of ['校长办公会', '行政会', '校务办公会']) expect(readBody(s), s).toBe('principal_office');
    expect(readBody('教代会')).toBeNull();
  });
});

describe('checkRow', () => {
  const good = { meetingDate: '2025.9.12', body: '党委会', item: '关于秋季开学工作的议题', decision: '同意开学工作方案。', dept: '教务处', owner: '陈志强', deadline: '10/31', status: '已完成' };
  it('makes a record of a good row, trimmed, with the year for dates without one', () => {
    expect(checkRow({ ...good, item: ' 关于秋季开学工作的议题 ' }, 2025)).toEqual({
      record: { meetingDate: '2025-09-12', body: 'party_committee', item: '关于秋季开学工作的议题', decision: '同意开学工作方案。', dept: '教务处', owner: '陈志强', deadline: '2025-10-31', done: true },
      problems: [],
    });
  });
  it('leaves the optional fields empty as null, and reads 办理情况', () => {
    const r = checkRow({ meetingDate: 45912, item: '议题', decision: '决定' }, 2025);
    expect(r).toEqual({ record: { meetingDate: '2025-09-12', body: 'party_committee', item: '议题', decision: '决定', dept: null, owner: null, deadline: null, done: false }, problems: [] });
    const done = (status: string) => checkRow({ ...good, status }, 2025).record!.done;
    expect([done('已办结'), done('完成'), done('已落实'), done('未完成'), done('推进中'), done('办理中'), done(''), done('进行中，部分完成')]).toEqual([true, true, true, false, false, false, false, false]);
  });
  it('names every problem of a row by its column, and makes no record', () => {
    expect(checkRow({ body: '教代会', item: '', decision: '  ', deadline: '下月' }, 2025)).toEqual({
      record: null,
      problems: [
        { column: '会议日期', message: '没有填写会议日期' },
        { column: '会议名称', message: '「教代会」不是党组织会议或校长办公会议' },
        { column: '议题名称', message: '没有填写议题名称' },
        { column: '决定事项', message: '没有填写决定事项' },
        { column: '完成时限', message: '「下月」不是日期，请写成2025年3月25日或2025.3.25' },
      ],
    });
    expect(checkRow({ ...good, meetingDate: '2025.2.30' }, 2025).problems).toEqual([{ column: '会议日期', message: '没有2025年2月30日这一天' }]);
    expect(checkRow({ ...good, dept: '' }, 2025).problems).toEqual([{ column: '承办部门', message: '填写了完成时限，但没有填写承办部门' }]);
    expect(checkRow({ ...good, dept: '', deadline: '' }, 2025).problems).toEqual([]);
  });
  it('holds the lengths the app holds: 100 characters of title, 2000 of decision', () => {
    expect(checkRow({ ...good, item: '题'.repeat(100), decision: '定'.repeat(2000) }, 2025).problems).toEqual([]);
    expect(checkRow({ ...good, item: '题'.repeat(101) }, 2025).problems).toEqual([{ column: '议题名称', message: '议题名称超过100个字' }]);
    expect(checkRow({ ...good, decision: '定'.repeat(2001) }, 2025).problems).toEqual([{ column: '决定事项', message: '决定事项超过2000个字' }]);
  });
  it('reads numbers in text columns as text', () => {
    expect(checkRow({ ...good, item: 2025, decision: 1 }, 2025).record).toMatchObject({ item: '2025', decision: '1' });
  });
});

describe('templates', () => {
  it('a decision template per 议事清单 group, a plain one for a group a school adds', () => {
    expect(Object.keys(DEFAULT_DECISION_TEXTS)).toEqual(['A', 'B', 'C', 'D', 'E', 'X']);
    for (const [g, text] of Object.entries(DEFAULT_DECISION_TEXTS)) {
      expect(decisionTextFor(g)).toBe(text);
      expect(text).toContain('《议题名称》');
    }
    expect(DEFAULT_DECISION_TEXTS.E).toBe('会议同意《议题名称》，金额……元，由……按规定程序组织实施，于……前完成。');
    expect(DEFAULT_DECISION_TEXTS.C).toBe('经会议研究，同意《议题名称》，按干部管理权限和程序办理。');
    expect(decisionTextFor('Z')).toBe(DEFAULT_DECISION_TEXT);
    expect(DEFAULT_DECISION_TEXT).toBe('会议同意《议题名称》，由……负责落实。');
  });
  it('the phrases a school starts with', () => {
    expect(DEFAULT_STATEMENT_PHRASES).toEqual(['同意。', '原则同意，建议进一步完善方案。', '同意，建议抓好落实。', '不同意，理由是……', '建议暂缓，待进一步调研后再议。']);
    expect(DEFAULT_CONSULTATION_PHRASES).toEqual([
      '书记与校长沟通一致，同意提交会议研究。',
      '建议进一步征求教职工意见后再提交会议研究。',
      '建议先经校长办公会议研究提出意见。',
      '方案尚需完善，完善后再沟通。',
      '涉及教职工切身利益，建议提交教代会审议。',
    ]);
  });
  it('fills every 《议题名称》 with the item’s title in 《》', () => {
    expect(fillTitle('会议研究了《议题名称》，同意《议题名称》。', '关于食堂承包的议题')).toBe('会议研究了《关于食堂承包的议题》，同意《关于食堂承包的议题》。');
    expect(fillTitle('同意。', '标题')).toBe('同意。');
  });
});
