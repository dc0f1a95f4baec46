// 出席情况 (R6, R7, R16): every voting member is 出席, 缺席 or 请假 (with the reason); people
// outside the body may attend as 列席 (they speak, never vote).
import { LeaveReason, StatusChoice } from './AttendanceCells';
import { GuestPicker } from './GuestPicker';
import { useState } from 'react';
import { ATTENDANCE_STATUSES } from '../../../db/terms';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';

interface Row {
  personId: number;
  name: string;
  member: boolean;
  status: string;
  reason: string;
}

function initialRows(view: MeetingView): Row[] {
  const byId = new Map(view.attendance.map((a) => [a.personId, a]));
  const rows: Row[] = view.members.map((m) => {
    const a = byId.get(m.personId);
    return { personId: m.personId, name: m.name, member: true, status: a?.status ?? '出席', reason: a?.reason ?? '' };
  });
  for (const a of view.attendance) {
    if (!rows.some((r) => r.personId === a.personId)) rows.push({ personId: a.personId, name: a.name, member: false, status: a.status, reason: a.reason ?? '' });
  }
  return rows;
}

export function AttendancePanel({ view, onSaved }: { view: MeetingView; onSaved(): void }) {
  const overview = useOverview();
  const [rows, setRows] = useState<Row[]>(() => initialRows(view));
  const recorded = view.attendance.length > 0;
  const others = overview.persons.filter((p) => !rows.some((r) => r.personId === p.id));

  const save = useCommand(async () => {
    const saved = await call('meetings.setAttendance', {
      meetingId: view.meeting.id,
      rows: rows.map((r) => ({
        personId: r.personId,
        status: r.status as (typeof ATTENDANCE_STATUSES)[number],
        reason: r.reason,
        arrivesAt: null,
        leavesAfter: null,
      })),
    });
    notify('ok', `出席情况已保存：应到${saved.signedIn.due}人，实到${saved.signedIn.present}人。`);
    onSaved();
  });
  // Seat this meeting as the last one of the body was (templates.copyAttendance), then adjust.
  const reuse = useCommand(async () => {
    const out = await call('templates.copyAttendance', { meetingId: view.meeting.id });
    notify('ok', `已沿用${out.from}的出席情况，请按本次实际情况核对。`);
    onSaved();
  });
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <section className="card">
      <div className="card-head">
        <h2>出席情况</h2>
        <span className="muted small">{recorded ? '已登记，可修改后重新保存。' : '尚未登记：默认全部出席，请改为实际情况后保存。'}</span>
        {!recorded && (
          <button className="btn small" disabled={reuse.busy} onClick={() => void reuse.run()}>沿用上次会议的出席情况</button>
        )}
      </div>
      <FormError error={reuse.error} />
      {save.error?.field === 'rows' && <div className="notice error" role="alert">{save.error.message}</div>}
      <table className="list">
        <thead>
          <tr>
            <th>姓名</th>
            <th>身份</th>
            <th>出席情况</th>
            <th>请假事由</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const reasonError = errorFor(save.error, `rows.${i}.reason`);
            const statusError = errorFor(save.error, `rows.${i}.status`, `rows.${i}.personId`);
            return (
              <tr key={r.personId} data-attendance={r.name}>
                <td>{r.name}</td>
                <td className="muted">{r.member ? '成员' : '列席人员'}</td>
                <td>
                  <StatusChoice name={r.name} member={r.member} status={r.status} statuses={['出席', '缺席', '请假']} error={statusError} onStatus={(status) => update(i, { status })} onRemove={() => setRows(rows.filter((_, j) => j !== i))} />
                </td>
                <td>
                  <LeaveReason name={r.name} status={r.status} reason={r.reason} error={reasonError} onReason={(reason) => update(i, { reason })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <GuestPicker people={others} onAdd={(p) => setRows([...rows, { personId: p.id, name: p.name, member: false, status: '列席', reason: '' }])} />
      <FormError error={save.error} fields={['rows']} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy} onClick={() => void save.run()}>保存出席情况</button>
      </div>
    </section>
  );
}
