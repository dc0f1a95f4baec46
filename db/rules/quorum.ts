// R6 quorum, R7 who votes, R8 recusal in 应到: pure, checked per agenda entry because
// people arrive late and leave early (attendance names agenda positions).
import type { AttendanceStatus } from '../terms';

export interface Seat {
  personId: number;
  /** Voting member of the body on the meeting date. */
  voting: boolean;
}

export interface AttendanceMark {
  personId: number;
  status: AttendanceStatus;
  /** First agenda position present for; null = from the start. */
  arrivesAt: number | null;
  /** Last agenda position present for; null = to the end. */
  leavesAfter: number | null;
}

export interface QuorumSettings {
  /** R6: exactly half counts as 半数以上. Default false. */
  halfCountsAsMajority: boolean;
  /** R8: recused members stay in 应到. Default false. */
  recusedCountInDue: boolean;
}

export interface QuorumInput {
  /** Members of the body on the meeting date. */
  members: Seat[];
  attendance: AttendanceMark[];
  /** Agenda position of the entry. */
  position: number;
  /** Members recused from this entry (R8). */
  recused: number[];
  /** The item's Matter needs two thirds present (R6). */
  twoThirds: boolean;
  settings: QuorumSettings;
}

export interface QuorumView {
  /** 应到: voting members, minus recused unless recusedCountInDue (R6, R8). */
  due: number;
  /** 实到: present voting members who are not recused: exactly those who state and vote (R7, R8). */
  present: number;
  /** Smallest 实到 that makes a quorum. */
  quorumNeeded: number;
  quorumOk: boolean;
  /** Which R6 threshold applied, for the record. */
  rule: string;
  /** Ids of the members who may state and vote on this entry (R7, R8). */
  voterIds: number[];
  /** Voting members due but not present for this entry. */
  absentIds: number[];
}

/** R6: is the person in the room for the entry at `position`? Only 出席 counts; 列席 never votes (R7). */
export function presentAt(mark: AttendanceMark, position: number): boolean {
  if (mark.status !== '出席') return false;
  if (mark.arrivesAt !== null && position < mark.arrivesAt) return false;
  if (mark.leavesAfter !== null && position > mark.leavesAfter) return false;
  return true;
}

/** R6: the least number present for a quorum of `due`. */
export function minimumPresent(due: number, twoThirds: boolean, halfCountsAsMajority: boolean): number {
  if (due <= 0) return 0;
  // 2/3 matters: "at least two thirds present".
  if (twoThirds) return Math.ceil((2 * due) / 3);
  // 半数以上: more than half, or exactly half when the school's rules say so.
  return halfCountsAsMajority ? Math.ceil(due / 2) : Math.floor(due / 2) + 1;
}

/** R6 in plain words, as the screen names the rule that applies to an entry. */
export function quorumBasis(twoThirds: boolean, halfCountsAsMajority: boolean): string {
  if (twoThirds) return '需三分之二以上成员到会';
  return halfCountsAsMajority ? '需半数（含）以上成员到会' : '需过半数成员到会';
}

export function quorumFor(input: QuorumInput): QuorumView {
  const recused = new Set(input.recused);
  const voting = input.members.filter((m) => m.voting);
  const dueIds = voting.filter((m) => input.settings.recusedCountInDue || !recused.has(m.personId)).map((m) => m.personId);
  const marks = new Map(input.attendance.map((a) => [a.personId, a]));
  const voterIds = voting
    .filter((m) => !recused.has(m.personId))
    .filter((m) => {
      const mark = marks.get(m.personId);
      return mark !== undefined && presentAt(mark, input.position);
    })
    .map((m) => m.personId);
  const due = dueIds.length;
  const quorumNeeded = minimumPresent(due, input.twoThirds, input.settings.halfCountsAsMajority);
  const voterSet = new Set(voterIds);
  return {
    due,
    present: voterIds.length,
    quorumNeeded,
    // A body with nobody due can never meet.
    quorumOk: due > 0 && voterIds.length >= quorumNeeded,
    rule: input.twoThirds ? 'R6 三分之二以上到会' : input.settings.halfCountsAsMajority ? 'R6 半数（含）以上到会' : 'R6 过半数到会',
    voterIds,
    absentIds: dueIds.filter((id) => !voterSet.has(id)),
  };
}
