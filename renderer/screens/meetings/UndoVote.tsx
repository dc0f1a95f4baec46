// Undo a wrong vote result while the meeting is open (the core says whether it may: not after
// follow-up began, not an earlier decision while a later one stands). Asked in a dialog with a
// reason; the decision it made goes too, and the item waits to be voted again.
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView } from '../../stores/meetings';
import { notify } from '../../stores/notices';

export function UndoVote({ entry, onChanged }: { entry: EntryView; onChanged(): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const undo = useCommand(async () => {
    await call('entries.undoVote', { entryId: entry.id, reason });
    setAsking(false);
    setReason('');
    notify('ok', '表决结果已撤销，请重新表决。');
    onChanged();
  });
  const refusal = entry.correct.undoVoteRefusal;
  if (refusal === undefined) return null;
  if (refusal !== null) return <p className="muted small" data-testid="undo-refusal">{refusal}。</p>;
  return (
    <>
      <div className="form-actions">
        <button className="btn small" onClick={() => { undo.clear(); setAsking(true); }}>撤销表决结果…</button>
        <span className="muted small">会议结束前发现票数或方式录错，可以撤销后重新表决</span>
      </div>
      {asking && (
        <ConfirmDialog
          title="撤销表决结果？"
          consequence={
            entry.decision
              ? `本议题回到待表决，已形成的决定事项第${entry.decision.number}号一并撤销，需要重新表决。`
              : '本议题回到待表决，需要重新表决。'
          }
          confirmLabel="撤销表决结果"
          danger
          busy={undo.busy}
          onConfirm={() => void undo.run()}
          onCancel={() => setAsking(false)}
        >
          <Field label="撤销原因" required error={errorFor(undo.error, 'reason')}>
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：同意票数录入有误" />
          </Field>
          <FormError error={undo.error} fields={['reason']} />
        </ConfirmDialog>
      )}
    </>
  );
}
