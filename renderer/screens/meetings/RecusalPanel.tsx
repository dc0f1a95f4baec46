// 回避 (R8): a member steps out of one item before it is discussed, with the reason; from then on
// they neither state nor vote on it, and (by default) leave 应到 too. A recusal entered by mistake
// is taken back (撤销) before the host states.
import { useState } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView, MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';

export function RecusalPanel({ view, entry, onChanged }: { view: MeetingView; entry: EntryView; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const [personId, setPersonId] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  const recusedIds = new Set(entry.recusals.map((r) => r.personId));
  const candidates = view.members.filter((m) => m.voting && !recusedIds.has(m.personId));
  const recuse = useCommand(async () => {
    await call('entries.recuse', { entryId: entry.id, personId: personId === '' ? (undefined as never) : personId, reason });
    notify('ok', '回避已登记，应到、实到人数已重新计算。');
    setOpen(false);
    setPersonId('');
    setReason('');
    onChanged();
  });
  const takeBack = useCommand(async (personId: number) => {
    await call('entries.removeRecusal', { entryId: entry.id, personId });
    notify('ok', '回避已撤销，应到、实到人数已重新计算。');
    onChanged();
  });
  const correctable = view.meeting.open && entry.outcome === 'pending';
  return (
    <div className="recusals">
      <div className="row">
        <h3>回避</h3>
        {entry.recusals.length === 0 ? (
          <span className="muted small">无</span>
        ) : (
          entry.recusals.map((r) => (
            <span key={r.personId} className="row" style={{ gap: 4 }}>
              <span className="badge warn" data-recused={r.name}>
                {r.name}回避：{r.reason}
              </span>
              {correctable && (
                <button className="linklike small" aria-label={`撤销${r.name}的回避`} disabled={takeBack.busy} onClick={() => void takeBack.run(r.personId)}>
                  撤销
                </button>
              )}
            </span>
          ))
        )}
        {entry.outcome === 'pending' && !open && (
          <button className="btn small" onClick={() => setOpen(true)}>
            登记回避…
          </button>
        )}
      </div>
      <FormError error={takeBack.error} />
      {open && (
        <div className="form" style={{ marginTop: 8 }}>
          <Field label="回避人" error={errorFor(recuse.error, 'personId')}>
            <select value={personId} autoFocus onChange={(e) => setPersonId(e.target.value ? Number(e.target.value) : '')}>
              <option value="">请选择</option>
              {candidates.map((m) => (
                <option key={m.personId} value={m.personId}>{m.name}</option>
              ))}
            </select>
          </Field>
          <Field label="回避理由" error={errorFor(recuse.error, 'reason')}>
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：本人系拟任人选的亲属" />
          </Field>
          <div className="wide">
            <FormError error={recuse.error} fields={['personId', 'reason']} />
            <div className="row">
              <button className="btn primary small" disabled={recuse.busy} onClick={() => void recuse.run()}>确认回避</button>
              <button className="btn small" onClick={() => setOpen(false)}>取消</button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
