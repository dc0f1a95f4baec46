// The district summary as an Excel workbook (exceljs is loaded with the other document makers,
// ./office.ts): sheet 各校指标, one row per school with the indicators as numbers (so a column
// sorts and filters as numbers), the header frozen and filterable; sheet 说明, the period, what
// each column means and the bundles the figures come from.
import ExcelJS from 'exceljs';
import type { IndicatorKey } from '../terms';
import { districtSummaryTitle, type DistrictSummaryDoc } from './district';
import { cnDate } from './page';

/** How each indicator is written in a cell: shares as 99.9%, counts as whole numbers. */
const FORMAT: Record<IndicatorKey, string> = {
  consultedShare: '0.0"%"',
  majorRoutedShare: '0.0"%"',
  meetingsPerMonth: '0.0',
  firstTopicShare: '0.0"%"',
  quorumProblems: '0',
  noFollowUp: '0',
  overdueFollowUps: '0',
  corrections: '0',
  emergencyInTime: '0.0"%"',
  minutesDays: '0.0',
  minutesLate: '0',
};

/** The column headers: the screen's labels, the unit where the number alone would not say it. */
const HEADER: Partial<Record<IndicatorKey, string>> = {
  meetingsPerMonth: '月均会议次数（次）',
  quorumProblems: '到会人数不足（次）',
  noFollowUp: '决定未安排督办（项）',
  overdueFollowUps: '督办逾期（项）',
  corrections: '纠正已开（项）',
  minutesDays: '会后签发纪要平均天数（天）',
  minutesLate: '纪要迟签（超过7天，次）',
};

export async function districtXlsx(doc: DistrictSummaryDoc): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '议事台账';
  wb.created = new Date(`${doc.madeOn}T00:00:00`);
  const columns = [
    { key: 'name', header: '学校', width: 24 },
    { key: 'covered', header: '报送期间', width: 30 },
    { key: 'bundles', header: '报送包（个）', width: 10 },
    ...doc.columns.flatMap((c) => {
      const col = { key: c.key, header: HEADER[c.key] ?? c.label, width: 14, numFmt: FORMAT[c.key] };
      return c.key === 'corrections' ? [col, { key: 'correctionsClosed', header: '纠正已结（项）', width: 14, numFmt: '0' }] : [col];
    }),
    { key: 'attention', header: '需要关注', width: 40 },
  ];
  const ws = wb.addWorksheet('各校指标', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.key, header: c.header, width: c.width, style: 'numFmt' in c ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { bold: true, name: '黑体' };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 36;
  const reasons = new Map(doc.attention.map((a) => [a.name, a.reasons.join('；')]));
  for (const r of doc.rows) {
    const values = Object.fromEntries(doc.columns.map((c) => [c.key, r.bundles ? r.values[c.key] : null]));
    ws.addRow({ name: r.name, covered: r.covered, bundles: r.bundles, ...values, correctionsClosed: r.bundles ? r.values.correctionsClosed : null, attention: reasons.get(r.name) ?? '' });
  }
  // 排序和筛选 on every column header.
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };

  const notes = wb.addWorksheet('说明', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  notes.columns = [{ width: 22 }, { width: 30 }, { width: 26 }, { width: 20 }, { width: 20 }, { width: 18 }, { width: 20 }];
  const line = (...cells: (string | number)[]) => notes.addRow(cells);
  const title = line(districtSummaryTitle(doc));
  title.font = { name: '黑体', size: 14 };
  line('区域', doc.district);
  line('统计期间', doc.period);
  line('制表日期', cnDate(doc.madeOn));
  line('登记学校', `${doc.rows.length}所`);
  line('已报送学校', `${doc.rows.filter((r) => r.bundles > 0).length}所`);
  // The two long sentences across the source table's width, wrapped, so they print whole.
  const long = (label: string, text: string) => {
    const row = line(label, text);
    notes.mergeCells(row.number, 2, row.number, 7);
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = 36;
  };
  long('说明', '各项指标由各校签名报送包中的记录计算，导入时已核验签名和存证链；被更正包替换的报送包不计入。空白表示该校尚未报送或没有可计算的记录。');
  long('需要关注', '三重一大事项未经党组织会议决定、会前沟通在后、到会人数不足、决定未安排督办、督办逾期、临时处置未按时报告、第一议题未学习、纪要会后超过7天签发。');
  line();
  const head = line('数据来源：学校', '报送期间', '起止日期', '制作时间', '导入时间', '存证链', '存证码');
  head.font = { bold: true, name: '黑体' };
  for (const s of doc.sources) line(s.school, s.period, s.range, s.madeAt, s.importedAt, s.chain, s.code);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
