// XLSX 议事决策台账 with exceljs. Sheet 1: one row per decision (or undecided item) — 序号, meeting
// and its date, the item, 三重一大, 金额（元）, 应到/实到, the vote and its result, the decision,
// how many follow-ups, status and evaluation (R17, R18). Sheet 2: one row per follow-up (owner,
// 分管领导, deadline, status, evaluation), linked to sheet 1 by its 序号. Dates are real Excel dates
// shown as 2026年3月25日, so they sort and filter; amounts are numbers. Each sheet has a title row
// with the school and year, a frozen header with a filter, and prints on A4 landscape, one page
// wide, with the title and header repeated on every page.
import ExcelJS from 'exceljs';
import type { RegisterSheet } from './model';
import { registerTitle } from './wording';

/** 2026年3月25日, as Excel and WPS show a date cell (the value stays a date). */
export const CN_DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const AMOUNT_FORMAT = '#,##0';

export const LEDGER_COLUMNS = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'meeting', header: '会议', width: 18 },
  { key: 'date', header: '会议日期', width: 15 },
  { key: 'position', header: '议题序号', width: 8 },
  { key: 'item', header: '议题', width: 28 },
  { key: 'matter', header: '事项类别', width: 14 },
  { key: 'major', header: '三重一大', width: 14 },
  { key: 'amount', header: '金额（元）', width: 13 },
  { key: 'due', header: '应到', width: 6 },
  { key: 'present', header: '实到', width: 6 },
  { key: 'method', header: '表决方式', width: 11 },
  { key: 'for', header: '同意', width: 6 },
  { key: 'against', header: '不同意', width: 7 },
  { key: 'abstain', header: '弃权', width: 6 },
  { key: 'result', header: '表决结果', width: 10 },
  { key: 'decision', header: '决定事项', width: 34 },
  { key: 'followUps', header: '督办事项（项）', width: 9 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'evaluation', header: '评价', width: 22 },
] as const;

export const FOLLOW_UP_COLUMNS = [
  { key: 'no', header: '台账序号', width: 8 },
  { key: 'meeting', header: '会议', width: 22 },
  { key: 'decision', header: '决定事项', width: 34 },
  { key: 'task', header: '督办任务', width: 26 },
  { key: 'dept', header: '承办部门', width: 14 },
  { key: 'owner', header: '责任人', width: 9 },
  { key: 'leader', header: '分管领导', width: 9 },
  { key: 'deadline', header: '完成时限', width: 15 },
  { key: 'state', header: '状态', width: 8 },
  { key: 'completed', header: '办结日期', width: 15 },
  { key: 'rating', header: '评价等次', width: 8 },
  { key: 'effect', header: '评价意见', width: 30 },
] as const;

/** An ISO date as an Excel date (midnight UTC: exceljs writes the serial from UTC). */
function excelDate(iso: string | null | undefined): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
}

/** Title row, header row, widths, frozen header with a filter, A4 landscape with both rows repeated. */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: readonly { key: string; header: string; width: number }[], rows: number) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: '黑体', size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const header = ws.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true, name: '黑体' };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 30;
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, rows + 2), column: columns.length } };
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:2',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return ws;
}

export async function registerXlsx(data: RegisterSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '议事台账';
  wb.created = new Date(`${data.exportedOn}T00:00:00`);

  const main = sheet(wb, '议事决策台账', registerTitle(data), LEDGER_COLUMNS, data.rows.length);
  data.rows.forEach((r, i) => {
    const row = main.addRow({
      no: i + 1,
      meeting: r.meetingLabel,
      date: excelDate(r.meetingDate),
      position: r.itemPosition,
      item: r.itemTitle,
      matter: r.matter,
      major: r.major ? `是${r.majorCategory ? `（${r.majorCategory}）` : ''}` : '否',
      amount: r.amount ?? null,
      due: r.due ?? null,
      present: r.present ?? null,
      method: r.voteMethod ?? '',
      for: r.votesFor ?? null,
      against: r.votesAgainst ?? null,
      abstain: r.votesAbstain ?? null,
      result: r.result,
      decision: r.decisionText ? `${r.decisionNumber ? `第${r.decisionNumber}项：` : ''}${r.decisionText}` : '',
      followUps: r.followUps.length || null,
      status: r.status,
      evaluation: r.evaluation ? `${r.evaluation.rating}：${r.evaluation.effect}` : '',
    });
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell('date').numFmt = CN_DATE_FORMAT;
    row.getCell('amount').numFmt = AMOUNT_FORMAT;
    // R17: a follow-up past its deadline and not done marks the row.
    if (r.followUps.some((f) => f.state === '逾期')) row.getCell('status').font = { color: { argb: 'FFC00000' }, bold: true };
  });

  const fus = data.rows.flatMap((r, i) => r.followUps.map((f) => ({ no: i + 1, r, f })));
  const second = sheet(wb, '督办事项', `${data.orgName}${data.year}年决定事项督办台账`, FOLLOW_UP_COLUMNS, fus.length);
  for (const { no, r, f } of fus) {
    const row = second.addRow({
      no,
      meeting: r.meetingLabel,
      decision: r.decisionText ?? r.itemTitle,
      task: f.task,
      dept: f.ownerDept,
      owner: f.ownerName ?? '',
      leader: f.leaderName ?? '',
      deadline: excelDate(f.deadline),
      state: f.state,
      completed: excelDate(f.completedOn),
      rating: f.evaluation?.rating ?? '',
      effect: f.evaluation?.effect ?? '',
    });
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell('deadline').numFmt = CN_DATE_FORMAT;
    row.getCell('completed').numFmt = CN_DATE_FORMAT;
    if (f.state === '逾期') row.getCell('state').font = { color: { argb: 'FFC00000' }, bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
