// 历史台账导入 (issue L), the pure part: which column of a school's own sheet holds what (guessed
// from its header), dates as real sheets hold them, and each row's problems in Chinese naming
// the row and the column. No I/O: db/imports reads the workbook and asks these.
import { cnDate } from '../calendar';
import type { ImportColumnKey } from '../terms';

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header of the app's own template. */
  header: string;
  /** Other headers schools use for the same column. */
  aliases: readonly string[];
  required: boolean;
}

/** The template's columns, in order (the app's own 台账 words). */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'meetingDate', header: '会议日期', aliases: ['日期', '开会日期', '会议时间', '时间', '召开日期', '召开时间'], required: true },
  { key: 'body', header: '会议名称', aliases: ['会议', '会议类型', '议事机构', '会议类别', '会议形式'], required: false },
  { key: 'item', header: '议题名称', aliases: ['议题', '议题内容', '研究事项', '事项', '议题题目', '上会议题'], required: true },
  { key: 'decision', header: '决定事项', aliases: ['决定', '决议', '会议决定', '决定内容', '决策事项', '决议事项', '会议决议', '研究结果'], required: true },
  { key: 'dept', header: '承办部门', aliases: ['责任部门', '牵头部门', '落实部门', '责任科室', '责任处室'], required: false },
  { key: 'owner', header: '责任人', aliases: ['负责人', '承办人', '落实人', '责任领导', '分管领导'], required: false },
  { key: 'deadline', header: '完成时限', aliases: ['时限', '完成时间', '截止日期', '办结时限', '完成期限', '办结时间'], required: false },
  { key: 'status', header: '办理情况', aliases: ['完成情况', '落实情况', '进展情况', '状态'], required: false },
];
export type ColumnKey = ImportColumn['key'];
export type ColumnMap = Partial<Record<ColumnKey, number>>;

const norm = (s: string) => s.replace(/[\s\u3000（）()：:*＊]/g, '');

/** Which column index holds each field: the exact header or an alias first, then a header containing one. */
export function guessColumns(headers: readonly string[]): ColumnMap {
  const cells = headers.map((h) => norm(h ?? ''));
  const taken = new Set<number>();
  const map: ColumnMap = {};
  for (const pass of ['exact', 'contains'] as const) {
    for (const col of IMPORT_COLUMNS) {
      if (map[col.key] !== undefined) continue;
      const names = [col.header, ...col.aliases].map(norm);
      const at = cells.findIndex((c, i) => !taken.has(i) && c !== '' && (pass === 'exact' ? names.includes(c) : names.some((n) => c.includes(n))));
      if (at >= 0) {
        map[col.key] = at;
        taken.add(at);
      }
    }
  }
  return map;
}

/** A column the secretary chose for a field (an index), or none (null: this sheet has no such column). */
export type ColumnChoice = Partial<Record<ColumnKey, number | null>>;

/**
 * The guess with the secretary's choices over it. A column given to one field is taken from any
 * other the guess had put there (one column, one field); a chosen index beyond the headers is ignored.
 */
export function chooseColumns(guess: ColumnMap, choice: ColumnChoice, headerCount: number): ColumnMap {
  const map: ColumnMap = { ...guess };
  for (const [key, at] of Object.entries(choice) as [ColumnKey, number | null | undefined][]) {
    if (at === undefined) continue;
    if (at === null) {
      delete map[key];
      continue;
    }
    if (at < 0 || at >= headerCount) continue;
    for (const k of Object.keys(map) as ColumnKey[]) if (k !== key && map[k] === at && choice[k] === undefined) delete map[k];
    map[key] = at;
  }
  return map;
}

/** Sheet-level problems of a mapping: a required field without a column, one column for two fields. */
export function mappingProblems(map: ColumnMap): string[] {
  const problems = IMPORT_COLUMNS.filter((c) => c.required && map[c.key] === undefined).map((c) => `没有找到「${c.header}」列，请在“列的对应”中选择`);
  const seen = new Map<number, ColumnKey>();
  for (const c of IMPORT_COLUMNS) {
    const at = map[c.key];
    if (at === undefined) continue;
    const other = seen.get(at);
    if (other) problems.push(`同一列不能既是「${IMPORT_COLUMNS.find((x) => x.key === other)!.header}」又是「${c.header}」`);
    else seen.set(at, c.key);
  }
  return problems;
}

