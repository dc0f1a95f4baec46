// The 集团工作台 on paper: a one-page A4 summary (PDF through the shell's printer, like every
// document) and an Excel sheet, one row per organisation of the 集团 (集团本级 first). Pure: data in.
import ExcelJS from 'exceljs';
import { GROUP_FIGURES, GROUP_FIGURE_LABELS, GROUP_LEVEL_LABELS, type GroupFigure } from '../terms';
import { cnDate, esc, htmlDocument } from './page';

export interface GroupSheet {
  groupName: string;
  year: number;
  month: number;
  /** YYYY-MM-DD */
  exportedOn: string;
  rows: ({ name: string; level: 'group' | 'campus'; escalated: number } & Record<GroupFigure, number>)[];
}

export function groupTitle(data: Pick<GroupSheet, 'groupName' | 'year'>): string {
  return `${data.groupName}${data.year}年集团议事决策情况`;
}

const GROUP_CSS = `
@page { size: A4 landscape; }
.facts { text-indent: 0; }
table.sheet { margin-top: 6pt; width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.3; letter-spacing: 0; }
table.sheet th, table.sheet td { border: 0.75pt solid #000; padding: 3pt 4pt; text-align: center; }
table.sheet th { font-weight: normal; }
table.sheet td.name { text-align: left; }
table.sheet td.warn { font-weight: bold; }
`;

export function groupHtml(data: GroupSheet): string {
  const title = groupTitle(data);
  const head = ['组织', '层级', ...GROUP_FIGURES.map((f) => GROUP_FIGURE_LABELS[f]), '上报集团议题'].map((h) => `<th>${esc(h)}</th>`).join('');
  const warn: readonly GroupFigure[] = ['overdueFollowUps', 'openEmergencies', 'decisionsWithoutFollowUp'];
  const rows = data.rows
    .map(
      (r) =>
        `<tr><td class="name">${esc(r.name)}</td><td>${esc(GROUP_LEVEL_LABELS[r.level])}</td>${GROUP_FIGURES.map(
          (f) => `<td${warn.includes(f) && r[f] > 0 ? ' class="warn"' : ''}>${r[f]}</td>`,
        ).join('')}<td>${r.escalated}</td></tr>`,
    )
    .join('\n');
  const body = `<h1 class="title">${esc(title)}</h1>
<p class="facts">统计截至${esc(cnDate(data.exportedOn))}；“本月”为${data.year}年${data.month}月。</p>
<table class="sheet"><thead><tr class="hei">${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
  return htmlDocument({ title, css: GROUP_CSS, body, pageNumbers: false });
}

export async function groupXlsx(data: GroupSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '议事台账';
  wb.created = new Date(`${data.exportedOn}T00:00:00`);
  const columns = [
    { key: 'name', header: '组织', width: 26 },
    { key: 'level', header: '层级', width: 9 },
    ...GROUP_FIGURES.map((f) => ({ key: f, header: GROUP_FIGURE_LABELS[f], width: 11 })),
    { key: 'escalated', header: '上报集团议题', width: 11 },
  ];
  const ws = wb.addWorksheet('集团工作台', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const t = ws.getCell(1, 1);
  t.value = groupTitle(data);
  t.font = { name: '黑体', size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  const header = ws.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true, name: '黑体' };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of data.rows) ws.addRow({ ...r, level: GROUP_LEVEL_LABELS[r.level] });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
