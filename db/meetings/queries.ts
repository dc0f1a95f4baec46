// Shared reads of the meetings domain: a meeting, its attendance, and everything one agenda
// entry needs for the rules (R6–R10). Commands and meetings.get build on the same loaders,
// so what the meeting screen shows is exactly what the commands enforce.
import { and, asc, count, eq, inArray, isNull, lte, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { conflict, notFound, refuse } from '../errors';
import { localDate, prepared, type ReadLedger } from '../ledger';
import { assertMeetingUnlocked } from './lock';
import { getBody, getMatter, membersOn, ruleSettings } from '../organization/queries';
import type { UndoVoteFacts } from '../rules/amend';
import { leadingPost } from '../rules/leadership';
import { quorumFor, type AttendanceMark, type QuorumView } from '../rules/quorum';
import type { Named } from '../rules/statements';
import {
  agendaEntries,
  agendaItems,
  attendance,
  ballots,
  decisions,
  emergencyActions,
  followUps,
  meetings,
  persons,
  reconsiderations,
  recusals,
  statements,
  writtenOpinions,
} from '../schema';
import { BODY_LABELS, meetingTitle, type AttendanceStatus, type BodyKind } from '../terms';

export type MeetingRow = typeof meetings.$inferSelect;
export type EntryRow = typeof agendaEntries.$inferSelect;

/** The meeting's calendar date (local), the date memberships and posts are read on. */
export function meetingDate(meeting: Pick<MeetingRow, 'startsAt'>): string {
  return localDate(new Date(meeting.startsAt));
}

export function getMeeting(ledger: ReadLedger, meetingId: number, field = 'meetingId') {
  return ledger.db.select().from(meetings).where(eq(meetings.id, meetingId)).get() ?? notFound('会议', meetingId, field);
}

export function getEntry(ledger: ReadLedger, entryId: number, field = 'entryId') {
  return ledger.db.select().from(agendaEntries).where(eq(agendaEntries.id, entryId)).get() ?? notFound('议程', entryId, field);
}

/** A meeting that may still be edited: not closed (its record is final) and minutes not signed (R16). */
export function meetingForWrite(ledger: ReadLedger, meetingId: number, field = 'meetingId') {
  const meeting = getMeeting(ledger, meetingId, field);
  assertMeetingUnlocked(ledger, meeting.id);
  if (meeting.state === 'closed') conflict('会议已结束，会议记录不能再修改。', field);
  if (meeting.state === 'cancelled') conflict('会议已取消，不能再修改。', field);
  return meeting;
}

export interface MeetingFacts {
  meeting: MeetingRow;
  body: { id: number; orgId: number; kind: BodyKind; name: string };
  title: string;
  date: string;
  settings: ReturnType<typeof ruleSettings>;
  /** Members of the body on the meeting date. */
  members: { personId: number; voting: boolean; name: string }[];
  attendance: (AttendanceMark & { name: string; reason: string | null })[];
}

export function meetingFacts(ledger: ReadLedger, meeting: MeetingRow): MeetingFacts {
  const body = getBody(ledger, meeting.bodyId);
  const date = meetingDate(meeting);
  return {
    meeting,
    body,
    title: meetingTitle(meeting.year, meeting.seq, body.name),
    date,
    settings: ruleSettings(ledger, body.orgId),
    members: membersOn(ledger, body.id, date),
    attendance: attendanceOf(ledger, meeting.id),
  };
}

export function attendanceOf(ledger: ReadLedger, meetingId: number) {
  return ledger.db
    .select({
      personId: attendance.personId,
      name: persons.name,
      status: attendance.status,
      reason: attendance.reason,
      arrivesAt: attendance.arrivesAt,
      leavesAfter: attendance.leavesAfter,
    })
    .from(attendance)
    .innerJoin(persons, eq(persons.id, attendance.personId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.id))
    .all()
    .map((a) => ({ ...a, status: a.status as AttendanceStatus }));
}

export function entriesOfMeeting(ledger: ReadLedger, meetingId: number): EntryRow[] {
  return ledger.db.select().from(agendaEntries).where(eq(agendaEntries.meetingId, meetingId)).orderBy(asc(agendaEntries.position)).all();
}

// The per-entry reads below run once per agenda entry for every meeting view, minutes and
// signing (30 entries: hundreds of calls): built and prepared once per connection (prepared()).
export function recusalsOf(ledger: ReadLedger, entryId: number) {
  return prepared(ledger, 'meetings.recusalsOf', () =>
    ledger.db
      .select({ personId: recusals.personId, name: persons.name, reason: recusals.reason })
      .from(recusals)
      .innerJoin(persons, eq(persons.id, recusals.personId))
      .where(eq(recusals.entryId, sql.placeholder('entryId')))
      .orderBy(asc(recusals.id))
      .prepare(),
  ).all({ entryId });
}

export function statementsOf(ledger: ReadLedger, entryId: number) {
  return prepared(ledger, 'meetings.statementsOf', () =>
    ledger.db
      .select({
        seq: statements.seq,
        personId: statements.personId,
        name: persons.name,
        stance: statements.stance,
        note: statements.note,
        recordedAt: statements.recordedAt,
      })
      .from(statements)
      .innerJoin(persons, eq(persons.id, statements.personId))
      .where(eq(statements.entryId, sql.placeholder('entryId')))
      .orderBy(asc(statements.seq))
      .prepare(),
  ).all({ entryId });
}

export function writtenOpinionsOf(ledger: ReadLedger, entryId: number) {
  return prepared(ledger, 'meetings.writtenOpinionsOf', () =>
    ledger.db
      .select({ personId: writtenOpinions.personId, name: persons.name, text: writtenOpinions.text })
      .from(writtenOpinions)
      .innerJoin(persons, eq(persons.id, writtenOpinions.personId))
      .where(eq(writtenOpinions.entryId, sql.placeholder('entryId')))
      .orderBy(asc(writtenOpinions.id))
      .prepare(),
  ).all({ entryId });
}

export function ballotsOf(ledger: ReadLedger, entryId: number) {
  return prepared(ledger, 'meetings.ballotsOf', () =>
    ledger.db
      .select({ personId: ballots.personId, name: persons.name, choice: ballots.choice })
      .from(ballots)
      .innerJoin(persons, eq(persons.id, ballots.personId))
      .where(eq(ballots.entryId, sql.placeholder('entryId')))
      .orderBy(asc(ballots.id))
      .prepare(),
  ).all({ entryId });
}

export function decisionOfEntry(ledger: ReadLedger, entryId: number) {
  return prepared(ledger, 'meetings.decisionOfEntry', () => ledger.db.select().from(decisions).where(eq(decisions.entryId, sql.placeholder('entryId'))).prepare()).get({ entryId }) ?? null;
}

function itemOfEntry(ledger: ReadLedger, itemId: number) {
  return prepared(ledger, 'meetings.itemOfEntry', () => ledger.db.select().from(agendaItems).where(eq(agendaItems.id, sql.placeholder('itemId'))).prepare()).get({ itemId });
}

/** Everything the rules need about one entry, with the live R6 view. */
export function entryFacts(ledger: ReadLedger, facts: MeetingFacts, entry: EntryRow) {
  const item = itemOfEntry(ledger, entry.itemId) ?? notFound('议题', entry.itemId);
  const matter = getMatter(ledger, item.matterId);
  const recused = recusalsOf(ledger, entry.id);
  const quorum: QuorumView = quorumFor({
    members: facts.members,
    attendance: facts.attendance,
    position: entry.position,
    recused: recused.map((r) => r.personId),
    twoThirds: matter.twoThirds,
    settings: facts.settings,
  });
  const names = new Map(facts.members.map((m) => [m.personId, m.name]));
  const voters: Named[] = quorum.voterIds.map((personId) => ({ personId, name: names.get(personId) ?? '' }));
  const voterSet = new Set(quorum.voterIds);
  // Present for the entry but without a vote: 列席, non-voting members (R7).
  const attendeeIds = facts.attendance
    .filter((a) => a.status === '列席' || (a.status === '出席' && !voterSet.has(a.personId) && !recused.some((r) => r.personId === a.personId)))
    .map((a) => a.personId);
  return { entry, item, matter, recused, quorum, voters, attendeeIds, statements: statementsOf(ledger, entry.id) };
}
export type EntryFacts = ReturnType<typeof entryFacts>;

/** An entry with its meeting, ready for an in-session command. */
export function entryForWrite(ledger: ReadLedger, entryId: number) {
  const entry = getEntry(ledger, entryId);
  const meeting = meetingForWrite(ledger, entry.meetingId, 'entryId');
  const facts = meetingFacts(ledger, meeting);
  return { facts, ...entryFacts(ledger, facts, entry) };
}

/** The entry must still be open: not voted, postponed, studied or noted. */
export function assertPending(entry: EntryRow, title: string): void {
  if (entry.outcome !== 'pending') conflict(`议题「${title}」在本次会议上已有结果，不能再修改。`, 'entryId');
}

/**
 * R3: the 书记 (or the 校长) confirms the agenda before the meeting deals with it.
 * R13: a decision exists only through a meeting that sat: attendance must be recorded.
 */
export function assertInSession(facts: MeetingFacts): void {
  if (facts.meeting.agendaConfirmedBy == null) {
    refuse('R3', `议程尚未经${leadingPost(facts.body.kind)}确认，请先确认议程`, 'meetingId');
  }
  if (!facts.attendance.some((a) => a.status === '出席')) {
    refuse('R13', '本次会议尚未登记出席情况。决定只能在会议上作出，传阅、会签或个别征求意见都不能代替会议', 'meetingId');
  }
}

export function nextDecisionNumber(ledger: ReadLedger, meetingId: number): number {
  const row = ledger.db
    .select({ n: count() })
    .from(decisions)
    .innerJoin(agendaEntries, eq(agendaEntries.id, decisions.entryId))
    .where(eq(agendaEntries.meetingId, meetingId))
    .get();
  return (row?.n ?? 0) + 1;
}

/** R14: emergency actions of a body not yet put on an agenda. */
export function unreportedEmergencies(ledger: ReadLedger, bodyId: number) {
  return ledger.db
    .select()
    .from(emergencyActions)
    .where(and(eq(emergencyActions.bodyId, bodyId), isNull(emergencyActions.reportedEntryId)))
    .orderBy(asc(emergencyActions.at))
    .all();
}

export function personNames(ledger: ReadLedger, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = ledger.db.select({ id: persons.id, name: persons.name }).from(persons).where(inArray(persons.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const bodyLabel = (kind: BodyKind) => BODY_LABELS[kind];

export const hostAlias = alias(persons, 'host');
export const recorderAlias = alias(persons, 'recorder');

/** Closed meetings of a body after a moment (R14: was an emergency reported at the first of them?). */
export function closedMeetingsSince(ledger: ReadLedger, bodyId: number, at: string, before: string) {
  return ledger.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, bodyId), eq(meetings.state, 'closed'), lte(meetings.startsAt, before)))
    .orderBy(asc(meetings.startsAt))
    .all()
    .filter((m) => Date.parse(m.startsAt) >= Date.parse(at));
}

export function reconsiderationsOf(ledger: ReadLedger, entryId: number) {
  return prepared(ledger, 'meetings.reconsiderationsOf', () => ledger.db.select().from(reconsiderations).where(eq(reconsiderations.entryId, sql.placeholder('entryId'))).prepare()).all({ entryId });
}

/** What undoing an entry's vote result depends on (db/rules/amend.ts undoVoteRefusal). */
export function undoVoteFacts(
  ledger: ReadLedger,
  meetingId: number,
  entry: Pick<EntryRow, 'id' | 'outcome'>,
  item: { kind: string; decisionId: number | null },
): UndoVoteFacts {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const decision = decisionOfEntry(ledger, entry.id);
  const followUpCount = decision ? n(ledger.db.select({ n: count() }).from(followUps).where(eq(followUps.decisionId, decision.id)).get()) : 0;
  // A report or a 修正 filed against the decision counts as work begun on it.
  const linked = decision ? n(ledger.db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.decisionId, decision.id)).get()) : 0;
  const last = ledger.db
    .select({ n: max(decisions.number) })
    .from(decisions)
    .innerJoin(agendaEntries, eq(agendaEntries.id, decisions.entryId))
    .where(eq(agendaEntries.meetingId, meetingId))
    .get();
  const original =
    item.kind === 'correction' && item.decisionId != null
      ? ledger.db.select({ loopState: decisions.loopState }).from(decisions).where(eq(decisions.id, item.decisionId)).get()
      : undefined;
  return {
    outcome: entry.outcome,
    followUps: followUpCount + linked,
    waived: Boolean(decision?.noFollowUpReason),
    reconsidered: n(ledger.db.select({ n: count() }).from(reconsiderations).where(eq(reconsiderations.entryId, entry.id)).get()) > 0,
    decisionNumber: decision?.number ?? null,
    lastDecisionNumber: last?.n ?? null,
    closedALoop: entry.outcome === 'passed' && original?.loopState === 'closed',
  };
}
