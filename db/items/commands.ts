// Commands on agenda items: correct while not yet discussed, submit a draft into consultation,
// withdraw (撤回) before it is on an agenda, copy into a new draft. Corrections keep before → after.
import type { z } from 'zod';
import { changes, keepAmendment } from '../amendments';
import { conflict } from '../errors';
import { today, type Ledger } from '../ledger';
import { getMatter, getPerson } from '../organization/queries';
import { needsConsultation } from '../rules/consultation';
import { editRefusal, withdrawRefusal } from '../rules/lifecycle';
import { routeItem } from '../rules/routing';
import { agendaItems } from '../schema';
import { ITEM_STATE_LABELS } from '../terms';
import { eq } from 'drizzle-orm';
import type { UpdateItem } from './contract';
import { checkLeader, checkMaterialsDate, checkMatter, checkProposer, createItem } from './create';
import { moveItem } from './lifecycle';
import { getItem, thresholdRows } from './queries';
import { itemSummary } from './read';

export function updateItem(ledger: Ledger, input: z.output<typeof UpdateItem>) {
  const item = getItem(ledger, input.itemId);
  const { itemId: _id, ...asked } = input;
  const changed = changes(item as Record<string, unknown>, asked);
  const refusal = editRefusal(item.state, changed.fields);
  if (refusal) conflict(`${refusal.message}。`, refusal.field);
  if (changed.fields.length === 0) return itemSummary(ledger, item.id);
  const matter = input.matterId != null ? checkMatter(ledger, item.orgId, input.matterId) : getMatter(ledger, item.matterId);
  if (input.proposerId != null && input.proposerId !== item.proposerId) checkProposer(ledger, item.orgId, input.proposerId);
  if (input.leaderId != null) checkLeader(ledger, item.orgId, input.leaderId);
  checkMaterialsDate(ledger, item.orgId, input.materialsReadyAt);
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
    // On an agenda the routing was fixed by the gate for the meeting's date (R2); only the title and the like change there.
    routing: item.state === 'scheduled' ? item.routing : routing,
    staffCongress: matter.staffCongress,
  };
  ledger.db.update(agendaItems).set(next).where(eq(agendaItems.id, item.id)).run();
  // People and the 事项 by name: the history is read by people, not by ids.
  const named = (v: Record<string, unknown>) => {
    const out = { ...v };
    for (const key of ['proposerId', 'leaderId'] as const) if (typeof out[key] === 'number') out[key] = getPerson(ledger, out[key] as number).name;
    if (typeof out.matterId === 'number') out.matterId = getMatter(ledger, out.matterId as number).name;
    return out;
  };
  keepAmendment(ledger, { orgId: item.orgId, subjectType: 'item', subjectId: item.id, action: 'edit', before: named(changed.before), after: named(changed.after) });
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

/** 撤回: kept as 已撤回 with the reason; never deleted, so its history stays readable. */
export function withdrawItem(ledger: Ledger, input: { itemId: number; reason: string }) {
  const item = getItem(ledger, input.itemId);
  const refusal = withdrawRefusal(item.state, item.kind);
  if (refusal) conflict(`议题「${item.title}」：${refusal}。`, 'itemId');
  moveItem(ledger, item.id, 'withdrawn', `撤回：${input.reason}`);
  keepAmendment(ledger, {
    orgId: item.orgId,
    subjectType: 'item',
    subjectId: item.id,
    action: 'withdraw',
    before: { state: item.state },
    after: { state: 'withdrawn' },
    reason: input.reason,
  });
  return itemSummary(ledger, item.id);
}

/** A new draft with the item's content; the proposer must still be in the leadership (R3). */
export function copyItem(ledger: Ledger, input: { itemId: number }) {
  const item = getItem(ledger, input.itemId);
  const copy = createItem(
    ledger,
    {
      orgId: item.orgId,
      title: item.title,
      summary: item.summary,
      matterId: item.matterId,
      proposerId: item.proposerId,
      leaderId: item.leaderId ?? undefined,
      amount: item.amount ?? undefined,
      materialsReadyAt: undefined,
      important: item.important,
    },
    `复制自议题「${item.title}」（${ITEM_STATE_LABELS[item.state]}）`,
  );
  keepAmendment(ledger, { orgId: item.orgId, subjectType: 'item', subjectId: copy.id, action: 'copy', before: { itemId: item.id, title: item.title } });
  return itemSummary(ledger, copy.id);
}
