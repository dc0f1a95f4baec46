// Reuse of what the secretary entered before: a new meeting starts from the last meeting's place
// and 记录人 (of the same body), and a meeting's attendance can start as an earlier one's.
import { and, desc, eq, exists, lt, ne, notExists, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict } from '../errors';
import type { Ledger, ReadLedger } from '../ledger';
import { setAttendance } from '../meetings/attendance';
import { attendanceOf, getMeeting, meetingFacts, meetingForWrite } from '../meetings/queries';
import { getBody } from '../organization/queries';
import { attendance, bodies, importedRecords, meetings, persons } from '../schema';
import { meetingTitle } from '../terms';
import type { templatesContract } from './contract';

type In<K extends keyof typeof templatesContract> = z.output<(typeof templatesContract)[K]['input']>;

// A 历史导入 meeting's place and 记录人 are placeholders, not what the secretary chose.
const notImported = notExists(
  sql`(SELECT 1 FROM ${importedRecords} WHERE ${importedRecords.kind} = 'meeting' AND ${importedRecords.refId} = ${meetings.id})`,
);

/** The place and 记录人 of the meeting of this body entered last (the 记录人 only while still active), or nothing. */
export function meetingDefaults(ledger: ReadLedger, input: In<'templates.meetingDefaults'>) {
  const body = getBody(ledger, input.bodyId);
  const last = ledger.db
    .select({ id: meetings.id, year: meetings.year, seq: meetings.seq, place: meetings.place, recorderId: meetings.recorderId, active: persons.active })
    .from(meetings)
    .innerJoin(persons, eq(persons.id, meetings.recorderId))
    .where(and(eq(meetings.bodyId, body.id), ne(meetings.state, 'cancelled'), notImported))
    .orderBy(desc(meetings.id))
    .get();
  if (!last) return { place: null, recorderId: null, from: null };
  return { place: last.place, recorderId: last.active ? last.recorderId : null, from: meetingTitle(last.year, last.seq, body.name) };
}

/** The latest meeting of the same body before this one that has an attendance list. */
function previousSeated(ledger: ReadLedger, meeting: { id: number; bodyId: number; startsAt: string }) {
  return ledger.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.bodyId, meeting.bodyId),
        ne(meetings.id, meeting.id),
        lt(meetings.startsAt, meeting.startsAt),
        exists(ledger.db.select({ one: sql`1` }).from(attendance).where(eq(attendance.meetingId, meetings.id))),
      ),
    )
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .get();
}

export function copyAttendance(ledger: Ledger, input: In<'templates.copyAttendance'>) {
  const meeting = meetingForWrite(ledger, input.meetingId);
  const facts = meetingFacts(ledger, meeting);
  if (facts.attendance.length > 0) conflict(`${facts.title}已登记出席情况，请直接修改，不能再沿用其他会议的。`, 'meetingId');
  const sourceId = input.fromMeetingId ?? previousSeated(ledger, meeting)?.id;
  if (sourceId === undefined) conflict(`${facts.body.name}此前的会议都没有登记出席情况，没有可以沿用的。`, 'meetingId');
  const source = getMeeting(ledger, sourceId, 'fromMeetingId');
  const sourceTitle = meetingTitle(source.year, source.seq, ledger.db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, source.bodyId)).get()!.name);
  if (source.id === meeting.id) conflict('不能沿用本次会议自己的出席情况，请选择更早的会议。', 'fromMeetingId');
  if (source.bodyId !== meeting.bodyId) conflict(`${sourceTitle}不是${facts.body.name}，只能沿用同一议事机构会议的出席情况。`, 'fromMeetingId');
  if (source.startsAt >= meeting.startsAt) conflict(`${sourceTitle}不早于本次会议，只能沿用更早会议的出席情况。`, 'fromMeetingId');
  const before = attendanceOf(ledger, source.id);
  if (before.length === 0) conflict(`${sourceTitle}没有登记出席情况，没有可以沿用的。`, 'fromMeetingId');

  // Today's members as they sat then (a new member: 出席); then the 列席 guests who are still active.
  const was = new Map(before.map((a) => [a.personId, a]));
  const members = new Set(facts.members.map((m) => m.personId));
  const rows = facts.members.map((m) => {
    const a = was.get(m.personId);
    const status = a && (a.status !== '列席' || !m.voting) ? a.status : '出席';
    return { personId: m.personId, status, reason: status === '请假' ? (a?.reason ?? '') : '', arrivesAt: null, leavesAfter: null };
  });
  const active = new Set(
    ledger.db.select({ id: persons.id }).from(persons).where(eq(persons.active, true)).all().map((p) => p.id),
  );
  for (const a of before) {
    if (a.status === '列席' && !members.has(a.personId) && active.has(a.personId)) rows.push({ personId: a.personId, status: '列席', reason: '', arrivesAt: null, leavesAfter: null });
  }
  setAttendance(ledger, { meetingId: meeting.id, rows });
  return { meetingId: meeting.id, from: sourceTitle, rows: rows.length };
}
