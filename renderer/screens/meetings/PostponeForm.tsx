import { useState } from 'react';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';

/** R11 暂缓表决: the host postpones with a reason; the item goes back to 会前沟通. */
export function PostponeForm({ entryId, onDone }: { entryId: number; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const run = useCommand(async () => {
    await call('entries.postpone', { entryId, reason });
    notify('warn', '已暂缓表决，议题退回会前沟通。');
    setOpen(false);
    onDone();
  });
  if (!open) {
    return (
      <div className="form-actions">
        <button className="btn small" onClick={() => setOpen(true)}>暂缓表决…</button>
      </div>
    );
  }
  return (
    <div className="stack" style={{ marginTop: 12 }}>
      <label className="field">
        <span className="label">暂缓理由（意见分歧较大或重要情况不明）</span>
        <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      </label>
      <FormError error={run.error} />
      <div className="row">
        <button className="btn danger" disabled={run.busy} onClick={() => void run.run()}>确认暂缓表决</button>
        <button className="btn" onClick={() => setOpen(false)}>取消</button>
      </div>
    </div>
  );
}
