// 新建会议: body, time, place, 主持人 (the body's leading post, as the core says: org.get bodies[].leaders), 记录人.
import { useState, type FormEvent } from 'react';
import { PageHead } from '../../components/PageHead';
import { addDaysInput, dateTimeInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { useBodyName, useOverview } from '../../stores/org';

export function MeetingCreate() {
  const overview = useOverview();
  const bodyName = useBodyName();
  const go = useNav((s) => s.go);
  const defaultHost = (id: number | undefined) => overview.bodies.find((b) => b.id === id)?.leaders[0]?.id ?? '';
  const firstBody = overview.bodies[0];
  const [bodyId, setBodyId] = useState<number | ''>(firstBody?.id ?? '');
  const [startsAt, setStartsAt] = useState(dateTimeInput(addDaysInput(3)));
  const [place, setPlace] = useState('学校会议室');
  const [hostId, setHostId] = useState<number | ''>(defaultHost(firstBody?.id));
  const [recorderId, setRecorderId] = useState<number | ''>('');
  const body = overview.bodies.find((b) => b.id === bodyId);

  const save = useCommand(async () => {
    const out = await call('meetings.create', {
      bodyId: bodyId === '' ? (undefined as never) : bodyId,
      startsAt,
      place,
      hostId: hostId === '' ? (undefined as never) : hostId,
      recorderId: recorderId === '' ? (undefined as never) : recorderId,
    });
    notify('ok', `已新建${out.title}。`);
    go({ section: 'meetings', id: out.meetingId });
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };

  return (
    <>
      <PageHead title="新建会议" crumbs={<button className="linklike" onClick={() => go({ section: 'meetings' })}>会议</button>} />
      <div className="content content-narrow">
        <form className="card" onSubmit={onSubmit} noValidate>
          <div className="form">
            <Field label="议事机构" required error={errorFor(save.error, 'bodyId')} help={`会议按机构、年度自动编号，如 2026年第3次${bodyName('party_committee')}`}>
              <select
                value={bodyId}
                autoFocus
                onChange={(e) => {
                  const id = Number(e.target.value);
                  setBodyId(id);
                  setHostId(defaultHost(id));
                }}
              >
                {overview.bodies.map((b) => (
                  <option key={b.id} value={b.id}>{b.name}（{b.members.length}名成员）</option>
                ))}
              </select>
            </Field>
            <Field label="会议时间" required error={errorFor(save.error, 'startsAt')}>
              <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
            </Field>
            <Field label="会议地点" required error={errorFor(save.error, 'place')}>
              <input type="text" value={place} onChange={(e) => setPlace(e.target.value)} />
            </Field>
            <Field label="主持人" required error={errorFor(save.error, 'hostId')} help={body ? `${body.name}由${body.leadPost}主持` : undefined}>
              <select value={hostId} onChange={(e) => setHostId(e.target.value ? Number(e.target.value) : '')}>
                <option value="">请选择</option>
                {overview.persons.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}{p.posts.length ? `（${p.posts.join('、')}）` : ''}</option>
                ))}
              </select>
            </Field>
            <Field label="记录人" required error={errorFor(save.error, 'recorderId')}>
              <select value={recorderId} onChange={(e) => setRecorderId(e.target.value ? Number(e.target.value) : '')}>
                <option value="">请选择</option>
                {overview.persons.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}{p.department ? `（${p.department}）` : ''}</option>
                ))}
              </select>
            </Field>
          </div>
          <FormError error={save.error} fields={['bodyId', 'startsAt', 'place', 'hostId', 'recorderId']} />
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={save.busy}>新建会议</button>
            <button type="button" className="btn" onClick={() => go({ section: 'meetings' })}>取消</button>
          </div>
        </form>
      </div>
    </>
  );
}
