// 出席签到 in 会议模式 (R6, R7, R16): each voting member 出席 / 请假 (with reason) / 缺席, late
// arrival or early leave by agenda item, and 列席 guests (they speak, never vote).
// Keys: ↑/↓ choose a person (when the list has focus), 1 出席, 2 请假, 3 缺席, Ctrl+Enter saves.
import { LeaveReason, StatusChoice } from '../meetings/AttendanceCells';
import { GuestPicker } from '../meetings/GuestPicker';
import { useState, type KeyboardEvent } from 'react';
import type { AttendanceStatus } from '../../../db/terms';
import { useShortcut } from '../../components/useShortcut';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { attendanceInput, checkRows, type CheckRow } from './attendance';

const MEMBER_STATUSES: AttendanceStatus[] = ['出席', '请假', '缺席'];

export function CheckIn({ view, onSaved }: { view: MeetingView; onSaved(): void }) {
  const overview = useOverview();
  const [rows, setRows] = useState<CheckRow[]>(() => checkRows(view));
  const positions = view.entries.map((e) => ({ position: e.position, label: `第${e.number}项` }));
  const others = overview.persons.filter((p) => !rows.some((r) => r.personId === p.id));
  const update = (i: number, patch: Partial<CheckRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = useCommand(async () => {
    const saved = await call('meetings.setAttendance', attendanceInput(view.meeting.id, rows));
    notify('ok', `签到已保存：应到${saved.signedIn.due}人，实到${saved.signedIn.present}人。`);
    onSaved();
  });
  useShortcut('Ctrl+Enter', () => void save.run());

  // Number keys on a focused row set its status, so the list can be run through from the keyboard.
  const onRowKey = (i: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    const r = rows[i]!;
    if (!r.member || e.altKey || e.ctrlKey) return;
    const status = MEMBER_STATUSES[Number(e.key) - 1];
    if (status && (e.target as HTMLElement).tagName !== 'INPUT') {
      e.preventDefault();
      e.stopPropagation();
      update(i, { status });
    }
  };

  // A tally of the form as marked (not yet saved): how many members under each status.
  const marked = MEMBER_STATUSES.map((s) => `${s}${rows.reduce((n, r) => n + (r.member && r.status === s ? 1 : 0), 0)}人`).join(' · ');
  return (
    <section className="card">
      <div className="card-head">
        <h2>出席签到</h2>
        <span className="badge info">{marked}</span>
        <span className="muted small">选中一行按 <kbd className="hint">1</kbd>出席 <kbd className="hint">2</kbd>请假 <kbd className="hint">3</kbd>缺席；<kbd className="hint">Ctrl+Enter</kbd>保存</span>
      </div>
      {errorFor(save.error, 'rows') && save.error?.field === 'rows' && <div className="notice error" role="alert">{save.error.message}</div>}
      <table className="list checkin">
        <thead>
          <tr>
            <th>姓名</th>
            <th>出席情况</th>
            <th>请假事由</th>
            <th>迟到（自第几项起在场）</th>
            <th>早退（第几项后离会）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const reasonError = errorFor(save.error, `rows.${i}.reason`);
            const statusError = errorFor(save.error, `rows.${i}.status`, `rows.${i}.personId`, `rows.${i}.arrivesAt`, `rows.${i}.leavesAfter`);
            const inRoom = r.status === '出席' || r.status === '列席';
            return (
              <tr key={r.personId} data-attendance={r.name} tabIndex={0} onKeyDown={onRowKey(i)} aria-label={`${r.name}：${r.status}`}>
                <td>
                  {r.name}
                  {!r.member && <div className="muted small">列席，不参加表决</div>}
                </td>
                <td>
                  <StatusChoice name={r.name} member={r.member} status={r.status} statuses={MEMBER_STATUSES} keyHints error={statusError} onStatus={(status) => update(i, { status })} onRemove={() => setRows(rows.filter((_, j) => j !== i))} />
                </td>
                <td>
                  <LeaveReason name={r.name} status={r.status} reason={r.reason} error={reasonError} onReason={(reason) => update(i, { reason })} />
                </td>
                <td>
                  {inRoom && positions.length > 0 ? (
                    <select aria-label={`${r.name}迟到`} value={r.arrivesAt ?? ''} onChange={(e) => update(i, { arrivesAt: e.target.value ? Number(e.target.value) : null })}>
                      <option value="">准时到会</option>
                      {positions.slice(1).map((p) => (
                        <option key={p.position} value={p.position}>自{p.label}起</option>
                      ))}
                    </select>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {inRoom && positions.length > 0 ? (
                    <select aria-label={`${r.name}早退`} value={r.leavesAfter ?? ''} onChange={(e) => update(i, { leavesAfter: e.target.value ? Number(e.target.value) : null })}>
                      <option value="">会议结束</option>
                      {positions.slice(0, -1).map((p) => (
                        <option key={p.position} value={p.position}>{p.label}后离会</option>
                      ))}
                    </select>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <GuestPicker people={others} onAdd={(p) => setRows([...rows, { personId: p.id, name: p.name, member: false, status: '列席', reason: '', arrivesAt: null, leavesAfter: null }])} />
      <FormError error={save.error} fields={['rows']} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy} onClick={() => void save.run()}>
          保存签到<kbd className="hint">Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
