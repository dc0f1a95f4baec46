// 集团交办 (集团化办学): a 集团党委's decision handed to this campus, as the campus sees it — the
// 集团's decision, the task with its 承办 and 完成时限, the progress reported so far, and what the
// core lets the campus do (报告进展, 办结: group.handed → actions). 延期, 调整承办 and 评价 are
// the 集团's, on its own 督办 page.
import { useCallback, useEffect, useState } from 'react';
import { formatDate } from '../../dates';
import { FormError } from '../../forms/FormError';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../../ledger-client';
import { ReportTimeline } from './FollowUpCard';
import { CompleteForm, ReportForm } from './ReportForms';

type Handed = OutputOf<'group.handed'>;
const TONE: Record<string, string> = { open: 'info', overdue: 'bad', done: 'ok', evaluated: 'ok' };

export function HandedPanel({ followUpId, onChanged }: { followUpId: number; onChanged(): void }) {
  const [view, setView] = useState<Handed | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const [action, setAction] = useState<'report' | 'complete' | null>(null);
  const load = useCallback(async () => {
    try {
      setView(await call('group.handed', { followUpId }));
      setError(null);
    } catch (e) {
      setError(errorInfo(e));
    }
  }, [followUpId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <FormError error={error} />;
  if (!view) return <div className="empty">正在读取…</div>;
  const f = view.followUp;
  const finish = () => {
    setAction(null);
    void load();
    onChanged();
  };
  return (
    <div data-testid="handed-panel">
      <section className="card">
        <div className="card-head">
          <h2>{view.groupName}交办</h2>
          <div className="actions">
            <span className={`badge ${TONE[f.status] ?? ''}`}>{f.statusLabel}{f.status === 'overdue' ? `${f.daysOverdue}天` : ''}</span>
          </div>
        </div>
        <p className="muted small">{view.meetingLabel}（{formatDate(view.decidedOn)}）决定事项第{view.decision.number}号</p>
        <p>{view.decision.text}</p>
        <div className="muted small">议题：{view.itemTitle}</div>
      </section>
      <section className="card" data-followup={f.task}>
        <h3>{f.task}</h3>
        <dl className="facts">
          <dt>承办部门</dt>
          <dd>{f.ownerDept}</dd>
          <dt>完成时限</dt>
          <dd>{formatDate(f.deadline)}</dd>
          {f.state === 'done' && (
            <>
              <dt>办结</dt>
              <dd>{formatDate(f.completedAt)}：{f.completionNote}</dd>
            </>
          )}
          {f.effect && (
            <>
              <dt>集团评价</dt>
              <dd>{f.rating}：{f.effect}</dd>
            </>
          )}
        </dl>
        {f.reports.length > 0 ? (
          <ReportTimeline reports={f.reports} />
        ) : (
          <p className="muted small">还没有报告进展。</p>
        )}
        {action === 'report' && <ReportForm followUpId={f.id} onDone={finish} onCancel={() => setAction(null)} />}
        {action === 'complete' && <CompleteForm followUpId={f.id} onDone={finish} onCancel={() => setAction(null)} />}
        {action === null && (view.actions.report || view.actions.complete) && (
          <div className="form-actions">
            {view.actions.report && <button className="btn primary" onClick={() => setAction('report')}>报告进展</button>}
            {view.actions.complete && <button className="btn" onClick={() => setAction('complete')}>办结</button>}
          </div>
        )}
        {f.state === 'done' && !f.evaluationId && <p className="muted small">已办结，等待{view.groupName}评价。</p>}
      </section>
    </div>
  );
}
