// The meetings domain's handlers, by concern: meetings.ts (plan, agenda, close), attendance.ts,
// entries.ts (recusal, statements, opinions, postpone, study, reports), votes.ts (R10, R12),
// reconsider.ts (R11 复议), emergency.ts (R14), amend.ts (corrections while open), view.ts (meetings.get).
import type { HandlersFor } from '../channel';
import type { meetingContract } from './contract';
import { amendStatement, removeRecusal, removeStatement, undoVote } from './amend';
import { setAttendance } from './attendance';
import { emergencyHandlers } from './emergency';
import { noteReport, postpone, recuse, statement, study, writtenOpinion } from './entries';
import { meetingCommands } from './meetings';
import { getMeetingView } from './view';
import { principalDecide, vote } from './votes';
import { reconsider } from './reconsider';

export const meetingHandlers = {
  ...meetingCommands,
  'meetings.get': (ledger, { meetingId }) => getMeetingView(ledger, meetingId),
  'meetings.setAttendance': setAttendance,
  'entries.recuse': recuse,
  'entries.statement': statement,
  'entries.writtenOpinion': writtenOpinion,
  'entries.vote': vote,
  'entries.postpone': postpone,
  'entries.study': study,
  'entries.note': noteReport,
  'entries.principalDecide': principalDecide,
  'entries.reconsider': reconsider,
  'entries.amendStatement': amendStatement,
  'entries.removeStatement': removeStatement,
  'entries.removeRecusal': removeRecusal,
  'entries.undoVote': undoVote,
  ...emergencyHandlers,
} satisfies HandlersFor<typeof meetingContract>;
