// Read helpers other domains use to ask "who holds which post / who sits on which body, on a date".
import { and, eq, isNull, lte, or, gt, asc, desc, min, ne, sql } from 'drizzle-orm';
import { localDate, prepared, type ReadLedger } from '../ledger';
import { bodies, meetings, memberships, minutes, organizations, persons, posts, settings, matters } from '../schema';
import { DEFAULT_SETTINGS, type RuleSettings as Settings } from '../rules/settings';
import { RuleSettings } from './settings-schema';
import { notFound } from '../errors';
import { meetingTitle, type BodyKind, type Post } from '../terms';

/** A period [start, end) still running on or after `date`. */
export const runningFrom = (end: typeof posts.endDate | typeof memberships.endDate, date: string) => or(isNull(end), gt(end, date));

/** A seat still running on or after `date`; a voided one (it ends the day it starts) never is. */
export const seatRunningFrom = (date: string) =>
  or(isNull(memberships.endDate), and(gt(memberships.endDate, date), ne(memberships.endDate, memberships.startDate)));

/** A period [start, end) held on `date`: the same test as validOn, for rows already read. */
export function heldOn(period: { startDate: string; endDate: string | null }, date: string): boolean {
  return period.startDate <= date && (period.endDate == null || period.endDate > date);
}

/** Rows valid on `date`: started on or before it, not ended before it. */
const validOn = (start: typeof posts.startDate | typeof memberships.startDate, end: typeof posts.endDate | typeof memberships.endDate, date: string) =>
  and(lte(start, date), or(isNull(end), gt(end, date)));

export function getOrganization(ledger: ReadLedger, orgId: number) {
  const org = ledger.db.select().from(organizations).where(eq(organizations.id, orgId)).get();
  return org ?? notFound('学校', orgId, 'orgId');
}

/**
 * The school's first date in the ledger: the earliest term of its posts and bodies (set-up's
 * 任期开始日期), or the set-up day. No record of the school can be dated before it.
 */
export function ledgerSince(ledger: ReadLedger, orgId: number): string {
  const org = getOrganization(ledger, orgId);
  const post = ledger.db.select({ d: min(posts.startDate) }).from(posts).where(eq(posts.orgId, orgId)).get()?.d ?? null;
  const seat =
    ledger.db
      .select({ d: min(memberships.startDate) })
      .from(memberships)
      .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
      .where(eq(bodies.orgId, orgId))
      .get()?.d ?? null;
  return [localDate(new Date(org.createdAt)), post, seat].filter((d): d is string => d !== null).sort()[0]!;
}

export function postsOn(ledger: ReadLedger, orgId: number, date: string): { personId: number; post: Post }[] {
  return ledger.db
    .select({ personId: posts.personId, post: posts.post })
    .from(posts)
    .where(and(eq(posts.orgId, orgId), validOn(posts.startDate, posts.endDate, date)))
    // In the order the posts were given (a person's 校长、副书记 reads as appointed), not index order.
    .orderBy(asc(posts.id))
    .all() as { personId: number; post: Post }[];
}

/** The holders of a post on a date (normally one; empty while vacant). */
export function holdersOf(ledger: ReadLedger, orgId: number, post: Post, date: string): number[] {
  return postsOn(ledger, orgId, date).filter((p) => p.post === post).map((p) => p.personId);
}

export function membersOn(ledger: ReadLedger, bodyId: number, date: string) {
  return ledger.db
    .select({ personId: memberships.personId, voting: memberships.voting, name: persons.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(and(eq(memberships.bodyId, bodyId), validOn(memberships.startDate, memberships.endDate, date)))
    .orderBy(asc(memberships.id))
    .all();
}

export function getBody(ledger: ReadLedger, bodyId: number) {
  const body = ledger.db.select().from(bodies).where(eq(bodies.id, bodyId)).get();
  return body ? { ...body, kind: body.kind as BodyKind } : notFound('议事机构', bodyId, 'bodyId');
}

export function bodyOfKind(ledger: ReadLedger, orgId: number, kind: BodyKind) {
  return ledger.db.select().from(bodies).where(and(eq(bodies.orgId, orgId), eq(bodies.kind, kind))).get();
}

export function getPerson(ledger: ReadLedger, personId: number, field = 'personId') {
  // Prepared once per connection: a meeting's view and its signing look up dozens of people.
  return prepared(ledger, 'persons.byId', () => ledger.db.select().from(persons).where(eq(persons.id, sql.placeholder('id'))).prepare()).get({ id: personId }) ?? notFound('人员', personId, field);
}

/**
 * A person serves an organisation when it is their own, or they hold a post or a seat in it:
 * 集团化办学 seats the same person (the 集团书记) in bodies of several organisations, one record.
 */
export function servesOrg(ledger: ReadLedger, person: { id: number; orgId: number }, orgId: number): boolean {
  if (person.orgId === orgId) return true;
  const post = ledger.db.select({ id: posts.id }).from(posts).where(and(eq(posts.personId, person.id), eq(posts.orgId, orgId))).get();
  if (post) return true;
  const seat = ledger.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(and(eq(memberships.personId, person.id), eq(bodies.orgId, orgId)))
    .get();
  return Boolean(seat);
}

/** Same 集团: both organisations are the 集团党委 or its campuses (or one school on its own). */
export function sameGroup(ledger: ReadLedger, a: number, b: number): boolean {
  const top = (id: number) => {
    const org = getOrganization(ledger, id);
    return org.parentId ?? org.id;
  };
  return top(a) === top(b);
}

export function getMatter(ledger: ReadLedger, matterId: number, field = 'matterId') {
  return prepared(ledger, 'matters.byId', () => ledger.db.select().from(matters).where(eq(matters.id, sql.placeholder('id'))).prepare()).get({ id: matterId }) ?? notFound('议事清单事项', matterId, field);
}

export function ruleSettings(ledger: ReadLedger, orgId: number): Settings {
  const rows = ledger.db.select().from(settings).where(eq(settings.orgId, orgId)).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return RuleSettings.parse({ ...DEFAULT_SETTINGS, ...stored });
}

/**
 * The latest meeting with signed minutes, of one body or of any body of an organisation: its date
 * and title (R16: a seat or post may not be dated on or before it, rules/amend backdatedRefusal).
 */
export function lastSignedMeeting(ledger: ReadLedger, where: { bodyId: number } | { orgId: number }): { date: string; title: string } | null {
  const row = ledger.db
    .select({ startsAt: meetings.startsAt, year: meetings.year, seq: meetings.seq, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(minutes, and(eq(minutes.meetingId, meetings.id), eq(minutes.state, 'signed')))
    .where('bodyId' in where ? eq(meetings.bodyId, where.bodyId) : eq(bodies.orgId, where.orgId))
    .orderBy(desc(meetings.startsAt))
    .limit(1)
    .get();
  return row ? { date: localDate(new Date(row.startsAt)), title: meetingTitle(row.year, row.seq, row.bodyName) } : null;
}
