// 历史台账导入: the template workbook the app provides, and reading a school's own workbook into
// checked rows (db/rules/import.ts decides what each cell means). Every sheet is read; the header
// row is the first of the top ten naming at least two columns; merged cells give every cell of
// the merge the same value; blank rows are skipped; row numbers are the sheet's own.
import ExcelJS from 'exceljs';
import { CN_DATE_FORMAT } from './xlsx';
import { IMPORT_COLUMNS, checkRow, chooseColumns, guessColumns, headerScore, mappingProblems, type ColumnChoice, type ColumnKey, type ImportRecord, type RowProblem } from '../rules/import';

export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('历史台账');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'decision' || c.key === 'item' ? 36 : 14 }));
  ws.getRow(1).font = { bold: true };
  ws.addRow({ meetingDate: new Date(Date.UTC(2025, 8, 12)), body: '党委会议', item: '关于开展校园安全隐患排查整治的议题', decision: '同意开展校园安全隐患排查整治，由总务处牵头，10月底前完成整改。', dept: '总务处', owner: '陈志强', deadline: new Date(Date.UTC(2025, 9, 31)), status: '已完成' });
  ws.getColumn('meetingDate').numFmt = CN_DATE_FORMAT;
  ws.getColumn('deadline').numFmt = CN_DATE_FORMAT;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  const lines = [
    '每行填写一项决定事项；同一次会议的多项决定，会议日期和会议名称相同。',
    '会议日期、议题名称、决定事项必须填写；其他列可以空着。',
    '日期可以写成2025年9月12日、2025.9.12、2025/9/12，也可以是Excel的日期格式。',
    '会议名称写“党委会议”或“校长办公会议”，空着按党组织会议导入。',
    '办理情况写“已完成”的，导入为已办结；其他导入为办理中。',
    '也可以直接导入学校原有的台账表格：程序按表头（如议题名称、会议日期、决定事项、责任人、完成时限）识别各列。',
  ];
  help.getColumn(1).width = 90;
  for (const l of lines) help.addRow([l]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface PreviewRow {
  sheet: string;
  /** The sheet's own row number (as Excel shows it). */
  row: number;
  record: ImportRecord | null;
  problems: RowProblem[];
}

export interface ImportPreview {
  fileName: string;
  sheets: {
    name: string;
    headerRow: number | null;
    /** Per field of the app: its label, the column read for it (guessed or chosen) and that column's header. */
    columns: { key: ColumnKey; header: string; required: boolean; at: number | null; found: string | null }[];
    /** The sheet's own headers, by column, to choose from. */
    headers: { at: number; text: string }[];
    /** Problems of the mapping itself (a required field without a column). */
    problems: string[];
    rows: number;
  }[];
  rows: PreviewRow[];
  ok: number;
  withProblems: number;
}

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/** The workbook's rows, checked: what each would become, or its problems, naming row and column. */
export async function previewWorkbook(bytes: Buffer, fileName: string, year: number, choices: Record<string, ColumnChoice> = {}): Promise<ImportPreview> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { fileName, sheets: [], rows: [], ok: 0, withProblems: 0 };
  }
  const preview: ImportPreview = { fileName, sheets: [], rows: [], ok: 0, withProblems: 0 };
  for (const ws of wb.worksheets) {
    const grid: (string | number | null)[][] = [];
    // columnCount walks every row: read it once, not per row.
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: (string | number | null)[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell reads its master's value: every row of a merged 会议日期 gets the date.
        cells.push(cellValue(cell.isMerged ? cell.master.value : cell.value));
      }
      grid[n] = cells;
    });
    let headerRow: number | null = null;
    for (let n = 1; n <= Math.min(10, grid.length - 1); n++) {
      if (grid[n] && headerScore(grid[n]!.map((c) => (c === null ? '' : String(c)))) >= 2) {
        headerRow = n;
        break;
      }
    }
    if (headerRow === null) {
      preview.sheets.push({ name: ws.name, headerRow: null, columns: [], headers: [], problems: [], rows: 0 });
      continue;
    }
    const headers = grid[headerRow]!.map((c) => (c === null ? '' : String(c)));
    const map = chooseColumns(guessColumns(headers), choices[ws.name] ?? {}, headers.length);
    let count = 0;
    for (let n = headerRow + 1; n < grid.length; n++) {
      const cells = grid[n];
      if (!cells || cells.every((c) => c === null || String(c).trim() === '')) continue;
      const pick: Partial<Record<ColumnKey, string | number | null>> = {};
      for (const [key, at] of Object.entries(map)) pick[key as ColumnKey] = cells[at] ?? null;
      const checked = checkRow(pick, year);
      preview.rows.push({ sheet: ws.name, row: n, ...checked });
      if (checked.record) preview.ok += 1;
      else preview.withProblems += 1;
      count += 1;
    }
    preview.sheets.push({
      name: ws.name,
      headerRow,
      columns: IMPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header, required: c.required, at: map[c.key] ?? null, found: map[c.key] === undefined ? null : headers[map[c.key]!]! })),
      headers: headers.map((text, at) => ({ at, text: text.trim() })).filter((h) => h.text !== ''),
      problems: mappingProblems(map),
      rows: count,
    });
  }
  return preview;
}
