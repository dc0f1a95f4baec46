// 稿次与勘误 (R16): every revision of the minutes, newest first; any one can be previewed, so the
// signed original stays readable after a correction. 勘误 opens a new linked draft with a reason.
import { useState } from 'react';
import { formatDateTime } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { Revision } from '../../stores/minutes';
import { notify } from '../../stores/notices';
import { MINUTES_STATE_LABELS } from '../../../db/terms';

export function RevisionPanel({ revisions, shownId, onShow, onRevised }: { revisions: Revision[]; shownId: number | null; onShow(id: number): void; onRevised(): void }) {
  const latest = revisions[0];
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revise = useCommand(async () => {
    const out = await call('minutes.revise', { minutesId: latest!.id, reason });
    notify('ok', `已建立勘误稿（第${out.revision}稿），原第${latest!.revision}稿保留不变。`);
    setOpen(false);
    setReason('');
    onRevised();
  });
  return (
    <section className="card">
      <div className="card-head">
        <h2>稿次</h2>
        {latest?.state === 'signed' && !open && (
          <div className="actions">
            <button className="btn small" onClick={() => setOpen(true)}>办理勘误…</button>
          </div>
        )}
      </div>
      <ol className="revisions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {revisions.map((r) => (
          <li key={r.id} className={r.id === shownId ? 'shown' : ''} data-revision={r.revision}>
            <span style={{ flex: 1 }}>
              第{r.revision}稿 {r.state === 'signed' ? <span className="badge ok">{MINUTES_STATE_LABELS.signed}</span> : <span className="badge warn">{MINUTES_STATE_LABELS.draft}</span>}
              <span className="muted small" style={{ display: 'block', fontWeight: 400 }}>
                {r.state === 'signed' ? `${r.signerName ?? ''}签发于${formatDateTime(r.signedAt)}` : '待签发'}
                {r.revisionReason && `；勘误理由：${r.revisionReason}`}
              </span>
            </span>
            {r.id === shownId ? (
              <span className="muted small">正在查看</span>
            ) : (
              <button className="btn small" onClick={() => onShow(r.id)}>查看第{r.revision}稿</button>
            )}
          </li>
        ))}
      </ol>
      {open && (
        <div className="stack" style={{ marginTop: 10 }}>
          <p className="muted small">已签发的纪要不能修改。勘误将以第{latest!.revision}稿为底稿建立第{latest!.revision + 1}稿，修改后由主持人重新签发；原稿保留，随时可查看。</p>
          <Field label="勘误理由" error={errorFor(revise.error, 'reason')}>
            <input type="text" value={reason} autoFocus onChange={(e) => setReason(e.target.value)} placeholder="如：决定事项二中完成时限有误" />
          </Field>
          <FormError error={revise.error} fields={['reason']} />
          <div className="row">
            <button className="btn primary" disabled={revise.busy} onClick={() => void revise.run()}>建立勘误稿</button>
            <button className="btn" onClick={() => setOpen(false)}>取消</button>
          </div>
        </div>
      )}
    </section>
  );
}
