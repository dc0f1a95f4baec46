// The joins that cross domains, written once. A decision is reached through its agenda item and
// its agenda entry, the meeting that entry sat in, and that meeting's body (which names the
// school); an entry through its meeting and body. Callers start the query (`select(…)
// .from(decisions).$dynamic()`) and hand it here, so every list of decisions or entries links the
// tables the same way, and a change in how they hang together is made in one place.
import { eq } from 'drizzle-orm';
import type { SQLiteSelectQueryBuilder } from 'drizzle-orm/sqlite-core';
import { agendaEntries, agendaItems, bodies, decisions, meetings } from './schema';

/** …from(decisions) → agenda item → agenda entry → meeting → body. */
export function joinDecisionChain<Q extends SQLiteSelectQueryBuilder>(qb: Q) {
  return qb
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
    .innerJoin(agendaEntries, eq(agendaEntries.id, decisions.entryId))
    .innerJoin(meetings, eq(meetings.id, agendaEntries.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId));
}

/** …from(agendaEntries) → meeting → body. */
export function joinEntryMeeting<Q extends SQLiteSelectQueryBuilder>(qb: Q) {
  return qb.innerJoin(meetings, eq(meetings.id, agendaEntries.meetingId)).innerJoin(bodies, eq(bodies.id, meetings.bodyId));
}
