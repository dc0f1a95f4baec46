// The school itself: first-run set-up (org.setup), the overview every screen starts from
// (org.get: people with their posts today, bodies with members and who leads them), and its name.
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import { localDate, nowIso, type Ledger, type ReadLedger } from '../ledger';
import { defaultConsultants } from '../rules/consultation';
import { leadingPost, mayPropose } from '../rules/leadership';
import { INITIAL_THRESHOLD_DATE } from '../rules/routing';
import { DEFAULT_SETTINGS } from '../rules/settings';
import { bodies, matters, memberships, organizations, persons, posts, settings, textTemplates, thresholds } from '../schema';
import { MAJOR_CATEGORIES, bodyNameFor, isLeadershipPost, type BodyKind, type PartyKind } from '../terms';
import { DEFAULT_THRESHOLD, SEED_CATALOGUE } from './catalogue';
import type { organizationContract, SetupOrganization } from './contract';
import { getOrganization, membersOn, postsOn } from './queries';
import { currentOrgId } from '../scope';
import { DEFAULT_CONSULTATION_PHRASES, DEFAULT_STATEMENT_PHRASES, decisionTextFor } from '../rules/templates';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

export function setupOrganization(ledger: Ledger, input: z.output<typeof SetupOrganization>) {
  const { db } = ledger;
  const org = db
    .insert(organizations)
    .values({ name: input.name, partyKind: input.partyKind, createdAt: nowIso(ledger) })
    .returning()
    .get();
  const committee = db.insert(bodies).values({ orgId: org.id, kind: 'party_committee', name: bodyNameFor('party_committee', input.partyKind) }).returning().get();
  const office = db.insert(bodies).values({ orgId: org.id, kind: 'principal_office', name: bodyNameFor('principal_office', input.partyKind) }).returning().get();
  for (const m of input.members) {
    const person = db.insert(persons).values({ orgId: org.id, name: m.name, department: m.department || null }).returning().get();
    for (const post of new Set(m.posts)) {
      db.insert(posts).values({ orgId: org.id, personId: person.id, post, startDate: input.startDate }).run();
    }
    if (m.partyCommittee) db.insert(memberships).values({ bodyId: committee.id, personId: person.id, voting: true, startDate: input.startDate }).run();
    if (m.principalOffice) db.insert(memberships).values({ bodyId: office.id, personId: person.id, voting: true, startDate: input.startDate }).run();
  }
  for (const entry of SEED_CATALOGUE) db.insert(matters).values({ orgId: org.id, ...entry }).run();
  for (const category of MAJOR_CATEGORIES) {
    db.insert(thresholds).values({ orgId: org.id, category, amount: DEFAULT_THRESHOLD, effectiveFrom: INITIAL_THRESHOLD_DATE }).run();
  }
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) db.insert(settings).values({ orgId: org.id, key, value }).run();
  // 模板与常用语 (db/templates): one decision template per matter, the common phrases.
  const at = nowIso(ledger);
  for (const m of db.select({ id: matters.id, group: matters.group }).from(matters).where(eq(matters.orgId, org.id)).orderBy(asc(matters.id)).all()) {
    db.insert(textTemplates).values({ orgId: org.id, kind: 'decision', matterId: m.id, text: decisionTextFor(m.group), createdAt: at }).run();
  }
  for (const text of DEFAULT_STATEMENT_PHRASES) db.insert(textTemplates).values({ orgId: org.id, kind: 'statement', text, createdAt: at }).run();
  for (const text of DEFAULT_CONSULTATION_PHRASES) db.insert(textTemplates).values({ orgId: org.id, kind: 'consultation', text, createdAt: at }).run();
  return { orgId: org.id };
}

/** The organisation the session works in (db/scope.ts: chosen, else the first it may see), with its people and bodies. */
export function getOrganizationOverview(ledger: ReadLedger) {
  const orgId = currentOrgId(ledger);
  const org = orgId === null ? undefined : ledger.db.select().from(organizations).where(eq(organizations.id, orgId)).get();
  if (!org) return null;
  const date = localDate(ledger.now());
  const held = postsOn(ledger, org.id, date);
  // Its own people, then those of the 集团 who hold a post or a seat here (one person record).
  const guests = ledger.db
    .selectDistinct({ id: persons.id })
    .from(persons)
    .innerJoin(memberships, eq(memberships.personId, persons.id))
    .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
    .where(and(eq(bodies.orgId, org.id), ne(persons.orgId, org.id)))
    .all()
    .map((g) => g.id);
  const postGuests = held.map((h) => h.personId);
  const people = ledger.db
    .select()
    .from(persons)
    .where(or(eq(persons.orgId, org.id), inArray(persons.id, [...new Set([...guests, ...postGuests])])))
    .orderBy(asc(persons.id))
    .all();
  const bodyRows = ledger.db.select().from(bodies).where(eq(bodies.orgId, org.id)).orderBy(asc(bodies.id)).all();
  const postsOf = (personId: number) => held.filter((h) => h.personId === personId).map((h) => h.post);
  const named = (personId: number) => ({ id: personId, name: people.find((p) => p.id === personId)?.name ?? '' });
  const holding = (post: string) => held.filter((h) => h.post === post).map((h) => h.personId);
  return {
    org,
    /** The 书记 today (the default evaluator of a follow-up, R18), or null while vacant. */
    secretary: holding('书记').map(named)[0] ?? null,
    /** R4: who a new 会前沟通 is between, to start the form with. */
    consultants: defaultConsultants({ secretaryIds: holding('书记'), principalIds: holding('校长') }),
    persons: people.map((p) => {
      const posts = postsOf(p.id);
      // R3/R4: who may propose, lead an item (分管领导) and take part in 会前沟通, and in which posts.
      return { ...p, posts, leadership: mayPropose(posts), leadershipPosts: posts.filter(isLeadershipPost) };
    }),
    bodies: bodyRows.map((b) => {
      const kind = b.kind as BodyKind;
      const leadPost = leadingPost(kind);
      return {
        ...b,
        members: membersOn(ledger, b.id, date),
        /** The post that hosts, confirms the agenda, acts in an emergency and signs (R3, R9, R14, R16). */
        leadPost,
        /** Who holds it today: the default host, confirmer and signer. */
        leaders: held.filter((h) => h.post === leadPost).map((h) => named(h.personId)),
      };
    }),
  };
}

export function updateOrganization(ledger: Ledger, input: In<'org.update'>) {
  const org = getOrganization(ledger, input.orgId);
  const before = org.partyKind as PartyKind;
  if (input.partyKind && input.partyKind !== before) {
    // The committee keeps the name of its type (党委会议 → 支部委员会会议) unless the school named it itself.
    ledger.db
      .update(bodies)
      .set({ name: bodyNameFor('party_committee', input.partyKind) })
      .where(and(eq(bodies.orgId, org.id), eq(bodies.kind, 'party_committee'), eq(bodies.name, bodyNameFor('party_committee', before))))
      .run();
  }
  return ledger.db
    .update(organizations)
    .set({ name: input.name ?? org.name, partyKind: input.partyKind ?? org.partyKind })
    .where(eq(organizations.id, org.id))
    .returning()
    .get();
}
