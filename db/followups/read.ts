// decisions.get: one decision with everything the 督办 page shows (R17, R18).
import type { ReadLedger } from '../ledger';
import { RECONSIDERED, daysOverdue, followUpStatus, isLoopClosed, isOverdue, lacksFollowUp } from '../rules/followup';
import { FOLLOW_UP_STATUS_LABELS } from '../terms';
import { today } from '../ledger';
import { warningsOf } from '../warnings';
import { amendmentsOf } from '../amendments';
import { decisionContext, followUpsOf, linkedItems, loopFactsOf, progressOf } from './queries';

type FollowUpRow = ReturnType<typeof followUpsOf>[number];

/** Follow-ups as the 督办 pages show them: status, reports, warnings, history and, when handed, the campus. */
export function followUpViews(ledger: ReadLedger, fus: FollowUpRow[]) {
  const date = today(ledger);
  const reports = progressOf(ledger, fus.map((f) => f.id));
  const history = amendmentsOf(ledger, 'follow_up', fus.map((f) => f.id));
  const orgName = ledger.sqlite.prepare('SELECT name FROM organizations WHERE id = ?').pluck();
  return fus.map((f) => ({
    ...f,
    /** 集团化办学: the campus carrying it out, for a 集团 decision handed to campuses. */
    campusName: f.orgId === null ? null : (orgName.get(f.orgId) as string),
    overdue: isOverdue(f, date),
    daysOverdue: daysOverdue(f, date),
    reports: reports.filter((r) => r.followUpId === f.id),
    warnings: warningsOf(ledger, 'follow_up', f.id),
    status: followUpStatus(f, date),
    statusLabel: FOLLOW_UP_STATUS_LABELS[followUpStatus(f, date)],
    /** 延期 and 调整承办, oldest first, with before → after, reason and who approved. */
    history: history.filter((h) => h.subjectId === f.id),
  }));
}

/**
 * 交校区落实 offered on a 集团党委's decision (the screen shows it only then): the campuses it has
 * not been handed to yet, each with a suggested 承办 (the campus itself); null when there is none,
 * or the decision takes no more follow-ups (无需督办, 闭环, 复议).
 */
function assignOffer(ledger: ReadLedger, ctx: ReturnType<typeof decisionContext>, handedTo: Set<number | null>) {
  const { decision } = ctx;
  if (decision.noFollowUpReason || decision.loopState === 'closed' || decision.loopState === RECONSIDERED) return null;
  const campuses = (ledger.sqlite.prepare('SELECT id, name FROM organizations WHERE parent_id = ? ORDER BY id').all(ctx.orgId) as { id: number; name: string }[]).filter(
    (c) => !handedTo.has(c.id),
  );
  if (campuses.length === 0) return null;
  return { campuses: campuses.map((c) => ({ id: c.id, name: c.name, ownerDept: c.name })), earliestDeadline: ctx.decidedOn };
}

export function decisionDetail(ledger: ReadLedger, decisionId: number) {
  const ctx = decisionContext(ledger, decisionId);
  const fus = followUpsOf(ledger, [decisionId]);
  const facts = loopFactsOf(ledger, decisionId, ctx.decision.noFollowUpReason);
  return {
    ...ctx.decision,
    item: { id: ctx.item.id, title: ctx.item.title, state: ctx.item.state, kind: ctx.item.kind, leaderId: ctx.item.leaderId },
    meetingId: ctx.meeting.id,
    meetingLabel: ctx.meetingLabel,
    decidedOn: ctx.decidedOn,
    followUps: followUpViews(ledger, fus),
    /** 集团化办学: 交校区落实, or null when not offered. */
    assign: assignOffer(ledger, ctx, new Set(fus.map((f) => f.orgId))),
    corrections: facts.corrections,
    executionReports: linkedItems(ledger, decisionId, 'execution_report'),
    /** R17 warning, computed: neither a FollowUp nor 无需督办. */
    lacksFollowUp: lacksFollowUp({ followUps: fus.length, noFollowUpReason: ctx.decision.noFollowUpReason, loopState: ctx.decision.loopState }),
    loopClosed: isLoopClosed(facts),
    warnings: warningsOf(ledger, 'decision', decisionId),
  };
}
