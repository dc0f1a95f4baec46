// The sign-in list of 会议模式 as rows the secretary edits, and back to meetings.setAttendance
// input. arrivesAt / leavesAfter are agenda positions (R6 is checked per item).
import type { AttendanceStatus } from '../../../db/terms';
import type { InputOf } from '../../ledger-client';
import type { MeetingView } from '../../stores/meetings';

export interface CheckRow {
  personId: number;
  name: string;
  /** A voting member of the body (出席 / 请假 / 缺席); others attend as 列席. */
  member: boolean;
  status: AttendanceStatus;
  reason: string;
  arrivesAt: number | null;
  leavesAfter: number | null;
}

export function checkRows(view: MeetingView): CheckRow[] {
  const byId = new Map(view.attendance.map((a) => [a.personId, a]));
  const rows: CheckRow[] = view.members
    .filter((m) => m.voting)
    .map((m) => {
      const a = byId.get(m.personId);
      return {
        personId: m.personId,
        name: m.name,
        member: true,
        status: a?.status ?? '出席',
        reason: a?.reason ?? '',
        arrivesAt: a?.arrivesAt ?? null,
        leavesAfter: a?.leavesAfter ?? null,
      };
    });
  for (const a of view.attendance) {
    if (!rows.some((r) => r.personId === a.personId)) {
      rows.push({ personId: a.personId, name: a.name, member: false, status: a.status, reason: a.reason ?? '', arrivesAt: a.arrivesAt, leavesAfter: a.leavesAfter });
    }
  }
  return rows;
}

export function attendanceInput(meetingId: number, rows: CheckRow[]): InputOf<'meetings.setAttendance'> {
  return {
    meetingId,
    rows: rows.map((r) => {
      const inRoom = r.status === '出席' || r.status === '列席';
      return {
        personId: r.personId,
        status: r.status,
        reason: r.status === '请假' ? r.reason : '',
        arrivesAt: inRoom ? r.arrivesAt : null,
        leavesAfter: inRoom ? r.leavesAfter : null,
      };
    }),
  };
}
