import { formatDate } from '../../dates';
import type { ItemDetail } from '../../stores/items';

const TONE: Record<string, string> = { 同意: 'ok', 不同意: 'bad', 保留意见: 'warn' };

export function ConsultationHistory({ consultations }: { consultations: ItemDetail['consultations'] }) {
  if (consultations.length === 0) return <p className="muted">还没有沟通记录。书记与校长当面或电话沟通后，在下面记录双方意见。</p>;
  return (
    <ol className="timeline">
      {consultations.map((c) => (
        <li key={c.id} data-consultation={c.outcome}>
          <div>
            {formatDate(c.date)} · {c.kind === 'deliberation' ? '酝酿' : '会前沟通'}（{c.form}）·{' '}
            <strong>{c.outcomeLabel}</strong>
          </div>
          <div className="row small">
            {c.stances.map((s) => (
              <span key={s.personId}>
                {s.role} {s.name}：<span className={`badge ${TONE[s.stance] ?? ''}`}>{s.stance}</span>
                {s.note && <span className="muted">（{s.note}）</span>}
              </span>
            ))}
          </div>
          {c.note && <div className="muted small">{c.note}</div>}
        </li>
      ))}
    </ol>
  );
}
