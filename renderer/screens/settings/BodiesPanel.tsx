// 议事机构与成员: each body's members with their terms and voting rights (R7), 加入
// (memberships.add) and 结束任期 (memberships.end). Ended terms stay listed: past meetings are
// checked against the members of their own day (R6 quorum). A seat entered by mistake is voided
// (作废, memberships.void) instead: it never held, and the reason is kept.
import { useState, type FormEvent } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate, todayInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOrg, useOverview, type Body } from '../../stores/org';
import { useRead } from './useRead';

export function BodiesPanel() {
  const overview = useOverview();
  return (
    <div className="grid-2">
      {overview.bodies.map((b) => (
        <BodyCard key={b.id} body={b} />
      ))}
    </div>
  );
}

type Seat = { id: number; personId: number; name: string; voting: boolean; startDate: string; endDate: string | null; current: boolean; voided: boolean };

function BodyCard({ body }: { body: Body }) {
  const overview = useOverview();
  const reloadOrg = useOrg((s) => s.load);
  const list = useRead('memberships.list', { bodyId: body.id });
  const [ending, setEnding] = useState<Seat | null>(null);
  const [endDate, setEndDate] = useState(todayInput());
  const [personId, setPersonId] = useState<number | ''>('');
  const [voting, setVoting] = useState(true);
  const [startDate, setStartDate] = useState(todayInput());
  const changed = async () => {
    await Promise.all([list.reload(), reloadOrg()]);
  };
  const end = useCommand(async () => {
    await call('memberships.end', { membershipId: ending!.id, endDate });
    notify('ok', `${ending!.name}在${body.name}的任期已结束。`);
    setEnding(null);
    await changed();
  });
  const [voiding, setVoiding] = useState<Seat | null>(null);
  const [voidReason, setVoidReason] = useState('');
  const voidSeat = useCommand(async () => {
    await call('memberships.void', { membershipId: voiding!.id, reason: voidReason });
    notify('ok', `${voiding!.name}在${body.name}的成员记录已作废。`);
    setVoiding(null);
    setVoidReason('');
    await changed();
  });
  const add = useCommand(async () => {
    await call('memberships.add', { bodyId: body.id, personId: personId === '' ? (undefined as never) : personId, voting, startDate });
    notify('ok', `已加入${body.name}。`);
    setPersonId('');
    await changed();
  });
  const seats = (list.value?.rows ?? []) as Seat[];
  const current = seats.filter((s) => s.current);
  // Seats that start later (entered ahead) are current too for correcting: they may be voided.
  const upcoming = seats.filter((s) => !s.current && !s.voided && s.startDate > (list.value?.date ?? ''));
  const past = seats.filter((s) => !s.current && !upcoming.includes(s));
  const seated = new Set(current.map((s) => s.personId));

  return (
    <section className="card" aria-label={body.name} data-body={body.kind}>
      <div className="card-head">
        <h2>{body.name}</h2>
        <span className="muted small">现有成员 {list.value?.counts.current ?? 0} 人，其中有表决权 {list.value?.counts.voting ?? 0} 人</span>
      </div>
      <table className="list">
        <thead>
          <tr><th>成员</th><th>表决权</th><th>任期开始</th><th><span className="sr-only">操作</span></th></tr>
        </thead>
        <tbody>
          {[...current, ...upcoming].map((s) => (
            <tr key={s.id} data-member={s.name}>
              <td>{s.name}</td>
              <td>{s.voting ? '有' : <span className="muted">无（列席）</span>}</td>
              <td className="num">{formatDate(s.startDate)}</td>
              <td className="actions">
                <button className="btn small" aria-label={`结束${s.name}的任期`} onClick={() => { setEnding(s); end.clear(); }}>结束任期</button>{' '}
                <button className="linklike small" aria-label={`作废${s.name}的成员记录`} onClick={() => { setVoiding(s); voidSeat.clear(); }}>误录作废</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ending && (
        <div className="inline-form" role="group" aria-label="结束任期">
          <span><strong>{ending.name}</strong> 离开{body.name}，</span>
          <Field label="任期结束日期" error={errorFor(end.error, 'endDate')}>
            <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          </Field>
          <button className="btn primary small" disabled={end.busy} onClick={() => void end.run()}>确认结束任期</button>
          <button className="btn small" onClick={() => setEnding(null)}>取消</button>
          <FormError error={end.error} fields={['endDate']} />
        </div>
      )}
      {past.length > 0 && (
        <details className="history">
          <summary>已结束或作废的任期（{past.length}）</summary>
          <ul className="small">
            {past.map((s) => (
              <li key={s.id} data-past-member={s.name}>
                {s.name}：{s.voided ? `${formatDate(s.startDate)} 登记，误录已作废` : `${formatDate(s.startDate)} — ${s.endDate ? formatDate(s.endDate) : '—'}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {voiding && (
        <ConfirmDialog
          title="作废这条成员记录？"
          consequence={`作废表示${voiding.name}加入${body.name}是误录，视为从未加入（与结束任期不同）；如已召开过会议则不能作废。`}
          confirmLabel="作废"
          cancelLabel="不作废"
          danger
          busy={voidSeat.busy}
          onConfirm={() => void voidSeat.run()}
          onCancel={() => setVoiding(null)}
        >
          <Field label="作废原因" required error={errorFor(voidSeat.error, 'reason')}>
            <input type="text" value={voidReason} onChange={(e) => setVoidReason(e.target.value)} placeholder="如：误将其加入本会议成员" />
          </Field>
          <FormError error={voidSeat.error} fields={['reason']} />
        </ConfirmDialog>
      )}
      <form className="inline-form" aria-label={`加入${body.name}`} onSubmit={(e: FormEvent) => { e.preventDefault(); void add.run(); }} noValidate>
        <Field label="新成员" error={errorFor(add.error, 'personId')}>
          <select value={personId} onChange={(e) => setPersonId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">请选择</option>
            {overview.persons.filter((p) => p.active && !seated.has(p.id)).map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </Field>
        <Field label="任期开始" error={errorFor(add.error, 'startDate')}>
          <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </Field>
        <label className="checks">
          <input type="checkbox" checked={voting} onChange={(e) => setVoting(e.target.checked)} />
          有表决权
        </label>
        <button type="submit" className="btn small" disabled={add.busy}>加入</button>
        <FormError error={add.error} fields={['personId', 'startDate']} />
      </form>
    </section>
  );
}
