// 历史台账导入, the part that reads: the template, dates as real sheets hold them, headers a
// school uses, merged cells, blank rows and several sheets; every problem names its row and
// column in Chinese; nothing is written.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatchAsync, type InputOf } from '../../db/api';
import { previewSeal } from '../../db/imports/commit';
import { checkRow, chooseColumns, guessColumns, mappingProblems, readDate } from '../../db/rules/import';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import { decidedMeeting } from '../support/decided';

describe('reading what a sheet holds (pure)', () => {
  it('dates as numbers, ISO, dotted, slashed, in Chinese, and without a year', () => {
    expect(readDate(46106, 2026)).toEqual({ iso: '2026-03-25' });
    expect(readDate('2026-03-25', 2026)).toEqual({ iso: '2026-03-25' });
    expect(readDate('2026.3.25', 2026)).toEqual({ iso: '2026-03-25' });
    expect(readDate('2026/3/25', 2026)).toEqual({ iso: '2026-03-25' });
    expect(readDate('2026年3月25日', 2026)).toEqual({ iso: '2026-03-25' });
    expect(readDate('3/25', 2025)).toEqual({ iso: '2025-03-25' });
    expect(readDate('3月25日', 2025)).toEqual({ iso: '2025-03-25' });
    expect(readDate(' ', 2026)).toBeNull();
    expect(readDate('2026.2.30', 2026)).toEqual({ problem: '没有2026年2月30日这一天' });
    expect(readDate('下周', 2026)).toEqual({ problem: '「下周」不是日期，请写成2026年3月25日或2026.3.25' });
  });

  it("guesses a school's own headers", () => {
    expect(guessColumns(['序号', '开会日期', '会议类型', '议题', '会议决定', '责任部门', '负责人', '完成时间', '落实情况'])).toEqual({
      meetingDate: 1, body: 2, item: 3, decision: 4, dept: 5, owner: 6, deadline: 7, status: 8,
    });
    expect(guessColumns(['议题名称（必填）', '决定事项*', '会议日期'])).toEqual({ item: 0, decision: 1, meetingDate: 2 });
    // Common variants, and headers that only contain a name (召开日期 → 会议日期, 决议事项 → 决定事项).
    expect(guessColumns(['召开时间', '上会议题', '会议决议', '责任处室', '责任领导', '完成期限'])).toEqual({ meetingDate: 0, item: 1, decision: 2, dept: 3, owner: 4, deadline: 5 });
    expect(guessColumns(['会议日期', '议题名称', '决定事项', '责任人', '完成时限'])).toEqual({ meetingDate: 0, item: 1, decision: 2, owner: 3, deadline: 4 });
    // A header no field is known by is left for the secretary to choose; one column is never two fields.
    expect(guessColumns(['时间', '内容', '备注'])).toEqual({ meetingDate: 0 });
    expect(guessColumns(['事项', '事项'])).toEqual({ item: 0 });
  });

  it("the secretary's choices over the guess: one column, one field; none; out of range ignored", () => {
    const guess = guessColumns(['日期', '议题', '内容', '负责人']); // { meetingDate: 0, item: 1, owner: 3 }
    expect(guess).toEqual({ meetingDate: 0, item: 1, owner: 3 });
    expect(chooseColumns(guess, { decision: 2 }, 4)).toEqual({ meetingDate: 0, item: 1, decision: 2, owner: 3 });
    // Choosing 负责人's column as 承办部门 takes it from 责任人.
    expect(chooseColumns(guess, { dept: 3 }, 4)).toEqual({ meetingDate: 0, item: 1, dept: 3 });
    expect(chooseColumns(guess, { owner: null }, 4)).toEqual({ meetingDate: 0, item: 1 });
    expect(chooseColumns(guess, { decision: 9 }, 4)).toEqual(guess);
    expect(mappingProblems(guess)).toEqual(['没有找到「决定事项」列，请在“列的对应”中选择']);
    expect(mappingProblems(chooseColumns(guess, { decision: 2 }, 4))).toEqual([]);
    // Both chosen for one column: said, not silently dropped.
    expect(mappingProblems(chooseColumns(guess, { decision: 2, item: 2 }, 4))).toEqual(['同一列不能既是「议题名称」又是「决定事项」']);
  });

  it('a row with every problem named at its column; a good row becomes a record', () => {
    expect(checkRow({ meetingDate: '2026.13.1', body: '教代会', item: '', decision: '', deadline: '3/40' }, 2026).problems).toEqual([
      { column: '会议日期', message: '没有2026年13月1日这一天' },
      { column: '会议名称', message: '「教代会」不是党组织会议或校长办公会议' },
      { column: '议题名称', message: '没有填写议题名称' },
      { column: '决定事项', message: '没有填写决定事项' },
      { column: '完成时限', message: '没有2026年3月40日这一天' },
    ]);
    expect(checkRow({ meetingDate: '2025.9.12', body: '校长办公会', item: '关于调整作息时间的议题', decision: '同意调整。', dept: '教务处', deadline: '10/31', status: '已完成' }, 2025)).toEqual({
      record: { meetingDate: '2025-09-12', body: 'principal_office', item: '关于调整作息时间的议题', decision: '同意调整。', dept: '教务处', owner: null, deadline: '2025-10-31', done: true },
      problems: [],
    });
  });
});

