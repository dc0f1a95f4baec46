// 前置研究 (R1): the 校长办公会 studies a matter for the 党组织会议 and records its 研究意见;
// the item then waits (待上会) for the 党组织会议 to decide it.
import { useState } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { RuleTag } from '../../components/RuleTag';
import { useBodyName } from '../../stores/org';

export function StudyForm({ entry, onChanged }: { entry: EntryView; onChanged(): void }) {
  const [proposal, setProposal] = useState('');
  const committee = useBodyName()('party_committee');
  const save = useCommand(async () => {
    await call('entries.study', { entryId: entry.id, proposal });
    notify('ok', `研究意见已记录，议题待提交${committee}决定。`);
    onChanged();
  });
  return (
    <div className="decide-block">
      <h3>前置研究意见</h3>
      <p className="muted small">本议题须由{committee}决定；校长办公会议先行研究，形成研究意见提交{committee}<RuleTag rule="R1" />。</p>
      <Field label="研究意见" error={errorFor(save.error, 'proposal')}>
        <textarea rows={3} value={proposal} onChange={(e) => setProposal(e.target.value)} placeholder={`如：同意按方案推荐人选，提交${committee}研究决定`} />
      </Field>
      <FormError error={save.error} fields={['proposal']} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy} onClick={() => void save.run()}>记录研究意见</button>
      </div>
    </div>
  );
}
