// 议事规则设置: where the sources settle nothing, the school decides (rule book "setting"):
// R6 恰好半数, R8 回避人员 in 应到, R12 校长办公会议决定方式, R3 lead times, 纪要编号.
import { useEffect, useState, type FormEvent } from 'react';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { Field } from '../../forms/Field';
import { call, type OutputOf } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useRead } from './useRead';
import { RuleName, RuleTag } from '../../components/RuleTag';

type Values = OutputOf<'settings.get'>['values'];

function Choice<T extends string | boolean>({ label, help, value, options, onChange, rule }: { label: string; help: string; rule: string; value: T; options: [T, string][]; onChange(v: T): void }) {
  return (
    <div className="setting" role="radiogroup" aria-label={label}>
      <div>
        <strong>{label}</strong> <RuleName rule={rule} />
        <div className="muted small">{help}</div>
      </div>
      <div className="row">
        {options.map(([v, text]) => (
          <button key={String(v)} type="button" role="radio" aria-checked={value === v} aria-pressed={value === v} className="btn small choice" onClick={() => onChange(v)}>
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}

export function RulesPanel() {
  const { org } = useOverview();
  const current = useRead('settings.get', { orgId: org.id });
  const [v, setV] = useState<Values | null>(null);
  useEffect(() => {
    if (current.value) setV(current.value.values);
  }, [current.value]);
  const save = useCommand(async () => {
    const before = current.value!.values;
    const patch = Object.fromEntries(Object.entries(v!).filter(([k, x]) => before[k as keyof Values] !== x));
    await call('settings.set', { orgId: org.id, values: patch });
    notify('ok', '议事规则设置已保存，之后的会议按新设置计算。');
    await current.reload();
  });
  if (!v) return <div className="empty">正在读取…</div>;
  const set = (patch: Partial<Values>) => setV({ ...v, ...patch });
  const dirty = JSON.stringify(v) !== JSON.stringify(current.value?.values);
  return (
    <form className="card content-narrow" aria-label="议事规则设置" onSubmit={(e: FormEvent) => { e.preventDefault(); void save.run(); }} noValidate>
      <h2>议事规则设置</h2>
      <p className="muted small">规则依据未作规定之处，由学校自定。修改后只影响之后的会议，已表决事项按当时的设置留存。</p>
      <Choice
        label="恰好半数是否算“半数以上”"
        rule="R6"
        help="如 8 名成员到会 4 人。默认：不算，须超过半数。"
        value={v.halfCountsAsMajority}
        options={[[false, '不算（须超过半数）'], [true, '算']]}
        onChange={(x) => set({ halfCountsAsMajority: x })}
      />
      <Choice
        label="回避人员是否计入应到会人数"
        rule="R8"
        help="默认：不计入。影响到会人数和表决通过所需票数。"
        value={v.recusedCountInDue}
        options={[[false, '不计入'], [true, '计入']]}
        onChange={(x) => set({ recusedCountInDue: x })}
      />
      <Choice
        label="校长办公会议决定方式"
        rule="R12"
        help="《意见》：校长在听取与会人员意见后作出决定。也可按多数表决。"
        value={v.principalOfficeMode}
        options={[['principal_decides', '校长决定'], ['majority_vote', '多数表决']]}
        onChange={(x) => set({ principalOfficeMode: x })}
      />
      <Choice
        label="纪要编号方式"
        rule="R16"
        help="第N期，或〔2026〕N号。"
        value={v.minutesNumberStyle}
        options={[['期', '第N期'], ['号', '〔年〕N号']]}
        onChange={(x) => set({ minutesNumberStyle: x })}
      />
      <div className="form" style={{ marginTop: 12 }}>
        <Field label="议题提前提交天数" error={errorFor(save.error, 'values.submitLeadDays')} help={<>少于此天数提交的议题会有提醒<RuleTag rule="R3" /></>}>
          <input type="number" min={0} max={60} value={Number.isNaN(v.submitLeadDays) ? '' : v.submitLeadDays} onChange={(e) => set({ submitLeadDays: e.target.value === '' ? (NaN as never) : Number(e.target.value) })} />
        </Field>
        <Field label="材料提前送达天数" error={errorFor(save.error, 'values.materialsLeadDays')} help={<>会前至少送达的天数<RuleTag rule="R3" /></>}>
          <input type="number" min={0} max={60} value={Number.isNaN(v.materialsLeadDays) ? '' : v.materialsLeadDays} onChange={(e) => set({ materialsLeadDays: e.target.value === '' ? (NaN as never) : Number(e.target.value) })} />
        </Field>
      </div>
      <FormError error={save.error} fields={['values.submitLeadDays', 'values.materialsLeadDays']} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.busy || !dirty}>保存规则设置</button>
        {dirty && <button type="button" className="btn" onClick={() => setV(current.value!.values)}>撤销修改</button>}
      </div>
    </form>
  );
}
