// Meeting commands: plan, edit, agenda (add/remove/confirm), 第一议题, close.
import { and, count, desc, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import { changes, keepAmendment } from '../amendments';
import { conflict, invalid, refuse } from '../errors';
import { localDate, nowIso, today, type Ledger, type ReadLedger } from '../ledger';
import { moveItem } from '../items/lifecycle';
import { getItem } from '../items/queries';
import { planEntry, rerouteEntry } from '../items/gate';
import { getBody, getPerson, ledgerSince, membersOn, postsOn, servesOrg } from '../organization/queries';
import { cancelRefusal, rescheduleRefusal } from '../rules/amend';
import { meetingTimeCheck } from '../rules/dates';
import { expectsFirstTopic } from '../rules/agenda';
import { leadingPost, leadsBody } from '../rules/leadership';
import {
  agendaEntries,
  bodies,
  decisions,
  emergencyActions,
  meetings,
  recusals,
  ruleWarnings,
  statements,
  writtenOpinions,
} from '../schema';
import { keepWarnings, warningsOf, type RuleWarning } from '../warnings';
import { MEETING_STATE_LABELS, meetingTitle, type MeetingState } from '../terms';
import type { CreateMeeting, meetingContract } from './contract';
import {
  type EntryRow,
  type MeetingRow,
  entriesOfMeeting,
  getEntry,
  getMeeting,
  meetingDate,
  meetingFacts,
  meetingForWrite,
  unreportedEmergencies,
} from './queries';
import type { HandlersFor } from '../channel';

type In<K extends keyof typeof meetingContract> = z.output<(typeof meetingContract)[K]['input']>;

/** Host and recorder exist, belong to the school, and the host sits on the body that day. */
function checkPeople(ledger: Ledger, orgId: number, bodyId: number, date: string, hostId: number, recorderId: number): void {
  const host = getPerson(ledger, hostId, 'hostId');
  const recorder = getPerson(ledger, recorderId, 'recorderId');
  if (!servesOrg(ledger, host, orgId)) conflict('主持人不是本校人员，请重新选择。', 'hostId');
  if (!servesOrg(ledger, recorder, orgId)) conflict('记录人不是本校人员，请重新选择。', 'recorderId');
  if (!membersOn(ledger, bodyId, date).some((m) => m.personId === hostId)) {
    conflict(`${host.name}在会议当日不是本议事机构成员，不能主持会议，请重新选择主持人。`, 'hostId');
  }
}

/**
 * The time first: a mistyped year is refused as 会议时间, before the host is found "not a member
 * that day" (the field that is really wrong). Unusual times come back as notices.
 */
function checkTime(ledger: ReadLedger, orgId: number, startsAt: string): string[] {
  const check = meetingTimeCheck(startsAt, ledgerSince(ledger, orgId), today(ledger));
  if (check.refusal) invalid(check.refusal, 'startsAt');
  return check.notices;
}

export function createMeeting(ledger: Ledger, input: z.output<typeof CreateMeeting>) {
  const body = getBody(ledger, input.bodyId);
  const notices = checkTime(ledger, body.orgId, input.startsAt);
  const date = localDate(new Date(input.startsAt));
  checkPeople(ledger, body.orgId, body.id, date, input.hostId, input.recorderId);
  const year = Number(date.slice(0, 4));
  // 第N次 within body and year, in the order meetings are planned.
  const seq = lastSeq(ledger, body.id, year) + 1;
  const row = ledger.db
    .insert(meetings)
    .values({
      bodyId: body.id,
      year,
      seq,
      startsAt: input.startsAt,
      place: input.place,
      hostId: input.hostId,
      recorderId: input.recorderId,
      state: 'planned',
      createdAt: nowIso(ledger),
    })
    .returning()
    .get();
  return { meetingId: row.id, year, seq, title: meetingTitle(year, seq, body.name), notices };
}

function lastSeq(ledger: ReadLedger, bodyId: number, year: number): number {
  return ledger.db.select({ seq: max(meetings.seq) }).from(meetings).where(and(eq(meetings.bodyId, bodyId), eq(meetings.year, year))).get()?.seq ?? 0;
}

/**
 * Correct a meeting: place and recorder until it closes; time (改期) and host before it sits.
 * Moving to another year renumbers it (第N次 belongs to the year) when it is the last of its
 * year; the agenda's routing is checked again on the new date (R1, R2). Kept before → after.
 */
export function updateMeeting(ledger: Ledger, input: In<'meetings.update'>) {
  const meeting = meetingForWrite(ledger, input.meetingId);
  const body = getBody(ledger, meeting.bodyId);
  const changed = changes(meeting as Record<string, unknown>, { startsAt: input.startsAt, place: input.place, hostId: input.hostId, recorderId: input.recorderId });
  if (changed.fields.length === 0) return { meetingId: meeting.id, title: meetingTitle(meeting.year, meeting.seq, body.name), notices: [] as string[] };
  const startsAt = input.startsAt ?? meeting.startsAt;
  const date = localDate(new Date(startsAt));
  const year = Number(date.slice(0, 4));
  let notices: string[] = [];
  let seq = meeting.seq;
  if (changed.fields.includes('startsAt')) {
    const refusal = rescheduleRefusal({ state: meeting.state, seq: meeting.seq, fromYear: meeting.year, toYear: year, lastSeqOfYear: lastSeq(ledger, body.id, meeting.year) });
    if (refusal) conflict(`${refusal}。`, 'startsAt');
    notices = checkTime(ledger, body.orgId, startsAt);
    if (year !== meeting.year) seq = lastSeq(ledger, body.id, year) + 1;
  }
  const hostId = input.hostId ?? meeting.hostId;
  const recorderId = input.recorderId ?? meeting.recorderId;
  checkPeople(ledger, body.orgId, body.id, date, hostId, recorderId);
  if (hostId !== meeting.hostId && hasStatements(ledger, meeting.id)) {
    // R9 was checked against the host; changing the host afterwards would rewrite that check.
    conflict('会议已有发言表态记录，不能再更换主持人。', 'hostId');
  }
  if (changed.fields.includes('startsAt')) {
    for (const entry of entriesOfMeeting(ledger, meeting.id)) rerouteEntry(ledger, entry, body.id, startsAt);
  }
  ledger.db
    .update(meetings)
    .set({ startsAt, year, seq, place: input.place ?? meeting.place, hostId, recorderId })
    .where(eq(meetings.id, meeting.id))
    .run();
  const named = (v: Record<string, unknown>) => ({
    ...v,
    ...(v.hostId != null ? { hostId: getPerson(ledger, v.hostId as number).name } : {}),
    ...(v.recorderId != null ? { recorderId: getPerson(ledger, v.recorderId as number).name } : {}),
  });
  const title = meetingTitle(year, seq, body.name);
  keepAmendment(ledger, {
    orgId: body.orgId,
    subjectType: 'meeting',
    subjectId: meeting.id,
    action: changed.fields.includes('startsAt') ? 'reschedule' : 'edit',
    before: { ...named(changed.before), ...(seq !== meeting.seq || year !== meeting.year ? { title: meetingTitle(meeting.year, meeting.seq, body.name) } : {}) },
    after: { ...named(changed.after), ...(seq !== meeting.seq || year !== meeting.year ? { title } : {}) },
  });
  return { meetingId: meeting.id, title, notices };
}

function hasStatements(ledger: ReadLedger, meetingId: number): boolean {
  const row = ledger.db
    .select({ n: count() })
    .from(statements)
    .innerJoin(agendaEntries, eq(agendaEntries.id, statements.entryId))
    .where(eq(agendaEntries.meetingId, meetingId))
    .get();
  return (row?.n ?? 0) > 0;
}

export function listMeetings(ledger: ReadLedger, input: In<'meetings.list'>) {
  const where = [eq(bodies.orgId, input.orgId)];
  if (input.year !== undefined) where.push(eq(meetings.year, input.year));
  const rows = ledger.db
    .select({ meeting: meetings, bodyKind: bodies.kind, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(...where))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .all();
  const ids = rows.map((r) => r.meeting.id);
  const entryCounts = new Map<number, number>();
  const decisionCounts = new Map<number, number>();
  if (ids.length) {
    for (const r of ledger.db
      .select({ meetingId: agendaEntries.meetingId, n: count() })
      .from(agendaEntries)
      .where(inArray(agendaEntries.meetingId, ids))
      .groupBy(agendaEntries.meetingId)
      .all()) entryCounts.set(r.meetingId, r.n);
    for (const r of ledger.db
      .select({ meetingId: agendaEntries.meetingId, n: count() })
      .from(decisions)
      .innerJoin(agendaEntries, eq(agendaEntries.id, decisions.entryId))
      .where(inArray(agendaEntries.meetingId, ids))
      .groupBy(agendaEntries.meetingId)
      .all()) decisionCounts.set(r.meetingId, r.n);
  }
  return rows.map(({ meeting, bodyKind, bodyName }) => ({
    id: meeting.id,
    bodyId: meeting.bodyId,
    bodyKind,
    bodyName,
    year: meeting.year,
    seq: meeting.seq,
    title: meetingTitle(meeting.year, meeting.seq, bodyName),
    startsAt: meeting.startsAt,
    place: meeting.place,
    state: meeting.state,
    stateLabel: MEETING_STATE_LABELS[meeting.state as MeetingState],
    cancelReason: meeting.cancelReason,
    entries: entryCounts.get(meeting.id) ?? 0,
    decisions: decisionCounts.get(meeting.id) ?? 0,
  }));
}

/** Put a ready item on the agenda, through the items domain's gate (R1–R5). */
export function addItem(ledger: Ledger, input: In<'meetings.addItem'>) {
  const meeting = meetingForWrite(ledger, input.meetingId);
  const body = getBody(ledger, meeting.bodyId);
  const item = getItem(ledger, input.itemId);
  const already = ledger.db
    .select({ id: agendaEntries.id })
    .from(agendaEntries)
    .where(and(eq(agendaEntries.meetingId, meeting.id), eq(agendaEntries.itemId, item.id)))
    .get();
  if (already) conflict(`议题「${item.title}」已在本次会议议程上。`, 'itemId');
  // Throws for R1–R5 blocks; returns the R1/R3 warnings to keep on the entry.
  const plan = planEntry(ledger, {
    itemId: item.id,
    bodyId: body.id,
    meetingStartsAt: meeting.startsAt,
    hostId: meeting.hostId,
    adHoc: input.adHoc,
  });
  const presenterId = input.presenterId ?? item.leaderId ?? item.proposerId;
  const presenter = getPerson(ledger, presenterId, 'presenterId');
  if (!servesOrg(ledger, presenter, body.orgId)) conflict('汇报人不是本校人员，请重新选择。', 'presenterId');
  const last = ledger.db.select({ p: max(agendaEntries.position) }).from(agendaEntries).where(eq(agendaEntries.meetingId, meeting.id)).get();
  const position = (last?.p ?? 0) + 1;
  const warnings: RuleWarning[] = [...plan.warnings];
  if (input.adHoc) {
    // R3: the 临时动议 and its reason go on the record.
    warnings.push({ rule: 'R3', message: `临时动议（紧急，经主持人同意）：${input.adHoc.reason}` });
  }
  const entry = ledger.db
    .insert(agendaEntries)
    .values({
      meetingId: meeting.id,
      itemId: item.id,
      position,
      presenterId,
      adHoc: Boolean(input.adHoc),
      purpose: plan.purpose,
      outcome: 'pending',
      warnings: warnings.map((w) => `${w.message}（${w.rule}）`),
    })
    .returning()
    .get();
  keepWarnings(ledger, body.orgId, 'entry', entry.id, warnings);
  const title = meetingTitle(meeting.year, meeting.seq, body.name);
  moveItem(ledger, item.id, 'scheduled', `列入${title}议程第${position}项`);
  // R3: a confirmed agenda that changes must be confirmed again, unless the host accepted a 临时动议.
  if (meeting.agendaConfirmedBy != null && !input.adHoc) {
    ledger.db.update(meetings).set({ agendaConfirmedBy: null }).where(eq(meetings.id, meeting.id)).run();
  }
  return { entryId: entry.id, position, purpose: plan.purpose, warnings };
}

/**
 * Take an entry off the agenda: its item goes back to 待上会, an emergency reported through it
 * is open again (R14). What was recorded for it in advance (recusals, written opinions) is
 * returned for the correction's record.
 */
function dropEntry(ledger: Ledger, meeting: MeetingRow, entry: EntryRow, note: string) {
  const item = getItem(ledger, entry.itemId);
  const dropped = {
    title: item.title,
    recusals: ledger.db.select({ personId: recusals.personId, reason: recusals.reason }).from(recusals).where(eq(recusals.entryId, entry.id)).all(),
    writtenOpinions: ledger.db.select({ personId: writtenOpinions.personId, text: writtenOpinions.text }).from(writtenOpinions).where(eq(writtenOpinions.entryId, entry.id)).all(),
  };
  ledger.db.delete(recusals).where(eq(recusals.entryId, entry.id)).run();
  ledger.db.delete(writtenOpinions).where(eq(writtenOpinions.entryId, entry.id)).run();
  ledger.db.update(emergencyActions).set({ reportedEntryId: null }).where(eq(emergencyActions.reportedEntryId, entry.id)).run();
  ledger.db.delete(ruleWarnings).where(and(eq(ruleWarnings.subjectType, 'entry'), eq(ruleWarnings.subjectId, entry.id))).run();
  ledger.db.delete(agendaEntries).where(eq(agendaEntries.id, entry.id)).run();
  moveItem(ledger, item.id, 'ready', note);
  if (meeting.state === 'planned' && meeting.agendaConfirmedBy != null) {
    ledger.db.update(meetings).set({ agendaConfirmedBy: null }).where(eq(meetings.id, meeting.id)).run();
  }
  return dropped;
}

/** 移出议程 before the item is discussed: it goes back to 待上会. */
export function removeItem(ledger: Ledger, input: In<'meetings.removeItem'>) {
  const entry = getEntry(ledger, input.entryId);
  const meeting = meetingForWrite(ledger, entry.meetingId, 'entryId');
  const item = getItem(ledger, entry.itemId);
  if (entry.outcome !== 'pending') conflict(`议题「${item.title}」在本次会议上已有结果，不能移出议程。`, 'entryId');
  const spoke = ledger.db.select({ id: statements.id }).from(statements).where(eq(statements.entryId, entry.id)).get();
  if (spoke) conflict(`议题「${item.title}」已有发言表态，不能移出议程；可以暂缓表决。`, 'entryId');
  const body = getBody(ledger, meeting.bodyId);
  const dropped = dropEntry(ledger, meeting, entry, `移出${meetingTitle(meeting.year, meeting.seq, body.name)}议程${input.reason ? `：${input.reason}` : ''}`);
  keepAmendment(ledger, {
    orgId: body.orgId,
    subjectType: 'meeting',
    subjectId: meeting.id,
    action: 'removeEntry',
    before: { position: entry.position, ...dropped },
    reason: input.reason || null,
  });
  return { entryId: entry.id, itemId: item.id };
}

/** 取消: a meeting that has not sat is called off with a reason; its items go back to 待上会. It keeps its number. */
export function cancelMeeting(ledger: Ledger, input: In<'meetings.cancel'>) {
  const meeting = getMeeting(ledger, input.meetingId);
  const refusal = cancelRefusal(meeting.state);
  if (refusal) conflict(`${refusal}。`, 'meetingId');
  const body = getBody(ledger, meeting.bodyId);
  const title = meetingTitle(meeting.year, meeting.seq, body.name);
  const agenda = entriesOfMeeting(ledger, meeting.id).map((entry) => dropEntry(ledger, meeting, entry, `${title}取消：${input.reason}`));
  ledger.db.update(meetings).set({ state: 'cancelled', cancelReason: input.reason }).where(eq(meetings.id, meeting.id)).run();
  keepAmendment(ledger, {
    orgId: body.orgId,
    subjectType: 'meeting',
    subjectId: meeting.id,
    action: 'cancel',
    before: { state: meeting.state, agenda },
    after: { state: 'cancelled' },
    reason: input.reason,
  });
  return { meetingId: meeting.id, title, returned: agenda.map((a) => a.title) };
}

/** R3: the 书记 confirms the 党组织会议 agenda, the 校长 the 校长办公会 agenda. */
export function confirmAgenda(ledger: Ledger, input: In<'meetings.confirmAgenda'>) {
  const meeting = meetingForWrite(ledger, input.meetingId);
  const body = getBody(ledger, meeting.bodyId);
  const person = getPerson(ledger, input.personId, 'personId');
  const held = postsOn(ledger, body.orgId, meetingDate(meeting))
    .filter((p) => p.personId === person.id)
    .map((p) => p.post);
  if (!leadsBody(body.kind, held)) {
    refuse('R3', `${body.name}的议程由${leadingPost(body.kind)}确认，${person.name}不能确认`, 'personId');
  }
  if (entriesOfMeeting(ledger, meeting.id).length === 0) conflict('议程为空，请先列入议题再确认。', 'meetingId');
  ledger.db.update(meetings).set({ agendaConfirmedBy: person.id }).where(eq(meetings.id, meeting.id)).run();
  return { meetingId: meeting.id, confirmedBy: person.name };
}

/** R15: the 第一议题 study content of a 党组织会议. */
export function setFirstTopic(ledger: Ledger, input: In<'meetings.setFirstTopic'>) {
  const meeting = meetingForWrite(ledger, input.meetingId);
  ledger.db.update(meetings).set({ firstTopic: input.content }).where(eq(meetings.id, meeting.id)).run();
  return { meetingId: meeting.id };
}

/** R15 (warn): a 党组织会议 without a recorded 第一议题; kept once per meeting, returned every time. */
export function firstTopicWarnings(ledger: Ledger, meetingId: number): RuleWarning[] {
  const meeting = getMeeting(ledger, meetingId);
  const body = getBody(ledger, meeting.bodyId);
  if (!expectsFirstTopic(body.kind) || (meeting.firstTopic ?? '').trim() !== '') return [];
  const warning: RuleWarning = { rule: 'R15', message: '本次党组织会议未记录第一议题学习内容' };
  if (!warningsOf(ledger, 'meeting', meeting.id).some((w) => w.rule === 'R15')) {
    keepWarnings(ledger, body.orgId, 'meeting', meeting.id, [warning]);
  }
  return [warning];
}

export function closeMeeting(ledger: Ledger, input: In<'meetings.close'>) {
  const meeting = meetingForWrite(ledger, input.meetingId);
  const facts = meetingFacts(ledger, meeting);
  if (!facts.attendance.some((a) => a.status === '出席')) {
    refuse('R16', '会议记录须有出席情况，请先登记出席人员', 'meetingId');
  }
  const open = entriesOfMeeting(ledger, meeting.id).filter((e) => e.outcome === 'pending');
  if (open.length) {
    const titles = open.map((e) => `第${e.position}项「${getItem(ledger, e.itemId).title}」`);
    conflict(`${titles.join('、')}尚无结果。请表决、暂缓表决、记录研究意见或听取通报，或将其移出议程后再结束会议。`, 'meetingId');
  }
  // R14: an emergency action taken before this meeting must be reported at it.
  const unreported = unreportedEmergencies(ledger, meeting.bodyId).filter((a) => Date.parse(a.at) <= Date.parse(meeting.startsAt));
  if (unreported.length) {
    refuse(
      'R14',
      `${unreported.map((a) => `${a.at.slice(0, 10)}的临时处置「${a.action.slice(0, 30)}」`).join('、')}尚未在会议上通报，请将其列入本次会议议程`,
      'meetingId',
    );
  }
  const warnings = firstTopicWarnings(ledger, meeting.id);
  ledger.db.update(meetings).set({ state: 'closed' }).where(eq(meetings.id, meeting.id)).run();
  return { meetingId: meeting.id, warnings };
}

export const meetingCommands = {
  'meetings.create': createMeeting,
  'meetings.update': updateMeeting,
  'meetings.list': listMeetings,
  'meetings.addItem': addItem,
  'meetings.removeItem': removeItem,
  'meetings.cancel': cancelMeeting,
  'meetings.confirmAgenda': confirmAgenda,
  'meetings.setFirstTopic': setFirstTopic,
  'meetings.close': closeMeeting,
} satisfies Partial<HandlersFor<typeof meetingContract>>;
