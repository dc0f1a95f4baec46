// loop.status: the dashboard of 决策→执行→监督→评价→修正 for one school.
import { localDate, today, type ReadLedger } from '../ledger';
import { decisionsWithoutFollowUps, listFollowUps } from '../followups/queries';
import { getOrganization } from '../organization/queries';
import { summarizeLoop } from '../rules/loop';
import { itemStateCounts, nextMeetings, openEmergencyActions, recentWarnings } from './queries';

/** Enough for any school's backlog; the list on the dashboard shows the longest-late first. */
const OVERDUE_LIMIT = 1000;

export function loopStatus(ledger: ReadLedger, orgId: number) {
  getOrganization(ledger, orgId);
  const date = today(ledger);
  const summary = summarizeLoop({
    today: date,
    items: itemStateCounts(ledger, orgId),
    followUps: listFollowUps(ledger, orgId, date, 'overdue', OVERDUE_LIMIT),
    decisions: decisionsWithoutFollowUps(ledger, orgId),
  });
  return {
    today: date,
    ...summary,
    nextMeetings: nextMeetings(ledger, orgId, localDate(ledger.now())),
    openEmergencyActions: openEmergencyActions(ledger, orgId),
    recentWarnings: recentWarnings(ledger, orgId),
  };
}
