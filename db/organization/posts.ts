// 职务: posts held for a period. History is kept by dates — a post ends, it is never deleted — so
// "who was 书记 on that day" stays answerable. 书记 and 校长 have one holder: assigning hands over.
import { cnDate } from '../calendar';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, invalid, notFound } from '../errors';
import { today, type Ledger, type ReadLedger } from '../ledger';
import { backdatedRefusal } from '../rules/amend';
import { aheadRefusal } from '../rules/dates';
import { holdsBothLeadingPosts, leadingPost } from '../rules/leadership';
import { persons, posts } from '../schema';
import type { Post } from '../terms';
import type { organizationContract } from './contract';
import { getOrganization, getPerson, heldOn, lastSignedMeeting, postsOn, runningFrom } from './queries';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

/** Posts with one holder at a time — the two that lead a body: assigning one hands it over. */
const SINGLE_HOLDER: readonly Post[] = [leadingPost('party_committee'), leadingPost('principal_office')];

export function listPosts(ledger: ReadLedger, input: In<'posts.list'>) {
  getOrganization(ledger, input.orgId);
  const date = input.date ?? today(ledger);
  const rows = ledger.db
    .select({
      id: posts.id,
      personId: posts.personId,
      name: persons.name,
      post: posts.post,
      startDate: posts.startDate,
      endDate: posts.endDate,
    })
    .from(posts)
    .innerJoin(persons, eq(persons.id, posts.personId))
    .where(eq(posts.orgId, input.orgId))
    .orderBy(asc(posts.startDate), asc(posts.id))
    .all();
  const current = rows.map((r) => ({ ...r, current: heldOn(r, date) }));
  const both = current.find((r) => r.current && holdsBothLeadingPosts(current.filter((x) => x.current && x.personId === r.personId).map((x) => x.post as Post)));
  return {
    date,
    rows: current,
    /** 党政一肩挑 on that date: one person holds both 书记 and 校长. */
    oneShoulder: both !== undefined,
    oneShoulderPerson: both ? { id: both.personId, name: both.name } : null,
  };
}

export function assignPost(ledger: Ledger, input: In<'posts.assign'>) {
  const person = getPerson(ledger, input.personId);
  if (!person.active) conflict(`${person.name}已设为不在职，请先恢复在职再任命职务。`, 'personId');
  const ahead = aheadRefusal('任职日期', input.startDate, today(ledger));
  if (ahead) invalid(ahead, 'startDate');
  const backdated = backdatedRefusal({ label: '任职日期', date: input.startDate, lastSigned: lastSignedMeeting(ledger, { orgId: person.orgId }) });
  if (backdated) invalid(backdated, 'startDate');
  const own = ledger.db
    .select()
    .from(posts)
    .where(and(eq(posts.personId, person.id), eq(posts.post, input.post), runningFrom(posts.endDate, input.startDate)))
    .get();
  if (own) conflict(`${person.name}自${cnDate(own.startDate)}起已担任${input.post}。`, 'post');
  const ended: { personId: number; name: string }[] = [];
  if (SINGLE_HOLDER.includes(input.post)) {
    const others = ledger.db
      .select({ id: posts.id, personId: posts.personId, startDate: posts.startDate, name: persons.name })
      .from(posts)
      .innerJoin(persons, eq(persons.id, posts.personId))
      .where(and(eq(posts.orgId, person.orgId), eq(posts.post, input.post), runningFrom(posts.endDate, input.startDate)))
      .all();
    for (const o of others) {
      if (o.startDate >= input.startDate) {
        conflict(`${o.name}自${cnDate(o.startDate)}起担任${input.post}，与新任职日期冲突，请调整日期。`, 'startDate');
      }
      // Handover: the previous holder's term ends the day the new one starts.
      ledger.db.update(posts).set({ endDate: input.startDate }).where(eq(posts.id, o.id)).run();
      ended.push({ personId: o.personId, name: o.name });
    }
  }
  const row = ledger.db
    .insert(posts)
    .values({ orgId: person.orgId, personId: person.id, post: input.post, startDate: input.startDate })
    .returning()
    .get();
  const heldThen = postsOn(ledger, person.orgId, input.startDate).filter((p) => p.personId === person.id).map((p) => p.post);
  return { post: row, ended, oneShoulder: holdsBothLeadingPosts(heldThen) };
}

export function endPost(ledger: Ledger, input: In<'posts.end'>) {
  const row = ledger.db.select().from(posts).where(eq(posts.id, input.postId)).get() ?? notFound('职务记录', input.postId, 'postId');
  if (row.endDate) conflict(`该职务已于${cnDate(row.endDate)}结束。`, 'postId');
  if (input.endDate <= row.startDate) invalid(`「免职日期」须晚于任职日期${row.startDate}`, 'endDate');
  const backdated = backdatedRefusal({ label: '免职日期', date: input.endDate, lastSigned: lastSignedMeeting(ledger, { orgId: row.orgId }) });
  if (backdated) invalid(backdated, 'endDate');
  return ledger.db.update(posts).set({ endDate: input.endDate }).where(eq(posts.id, row.id)).returning().get();
}
