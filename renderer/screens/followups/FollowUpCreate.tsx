// R17: a decision gets 督办事项 (task, 承办部门, 责任人, 分管领导, 完成时限) or 无需督办 with a reason.
import { useState, type FormEvent } from 'react';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { addDaysInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';

export function FollowUpCreate({ decisionId, leaderId, first, onCreated }: { decisionId: number; leaderId: number | null; first: boolean; onCreated(): void }) {
  const overview = useOverview();
  const leaders = overview.persons.filter((p) => p.leadership);
  const [task, setTask] = useState('');
  const [ownerDept, setOwnerDept] = useState('');
  const [ownerId, setOwnerId] = useState<number | ''>('');
  const [leader, setLeader] = useState<number | ''>(leaderId ?? '');
  const [deadline, setDeadline] = useState(addDaysInput(30));
  const [waiveReason, setWaiveReason] = useState('');
  const [waiving, setWaiving] = useState(false);
  const release = useUnsavedGuard(task.trim() !== '' || ownerDept.trim() !== '' || waiveReason.trim() !== '');

  const save = useCommand(async () => {
    await call('followups.create', {
      decisionId,
      task,
      ownerDept,
      ownerId: ownerId === '' ? undefined : ownerId,
      leaderId: leader === '' ? undefined : leader,
      deadline,
    });
    release();
    notify('ok', '督办事项已建立。');
    setTask('');
    onCreated();
  });
  const waive = useCommand(async () => {
    await call('followups.waive', { decisionId, reason: waiveReason });
    release();
    notify('ok', '已登记无需督办。');
    onCreated();
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <section className="card">
      <h2>{first ? '安排督办' : '再增加一项督办'}</h2>
      <form onSubmit={onSubmit} noValidate aria-label="新建督办事项">
        <div className="form">
          <Field label="督办任务" required wide error={errorFor(save.error, 'task')}>
            <input type="text" value={task} onChange={(e) => setTask(e.target.value)} placeholder="要做成什么，如：制定实施方案并组织落实" />
          </Field>
          <Field label="承办部门" required error={errorFor(save.error, 'ownerDept')}>
            <input type="text" value={ownerDept} onChange={(e) => setOwnerDept(e.target.value)} placeholder="如：教务处" />
          </Field>
          <Field label="责任人" error={errorFor(save.error, 'ownerId')}>
            <select value={ownerId} onChange={(e) => setOwnerId(e.target.value ? Number(e.target.value) : '')}>
              <option value="">（不指定）</option>
              {overview.persons.map((p) => (
                <option key={p.id} value={p.id}>{p.name}{p.department ? `（${p.department}）` : ''}</option>
              ))}
            </select>
          </Field>
          <Field label="分管领导" error={errorFor(save.error, 'leaderId')}>
            <select value={leader} onChange={(e) => setLeader(e.target.value ? Number(e.target.value) : '')}>
              <option value="">（不指定）</option>
              {leaders.map((p) => (
                <option key={p.id} value={p.id}>{p.name}（{p.posts.join('、')}）</option>
              ))}
            </select>
          </Field>
          <Field label="完成时限" required error={errorFor(save.error, 'deadline')}>
            <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          </Field>
        </div>
        <FormError error={save.error} fields={['task', 'ownerDept', 'ownerId', 'leaderId', 'deadline']} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={save.busy}>建立督办事项</button>
          {first && !waiving && (
            <button type="button" className="btn" onClick={() => setWaiving(true)}>无需督办…</button>
          )}
        </div>
      </form>
      {waiving && (
        <div className="stack" style={{ marginTop: 12 }}>
          <Field label="无需督办的理由" error={errorFor(waive.error, 'reason')}>
            <input type="text" value={waiveReason} onChange={(e) => setWaiveReason(e.target.value)} placeholder="如：会议当场已办结" autoFocus />
          </Field>
          <FormError error={waive.error} fields={['reason']} />
          <div className="row">
            <button className="btn" disabled={waive.busy} onClick={() => void waive.run()}>确认无需督办</button>
            <button className="btn" onClick={() => setWaiving(false)}>取消</button>
          </div>
        </div>
      )}
    </section>
  );
}
