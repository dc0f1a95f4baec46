// 议事机构 and their members: seats for a term, with or without a vote. A membership ends, it is
// never deleted, so who sat on a body on a meeting's date stays answerable (R6, R7).
import { cnDate } from '../calendar';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { keepAmendment } from '../amendments';
import { localDate } from '../ledger';
import { backdatedRefusal, isVoided, voidRefusal } from '../rules/amend';
import { aheadRefusal } from '../rules/dates';
import type { z } from 'zod';
import { conflict, invalid, notFound } from '../errors';
import { today, type Ledger, type ReadLedger } from '../ledger';
import { attendance, bodies, meetings, memberships, persons } from '../schema';
import { BODY_LABELS, meetingTitle, type BodyKind } from '../terms';
import type { organizationContract } from './contract';
import { getBody, getOrganization, getPerson, heldOn, lastSignedMeeting, sameGroup, seatRunningFrom } from './queries';

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
  // A voided seat (entered by mistake) never held: it is listed as such, never as a term.
  const marked = rows.map((r) => ({ ...r, voided: isVoided(r), current: heldOn(r, date) }));
  const current = marked.filter((r) => r.current);
  return { body, date, rows: marked, counts: { current: current.length, voting: current.filter((r) => r.voting).length } };
}

export function addMembership(ledger: Ledger, input: In<'memberships.add'>) {
  const body = getBody(ledger, input.bodyId);
  const person = getPerson(ledger, input.personId);
  // 集团化办学: a person of the 集团党委 or a sister campus may take a seat (the same person record).
  if (person.orgId !== body.orgId && !sameGroup(ledger, person.orgId, body.orgId)) notFound('人员', input.personId, 'personId');
  if (!person.active) conflict(`${person.name}已设为不在职，不能加入议事机构。`, 'personId');
  const ahead = aheadRefusal('任期开始日期', input.startDate, today(ledger));
  if (ahead) invalid(ahead, 'startDate');
  const backdated = backdatedRefusal({ label: '任期开始日期', date: input.startDate, lastSigned: lastSignedMeeting(ledger, { bodyId: body.id }) });
  if (backdated) invalid(backdated, 'startDate');
  const open = ledger.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.bodyId, body.id), eq(memberships.personId, person.id), seatRunningFrom(input.startDate)))
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
  if (isVoided(row)) conflict('该成员记录已经作废。', 'membershipId');
  if (row.endDate) conflict(`该任期已于${cnDate(row.endDate)}结束。`, 'membershipId');
  if (input.endDate <= row.startDate) invalid(`「任期结束日期」须晚于开始日期${row.startDate}`, 'endDate');
  const backdated = backdatedRefusal({ label: '任期结束日期', date: input.endDate, lastSigned: lastSignedMeeting(ledger, { bodyId: row.bodyId }) });
  if (backdated) invalid(backdated, 'endDate');
  return ledger.db.update(memberships).set({ endDate: input.endDate }).where(eq(memberships.id, row.id)).returning().get();
}

/**
 * 作废: a membership entered by mistake (the wrong person, the wrong body) never held. It is kept
 * as an empty term (it ends the day it starts) with the reason, unlike a term that ends. Refused
 * once a meeting sat with the seat (its quorum counted it, R6); the person's sign-in at a meeting
 * not yet held goes with it.
 */
export function voidMembership(ledger: Ledger, input: In<'memberships.void'>) {
  const row =
    ledger.db.select().from(memberships).where(eq(memberships.id, input.membershipId)).get() ??
    notFound('成员记录', input.membershipId, 'membershipId');
  const body = getBody(ledger, row.bodyId);
  const person = getPerson(ledger, row.personId);
  const inTerm = (startsAt: string) => {
    const d = localDate(new Date(startsAt));
    return d >= row.startDate && (row.endDate == null || d < row.endDate);
  };
  const sat = ledger.db
    .select({ id: meetings.id, year: meetings.year, seq: meetings.seq, startsAt: meetings.startsAt, state: meetings.state })
    .from(meetings)
    .where(and(eq(meetings.bodyId, body.id), gte(meetings.startsAt, row.startDate)))
    .all()
    .filter((m) => inTerm(m.startsAt));
  const held = sat.filter((m) => m.state === 'in_progress' || m.state === 'closed');
  const refusal = voidRefusal({ startDate: row.startDate, endDate: row.endDate, heldMeetings: held.map((m) => meetingTitle(m.year, m.seq, body.name)) });
  if (refusal) conflict(`${person.name}在${body.name}的成员记录：${refusal}。`, 'membershipId');
  const planned = sat.filter((m) => m.state === 'planned').map((m) => m.id);
  const signedIn = planned.length
    ? ledger.db.select().from(attendance).where(and(inArray(attendance.meetingId, planned), eq(attendance.personId, person.id))).all()
    : [];
  if (signedIn.length) ledger.db.delete(attendance).where(inArray(attendance.id, signedIn.map((a) => a.id))).run();
  ledger.db.update(memberships).set({ endDate: row.startDate }).where(eq(memberships.id, row.id)).run();
  keepAmendment(ledger, {
    orgId: body.orgId,
    subjectType: 'membership',
    subjectId: row.id,
    action: 'void',
    before: { name: person.name, body: body.name, voting: row.voting, startDate: row.startDate, endDate: row.endDate, signedIn: signedIn.length },
    after: { endDate: row.startDate },
    reason: input.reason,
  });
  return { membershipId: row.id, name: person.name, body: body.name };
}
