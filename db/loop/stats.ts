// stats.dashboard: the numbers behind the 工作台 charts. Rows are read here; every count is
// made by the pure functions of db/rules/stats.ts.
import { and, count, eq, ne, sql } from 'drizzle-orm';
import { today, type ReadLedger } from '../ledger';
import { getOrganization } from '../organization/queries';
import { majorItemsPerYear, meetingsPerMonth, loopFunnel, onTimeByDepartment } from '../rules/stats';
import { agendaItems, bodies, decisions, followUps, meetings } from '../schema';
import { BODY_LABELS } from '../terms';
import { itemStateCounts } from './queries';

/** The two bodies the charts compare (支委会 and 党员大会 are a later module). */
const CHART_BODIES = ['party_committee', 'principal_office'] as const;
/** 三重一大 per year: this year and the four before it. */
const MAJOR_YEARS = 5;

export function dashboardStats(ledger: ReadLedger, orgId: number, year?: number) {
  getOrganization(ledger, orgId);
  const date = today(ledger);
  const y = year ?? Number(date.slice(0, 4));
  const timings = ledger.db
    .select({ ownerDept: followUps.ownerDept, deadline: followUps.deadline, state: followUps.state, completedAt: followUps.completedAt })
    .from(followUps)
    .innerJoin(decisions, eq(decisions.id, followUps.decisionId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
    .where(eq(agendaItems.orgId, orgId))
    .all();
  const meetingRows = ledger.db
    .select({ startsAt: meetings.startsAt, bodyKind: bodies.kind })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    // A cancelled meeting was never held.
    .where(and(eq(bodies.orgId, orgId), eq(meetings.year, y), ne(meetings.state, 'cancelled')))
    .all();
  const itemYear = sql<string>`substr(${agendaItems.createdAt}, 1, 4)`;
  const majorRows = ledger.db
    .select({ year: itemYear, state: agendaItems.state, count: count() })
    .from(agendaItems)
    .where(and(eq(agendaItems.orgId, orgId), sql`json_extract(${agendaItems.routing}, '$.major') = 1`))
    .groupBy(itemYear, agendaItems.state)
    .all()
    .map((r) => ({ ...r, year: Number(r.year) }));
  return {
    today: date,
    year: y,
    funnel: loopFunnel(itemStateCounts(ledger, orgId)),
    onTimeByDepartment: onTimeByDepartment(timings, date),
    meetingsPerMonth: meetingsPerMonth(meetingRows, y, CHART_BODIES).map((s) => ({ ...s, bodyName: BODY_LABELS[s.bodyKind as (typeof CHART_BODIES)[number]] })),
    majorItemsPerYear: majorItemsPerYear(majorRows, y - MAJOR_YEARS + 1, y),
  };
}
