// 集团工作台: the 集团党委's view over its campuses — per campus the numbers the core counted
// (group.overview), a chart comparing them, a click through to the campus, and the summary as
// a one-page PDF or an Excel sheet.
import { lazy, Suspense, useEffect, useState } from 'react';
import { GROUP_FIGURES, GROUP_FIGURE_LABELS, GROUP_LEVEL_LABELS } from '../../../db/terms';
import { ExportProgress, useExport, type ExportJob } from '../../components/export';
import { ExportButton } from '../../components/export/ExportButton';
import { FormError } from '../../forms/FormError';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../../ledger-client';
import { useOrgs } from '../../stores/orgs';

const GroupChart = lazy(() => import('./GroupChart'));
type View = NonNullable<OutputOf<'group.overview'>>;

export function GroupPanel() {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const switchTo = useOrgs((s) => s.switchTo);
  const exporter = useExport();
  useEffect(() => {
    call('group.overview', {}).then(setView, (e) => setError(errorInfo(e)));
  }, []);
  if (error) return <FormError error={error} />;
  if (!view || view.rows.length < 2) return null;
  const pdf: ExportJob = { label: '集团工作台 PDF', kind: 'pdf', make: () => call('documents.groupHtml', { year: view.year }) };
  const xlsx: ExportJob = { label: '集团工作台 Excel', kind: 'xlsx', make: () => call('documents.groupXlsx', { year: view.year }) };
  return (
    <section className="card group-panel" aria-label="集团工作台">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>集团工作台（{view.year}年）</h2>
        <span className="row">
          <ExportButton exporter={exporter} job={pdf}>导出 PDF</ExportButton>
          <ExportButton exporter={exporter} job={xlsx}>导出 Excel</ExportButton>
        </span>
      </div>
      <ExportProgress state={exporter.state} />
      <div className="table-wrap">
        <table className="table" data-testid="group-table">
          <thead>
            <tr>
              <th>组织</th>
              {GROUP_FIGURES.map((f) => <th key={f}>{GROUP_FIGURE_LABELS[f]}</th>)}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.orgId}>
                <td>
                  <button className="linklike" onClick={() => void switchTo(r.orgId)} title={`切换到${r.name}`}>{r.name}</button>
                  <span className="muted small">（{GROUP_LEVEL_LABELS[r.level]}）</span>
                </td>
                {GROUP_FIGURES.map((f) => <td key={f} className={r[f] > 0 && (f === 'overdueFollowUps' || f === 'openEmergencies') ? 'bad' : undefined}>{r[f]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Suspense fallback={<div className="muted">正在加载图表…</div>}>
        <GroupChart rows={view.rows} />
      </Suspense>
    </section>
  );
}
