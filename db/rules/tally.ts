// R10 passing (computed, never typed in), R11 复议 threshold, R12 校长决定: pure.
import type { BallotChoice } from '../terms';
import type { QuorumView } from './quorum';

export interface Counts {
  for: number;
  against: number;
  abstain: number;
}

/** Stored on the entry at the time of the vote (agenda_entries.tally). */
export interface Tally {
  due: number;
  present: number;
  /** Votes for needed to pass. */
  needed: number;
  quorumOk: boolean;
  passed: boolean;
  rule: string;
}

/** R10: more than half of 应到 — not of those present. */
export function votesNeeded(due: number): number {
  return Math.floor(due / 2) + 1;
}

/** R10 (记名投票, and 口头/举手 with names): counts derive from the ballots. */
export function countsFromBallots(ballots: readonly { choice: BallotChoice }[]): Counts {
  return {
    for: ballots.filter((b) => b.choice === '同意').length,
    against: ballots.filter((b) => b.choice === '反对').length,
    abstain: ballots.filter((b) => b.choice === '弃权').length,
  };
}

/**
 * R10: a named ballot (记名投票) is one signed ballot from every member entitled to vote on the
 * item (present, voting rights, not recused): who has not cast one, in seat order. Other methods
 * may name some voters or none.
 */
export function missingBallots<V extends { personId: number }>(method: string, voters: readonly V[], ballotPersonIds: readonly number[]): V[] {
  if (method !== '记名投票') return [];
  const cast = new Set(ballotPersonIds);
  return voters.filter((v) => !cast.has(v.personId));
}

/** R10: counts must add up: for + against + abstain ≤ present voting members on the entry. Null when fine. */
export function countsProblem(counts: Counts, present: number): string | null {
  const total = counts.for + counts.against + counts.abstain;
  if (total > present) {
    return `同意${counts.for}票、反对${counts.against}票、弃权${counts.abstain}票，合计${total}票，多于本议题实到有表决权的${present}人，请核对票数`;
  }
  return null;
}

export const sameCounts = (a: Counts, b: Counts) => a.for === b.for && a.against === b.against && a.abstain === b.abstain;

/** R10: the result of a vote, given the R6 view of the entry. */
export function tallyVote(quorum: Pick<QuorumView, 'due' | 'present' | 'quorumOk' | 'rule'>, counts: Counts): Tally {
  const needed = votesNeeded(quorum.due);
  return {
    due: quorum.due,
    present: quorum.present,
    needed,
    quorumOk: quorum.quorumOk,
    passed: quorum.quorumOk && counts.for >= needed,
    rule: `R10 同意票超过应到会人数半数；${quorum.rule}`,
  };
}

/** R12: the 校长 decides after hearing everyone present; no count, the quorum still applies. */
export function principalTally(quorum: Pick<QuorumView, 'due' | 'present' | 'quorumOk' | 'rule'>, approve: boolean): Tally {
  return {
    due: quorum.due,
    present: quorum.present,
    needed: 0,
    quorumOk: quorum.quorumOk,
    passed: quorum.quorumOk && approve,
    rule: `R12 校长听取与会人员意见后决定；${quorum.rule}`,
  };
}

/** R11: 复议 of a cadre decision needs more than half of the members (应到) to agree. */
export function reconsiderationAgreed(agree: number, due: number): boolean {
  return due > 0 && agree >= votesNeeded(due);
}

export interface SignedIn {
  /** Voting members of the body on the meeting date. */
  due: number;
  /** Of them, signed in as 出席. */
  present: number;
  /** "应到7人，签到出席6人": the meeting-level line before an entry is open. */
  line: string;
}

/** The meeting-level count from the members and the attendance list (no entry, no recusal yet). */
export function signedIn(members: readonly { personId: number; voting: boolean }[], marks: readonly { personId: number; status: string }[]): SignedIn {
  const voting = new Set(members.filter((m) => m.voting).map((m) => m.personId));
  const present = marks.filter((a) => a.status === '出席' && voting.has(a.personId)).length;
  return { due: voting.size, present, line: `应到${voting.size}人，签到出席${present}人` };
}

/**
 * The line the meeting screen shows, e.g. "应到7人，实到5人，需同意票≥4". An entry that is not voted
 * (a 前置研究, `voted: false`) shows the attendance part only.
 */
export function quorumLine(view: Pick<QuorumView, 'due' | 'present' | 'quorumNeeded' | 'quorumOk'>, voted = true): string {
  const base = `应到${view.due}人，实到${view.present}人${voted ? `，需同意票≥${votesNeeded(view.due)}` : ''}`;
  return view.quorumOk ? base : `${base}（到会不足${view.quorumNeeded}人，不能表决）`;
}
