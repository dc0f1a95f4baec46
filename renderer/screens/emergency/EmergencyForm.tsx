// Record a 临时处置 (R14): the body, who acted (书记, or 校长 for the 校长办公会议), when, why the
// body could not meet, and what was done. The core refuses anyone else.
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { RuleTag } from '../../components/RuleTag';

export function EmergencyForm({ onSaved }: { onSaved(): void }) {
  const overview = useOverview();
  const actorFor = (id: number | undefined) => overview.bodies.find((b) => b.id === id)?.leaders[0]?.id ?? '';
  const [bodyId, setBodyId] = useState<number | ''>(overview.bodies[0]?.id ?? '');
  const [actorId, setActorId] = useState<number | ''>(actorFor(overview.bodies[0]?.id));
  const [at, setAt] = useState(dayjs().format('YYYY-MM-DDTHH:mm'));
  const [reason, setReason] = useState('');
  const [action, setAction] = useState('');
  const save = useCommand(async () => {
    const out = await call('emergency.record', {
      orgId: overview.org.id,
      bodyId: bodyId === '' ? (undefined as never) : bodyId,
      actorId: actorId === '' ? (undefined as never) : actorId,
      at,
      reason,
      action,
    });
    notify('warn', `${out.message}。`);
    setReason('');
    setAction('');
    onSaved();
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <h2>登记临时处置</h2>
      <p className="muted small">仅限情况紧急、不能及时召开会议时使用：党组织会议事项由书记处置，校长办公会议的行政事项由校长处置。事后须在下次会议上通报<RuleTag rule="R14" />。</p>
      <div className="stack">
        <Field label="议事机构" required error={errorFor(save.error, 'bodyId')}>
          <select
            value={bodyId}
            onChange={(e) => {
              const id = Number(e.target.value);
              setBodyId(id);
              setActorId(actorFor(id));
            }}
          >
            {overview.bodies.map((b) => (
              <option key={b.id} value={b.id}>{b.name}</option>
            ))}
          </select>
        </Field>
        <Field label="处置人" required error={errorFor(save.error, 'actorId')}>
          <select value={actorId} onChange={(e) => setActorId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">请选择</option>
            {overview.persons.map((p) => (
              <option key={p.id} value={p.id}>{p.name}{p.posts.length ? `（${p.posts.join('、')}）` : ''}</option>
            ))}
          </select>
        </Field>
        <Field label="处置时间" required error={errorFor(save.error, 'at')}>
          <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        </Field>
        <Field label="不能召开会议的原因" required error={errorFor(save.error, 'reason')}>
          <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：暴雨红色预警，班子成员无法到校" />
        </Field>
        <Field label="处置内容" required error={errorFor(save.error, 'action')}>
          <textarea rows={3} value={action} onChange={(e) => setAction(e.target.value)} placeholder="如：决定全校停课一天，学生居家学习" />
        </Field>
      </div>
      <FormError error={save.error} fields={['bodyId', 'actorId', 'at', 'reason', 'action']} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.busy}>登记临时处置</button>
      </div>
    </form>
  );
}
