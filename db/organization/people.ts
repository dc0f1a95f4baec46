// 人员: add and correct people. No two people at work in a school share a name, so every record,
// list and document names one person; a second 张丽 is told apart by a note (张丽（语文组）).
// A rename is kept with before → after (amendments): old records show the name as it is now.
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { keepAmendment } from '../amendments';
import { conflict } from '../errors';
import { today, type Ledger, type ReadLedger } from '../ledger';
import { sameName, sameNameMessage } from '../rules/people';
import { memberships, persons, posts } from '../schema';
import type { organizationContract } from './contract';
import { getOrganization, getPerson, runningFrom, seatRunningFrom } from './queries';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

/** Refuse a name an active person of the school already has (spaces and bracket widths ignored). */
function checkNameFree(ledger: ReadLedger, orgId: number, name: string, department: string | null | undefined, exceptId?: number): void {
  const others = ledger.db
    .select({ name: persons.name })
    .from(persons)
    .where(and(eq(persons.orgId, orgId), eq(persons.active, true), exceptId === undefined ? undefined : ne(persons.id, exceptId)))
    .all();
  if (others.some((o) => sameName(o.name, name))) conflict(sameNameMessage(name, department), 'name');
}

export function addPerson(ledger: Ledger, input: In<'persons.add'>) {
  getOrganization(ledger, input.orgId);
  checkNameFree(ledger, input.orgId, input.name, input.department);
  return ledger.db
    .insert(persons)
    .values({ orgId: input.orgId, name: input.name, department: input.department || null })
    .returning()
    .get();
}

export function updatePerson(ledger: Ledger, input: In<'persons.update'>) {
  const person = getPerson(ledger, input.personId);
  const next = {
    name: input.name ?? person.name,
    department: input.department === undefined ? person.department : input.department || null,
    active: input.active ?? person.active,
  };
  // A rename, or someone back at work, must not take an active colleague's name.
  if (next.active && (next.name !== person.name || !person.active)) checkNameFree(ledger, person.orgId, next.name, next.department, person.id);
  if (input.active === false && person.active) {
    const date = today(ledger);
    const held = ledger.db.select().from(posts).where(and(eq(posts.personId, person.id), runningFrom(posts.endDate, date))).all();
    const seats = ledger.db.select().from(memberships).where(and(eq(memberships.personId, person.id), seatRunningFrom(date))).all();
    if (held.length || seats.length) {
      conflict(`${person.name}仍有职务或议事机构成员资格，请先办理免职或结束任期，再设为不在职。`, 'active');
    }
  }
  const row = ledger.db.update(persons).set(next).where(eq(persons.id, person.id)).returning().get();
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of ['name', 'department', 'active'] as const) {
    if (next[key] !== person[key]) {
      before[key] = person[key];
      after[key] = next[key];
    }
  }
  if (Object.keys(after).length) {
    keepAmendment(ledger, { orgId: person.orgId, subjectType: 'person', subjectId: person.id, action: 'name' in after ? 'rename' : 'edit', before, after });
  }
  return row;
}
