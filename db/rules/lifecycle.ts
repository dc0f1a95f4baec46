// Lifecycle of an agenda item (rule book, "The loop"): which state may follow which.
// Pure: the command that moves an item asks canMove() and records the transition.
import type { ItemState } from '../terms';

export const TRANSITIONS: Record<ItemState, readonly ItemState[]> = {
  // 撤回: until an item is on an agenda its proposer may take it back; it stays as 已撤回.
  draft: ['consultation', 'ready', 'postponed', 'withdrawn'],
  consultation: ['ready', 'postponed', 'withdrawn'],
  // 暂缓上会: needs a new consultation before it can be scheduled (R4).
  postponed: ['ready', 'postponed', 'consultation', 'withdrawn'],
  ready: ['scheduled', 'postponed', 'consultation', 'withdrawn'],
  // Removed from an agenda (or its meeting cancelled), or studied first by the 校长办公会 and
  // waiting for the 党组织会议 (R1). A report (R14 临时处置通报, R17 执行情况报告) is heard, not
  // decided: scheduled → noted.
  scheduled: ['ready', 'discussed', 'passed', 'not_passed', 'vote_postponed', 'noted'],
  discussed: ['passed', 'not_passed', 'vote_postponed'],
  // 暂缓表决 goes back to consultation (R11).
  vote_postponed: ['consultation', 'ready', 'postponed', 'withdrawn'],
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
  // 已撤回: an end; to take it up again the secretary copies it into a new draft.
  withdrawn: [],
};

export function canMove(from: ItemState, to: ItemState): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Undoing a vote result (until the meeting is closed) takes the item back to where the vote
 * found it: discussed, or still scheduled when nobody but the deciding 校长 had to state (R12).
 * These moves exist only as undo: no command may otherwise turn a decision back.
 */
export const UNDO_VOTE: Partial<Record<ItemState, readonly ItemState[]>> = {
  passed: ['discussed', 'scheduled'],
  not_passed: ['discussed', 'scheduled'],
};

export function canUndoVote(from: ItemState, to: ItemState): boolean {
  return UNDO_VOTE[from]?.includes(to) ?? false;
}

/** States an item may be withdrawn from: not yet on an agenda (R3–R5 not yet run at a meeting). */
export function withdrawRefusal(state: ItemState, kind: string): string | null {
  // A 修正 is opened by an evaluation (R18) and an emergency report must be heard (R14): neither is the proposer's to drop.
  if (kind === 'correction') return '修正议题由督办评价启动，须上会决定，不能撤回';
  if (kind === 'emergency_report') return '临时处置须在会议上通报，不能撤回';
  if (state === 'scheduled' || state === 'discussed') return '议题已列入会议议程，请先从议程中移出，再撤回';
  if (state === 'withdrawn') return '议题已经撤回';
  if (!canMove(state, 'withdrawn')) return '议题已有会议结果，不能撤回';
  return null;
}

/** Items still being prepared: every field may be corrected (R4 asks for a new consultation when the substance changes). */
export const EDITABLE_STATES: readonly ItemState[] = ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed'];

/** What was consulted on (R4, R5), who proposed it (R3) and which meeting decides it (R1, R2). */
const SUBSTANCE = ['summary', 'matterId', 'amount', 'important', 'proposerId'] as const;

/**
 * May these fields of an item be changed in its state? Null when they may, else the field that
 * may not and why. On an agenda, only the title (a typing mistake), the 分管领导 and the materials
 * date may still change: the substance was checked by the agenda gate.
 */
export function editRefusal(state: ItemState, changed: readonly string[]): { field: string; message: string } | null {
  if (EDITABLE_STATES.includes(state) || changed.length === 0) return null;
  if (state === 'scheduled') {
    const field = changed.find((f) => (SUBSTANCE as readonly string[]).includes(f));
    return field ? { field, message: '议题已列入会议议程，议题内容、事项、金额、提出人和重要事项不能再改；如需修改，请先从议程中移出' } : null;
  }
  const field = changed[0]!;
  if (state === 'withdrawn') return { field, message: '议题已撤回，不能再修改；如需重新提出，请复制为新草稿' };
  return { field, message: '议题已在会议上讨论或已有结果，不能再修改' };
}