async function sheetOf(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('imports.preview and imports.template', () => {
  it('the template reads back with its example row and no problems', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const tpl = await dispatchAsync(t.ledger, 'imports.template', {});
    if (!tpl.ok) throw new Error(tpl.error.message);
    const { base64, fileName } = tpl.value as { base64: string; fileName: string };
    expect(fileName).toBe('议事台账-历史台账导入模板.xlsx');
    const r = await dispatchAsync(t.ledger, 'imports.preview', { orgId: s.orgId, fileName, base64, year: 2025 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ ok: 1, withProblems: 0, rows: [{ sheet: '历史台账', row: 2, record: { meetingDate: '2025-09-12', deadline: '2025-10-31', done: true } }] });
  });

  it("a school's own workbook: title row, merged dates, text dates, a blank row, two sheets; nothing written", async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const base64 = await sheetOf((wb) => {
      const a = wb.addWorksheet('2025年');
      a.addRow(['青山县第一中学2025年党委会议决策台账']);
      a.addRow(['序号', '开会日期', '议题', '会议决定', '责任部门', '负责人', '完成时间', '落实情况']);
      a.addRow([1, '2025年9月12日', '关于开展校园安全隐患排查整治的议题', '同意开展排查整治。', '总务处', '陈志强', '2025.10.31', '已完成']);
      a.addRow([2, null, '关于加强学生思想政治工作的议题', '原则同意实施方案。', '德育处', '刘芳', '12/31', '推进中']);
      a.mergeCells('B3:B4');
      a.addRow([]);
      a.addRow([3, '9/40', '', '同意。']);
      const b = wb.addWorksheet('2024年');
      b.addRow(['会议日期', '议题名称', '决定事项']);
      b.addRow([new Date(Date.UTC(2024, 5, 3)), '关于食堂承包合同续签的议题', '同意续签一年。']);
    });
    const before = t.snapshot();
    const r = await dispatchAsync(t.ledger, 'imports.preview', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64, year: 2025 });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value as { rows: { sheet: string; row: number; record: { meetingDate: string; done: boolean } | null; problems: { column: string; message: string }[] }[]; ok: number; withProblems: number; sheets: { name: string; headerRow: number }[] };
    expect(v.sheets.map((x) => [x.name, x.headerRow])).toEqual([['2025年', 2], ['2024年', 1]]);
    expect(v.rows.map((x) => [x.sheet, x.row, x.record?.meetingDate ?? null, x.record?.done ?? null])).toEqual([
      ['2025年', 3, '2025-09-12', true],
      ['2025年', 4, '2025-09-12', false],
      ['2025年', 6, null, null],
      ['2024年', 2, '2024-06-03', false],
    ]);
    expect(v.rows[2]!.problems).toEqual([
      { column: '会议日期', message: '没有2025年9月40日这一天' },
      { column: '议题名称', message: '没有填写议题名称' },
    ]);
    expect([v.ok, v.withProblems]).toEqual([3, 1]);
    expect(t.snapshot()).toEqual(before);
  });

  it('a file that is not a workbook reads as no sheets; no file is refused at its field', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const r = await dispatchAsync(t.ledger, 'imports.preview', { orgId: s.orgId, fileName: '纪要.docx', base64: Buffer.from('not a zip').toString('base64'), year: 2025 });
    expect(r).toMatchObject({ ok: true, value: { sheets: [], rows: [] } });
    expect(t.call('imports.preview', { orgId: s.orgId, fileName: '', base64: '', year: 2025 })).toMatchObject({ ok: false, error: { field: 'fileName', message: '请选择要导入的文件' } });
  });

  it('10,000 rows are read and checked in well under 10 s', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const base64 = await sheetOf((wb) => {
      const a = wb.addWorksheet('台账');
      a.addRow(['会议日期', '会议名称', '议题名称', '决定事项', '承办部门', '责任人', '完成时限', '办理情况']);
      for (let i = 0; i < 10_000; i++) a.addRow([`2025.${(i % 12) + 1}.${(i % 28) + 1}`, i % 2 ? '校长办公会议' : '党委会议', `关于第${i}项工作的议题`, `同意第${i}项工作的方案，由相关部门落实。`, '教务处', '张丽', '2025/12/31', i % 3 ? '已完成' : '推进中']);
    });
    const t0 = performance.now();
    const r = await dispatchAsync(t.ledger, 'imports.preview', { orgId: s.orgId, fileName: '大台账.xlsx', base64, year: 2025 });
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(r.error.message);
    expect((r.value as { ok: number }).ok).toBe(10_000);
    console.log(`imports.preview of 10,000 rows: ${Math.round(ms)} ms`);
  }, 60_000);
});

