// 表决 (R6, R7, R8, R9, R10), 校长决定 (R12) and the 决定事项 they create. The result is
// computed by db/rules/tally.ts, never typed in; a decision exists only through here (R13).
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, refuse } from '../errors';
import { nowIso, type Ledger } from '../ledger';
import { onItemDecided } from '../followups/stage';
import { moveItem } from '../items/lifecycle';
import { holdersOf } from '../organization/queries';
import { leadingPost } from '../rules/leadership';
import { missingStatements } from '../rules/statements';
import { countsFromBallots, countsProblem, missingBallots, principalTally, sameCounts, tallyVote, type Counts, type Tally } from '../rules/tally';
import { agendaEntries, ballots, decisions } from '../schema';
import type { RuleWarning } from '../terms';
import type { meetingContract } from './contract';
import { markInProgress } from './sitting';
import { requireQuorum } from './entries';
import { firstTopicWarnings } from './meetings';
import {
  assertInSession,
  assertPending,
  entriesOfMeeting,
  entryForWrite,
  nextDecisionNumber,
  type EntryFacts,
  type MeetingFacts,
} from './queries';

type In<K extends keyof typeof meetingContract> = z.output<(typeof meetingContract)[K]['input']>;

function requireDecideEntry(ef: EntryFacts): void {
  assertPending(ef.entry, ef.item.title);
  if (ef.entry.purpose !== 'decide') {
    conflict(
      ef.entry.purpose === 'study'
        ? `议题「${ef.item.title}」在校长办公会议上是前置研究，请记录研究意见，不作决定。`
        : `议题「${ef.item.title}」是通报事项，请记录听取通报，不表决。`,
      'entryId',
    );
  }
}

/** R9: every present voting member, not recused, has stated before the item is decided. */
function requireStatements(ef: EntryFacts, exceptId?: number): void {
  const missing = missingStatements(ef.voters, ef.statements.map((s) => s.personId)).filter((m) => m.personId !== exceptId);
  if (missing.length) {
    refuse('R9', `${missing.map((m) => m.name).join('、')}尚未表态。每位在场有表决权的成员都应表态后再作决定`, 'entryId');
  }
}

/** Store the outcome; on pass, the numbered 决定事项 with the routing it was decided under. */
function settle(ledger: Ledger, facts: MeetingFacts, ef: EntryFacts, tally: Tally, decisionText: string) {
  ledger.db
    .update(agendaEntries)
    .set({ tally, outcome: tally.passed ? 'passed' : 'not_passed' })
    .where(eq(agendaEntries.id, ef.entry.id))
    .run();
  markInProgress(ledger, facts.meeting);
  if (!tally.passed) {
    moveItem(ledger, ef.item.id, 'not_passed', `${facts.title}未通过`);
    onItemDecided(ledger, ef.item.id);
    return null;
  }
  const number = nextDecisionNumber(ledger, facts.meeting.id);
  const { ruleVersion, threshold, major } = ef.item.routing;
  const decision = ledger.db
    .insert(decisions)
    .values({
      entryId: ef.entry.id,
      itemId: ef.item.id,
      number,
      text: decisionText,
      ruleSnapshot: { ruleVersion, threshold, major },
      createdAt: nowIso(ledger),
      operator: ledger.operator,
    })
    .returning()
    .get();
  moveItem(ledger, ef.item.id, 'passed', `${facts.title}通过，决定事项第${number}项`);
  // R18: a decided 修正 may close the loop of the decision it corrects.
  onItemDecided(ledger, ef.item.id);
  return { decisionId: decision.id, number };
}

/** The ballots (R7, R8): only present voting members not recused, each once. */
function checkBallots(ef: EntryFacts, list: { personId: number; choice: (typeof ballots.$inferInsert)['choice'] }[], names: Map<number, string>) {
  const voterIds = new Set(ef.voters.map((v) => v.personId));
  const seen = new Set<number>();
  list.forEach((b, i) => {
    const who = names.get(b.personId) ?? '所选人员';
    if (ef.recused.some((r) => r.personId === b.personId)) refuse('R8', `${who}已回避本议题，不能表决`, `ballots.${i}.personId`);
    if (!voterIds.has(b.personId)) {
      if (ef.attendeeIds.includes(b.personId)) refuse('R7', `${who}为列席人员，可以发言但不能表决`, `ballots.${i}.personId`);
      refuse('R7', `${who}在本议题表决时不在场或没有表决权，不能表决`, `ballots.${i}.personId`);
    }
    if (seen.has(b.personId)) conflict(`${who}的表决意见重复登记。`, `ballots.${i}.personId`);
    seen.add(b.personId);
  });
}

