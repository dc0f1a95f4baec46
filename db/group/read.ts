// 集团化办学 reads: the organisations an operator may switch between, and the 集团工作台 — per
// campus, the loop's numbers, counted here in a few grouped queries over all campuses at once
// (12 campuses × 10 years: bench/), never in the screen.
import { asc, eq } from 'drizzle-orm';
import { conflict, notFound } from '../errors';
import { decisionContext, followUpsOf } from '../followups/queries';
import { followUpViews } from '../followups/read';
import { today, type ReadLedger } from '../ledger';
import { getOrganization } from '../organization/queries';
import { attentionScore, handedActions, type CampusFigures } from '../rules/group';
import { followUps, organizations } from '../schema';
import { currentOrgId, permittedOrgs } from '../scope';

export function listOrganizations(ledger: ReadLedger) {
  const permitted = permittedOrgs(ledger);
  const all = ledger.db.select().from(organizations).orderBy(asc(organizations.id)).all();
  const byId = new Map(all.map((o) => [o.id, o]));
  const mayUse = all.filter((o) => permitted === null || permitted.includes(o.id));
  // A 集团党委 then its campuses, in the order they were set up.
  const tops = mayUse.filter((o) => o.parentId === null || !mayUse.some((p) => p.id === o.parentId));
  const ordered = tops.flatMap((t) => [t, ...mayUse.filter((c) => c.parentId === t.id)]);
  return {
    currentOrgId: currentOrgId(ledger),
    orgs: ordered.map((o) => {
      const parent = o.parentId === null ? null : byId.get(o.parentId) ?? null;
      return {
        id: o.id,
        name: o.name,
        partyKind: o.partyKind,
        parentId: o.parentId,
        parentName: parent?.name ?? null,
        campusCount: all.filter((c) => c.parentId === o.id).length,
      };
    }),
  };
}

/**
 * group.handed: a 集团 decision's follow-up as the campus carrying it out sees it — the 集团's
 * decision, the task, its reports, and what the campus may do (report, 办结); not the other
 * campuses' follow-ups, and not the decision page, which is the 集团's.
 */
export function handedFollowUp(ledger: ReadLedger, input: { followUpId: number }) {
  const row = ledger.db.select({ decisionId: followUps.decisionId, orgId: followUps.orgId }).from(followUps).where(eq(followUps.id, input.followUpId)).get();
  if (!row) return notFound('督办事项', input.followUpId, 'followUpId');
  if (row.orgId === null) conflict('该督办事项不是集团交校区落实的事项，请在督办看板中打开它的决定事项。', 'followUpId');
  const ctx = decisionContext(ledger, row.decisionId);
  const [followUp] = followUpViews(ledger, followUpsOf(ledger, [row.decisionId]).filter((f) => f.id === input.followUpId));
  return {
    groupName: getOrganization(ledger, ctx.orgId).name,
    campusName: getOrganization(ledger, row.orgId).name,
    meetingLabel: ctx.meetingLabel,
    decidedOn: ctx.decidedOn,
    decision: { number: ctx.decision.number, text: ctx.decision.text },
    itemTitle: ctx.item.title,
    followUp: followUp!,
    actions: handedActions(followUp!.state),
  };
}

type Counted = { org: number; n: number };

