// The loop's tiles as the core counts and labels them (loop.status: one vocabulary, each tile's
// item states); clicking one opens the 议题 list filtered by those states.
import { FUNNEL_STEP_LABELS } from '../../../db/terms';
import type { LoopStatus } from '../../stores/loop';
import { useItems } from '../../stores/items';
import { useNav } from '../../stores/nav';

/** The five phases of the loop (seed001) and the stages of loop.status that belong to each. */
const PHASES = [
  { label: '决策', hint: '事前沟通、上会', keys: ['consult', 'postponed', 'ready', 'scheduled', 'passed', 'notPassed', 'withdrawn'] },
  { label: '执行', hint: FUNNEL_STEP_LABELS.followUp, keys: ['followUp'] },
  { label: '监督', hint: '逾期催办、听取报告', keys: ['overdue', 'noted'] },
  { label: '评价', hint: '办结评价', keys: ['evaluated'] },
  { label: '修正', hint: '修正、闭环', keys: ['corrected', 'closed'] },
];

const ALERT = new Set(['overdue', 'postponed']);

export function LoopStages({ stages }: { stages: LoopStatus['stages'] }) {
  const go = useNav((s) => s.go);
  const open = (stage: LoopStatus['stages'][number]) => {
    if (stage.states.length === 0) {
      go({ section: 'followups' });
      return;
    }
    useItems.setState({ filter: { states: [...stage.states], search: '' } });
    go({ section: 'items' });
  };
  return (
    <section className="card" aria-labelledby="loop-title">
      <div className="card-head">
        <h2 id="loop-title">闭环进度</h2>
        <span className="muted small">决策 → 执行 → 监督 → 评价 → 修正；点击查看对应议题</span>
      </div>
      <div className="loop">
        {PHASES.map((phase) => (
          <div key={phase.label} className="phase">
            <h3>
              {phase.label}
              <span>{phase.hint}</span>
            </h3>
            {phase.keys.map((key) => {
              const s = stages.find((x) => x.key === key);
              if (!s) return null;
              return (
                <button key={key} className={`stage${ALERT.has(key) && s.count > 0 ? ' alert' : ''}`} data-stage={key} onClick={() => open(s)}>
                  <span className="label">{s.label}</span>
                  <span className="count num">{s.count}</span>
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
