// Commands on agenda items: edit while not yet on an agenda, submit a draft into consultation.
import type { z } from 'zod';
import { conflict } from '../errors';
import { today, type Ledger } from '../ledger';
import { getMatter } from '../organization/queries';
import { needsConsultation } from '../rules/consultation';
import { routeItem } from '../rules/routing';
import { agendaItems } from '../schema';
import { ITEM_STATE_LABELS, type ItemState } from '../terms';
import { eq } from 'drizzle-orm';
import type { UpdateItem } from './contract';
import { checkLeader, checkMatter, checkProposer } from './create';
import { moveItem } from './lifecycle';
import { getItem, thresholdRows } from './queries';
import { itemSummary } from './read';

/** Items may be edited until they are put on an agenda. */
const EDITABLE: readonly ItemState[] = ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed'];

export function updateItem(ledger: Ledger, input: z.output<typeof UpdateItem>) {
  const item = getItem(ledger, input.itemId);
  if (!EDITABLE.includes(item.state)) {
    conflict(`议题「${item.title}」当前为「${ITEM_STATE_LABELS[item.state]}」，已列入议程或已决定，不能再修改。`);
  }
  const matter = input.matterId != null ? checkMatter(ledger, item.orgId, input.matterId) : getMatter(ledger, item.matterId);
  if (input.proposerId != null && input.proposerId !== item.proposerId) checkProposer(ledger, item.orgId, input.proposerId);
  if (input.leaderId != null) checkLeader(ledger, item.orgId, input.leaderId);
  const amount = input.amount === undefined ? item.amount : input.amount;
  const routing = routeItem(matter, amount, thresholdRows(ledger, item.orgId), today(ledger));
  const next = {
    title: input.title ?? item.title,
    summary: input.summary ?? item.summary,
    matterId: matter.id,
    proposerId: input.proposerId ?? item.proposerId,
    leaderId: input.leaderId === undefined ? item.leaderId : input.leaderId,
    amount,
    important: input.important ?? item.important,
    materialsReadyAt: input.materialsReadyAt === undefined ? item.materialsReadyAt : input.materialsReadyAt,
    routing,
    staffCongress: matter.staffCongress,
  };
  ledger.db.update(agendaItems).set(next).where(eq(agendaItems.id, item.id)).run();
  // What was agreed in consultation is no longer what is proposed: consult again (R4).
  const substantive =
    next.title !== item.title || next.summary !== item.summary || next.matterId !== item.matterId || next.amount !== item.amount;
  if (substantive && item.state === 'ready' && needsConsultation({ routingBody: routing.body, major: routing.major, important: next.important, cadre: matter.cadre })) {
    moveItem(ledger, item.id, 'consultation', '议题内容修改，须重新会前沟通');
  }
  return itemSummary(ledger, item.id);
}

export function submitItem(ledger: Ledger, itemId: number) {
  const item = getItem(ledger, itemId);
  if (item.state !== 'draft') conflict(`议题「${item.title}」已提交（当前为「${ITEM_STATE_LABELS[item.state]}」）。`);
  const matter = getMatter(ledger, item.matterId);
  const needs = needsConsultation({ routingBody: item.routing.body, major: item.routing.major, important: item.important, cadre: matter.cadre });
  moveItem(ledger, item.id, needs ? 'consultation' : 'ready', needs ? '提交，进入会前沟通' : '提交，待上会');
  return itemSummary(ledger, item.id);
}
