// Reads of agenda items: one item with its history and gate (items.get), a page of a school's
// items (items.list), and the summary commands return.
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReadLedger } from '../ledger';
import { getMatter, getOrganization, getPerson } from '../organization/queries';
import { amendmentsOf } from '../amendments';
import { consultationGate } from '../rules/consultation';
import { editRefusal, withdrawRefusal } from '../rules/lifecycle';
import { itemSearchCondition } from '../search/items';
import { agendaItems, decisions, matters, organizations, persons } from '../schema';
import { escalateConsequence, escalateRefusal, itemStateLabel, mustEscalate } from '../rules/group';
import { CONSULTATION_OUTCOME_LABELS, ITEM_STATE_LABELS, type ItemState } from '../terms';
import { warningsOf } from '../warnings';
import type { itemContract } from './contract';
import { consultationsOf, entriesOf, getItem, itemSentUp, latestOutcomes, transitionsOf } from './queries';

export function itemSummary(ledger: ReadLedger, itemId: number) {
  const item = getItem(ledger, itemId);
  return { ...item, stateLabel: ITEM_STATE_LABELS[item.state] };
}

export function getItemDetail(ledger: ReadLedger, itemId: number) {
  const item = getItem(ledger, itemId);
  const matter = getMatter(ledger, item.matterId);
  const name = (id: number | null) => (id == null ? null : getPerson(ledger, id).name);
  const decision = ledger.db.select().from(decisions).where(eq(decisions.itemId, item.id)).orderBy(desc(decisions.id)).get() ?? null;
  const escalation = escalationOf(ledger, item);
  // A withdrawn item (or one sent up to the 集团) goes to no meeting: nothing is missing for one.
  const gate =
    item.routing.body === 'party_committee' && item.kind !== 'execution_report' && item.kind !== 'emergency_report' && item.state !== 'withdrawn'
      ? consultationGate({ ...latestOutcomes(ledger, item.id), cadre: matter.cadre })
      : [];
  return {
    item: {
      ...item,
      stateLabel: itemStateLabel(item.state, escalation.up !== null),
      proposerName: name(item.proposerId),
      leaderName: name(item.leaderId),
    },
    /** 上报集团 (集团化办学), both ways: the 集团's item this one went up as, or the campus item it came from. */
    escalation,
    /** 上报集团 offered (the screen shows the action only then), or null: not a campus, or refused (db/rules/group.ts). */
    sendUp: sendUpOffer(ledger, item, escalation.up !== null),
    matter,
    routing: item.routing,
    /** R19 */
    staffCongressLabel: item.staffCongress ? '需提交教代会审议' : null,
    transitions: transitionsOf(ledger, item.id).map((t) => ({
      ...t,
      fromLabel: t.fromState ? ITEM_STATE_LABELS[t.fromState as ItemState] : null,
      // The step that sent it up reads 已上报集团, as the item does.
      toLabel: itemStateLabel(t.toState as ItemState, escalation.up !== null && t.toState === 'withdrawn'),
    })),
    consultations: consultationsOf(ledger, item.id).map((c) => ({ ...c, outcomeLabel: CONSULTATION_OUTCOME_LABELS[c.outcome] })),
    /** R4: what is still missing before a 党组织会议 agenda (empty when nothing). */
    gate,
    entries: entriesOf(ledger, item.id),
    decision,
    warnings: warningsOf(ledger, 'item', item.id),
    /** What may still be put right, as the rules say (the screen offers only that). */
    correct: {
      /** all fields; on an agenda only the title, 分管领导 and materials date (limited); or none. */
      edit: editRefusal(item.state, ['title']) ? ('none' as const) : editRefusal(item.state, ['summary']) ? ('limited' as const) : ('all' as const),
      /** Why it cannot be withdrawn, or null when it can (撤回). */
      withdrawRefusal: withdrawRefusal(item.state, item.kind),
    },
    /** 更正记录: each correction with before → after, who and when. */
    history: amendmentsOf(ledger, 'item', item.id),
  };
}

