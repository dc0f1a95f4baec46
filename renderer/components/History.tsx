// 更正记录 beside a record: what was put right, before → after, why, who and when. The rows come
// from the core (amendmentsOf); this only lays them out. Nothing shows when there is none.
import { formatDate, formatDateTime } from '../dates';

export interface HistoryRow {
  id: number;
  actionLabel: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  approvedBy: string | null;
  at: string;
  operator: string;
}

/** Field names of the core's before/after, in words. */
const FIELD: Record<string, string> = {
  title: '名称',
  summary: '内容',
  matterId: '议事清单事项',
  proposerId: '提出人',
  leaderId: '分管领导',
  amount: '金额',
  important: '重要事项',
  materialsReadyAt: '材料送达日期',
  startsAt: '会议时间',
  place: '地点',
  hostId: '主持人',
  recorderId: '记录人',
  name: '姓名',
  department: '部门',
  active: '在职',
  deadline: '完成时限',
  ownerDept: '承办部门',
  owner: '责任人',
  stance: '表态',
  note: '发言要点',
  state: '状态',
};

const SHOWN = new Set(Object.keys(FIELD));

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v);
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return '';
}

/** "地点：学校会议室 → 第二会议室" for each field both sides name (ids and lists are left to the action's label). */
function change(before: unknown, after: unknown): string {
  const b = (before && typeof before === 'object' && !Array.isArray(before) ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' && !Array.isArray(after) ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => SHOWN.has(k) && k !== 'state');
  return keys
    .filter((k) => value(b[k]) !== '' || value(a[k]) !== '')
    .map((k) => (k in b && k in a ? `${FIELD[k]}：${value(b[k])} → ${value(a[k])}` : k in a ? `${FIELD[k]}：${value(a[k])}` : `${FIELD[k]}：${value(b[k])}`))
    .join('；');
}

export function History({ title = '更正记录', rows }: { title?: string; rows: HistoryRow[] }) {
  if (rows.length === 0) return null;
  return (
    <details className="history" open={rows.length <= 3}>
      <summary>
        {title}（{rows.length}）
      </summary>
      <ul className="history-list">
        {rows.map((h) => {
          const what = change(h.before, h.after);
          return (
            <li key={h.id} data-history={h.actionLabel}>
              <span className="change">
                <strong>{h.actionLabel}</strong>
                {what && `：${what}`}
                {h.reason && `（原因：${h.reason}）`}
                {h.approvedBy && `，${h.approvedBy}批准`}
              </span>
              <div className="who">
                {formatDateTime(h.at)} · {h.operator}
              </div>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
