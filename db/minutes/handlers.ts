import type { HandlersFor } from '../channel';
import { generateMinutes, reviseMinutes, signMinutes, updateDraft } from './commands';
import type { minutesContract } from './contract';
import { getMeeting } from '../meetings/queries';
import { isMeetingLocked } from '../meetings/lock';
import { revisionsOf } from './queries';

export const minutesHandlers = {
  'minutes.generate': (ledger, { meetingId }) => generateMinutes(ledger, meetingId),
  'minutes.get': (ledger, { meetingId }) => ({
    meetingId: getMeeting(ledger, meetingId).id,
    /** R16: once any revision is signed, the meeting record is locked. */
    locked: isMeetingLocked(ledger, meetingId),
    revisions: revisionsOf(ledger, meetingId),
  }),
  'minutes.updateDraft': updateDraft,
  'minutes.sign': signMinutes,
  'minutes.revise': reviseMinutes,
} satisfies HandlersFor<typeof minutesContract>;
