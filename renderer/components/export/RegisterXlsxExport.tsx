// 台账 (XLSX) of one year: every agenda entry of the meetings held, with votes, decisions,
// follow-ups (R17 逾期 in red) and evaluations (R18). Saved with window.host.saveFile.
import { useState } from 'react';
import { call } from '../../ledger-client';
import { ExportButton } from './ExportButton';
import { ExportProgress } from './ExportProgress';
import { useExport, type ExportJob } from './useExport';
import './export.css';

export function RegisterXlsxExport({ orgId, year: initialYear }: { orgId: number; year?: number }) {
  const exporter = useExport();
  const [year, setYear] = useState(initialYear ?? new Date().getFullYear());
  const [rows, setRows] = useState<number | null>(null);
  const job: ExportJob<{ base64: string; fileName: string; rows: number }> = {
    label: `${year}年台账 Excel`,
    kind: 'xlsx',
    make: () => call('documents.registerXlsx', { orgId, year }),
    onMade: (made) => setRows(made.rows),
  };
  return (
    <section className="card" aria-label="导出台账">
      <h2>导出台账（Excel）</h2>
      <div className="row">
        <label htmlFor="ledger-year">年度</label>
        <input id="ledger-year" type="number" min={2000} max={2100} value={year} style={{ width: 90 }} onChange={(e) => setYear(Number(e.target.value))} />
        <ExportButton exporter={exporter} job={job} primary>导出 {year} 年台账</ExportButton>
      </div>
      <p className="muted small" style={{ marginTop: 6 }}>每个议题一行：表决、决定事项、督办事项与时限（逾期标红）、状态和评价。</p>
      {rows !== null && exporter.state.status !== 'running' && <p className="small" data-testid="ledger-rows">本次导出 {rows} 行。</p>}
      <ExportProgress state={exporter.state} />
    </section>
  );
}

/** The same export as a toolbar button for the 台账 screen, which already has its year filter. */
export function LedgerXlsxButton({ orgId, year }: { orgId: number; year: number }) {
  const exporter = useExport();
  const job: ExportJob = { label: `${year}年台账 Excel`, kind: 'xlsx', make: () => call('documents.registerXlsx', { orgId, year }) };
  return (
    <span className="export-inline">
      <ExportButton exporter={exporter} job={job}>导出 Excel</ExportButton>
      {exporter.state.status !== 'idle' && (
        <div className="export-pop card">
          <button className="linklike export-close" aria-label="关闭导出提示" onClick={exporter.reset}>×</button>
          <ExportProgress state={exporter.state} />
        </div>
      )}
    </span>
  );
}
