// 会前沟通 record (R4): date, form, and the stance of each participant. The participants the core
// names (书记 and 校长; for 一肩挑 the one person) are filled in; others are added by hand.
import { useState, type FormEvent } from 'react';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { CONSULTATION_FORMS, CONSULTATION_STANCES } from '../../../db/terms';
import { todayInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useTemplates } from '../../stores/templates';
import { PhraseChips } from '../../components/PhraseChips';

interface StanceDraft {
  personId: number | '';
  role: string;
  stance: string;
  note: string;
}

function initialStances(consultants: readonly { personId: number; role: string }[]): StanceDraft[] {
  return consultants.map((c) => ({ personId: c.personId, role: c.role, stance: '同意', note: '' }));
}

export function ConsultationForm({ itemId, cadre, onDone }: { itemId: number; cadre: boolean; onDone(): void }) {
  const overview = useOverview();
  const leaders = overview.persons.filter((p) => p.leadership);
  const [kind, setKind] = useState<'consultation' | 'deliberation'>('consultation');
  const [date, setDate] = useState(todayInput());
  const [form, setForm] = useState<string>('当面');
  const [note, setNote] = useState('');
  const phrases = useTemplates()?.consultation ?? [];
  const [stances, setStances] = useState<StanceDraft[]>(() => initialStances(overview.consultants));
  // Typed notes are what would be lost by leaving; the preset stances are not.
  const release = useUnsavedGuard(note.trim() !== '' || stances.some((s) => s.note.trim() !== ''));

  const save = useCommand(async () => {
    const out = await call('consultations.record', {
      itemId,
      kind,
      date,
      form: form as (typeof CONSULTATION_FORMS)[number],
      note,
      stances: stances.map((s) => ({
        personId: s.personId === '' ? (undefined as never) : s.personId,
        role: s.role,
        stance: s.stance as (typeof CONSULTATION_STANCES)[number],
        note: s.note,
      })),
    });
    release();
    notify(out.state === 'postponed' ? 'warn' : 'ok', `${kind === 'deliberation' ? '酝酿' : '会前沟通'}已记录：${out.outcomeLabel}。议题现为「${out.stateLabel}」。`);
    onDone();
  });

  const update = (i: number, patch: Partial<StanceDraft>) => setStances(stances.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const postsOf = (id: number | '') => overview.persons.find((p) => p.id === id)?.leadershipPosts ?? [];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="记录会前沟通">
      <div className="form">
        {cadre && (
          <Field label="记录类型">
            <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="consultation">会前沟通（书记与校长）</option>
              <option value="deliberation">酝酿（干部事项）</option>
            </select>
          </Field>
        )}
        <Field label="沟通日期" required error={errorFor(save.error, 'date')}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field label="沟通形式" required error={errorFor(save.error, 'form')}>
          <select value={form} onChange={(e) => setForm(e.target.value)}>
            {CONSULTATION_FORMS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </Field>
      </div>

      <table className="list" style={{ marginTop: 12 }}>
        <thead>
          <tr>
            <th>参与人</th>
            <th>身份</th>
            <th>意见</th>
            <th>说明</th>
            <th><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {stances.map((s, i) => {
            const personError = errorFor(save.error, `stances.${i}.personId`);
            const roleError = errorFor(save.error, `stances.${i}.role`);
            const name = overview.persons.find((p) => p.id === s.personId)?.name ?? `参与人${i + 1}`;
            return (
              <tr key={i} data-stance-row={s.role}>
                <td>
                  <select
                    aria-label={`第${i + 1}位参与人`}
                    value={s.personId}
                    onChange={(e) => {
                      const id = e.target.value ? Number(e.target.value) : '';
                      update(i, { personId: id, role: postsOf(id)[0] ?? '' });
                    }}
                  >
                    <option value="">请选择</option>
                    {leaders.map((p) => (
                      <option key={p.id} value={p.id}>{p.name}</option>
                    ))}
                  </select>
                  {personError && <div className="field-error" role="alert">{personError}</div>}
                </td>
                <td>
                  <select aria-label={`${name}的身份`} value={s.role} onChange={(e) => update(i, { role: e.target.value })}>
                    {postsOf(s.personId).map((p) => (
                      <option key={p}>{p}</option>
                    ))}
                  </select>
                  {roleError && <div className="field-error" role="alert">{roleError}</div>}
                </td>
                <td>
                  <div className="row" role="radiogroup" aria-label={`${name}（${s.role}）的意见`}>
                    {CONSULTATION_STANCES.map((st) => (
                      <button
                        key={st}
                        type="button"
                        role="radio"
                        aria-checked={s.stance === st}
                        aria-pressed={s.stance === st}
                        className="btn small choice"
                        onClick={() => update(i, { stance: st })}
                      >
                        {st}
                      </button>
                    ))}
                  </div>
                </td>
                <td>
                  <input type="text" aria-label={`${name}的说明`} value={s.note} onChange={(e) => update(i, { note: e.target.value })} placeholder="可不填" />
                </td>
                <td className="actions">
                  {stances.length > 1 && (
                    <button type="button" className="btn small danger" onClick={() => setStances(stances.filter((_, j) => j !== i))}>
                      移除
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errorFor(save.error, 'stances') && save.error?.field === 'stances' && (
        <div className="notice error" role="alert">{save.error.message}</div>
      )}
      <div className="form-actions">
        <button type="button" className="btn small" onClick={() => setStances([...stances, { personId: '', role: '', stance: '同意', note: '' }])}>
          ＋ 添加参与人
        </button>
        <span className="muted small">书记兼任校长（一肩挑）时，请添加相关班子成员。</span>
      </div>
      <div className="form" style={{ marginTop: 12 }}>
        <Field label="沟通情况" wide error={errorFor(save.error, 'note')}>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="沟通的主要内容和形成的共识" />
        </Field>
        <div className="field wide">
          <PhraseChips label="常用语" phrases={phrases} onPick={(text) => setNote(note.trim() ? `${note.trim()}${text}` : text)} />
        </div>
      </div>
      <FormError error={save.error} fields={['date', 'form', 'note', 'stances']} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.busy}>
          保存沟通记录
        </button>
      </div>
    </form>
  );
}
