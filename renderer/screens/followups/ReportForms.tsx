import { useState } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';

interface Props {
  followUpId: number;
  onDone(): void;
  onCancel(): void;
}

/** 进展 (the owner reports) or 督办 (the office presses for progress). */
export function ReportForm({ followUpId, onDone, onCancel }: Props) {
  const [kind, setKind] = useState<'progress' | 'supervision'>('progress');
  const [text, setText] = useState('');
  const run = useCommand(async () => {
    await call('followups.report', { followUpId, kind, text });
    notify('ok', kind === 'progress' ? '进展已记录。' : '督办情况已记录。');
    onDone();
  });
  return (
    <div className="stack" style={{ marginTop: 12 }}>
      <div className="row" role="radiogroup" aria-label="记录类型">
        <button type="button" role="radio" aria-checked={kind === 'progress'} aria-pressed={kind === 'progress'} className="btn small choice" onClick={() => setKind('progress')}>进展情况</button>
        <button type="button" role="radio" aria-checked={kind === 'supervision'} aria-pressed={kind === 'supervision'} className="btn small choice" onClick={() => setKind('supervision')}>督办催办</button>
      </div>
      <Field label="情况说明" error={errorFor(run.error, 'text')}>
        <textarea rows={2} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
      </Field>
      <FormError error={run.error} fields={['text']} />
      <div className="row">
        <button className="btn primary" disabled={run.busy} onClick={() => void run.run()}>保存</button>
        <button className="btn" onClick={onCancel}>取消</button>
      </div>
    </div>
  );
}

/** 办结: what was done. */
export function CompleteForm({ followUpId, onDone, onCancel }: Props) {
  const [note, setNote] = useState('');
  const run = useCommand(async () => {
    await call('followups.complete', { followUpId, note });
    notify('ok', '督办事项已办结，请进行评价。');
    onDone();
  });
  return (
    <div className="stack" style={{ marginTop: 12 }}>
      <Field label="办结情况" error={errorFor(run.error, 'note')}>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
      </Field>
      <FormError error={run.error} fields={['note']} />
      <div className="row">
        <button className="btn primary" disabled={run.busy} onClick={() => void run.run()}>确认办结</button>
        <button className="btn" onClick={onCancel}>取消</button>
      </div>
    </div>
  );
}
