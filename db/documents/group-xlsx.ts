// The 集团工作台 as an Excel sheet: exceljs is loaded with the other document makers (./office.ts).
import ExcelJS from 'exceljs';
import { GROUP_FIGURES, GROUP_FIGURE_LABELS, GROUP_LEVEL_LABELS } from '../terms';
import { groupTitle, type GroupSheet } from './group';

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
