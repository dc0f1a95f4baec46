// 评价 (R18): 好 / 较好 / 一般 / 差 with the effect; 一般, 差 or a failed execution opens a 修正 item.
import { useState } from 'react';
import { RATINGS } from '../../../db/terms';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { RuleTag } from '../../components/RuleTag';

type Rating = (typeof RATINGS)[number];

export function EvaluateForm({ followUpId, defaultEvaluator, onDone, onCancel }: { followUpId: number; defaultEvaluator: number | null; onDone(): void; onCancel(): void }) {
  const overview = useOverview();
  const [rating, setRating] = useState<Rating>('好');
  const [effect, setEffect] = useState('');
  const [evaluatorId, setEvaluatorId] = useState<number | ''>(defaultEvaluator ?? '');
  const [failed, setFailed] = useState(false);
  const [correctionTitle, setCorrectionTitle] = useState('');
  const opensCorrection = rating === '一般' || rating === '差' || failed;

  const run = useCommand(async () => {
    const out = await call('evaluations.record', {
      followUpId,
      rating,
      effect,
      evaluatorId: evaluatorId === '' ? (undefined as never) : evaluatorId,
      failed,
      correctionTitle,
    });
    notify(out.correction ? 'warn' : 'ok', out.correction ? `评价已记录，已启动修正议题「${out.correction.title}」。` : '评价已记录。');
    onDone();
  });
  return (
    <div className="stack" style={{ marginTop: 12 }}>
      <div className="field">
        <span className="label">评价等次</span>
        <div className="row" role="radiogroup" aria-label="评价等次">
          {RATINGS.map((r) => (
            <button key={r} type="button" role="radio" aria-checked={rating === r} aria-pressed={rating === r} className="btn small choice" onClick={() => setRating(r)}>
              {r}
            </button>
          ))}
        </div>
      </div>
      <Field label="效果说明" required error={errorFor(run.error, 'effect')}>
        <textarea rows={2} value={effect} onChange={(e) => setEffect(e.target.value)} />
      </Field>
      <Field label="评价人" required error={errorFor(run.error, 'evaluatorId')}>
        <select value={evaluatorId} onChange={(e) => setEvaluatorId(e.target.value ? Number(e.target.value) : '')}>
          <option value="">请选择</option>
          {overview.persons.map((p) => (
            <option key={p.id} value={p.id}>{p.name}{p.posts.length ? `（${p.posts.join('、')}）` : ''}</option>
          ))}
        </select>
      </Field>
      <label className="checks">
        <input type="checkbox" checked={failed} onChange={(e) => setFailed(e.target.checked)} />
        执行未达到目标
      </label>
      {opensCorrection && (
        <>
          <div className="notice warn">评价为「一般」「差」或执行未达到目标时，将启动修正议题，重新进入议事流程<RuleTag rule="R18" />。</div>
          <Field label="修正议题名称" error={errorFor(run.error, 'correctionTitle')} help="不填则自动命名为：关于修正“原议题”的议题">
            <input type="text" value={correctionTitle} onChange={(e) => setCorrectionTitle(e.target.value)} />
          </Field>
        </>
      )}
      <FormError error={run.error} fields={['effect', 'evaluatorId', 'correctionTitle']} />
      <div className="row">
        <button className="btn primary" disabled={run.busy} onClick={() => void run.run()}>保存评价</button>
        <button className="btn" onClick={onCancel}>取消</button>
      </div>
    </div>
  );
}
