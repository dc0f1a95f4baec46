// 报告 of the district: the 汇总报告 (PDF through the shell's printer, like every document) and the
// 汇总表 (Excel), both made by the core from the current bundles; saved only through the shell.
import { ExportProgress, useExport, type ExportJob } from '../../components/export';
import { ExportButton } from '../../components/export/ExportButton';
import { districtCall } from '../../district-client';

export function DistrictReports({ reported }: { reported: number }) {
  const exporter = useExport();
  const pdf: ExportJob = { label: '汇总报告 PDF', kind: 'pdf', make: () => districtCall('district.summaryHtml', {}) };
  const xlsx: ExportJob = { label: '汇总表 Excel', kind: 'xlsx', make: () => districtCall('district.summaryXlsx', {}) };
  return (
    <section className="card" aria-label="汇总报告">
      <div className="card-head">
        <h2>汇总报告</h2>
        <div className="actions">
          <ExportButton exporter={exporter} job={pdf} primary>汇总报告 PDF</ExportButton>
          <ExportButton exporter={exporter} job={xlsx}>汇总表 Excel</ExportButton>
        </div>
      </div>
      <p className="muted small">
        按各校有效报送包汇总（{reported > 0 ? `已报送${reported}所` : '还没有学校报送'}）：各校指标、需要关注的学校和数据来源。每所学校的巡察、督导检查表在学校详情页打印。
      </p>
      <ExportProgress state={exporter.state} />
    </section>
  );
}
