// 更正记录 beside a record: what was put right, before → after (in words the core wrote), why,
// who approved, who and when. Nothing shows when there is none.
import { formatDateTime } from '../dates';

export interface HistoryRow {
  id: number;
  actionLabel: string;
  /** The core's sentence of what changed (db/amendments.ts describeChange). */
  change: string;
  reason: string | null;
  approvedBy: string | null;
  at: string;
  operator: string;
}

export function History({ title = '更正记录', rows, open = false }: { title?: string; rows: HistoryRow[]; open?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <details className="history" open={open}>
      <summary>
        {title}（{rows.length}）
      </summary>
      <ul className="history-list">
        {rows.map((h) => (
          <li key={h.id} data-history={h.actionLabel}>
            <span className="change">
              <strong>{h.actionLabel}</strong>
              {h.change && `：${h.change}`}
              {h.reason && `（原因：${h.reason}）`}
              {h.approvedBy && `，${h.approvedBy}批准`}
            </span>
            <div className="who">
              {formatDateTime(h.at)} · {h.operator}
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