/** 集团工作台: the 集团 the current organisation belongs to, row by row (集团本级 first), only the organisations in scope. */
export function groupOverview(ledger: ReadLedger, input: { year?: number }) {
  const current = currentOrgId(ledger);
  if (current === null) return null;
  const date = today(ledger);
  const year = input.year ?? Number(date.slice(0, 4));
  const month = `${year}-${date.slice(5, 7)}`;
  const orgRow = ledger.sqlite.prepare('SELECT id, name, parent_id AS parentId FROM organizations WHERE id = ?').get(current) as { id: number; name: string; parentId: number | null };
  const topId = orgRow.parentId ?? orgRow.id;
  // The 集团's view over its campuses: every one the operator may work in, whichever is chosen.
  const permitted = permittedOrgs(ledger);
  const family = (
    ledger.sqlite.prepare('SELECT id, name, parent_id AS parentId FROM organizations WHERE id = @id OR parent_id = @id ORDER BY (id <> @id), id').all({ id: topId }) as {
      id: number;
      name: string;
      parentId: number | null;
    }[]
  ).filter((o) => permitted === null || permitted.includes(o.id));
  const ids = family.map((o) => o.id);
  const inList = ids.join(',') || 'NULL';
  const count = (sql: string, ...params: unknown[]) => {
    const map = new Map<number, number>();
    for (const r of ledger.sqlite.prepare(sql).all(...params) as Counted[]) map.set(r.org, r.n);
    return (id: number) => map.get(id) ?? 0;
  };
  const waiting = count(
    `SELECT org_id AS org, COUNT(*) AS n FROM agenda_items WHERE org_id IN (${inList}) AND state IN ('draft','consultation','postponed','vote_postponed') GROUP BY org_id`,
  );
  const heldBase = `FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id IN (${inList}) AND m.year = ? AND m.state IN ('in_progress','closed')`;
  const yearMeetings = count(`SELECT b.org_id AS org, COUNT(*) AS n ${heldBase} GROUP BY b.org_id`, year);
  const monthMeetings = count(`SELECT b.org_id AS org, COUNT(*) AS n ${heldBase} AND substr(m.starts_at, 1, 7) = ? GROUP BY b.org_id`, year, month);
  const firstTopics = count(`SELECT b.org_id AS org, COUNT(*) AS n ${heldBase} AND b.kind = 'party_committee' AND trim(COALESCE(m.first_topic, '')) <> '' GROUP BY b.org_id`, year);
  // R17 candidates, as loop.status counts them; an item still 已通过 is the only one whose decision can lack one.
  const bare = count(
    `SELECT i.org_id AS org, COUNT(*) AS n FROM agenda_items i JOIN decisions d ON d.item_id = i.id
     WHERE i.org_id IN (${inList}) AND i.state = 'passed' AND d.loop_state <> 'reconsidered' AND d.no_follow_up_reason IS NULL
       AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.decision_id = d.id) GROUP BY i.org_id`,
  );
  // A follow-up is the campus's when a 集团 decision was handed to it, else its decision's organisation's
  // (follow_ups.decision_org_id: no join through decisions and items).
  const overdue = count(
    `SELECT COALESCE(f.org_id, f.decision_org_id) AS org, COUNT(*) AS n FROM follow_ups f
     WHERE f.state = 'open' AND f.deadline < ? AND COALESCE(f.org_id, f.decision_org_id) IN (${inList}) GROUP BY 1`,
    date,
  );
  const corrections = count(
    `SELECT org_id AS org, COUNT(*) AS n FROM agenda_items WHERE org_id IN (${inList}) AND kind = 'correction'
       AND state IN ('draft','consultation','postponed','ready','scheduled','discussed','vote_postponed') GROUP BY org_id`,
  );
  const emergencies = count(`SELECT org_id AS org, COUNT(*) AS n FROM emergency_actions WHERE org_id IN (${inList}) AND reported_entry_id IS NULL GROUP BY org_id`);
  // 上报集团: campus items the 集团党委 took up (its items name them).
  const escalated = count(
    `SELECT c.org_id AS org, COUNT(*) AS n FROM agenda_items g CROSS JOIN agenda_items c ON c.id = g.escalated_from_id
     WHERE g.escalated_from_id IS NOT NULL AND c.org_id IN (${inList}) GROUP BY c.org_id`,
  );
  const rows = family.map((o) => {
    const figures: CampusFigures = {
      waitingConsultation: waiting(o.id),
      meetingsThisMonth: monthMeetings(o.id),
      meetingsThisYear: yearMeetings(o.id),
      firstTopicsThisYear: firstTopics(o.id),
      decisionsWithoutFollowUp: bare(o.id),
      overdueFollowUps: overdue(o.id),
      openCorrections: corrections(o.id),
      openEmergencies: emergencies(o.id),
    };
    return { orgId: o.id, name: o.name, level: o.id === topId ? ('group' as const) : ('campus' as const), escalated: escalated(o.id), ...figures, attention: attentionScore(figures) };
  });
  const top = rows.find((r) => r.level === 'group');
  return { today: date, year, month: Number(date.slice(5, 7)), groupName: top?.name ?? orgRow.name, rows };
}
