// Who is in the room for this item (R6): a member leaving (离会) or arriving late (到会) is
// recorded against this agenda position, and the quorum line recomputes at once.
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView, MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { attendanceInput, checkRows, type CheckRow } from './attendance';

export function PresenceStrip({ view, entry, onChanged }: { view: MeetingView; entry: EntryView; onChanged(): void }) {
  const rows = checkRows(view);
  const pos = entry.position;
  // The last position before this one: "离会" means present up to the previous item.
  const previous = view.entries.filter((e) => e.position < pos).at(-1)?.position ?? null;
  const here = (r: CheckRow) => r.status === '出席' && (r.arrivesAt === null || r.arrivesAt <= pos) && (r.leavesAfter === null || r.leavesAfter >= pos);
  const change = useCommand(async (personId: number, patch: Partial<CheckRow>, message: string) => {
    const next = rows.map((r) => (r.personId === personId ? { ...r, ...patch } : r));
    await call('meetings.setAttendance', attendanceInput(view.meeting.id, next));
    notify('info', message);
    onChanged();
  });
  const members = rows.filter((r) => r.member);
  if (view.attendance.length === 0) return null;
  return (
    <div className="presence" aria-label="本项在场成员">
      <span className="muted small">本项在场：</span>
      {members.map((r) => {
        const inRoom = here(r);
        const recused = entry.recusals.some((x) => x.personId === r.personId);
        const label = recused ? '回避' : inRoom ? '在场' : r.status === '出席' ? (r.arrivesAt !== null && r.arrivesAt > pos ? '未到' : '已离会') : r.status;
        return (
          <span key={r.personId} className={`seat${inRoom && !recused ? ' in' : ''}`} data-seat={r.name}>
            {r.name}
            <span className="small">{label}</span>
            {entry.outcome === 'pending' && inRoom && !recused && previous !== null && (
              <button className="linklike small" disabled={change.busy} onClick={() => void change.run(r.personId, { leavesAfter: previous }, `${r.name}自第${entry.number}项起离会，人数已重新计算。`)}>
                离会
              </button>
            )}
            {entry.outcome === 'pending' && !inRoom && r.status === '出席' && r.leavesAfter !== null && r.leavesAfter < pos && (
              <button className="linklike small" disabled={change.busy} onClick={() => void change.run(r.personId, { leavesAfter: null }, `${r.name}已回到会场。`)}>
                返回
              </button>
            )}
            {entry.outcome === 'pending' && (r.status === '缺席' || (r.status === '出席' && r.arrivesAt !== null && r.arrivesAt > pos)) && (
              <button className="linklike small" disabled={change.busy} onClick={() => void change.run(r.personId, { status: '出席', arrivesAt: pos, reason: '' }, `${r.name}自第${entry.number}项起到会。`)}>
                到会
              </button>
            )}
          </span>
        );
      })}
      <FormError error={change.error} />
    </div>
  );
}
