// 人员: add and correct people. Names are unique within a school, so every record, list and
// document names one person unambiguously.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict } from '../errors';
import { today, type Ledger } from '../ledger';
import { memberships, persons, posts } from '../schema';
import type { organizationContract } from './contract';
import { getOrganization, getPerson, runningFrom } from './queries';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

export function addPerson(ledger: Ledger, input: In<'persons.add'>) {
  getOrganization(ledger, input.orgId);
  const same = ledger.db.select().from(persons).where(and(eq(persons.orgId, input.orgId), eq(persons.name, input.name))).get();
  if (same) conflict(`已有同名人员「${input.name}」，请在姓名后加注部门等加以区分。`, 'name');
  return ledger.db
    .insert(persons)
    .values({ orgId: input.orgId, name: input.name, department: input.department || null })
    .returning()
    .get();
}

export function updatePerson(ledger: Ledger, input: In<'persons.update'>) {
  const person = getPerson(ledger, input.personId);
  if (input.name && input.name !== person.name) {
    const same = ledger.db.select().from(persons).where(and(eq(persons.orgId, person.orgId), eq(persons.name, input.name))).get();
    if (same) conflict(`已有同名人员「${input.name}」，请在姓名后加注部门等加以区分。`, 'name');
  }
  if (input.active === false && person.active) {
    const date = today(ledger);
    const held = ledger.db.select().from(posts).where(and(eq(posts.personId, person.id), runningFrom(posts.endDate, date))).all();
    const seats = ledger.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.personId, person.id), runningFrom(memberships.endDate, date)))
      .all();
    if (held.length || seats.length) {
      conflict(`${person.name}仍有职务或议事机构成员资格，请先办理免职或结束任期，再设为不在职。`, 'active');
    }
  }
  const next = {
    name: input.name ?? person.name,
    department: input.department === undefined ? person.department : input.department || null,
    active: input.active ?? person.active,
  };
  return ledger.db.update(persons).set(next).where(eq(persons.id, person.id)).returning().get();
}
