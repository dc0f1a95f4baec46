// R14 临时处置: recorded by the 书记 (or the 校长, for the 校长办公会's administrative matters)
// when the body cannot meet; flagged until reported (通报/追认) as an item of that body's next meeting.
import { cnDate } from '../calendar';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, notFound, refuse } from '../errors';
import { localDate, nowIso, type Ledger, type ReadLedger } from '../ledger';
import { moveItem, recordCreation } from '../items/lifecycle';
import { getBody, getPerson, holdersOf } from '../organization/queries';
import { agendaEntries, agendaItems, bodies, emergencyActions, matters, meetings, persons } from '../schema';
import { leadingPost } from '../rules/leadership';
import { RULE_VERSION, meetingTitle } from '../terms';
import { keepWarnings, type RuleWarning } from '../warnings';
import type { meetingContract } from './contract';
import { meetingForWrite, closedMeetingsSince } from './queries';

type In<K extends keyof typeof meetingContract> = z.output<(typeof meetingContract)[K]['input']>;

/** The 议事清单 entry an emergency report is filed under: 重大活动与突发事件处置 / 具体的安全措施. */
const REPORT_MATTER = { party_committee: 'B6', principal_office: 'X8' } as const;

export function recordEmergency(ledger: Ledger, input: In<'emergency.record'>) {
  const body = getBody(ledger, input.bodyId);
  if (body.orgId !== input.orgId) conflict('议事机构不属于本校，请刷新后重试。', 'bodyId');
  const actor = getPerson(ledger, input.actorId, 'actorId');
  const post = leadingPost(body.kind);
  if (body.kind !== 'party_committee' && body.kind !== 'principal_office') {
    refuse('R14', `${body.name}不适用临时处置`, 'bodyId');
  }
  const date = localDate(new Date(input.at));
  if (!holdersOf(ledger, body.orgId, post, date).includes(actor.id)) {
    refuse('R14', `${body.name}不能开会时的临时处置由${post}作出，${actor.name}在${cnDate(date)}不是${post}`, 'actorId');
  }
  const row = ledger.db
    .insert(emergencyActions)
    .values({ orgId: body.orgId, bodyId: body.id, actorId: actor.id, reason: input.reason, action: input.action, at: input.at })
    .returning()
    .get();
  return { emergencyActionId: row.id, status: 'open' as const, message: `临时处置已登记，须在${body.name}下次会议上通报` };
}

export function reportEmergency(ledger: Ledger, input: In<'emergency.report'>) {
  const action = ledger.db.select().from(emergencyActions).where(eq(emergencyActions.id, input.emergencyActionId)).get();
  if (!action) return notFound('临时处置', input.emergencyActionId, 'emergencyActionId');
  if (action.reportedEntryId != null) conflict('这项临时处置已经列入会议议程。', 'emergencyActionId');
  const meeting = meetingForWrite(ledger, input.meetingId);
  const body = getBody(ledger, action.bodyId);
  if (meeting.bodyId !== action.bodyId) refuse('R14', `临时处置应在${body.name}的会议上通报`, 'meetingId');
  if (Date.parse(meeting.startsAt) < Date.parse(action.at)) refuse('R14', '这次会议早于临时处置，请选择之后的会议', 'meetingId');

  const itemId = reportItemFor(ledger, action, body.kind);
  const last = ledger.db.select({ p: max(agendaEntries.position) }).from(agendaEntries).where(eq(agendaEntries.meetingId, meeting.id)).get();
  const position = (last?.p ?? 0) + 1;
  const warnings: RuleWarning[] = [];
  // R14: reported at the *next* meeting; a meeting held in between without it is kept as a warning.
  const missed = closedMeetingsSince(ledger, body.id, action.at, meeting.startsAt);
  if (missed.length) {
    warnings.push({
      rule: 'R14',
      message: `这项临时处置未在其后第一次会议（${meetingTitle(missed[0]!.year, missed[0]!.seq, body.name)}）上通报`,
    });
  }
  const entry = ledger.db
    .insert(agendaEntries)
    .values({
      meetingId: meeting.id,
      itemId,
      position,
      presenterId: action.actorId,
      purpose: 'report',
      outcome: 'pending',
      warnings: warnings.map((w) => `${w.message}（${w.rule}）`),
    })
    .returning()
    .get();
  keepWarnings(ledger, body.orgId, 'entry', entry.id, warnings);
  moveItem(ledger, itemId, 'scheduled', `列入${meetingTitle(meeting.year, meeting.seq, body.name)}议程第${position}项（临时处置通报）`);
  ledger.db.update(emergencyActions).set({ reportedEntryId: entry.id }).where(eq(emergencyActions.id, action.id)).run();
  return { entryId: entry.id, itemId, position, warnings };
}

