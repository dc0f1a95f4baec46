// 集团化办学 writes: choosing the organisation to work in, setting up a campus, limiting an
// operator, sending a campus item up (上报集团) and handing a 集团 decision to campuses.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { cnDate } from '../calendar';
import { conflict, invalid, refuse } from '../errors';
import { nowIso, today, type Ledger } from '../ledger';
import { createFollowUp } from '../followups/commands';
import { decisionContext } from '../followups/queries';
import { createItem } from '../items/create';
import { moveItem } from '../items/lifecycle';
import { getItem } from '../items/queries';
import { getMatter, getOrganization, holdersOf } from '../organization/queries';
import { setupOrganization } from '../organization/school';
import { assignRefusal, campusRefusal, ESCALATED_LABEL, escalateRefusal } from '../rules/group';
import { agendaItems, followUps, matters, operatorOrgs, operators, organizations } from '../schema';
import { scopeOf } from '../scope';
import type { groupContract } from './contract';

type In<K extends keyof typeof groupContract> = z.output<(typeof groupContract)[K]['input']>;

/** orgs.use: db/scope.ts has already refused an organisation the operator may not work in. */
export function useOrganization(ledger: Ledger, input: In<'orgs.use'>) {
  const org = getOrganization(ledger, input.orgId);
  // Set last, as session.signIn does: a refused command changes nothing.
  ledger.orgId = org.id;
  return { orgId: org.id, name: org.name };
}

export function createCampus(ledger: Ledger, input: In<'orgs.createCampus'>) {
  const parent = getOrganization(ledger, input.parentId);
  const refusal = campusRefusal(parent);
  if (refusal) conflict(refusal, 'parentId');
  const { parentId, ...setup } = input;
  const { orgId } = setupOrganization(ledger, setup);
  ledger.db.update(organizations).set({ parentId }).where(eq(organizations.id, orgId)).run();
  return { orgId };
}

export function limitOperator(ledger: Ledger, input: In<'operators.limit'>) {
  if (!scopeOf(ledger).unrestricted) conflict('只有可以办理全部组织的操作人才能设定其他操作人可办理的组织。');
  if (input.name === ledger.operator) conflict('不能限制自己可办理的组织，请由另一位可以办理全部组织的同事设定。', 'name');
  const ids = [...new Set(input.orgIds)];
  ids.forEach((id, i) => getOrganizationOr(ledger, id, `orgIds.${i}`));
  let row = ledger.db.select().from(operators).where(eq(operators.name, input.name)).get();
  row ??= ledger.db.insert(operators).values({ name: input.name, personId: null, createdAt: nowIso(ledger) }).returning().get();
  ledger.db.delete(operatorOrgs).where(eq(operatorOrgs.operatorId, row.id)).run();
  for (const orgId of ids) ledger.db.insert(operatorOrgs).values({ operatorId: row.id, orgId }).run();
  return { name: row.name, orgIds: ids };
}

function getOrganizationOr(ledger: Ledger, orgId: number, field: string) {
  const org = ledger.db.select().from(organizations).where(eq(organizations.id, orgId)).get();
  if (!org) invalid('所选组织不存在，请刷新后重新选择。', field);
  return org;
}

/**
 * 上报集团 (R2 集团): the 集团党委 files the campus item as its own, under the entry of its own 议事清单
 * with the same code, proposed by the 集团书记; the campus item ends as 已上报集团, linked both ways.
 */
export function escalateItem(ledger: Ledger, input: In<'group.escalate'>) {
  const item = getItem(ledger, input.itemId);
  const campus = getOrganization(ledger, item.orgId);
  const up = ledger.db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.escalatedFromId, item.id)).get();
  const refusal = escalateRefusal(campus, item, Boolean(up));
  if (refusal) conflict(refusal, 'itemId');
  const group = getOrganization(ledger, campus.parentId!);
  const matter = getMatter(ledger, item.matterId);
  const theirs = ledger.db
    .select()
    .from(matters)
    .where(and(eq(matters.orgId, group.id), eq(matters.code, matter.code), eq(matters.active, true)))
    .get();
  if (!theirs) refuse('R1', `集团党委的议事清单中没有「${matter.name}」，请先在集团党委的议事清单中添加该事项。`, 'itemId');
  const secretary = holdersOf(ledger, group.id, '书记', today(ledger))[0];
  if (secretary === undefined) conflict('集团党委书记空缺，暂时无法上报；请先在集团党委的人员设置中任命书记。', 'itemId');
  const created = createItem(
    ledger,
    { orgId: group.id, title: item.title, summary: item.summary, matterId: theirs.id, proposerId: secretary, amount: item.amount ?? undefined, important: true },
    `由${campus.name}上报：${input.reason}`,
  );
  ledger.db.update(agendaItems).set({ escalatedFromId: item.id }).where(eq(agendaItems.id, created.id)).run();
  moveItem(ledger, item.id, 'withdrawn', `${ESCALATED_LABEL}（${group.name}）：${input.reason}`);
  return { itemId: item.id, groupItemId: created.id, groupName: group.name };
}

/** A 集团 decision handed to campuses: one follow-up each, carried out and reported by the campus, evaluated by the 集团. */
export function assignToCampuses(ledger: Ledger, input: In<'group.assign'>) {
  const ctx = decisionContext(ledger, input.decisionId);
  const group = getOrganization(ledger, ctx.orgId);
  const ids = input.campuses.map((c) => c.campusId);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) invalid('同一校区选了两次，请每个校区只填一行。', `campuses.${twice}.campusId`);
  const campuses = input.campuses.map((c, i) => ({ ...c, org: getOrganizationOr(ledger, c.campusId, `campuses.${i}.campusId`) }));
  const refusal = assignRefusal(group, campuses.map((c) => c.org));
  if (refusal) conflict(refusal, 'campuses');
  const taken = new Set(
    ledger.db
      .select({ orgId: followUps.orgId })
      .from(followUps)
      .where(eq(followUps.decisionId, ctx.decision.id))
      .orderBy(asc(followUps.id))
      .all()
      .map((f) => f.orgId),
  );
  const already = campuses.findIndex((c) => taken.has(c.org.id));
  if (already >= 0) conflict(`该决定事项已交${campuses[already]!.org.name}落实，不能重复交办。`, `campuses.${already}.campusId`);
  // Said beside the campus's row, before any follow-up is made (createFollowUp says it without the row).
  const early = campuses.findIndex((c) => c.deadline < ctx.decidedOn);
  if (early >= 0) conflict(`${campuses[early]!.org.name}的完成时限不能早于作出决定的日期（${cnDate(ctx.decidedOn)}），请重新选择。`, `campuses.${early}.deadline`);
  const made = campuses.map((c) => {
    const { followUp } = createFollowUp(ledger, { decisionId: ctx.decision.id, task: input.task, ownerDept: c.ownerDept, deadline: c.deadline });
    ledger.db.update(followUps).set({ orgId: c.org.id }).where(eq(followUps.id, followUp.id)).run();
    return { followUpId: followUp.id, orgId: c.org.id, name: c.org.name };
  });
  return { decisionId: ctx.decision.id, followUps: made };
}
