import type { HandlersFor } from '../channel';
import { generateMinutes, reviseMinutes, signMinutes, updateDraft } from './commands';
import type { minutesContract } from './contract';
import { minutesDocOf, minutesFileName, recordDocOf, recordFileName } from './documents';
import { minutesHtml } from '../documents/minutes';
import { recordHtml } from '../documents/record';
import { getMeeting } from '../meetings/queries';
import { isMeetingLocked } from './lock';
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
  'documents.minutesHtml': (ledger, { minutesId }) => {
    const doc = minutesDocOf(ledger, minutesId);
    return { html: minutesHtml(doc), fileName: minutesFileName(doc) };
  },
  'documents.recordHtml': (ledger, { meetingId }) => {
    const doc = recordDocOf(ledger, meetingId);
    return { html: recordHtml(doc), fileName: recordFileName(doc) };
  },
} satisfies HandlersFor<typeof minutesContract>;
