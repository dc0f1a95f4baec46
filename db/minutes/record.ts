// Reads the 会议记录 of one meeting (R16: time, place, host, recorder, attendance, and per item
// the presenter, statements, recusals, vote and outcome) in the shape the documents need.
import { asc, eq, inArray, and, or } from 'drizzle-orm';
import { notFound } from '../errors';
import type { Ledger } from '../ledger';
import {
  agendaEntries,
  agendaItems,
  attendance,
  ballots,
  bodies,
  decisions,
  matters,
  meetings,
  organizations,
  persons,
  recusals,
  ruleWarnings,
  statements,
  writtenOpinions,
} from '../schema';
import type { AttendanceLines, DocWarning, MeetingFacts, RecordItem, RecordOutcome, RecordVote } from '../documents/model';
import type { BallotChoice, BodyKind, MajorCategory, Position, VoteMethod } from '../terms';
import { meetingLabel } from '../followups/queries';

export function readMeetingRecord(ledger: Ledger, meetingId: number) {
  const { db } = ledger;
  const head = db
    .select({ meeting: meetings, bodyKind: bodies.kind, bodyName: bodies.name, orgId: bodies.orgId, orgName: organizations.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(organizations, eq(organizations.id, bodies.orgId))
    .where(eq(meetings.id, meetingId))
    .get();
  if (!head) return notFound('会议', meetingId, 'meetingId');
  const { meeting } = head;
  const names = new Map(db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.orgId, head.orgId)).all().map((p) => [p.id, p.name]));
  const nameOf = (id: number | null) => (id === null ? null : names.get(id) ?? `（编号${id}）`);

  const att = db.select().from(attendance).where(eq(attendance.meetingId, meetingId)).orderBy(asc(attendance.id)).all();
  const lines: AttendanceLines = {
    present: att.filter((a) => a.status === '出席').map((a) => nameOf(a.personId)!),
    onLeave: att.filter((a) => a.status === '请假').map((a) => ({ name: nameOf(a.personId)!, reason: a.reason ?? '' })),
    absent: att.filter((a) => a.status === '缺席').map((a) => ({ name: nameOf(a.personId)!, reason: a.reason })),
    observers: att.filter((a) => a.status === '列席').map((a) => nameOf(a.personId)!),
  };

  const entries = db
    .select({ entry: agendaEntries, item: agendaItems, matterName: matters.name, majorCategory: matters.majorCategory })
    .from(agendaEntries)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaEntries.itemId))
    .innerJoin(matters, eq(matters.id, agendaItems.matterId))
    .where(eq(agendaEntries.meetingId, meetingId))
    .orderBy(asc(agendaEntries.position))
    .all();
  const entryIds = entries.map((e) => e.entry.id);
  const byEntry = <T extends { entryId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.entryId, [...(m.get(r.entryId) ?? []), r]);
    return m;
  };
  const stmts = byEntry(entryIds.length ? db.select().from(statements).where(inArray(statements.entryId, entryIds)).orderBy(asc(statements.seq)).all() : []);
  const recs = byEntry(entryIds.length ? db.select().from(recusals).where(inArray(recusals.entryId, entryIds)).all() : []);
  const opinions = byEntry(entryIds.length ? db.select().from(writtenOpinions).where(inArray(writtenOpinions.entryId, entryIds)).all() : []);
  const bals = byEntry(entryIds.length ? db.select().from(ballots).where(inArray(ballots.entryId, entryIds)).all() : []);
  const decs = entryIds.length
    ? db.select().from(decisions).where(inArray(decisions.entryId, entryIds)).orderBy(asc(decisions.number)).all()
    : [];
  const decisionOf = new Map(decs.map((d) => [d.entryId, d]));

  // Kept warnings (warn rules) of the meeting, its entries and its decisions.
  const subjects = [
    and(eq(ruleWarnings.subjectType, 'meeting'), eq(ruleWarnings.subjectId, meetingId)),
    entryIds.length ? and(eq(ruleWarnings.subjectType, 'entry'), inArray(ruleWarnings.subjectId, entryIds)) : undefined,
    decs.length ? and(eq(ruleWarnings.subjectType, 'decision'), inArray(ruleWarnings.subjectId, decs.map((d) => d.id))) : undefined,
  ].filter((x) => x !== undefined);
  const kept = db.select().from(ruleWarnings).where(or(...subjects)).orderBy(asc(ruleWarnings.id)).all();
  const warningsOfEntry = (entryId: number, legacy: string[]): DocWarning[] =>
    dedupe([
      ...kept.filter((w) => w.subjectType === 'entry' && w.subjectId === entryId).map((w) => ({ rule: w.rule, message: w.message })),
      ...legacy.map(parseLegacyWarning),
    ]);

  const items: RecordItem[] = entries.map(({ entry, item, matterName, majorCategory }) => {
    const decision = decisionOf.get(entry.id);
    const hasVote = entry.voteMethod !== null;
    const vote: RecordVote | null = hasVote
      ? {
          method: entry.voteMethod as VoteMethod | '校长决定',
          for: entry.votesFor ?? 0,
          against: entry.votesAgainst ?? 0,
          abstain: entry.votesAbstain ?? 0,
          ballots: (bals.get(entry.id) ?? []).map((b) => ({ name: nameOf(b.personId)!, choice: b.choice as BallotChoice })),
        }
      : null;
    return {
      position: entry.position,
      title: item.title,
      matter: matterName,
      major: item.routing.major,
      majorCategory: majorCategory as MajorCategory | null,
      amount: item.amount,
      adHoc: entry.adHoc,
      purpose: entry.purpose as RecordItem['purpose'],
      presenter: nameOf(entry.presenterId),
      statements: (stmts.get(entry.id) ?? []).map((s) => ({
        seq: s.seq,
        name: nameOf(s.personId)!,
        position: s.position as Position,
        note: s.note,
        byHost: s.personId === meeting.hostId,
      })),
      hostOrderOverride: entry.hostOrderOverride,
      recusals: (recs.get(entry.id) ?? []).map((r) => ({ name: nameOf(r.personId)!, reason: r.reason })),
      writtenOpinions: (opinions.get(entry.id) ?? []).map((o) => ({ name: nameOf(o.personId)!, text: o.text })),
      vote,
      tally: entry.tally ?? null,
      outcome: entry.outcome as RecordOutcome,
      postponeReason: entry.postponeReason,
      proposal: entry.proposal,
      decisionNumber: decision?.number ?? null,
      warnings: warningsOfEntry(entry.id, entry.warnings),
    };
  });

  const facts: MeetingFacts = {
    orgName: head.orgName,
    bodyName: head.bodyName,
    bodyKind: head.bodyKind as BodyKind,
    meetingLabel: meetingLabel(meeting.year, meeting.seq, head.bodyName),
    startsAt: meeting.startsAt.slice(0, 16),
    place: meeting.place,
    host: nameOf(meeting.hostId)!,
    recorder: nameOf(meeting.recorderId)!,
    topics: entries.map((e) => e.item.title),
  };
  const meetingWarnings = dedupe([
    ...kept.filter((w) => w.subjectType !== 'entry').map((w) => ({ rule: w.rule, message: w.message })),
    ...items.flatMap((i) => i.warnings),
  ]);
  return {
    meeting,
    orgId: head.orgId,
    bodyKind: head.bodyKind as BodyKind,
    facts,
    attendance: lines,
    firstTopic: meeting.firstTopic,
    items,
    decisions: decs.map((d) => ({
      id: d.id,
      number: d.number,
      text: d.text,
      noFollowUpReason: d.noFollowUpReason,
      itemTitle: entries.find((e) => e.entry.id === d.entryId)!.item.title,
    })),
    warnings: meetingWarnings,
  };
}
export type MeetingRecord = ReturnType<typeof readMeetingRecord>;

/** entries.warnings holds plain strings; "R3 …" or "…（R3）" carry their rule id. */
function parseLegacyWarning(text: string): DocWarning {
  const m = /(R\d{1,2})/.exec(text);
  return { rule: m?.[1] ?? '', message: text };
}

function dedupe(list: DocWarning[]): DocWarning[] {
  const seen = new Set<string>();
  return list.filter((w) => (seen.has(w.message) ? false : (seen.add(w.message), true)));
}
