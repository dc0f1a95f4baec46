// Reads behind loop.status. The counting and the R17 checks are pure (db/rules/loop.ts);
// this file only fetches rows, reusing the followups and meetings queries.
import { and, asc, count, desc, eq, gte, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { prepared, type ReadLedger } from '../ledger';
import { meetingTitle } from '../terms';
import { agendaEntries, agendaItems, bodies, emergencyActions, meetings, persons, ruleWarnings } from '../schema';

export function itemStateCounts(ledger: ReadLedger, orgId: number) {
  return prepared(ledger, 'items.stateCounts', () =>
    ledger.db
      .select({ state: agendaItems.state, count: count() })
      .from(agendaItems)
      .where(eq(agendaItems.orgId, sql.placeholder('orgId')))
      .groupBy(agendaItems.state)
      .prepare(),
  ).all({ orgId });
}

/** Meetings not yet held or still open, from today on, soonest first. */
export function nextMeetings(ledger: ReadLedger, orgId: number, fromDate: string, limit = 5) {
  const rows = ledger.db
    .select({
      id: meetings.id,
      year: meetings.year,
      seq: meetings.seq,
      startsAt: meetings.startsAt,
      place: meetings.place,
      state: meetings.state,
      bodyKind: bodies.kind,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(bodies.orgId, orgId), notInArray(meetings.state, ['closed', 'cancelled']), gte(meetings.startsAt, fromDate)))
    .orderBy(asc(meetings.startsAt))
    .limit(limit)
    .all();
  const ids = rows.map((r) => r.id);
  const entryCounts = new Map(
    (ids.length
      ? ledger.db
          .select({ meetingId: agendaEntries.meetingId, n: count() })
          .from(agendaEntries)
          .where(inArray(agendaEntries.meetingId, ids))
          .groupBy(agendaEntries.meetingId)
          .all()
      : []
    ).map((r) => [r.meetingId, r.n]),
  );
  return rows.map(({ year, seq, ...r }) => ({ ...r, title: meetingTitle(year, seq, r.bodyName), items: entryCounts.get(r.id) ?? 0 }));
}

/** R14: 临时处置 still waiting to be reported at a meeting of its body. */
export function openEmergencyActions(ledger: ReadLedger, orgId: number) {
  return ledger.db
    .select({
      id: emergencyActions.id,
      at: emergencyActions.at,
      reason: emergencyActions.reason,
      action: emergencyActions.action,
      actorName: persons.name,
      bodyName: bodies.name,
    })
    .from(emergencyActions)
    .innerJoin(persons, eq(persons.id, emergencyActions.actorId))
    .innerJoin(bodies, eq(bodies.id, emergencyActions.bodyId))
    .where(and(eq(emergencyActions.orgId, orgId), isNull(emergencyActions.reportedEntryId)))
    .orderBy(asc(emergencyActions.at))
    .all();
}

export function recentWarnings(ledger: ReadLedger, orgId: number, limit = 20) {
  return ledger.db
    .select({
      id: ruleWarnings.id,
      rule: ruleWarnings.rule,
      subjectType: ruleWarnings.subjectType,
      subjectId: ruleWarnings.subjectId,
      message: ruleWarnings.message,
      at: ruleWarnings.at,
    })
    .from(ruleWarnings)
    .where(eq(ruleWarnings.orgId, orgId))
    .orderBy(desc(ruleWarnings.id))
    .limit(limit)
    .all();
}
