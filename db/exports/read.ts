// Ledger reads behind the before-meeting forms: one meeting with its members (and their posts)
// on the meeting date, 列席 people, and the agenda. Built on the meetings domain's own loaders.
import type { MeetingFacts as DocFacts } from '../documents/model';
import type { ReadLedger } from '../ledger';
import { today } from '../ledger';
import { entriesOfMeeting, entryFacts, getEntry, getMeeting, meetingFacts, personNames } from '../meetings/queries';
import { recordedName, rosterOf } from '../meetings/roster';
import { getMatter, getOrganization, getPerson, postsOn } from '../organization/queries';
import { getItem } from '../items/queries';
import { warningsOf } from '../warnings';
import type { FormEntry, FormPerson, MeetingForms } from './forms';
import { papersOf } from '../organization/names';
import type { AttendanceStatus } from '../terms';

export function readMeetingForms(ledger: ReadLedger, meetingId: number): MeetingForms {
  const meeting = getMeeting(ledger, meetingId);
  const facts = meetingFacts(ledger, meeting);
  const org = getOrganization(ledger, facts.body.orgId);
  const posts = postsOn(ledger, org.id, facts.date);
  const postOf = (personId: number): string => {
    const held = posts.filter((p) => p.personId === personId).map((p) => p.post);
    return held.length ? held.join('、') : (getPerson(ledger, personId).department ?? '');
  };
  const marks = new Map(facts.attendance.map((a) => [a.personId, a]));
  // A signed meeting's forms print the names it recorded (db/meetings/roster.ts).
  const roster = rosterOf(ledger, meeting.id);
  const person = (personId: number, name: string): FormPerson => {
    const mark = marks.get(personId);
    return { name: recordedName(roster, personId, name), post: postOf(personId), ...(mark ? { status: mark.status as AttendanceStatus, reason: mark.reason } : {}) };
  };

  const memberIds = new Set(facts.members.map((m) => m.personId));
  const members = facts.members.filter((m) => m.voting).map((m) => person(m.personId, m.name));
  // R7: non-voting members and anyone marked 列席 attend without a vote.
  const observers = [
    ...facts.members.filter((m) => !m.voting).map((m) => person(m.personId, m.name)),
    ...facts.attendance.filter((a) => a.status === '列席' && !memberIds.has(a.personId)).map((a) => person(a.personId, a.name)),
  ];

  const entries = entriesOfMeeting(ledger, meeting.id);
  const presenters = personNames(ledger, entries.flatMap((e) => (e.presenterId != null ? [e.presenterId] : [])));
  const formEntries: FormEntry[] = entries.map((e, i) => {
    const item = getItem(ledger, e.itemId);
    return {
      entryId: e.id,
      number: i + 1,
      title: item.title,
      presenter: e.presenterId != null ? recordedName(roster, e.presenterId, presenters.get(e.presenterId) ?? '') || null : null,
      purpose: e.purpose,
      outcome: e.outcome,
      cadre: getMatter(ledger, item.matterId).cadre,
      voteMethod: e.voteMethod,
      warnings: warningsOf(ledger, 'entry', e.id),
    };
  });

  const host = getPerson(ledger, meeting.hostId);
  const recorder = getPerson(ledger, meeting.recorderId);
  const docFacts: DocFacts = {
    orgName: org.name,
    bodyName: facts.body.name,
    bodyKind: facts.body.kind,
    meetingLabel: facts.title,
    startsAt: meeting.startsAt.slice(0, 16),
    place: meeting.place,
    host: recordedName(roster, host.id, host.name),
    recorder: recordedName(roster, recorder.id, recorder.name),
    topics: formEntries.map((e) => e.title),
  };
  return {
    facts: docFacts,
    issuer: papersOf(ledger, org.id, facts.body).issuer,
    date: facts.date,
    today: today(ledger),
    members,
    observers,
    entries: formEntries,
    materialsLeadDays: facts.settings.materialsLeadDays,
    submitLeadDays: facts.settings.submitLeadDays,
  };
}

/**
 * Who gets a ballot for one entry: once attendance is recorded, the members voting on that entry
 * (R6–R8: present, voting rights, not recused); before that, every voting member not recused.
 */
export function ballotVoters(ledger: ReadLedger, entryId: number): { meetingId: number; voters: string[] } {
  const entry = getEntry(ledger, entryId);
  const facts = meetingFacts(ledger, getMeeting(ledger, entry.meetingId, 'entryId'));
  const ef = entryFacts(ledger, facts, entry);
  if (facts.attendance.length > 0) return { meetingId: entry.meetingId, voters: ef.voters.map((v) => v.name) };
  const recused = new Set(ef.recused.map((r) => r.personId));
  return { meetingId: entry.meetingId, voters: facts.members.filter((m) => m.voting && !recused.has(m.personId)).map((m) => m.name) };
}
