// 交校区落实 (集团化办学): a 集团党委's decision handed to its campuses, one 督办事项 each — the
// task once, and per campus whether it takes part, its 承办 and 完成时限. Offered only when the
// core offers it (decisions.get → assign: the campuses not handed to yet); each campus then sees
// it in its own 督办 and reports back, and the 集团 evaluates here.
import { useState, type FormEvent } from 'react';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { addDaysInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call, type OutputOf } from '../../ledger-client';
import { notify } from '../../stores/notices';

type Offer = NonNullable<OutputOf<'decisions.get'>['assign']>;
interface Row {
  campusId: number;
  name: string;
  chosen: boolean;
  ownerDept: string;
  deadline: string;
}

export function AssignCampuses({ decisionId, offer, onDone }: { decisionId: number; offer: Offer; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [task, setTask] = useState('');
  const [rows, setRows] = useState<Row[]>(() =>
    offer.campuses.map((c) => ({ campusId: c.id, name: c.name, chosen: true, ownerDept: c.ownerDept, deadline: addDaysInput(30) })),
  );
  const release = useUnsavedGuard(open && task.trim() !== '');
  const chosen = rows.filter((r) => r.chosen);
  const assign = useCommand(async () => {
    const out = await call('group.assign', {
      decisionId,
      task,
      campuses: chosen.map((r) => ({ campusId: r.campusId, ownerDept: r.ownerDept, deadline: r.deadline })),
    });
    release();
    notify('ok', `已交${out.followUps.map((f) => f.name).join('、')}落实。`);
    setOpen(false);
    setTask('');
    onDone();
  });
  // The contract names a row by its place among the campuses sent (campuses.1.deadline).
  const rowError = (r: Row, field: 'campusId' | 'ownerDept' | 'deadline') => {
    const i = chosen.indexOf(r);
    return i < 0 ? null : errorFor(assign.error, `campuses.${i}.${field}`);
  };
  const change = (campusId: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.campusId === campusId ? { ...r, ...patch } : r)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void assign.run();
  };

  if (!open) {
    return (
      <section className="card" aria-label="交校区落实">
        <h2>交校区落实</h2>
        <p className="muted small">集团党委的决定可以交各校区（成员校）落实：每个校区一项督办事项，由校区报告进展、办结，集团评价。</p>
        <button className="btn" onClick={() => { assign.clear(); setOpen(true); }}>交校区落实…</button>
      </section>
    );
  }
  return (
    <section className="card" aria-label="交校区落实">
      <h2>交校区落实</h2>
      <form onSubmit={onSubmit} noValidate aria-label="交校区落实">
        <div className="form">
          <Field label="落实任务" required wide error={errorFor(assign.error, 'task')}>
            <input type="text" value={task} onChange={(e) => setTask(e.target.value)} placeholder="如：各校区按集团决定完成安全隐患排查" autoFocus />
          </Field>
        </div>
        <table className="list" style={{ margin: '8px 0 12px' }} data-testid="assign-table">
          <thead>
            <tr>
              <th scope="col">交办</th>
              <th scope="col">校区</th>
              <th scope="col">承办部门</th>
              <th scope="col">完成时限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.campusId} data-campus={r.name}>
                <td>
                  <input type="checkbox" aria-label={`交${r.name}落实`} checked={r.chosen} onChange={(e) => change(r.campusId, { chosen: e.target.checked })} />
                </td>
                <td>
                  {r.name}
                  {rowError(r, 'campusId') && <div className="field-error" role="alert">{rowError(r, 'campusId')}</div>}
                </td>
                <td>
                  <input type="text" aria-label={`${r.name}承办部门`} value={r.ownerDept} disabled={!r.chosen} aria-invalid={rowError(r, 'ownerDept') ? true : undefined} onChange={(e) => change(r.campusId, { ownerDept: e.target.value })} />
                  {rowError(r, 'ownerDept') && <div className="field-error" role="alert">{rowError(r, 'ownerDept')}</div>}
                </td>
                <td>
                  <input type="date" aria-label={`${r.name}完成时限`} value={r.deadline} disabled={!r.chosen} aria-invalid={rowError(r, 'deadline') ? true : undefined} onChange={(e) => change(r.campusId, { deadline: e.target.value })} />
                  {rowError(r, 'deadline') && <div className="field-error" role="alert">{rowError(r, 'deadline')}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <FormError error={assign.error} fields={['task', ...chosen.flatMap((_, i) => [`campuses.${i}.campusId`, `campuses.${i}.ownerDept`, `campuses.${i}.deadline`])]} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={assign.busy}>交{chosen.length}个校区落实</button>
          <button type="button" className="btn" onClick={() => { release(); setOpen(false); }}>取消</button>
        </div>
      </form>
    </section>
  );
}
