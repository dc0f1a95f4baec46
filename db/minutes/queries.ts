// Reads of 会议纪要 revisions, shared by the minutes commands and the document channels.
import { and, count, desc, eq, ne } from 'drizzle-orm';
import { notFound } from '../errors';
import type { ReadLedger } from '../ledger';
import { formatDocNumber } from '../rules/minutes';
import { minutes, meetings, persons } from '../schema';
import { ruleSettings } from '../organization/queries';
import { followUpsOf } from '../followups/queries';
import { anchorAfter, shortAnchor } from '../trust/chain';
import type { MinutesContent, OwnersByDecision, Papers } from './assemble';
import type { MeetingRecord } from './record';
import { papersOf } from '../organization/names';

export function getMinutes(ledger: ReadLedger, minutesId: number) {
  const row = ledger.db.select().from(minutes).where(eq(minutes.id, minutesId)).get();
  return row ? { ...row, content: row.content as MinutesContent } : notFound('会议纪要', minutesId, 'minutesId');
}

/** Every revision of a meeting's minutes, newest first, with the 签发人's name. */
export function revisionsOf(ledger: ReadLedger, meetingId: number) {
  return ledger.db
    .select({ row: minutes, signerName: persons.name })
    .from(minutes)
    .leftJoin(persons, eq(persons.id, minutes.signedBy))
    .where(eq(minutes.meetingId, meetingId))
    .orderBy(desc(minutes.revision))
    .all()
    .map(({ row, signerName }) => ({ ...row, content: row.content as MinutesContent, signerName }));
}

export function latestRevision(ledger: ReadLedger, meetingId: number) {
  return revisionsOf(ledger, meetingId)[0] ?? null;
}

/**
 * R16: minutes are numbered per body per year in the order they are first generated;
 * revisions (勘误) keep the number of the original.
 */
export function nextDocNumber(ledger: ReadLedger, orgId: number, meeting: { id: number; bodyId: number; year: number }): string {
  const issued = ledger.db
    .select({ n: count() })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(and(eq(meetings.bodyId, meeting.bodyId), eq(meetings.year, meeting.year), eq(minutes.revision, 1), ne(meetings.id, meeting.id)))
    .get();
  return formatDocNumber(ruleSettings(ledger, orgId).minutesNumberStyle, meeting.year, (issued?.n ?? 0) + 1);
}

/** The 纪要 heading and 版记 the school uses for this meeting's body (db/organization/names.ts). */
export function papersOfRecord(ledger: ReadLedger, record: MeetingRecord): Papers {
  return papersOf(ledger, record.orgId, { kind: record.facts.bodyKind, name: record.facts.bodyName });
}

/** Owner and deadline of each decision, from its follow-ups (R17), as the minutes print them. */
export function ownersOf(ledger: ReadLedger, decisionIds: number[]): OwnersByDecision {
  const owners: OwnersByDecision = new Map();
  for (const f of followUpsOf(ledger, decisionIds)) {
    owners.set(f.decisionId, [
      ...(owners.get(f.decisionId) ?? []),
      { ownerDept: f.ownerDept, ownerName: f.ownerName, leaderName: f.leaderName, deadline: f.deadline, task: f.task },
    ]);
  }
  return owners;
}

/**
 * The seal-chain anchor printed on a signed revision (db/trust): the chain as it stood right after
 * this revision was sealed — its seal is the last one minutes.sign appends. Null before signing.
 */
export function sealAnchorOf(ledger: ReadLedger, minutesId: number): string | null {
  const anchor = anchorAfter(ledger, 'minutes', minutesId);
  return anchor ? shortAnchor(anchor) : null;
}
