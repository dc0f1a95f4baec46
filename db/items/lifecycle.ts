// The one way an item changes state: checked against db/rules/lifecycle.ts and kept in
// item_transitions with who and when ("every state change is kept with who and when").
import { eq, max } from 'drizzle-orm';
import { LedgerError } from '../errors';
import { nowIso, type Ledger } from '../ledger';
import { canMove } from '../rules/lifecycle';
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
