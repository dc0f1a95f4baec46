// loop.register (决策台账): one year of decisions with everything an inspector asks about —
// meeting, item, 议事清单 事项, vote counts, result, 督办, status in the loop, evaluation.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { joinDecisionChain } from '../joins';
import { today, type ReadLedger } from '../ledger';
import { followUpsOf } from '../followups/queries';
import { meetingTitle } from '../terms';
import { getOrganization } from '../organization/queries';
import { registerStatus } from '../rules/stats';
import { REGISTER_STATUS_LABELS } from '../terms';
import { agendaEntries, agendaItems, bodies, decisions, matters, meetings } from '../schema';

export interface RegisterFilter {
  orgId: number;
  year: number;
  matterId?: number;
  bodyKind?: string;
  /** true: 三重一大 only; false: the others only. */
  major?: boolean;
}

export function decisionRegister(ledger: ReadLedger, f: RegisterFilter) {
  getOrganization(ledger, f.orgId);
  const date = today(ledger);
  const where: SQL[] = [eq(agendaItems.orgId, f.orgId), eq(meetings.year, f.year)];
  if (f.matterId !== undefined) where.push(eq(agendaItems.matterId, f.matterId));
  if (f.bodyKind !== undefined) where.push(eq(bodies.kind, f.bodyKind));
  // The 三重一大 flag as it stood when the meeting decided (R2 snapshot), not today's routing.
  if (f.major !== undefined) where.push(sql`json_extract(${decisions.ruleSnapshot}, '$.major') = ${f.major ? 1 : 0}`);
  const fields = {
    id: decisions.id,
    number: decisions.number,
    text: decisions.text,
    noFollowUpReason: decisions.noFollowUpReason,
    loopState: decisions.loopState,
    ruleSnapshot: decisions.ruleSnapshot,
    itemId: agendaItems.id,
    itemTitle: agendaItems.title,
    amount: agendaItems.amount,
    matterCode: matters.code,
    matterName: matters.name,
    meetingId: meetings.id,
    year: meetings.year,
    seq: meetings.seq,
    startsAt: meetings.startsAt,
    bodyKind: bodies.kind,
    bodyName: bodies.name,
    outcome: agendaEntries.outcome,
    voteMethod: agendaEntries.voteMethod,
    votesFor: agendaEntries.votesFor,
    votesAgainst: agendaEntries.votesAgainst,
    votesAbstain: agendaEntries.votesAbstain,
    tally: agendaEntries.tally,
  };
  const rows = joinDecisionChain(ledger.db.select(fields).from(decisions).$dynamic())
    .innerJoin(matters, eq(matters.id, agendaItems.matterId))
    .where(and(...where))
    .orderBy(asc(meetings.startsAt), asc(decisions.number))
    .all();
  const ids = rows.map((r) => r.id);
  const fus = followUpsOf(ledger, ids);
  const corrections = ids.length
    ? ledger.db
        .select({ id: agendaItems.id, decisionId: agendaItems.decisionId, title: agendaItems.title, state: agendaItems.state })
        .from(agendaItems)
        .where(and(inArray(agendaItems.decisionId, ids), eq(agendaItems.kind, 'correction')))
        .orderBy(asc(agendaItems.id))
        .all()
    : [];
  return rows.map(({ year, seq, bodyName, startsAt, ruleSnapshot, ...r }) => {
    const own = fus.filter((x) => x.decisionId === r.id);
    const fixes = corrections.filter((c) => c.decisionId === r.id);
    const status = registerStatus(
      {
        noFollowUpReason: r.noFollowUpReason,
        loopState: r.loopState,
        followUps: own.map((x) => ({ evaluated: x.evaluationId !== null, state: x.state, deadline: x.deadline })),
        corrections: fixes,
      },
      date,
    );
    return {
      ...r,
      bodyName,
      meetingLabel: meetingTitle(year, seq, bodyName),
      decidedOn: startsAt.slice(0, 10),
      major: ruleSnapshot.major,
      /** The R10 tally as computed at the vote (应到, 实到, needed) when there was a vote. */
      due: r.tally?.due ?? null,
      present: r.tally?.present ?? null,
      followUps: own.map((x) => ({ id: x.id, task: x.task, ownerDept: x.ownerDept, deadline: x.deadline, state: x.state, rating: x.rating })),
      ratings: own.flatMap((x) => (x.rating ? [x.rating] : [])),
      corrections: fixes.map(({ decisionId: _d, ...c }) => c),
      status,
      statusLabel: REGISTER_STATUS_LABELS[status],
    };
  });
}
