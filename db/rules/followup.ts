// R17 follow-up and R18 evaluation/correction as pure functions of rows and a date.
// The commands in db/followups ask these; the dashboard (db/rules/loop.ts) reuses them.
import type { FollowUpStatus, ItemState, Rating } from '../terms';
import { canMove } from './lifecycle';

export interface FollowUpFacts {
  state: string; // open | done
  deadline: string; // YYYY-MM-DD
}

/** R17: a FollowUp past its deadline and not done is overdue (逾期). The deadline day itself is not late. */
export function isOverdue(f: FollowUpFacts, today: string): boolean {
  return f.state !== 'done' && f.deadline < today;
}

/** Where a 督办事项 stands (the board's column, the card's badge): evaluated, done, overdue (R17) or open. */
export function followUpStatus(f: FollowUpFacts & { evaluationId: number | null }, today: string): FollowUpStatus {
  if (f.evaluationId !== null) return 'evaluated';
  if (f.state === 'done') return 'done';
  return isOverdue(f, today) ? 'overdue' : 'open';
}

/** Days past the deadline (0 when not overdue), for the dashboard's 逾期N天. */
export function daysOverdue(f: FollowUpFacts, today: string): number {
  if (!isOverdue(f, today)) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${f.deadline}T00:00:00Z`)) / 86_400_000);
}

/**
 * R11: the loop state of a passed decision whose 复议 was agreed. It stays on the record but is
 * suspended: no follow-up, no 无需督办, no R17 warning, until the item is decided again.
 */
export const RECONSIDERED = 'reconsidered';

export interface DecisionCover {
  followUps: number;
  noFollowUpReason: string | null;
  /** decisions.loop_state; a decision under 复议 (RECONSIDERED, R11) is suspended. */
  loopState?: string;
}

/**
 * R17: every decision has ≥1 FollowUp or an explicit 无需督办 with a reason; otherwise a warning.
 * A decision suspended by an agreed 复议 (R11) needs none until the item is decided again.
 */
export function lacksFollowUp(d: DecisionCover): boolean {
  return d.followUps === 0 && !d.noFollowUpReason && d.loopState !== RECONSIDERED;
}

export const MISSING_FOLLOW_UP_MESSAGE = '决定事项尚未安排督办（承办部门、责任人、分管领导、完成时限），也未注明“无需督办”的理由';

/** R18: a rating of 一般 or 差, or a failed execution, opens a Correction. */
export function needsCorrection(rating: Rating, failed: boolean): boolean {
  return failed || rating === '一般' || rating === '差';
}

export interface LoopFacts {
  noFollowUpReason: string | null;
  followUps: { evaluated: boolean }[];
  /** States of the correction items opened for the decision. */
  corrections: { state: string }[];
}

/** A correction counts as decided once its meeting passed or rejected it. */
export const CORRECTION_DECIDED_STATES: readonly string[] = ['passed', 'not_passed', 'follow_up', 'evaluated', 'closed', 'corrected'];

/**
 * R18: the loop of a decision is closed when all its FollowUps are evaluated and every
 * correction is decided. A decision with neither follow-ups nor a 无需督办 reason is not
 * closed: it has not started (R17).
 */
export function isLoopClosed(f: LoopFacts): boolean {
  if (f.followUps.length === 0) return Boolean(f.noFollowUpReason) && f.corrections.every(isCorrectionDecided);
  return f.followUps.every((x) => x.evaluated) && f.corrections.every(isCorrectionDecided);
}

export function isCorrectionDecided(c: { state: string }): boolean {
  return CORRECTION_DECIDED_STATES.includes(c.state);
}

/** The loop stage of a decision's item once follow-up work has begun (rule book, "The loop" 6–7). */
export type DecisionStage = 'passed' | 'follow_up' | 'corrected' | 'closed';

/**
 * Where the decided item should stand: follow_up while any follow-up is unevaluated,
 * corrected while a correction is pending, closed when R18 says so. (All evaluated with no
 * correction is already closed, so 已评价 is only passed through, on the way to closed.)
 */
export function decisionStage(f: LoopFacts): DecisionStage {
  if (isLoopClosed(f)) return 'closed';
  if (f.corrections.length > 0) return 'corrected';
  if (f.followUps.length === 0) return 'passed';
  return 'follow_up';
}

/**
 * The shortest chain of lifecycle moves from `from` to `to` (e.g. follow_up → evaluated → closed),
 * so every step is a permitted transition kept in the item's history. Empty when already there or
 * when there is no way (a corrected item never goes back to follow_up).
 */
export function stagePath(from: ItemState, to: ItemState): ItemState[] {
  // `from` is seen from the start, so from === to gives [] as well.
  const seen = new Map<ItemState, ItemState[]>([[from, []]]);
  const queue: ItemState[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const next of POST_DECISION) {
      if (seen.has(next) || !canMove(at, next)) continue;
      const path = [...seen.get(at)!, next];
      if (next === to) return path;
      seen.set(next, path);
      queue.push(next);
    }
  }
  return [];
}

/** States a decided item moves through after 'passed' (the item already stands at passed or later). */
const POST_DECISION: readonly ItemState[] = ['follow_up', 'evaluated', 'corrected', 'closed'];
