// The year's 议事决策台账 (XLSX): one row per agenda entry of every meeting held that year, with
// its vote, decision, follow-ups (R17: owner, deadline, 逾期), status and evaluation (R18).
import { and, asc, eq, ne } from 'drizzle-orm';
import type { RegisterRow, RegisterSheet, RecordOutcome } from '../documents/model';
import { OUTCOME_LABELS } from '../documents/record';
import { followUpsOf } from '../followups/queries';
import { itemSentUp } from '../items/queries';
import { today, type ReadLedger } from '../ledger';
import { meetingDate } from '../meetings/queries';
import { meetingTitle } from '../terms';
import { getOrganization } from '../organization/queries';
import { isOverdue } from '../rules/followup';
import { itemStateLabel } from '../rules/group';
import { agendaEntries, agendaItems, bodies, decisions, matters, meetings } from '../schema';
import { ITEM_STATE_LABELS, RATINGS, type ItemState, type MajorCategory, type Rating } from '../terms';

function entriesOfYear(ledger: ReadLedger, orgId: number, year: number) {
  return ledger.db
    .select({
      meetingId: meetings.id,
      seq: meetings.seq,
      startsAt: meetings.startsAt,
      bodyName: bodies.name,
      entry: agendaEntries,
      itemTitle: agendaItems.title,
      itemState: agendaItems.state,
      itemSentUp,
      itemMajor: agendaItems.routing,
      amount: agendaItems.amount,
      matterName: matters.name,
      majorCategory: matters.majorCategory,
      decision: decisions,
    })
    .from(agendaEntries)
    .innerJoin(meetings, eq(meetings.id, agendaEntries.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(agendaItems, eq(agendaItems.id, agendaEntries.itemId))
    .innerJoin(matters, eq(matters.id, agendaItems.matterId))
    .leftJoin(decisions, eq(decisions.entryId, agendaEntries.id))
    // A planned meeting has deliberated nothing yet: the 台账 records meetings that sat.
    .where(and(eq(bodies.orgId, orgId), eq(meetings.year, year), ne(meetings.state, 'planned')))
    .orderBy(asc(meetings.startsAt), asc(meetings.id), asc(agendaEntries.position))
    .all();
}

export function readRegisterSheet(ledger: ReadLedger, orgId: number, year: number): RegisterSheet {
  const org = getOrganization(ledger, orgId);
  const rows = entriesOfYear(ledger, orgId, year);
  const on = today(ledger);
  const followUps = followUpsOf(ledger, rows.flatMap((r) => (r.decision ? [r.decision.id] : [])));
  const numbers = new Map<number, number>();
  return {
    orgName: org.name,
    year,
    exportedOn: on,
    rows: rows.map((r): RegisterRow => {
      const number = (numbers.get(r.meetingId) ?? 0) + 1;
      numbers.set(r.meetingId, number);
      const d = r.decision;
      const fus = d ? followUps.filter((f) => f.decisionId === d.id) : [];
      const outcome = r.entry.outcome as RecordOutcome;
      return {
        meetingLabel: meetingTitle(year, r.seq, r.bodyName),
        meetingDate: meetingDate({ startsAt: r.startsAt }),
        bodyName: r.bodyName,
        itemPosition: number,
        itemTitle: r.itemTitle,
        matter: r.matterName,
        // R2 as it applied when decided; the item's routing otherwise.
        major: d ? d.ruleSnapshot.major : r.itemMajor.major,
        majorCategory: (r.majorCategory as MajorCategory | null) ?? null,
        amount: r.amount,
        due: r.entry.tally?.due ?? null,
        present: r.entry.tally?.present ?? null,
        voteMethod: r.entry.voteMethod,
        votesFor: r.entry.votesFor,
        votesAgainst: r.entry.votesAgainst,
        votesAbstain: r.entry.votesAbstain,
        result: OUTCOME_LABELS[outcome] ?? outcome,
        decisionNumber: d?.number ?? null,
        decisionText: d?.text ?? null,
        followUps: fus.map((f) => ({
          task: f.task,
          ownerDept: f.ownerDept,
          ownerName: f.ownerName,
          leaderName: f.leaderName,
          deadline: f.deadline,
          // R17: past its deadline and not done.
          state: f.state === 'done' ? '已办结' : isOverdue(f, on) ? '逾期' : '进行中',
          completedOn: f.completedAt?.slice(0, 10) ?? null,
          evaluation: f.rating != null ? { rating: f.rating as Rating, effect: f.effect ?? '' } : null,
        })),
        // Undecided at this meeting: what came of it there, unless the item has since gone up to the 集团 (said as items.get says it).
        status: d ? statusOfDecision(d, r.itemState as ItemState, fus.length) : r.itemSentUp ? itemStateLabel(r.itemState as ItemState, true) : (OUTCOME_LABELS[outcome] ?? outcome),
        evaluation: evaluationOf(fus),
      };
    }),
  };
}

function statusOfDecision(d: { loopState: string; noFollowUpReason: string | null }, itemState: ItemState, followUps: number): string {
  if (d.loopState === 'closed') return ITEM_STATE_LABELS.closed;
  // R17: neither a follow-up nor 无需督办 yet.
  if (followUps === 0) return d.noFollowUpReason ? '无需督办' : '待安排督办';
  return ITEM_STATE_LABELS[itemState];
}

/** R18: the weakest rating of the decision's evaluated follow-ups, with every effect noted. */
function evaluationOf(fus: { rating: string | null; effect: string | null }[]): RegisterRow['evaluation'] {
  const rated = fus.filter((f): f is { rating: Rating; effect: string } => f.rating != null);
  if (rated.length === 0) return null;
  const worst = rated.reduce((a, b) => (RATINGS.indexOf(b.rating) > RATINGS.indexOf(a.rating) ? b : a));
  return { rating: worst.rating, effect: rated.map((f) => f.effect).join('；') };
}
