// XLSX 议事决策台账 with exceljs: one row per decision (or undecided item) with its meeting, matter,
// 三重一大 flag, vote counts, result, follow-ups with deadlines, status and evaluation (R17, R18).
// Frozen header and an autofilter so the office can sort and filter in Excel/WPS.
import ExcelJS from 'exceljs';
import type { LedgerSheet } from './model';
import { cnDate } from './page';

export const LEDGER_COLUMNS = [
  { key: 'meeting', header: '会议', width: 24 },
  { key: 'date', header: '会议日期', width: 16 },
  { key: 'position', header: '议题序号', width: 9 },
  { key: 'item', header: '议题', width: 36 },
  { key: 'matter', header: '事项类别', width: 20 },
  { key: 'major', header: '三重一大', width: 16 },
  { key: 'method', header: '表决方式', width: 11 },
  { key: 'for', header: '同意', width: 7 },
  { key: 'against', header: '反对', width: 7 },
  { key: 'abstain', header: '弃权', width: 7 },
  { key: 'result', header: '结果', width: 10 },
  { key: 'decision', header: '决定事项', width: 40 },
  { key: 'followUps', header: '督办事项（承办/责任人）', width: 40 },
  { key: 'deadlines', header: '完成时限', width: 18 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'evaluation', header: '评价', width: 30 },
] as const;

export async function ledgerXlsx(sheet: LedgerSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '议事台账';
  wb.created = new Date(`${sheet.exportedOn}T00:00:00`);
  const ws = wb.addWorksheet('议事决策台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  for (const r of sheet.rows) {
    ws.addRow({
      meeting: r.meetingLabel,
      date: cnDate(r.meetingDate),
      position: r.itemPosition,
      item: r.itemTitle,
      matter: r.matter,
      major: r.major ? `是${r.majorCategory ? `（${r.majorCategory}）` : ''}` : '否',
      method: r.voteMethod ?? '',
      for: r.votesFor ?? null,
      against: r.votesAgainst ?? null,
      abstain: r.votesAbstain ?? null,
      result: r.result,
      decision: r.decisionText ? `${r.decisionNumber ? `第${r.decisionNumber}项：` : ''}${r.decisionText}` : '',
      followUps: r.followUps.map((f) => `${f.task}（${f.ownerDept}${f.ownerName ? `/${f.ownerName}` : ''}，${f.state}）`).join('\n'),
      deadlines: r.followUps.map((f) => cnDate(f.deadline)).join('\n'),
      status: r.status,
      evaluation: r.evaluation ? `${r.evaluation.rating}：${r.evaluation.effect}` : '',
    });
  }
  const header = ws.getRow(1);
  header.font = { bold: true, name: '黑体' };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  header.height = 22;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    row.alignment = { vertical: 'top', wrapText: true };
    const overdue = sheet.rows[n - 2]?.followUps.some((f) => f.state === '逾期');
    if (overdue) row.getCell('status').font = { color: { argb: 'FFC00000' }, bold: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rows.length + 1), column: LEDGER_COLUMNS.length } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  ws.headerFooter = { oddHeader: `&C${sheet.orgName} ${sheet.title}`, oddFooter: '&C— &P —' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
