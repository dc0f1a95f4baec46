// One 督办事项: its reports, then 报告进展 / 督办, 延期, 调整承办, 办结, and 评价 (R18: 一般/差
// opens a 修正 item). The status badge and the history (延期, 调整承办) come from the core.
import { useState } from 'react';
import { History } from '../../components/History';
import { ExportProgress, useExport } from '../../components/export';
import { call } from '../../ledger-client';
import { RuleTag } from '../../components/RuleTag';
import { formatDate, formatDateTime } from '../../dates';
import type { FollowUpView } from '../../stores/followups';
import { useNav } from '../../stores/nav';
import { useOverview } from '../../stores/org';
import { ExtendForm, ReassignForm } from './ChangeForms';
import { EvaluateForm } from './EvaluateForm';
import { CompleteForm, ReportForm } from './ReportForms';

type Action = 'report' | 'complete' | 'evaluate' | 'extend' | 'reassign' | null;

/** The status badge's tone; the label is the core's (FOLLOW_UP_STATUS_LABELS). */
const TONE: Record<string, string> = { open: 'info', overdue: 'bad', done: 'ok', evaluated: 'ok' };

/** A follow-up's 进展 and 督办 reports, oldest first (the 督办 card and a campus's 集团交办 page). */
export function ReportTimeline({ reports }: { reports: readonly { id: number; kind: string; text: string; at: string; operator: string }[] }) {
  return (
    <ol className="timeline" style={{ marginTop: 10 }}>
      {reports.map((r) => (
        <li key={r.id}>
          <div>{r.kind === 'supervision' ? '督办' : '进展'}：{r.text}</div>
          <div className="muted small">{formatDateTime(r.at)} · {r.operator}</div>
        </li>
      ))}
    </ol>
  );
}

export function FollowUpCard({ followUp: f, onChanged }: { followUp: FollowUpView; onChanged(): void }) {
  const overview = useOverview();
  const go = useNav((s) => s.go);
  const [action, setAction] = useState<Action>(null);
  // 督办通知单 (催办单 once overdue) as a PDF through the shell's print path.
  const exporter = useExport();
  const notice = f.status === 'overdue' ? '催办单' : '督办通知单';
  const done = f.state === 'done';
  const finish = () => {
    setAction(null);
    onChanged();
  };
  const cancel = () => setAction(null);
  return (
    <section className="card" data-followup={f.task}>
      <div className="card-head">
        <h3>{f.task}</h3>
        <div className="actions">
          {f.campusName && <span className="badge info" data-testid="handed-campus">交{f.campusName}落实</span>}
          <span className={`badge ${TONE[f.status] ?? ''}`}>{f.statusLabel}{f.status === 'overdue' ? `${f.daysOverdue}天` : ''}</span>
          {f.rating && <span className={`badge ${f.rating === '一般' || f.rating === '差' ? 'bad' : 'ok'}`}>评价：{f.rating}</span>}
        </div>
      </div>
      <dl className="facts">
        <dt>承办部门</dt>
        <dd>{f.ownerDept}{f.ownerName ? ` · 责任人 ${f.ownerName}` : ''}</dd>
        <dt>分管领导</dt>
        <dd>{f.leaderName ?? '—'}</dd>
        <dt>完成时限</dt>
        <dd>{formatDate(f.deadline)}</dd>
        {done && (
          <>
            <dt>办结</dt>
            <dd>{formatDate(f.completedAt)}：{f.completionNote}</dd>
          </>
        )}
        {f.effect && (
          <>
            <dt>评价</dt>
            <dd>{f.rating}：{f.effect}</dd>
          </>
        )}
      </dl>
      {f.correctionItemId && (
        <div className="notice warn" data-testid="correction-opened">
          评价为「{f.rating}」，已启动修正议题<RuleTag rule="R18" />：
          <button className="linklike" onClick={() => go({ section: 'items', id: f.correctionItemId! })}>查看修正议题</button>
        </div>
      )}
      {f.reports.length > 0 && <ReportTimeline reports={f.reports} />}
      <History title="延期与调整记录" rows={f.history} open />
      <ExportProgress state={exporter.state} />
      {action === 'report' && <ReportForm followUpId={f.id} onDone={finish} onCancel={cancel} />}
      {action === 'extend' && <ExtendForm followUp={f} onDone={finish} onCancel={cancel} />}
      {action === 'reassign' && <ReassignForm followUp={f} onDone={finish} onCancel={cancel} />}
      {action === 'complete' && <CompleteForm followUpId={f.id} onDone={finish} onCancel={cancel} />}
      {action === 'evaluate' && <EvaluateForm followUpId={f.id} defaultEvaluator={overview.secretary?.id ?? null} onDone={finish} onCancel={cancel} />}
      {action === null && (
        <div className="form-actions">
          {!done && <button className="btn" onClick={() => setAction('report')}>报告进展</button>}
          {!done && <button className="btn" onClick={() => setAction('extend')}>延期…</button>}
          {!done && <button className="btn" onClick={() => setAction('reassign')}>调整承办…</button>}
          {!done && <button className="btn" onClick={() => setAction('complete')}>办结</button>}
          {!done && (
            <button className="btn" disabled={exporter.busy} onClick={() => void exporter.run({ label: `${notice} PDF`, kind: 'pdf', make: () => call('documents.supervisionHtml', { followUpId: f.id }) })}>
              {notice}（PDF）
            </button>
          )}
          {!done && (
            <button className="btn" disabled={exporter.busy} onClick={() => void exporter.run({ label: `${notice} Word`, kind: 'docx', make: () => call('documents.supervisionDocx', { followUpId: f.id }) })}>
              {notice}（Word）
            </button>
          )}
          {done && !f.evaluationId && <button className="btn primary" onClick={() => setAction('evaluate')}>评价</button>}
        </div>
      )}
    </section>
  );
}
