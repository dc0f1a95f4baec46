// 延期 (a later deadline, with the reason and the leader who approved it) and 调整承办 (another
// department or person): both kept in the follow-up's history and shown on the board.
import { useState } from 'react';
import { addDaysInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { FollowUpView } from '../../stores/followups';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';

interface Props {
  followUp: FollowUpView;
  onDone(): void;
  onCancel(): void;
}

export function ExtendForm({ followUp, onDone, onCancel }: Props) {
  const overview = useOverview();
  const leaders = overview.persons.filter((p) => p.leadership);
  const [deadline, setDeadline] = useState(addDaysInput(30, followUp.deadline));
  const [reason, setReason] = useState('');
  const [approvedById, setApprover] = useState<number | ''>(followUp.leaderId ?? '');
  const run = useCommand(async () => {
    const out = await call('followups.extend', { followUpId: followUp.id, deadline, reason, approvedById: approvedById === '' ? (undefined as never) : approvedById });
    notify(out.notices.length ? 'warn' : 'ok', `已延期，经${out.approvedBy}批准。${out.notices.join('；')}`);
    onDone();
  });
  return (
    <div className="stack" style={{ marginTop: 12 }} role="group" aria-label="延期">
      <div className="form">
        <Field label="新的完成时限" required error={errorFor(run.error, 'deadline')}>
          <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} autoFocus />
        </Field>
        <Field label="批准人" required error={errorFor(run.error, 'approvedById')} help="一般为分管领导或书记">
          <select value={approvedById} onChange={(e) => setApprover(e.target.value ? Number(e.target.value) : '')}>
            <option value="">请选择</option>
            {leaders.map((p) => (
              <option key={p.id} value={p.id}>{p.name}（{p.posts.join('、')}）</option>
            ))}
          </select>
        </Field>
        <Field label="延期理由" required wide error={errorFor(run.error, 'reason')}>
          <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：施工队未能按期进场" />
        </Field>
      </div>
      <FormError error={run.error} fields={['deadline', 'approvedById', 'reason']} />
      <div className="row">
        <button className="btn primary" disabled={run.busy} onClick={() => void run.run()}>确认延期</button>
        <button className="btn" onClick={onCancel}>取消</button>
      </div>
    </div>
  );
}

export function ReassignForm({ followUp, onDone, onCancel }: Props) {
  const overview = useOverview();
  const [ownerDept, setDept] = useState(followUp.ownerDept);
  const [ownerId, setOwner] = useState<number | ''>(followUp.ownerId ?? '');
  const [reason, setReason] = useState('');
  const run = useCommand(async () => {
    await call('followups.reassign', { followUpId: followUp.id, ownerDept, ownerId: ownerId === '' ? null : ownerId, reason });
    notify('ok', '承办部门和责任人已调整。');
    onDone();
  });
  return (
    <div className="stack" style={{ marginTop: 12 }} role="group" aria-label="调整承办">
      <div className="form">
        <Field label="承办部门" required error={errorFor(run.error, 'ownerDept')}>
          <input type="text" value={ownerDept} onChange={(e) => setDept(e.target.value)} autoFocus />
        </Field>
        <Field label="责任人" error={errorFor(run.error, 'ownerId')}>
          <select value={ownerId} onChange={(e) => setOwner(e.target.value ? Number(e.target.value) : '')}>
            <option value="">（不指定）</option>
            {overview.persons.filter((p) => p.active).map((p) => (
              <option key={p.id} value={p.id}>{p.name}{p.department ? `（${p.department}）` : ''}</option>
            ))}
          </select>
        </Field>
        <Field label="调整理由" required wide error={errorFor(run.error, 'reason')}>
          <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：职责调整，改由后勤服务中心承办" />
        </Field>
      </div>
      <FormError error={run.error} fields={['ownerDept', 'ownerId', 'reason']} />
      <div className="row">
        <button className="btn primary" disabled={run.busy} onClick={() => void run.run()}>确认调整</button>
        <button className="btn" onClick={onCancel}>取消</button>
      </div>
    </div>
  );
}
