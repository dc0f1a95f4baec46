// R16: signing the 会议纪要 locks the whole meeting record. Every command that edits a meeting,
// its attendance, entries, statements, votes or recusals calls assertMeetingUnlocked first.
import { and, eq } from 'drizzle-orm';
import { locked } from '../errors';
import type { ReadLedger } from '../ledger';
import { agendaEntries, minutes } from '../schema';

export const MEETING_LOCKED_MESSAGE =
  '本次会议的会议纪要已经签发，会议记录（出席、议题、发言表态、表决、回避）已锁定，不能再修改。如需更正，请在会议纪要中办理勘误。';

/** True once any revision of the meeting's minutes is signed. */
export function isMeetingLocked(ledger: ReadLedger, meetingId: number): boolean {
  return Boolean(
    ledger.db
      .select({ id: minutes.id })
      .from(minutes)
      .where(and(eq(minutes.meetingId, meetingId), eq(minutes.state, 'signed')))
      .get(),
  );
}

/** Refuse (code 'locked') any edit of a meeting whose minutes are signed (R16). */
export function assertMeetingUnlocked(ledger: ReadLedger, meetingId: number): void {
  if (isMeetingLocked(ledger, meetingId)) locked(MEETING_LOCKED_MESSAGE, 'R16');
}

/** The same check for commands that only know the agenda entry (statements, votes, recusals). */
export function assertEntryUnlocked(ledger: ReadLedger, entryId: number): void {
  const entry = ledger.db.select({ meetingId: agendaEntries.meetingId }).from(agendaEntries).where(eq(agendaEntries.id, entryId)).get();
  if (entry) assertMeetingUnlocked(ledger, entry.meetingId);
}
