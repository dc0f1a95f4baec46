// Organisation administration: people, posts, memberships, bodies, the 议事清单, the R2
// threshold table and rule settings. History is kept by dates: a post or a membership ends,
// it is never deleted, so "who was 书记 / a voting member on that day" stays answerable.
import { cnDate } from '../calendar';
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, invalid, notFound, refuse } from '../errors';
import { today, type Ledger, type ReadLedger } from '../ledger';
import { holdsBothLeadingPosts } from '../rules/leadership';
import { thresholdOn } from '../rules/routing';
import { SETTING_LABELS, type RuleSettingsPatch } from '../rules/settings';
import { bodies, matters, memberships, organizations, persons, posts, settings, thresholds } from '../schema';
import { BODY_LABELS, MAJOR_CATEGORIES, type BodyKind, type Post } from '../terms';
import type { organizationContract } from './contract';
import { getBody, getOrganization, getPerson, postsOn, ruleSettings } from './queries';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

/** Posts with one holder at a time: assigning one hands it over. */
const SINGLE_HOLDER: readonly Post[] = ['书记', '校长'];

/** A period [start, end) still running on or after `date`. */
const runningFrom = (end: typeof posts.endDate | typeof memberships.endDate, date: string) => or(isNull(end), gt(end, date));

export function updateOrganization(ledger: Ledger, input: In<'org.update'>) {
  const org = getOrganization(ledger, input.orgId);
  return ledger.db
    .update(organizations)
    .set({ name: input.name ?? org.name, partyKind: input.partyKind ?? org.partyKind })
    .where(eq(organizations.id, org.id))
    .returning()
    .get();
}

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
  const current = rows.map((r) => ({ ...r, current: r.startDate <= date && (r.endDate == null || r.endDate > date) }));
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
  return ledger.db.update(posts).set({ endDate: input.endDate }).where(eq(posts.id, row.id)).returning().get();
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
  return { body, date, rows: rows.map((r) => ({ ...r, current: r.startDate <= date && (r.endDate == null || r.endDate > date) })) };
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

export function saveMatter(ledger: Ledger, input: In<'matters.save'>) {
  getOrganization(ledger, input.orgId);
  // R2: a 三重一大 matter is decided only by the 党组织会议.
  if (input.majorCategory && input.decidingBody !== 'party_committee') {
    refuse('R2', `三重一大事项（${input.majorCategory}）只能由党组织会议集体决定，请将决策机构设为党组织会议`, 'decidingBody');
  }
  const values = {
    name: input.name,
    decidingBody: input.decidingBody,
    preStudy: input.preStudy,
    majorCategory: input.majorCategory,
    twoThirds: input.twoThirds,
    cadre: input.cadre,
    staffCongress: input.staffCongress,
    active: input.active,
  };
  if (input.matterId != null) {
    const m = ledger.db.select().from(matters).where(eq(matters.id, input.matterId)).get();
    if (!m || m.orgId !== input.orgId) notFound('议事清单事项', input.matterId, 'matterId');
    // Codes are stable ids (reports compare them across years): never changed.
    if (input.code && input.code !== m!.code) conflict(`事项编号「${m!.code}」不能更改；如需新编号，请新增事项并停用原事项。`, 'code');
    if (input.group !== m!.group) conflict(`事项「${m!.code}」的分组不能更改；如需调整，请新增事项并停用原事项。`, 'group');
    return ledger.db.update(matters).set(values).where(eq(matters.id, m!.id)).returning().get();
  }
  const existing = ledger.db.select({ code: matters.code }).from(matters).where(eq(matters.orgId, input.orgId)).all();
  let code = input.code;
  if (code) {
    if (!code.startsWith(input.group) || !/^\d+$/.test(code.slice(input.group.length))) {
      invalid(`「编号」须以分组字母「${input.group}」开头，后接数字`, 'code');
    }
    // Never reused, even for an inactive entry.
    if (existing.some((e) => e.code === code)) conflict(`编号「${code}」已被使用，请换一个编号。`, 'code');
  } else {
    const used = existing
      .filter((e) => e.code.startsWith(input.group) && /^\d+$/.test(e.code.slice(input.group.length)))
      .map((e) => Number(e.code.slice(input.group.length)));
    code = `${input.group}${Math.max(0, ...used) + 1}`;
  }
  return ledger.db.insert(matters).values({ orgId: input.orgId, code, group: input.group, ...values }).returning().get();
}

export function listThresholds(ledger: ReadLedger, input: In<'thresholds.list'>) {
  getOrganization(ledger, input.orgId);
  const date = input.date ?? today(ledger);
  const rows = ledger.db
    .select()
    .from(thresholds)
    .where(eq(thresholds.orgId, input.orgId))
    .orderBy(asc(thresholds.category), asc(thresholds.effectiveFrom))
    .all();
  return {
    date,
    rows,
    /** R2: the amount in force on `date`, per category. */
    inForce: MAJOR_CATEGORIES.map((category) => ({ category, amount: thresholdOn(rows, category, date) })),
  };
}

export function addThreshold(ledger: Ledger, input: In<'thresholds.add'>) {
  getOrganization(ledger, input.orgId);
  const same = ledger.db
    .select()
    .from(thresholds)
    .where(and(eq(thresholds.orgId, input.orgId), eq(thresholds.category, input.category), eq(thresholds.effectiveFrom, input.effectiveFrom)))
    .get();
  if (same) conflict(`${input.category}在${cnDate(input.effectiveFrom)}已有执行标准（${same.amount}元），请换一个执行日期。`, 'effectiveFrom');
  return ledger.db.insert(thresholds).values(input).returning().get();
}

export function getSettings(ledger: ReadLedger, orgId: number) {
  getOrganization(ledger, orgId);
  return { values: ruleSettings(ledger, orgId), labels: SETTING_LABELS };
}

export function setSettings(ledger: Ledger, orgId: number, values: z.output<typeof RuleSettingsPatch>) {
  getOrganization(ledger, orgId);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    ledger.db
      .insert(settings)
      .values({ orgId, key, value })
      .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value } })
      .run();
  }
  return getSettings(ledger, orgId);
}