function sendUpOffer(ledger: ReadLedger, item: ReturnType<typeof getItem>, alreadyUp: boolean) {
  const campus = getOrganization(ledger, item.orgId);
  if (campus.parentId === null || escalateRefusal(campus, item, alreadyUp) !== null) return null;
  const group = getOrganization(ledger, campus.parentId);
  return {
    groupName: group.name,
    /** R2 (集团): a 三重一大 item of a campus is the 集团's to decide. */
    required: mustEscalate(campus, item.routing),
    consequence: escalateConsequence(campus.name, group.name),
  };
}

function escalationOf(ledger: ReadLedger, item: { id: number; escalatedFromId: number | null }) {
  const link = (row: { id: number; title: string; state: string; orgId: number } | undefined, sentUp: boolean) => {
    if (!row) return null;
    const org = ledger.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.orgId)).get();
    return { itemId: row.id, title: row.title, orgId: row.orgId, orgName: org?.name ?? '', stateLabel: itemStateLabel(row.state as ItemState, sentUp) };
  };
  const columns = { id: agendaItems.id, title: agendaItems.title, state: agendaItems.state, orgId: agendaItems.orgId };
  const up = ledger.db.select(columns).from(agendaItems).where(eq(agendaItems.escalatedFromId, item.id)).get();
  const from = item.escalatedFromId === null ? undefined : ledger.db.select(columns).from(agendaItems).where(eq(agendaItems.id, item.escalatedFromId)).get();
  // The campus item a 集团 item came from was, by that fact, sent up.
  return { up: link(up, false), from: link(from, true) };
}

export function listItems(ledger: ReadLedger, input: z.output<(typeof itemContract)['items.list']['input']>) {
  const where: SQL[] = [eq(agendaItems.orgId, input.orgId)];
  if (input.states?.length) where.push(inArray(agendaItems.state, input.states));
  // Title and summary, on the bigram index (2-character words such as 预算 match).
  if (input.search) where.push(itemSearchCondition(input.orgId, input.search));
  if (input.matterGroup) where.push(eq(matters.group, input.matterGroup));
  if (input.major !== undefined) where.push(sql`json_extract(${agendaItems.routing}, '$.major') = ${input.major ? 1 : 0}`);
  if (input.year !== undefined) {
    where.push(gte(agendaItems.createdAt, `${input.year}-01-01`), lt(agendaItems.createdAt, `${input.year + 1}-01-01`));
  }
  const cond = and(...where);
  const proposer = persons;
  const rows = ledger.db
    .select({
      id: agendaItems.id,
      title: agendaItems.title,
      state: agendaItems.state,
      kind: agendaItems.kind,
      amount: agendaItems.amount,
      routing: agendaItems.routing,
      staffCongress: agendaItems.staffCongress,
      important: agendaItems.important,
      createdAt: agendaItems.createdAt,
      matterId: matters.id,
      matterCode: matters.code,
      matterName: matters.name,
      proposerId: proposer.id,
      proposerName: proposer.name,
      sentUp: itemSentUp,
    })
    .from(agendaItems)
    .innerJoin(matters, eq(matters.id, agendaItems.matterId))
    .innerJoin(proposer, eq(proposer.id, agendaItems.proposerId))
    .where(cond)
    .orderBy(desc(agendaItems.createdAt), desc(agendaItems.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  // The count needs matters only to filter by group (every item has one, by foreign key); without
  // the join it is read from the (org_id, …) index alone: 0.3 ms instead of 2.5 ms for 6,400 items.
  const counted = ledger.db.select({ n: count() }).from(agendaItems).$dynamic();
  const total = (input.matterGroup ? counted.innerJoin(matters, eq(matters.id, agendaItems.matterId)) : counted).where(cond).get()!.n;
  return {
    total,
    rows: rows.map(({ sentUp, ...r }) => ({ ...r, stateLabel: itemStateLabel(r.state as ItemState, sentUp === 1) })),
  };
}
