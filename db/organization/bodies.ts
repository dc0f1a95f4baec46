// 议事机构 and their members: seats for a term, with or without a vote. A membership ends, it is
// never deleted, so who sat on a body on a meeting's date stays answerable (R6, R7).
import { cnDate } from '../calendar';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, invalid, notFound } from '../errors';
import { today, type Ledger, type ReadLedger } from '../ledger';
import { bodies, memberships, persons } from '../schema';
import { BODY_LABELS, type BodyKind } from '../terms';
import type { organizationContract } from './contract';
import { getBody, getOrganization, getPerson, heldOn, runningFrom } from './queries';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

/** The 党组织会议 and the 校长办公会议 exist once per school; branches may be many (集团校). */
const UNIQUE_BODIES: readonly BodyKind[] = ['party_committee', 'principal_office'];

export function createBody(ledger: Ledger, input: In<'bodies.create'>) {
  getOrganization(ledger, input.orgId);
  if (UNIQUE_BODIES.includes(input.kind)) {
    const existing = ledger.db.select().from(bodies).where(and(eq(bodies.orgId, input.orgId), eq(bodies.kind, input.kind))).get();
    if (existing) conflict(`本校已有${BODY_LABELS[input.kind]}，不能重复建立。`, 'kind');
  }
  const same = ledger.db.select().from(bodies).where(and(eq(bodies.orgId, input.orgId), eq(bodies.name, input.name))).get();
  if (same) conflict(`已有名为「${input.name}」的议事机构。`, 'name');
  return ledger.db.insert(bodies).values({ orgId: input.orgId, kind: input.kind, name: input.name }).returning().get();
}

export function renameBody(ledger: Ledger, input: In<'bodies.rename'>) {
  const body = getBody(ledger, input.bodyId);
  const same = ledger.db.select().from(bodies).where(and(eq(bodies.orgId, body.orgId), eq(bodies.name, input.name))).get();
  if (same && same.id !== body.id) conflict(`已有名为「${input.name}」的议事机构。`, 'name');
  // Meetings are titled from the body's name when read; signed 纪要 keep the name they were signed with.
  return ledger.db.update(bodies).set({ name: input.name }).where(eq(bodies.id, body.id)).returning().get();
}

export function listMemberships(ledger: ReadLedger, input: In<'memberships.list'>) {
  const body = getBody(ledger, input.bodyId);
  const date = input.date ?? today(ledger);
  const rows = ledger.db
    .select({
      id: memberships.id,
      personId: memberships.personId,
      name: persons.name,
      voting: memberships.voting,
      startDate: memberships.startDate,
      endDate: memberships.endDate,
    })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(eq(memberships.bodyId, body.id))
    .orderBy(asc(memberships.startDate), asc(memberships.id))
    .all();
  const marked = rows.map((r) => ({ ...r, current: heldOn(r, date) }));
  const current = marked.filter((r) => r.current);
  return { body, date, rows: marked, counts: { current: current.length, voting: current.filter((r) => r.voting).length } };
}

export function addMembership(ledger: Ledger, input: In<'memberships.add'>) {
  const body = getBody(ledger, input.bodyId);
  const person = getPerson(ledger, input.personId);
  if (person.orgId !== body.orgId) notFound('人员', input.personId, 'personId');
  if (!person.active) conflict(`${person.name}已设为不在职，不能加入议事机构。`, 'personId');
  const open = ledger.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.bodyId, body.id), eq(memberships.personId, person.id), runningFrom(memberships.endDate, input.startDate)))
    .get();
  if (open) conflict(`${person.name}自${cnDate(open.startDate)}起已是${body.name}成员，如需改变表决权，请先结束原任期。`, 'personId');
  return ledger.db
    .insert(memberships)
    .values({ bodyId: body.id, personId: person.id, voting: input.voting, startDate: input.startDate })
    .returning()
    .get();
}

export function endMembership(ledger: Ledger, input: In<'memberships.end'>) {
  const row =
    ledger.db.select().from(memberships).where(eq(memberships.id, input.membershipId)).get() ??
    notFound('成员记录', input.membershipId, 'membershipId');
  if (row.endDate) conflict(`该任期已于${cnDate(row.endDate)}结束。`, 'membershipId');
  if (input.endDate <= row.startDate) invalid(`「任期结束日期」须晚于开始日期${row.startDate}`, 'endDate');
  return ledger.db.update(memberships).set({ endDate: input.endDate }).where(eq(memberships.id, row.id)).returning().get();
}
