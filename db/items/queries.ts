// Shared reads about agenda items, for this domain and for others (meetings, loop, search).
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { joinEntryMeeting } from '../joins';
import { notFound } from '../errors';
import { localDate, prepared, type ReadLedger } from '../ledger';
import {
  agendaEntries,
  agendaItems,
  bodies,
  consultations,
  consultationStances,
  itemTransitions,
  meetings,
  persons,
  thresholds,
} from '../schema';
import type { ConsultationOutcome, ItemState } from '../terms';
import { countingOutcome, type ConsultationRecord } from '../rules/consultation';
import type { ThresholdRow } from '../rules/routing';

/** An agenda item, its state typed; not found → a Chinese refusal naming the field. */
export function getItem(ledger: ReadLedger, itemId: number, field = 'itemId') {
  const item = prepared(ledger, 'items.byId', () => ledger.db.select().from(agendaItems).where(eq(agendaItems.id, sql.placeholder('id'))).prepare()).get({ id: itemId });
  return item ? { ...item, state: item.state as ItemState } : notFound('议题', itemId, field);
}

/** The R2 threshold table of a school, all rows (the rule picks the one in force on a date). */
export function thresholdRows(ledger: ReadLedger, orgId: number): ThresholdRow[] {
  return ledger.db
    .select({ category: thresholds.category, amount: thresholds.amount, effectiveFrom: thresholds.effectiveFrom })
    .from(thresholds)
    .where(eq(thresholds.orgId, orgId))
    .all();
}

/** Outcome of the 会前沟通 and 酝酿 that count (R4, and R11 after a postponed vote): what the gate looks at. */
export function latestOutcomes(ledger: ReadLedger, itemId: number) {
  const item = ledger.db
    .select({ afterId: agendaItems.reconsultAfterId, fromDate: agendaItems.reconsultFrom })
    .from(agendaItems)
    .where(eq(agendaItems.id, itemId))
    .get();
  const rows = ledger.db
    .select({ id: consultations.id, kind: consultations.kind, date: consultations.date, outcome: consultations.outcome })
    .from(consultations)
    .where(eq(consultations.itemId, itemId))
    .all() as ConsultationRecord[];
  const floor = item?.afterId != null && item.fromDate != null ? { afterId: item.afterId, fromDate: item.fromDate } : null;
  return { consultation: countingOutcome(rows, 'consultation', floor), deliberation: countingOutcome(rows, 'deliberation', null) };
}

/** Every consultation and 酝酿 of an item, oldest first, each with its stances and names. */
export function consultationsOf(ledger: ReadLedger, itemId: number) {
  const rows = ledger.db
    .select()
    .from(consultations)
    .where(eq(consultations.itemId, itemId))
    .orderBy(asc(consultations.date), asc(consultations.id))
    .all();
  if (rows.length === 0) return [];
  const stances = ledger.db
    .select({
      consultationId: consultationStances.consultationId,
      personId: consultationStances.personId,
      name: persons.name,
      role: consultationStances.role,
      stance: consultationStances.stance,
      note: consultationStances.note,
    })
    .from(consultationStances)
    .innerJoin(persons, eq(persons.id, consultationStances.personId))
    .where(inArray(consultationStances.consultationId, rows.map((r) => r.id)))
    .orderBy(asc(consultationStances.id))
    .all();
  return rows.map((r) => ({
    ...r,
    outcome: r.outcome as ConsultationOutcome,
    stances: stances.filter((s) => s.consultationId === r.id).map(({ consultationId: _c, ...s }) => s),
  }));
}

/** R5: did whoever held 书记 on the consultation date state an opinion in a 会前沟通? */
export function secretaryStated(ledger: ReadLedger, itemId: number, secretaryIdsOn: (date: string) => number[]): boolean {
  return consultationsOf(ledger, itemId)
    .filter((c) => c.kind === 'consultation')
    .some((c) => {
      const ids = secretaryIdsOn(c.date);
      return c.stances.some((s) => ids.includes(s.personId));
    });
}

/** Agenda entries the item was on, with the meeting and body. */
export function entriesOf(ledger: ReadLedger, itemId: number) {
  const fields = {
    entryId: agendaEntries.id,
    meetingId: meetings.id,
    bodyKind: bodies.kind,
    bodyName: bodies.name,
    year: meetings.year,
    seq: meetings.seq,
    startsAt: meetings.startsAt,
    position: agendaEntries.position,
    purpose: agendaEntries.purpose,
    outcome: agendaEntries.outcome,
    adHoc: agendaEntries.adHoc,
    proposal: agendaEntries.proposal,
    postponeReason: agendaEntries.postponeReason,
    /** R1/R3 warnings kept on the entry when it was scheduled */
    warnings: agendaEntries.warnings,
  };
  return joinEntryMeeting(ledger.db.select(fields).from(agendaEntries).$dynamic())
    .where(eq(agendaEntries.itemId, itemId))
    .orderBy(asc(meetings.startsAt), asc(agendaEntries.id))
    .all();
}

/** R1: the 校长办公会 study entry of this item with a 研究意见 recorded (its meeting and the 研究意见), or null. */
export function principalOfficeStudy(ledger: ReadLedger, itemId: number) {
  // Once per decided entry of a 党委会's minutes: prepared once per connection.
  return (
    prepared(ledger, 'items.principalOfficeStudy', () =>
      joinEntryMeeting(ledger.db.select({ year: meetings.year, seq: meetings.seq, bodyName: bodies.name, proposal: agendaEntries.proposal }).from(agendaEntries).$dynamic())
        .where(
          and(
            eq(agendaEntries.itemId, sql.placeholder('itemId')),
            eq(bodies.kind, 'principal_office'),
            eq(agendaEntries.purpose, 'study'),
            isNotNull(agendaEntries.proposal),
            ne(agendaEntries.proposal, ''),
          ),
        )
        .prepare(),
    ).get({ itemId }) ?? null
  );
}

/** R1: a 校长办公会 study entry of this item with a 研究意见 recorded. */
export function studiedByPrincipalOffice(ledger: ReadLedger, itemId: number): boolean {
  return principalOfficeStudy(ledger, itemId) != null;
}

/** When the item was submitted (first move out of 草稿), as a local date; creation date if never. */
export function submittedOn(ledger: ReadLedger, itemId: number): string {
  const moved = ledger.db
    .select({ at: itemTransitions.at })
    .from(itemTransitions)
    .where(and(eq(itemTransitions.itemId, itemId), eq(itemTransitions.fromState, 'draft')))
    .orderBy(asc(itemTransitions.id))
    .get();
  const created = ledger.db.select({ at: agendaItems.createdAt }).from(agendaItems).where(eq(agendaItems.id, itemId)).get();
  return localDate(new Date((moved ?? created)!.at));
}

/** The state history of an item, oldest first. */
export function transitionsOf(ledger: ReadLedger, itemId: number) {
  return ledger.db.select().from(itemTransitions).where(eq(itemTransitions.itemId, itemId)).orderBy(asc(itemTransitions.id)).all();
}

/**
 * 上报集团: 1 when the 集团党委 filed this item as its own (items_escalated_from index), else 0 — the
 * one way a list of items learns it, so every list can say 已上报集团 (db/rules/group.ts itemStateLabel).
 */
export const itemSentUp = sql<number>`EXISTS (SELECT 1 FROM agenda_items g WHERE g.escalated_from_id = ${agendaItems.id})`;