export function vote(ledger: Ledger, input: In<'entries.vote'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  requireDecideEntry(ef);
  assertInSession(facts);
  if (facts.body.kind === 'principal_office' && facts.settings.principalOfficeMode === 'principal_decides') {
    refuse('R12', '本校校长办公会议由校长在听取与会人员意见后决定，请使用「校长决定」，不进行表决', 'method');
  }
  requireQuorum(ef);
  requireStatements(ef);

  const names = new Map([...facts.members.map((m) => [m.personId, m.name] as const), ...facts.attendance.map((a) => [a.personId, a.name] as const)]);
  let counts: Counts;
  if (input.method === '无记名投票') {
    // R10: a secret ballot keeps counts only, never who voted how.
    if (input.ballots?.length) refuse('R10', '无记名投票只登记票数，不能登记每人的表决意见', 'ballots');
    if (!input.counts) refuse('R10', '请填写无记名投票的同意、反对、弃权票数', 'counts');
    counts = input.counts;
  } else if (input.ballots?.length) {
    checkBallots(ef, input.ballots, names);
    const missing = missingBallots(input.method, ef.voters, input.ballots.map((b) => b.personId));
    if (missing.length) {
      refuse('R10', `记名投票须由每位在场有表决权的成员投票：${missing.map((m) => m.name).join('、')}尚未投票`, 'ballots');
    }
    counts = countsFromBallots(input.ballots);
    if (input.counts && !sameCounts(input.counts, counts)) {
      refuse('R10', `填写的票数与逐人表决意见不一致（逐人合计：同意${counts.for}、反对${counts.against}、弃权${counts.abstain}）`, 'counts');
    }
  } else {
    if (input.method === '记名投票') refuse('R10', '记名投票须逐人登记表决意见', 'ballots');
    if (!input.counts) refuse('R10', `请填写${input.method}表决的同意、反对、弃权票数`, 'counts');
    counts = input.counts;
  }
  const problem = countsProblem(counts, ef.quorum.present);
  if (problem) refuse('R10', problem, 'counts');

  const firstVote = !entriesOfMeeting(ledger, facts.meeting.id).some((e) => e.voteMethod != null);
  const tally = tallyVote(ef.quorum, counts);
  ledger.db
    .update(agendaEntries)
    .set({ voteMethod: input.method, votesFor: counts.for, votesAgainst: counts.against, votesAbstain: counts.abstain })
    .where(eq(agendaEntries.id, ef.entry.id))
    .run();
  if (input.method !== '无记名投票') {
    for (const b of input.ballots ?? []) ledger.db.insert(ballots).values({ entryId: ef.entry.id, personId: b.personId, choice: b.choice }).run();
  }
  const decision = settle(ledger, facts, ef, tally, input.decisionText);
  // R15 (warn): a 党组织会议 that votes without a recorded 第一议题.
  const warnings: RuleWarning[] = firstVote ? firstTopicWarnings(ledger, facts.meeting.id) : [];
  return { entryId: ef.entry.id, counts, tally, passed: tally.passed, decision, warnings };
}

/** R12: the 校长 decides after hearing everyone present (校长办公会, setting principal_decides). */
export function principalDecide(ledger: Ledger, input: In<'entries.principalDecide'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  requireDecideEntry(ef);
  if (facts.body.kind !== 'principal_office') {
    refuse('R12', `${facts.body.name}实行集体表决，不能由校长一人决定`, 'entryId');
  }
  if (facts.settings.principalOfficeMode !== 'principal_decides') {
    refuse('R12', '本校校长办公会议实行表决制，请进行表决', 'entryId');
  }
  assertInSession(facts);
  requireQuorum(ef);
  const principals = holdersOf(ledger, facts.body.orgId, leadingPost(facts.body.kind), facts.date);
  const principal = ef.voters.find((v) => principals.includes(v.personId));
  if (!principal) refuse('R12', '校长不在场（或已回避），不能由校长决定；请暂缓或改期', 'entryId');
  requireStatements(ef, principal.personId);
  const tally = principalTally(ef.quorum, input.approve);
  ledger.db.update(agendaEntries).set({ voteMethod: '校长决定' }).where(eq(agendaEntries.id, ef.entry.id)).run();
  const decision = settle(ledger, facts, ef, tally, input.decisionText);
  return { entryId: ef.entry.id, tally, passed: tally.passed, decision, decidedBy: principal.name };
}
