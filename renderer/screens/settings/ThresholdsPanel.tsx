// 三重一大 标准 (R2): the amount in force per category today, its history, and a new amount
// from a date. Earlier rows stay: an item is judged by the amount in force on its own day.
import { useState, type FormEvent } from 'react';
import { MAJOR_CATEGORIES } from '../../../db/terms';
import { formatAmount, formatDate, todayInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useRead } from './useRead';
import { RuleTag } from '../../components/RuleTag';

export function ThresholdsPanel() {
  const { org } = useOverview();
  const list = useRead('thresholds.list', { orgId: org.id });
  const [category, setCategory] = useState<(typeof MAJOR_CATEGORIES)[number]>('大额资金使用');
  const [amount, setAmount] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(todayInput());
  const add = useCommand(async () => {
    await call('thresholds.add', { orgId: org.id, category, amount: amount.trim() === '' ? (undefined as never) : Number(amount), effectiveFrom });
    notify('ok', `${category}的标准已调整为 ${Number(amount).toLocaleString('zh-CN')} 元，自${formatDate(effectiveFrom)}起执行。`);
    setAmount('');
    await list.reload();
  });
  const rows = list.value?.rows ?? [];
  return (
    <div className="grid-main-side">
      <section className="card" aria-labelledby="thr-title">
        <h2 id="thr-title">三重一大标准（今日执行）</h2>
        <p className="muted small">金额达到标准的议题即为三重一大，只能由党组织会议集体决定<RuleTag rule="R2" />。各校一般在 5,000 至 50,000 元之间。</p>
        <table className="list">
          <thead><tr><th>类别</th><th>标准</th></tr></thead>
          <tbody>
            {(list.value?.inForce ?? []).map((t) => (
              <tr key={t.category} data-threshold={t.category}><td>{t.category}</td><td className="num">{formatAmount(t.amount)}</td></tr>
            ))}
          </tbody>
        </table>
        <details className="history" open={rows.length > MAJOR_CATEGORIES.length}>
          <summary>调整记录（{rows.length}条）</summary>
          <table className="list small">
            <thead><tr><th>类别</th><th>标准</th><th>执行日期</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}><td>{r.category}</td><td className="num">{formatAmount(r.amount)}</td><td>{r.effectiveFrom <= '2000-01-01' ? '初始设置' : formatDate(r.effectiveFrom)}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
      <form className="card" aria-label="调整三重一大标准" onSubmit={(e: FormEvent) => { e.preventDefault(); void add.run(); }} noValidate>
        <h2>调整标准</h2>
        <div className="form">
          <Field label="类别" required wide error={errorFor(add.error, 'category')}>
            <select value={category} onChange={(e) => setCategory(e.target.value as typeof category)}>
              {MAJOR_CATEGORIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </Field>
          <Field label="新标准（元）" required error={errorFor(add.error, 'amount')}>
            <input type="number" min={1} step={1} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <Field label="执行日期" required error={errorFor(add.error, 'effectiveFrom')}>
            <input type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
          </Field>
        </div>
        <FormError error={add.error} fields={['category', 'amount', 'effectiveFrom']} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={add.busy}>保存新标准</button>
        </div>
      </form>
    </div>
  );
}
