import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import type { Person } from '../../stores/org';

/**
 * 签发 (R16): the host signs — the 书记 for the 党组织会议, the 校长 for the 校长办公会议. Signing
 * locks, so it is asked in a dialog that says so and asks who signs.
 */
export function SignPanel({ minutesId, defaultSigner, persons, onSigned }: { minutesId: number; defaultSigner: number | null; persons: Person[]; onSigned(): void }) {
  const [asking, setAsking] = useState(false);
  const [personId, setPersonId] = useState<number | ''>('');
  const sign = useCommand(async () => {
    await call('minutes.sign', { minutesId, personId: personId === '' ? (undefined as never) : personId });
    setAsking(false);
    notify('ok', '纪要已签发并锁定。');
    onSigned();
  });
  const ask = () => {
    sign.clear();
    setPersonId(defaultSigner ?? '');
    setAsking(true);
  };
  return (
    <section className="card">
      <h2>签发</h2>
      <p className="muted small">签发后纪要锁定，不能再修改；如需更正，只能另出勘误稿，原稿保留。</p>
      <div className="form-actions">
        <button className="btn primary" onClick={ask}>签发纪要…</button>
      </div>
      {asking && (
        <ConfirmDialog
          title="签发会议纪要？"
          consequence="签发后纪要锁定，只能以修订方式更改。"
          confirmLabel="确认签发"
          busy={sign.busy}
          onConfirm={() => void sign.run()}
          onCancel={() => setAsking(false)}
        >
          <Field label="签发人" required error={errorFor(sign.error, 'personId')} help="由会议主持人签发">
            <select value={personId} onChange={(e) => setPersonId(e.target.value ? Number(e.target.value) : '')}>
              <option value="">请选择</option>
              {persons.map((p) => (
                <option key={p.id} value={p.id}>{p.name}{p.posts.length ? `（${p.posts.join('、')}）` : ''}</option>
              ))}
            </select>
          </Field>
          <FormError error={sign.error} fields={['personId']} />
        </ConfirmDialog>
      )}
    </section>
  );
}
