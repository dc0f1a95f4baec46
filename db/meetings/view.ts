// meetings.get: the whole meeting as the meeting-mode screen and the 会议记录 need it, with a
// LIVE R6/R9/R10 view per entry computed by the same rules the commands enforce.
import { amendmentsOf } from '../amendments';
import type { ReadLedger } from '../ledger';
import { undoVoteRefusal } from '../rules/amend';
import { ENTRY_OUTCOME_LABELS, MEETING_STATE_LABELS, type EntryOutcome, type MeetingState } from '../terms';
import { getPerson, holdersOf } from '../organization/queries';
import { expectsFirstTopic } from '../rules/agenda';
import { leadingPost } from '../rules/leadership';
import { quorumBasis } from '../rules/quorum';
import { speakingOrder } from '../rules/statements';
import { quorumLine, signedIn, votesNeeded } from '../rules/tally';
import { warningsOf } from '../warnings';
import { isMeetingLocked } from './lock';
import { rosterOf, withRecordedNames } from './roster';
import {
  ballotsOf,
  decisionOfEntry,
  entriesOfMeeting,
  entryFacts,
  getMeeting,
  meetingFacts,
  writtenOpinionsOf,
  reconsiderationsOf,
  undoVoteFacts,
} from './queries';

export function getMeetingView(ledger: ReadLedger, meetingId: number) {
  const meeting = getMeeting(ledger, meetingId);
  const facts = meetingFacts(ledger, meeting);
  const host = getPerson(ledger, meeting.hostId);
  const recorder = getPerson(ledger, meeting.recorderId);
  const confirmer = meeting.agendaConfirmedBy != null ? getPerson(ledger, meeting.agendaConfirmedBy) : null;
  const voting = new Map(facts.members.map((m) => [m.personId, m.voting]));
  // R12: the 校长 decides in a 校长办公会议 run in principal_decides mode.
  const principalIds = holdersOf(ledger, facts.body.orgId, leadingPost('principal_office'), facts.date);
  const leadPost = leadingPost(facts.body.kind);
  const mode =
    facts.body.kind === 'principal_office' && facts.settings.principalOfficeMode === 'principal_decides' ? 'principal_decides' : 'vote';
  // Open for corrections: not closed, not cancelled, minutes not signed (meetingForWrite refuses the rest).
  const open = (meeting.state === 'planned' || meeting.state === 'in_progress') && !isMeetingLocked(ledger, meeting.id);
  const entries = entriesOfMeeting(ledger, meeting.id).map((entry, index) => {
    const ef = entryFacts(ledger, facts, entry);
    const presenter = entry.presenterId != null ? getPerson(ledger, entry.presenterId) : null;
    const speaking = speakingOrder(ef.voters, meeting.hostId, ef.statements.map((s) => s.personId));
    const decision = decisionOfEntry(ledger, entry.id);
    const secret = entry.voteMethod === '无记名投票';
    return {
      id: entry.id,
      position: entry.position,
      /** 1-based order on the agenda (positions keep gaps when an item is removed). */
      number: index + 1,
      purpose: entry.purpose,
      outcome: entry.outcome,
      outcomeLabel: ENTRY_OUTCOME_LABELS[entry.outcome as EntryOutcome],
      adHoc: entry.adHoc,
      postponeReason: entry.postponeReason,
      /** 研究意见 (study entries) or the meeting's note on a report. */
      proposal: entry.proposal,
      item: {
        id: ef.item.id,
        title: ef.item.title,
        summary: ef.item.summary,
        kind: ef.item.kind,
        state: ef.item.state,
        amount: ef.item.amount,
        major: ef.item.routing.major,
        matterCode: ef.matter.code,
        matterName: ef.matter.name,
        twoThirds: ef.matter.twoThirds,
        cadre: ef.matter.cadre,
        staffCongress: ef.item.staffCongress,
      },
      presenter: presenter ? { id: presenter.id, name: presenter.name } : null,
      recusals: ef.recused,
      statements: ef.statements.map((s) => ({ ...s, isHost: s.personId === meeting.hostId })),
      hostOrderOverride: entry.hostOrderOverride,
      writtenOpinions: writtenOpinionsOf(ledger, entry.id),
      // R10: a secret ballot never has per-person rows; the guard keeps it so even if one slipped in.
      ballots: secret ? [] : ballotsOf(ledger, entry.id),
      vote:
        entry.voteMethod != null
          ? {
              method: entry.voteMethod,
              for: entry.votesFor,
              against: entry.votesAgainst,
              abstain: entry.votesAbstain,
              tally: entry.tally,
            }
          : null,
      decision: decision ? { id: decision.id, number: decision.number, text: decision.text, ruleSnapshot: decision.ruleSnapshot } : null,
      /** Computed now from attendance, recusals and settings (R6–R10). */
      live: {
        due: ef.quorum.due,
        present: ef.quorum.present,
        quorumNeeded: ef.quorum.quorumNeeded,
        quorumOk: ef.quorum.quorumOk,
        votesNeeded: votesNeeded(ef.quorum.due),
        rule: ef.quorum.rule,
        /** R6 in plain words for the screen (需过半数成员到会). */
        basis: quorumBasis(ef.matter.twoThirds, facts.settings.halfCountsAsMajority),
        text: quorumLine(ef.quorum, entry.purpose === 'decide'),
        voters: ef.voters,
        absent: ef.quorum.absentIds.map((id) => facts.members.find((m) => m.personId === id)!).map((m) => ({ personId: m.personId, name: m.name })),
        waitingFor: speaking.waitingFor,
        /** R9: the host may state now without an override. */
        hostMayState: speaking.hostMayState,
        /** R9: who is called in which order (the host last), and who speaks now. */
        speaking: { order: speaking.order, next: speaking.next, hostMustWait: speaking.hostMustWait },
        /** All statements in: the entry may be voted or decided (if the quorum holds). */
        readyToDecide: entry.outcome === 'pending' && ef.quorum.quorumOk && speaking.waitingFor.length === 0,
        principalPresent: ef.voters.some((v) => principalIds.includes(v.personId)),
      },
      /** R11 复议 motions on this entry's outcome. */
      reconsiderations: reconsiderationsOf(ledger, entry.id),
      warnings: warningsOf(ledger, 'entry', entry.id),
      /** What may still be put right while the meeting is open (the rules decide, the screen offers). */
      correct: {
        /** 移出议程: pending and nobody has stated yet. */
        removable: open && entry.outcome === 'pending' && ef.statements.length === 0,
        /** The vote result may be undone (null), or why not; absent when there is no result to undo. */
        undoVoteRefusal:
          open && (entry.outcome === 'passed' || entry.outcome === 'not_passed') ? undoVoteRefusal(undoVoteFacts(ledger, meeting.id, entry, ef.item)) : undefined,
        /** Only the latest statement of an undecided entry may be taken back (R9). */
        lastStatementBy: open && entry.outcome === 'pending' ? (ef.statements.at(-1)?.personId ?? null) : null,
      },
      /** 更正记录 of this entry: statements corrected, recusals and vote results undone. */
      history: amendmentsOf(ledger, 'entry', entry.id),
    };
  });
  const view = {
    meeting: {
      id: meeting.id,
      bodyId: meeting.bodyId,
      year: meeting.year,
      seq: meeting.seq,
      startsAt: meeting.startsAt,
      place: meeting.place,
      state: meeting.state,
      stateLabel: MEETING_STATE_LABELS[meeting.state as MeetingState],
      cancelReason: meeting.cancelReason,
      /** Corrections are possible (not closed, cancelled or signed). */
      open,
      hostId: host.id,
      hostName: host.name,
      recorderId: recorder.id,
      recorderName: recorder.name,
      firstTopic: meeting.firstTopic,
      agendaConfirmedBy: confirmer ? { id: confirmer.id, name: confirmer.name } : null,
      createdAt: meeting.createdAt,
    },
    body: {
      id: facts.body.id,
      kind: facts.body.kind,
      name: facts.body.name,
      /** The post that confirms the agenda and signs (R3, R16), and who holds it on the meeting date. */
      leadPost,
      leaders: holdersOf(ledger, facts.body.orgId, leadPost, facts.date).map((id) => ({ id, name: getPerson(ledger, id).name })),
      /** R15: the meeting opens with a 第一议题. */
      firstTopicExpected: expectsFirstTopic(facts.body.kind),
    },
    title: facts.title,
    date: facts.date,
    /** How decide entries are settled: R10 vote, or R12 the 校长 decides. */
    mode,
    members: facts.members,
    attendance: facts.attendance.map((a) => ({ ...a, member: voting.has(a.personId), voting: voting.get(a.personId) ?? false })),
    /** Before any entry: voting members due, and how many of them signed in as 出席. */
    signedIn: signedIn(facts.members, facts.attendance),
    entries,
    warnings: warningsOf(ledger, 'meeting', meeting.id),
    /** 更正记录 of the meeting: 改期, place, host or recorder corrected, items removed, attendance corrected, cancelled. */
    history: amendmentsOf(ledger, 'meeting', meeting.id),
  };
  // A signed meeting shows the names it recorded (db/meetings/roster.ts), never a later rename.
  const roster = rosterOf(ledger, meeting.id);
  return roster ? withRecordedNames(view, roster) : view;
}

export type MeetingView = ReturnType<typeof getMeetingView>;
