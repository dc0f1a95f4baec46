// Hearing a report (临时处置通报 R14, 执行情况汇报 R17): noted with the meeting's opinion, not voted.
import { useState } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { RuleTag } from '../../components/RuleTag';
import { ENTRY_OUTCOME_LABELS } from '../../../db/terms';

export function ReportNoteForm({ entry, onChanged }: { entry: EntryView; onChanged(): void }) {
  const emergency = entry.item.kind === 'emergency_report';
  const [note, setNote] = useState(emergency ? '会议听取了临时处置情况的通报，予以追认。' : '会议听取了执行情况汇报。');
  const save = useCommand(async () => {
    await call('entries.note', { entryId: entry.id, note });
    notify('ok', emergency ? '临时处置已通报，标记解除。' : '已听取汇报。');
    onChanged();
  });
  return (
    <div className="decide-block">
      <h3>{emergency ? <>听取临时处置通报<RuleTag rule="R14" /></> : '听取汇报'}</h3>
      {entry.item.summary && <p className="pre-line">{entry.item.summary}</p>}
      <Field label="会议意见" error={errorFor(save.error, 'note')}>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <FormError error={save.error} fields={['note']} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy} onClick={() => void save.run()}>{emergency ? '已通报，予以追认' : ENTRY_OUTCOME_LABELS.noted}</button>
      </div>
    </div>
  );
}
