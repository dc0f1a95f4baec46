// The one way an item changes state: checked against db/rules/lifecycle.ts and kept in
// item_transitions with who and when ("every state change is kept with who and when").
import { and, desc, eq, max } from 'drizzle-orm';
import { LedgerError } from '../errors';
import { nowIso, type Ledger } from '../ledger';
import { canMove, canUndoVote } from '../rules/lifecycle';
import { agendaItems, consultations, itemTransitions } from '../schema';
import { ITEM_STATE_LABELS, type ItemState } from '../terms';
import { getItem } from './queries';

export function moveItem(ledger: Ledger, itemId: number, to: ItemState, note?: string): void {
  const item = getItem(ledger, itemId);
  if (item.state === to && to !== 'postponed') return;
  if (!canMove(item.state, to)) {
    throw new LedgerError({
      code: 'conflict',
      message: `议题「${item.title}」当前为「${ITEM_STATE_LABELS[item.state]}」，不能变为「${ITEM_STATE_LABELS[to]}」。`,
    });
  }
  ledger.db.update(agendaItems).set({ state: to }).where(eq(agendaItems.id, itemId)).run();
  ledger.db
    .insert(itemTransitions)
    .values({ itemId, fromState: item.state, toState: to, at: nowIso(ledger), operator: ledger.operator, note: note ?? null })
    .run();
}

/**
 * Undo the move a vote result made (passed / not passed → where the vote found the item), read
 * from the item's own history and kept there as a new step with the note: the history is never
 * rewritten. Only the undo moves of db/rules/lifecycle.ts are allowed.
 */
export function undoItemMove(ledger: Ledger, itemId: number, note: string): void {
  const item = getItem(ledger, itemId);
  const last = ledger.db
    .select({ from: itemTransitions.fromState })
    .from(itemTransitions)
    .where(and(eq(itemTransitions.itemId, itemId), eq(itemTransitions.toState, item.state)))
    .orderBy(desc(itemTransitions.id))
    .get();
  const to = last?.from as ItemState | null | undefined;
  if (!to || !canUndoVote(item.state, to)) {
    throw new LedgerError({ code: 'conflict', message: `议题「${item.title}」当前为「${ITEM_STATE_LABELS[item.state]}」，表决结果不能撤销。` });
  }
  ledger.db.update(agendaItems).set({ state: to }).where(eq(agendaItems.id, itemId)).run();
  ledger.db.insert(itemTransitions).values({ itemId, fromState: item.state, toState: to, at: nowIso(ledger), operator: ledger.operator, note }).run();
}

/** The first transition of a new item (from nothing). */
export function recordCreation(ledger: Ledger, itemId: number, state: ItemState, note?: string): void {
  ledger.db
    .insert(itemTransitions)
    .values({ itemId, fromState: null, toState: state, at: nowIso(ledger), operator: ledger.operator, note: note ?? null })
    .run();
}

/** R11: a postponed vote sets the floor: only consultations recorded from now on, dated on or after `date`, count. */
export function raiseReconsultFloor(ledger: Ledger, itemId: number, date: string): void {
  const last = ledger.db.select({ id: max(consultations.id) }).from(consultations).where(eq(consultations.itemId, itemId)).get();
  ledger.db.update(agendaItems).set({ reconsultAfterId: last?.id ?? 0, reconsultFrom: date }).where(eq(agendaItems.id, itemId)).run();
}
