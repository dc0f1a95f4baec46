// 人员与职务: people with the posts they hold today, 任职 (posts.assign) and 免职 (posts.end).
// History is kept: a post ends on a date, so "who was 书记 on that day" stays answerable.
// 党政一肩挑 (one person is both 书记 and 校长) is shown plainly, because R4 changes with it.
// A mistyped name is corrected (更正, kept before → after); no two people at work share a name —
// the core says how to tell them apart (张丽（语文组）).
import { useState, type FormEvent } from 'react';
import { RuleTag } from '../../components/RuleTag';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { POSTS } from '../../../db/terms';
import { formatDate, todayInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOrg, useOverview } from '../../stores/org';
import { useRead } from './useRead';

type PostRow = { id: number; personId: number; name: string; post: string; startDate: string; endDate: string | null; current: boolean };

export function PeoplePanel() {
  const overview = useOverview();
  const reloadOrg = useOrg((s) => s.load);
  const posts = useRead('posts.list', { orgId: overview.org.id });
  const [ending, setEnding] = useState<PostRow | null>(null);
  const [endDate, setEndDate] = useState(todayInput());
  const [personId, setPersonId] = useState<number | ''>('');
  const [post, setPost] = useState<string>('副校长');
  const [startDate, setStartDate] = useState(todayInput());
  const [name, setName] = useState('');
  const [department, setDepartment] = useState('');
  const changed = async () => {
    await Promise.all([posts.reload(), reloadOrg()]);
  };
  const end = useCommand(async () => {
    await call('posts.end', { postId: ending!.id, endDate });
    notify('ok', `已免去${ending!.name}的${ending!.post}职务。`);
    setEnding(null);
    await changed();
  });
  const assign = useCommand(async () => {
    const out = await call('posts.assign', { personId: personId === '' ? (undefined as never) : personId, post: post as (typeof POSTS)[number], startDate });
    const handover = out.ended.map((x) => `${x.name}的${post}职务同日免去`).join('；');
    notify('ok', `任职已登记${handover ? `，${handover}` : ''}${out.oneShoulder ? '（党政一肩挑）' : ''}。`);
    await changed();
  });
  const add = useCommand(async () => {
    await call('persons.add', { orgId: overview.org.id, name, department });
    notify('ok', `已添加${name}。`);
    setName('');
    setDepartment('');
    await changed();
  });
  const [fixing, setFixing] = useState<{ personId: number; name: string; department: string } | null>(null);
  const rename = useCommand(async () => {
    await call('persons.update', { personId: fixing!.personId, name: fixing!.name, department: fixing!.department });
    notify('ok', `已更正为「${fixing!.name}」，更正记录已保存。`);
    setFixing(null);
    await changed();
  });
  useUnsavedGuard(name.trim() !== '' || department.trim() !== '');
  const rows = (posts.value?.rows ?? []) as PostRow[];
  const both = posts.value?.oneShoulderPerson ?? null;

  return (
    <>
      {both && (
        <div className="notice info" data-testid="one-shoulder">
          <strong>党政一肩挑：</strong>{both.name}同时担任书记和校长。会前沟通由书记与相关班子成员进行<RuleTag rule="R4" />。
        </div>
      )}
      <div className="grid-main-side">
        <section className="card" aria-labelledby="people-title">
          <h2 id="people-title">人员与现任职务（{overview.persons.length}人）</h2>
          <table className="list">
            <thead>
              <tr><th>姓名</th><th>部门</th><th>现任职务（任职日期）</th><th><span className="sr-only">操作</span></th></tr>
            </thead>
            <tbody>
              {overview.persons.map((p) => {
                const held = rows.filter((r) => r.personId === p.id && r.current);
                if (fixing?.personId === p.id) {
                  return (
                    <tr key={p.id} data-person={p.name}>
                      <td>
                        <Field label="姓名" required error={errorFor(rename.error, 'name')}>
                          <input type="text" value={fixing.name} autoFocus onChange={(e) => setFixing({ ...fixing, name: e.target.value })} />
                        </Field>
                      </td>
                      <td>
                        <Field label="部门" error={errorFor(rename.error, 'department')}>
                          <input type="text" value={fixing.department} onChange={(e) => setFixing({ ...fixing, department: e.target.value })} />
                        </Field>
                      </td>
                      <td colSpan={2}>
                        <div className="row">
                          <button className="btn primary small" disabled={rename.busy} onClick={() => void rename.run()}>保存更正</button>
                          <button className="btn small" onClick={() => setFixing(null)}>取消</button>
                        </div>
                        <FormError error={rename.error} fields={['name', 'department']} />
                      </td>
                    </tr>
                  );
                }
                return (
                  <tr key={p.id} data-person={p.name}>
                    <td>
                      {p.name}
                      {both?.id === p.id && <span className="badge brand" style={{ marginLeft: 6 }}>一肩挑</span>}
                      {!p.active && <span className="badge" style={{ marginLeft: 6 }}>不在职</span>}
                    </td>
                    <td>{p.department ?? '—'}</td>
                    <td>
                      <div className="row">
                        {held.length === 0 && <span className="muted">—</span>}
                        {held.map((r) => (
                          <span key={r.id} className="chip">
                            {r.post}<span className="muted small">（{formatDate(r.startDate)}起）</span>
                            <button className="linklike small" aria-label={`免去${p.name}的${r.post}职务`} onClick={() => { setEnding(r); end.clear(); }}>
                              免职
                            </button>
                          </span>
                        ))}
                      </div>
                    </td>
                    <td className="actions">
                      <button className="linklike small" aria-label={`更正${p.name}的姓名或部门`} onClick={() => { rename.clear(); setFixing({ personId: p.id, name: p.name, department: p.department ?? '' }); }}>
                        更正
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {ending && (
            <div className="inline-form" role="group" aria-label="免职">
              <span>免去 <strong>{ending.name}</strong> 的 {ending.post} 职务，</span>
              <Field label="免职日期" error={errorFor(end.error, 'endDate')}>
                <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
              </Field>
              <button className="btn primary small" disabled={end.busy} onClick={() => void end.run()}>确认免职</button>
              <button className="btn small" onClick={() => setEnding(null)}>取消</button>
              <FormError error={end.error} fields={['endDate']} />
            </div>
          )}
          <details className="history">
            <summary>职务任免记录（{rows.length}条）</summary>
            <table className="list small">
              <thead><tr><th>姓名</th><th>职务</th><th>任职</th><th>免职</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}><td>{r.name}</td><td>{r.post}</td><td>{formatDate(r.startDate)}</td><td>{r.endDate ? formatDate(r.endDate) : '现任'}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>
        <div>
          <form className="card" aria-label="任职" onSubmit={(e: FormEvent) => { e.preventDefault(); void assign.run(); }} noValidate>
            <h2>任职</h2>
            <p className="muted small">书记、校长只有一人：任命新人时，原任者同日免职。同一人任书记和校长即为一肩挑。</p>
            <div className="form">
              <Field label="人员" required error={errorFor(assign.error, 'personId')}>
                <select value={personId} onChange={(e) => setPersonId(e.target.value ? Number(e.target.value) : '')}>
                  <option value="">请选择</option>
                  {overview.persons.filter((p) => p.active).map((p) => (
                    <option key={p.id} value={p.id}>{p.name}</option>
                  ))}
                </select>
              </Field>
              <Field label="职务" required error={errorFor(assign.error, 'post')}>
                <select value={post} onChange={(e) => setPost(e.target.value)}>
                  {POSTS.map((x) => (
                    <option key={x}>{x}</option>
                  ))}
                </select>
              </Field>
              <Field label="任职日期" required error={errorFor(assign.error, 'startDate')}>
                <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
              </Field>
            </div>
            <FormError error={assign.error} fields={['personId', 'post', 'startDate']} />
            <div className="form-actions">
              <button type="submit" className="btn primary" disabled={assign.busy}>登记任职</button>
            </div>
          </form>
          <form className="card" aria-label="添加人员" onSubmit={(e: FormEvent) => { e.preventDefault(); void add.run(); }} noValidate>
            <h2>添加人员</h2>
            <div className="form">
              <Field label="姓名" required error={errorFor(add.error, 'name')}>
                <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
              </Field>
              <Field label="部门" error={errorFor(add.error, 'department')}>
                <input type="text" value={department} onChange={(e) => setDepartment(e.target.value)} />
              </Field>
            </div>
            <FormError error={add.error} fields={['name', 'department']} />
            <div className="form-actions">
              <button type="submit" className="btn" disabled={add.busy}>添加人员</button>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
