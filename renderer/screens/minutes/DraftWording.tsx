// Edit a draft's wording (R16): the opening paragraph and each decision's text. A signed revision
// is locked; its wording changes only through a 勘误 revision.
import { useState } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { Revision } from '../../stores/minutes';
import { notify } from '../../stores/notices';

export function DraftWording({ revision, onSaved }: { revision: Revision; onSaved(): void }) {
  const [opening, setOpening] = useState(revision.content.opening);
  const [texts, setTexts] = useState<Record<number, string>>(() => Object.fromEntries(revision.content.decisions.map((d) => [d.decisionId, d.text])));
  const changed = opening !== revision.content.opening || revision.content.decisions.some((d) => texts[d.decisionId] !== d.text);
  const save = useCommand(async () => {
    await call('minutes.updateDraft', {
      minutesId: revision.id,
      opening,
      decisions: revision.content.decisions.map((d) => ({ decisionId: d.decisionId, text: texts[d.decisionId] ?? d.text })),
    });
    notify('ok', `第${revision.revision}稿的文字已保存。`);
    onSaved();
  });
  return (
    <section className="card">
      <h2>修改草稿文字</h2>
      <p className="muted small">签发前可修改开头段落和决定事项的表述；出席人员、票数等事实由会议记录生成，不在此修改。</p>
      <div className="stack">
        <Field label="开头段落" error={errorFor(save.error, 'opening')}>
          <textarea rows={4} value={opening} onChange={(e) => setOpening(e.target.value)} />
        </Field>
        {revision.content.decisions.map((d, i) => (
          <Field key={d.decisionId} label={`决定事项${d.number}：${d.itemTitle}`} error={errorFor(save.error, `decisions.${i}`)}>
            <textarea rows={2} value={texts[d.decisionId] ?? ''} onChange={(e) => setTexts({ ...texts, [d.decisionId]: e.target.value })} />
          </Field>
        ))}
      </div>
      <FormError error={save.error} fields={['opening', 'decisions']} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy || !changed} onClick={() => void save.run()}>保存文字</button>
        {changed && <span className="muted small">有未保存的修改</span>}
      </div>
    </section>
  );
}
