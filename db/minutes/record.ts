// The 会议记录 of one meeting (R16: time, place, host, recorder, attendance, and per item the
// presenter, statements, recusals, vote and outcome) in the shape the documents need. Built on
// the meetings domain's own view (meetings.get), so the record prints exactly what was enforced.
import { inArray } from 'drizzle-orm';
import type { AttendanceLines, DocWarning, MeetingFacts, RecordItem, RecordOutcome, RecordVote } from '../documents/model';
import { getItem } from '../items/queries';
import type { ReadLedger } from '../ledger';
import { rosterOf, recordedName } from '../meetings/roster';
import { getMeetingView, type MeetingView } from '../meetings/view';
import { principalOfficeStudy } from '../items/queries';
import { getBody, getMatter, getOrganization, getPerson, holdersOf } from '../organization/queries';
import { decisions } from '../schema';
import { meetingTitle, type BallotChoice, type MajorCategory, type StatementStance, type VoteMethod } from '../terms';

/** `view`: the meeting's view when the caller has it already (minutes.sign: built once, not twice). */
export function readMeetingRecord(ledger: ReadLedger, meetingId: number, view: MeetingView = getMeetingView(ledger, meetingId)) {
  const { meeting } = view;
  const body = getBody(ledger, view.body.id);
  const org = getOrganization(ledger, body.orgId);

  const byStatus = (status: string) => view.attendance.filter((a) => a.status === status);
  const attendance: AttendanceLines = {
    present: byStatus('出席').map((a) => a.name),
    onLeave: byStatus('请假').map((a) => ({ name: a.name, reason: a.reason ?? '' })),
    absent: byStatus('缺席').map((a) => ({ name: a.name, reason: a.reason })),
    observers: byStatus('列席').map((a) => a.name),
  };

  // R12: the 校长 on the meeting date, who decides the 校长办公会's items in 校长决定 mode.
  const principal = holdersOf(ledger, org.id, '校长', view.date)[0];
  const principalName = principal != null ? recordedName(rosterOf(ledger, meetingId), principal, getPerson(ledger, principal).name) : null;

  const items: RecordItem[] = view.entries.map((e) => {
    const study = e.purpose === 'decide' && view.body.kind === 'party_committee' ? principalOfficeStudy(ledger, e.item.id) : null;
    const vote: RecordVote | null = e.vote
      ? {
          method: e.vote.method as VoteMethod | '校长决定',
          decidedBy: e.vote.method === '校长决定' ? principalName : null,
          for: e.vote.for ?? 0,
          against: e.vote.against ?? 0,
          abstain: e.vote.abstain ?? 0,
          ballots: e.ballots.map((b) => ({ name: b.name, choice: b.choice as BallotChoice })),
        }
      : null;
    return {
      position: e.number,
      title: e.item.title,
      matter: e.item.matterName,
      major: e.item.major,
      majorCategory: majorCategoryOf(ledger, e.item.id),
      amount: e.item.amount,
      adHoc: e.adHoc,
      purpose: e.purpose as RecordItem['purpose'],
      presenter: e.presenter?.name ?? null,
      statements: e.statements.map((s) => ({ seq: s.seq, name: s.name, stance: s.stance as StatementStance, note: s.note, byHost: s.isHost })),
      hostOrderOverride: e.hostOrderOverride,
      recusals: e.recusals.map((r) => ({ name: r.name, reason: r.reason })),
      writtenOpinions: e.writtenOpinions.map((o) => ({ name: o.name, text: o.text })),
      vote,
      tally: e.vote?.tally ?? null,
      outcome: e.outcome as RecordOutcome,
      postponeReason: e.postponeReason,
      proposal: e.proposal,
      studiedAt: study ? { meetingLabel: meetingTitle(study.year, study.seq, study.bodyName), proposal: study.proposal ?? '' } : null,
      decisionNumber: e.decision?.number ?? null,
      warnings: e.warnings,
    };
  });

  const facts: MeetingFacts = {
    orgName: org.name,
    bodyName: view.body.name,
    bodyKind: view.body.kind,
    meetingLabel: view.title,
    startsAt: meeting.startsAt.slice(0, 16),
    place: meeting.place,
    host: meeting.hostName,
    recorder: meeting.recorderName,
    topics: view.entries.map((e) => e.item.title),
  };

  const decided = view.entries.flatMap((e) => (e.decision ? [{ ...e.decision, itemTitle: e.item.title }] : []));
  const waived = new Map(
    (decided.length
      ? ledger.db.select({ id: decisions.id, reason: decisions.noFollowUpReason }).from(decisions).where(inArray(decisions.id, decided.map((d) => d.id))).all()
      : []
    ).map((d) => [d.id, d.reason]),
  );

  return {
    meeting,
    orgId: body.orgId,
    bodyKind: view.body.kind,
    facts,
    attendance,
    firstTopic: meeting.firstTopic,
    items,
    decisions: decided
      .map((d) => ({ id: d.id, number: d.number, text: d.text, itemTitle: d.itemTitle, noFollowUpReason: waived.get(d.id) ?? null }))
      .sort((a, b) => a.number - b.number),
    /** Kept warn-rule hits of the meeting and of every entry, once each (R16: shown in the minutes). */
    warnings: dedupe([...view.warnings, ...items.flatMap((i) => i.warnings)]),
  };
}
export type MeetingRecord = ReturnType<typeof readMeetingRecord>;

function majorCategoryOf(ledger: ReadLedger, itemId: number): MajorCategory | null {
  return (getMatter(ledger, getItem(ledger, itemId).matterId).majorCategory as MajorCategory | null) ?? null;
}

function dedupe(list: DocWarning[]): DocWarning[] {
  const seen = new Set<string>();
  return list.filter((w) => (seen.has(`${w.rule}${w.message}`) ? false : (seen.add(`${w.rule}${w.message}`), true)));
}
