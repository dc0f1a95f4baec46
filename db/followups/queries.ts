// Reads of decisions and their follow-up work, shared by the followups commands, the
// minutes (owner and deadline of each decision) and the loop dashboard.
import { and, asc, desc, eq, inArray, isNull, lt, ne, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { notFound } from '../errors';
import { joinDecisionChain } from '../joins';
import { prepared, type ReadLedger } from '../ledger';
import { FOLLOW_UP_STATUS_LABELS, meetingTitle } from '../terms';
import { RECONSIDERED, daysOverdue, followUpStatus, isOverdue, lacksFollowUp } from '../rules/followup';
import {
  agendaItems,
  amendments,
  bodies,
  decisions,
  evaluations,
  followUps,
  meetings,
  persons,
  progressReports,
} from '../schema';

/** A decision with the facts every caller needs: its item, meeting, body and school. */
export function decisionContext(ledger: ReadLedger, decisionId: number, field = 'decisionId') {
  const fields = {
    decision: decisions,
    item: agendaItems,
    meeting: meetings,
    bodyKind: bodies.kind,
    bodyName: bodies.name,
  };
  const row = joinDecisionChain(ledger.db.select(fields).from(decisions).$dynamic())
    .where(eq(decisions.id, decisionId))
    .get();
  if (!row) return notFound('决定事项', decisionId, field);
  return {
    ...row,
    orgId: row.item.orgId,
    meetingLabel: meetingTitle(row.meeting.year, row.meeting.seq, row.bodyName),
    decidedOn: row.meeting.startsAt.slice(0, 10),
  };
}
export type DecisionContext = ReturnType<typeof decisionContext>;

export function getFollowUp(ledger: ReadLedger, followUpId: number, field = 'followUpId') {
  return ledger.db.select().from(followUps).where(eq(followUps.id, followUpId)).get() ?? notFound('督办事项', followUpId, field);
}

const owner = alias(persons, 'owner');
const leader = alias(persons, 'leader');

/** The columns of a follow-up as every list shows it: owner and 分管领导 names, the evaluation. */
const followUpColumns = {
  id: followUps.id,
  decisionId: followUps.decisionId,
  task: followUps.task,
  ownerDept: followUps.ownerDept,
  ownerId: followUps.ownerId,
  ownerName: owner.name,
  leaderId: followUps.leaderId,
  leaderName: leader.name,
  deadline: followUps.deadline,
  state: followUps.state,
  completedAt: followUps.completedAt,
  completionNote: followUps.completionNote,
  createdAt: followUps.createdAt,
  /** 集团化办学: the campus a 集团 decision's follow-up was handed to (null: the decision's own organisation). */
  orgId: followUps.orgId,
  evaluationId: evaluations.id,
  rating: evaluations.rating,
  effect: evaluations.effect,
  failed: evaluations.failed,
  correctionItemId: evaluations.correctionItemId,
};

/** Follow-ups of some decisions, with owner and 分管领导 names and the evaluation if any. */
export function followUpsOf(ledger: ReadLedger, decisionIds: number[]) {
  if (decisionIds.length === 0) return [];
  return ledger.db
    .select(followUpColumns)
    .from(followUps)
    .leftJoin(owner, eq(owner.id, followUps.ownerId))
    .leftJoin(leader, eq(leader.id, followUps.leaderId))
    .leftJoin(evaluations, eq(evaluations.followUpId, followUps.id))
    .where(inArray(followUps.decisionId, decisionIds))
    .orderBy(asc(followUps.deadline), asc(followUps.id))
    .all();
}

/** Items that refer back to a decision: 修正 (R18) and 执行情况汇报 (R17). */
export function linkedItems(ledger: ReadLedger, decisionId: number, kind: 'correction' | 'execution_report') {
  return ledger.db
    .select({ id: agendaItems.id, title: agendaItems.title, state: agendaItems.state, createdAt: agendaItems.createdAt })
    .from(agendaItems)
    .where(and(eq(agendaItems.decisionId, decisionId), eq(agendaItems.kind, kind)))
    .orderBy(asc(agendaItems.id))
    .all();
}

/** The facts R18 needs to say whether a decision's loop is closed. */
export function loopFactsOf(ledger: ReadLedger, decisionId: number, noFollowUpReason: string | null) {
  const fus = ledger.db
    .select({ id: followUps.id, evaluationId: evaluations.id })
    .from(followUps)
    .leftJoin(evaluations, eq(evaluations.followUpId, followUps.id))
    .where(eq(followUps.decisionId, decisionId))
    .all();
  return {
    noFollowUpReason,
    followUps: fus.map((f) => ({ evaluated: f.evaluationId !== null })),
    corrections: linkedItems(ledger, decisionId, 'correction'),
  };
}

/**
 * Decisions with their item, meeting label and decision date: the one join both the 督办 list
 * and the dashboard read (decision → item, entry → meeting → body).
 */
function decisionRowsQuery(ledger: ReadLedger, where: SQL | undefined, order: SQL[]) {
  const fields = {
    id: decisions.id,
    number: decisions.number,
    text: decisions.text,
    itemId: decisions.itemId,
    itemTitle: agendaItems.title,
    itemState: agendaItems.state,
    noFollowUpReason: decisions.noFollowUpReason,
    loopState: decisions.loopState,
    meetingId: meetings.id,
    year: meetings.year,
    seq: meetings.seq,
    startsAt: meetings.startsAt,
    bodyName: bodies.name,
    /** R17 cover: how many FollowUps the decision has, and how many are not done. */
    followUps: sql<number>`(SELECT count(*) FROM ${followUps} WHERE ${followUps.decisionId} = ${decisions.id})`,
    openFollowUps: sql<number>`(SELECT count(*) FROM ${followUps} WHERE ${followUps.decisionId} = ${decisions.id} AND ${followUps.state} <> 'done')`,
  };
  return joinDecisionChain(ledger.db.select(fields).from(decisions).$dynamic())
    .where(where)
    .orderBy(...order);
}

type DecisionRow = ReturnType<ReturnType<typeof decisionRowsQuery>['all']>[number];

function labelDecision({ year, seq, bodyName, startsAt, ...r }: DecisionRow) {
  return { ...r, meetingLabel: meetingTitle(year, seq, bodyName), decidedOn: startsAt.slice(0, 10) };
}

/** Decisions of a school (optionally one year), newest first, with R17 cover counts. */
export function listDecisions(ledger: ReadLedger, orgId: number, year?: number) {
  const where: SQL[] = [eq(agendaItems.orgId, orgId)];
  if (year !== undefined) where.push(eq(meetings.year, year));
  return decisionRowsQuery(ledger, and(...where), [desc(meetings.startsAt), asc(decisions.number)]).all().map((row) => {
    const r = labelDecision(row);
    return {
      ...r,
      /** R17 warning: neither a FollowUp nor 无需督办 (a decision under 复议 is suspended, R11). */
      lacksFollowUp: lacksFollowUp({ followUps: r.followUps, noFollowUpReason: r.noFollowUpReason, loopState: r.loopState }),
    };
  });
}

/**
 * R17 candidates for the dashboard: decisions with no 无需督办 reason and no FollowUp row. The
 * NOT EXISTS keeps loop.status from loading every decision of every year; the rule itself
 * (lacksFollowUp) still decides, in db/rules.
 */
export function decisionsWithoutFollowUps(ledger: ReadLedger, orgId: number) {
  const query = prepared(ledger, 'decisions.withoutFollowUps', () =>
    decisionRowsQuery(
      ledger,
      and(
        eq(agendaItems.orgId, sql.placeholder('orgId')),
        isNull(decisions.noFollowUpReason),
        ne(decisions.loopState, RECONSIDERED),
        notExists(ledger.db.select({ one: followUps.id }).from(followUps).where(eq(followUps.decisionId, decisions.id))),
      ),
      [asc(meetings.startsAt), asc(decisions.number)],
    ).prepare(),
  );
  return query.all({ orgId }).map(labelDecision);
}

/**
 * Follow-ups of a school for the 督办 list; `overdue` uses R17's pure rule with today's date.
 * One join, read in deadline order and stopped at the limit, and prepared once per connection:
 * the dashboard calls it on every start (loop.status), so it must cost what hand-written SQL
 * costs (bench/).
 */
export function listFollowUps(ledger: ReadLedger, orgId: number, today: string, state: 'open' | 'done' | 'overdue' | undefined, limit: number) {
  // A school's own follow-ups, and those of 集团 decisions handed to it (follow_ups.org_id, 集团化办学):
  // two index-led queries merged in deadline order, so the common case keeps its plan.
  const own = followUpQuery(ledger, state, 'own').all({ orgId, today, limit });
  const handed = followUpQuery(ledger, state, 'handed').all({ orgId, today, limit });
  const mine = own.map((f) => ({ ...f, handed: false }));
  const rows = handed.length === 0 ? mine : [...mine, ...handed.map((f) => ({ ...f, handed: true }))].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id - b.id).slice(0, limit);
  return rows.map((f) => {
    const status = followUpStatus(f, today);
    // handed: a 集团 decision's follow-up this school carries out; it opens on its own page (group.handed).
    return { ...f, overdue: isOverdue(f, today), daysOverdue: daysOverdue(f, today), status, statusLabel: FOLLOW_UP_STATUS_LABELS[status] };
  });
}