describe('列的对应 in imports.preview', () => {
  it('shows the guess; a column chosen by the secretary is read for its field, and only in its sheet', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const base64 = await sheetOf((wb) => {
      const a = wb.addWorksheet('台账');
      a.addRow(['日期', '议题', '研究情况', '部门']);
      a.addRow(['2025.9.12', '关于食堂承包合同续签的议题', '同意续签一年。', '总务处']);
    });
    const read = async (columns?: Record<string, Record<string, number | null>>) => {
      const r = await dispatchAsync(t.ledger, 'imports.preview', { orgId: s.orgId, fileName: '台账.xlsx', base64, year: 2025, ...(columns ? { columns } : {}) });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { ok: number; withProblems: number; sheets: { columns: { key: string; at: number | null; found: string | null }[]; headers: { at: number; text: string }[]; problems: string[] }[]; rows: { record: { decision: string; dept: string | null } | null }[] };
    };
    const guessed = await read();
    expect(guessed.sheets[0]!.headers).toEqual([{ at: 0, text: '日期' }, { at: 1, text: '议题' }, { at: 2, text: '研究情况' }, { at: 3, text: '部门' }]);
    expect(guessed.sheets[0]!.columns.find((c) => c.key === 'decision')).toMatchObject({ at: null, found: null });
    expect(guessed.sheets[0]!.problems).toEqual(['没有找到「决定事项」列，请在“列的对应”中选择']);
    expect(guessed.withProblems).toBe(1);
    const chosen = await read({ 台账: { decision: 2, dept: 3 } });
    expect(chosen.sheets[0]!.problems).toEqual([]);
    expect(chosen.rows[0]!.record).toMatchObject({ decision: '同意续签一年。', dept: '总务处' });
    // Choices for another sheet name change nothing here.
    expect((await read({ 其他: { decision: 2 } })).withProblems).toBe(1);
    const bad = await dispatchAsync(t.ledger, 'imports.preview', { orgId: s.orgId, fileName: '台账.xlsx', base64, year: 2025, columns: { 台账: { 备注: 2 } } } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('imports.commit: one transaction, refused whole, never twice', () => {
  async function previewOf(t: ReturnType<typeof freshLedger>, orgId: number, fileName: string, base64: string) {
    const r = await dispatchAsync(t.ledger, 'imports.preview', { orgId, fileName, base64, year: 2025 });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { rows: { sheet: string; row: number; record: never; problems: never[] }[]; seal: string };
  }
  const ledgerFile = () =>
    sheetOf((wb) => {
      const a = wb.addWorksheet('2025年');
      a.addRow(['会议日期', '会议名称', '议题名称', '决定事项', '承办部门', '责任人', '完成时限', '办理情况']);
      a.addRow(['2025.9.12', '党委会议', '关于开展校园安全隐患排查整治的议题', '同意开展排查整治。', '总务处', '陈志强', '2025.10.31', '已完成']);
      a.addRow(['2025.9.12', '党委会议', '关于加强学生思想政治工作的议题', '原则同意实施方案。', '德育处', '刘芳', '2025.12.31', '推进中']);
      a.addRow(['2025.10.8', '校长办公会议', '关于调整作息时间的议题', '同意调整。', null, null, null, null]);
    });

  it('a good file becomes two meetings, three decisions and two follow-ups, each marked 历史导入; the journal says so', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const base64 = await ledgerFile();
    const p = await previewOf(t, s.orgId, '2025年台账.xlsx', base64);
    const before = t.snapshot();
    const r = t.call('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64, rows: p.rows, previewSeal: p.seal });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ rows: 3, meetings: 2, decisions: 3, followUps: 2 });
    const after = t.snapshot();
    expect(after.meetings! - before.meetings!).toBe(2);
    expect(after.decisions! - before.decisions!).toBe(3);
    expect(after.follow_ups! - before.follow_ups!).toBe(2);
    expect(after.imports).toBe(1);
    // meeting, 3 items, 3 entries, 3 decisions, 2 follow-ups … and the second meeting; the items'
    // transitions the import made (3 历史导入, 2 已安排督办) and its 2 R17 warnings (no 分管领导).
    expect(after.imported_records).toBe(2 + 3 + 3 + 3 + 2 + 5 + 2);
    const rows = t.ledger.sqlite.prepare("SELECT m.state, m.place, d.text, f.state AS fu FROM decisions d JOIN agenda_entries e ON e.id = d.entry_id JOIN meetings m ON m.id = e.meeting_id LEFT JOIN follow_ups f ON f.decision_id = d.id ORDER BY d.id").all();
    expect(rows).toEqual([
      { state: 'closed', place: '原台账未记载', text: '同意开展排查整治。', fu: 'done' },
      { state: 'closed', place: '原台账未记载', text: '原则同意实施方案。', fu: 'open' },
      { state: 'closed', place: '原台账未记载', text: '同意调整。', fu: null },
    ]);
    expect(t.ledger.sqlite.prepare("SELECT sheet, row FROM imported_records WHERE kind = 'decision' ORDER BY id").all()).toEqual([
      { sheet: '2025年', row: 2 }, { sheet: '2025年', row: 3 }, { sheet: '2025年', row: 4 },
    ]);
    const j = t.call('journal.list', { limit: 5 } as never);
    expect(j.ok).toBe(true);
    if (j.ok) expect(JSON.stringify(j.value)).toContain('导入了历史台账「2025年台账.xlsx」（3行）');
    expect(JSON.stringify(t.ledger.sqlite.prepare("SELECT summary FROM audit_log WHERE channel = 'imports.commit'").get())).not.toContain(base64.slice(0, 40));
  });

  it('the same file again changes nothing and says when it was imported', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const base64 = await ledgerFile();
    const p = await previewOf(t, s.orgId, '2025年台账.xlsx', base64);
    expect(t.call('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64, rows: p.rows, previewSeal: p.seal }).ok).toBe(true);
    const before = t.snapshot();
    const again = t.call('imports.commit', { orgId: s.orgId, fileName: '台账副本.xlsx', base64, rows: p.rows, previewSeal: p.seal });
    expect(again).toMatchObject({ ok: false, error: { field: 'fileName' } });
    if (!again.ok) expect(again.error.message).toMatch(/^这个文件已于2026年3月20日.*由测试秘书导入（3项决定事项），不需要再导入。$/);
    expect(t.snapshot()).toEqual(before);
  });

  it('one bad row refuses the whole file, every problem named at its row, and no table changes', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const base64 = await sheetOf((wb) => {
      const a = wb.addWorksheet('台账');
      a.addRow(['会议日期', '议题名称', '决定事项', '承办部门', '完成时限']);
      a.addRow(['2025.9.12', '关于食堂承包合同续签的议题', '同意续签一年。', '总务处', '2025.12.31']);
      a.addRow(['2025.9.40', '关于校服采购的议题', '同意。']);
      // Passes the sheet's checks but not createFollowUp's: a deadline before the meeting.
      a.addRow(['2025.10.8', '关于图书采购的议题', '同意。', '教务处', '2025.9.1']);
    });
    const p = await previewOf(t, s.orgId, '坏台账.xlsx', base64);
    const before = t.snapshot();
    const r = t.call('imports.commit', { orgId: s.orgId, fileName: '坏台账.xlsx', base64, rows: p.rows, previewSeal: p.seal });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'rows' } });
    if (!r.ok) expect(r.error.fields).toEqual([{ field: 'rows.台账.3', message: '「台账」第3行「会议日期」：没有2025年9月40日这一天' }]);
    expect(t.snapshot()).toEqual(before);
    // Without the bad date the rule-refused row is named, and still nothing is written.
    const fixed = await sheetOf((wb) => {
      const a = wb.addWorksheet('台账');
      a.addRow(['会议日期', '议题名称', '决定事项', '承办部门', '完成时限']);
      a.addRow(['2025.9.12', '关于食堂承包合同续签的议题', '同意续签一年。', '总务处', '2025.12.31']);
      a.addRow(['2025.10.8', '关于图书采购的议题', '同意。', '教务处', '2025.9.1']);
    });
    const p2 = await previewOf(t, s.orgId, '坏台账.xlsx', fixed);
    const r2 = t.call('imports.commit', { orgId: s.orgId, fileName: '坏台账.xlsx', base64: fixed, rows: p2.rows, previewSeal: p2.seal });
    expect(r2).toMatchObject({ ok: false, error: { field: 'rows' } });
    if (!r2.ok) expect(r2.error.fields![0]!.message).toMatch(/^「台账」第3行：完成时限不能早于作出决定的日期/);
    expect(t.snapshot()).toEqual(before);
  });

  it('writes only rows the core read from this very file: rows changed, dropped or added after the preview, another file\'s rows, a made-up seal: refused, nothing written', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const base64 = await ledgerFile();
    const p = await previewOf(t, s.orgId, '2025年台账.xlsx', base64);
    const other = await sheetOf((wb) => {
      const a = wb.addWorksheet('台账');
      a.addRow(['会议日期', '议题名称', '决定事项']);
      a.addRow(['2025.9.12', '关于食堂承包合同续签的议题', '同意续签一年。']);
    });
    const q = await previewOf(t, s.orgId, '另一个台账.xlsx', other);
    const first = p.rows[0]! as { sheet: string; row: number; record: Record<string, unknown>; problems: never[] };
    const attempts: { rows: typeof p.rows; previewSeal: string; base64: string }[] = [
      // A decision's words changed on the way from the screen.
      { base64, previewSeal: p.seal, rows: [{ ...first, record: { ...first.record, decision: '同意拨款五十万元。' } } as never, ...p.rows.slice(1)] },
      // A row moved to another row number (the mark 历史导入 names the source row).
      { base64, previewSeal: p.seal, rows: [{ ...first, row: 9 } as never, ...p.rows.slice(1)] },
      // A row dropped, a row added.
      { base64, previewSeal: p.seal, rows: p.rows.slice(1) },
      { base64, previewSeal: p.seal, rows: [...p.rows, { ...first, row: 5 } as never] },
      // Another file's rows and seal, sent with this file's bytes; this file's seal with the other's rows.
      { base64, previewSeal: q.seal, rows: q.rows },
      { base64: other, previewSeal: p.seal, rows: p.rows },
      // A seal made up by the screen.
      { base64, previewSeal: '0'.repeat(64), rows: p.rows },
    ];
    const before = t.snapshot();
    for (const a of attempts) {
      const r = t.call('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', ...a });
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'rows', message: '要导入的内容与预览时从文件读到的不一致，没有导入。请重新选择文件，预览后再导入。' } });
      expect(t.snapshot()).toEqual(before);
    }
    // The preview as it came, and the file it came from: imported.
    expect(t.call('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64, rows: p.rows, previewSeal: p.seal }).ok).toBe(true);
  });

  it('refuses at the field: no rows, rows not from a preview', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    expect(t.call('imports.commit', { orgId: s.orgId, fileName: 'a.xlsx', base64: 'AAAA', rows: [], previewSeal: previewSeal(Buffer.from('AAAA', 'base64'), []) })).toMatchObject({ ok: false, error: { field: 'fileName', message: '文件里没有可以导入的行，请检查是否选对了文件。' } });
    expect(t.call('imports.commit', { orgId: s.orgId, fileName: 'a.xlsx', base64: 'AAAA', rows: [] } as never)).toMatchObject({ ok: false, error: { field: 'previewSeal', message: '请先预览文件再导入' } });
    expect(t.call('imports.commit', { orgId: s.orgId, fileName: 'a.xlsx', base64: 'AAAA' } as never)).toMatchObject({ ok: false, error: { field: 'rows', message: '请先预览文件再导入' } });
  });
});