/** How many fields a row of headers names: a header row names at least two. */
export const headerScore = (cells: readonly string[]) => Object.keys(guessColumns(cells)).length;

export type DateRead = { iso: string } | { problem: string };
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): DateRead {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1990 || y > 2100 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return { problem: `没有${y}年${m}月${d}日这一天` };
  return { iso: `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * A date as a sheet holds it: an Excel date number (46106), an ISO date, 2026.3.25, 2026/3/25,
 * 2026-3-25, 2026年3月25日, or without the year (3/25, 3月25日, 3.25) in `year`.
 */
export function readDate(value: string | number | null | undefined, year: number): DateRead | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 80000) return { problem: `「${value}」不是日期` };
    const t = new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000);
    return { iso: t.toISOString().slice(0, 10) };
  }
  const s = value.trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(?:T.*)?$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-./月](\d{1,2})日?$/.exec(s);
  if (m) return valid(year, +m[1]!, +m[2]!);
  return { problem: `「${value}」不是日期，请写成${cnDate(`${year}-03-25`)}或${year}.3.25` };
}

export interface RowProblem {
  column: string;
  message: string;
}

export interface ImportRecord {
  meetingDate: string;
  body: 'party_committee' | 'principal_office';
  item: string;
  decision: string;
  dept: string | null;
  owner: string | null;
  deadline: string | null;
  done: boolean;
}

/** 党委会、支委会、党组织会议 → the committee; 校长办公会、行政会 → the 校长办公会议; blank → the committee. */
export function readBody(text: string): ImportRecord['body'] | null {
  const s = norm(text);
  if (s === '') return 'party_committee';
  if (/校长|行政|办公会/.test(s)) return 'principal_office';
  if (/党|支委|总支|委员会/.test(s)) return 'party_committee';
  return null;
}

const DONE = /已完成|已办结|办结|完成|已落实/;
const NOT_DONE = /未完成|未办结|推进中|进行中|办理中/;

/** One row's record, or its problems, each naming the column (row numbers are the sheet's own). */
export function checkRow(cells: Partial<Record<ColumnKey, string | number | null>>, year: number): { record: ImportRecord | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (k: ColumnKey) => {
    const v = cells[k];
    return v === null || v === undefined ? '' : String(v).trim();
  };
  const header = (k: ColumnKey) => IMPORT_COLUMNS.find((c) => c.key === k)!.header;
  const date = readDate(cells.meetingDate ?? null, year);
  if (date === null) problems.push({ column: header('meetingDate'), message: '没有填写会议日期' });
  else if ('problem' in date) problems.push({ column: header('meetingDate'), message: date.problem });
  const body = readBody(text('body'));
  if (body === null) problems.push({ column: header('body'), message: `「${text('body')}」不是党组织会议或校长办公会议` });
  if (!text('item')) problems.push({ column: header('item'), message: '没有填写议题名称' });
  else if (text('item').length > 100) problems.push({ column: header('item'), message: '议题名称超过100个字' });
  if (!text('decision')) problems.push({ column: header('decision'), message: '没有填写决定事项' });
  else if (text('decision').length > 2000) problems.push({ column: header('decision'), message: '决定事项超过2000个字' });
  const deadline = readDate(cells.deadline ?? null, year);
  if (deadline && 'problem' in deadline) problems.push({ column: header('deadline'), message: deadline.problem });
  if (deadline && 'iso' in deadline && !text('dept')) problems.push({ column: header('dept'), message: '填写了完成时限，但没有填写承办部门' });
  const status = text('status');
  const done = DONE.test(status) && !NOT_DONE.test(status);
  if (problems.length > 0 || !date || 'problem' in date || body === null) return { record: null, problems };
  return {
    record: {
      meetingDate: date.iso,
      body,
      item: text('item'),
      decision: text('decision'),
      dept: text('dept') || null,
      owner: text('owner') || null,
      deadline: deadline && 'iso' in deadline ? deadline.iso : null,
      done,
    },
    problems,
  };
}
