// 修改会议信息 and 取消会议: the time (改期) and host before the meeting sits, the place and
// recorder until it closes; calling it off (取消, with a reason) before it sits returns its items
// to 待上会. The core decides what may still change; refusals name the field.
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { MEETING_FIELDS, MeetingFields, picked, type MeetingDraft } from './MeetingFields';

export function MeetingEditForm({ view, onDone }: { view: MeetingView; onDone(changed: boolean): void }) {
  const overview = useOverview();
  const m = view.meeting;
  const initial: MeetingDraft = { startsAt: m.startsAt, place: m.place, hostId: m.hostId, recorderId: m.recorderId };
  const [draft, setDraft] = useState(initial);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const release = useUnsavedGuard(dirty);
  const sat = m.state !== 'planned';
  const save = useCommand(async () => {
    const out = await call('meetings.update', {
      meetingId: m.id,
      startsAt: draft.startsAt !== m.startsAt ? draft.startsAt : undefined,
      place: draft.place,
      hostId: picked(draft.hostId),
      recorderId: picked(draft.recorderId),
    });
    release();
    notify(out.notices.length ? 'warn' : 'ok', `会议信息已更正（${out.title}）。${out.notices.length ? `请留意：${out.notices.join('；')}。` : ''}`);
    onDone(true);
  });
  return (
    <section className="card" aria-label="修改会议信息">
      <h2>修改会议信息</h2>
      <div className="form">
        <MeetingFields
          draft={draft}
          onChange={setDraft}
          error={save.error}
          persons={overview.persons}
          hostHelp={`${view.body.name}由${view.body.leadPost}主持`}
          locked={sat ? { startsAt: '会议已经开始，不能再改期', hostId: '会议已经开始，不能更换主持人' } : {}}
        />
      </div>
      <FormError error={save.error} fields={MEETING_FIELDS} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy || !dirty} onClick={() => void save.run()}>保存更正</button>
        <button className="btn" onClick={() => { release(); onDone(false); }}>取消</button>
        <span className="muted small">改期到其他年份时，会议编号随之调整</span>
      </div>
    </section>
  );
}

export function CancelMeetingButton({ view, onCancelled }: { view: MeetingView; onCancelled(): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useCommand(async () => {
    const out = await call('meetings.cancel', { meetingId: view.meeting.id, reason });
    setAsking(false);
    notify('ok', `${out.title}已取消${out.returned.length ? `，${out.returned.length}项议题回到待上会` : ''}。`);
    onCancelled();
  });
  return (
    <>
      <button className="btn danger" onClick={() => { cancel.clear(); setAsking(true); }}>取消会议…</button>
      {asking && (
        <ConfirmDialog
          title={`取消${view.title}？`}
          consequence={`会议取消后不能恢复，议程上的${view.entries.length}项议题回到「待上会」，会议编号保留并注明已取消。`}
          confirmLabel="取消会议"
          cancelLabel="不取消"
          danger
          busy={cancel.busy}
          onConfirm={() => void cancel.run()}
          onCancel={() => setAsking(false)}
        >
          <Field label="取消原因" required error={errorFor(cancel.error, 'reason')}>
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：上级临时召开会议，改期另行通知" />
          </Field>
          <FormError error={cancel.error} fields={['reason']} />
        </ConfirmDialog>
      )}
    </>
  );
}