/** The emergency_report item of an action: made once, reused if its entry was removed again. */
function reportItemFor(ledger: Ledger, action: typeof emergencyActions.$inferSelect, bodyKind: string): number {
  const existing = ledger.db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.emergencyActionId, action.id)).get();
  if (existing) return existing.id;
  const code = REPORT_MATTER[bodyKind as keyof typeof REPORT_MATTER];
  const matter =
    ledger.db.select().from(matters).where(and(eq(matters.orgId, action.orgId), eq(matters.code, code))).get() ??
    ledger.db.select().from(matters).where(and(eq(matters.orgId, action.orgId), eq(matters.decidingBody, bodyKind))).orderBy(asc(matters.id)).get();
  if (!matter) return refuse('R14', '议事清单中没有可用于通报的事项，请先维护议事清单', 'emergencyActionId');
  const item = ledger.db
    .insert(agendaItems)
    .values({
      orgId: action.orgId,
      title: `临时处置通报：${action.action.slice(0, 60)}`,
      summary: `不能召开会议的原因：${action.reason}\n处置内容：${action.action}`,
      matterId: matter.id,
      proposerId: action.actorId,
      kind: 'emergency_report',
      state: 'ready',
      // A report is heard, not decided: routing names the body it is reported to.
      routing: { body: bodyKind, major: false, reason: '临时处置事后通报', threshold: null, ruleVersion: RULE_VERSION },
      emergencyActionId: action.id,
      createdAt: nowIso(ledger),
      createdBy: ledger.operator,
    })
    .returning()
    .get();
  recordCreation(ledger, item.id, 'ready', '临时处置，待会议通报');
  return item.id;
}

export function listEmergencies(ledger: ReadLedger, input: In<'emergency.list'>) {
  const rows = ledger.db
    .select({ action: emergencyActions, bodyName: bodies.name, actorName: persons.name })
    .from(emergencyActions)
    .innerJoin(bodies, eq(bodies.id, emergencyActions.bodyId))
    .innerJoin(persons, eq(persons.id, emergencyActions.actorId))
    .where(eq(emergencyActions.orgId, input.orgId))
    .orderBy(asc(emergencyActions.at), asc(emergencyActions.id))
    .all();
  const entryIds = rows.map((r) => r.action.reportedEntryId).filter((id): id is number => id != null);
  const entries = entryIds.length
    ? ledger.db
        .select({ id: agendaEntries.id, outcome: agendaEntries.outcome, meetingId: meetings.id, year: meetings.year, seq: meetings.seq, startsAt: meetings.startsAt })
        .from(agendaEntries)
        .innerJoin(meetings, eq(meetings.id, agendaEntries.meetingId))
        .where(inArray(agendaEntries.id, entryIds))
        .all()
    : [];
  const far = '9999-12-31T23:59';
  return rows.map(({ action, bodyName, actorName }) => {
    const entry = entries.find((e) => e.id === action.reportedEntryId);
    // R14: open until the entry reporting it has been heard.
    const status = !entry ? 'open' : entry.outcome === 'noted' ? 'reported' : 'scheduled';
    const missed = closedMeetingsSince(ledger, action.bodyId, action.at, entry?.startsAt ?? far).filter((m) => m.id !== entry?.meetingId);
    return {
      id: action.id,
      bodyId: action.bodyId,
      bodyName,
      actorId: action.actorId,
      actorName,
      reason: action.reason,
      action: action.action,
      at: action.at,
      status,
      flagged: status !== 'reported',
      reportedAt: entry ? { entryId: entry.id, meetingId: entry.meetingId, title: meetingTitle(entry.year, entry.seq, bodyName) } : null,
      /** Meetings of the body held since, without the report (R14). */
      missedMeetings: missed.map((m) => meetingTitle(m.year, m.seq, bodyName)),
    };
  });
}

export const emergencyHandlers = {
  'emergency.record': recordEmergency,
  'emergency.report': reportEmergency,
  'emergency.list': listEmergencies,
};
