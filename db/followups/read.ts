// decisions.get: one decision with everything the 督办 page shows (R17, R18).
import type { ReadLedger } from '../ledger';
import { daysOverdue, followUpStatus, isLoopClosed, isOverdue, lacksFollowUp } from '../rules/followup';
import { FOLLOW_UP_STATUS_LABELS } from '../terms';
import { today } from '../ledger';
import { warningsOf } from '../warnings';
import { amendmentsOf } from '../amendments';
import { decisionContext, followUpsOf, linkedItems, loopFactsOf, progressOf } from './queries';

export function decisionDetail(ledger: ReadLedger, decisionId: number) {
  const ctx = decisionContext(ledger, decisionId);
  const date = today(ledger);
  const fus = followUpsOf(ledger, [decisionId]);
  const reports = progressOf(ledger, fus.map((f) => f.id));
  const facts = loopFactsOf(ledger, decisionId, ctx.decision.noFollowUpReason);
  const history = amendmentsOf(ledger, 'follow_up', fus.map((f) => f.id));
  return {
    ...ctx.decision,
    item: { id: ctx.item.id, title: ctx.item.title, state: ctx.item.state, kind: ctx.item.kind, leaderId: ctx.item.leaderId },
    meetingId: ctx.meeting.id,
    meetingLabel: ctx.meetingLabel,
    decidedOn: ctx.decidedOn,
    followUps: fus.map((f) => ({
      ...f,
      overdue: isOverdue(f, date),
      daysOverdue: daysOverdue(f, date),
      reports: reports.filter((r) => r.followUpId === f.id),
      warnings: warningsOf(ledger, 'follow_up', f.id),
      status: followUpStatus(f, date),
      statusLabel: FOLLOW_UP_STATUS_LABELS[followUpStatus(f, date)],
      /** 延期 and 调整承办, oldest first, with before → after, reason and who approved. */
      history: history.filter((h) => h.subjectId === f.id),
    })),
    corrections: facts.corrections,
    executionReports: linkedItems(ledger, decisionId, 'execution_report'),
    /** R17 warning, computed: neither a FollowUp nor 无需督办. */
    lacksFollowUp: lacksFollowUp({ followUps: fus.length, noFollowUpReason: ctx.decision.noFollowUpReason, loopState: ctx.decision.loopState }),
    loopClosed: isLoopClosed(facts),
    warnings: warningsOf(ledger, 'decision', decisionId),
  };
}
