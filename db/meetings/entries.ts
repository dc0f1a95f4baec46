// What happens to an agenda entry in the meeting before (or instead of) a vote: recusal (R8),
// 发言表态 (R7–R9), written opinions (R7), 暂缓表决 (R11), 前置研究 (R1), hearing a report (R14, R17).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, refuse } from '../errors';
import { nowIso, type Ledger } from '../ledger';
import { moveItem, raiseReconsultFloor } from '../items/lifecycle';
import { getPerson } from '../organization/queries';
import { quorumLine } from '../rules/tally';
import { speakingOrder, statementRefusal } from '../rules/statements';
import { agendaEntries, ballots, recusals, statements, writtenOpinions } from '../schema';
import type { meetingContract } from './contract';
import { assertInSession, assertPending, entryForWrite, type EntryFacts } from './queries';
import { markInProgress } from './sitting';

type In<K extends keyof typeof meetingContract> = z.output<(typeof meetingContract)[K]['input']>;

function requirePurpose(ef: EntryFacts, purposes: string[], what: string): void {
  if (!purposes.includes(ef.entry.purpose)) {
    const label = { decide: '决定', study: '前置研究', report: '通报' }[ef.entry.purpose] ?? ef.entry.purpose;
    conflict(`议题「${ef.item.title}」在本次会议上是${label}事项，不能${what}。`, 'entryId');
  }
}

/** R6: refuse when too few are present for this entry. */
export function requireQuorum(ef: EntryFacts): void {
  if (!ef.quorum.quorumOk) {
    refuse('R6', `第${ef.entry.position}项「${ef.item.title}」到会人数不足：${quorumLine(ef.quorum)}`, 'entryId');
  }
}

/** R8: a member steps out of one item. */
export function recuse(ledger: Ledger, input: In<'entries.recuse'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  const person = getPerson(ledger, input.personId, 'personId');
  if (!facts.members.some((m) => m.personId === person.id && m.voting)) {
    conflict(`${person.name}不是${facts.body.name}有表决权的成员，不需要回避登记。`, 'personId');
  }
  if (ef.recused.some((r) => r.personId === person.id)) conflict(`${person.name}已登记回避本议题。`, 'personId');
  const spoke = ef.statements.some((s) => s.personId === person.id);
  const voted = ledger.db.select({ id: ballots.id }).from(ballots).where(and(eq(ballots.entryId, ef.entry.id), eq(ballots.personId, person.id))).get();
  if (spoke || voted) refuse('R8', `${person.name}已对本议题表态，回避应在讨论前提出`, 'personId');
  ledger.db.insert(recusals).values({ entryId: ef.entry.id, personId: person.id, reason: input.reason }).run();
  return { entryId: ef.entry.id, personId: person.id };
}

/** 发言表态 (R7, R8, R9). */
export function statement(ledger: Ledger, input: In<'entries.statement'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  requirePurpose(ef, ['decide', 'study'], '表态');
  assertInSession(facts);
  const person = getPerson(ledger, input.personId, 'personId');
  const statedIds = ef.statements.map((s) => s.personId);
  const refusal = statementRefusal({
    personId: person.id,
    hostId: facts.meeting.hostId,
    voters: ef.voters,
    recusedIds: ef.recused.map((r) => r.personId),
    attendeeIds: ef.attendeeIds,
    statedIds,
    hostOrderOverride: input.hostOrderOverride,
  });
  if (refusal) refuse(refusal.rule, `${person.name}：${refusal.message}`, 'personId');

  const order = speakingOrder(ef.voters, facts.meeting.hostId, statedIds);
  if (person.id === facts.meeting.hostId && order.hostMustWait && input.hostOrderOverride) {
    // R9: the override and its reason stay on the record.
    ledger.db.update(agendaEntries).set({ hostOrderOverride: input.hostOrderOverride }).where(eq(agendaEntries.id, ef.entry.id)).run();
  }
  const seq = ef.statements.length + 1;
  ledger.db
    .insert(statements)
    .values({
      entryId: ef.entry.id,
      personId: person.id,
      seq,
      stance: input.stance,
      note: input.note,
      recordedAt: nowIso(ledger),
      operator: ledger.operator,
    })
    .run();
  markInProgress(ledger, facts.meeting);
  if (seq === 1 && ef.entry.purpose === 'decide') moveItem(ledger, ef.item.id, 'discussed', '会议讨论');
  const after = speakingOrder(ef.voters, facts.meeting.hostId, [...statedIds, person.id]);
  return { entryId: ef.entry.id, seq, waitingFor: after.waitingFor.map((w) => w.name) };
}

