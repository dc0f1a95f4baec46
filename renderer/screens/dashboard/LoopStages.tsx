import type { ItemState } from '../../../db/terms';
import type { LoopStatus } from '../../stores/loop';
import { useItems } from '../../stores/items';
import { useNav } from '../../stores/nav';

/** Item states behind each stage tile, for jumping to the filtered 议题 list. */
const STATES: Record<string, ItemState[]> = {
  consult: ['draft', 'consultation', 'vote_postponed'],
  postponed: ['postponed'],
  ready: ['ready'],
  scheduled: ['scheduled', 'discussed'],
  decided: ['passed', 'not_passed'],
  followUp: ['follow_up'],
  evaluated: ['evaluated'],
  corrected: ['corrected'],
  closed: ['closed'],
};

export function LoopStages({ stages }: { stages: LoopStatus['stages'] }) {
  const go = useNav((s) => s.go);
  const open = (key: string) => {
    if (key === 'overdue') {
      go({ section: 'followups' });
      return;
    }
    useItems.setState({ filter: { states: STATES[key], search: '' } });
    go({ section: 'items' });
  };
  return (
    <section className="card" aria-labelledby="loop-title">
      <div className="card-head">
        <h2 id="loop-title">闭环进度</h2>
        <span className="muted small">点击数字查看对应议题</span>
      </div>
      <div className="loop-phases" aria-hidden="true">
        <span>决策</span>
        <span>执行</span>
        <span>监督</span>
        <span>评价</span>
        <span>修正</span>
      </div>
      <div className="loop">
        {stages.map((s) => (
          <button
            key={s.key}
            className={`stage${s.key === 'overdue' && s.count > 0 ? ' alert' : ''}${s.key === 'postponed' && s.count > 0 ? ' alert' : ''}`}
            data-stage={s.key}
            onClick={() => open(s.key)}
            style={{ textAlign: 'left', font: 'inherit', cursor: 'pointer' }}
          >
            <div className="label">{s.label}</div>
            <div className="count num">{s.count}</div>
          </button>
        ))}
      </div>
    </section>
  );
}
