// 设置 → 提醒: how many days an item may wait for 会前沟通 before 今日待办 names it (R4), and
// whether the desktop shows 今日待办 as a notification (at most once a day per reminder).
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useReminders } from '../../stores/reminders';
import { RuleTag } from '../../components/RuleTag';
import { useRead } from './useRead';

export function RemindersPanel() {
  const { org } = useOverview();
  const current = useRead('reminders.today', { orgId: org.id });
  const reloadBadge = useReminders((s) => s.load);
  const [days, setDays] = useState<number>(NaN);
  const [on, setOn] = useState(true);
  useEffect(() => {
    if (current.value) {
      setDays(current.value.settings.consultationWaitDays);
      setOn(current.value.settings.notify);
    }
  }, [current.value]);
  const save = useCommand(async () => {
    await call('reminders.configure', { orgId: org.id, consultationWaitDays: days, notify: on });
    notify('ok', '提醒设置已保存。');
    await current.reload();
    await reloadBadge(org.id);
  });
  if (!current.value) return <div className="empty">正在读取…</div>;
  return (
    <form className="card content-narrow" aria-label="提醒设置" onSubmit={(e: FormEvent) => { e.preventDefault(); void save.run(); }} noValidate>
      <h2>提醒</h2>
      <p className="muted small">工作台的“今日待办”和桌面提醒列出：逾期和7天内到期的督办、今明两天的会议和未送达的材料、等待会前沟通较久的议题、未通报的临时处置、会后3天仍未签发的纪要。</p>
      <div className="form">
        <Field label="议题等待会前沟通超过多少天时提醒" error={errorFor(save.error, 'consultationWaitDays')} help={<>默认7天<RuleTag rule="R4" /></>}>
          <input type="number" min={1} max={60} value={Number.isNaN(days) ? '' : days} onChange={(e) => setDays(e.target.value === '' ? NaN : Number(e.target.value))} />
        </Field>
        <div className="field">
          <span className="label">桌面提醒</span>
          <div className="row" role="radiogroup" aria-label="桌面提醒">
            {([[true, '开（每项每天最多一次）'], [false, '关']] as const).map(([v, text]) => (
              <button key={String(v)} type="button" role="radio" aria-checked={on === v} aria-pressed={on === v} className="btn small choice" onClick={() => setOn(v)}>
                {text}
              </button>
            ))}
          </div>
        </div>
      </div>
      <FormError error={save.error} fields={['consultationWaitDays']} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.busy}>保存提醒设置</button>
      </div>
    </form>
  );
}