describe('imports.undo: the whole import taken back, until the next meeting is signed', () => {
  const row = (n: number, over: Record<string, unknown> = {}) => ({
    sheet: '2025年',
    row: n,
    record: { meetingDate: '2025-09-12', body: 'party_committee' as 'party_committee' | 'principal_office', item: `关于第${n}行事项的议题`, decision: `同意第${n}行事项。`, dept: '总务处', owner: '陈志强', deadline: '2025-12-31', done: n % 2 === 0, ...over },
    problems: [],
  });
  const rows = [row(2), row(3), row(4, { body: 'principal_office', meetingDate: '2025-10-08', dept: null, deadline: null })] as InputOf<'imports.commit'>['rows'];
  // Rows made here, not read from a file: sealed as imports.preview seals what it reads.
  const sealOf = (r: InputOf<'imports.commit'>['rows']) => previewSeal(Buffer.from('UEsDBAo=', 'base64'), r);
  /**
   * Every table but the two that only grow (the audit chain) or keep the import's row, and the
   * search indexes' own storage (its segments are not byte-for-byte as before a delete): what
   * they find is compared through search.everywhere instead.
   */
  const tables = (t: ReturnType<typeof freshLedger>) =>
    Object.fromEntries(
      (t.ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT IN ('audit_log', 'imports', '__drizzle_migrations') ORDER BY name").all() as { name: string }[]).map(
        ({ name }) => [name, t.ledger.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()],
      ),
    );

  it('removes exactly the rows the import wrote: every other table is as before, the records made before and after it stay', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    decidedMeeting(t, s); // signed? no: closed, minutes not yet signed
    const mine = t.ok('items.create', { orgId: s.orgId, title: '导入前登记的议题', matterId: s.matter('D1'), proposerId: s.person('陈志强') });
    const before = tables(t);
    const found = () => ['议题', '同意', '总务处', '陈志强'].map((query) => t.ok('search.everywhere', { orgId: s.orgId, query }));
    const foundBefore = found();
    const { importId } = t.ok('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64: 'UEsDBAo=', rows, previewSeal: sealOf(rows) });
    expect(found()).not.toEqual(foundBefore);
    // Filed after the import, in words none of the searches below look for.
    const later = t.ok('items.create', { orgId: s.orgId, title: '读书节活动安排', matterId: s.matter('D1'), proposerId: s.person('张丽') });
    expect(t.ok('imports.list', { orgId: s.orgId })).toEqual([expect.objectContaining({ id: importId, fileName: '2025年台账.xlsx', meetings: 2, decisions: 3, followUps: 2, undone: null, undoRefusal: null })]);
    const out = t.ok('imports.undo', { importId });
    expect(out).toMatchObject({ fileName: '2025年台账.xlsx', meetings: 2, decisions: 3, followUps: 2 });
    const after = tables(t);
    // The item filed after the import (and its transition) is the only difference.
    const laterRows = (x: Record<string, unknown[]>) => ({
      ...x,
      agenda_items: x.agenda_items!.filter((r) => (r as { id: number }).id !== later.id),
      item_transitions: x.item_transitions!.filter((r) => (r as { item_id: number }).item_id !== later.id),
    });
    expect(laterRows(after)).toEqual(laterRows(before));
    expect(found()).toEqual(foundBefore);
    expect(after.agenda_items!.map((r) => (r as { title: string }).title)).toEqual(expect.arrayContaining([mine.title, later.title]));
    expect(t.ok('imports.list', { orgId: s.orgId })[0]!.undone).toBe('已于2026年3月26日（星期四）09:00由测试秘书撤销');
    // The chain records both; the journal says both in words.
    expect(t.ledger.sqlite.prepare("SELECT channel FROM audit_log WHERE channel LIKE 'imports.%' ORDER BY id").all()).toEqual([{ channel: 'imports.commit' }, { channel: 'imports.undo' }]);
    expect(JSON.stringify(t.ok('journal.list', { offset: 0, limit: 5 }))).toContain('撤销了一次历史台账导入，导入的记录已全部移除');
    expect(t.ok('trust.verify', {})).toMatchObject({ ok: true });
    // Undone twice: refused, nothing changes; the same file may now be imported again.
    const snap = tables(t);
    expect(t.call('imports.undo', { importId })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^「2025年台账.xlsx」的导入已于2026年3月26日（星期四）09:00由测试秘书撤销，不需要再撤销。$/) } });
    expect(tables(t)).toEqual(snap);
    expect(t.ok('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64: 'UEsDBAo=', rows, previewSeal: sealOf(rows) })).toMatchObject({ meetings: 2 });
  });

  it('refused once a meeting is signed after the import, with the reason in Chinese; nothing changes', () => {
    const t = freshLedger('2026-03-20T09:00:00');
    const s = setupSchool(t);
    const { meetingId } = decidedMeeting(t, s, { startsAt: '2026-03-25T15:00' });
    t.setNow('2026-03-26T09:00:00');
    const { importId } = t.ok('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64: 'UEsDBAo=', rows, previewSeal: sealOf(rows) });
    t.setNow('2026-03-27T10:00:00');
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    t.ok('minutes.sign', { minutesId, personId: s.person('王建国') });
    const snap = tables(t);
    const r = t.call('imports.undo', { importId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'importId', message: '导入「2025年台账.xlsx」之后，2026年第1次党委会议的纪要已于2026年3月27日签发，导入的记录已成为台账的一部分，不能再整体撤销；如有错误请逐条更正。' } });
    expect(tables(t)).toEqual(snap);
    expect(t.ok('imports.list', { orgId: s.orgId })[0]!.undoRefusal).toBe((r as { error: { message: string } }).error.message);
  });

  it('a meeting signed before the import does not stop the undo', () => {
    const t = freshLedger('2026-03-20T09:00:00');
    const s = setupSchool(t);
    const { meetingId } = decidedMeeting(t, s, { startsAt: '2026-03-25T15:00' });
    t.setNow('2026-03-26T09:00:00');
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    t.ok('minutes.sign', { minutesId, personId: s.person('王建国') });
    t.setNow('2026-03-27T09:00:00');
    const { importId } = t.ok('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64: 'UEsDBAo=', rows, previewSeal: sealOf(rows) });
    expect(t.call('imports.undo', { importId }).ok).toBe(true);
  });

  it('refused when an imported record was acted on since (a progress report), changing nothing', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { importId } = t.ok('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64: 'UEsDBAo=', rows, previewSeal: sealOf(rows) });
    const fu = t.ledger.sqlite.prepare("SELECT f.id FROM follow_ups f JOIN imported_records r ON r.kind = 'follow_up' AND r.ref_id = f.id WHERE f.state = 'open'").get() as { id: number };
    t.ok('followups.report', { followUpId: fu.id, kind: 'progress', text: '已完成一半' });
    const snap = tables(t);
    expect(t.call('imports.undo', { importId })).toMatchObject({ ok: false, error: { message: '导入的记录已有后续办理（如进展报告、评价、会议纪要或执行情况报告），不能整体撤销；请逐条更正。' } });
    expect(tables(t)).toEqual(snap);
    expect(t.call('imports.undo', { importId: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到该导入记录，可能已被删除或更改，请刷新后重试。' } });
  });

  it('an import made before undo existed (no transitions noted) is refused as such, not as "in use"', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { importId } = t.ok('imports.commit', { orgId: s.orgId, fileName: '2025年台账.xlsx', base64: 'UEsDBAo=', rows, previewSeal: sealOf(rows) });
    // What such an import left: its records, without the transitions and warnings it wrote.
    t.ledger.sqlite.prepare("DELETE FROM imported_records WHERE import_id = ? AND kind IN ('transition', 'warning')").run(importId);
    const snap = tables(t);
    const message = '这次导入是在程序能够撤销导入之前做的，程序没有记下它写入的全部记录，不能整体撤销；如有错误请逐条更正。';
    expect(t.call('imports.undo', { importId })).toMatchObject({ ok: false, error: { message } });
    expect(t.ok('imports.list', { orgId: s.orgId })[0]!.undoRefusal).toBe(message);
    expect(tables(t)).toEqual(snap);
  });
});
