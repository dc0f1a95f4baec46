// Lifecycle of an agenda item (rule book, "The loop"): which state may follow which.
// Pure: the command that moves an item asks canMove() and records the transition.
import type { ItemState } from '../terms';

export const TRANSITIONS: Record<ItemState, readonly ItemState[]> = {
  draft: ['consultation', 'ready', 'postponed'],
  consultation: ['ready', 'postponed'],
  // 暂缓上会: needs a new consultation before it can be scheduled (R4).
  postponed: ['ready', 'postponed', 'consultation'],
  ready: ['scheduled', 'postponed', 'consultation'],
  // Removed from an agenda, or studied first by the 校长办公会 and waiting for the 党组织会议 (R1).
  // A report (R14 临时处置通报, R17 执行情况报告) is heard, not decided: scheduled → noted.
  scheduled: ['ready', 'discussed', 'passed', 'not_passed', 'vote_postponed', 'noted'],
  discussed: ['passed', 'not_passed', 'vote_postponed'],
  // 暂缓表决 goes back to consultation (R11).
  vote_postponed: ['consultation', 'ready', 'postponed'],
  // An agreed 复议 (R11: more than half of 应到) reopens a decided item before execution starts:
  // it goes back to consultation and then onto an agenda again. Once follow-ups exist, a change
  // goes through a correction (R18) instead.
  not_passed: ['consultation'],
  passed: ['follow_up', 'closed', 'evaluated', 'consultation'],
  follow_up: ['evaluated', 'corrected'],
  evaluated: ['closed', 'corrected', 'follow_up'],
  corrected: ['closed'],
  closed: [],
  // 已听取: the end for a heard report.
  noted: [],
};

export function canMove(from: ItemState, to: ItemState): boolean {
  return TRANSITIONS[from].includes(to);
}
