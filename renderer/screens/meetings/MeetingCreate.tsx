// 新建会议: body, time, place, 主持人 (the body's leading post, as the core says: org.get bodies[].leaders), 记录人.
// A mistyped year is refused at 会议时间; unusual times (a weekend, late, long ago) come back as notices.
import { useEffect, useState, type FormEvent } from 'react';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { PageHead } from '../../components/PageHead';
import { addDaysInput, dateTimeInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { useBodyName, useOverview } from '../../stores/org';
import { MEETING_FIELDS, MeetingFields, picked, type MeetingDraft } from './MeetingFields';

export function MeetingCreate() {
  const overview = useOverview();
  const bodyName = useBodyName();
  const go = useNav((s) => s.go);
  const defaultHost = (id: number | undefined) => overview.bodies.find((b) => b.id === id)?.leaders[0]?.id ?? '';
  const firstBody = overview.bodies[0];
  const [bodyId, setBodyId] = useState<number | ''>(firstBody?.id ?? '');
  const initial: MeetingDraft = { startsAt: dateTimeInput(addDaysInput(3)), place: '学校会议室', hostId: defaultHost(firstBody?.id), recorderId: '' };
  const [draft, setDraft] = useState<MeetingDraft>(initial);
  const body = overview.bodies.find((b) => b.id === bodyId);
  // The last meeting of the chosen body lends its place and 记录人 (templates.meetingDefaults).
  const [base, setBase] = useState<{ place: string; recorderId: number | ''; from: string | null }>({ place: initial.place, recorderId: '', from: null });
  useEffect(() => {
    if (bodyId === '') return;
    let live = true;
    call('templates.meetingDefaults', { bodyId })
      .then((d) => {
        if (!live || !d.from) return;
        const next = { place: d.place ?? initial.place, recorderId: d.recorderId ?? ('' as const), from: d.from };
        setBase(next);
        setDraft((cur) => ({ ...cur, place: next.place, recorderId: next.recorderId }));
      })
      .catch(() => undefined); // without them the form starts blank, as before
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of body brings new defaults
  }, [bodyId]);
  const release = useUnsavedGuard(draft.startsAt !== initial.startsAt || draft.place !== base.place || draft.recorderId !== base.recorderId);

  const save = useCommand(async () => {
    const out = await call('meetings.create', {
      bodyId: picked(bodyId),
      startsAt: draft.startsAt,
      place: draft.place,
      hostId: picked(draft.hostId),
      recorderId: picked(draft.recorderId),
    });
    release();
    notify(out.notices.length ? 'warn' : 'ok', `已新建${out.title}。${out.notices.length ? `请留意：${out.notices.join('；')}。` : ''}`);
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
                  setDraft({ ...draft, hostId: defaultHost(id) });
                }}
              >
                {overview.bodies.map((b) => (
                  <option key={b.id} value={b.id}>{b.name}（{b.members.length}名成员）</option>
                ))}
              </select>
            </Field>
            <MeetingFields draft={draft} onChange={setDraft} error={save.error} persons={overview.persons} hostHelp={body ? `${body.name}由${body.leadPost}主持` : undefined} placeHelp={base.from ? `地点和记录人沿用上次会议（${base.from}）` : undefined} />
          </div>
          <FormError error={save.error} fields={['bodyId', ...MEETING_FIELDS]} />
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={save.busy}>新建会议</button>
            <button type="button" className="btn" onClick={() => go({ section: 'meetings' })}>取消</button>
          </div>
        </form>
      </div>
    </>
  );
}