/** R7: an absent member's written opinion: kept on the record, never counted. */
export function writtenOpinion(ledger: Ledger, input: In<'entries.writtenOpinion'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  const person = getPerson(ledger, input.personId, 'personId');
  if (!facts.members.some((m) => m.personId === person.id && m.voting)) {
    refuse('R7', `${person.name}不是${facts.body.name}有表决权的成员，书面意见只收成员的`, 'personId');
  }
  if (ef.recused.some((r) => r.personId === person.id)) refuse('R8', `${person.name}已回避本议题，不提出意见`, 'personId');
  if (ef.voters.some((v) => v.personId === person.id)) {
    refuse('R7', `${person.name}在场，请当场发言表态；书面意见只适用于缺席成员`, 'personId');
  }
  const existing = ledger.db
    .select({ id: writtenOpinions.id })
    .from(writtenOpinions)
    .where(and(eq(writtenOpinions.entryId, ef.entry.id), eq(writtenOpinions.personId, person.id)))
    .get();
  if (existing) conflict(`${person.name}对本议题的书面意见已经登记。`, 'personId');
  ledger.db.insert(writtenOpinions).values({ entryId: ef.entry.id, personId: person.id, text: input.text }).run();
  return { entryId: ef.entry.id, personId: person.id, counted: false };
}

/** R11: 暂缓表决 with a reason; the item goes back to consultation. */
export function postpone(ledger: Ledger, input: In<'entries.postpone'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  requirePurpose(ef, ['decide'], '暂缓表决');
  assertInSession(facts);
  ledger.db.update(agendaEntries).set({ outcome: 'postponed', postponeReason: input.reason }).where(eq(agendaEntries.id, ef.entry.id)).run();
  markInProgress(ledger, facts.meeting);
  moveItem(ledger, ef.item.id, 'vote_postponed', `${facts.title}暂缓表决：${input.reason}`);
  moveItem(ledger, ef.item.id, 'consultation', '暂缓表决，重新会前沟通');
  // R11: only a consultation recorded from now on, dated on or after this meeting, reopens scheduling.
  raiseReconsultFloor(ledger, ef.item.id, facts.date);
  return { entryId: ef.entry.id, itemState: 'consultation' as const };
}

/** R1 前置研究: the 校长办公会 records its 研究意见; the item waits for the 党组织会议. */
export function study(ledger: Ledger, input: In<'entries.study'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  requirePurpose(ef, ['study'], '记录研究意见');
  assertInSession(facts);
  requireQuorum(ef);
  ledger.db.update(agendaEntries).set({ outcome: 'studied', proposal: input.proposal }).where(eq(agendaEntries.id, ef.entry.id)).run();
  markInProgress(ledger, facts.meeting);
  moveItem(ledger, ef.item.id, 'ready', `${facts.title}前置研究，形成研究意见，待提交党组织会议`);
  return { entryId: ef.entry.id, itemState: 'ready' as const };
}

/** Hearing a report (临时处置通报 R14, 执行情况汇报 R17): noted, not voted. */
export function noteReport(ledger: Ledger, input: In<'entries.note'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  requirePurpose(ef, ['report'], '听取通报');
  assertInSession(facts);
  ledger.db
    .update(agendaEntries)
    .set({ outcome: 'noted', proposal: input.note ? input.note : null })
    .where(eq(agendaEntries.id, ef.entry.id))
    .run();
  markInProgress(ledger, facts.meeting);
  // 已听取 is the report's end: it is not 已列入议程 any more and never becomes a decision.
  moveItem(ledger, ef.item.id, 'noted', `${facts.title}听取通报`);
  return { entryId: ef.entry.id };
}
