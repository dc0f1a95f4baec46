// Keeps a decided item's lifecycle state and the decision's loop state in step with its
// follow-ups, evaluations and corrections (R17, R18). Every move goes through moveItem, so
// the history shows passed → follow_up → evaluated → closed (or → corrected → closed).
import { eq } from 'drizzle-orm';
import { moveItem } from '../items/lifecycle';
import { getItem } from '../items/queries';
import type { Ledger } from '../ledger';
import { RECONSIDERED, decisionStage, isLoopClosed, stagePath } from '../rules/followup';
import { decisions } from '../schema';
import type { ItemState } from '../terms';
import { loopFactsOf } from './queries';

const NOTES: Partial<Record<ItemState, string>> = {
  follow_up: '已安排督办',
  evaluated: '督办事项均已评价',
  corrected: '评价后启动修正',
  closed: '闭环：督办事项均已评价，修正议题均已决定',
};

export function syncDecisionLoop(ledger: Ledger, decisionId: number): void {
  const decision = ledger.db.select().from(decisions).where(eq(decisions.id, decisionId)).get();
  if (!decision || decision.loopState === RECONSIDERED) return;
  const facts = loopFactsOf(ledger, decisionId, decision.noFollowUpReason);
  const item = getItem(ledger, decision.itemId);
  for (const step of stagePath(item.state, decisionStage(facts))) moveItem(ledger, item.id, step, NOTES[step]);
  const loopState = isLoopClosed(facts) ? 'closed' : 'open';
  if (loopState !== decision.loopState) ledger.db.update(decisions).set({ loopState }).where(eq(decisions.id, decisionId)).run();
}

/** R11: an agreed 复议 of a passed decision suspends it (kept on the record, see RECONSIDERED). */
export function suspendDecision(ledger: Ledger, decisionId: number): void {
  ledger.db.update(decisions).set({ loopState: RECONSIDERED }).where(eq(decisions.id, decisionId)).run();
}

/**
 * Call after an item's outcome is decided at a meeting (passed / not passed). When the item is a
 * 修正 of an earlier decision, that decision's loop may now be closed (R18).
 */
export function onItemDecided(ledger: Ledger, itemId: number): void {
  const item = getItem(ledger, itemId);
  if (item.kind === 'correction' && item.decisionId !== null) syncDecisionLoop(ledger, item.decisionId);
}
