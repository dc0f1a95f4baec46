// 临时动议 (R3): an item added on the meeting day goes on the agenda only when it is urgent and
// the host accepts it; the reason is kept on the record.
import { useState } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useAgendaCandidates } from '../meetings/useAgendaCandidates';
import { RuleTag } from '../../components/RuleTag';

export function AdHocMotion({ view, onAdded }: { view: MeetingView; onAdded(entryId: number): void }) {
  const overview = useOverview();
  const { candidates } = useAgendaCandidates(overview.org.id, view.entries.map((e) => e.item.id));
  const [itemId, setItemId] = useState<number | ''>('');
  const [urgent, setUrgent] = useState(false);
  const [hostAccepted, setHostAccepted] = useState(false);
  const [reason, setReason] = useState('');
  const add = useCommand(async () => {
    const out = await call('meetings.addItem', {
      meetingId: view.meeting.id,
      itemId: itemId === '' ? (undefined as never) : itemId,
      adHoc: { urgent, hostAccepted, reason },
    });
    notify('ok', `临时动议已列为第${view.entries.length + 1}项。`);
    onAdded(out.entryId);
  });
  return (
    <section className="card">
      <h2>临时动议</h2>
      <p className="muted small">会议当天临时增加议题，须情况紧急并经主持人{view.meeting.hostName}同意，理由记入会议记录<RuleTag rule="R3" />。议题仍须完成会前沟通<RuleTag rule="R4" />。</p>
      <div className="form">
        <Field label="议题" wide error={errorFor(add.error, 'itemId')}>
          <select value={itemId} autoFocus onChange={(e) => setItemId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">请选择议题</option>
            {candidates.map((r) => (
              <option key={r.id} value={r.id}>{r.title}（{r.stateLabel}）</option>
            ))}
          </select>
        </Field>
        <div className="field wide">
          <span className="label">条件</span>
          <div className="checks">
            <label><input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} /> 情况紧急，不能等到下次会议</label>
            <label><input type="checkbox" checked={hostAccepted} onChange={(e) => setHostAccepted(e.target.checked)} /> 主持人{view.meeting.hostName}同意列入</label>
          </div>
          {add.error?.field === 'adHoc' && <div className="field-error" role="alert" data-rule={add.error?.rule ?? undefined}>{add.error.message}</div>}
        </div>
        <Field label="临时动议理由" wide error={errorFor(add.error, 'adHoc.reason')}>
          <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：汛期将至，校舍排险须立即安排" />
        </Field>
      </div>
      <FormError error={add.error} fields={['itemId', 'adHoc']} />
      <div className="form-actions">
        <button className="btn primary" disabled={add.busy} onClick={() => void add.run()}>列入议程</button>
      </div>
    </section>
  );
}
