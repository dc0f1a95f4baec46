// The meeting's own state while it sits: planned → 进行中 at its first in-session record. (Closing
// is meetings.close; the record is locked by signed minutes, lock.ts.)
import { eq } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import { meetings } from '../schema';
import type { MeetingRow } from './queries';

/** Move a planned meeting to 进行中 at its first in-session record. */
export function markInProgress(ledger: Ledger, meeting: MeetingRow): void {
  if (meeting.state === 'planned') ledger.db.update(meetings).set({ state: 'in_progress' }).where(eq(meetings.id, meeting.id)).run();
}