function followUpQuery(ledger: ReadLedger, state: 'open' | 'done' | 'overdue' | undefined, whose: 'own' | 'handed') {
  return prepared(ledger, `followUps.list:${state ?? 'all'}:${whose}`, () => {
    // own: by follow_ups.decision_org_id (index followups_decision_org: school, state, deadline), so
    // only the chosen school's rows are read, already in deadline order; not through its items.
    const where: SQL[] = [whose === 'own' ? eq(followUps.decisionOrgId, sql.placeholder('orgId')) : eq(followUps.orgId, sql.placeholder('orgId'))];
    // A follow-up is open or done (schema.ts): 'open' said as an equality, so the index serves it.
    if (state === 'done') where.push(eq(followUps.state, 'done'));
    if (state === 'open') where.push(eq(followUps.state, 'open'));
    if (state === 'overdue') where.push(eq(followUps.state, 'open'), lt(followUps.deadline, sql.placeholder('today')));
    return ledger.db
      .select({
        ...followUpColumns,
        decisionText: decisions.text,
        itemTitle: agendaItems.title,
        /** 延期 so far (the board marks an extended deadline). */
        extensions: sql<number>`(SELECT count(*) FROM ${amendments} WHERE ${amendments.subjectType} = 'follow_up' AND ${amendments.subjectId} = ${followUps.id} AND ${amendments.action} = 'extend')`,
      })
      .from(followUps)
      .innerJoin(decisions, eq(decisions.id, followUps.decisionId))
      .innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
      .leftJoin(owner, eq(owner.id, followUps.ownerId))
      .leftJoin(leader, eq(leader.id, followUps.leaderId))
      .leftJoin(evaluations, eq(evaluations.followUpId, followUps.id))
      .where(and(...where))
      .orderBy(asc(followUps.deadline), asc(followUps.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  });
}

export function progressOf(ledger: ReadLedger, followUpIds: number[]) {
  if (followUpIds.length === 0) return [];
  return ledger.db
    .select()
    .from(progressReports)
    .where(inArray(progressReports.followUpId, followUpIds))
    .orderBy(asc(progressReports.at), asc(progressReports.id))
    .all();
}
