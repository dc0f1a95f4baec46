// Putting a mistake right before the record is locked: when a vote result may be undone, a
// membership voided, a follow-up extended, a meeting moved or called off. Pure: the commands in
// db/meetings, db/organization and db/followups gather the facts, these decide, and the
// correction is kept with before and after (amendments). After the minutes are signed only
// the revision path of R16 remains.
import { cnDate } from '../calendar';

export interface UndoVoteFacts {
  /** agenda_entries.outcome */
  outcome: string;
  /** 督办事项 of the decision (R17): execution has begun. */
  followUps: number;
  /** 无需督办 was recorded (R17). */
  waived: boolean;
  /** A 复议 motion was put on this result (R11). */
  reconsidered: boolean;
  /** The number of this decision, and the highest of the meeting: numbers follow the votes. */
  decisionNumber: number | null;
  lastDecisionNumber: number | null;
  /** The item is a 修正 whose passing closed its original decision's loop (R18). */
  closedALoop: boolean;
}

/** Null when the vote result of an entry may be undone (the meeting is still open), else why not. */
export function undoVoteRefusal(f: UndoVoteFacts): string | null {
  if (f.outcome !== 'passed' && f.outcome !== 'not_passed') return '本议题还没有表决结果，无需撤销';
  if (f.followUps > 0 || f.waived) return '该决定事项已安排督办或注明无需督办，表决结果不能再撤销';
  if (f.reconsidered) return '该表决结果已提出复议，不能再撤销';
  if (f.decisionNumber !== null && (f.lastDecisionNumber ?? 0) > f.decisionNumber) {
    return `决定事项按表决先后编号，请先撤销第${f.lastDecisionNumber}号决定事项的表决结果`;
  }
  if (f.closedALoop) return '这项修正议题通过后，原决定事项已经闭环，表决结果不能再撤销';
  return null;
}

/**
 * A membership entered by mistake is voided (it never held), unlike a term that ends. Null when
 * it may be; refused once a meeting sat with it (its quorum counted this seat, R6).
 */
export function voidRefusal(f: { startDate: string; endDate: string | null; heldMeetings: readonly string[] }): string | null {
  if (f.endDate === f.startDate) return '该成员记录已经作废';
  if (f.heldMeetings.length > 0) {
    return `${f.heldMeetings.join('、')}已按这一成员资格召开，不能作废；如该成员已离开，请结束任期`;
  }
  return null;
}

/** A voided membership is kept as an empty term: it ends the day it starts, so it holds on no date. */
export function isVoided(m: { startDate: string; endDate: string | null }): boolean {
  return m.endDate === m.startDate;
}

/** 延期 of a 督办事项: null when allowed, else why not (field deadline). */
export function extensionRefusal(f: { state: string; deadline: string; next: string }): string | null {
  if (f.state === 'done') return '该督办事项已经办结，不能延期';
  if (f.next <= f.deadline) return `延期后的完成时限须晚于原时限${cnDate(f.deadline)}`;
  return null;
}

/**
 * Moving a meeting (改期): only before it sits, and across a year only when it is the last
 * numbered meeting of its body that year — 第N次 numbers belong to the year and have no gaps.
 */
export function rescheduleRefusal(f: { state: string; seq: number; fromYear: number; toYear: number; lastSeqOfYear: number }): string | null {
  if (f.state !== 'planned') return '会议已经开始，不能再改期';
  if (f.toYear !== f.fromYear && f.lastSeqOfYear > f.seq) {
    return `本次会议是${f.fromYear}年第${f.seq}次，之后已有第${f.lastSeqOfYear}次，不能改到${f.toYear}年；请取消本次会议后另建`;
  }
  return null;
}

/** 取消 a meeting: only one that has not sat; its items go back to 待上会. */
export function cancelRefusal(state: string): string | null {
  if (state === 'in_progress') return '会议已经开始，不能取消；未议完的议题可以暂缓表决或移出议程，再结束会议';
  if (state === 'closed') return '会议已经结束，不能取消';
  if (state === 'cancelled') return '会议已经取消';
  return null;
}

/**
 * A signed meeting keeps the facts it was signed with (R16; issue H, class 6): a seat or a post
 * dated on or before it would change who was due at it (R6) or who chaired and signed it. Null
 * when `date` falls after the last signed meeting concerned.
 */
export function backdatedRefusal(f: { label: string; date: string; lastSigned: { date: string; title: string } | null }): string | null {
  if (!f.lastSigned || f.date > f.lastSigned.date) return null;
  return `「${f.label}」须晚于${f.lastSigned.title}（${cnDate(f.lastSigned.date)}）：这次会议的纪要已经签发，应到人数和主持人按当时的成员和职务记录，已经锁定`;
}
