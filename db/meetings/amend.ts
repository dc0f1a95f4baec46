// Putting the meeting's record right while the meeting is open (before 结束会议): a statement's
// stance or note, the latest statement taken back (R9 order kept), a recusal taken back (R8),
// and a vote result undone together with what it created — the 决定事项, the ballots and the
// item's move (R10, R13). The rules (R6–R10) run again when the entry is voted again. Every
// correction keeps before → after (amendments); a closed or signed meeting refuses them all.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { keepAmendment } from '../amendments';
import { conflict, notFound } from '../errors';
import { undoItemMove } from '../items/lifecycle';
import type { Ledger } from '../ledger';
import { getPerson } from '../organization/queries';
import { undoVoteRefusal } from '../rules/amend';
import { recusalRemovalRefusal, statementRemovalRefusal } from '../rules/statements';
import { agendaEntries, ballots, decisions, recusals, ruleWarnings, statements } from '../schema';
import type { meetingContract } from './contract';
import { assertPending, ballotsOf, decisionOfEntry, entryForWrite, undoVoteFacts } from './queries';

type In<K extends keyof typeof meetingContract> = z.output<(typeof meetingContract)[K]['input']>;

/** Correct the stance or the note of a recorded statement (the order stays as spoken). */
export function amendStatement(ledger: Ledger, input: In<'entries.amendStatement'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  const person = getPerson(ledger, input.personId, 'personId');
  const before = ef.statements.find((s) => s.personId === person.id);
  if (!before) notFound(`${person.name}对本议题的表态`, input.personId, 'personId');
  const after = { stance: input.stance, note: input.note ?? before.note };
  if (after.stance === before.stance && after.note === before.note) return { entryId: ef.entry.id, changed: false };
  ledger.db
    .update(statements)
    .set(after)
    .where(and(eq(statements.entryId, ef.entry.id), eq(statements.personId, person.id)))
    .run();
  keepAmendment(ledger, {
    orgId: facts.body.orgId,
    subjectType: 'entry',
    subjectId: ef.entry.id,
    action: 'statement',
    before: { name: person.name, stance: before.stance, note: before.note },
    after: { name: person.name, ...after },
    reason: input.reason || null,
  });
  return { entryId: ef.entry.id, changed: true };
}

/** Take back the latest statement of an undecided entry (recorded for the wrong person, or too early). */
export function removeStatement(ledger: Ledger, input: In<'entries.removeStatement'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  const person = getPerson(ledger, input.personId, 'personId');
  const refusal = statementRemovalRefusal(ef.statements.map((s) => s.personId), person.id);
  if (refusal) conflict(`${person.name}：${refusal}。`, 'personId');
  const before = ef.statements.find((s) => s.personId === person.id)!;
  ledger.db.delete(statements).where(and(eq(statements.entryId, ef.entry.id), eq(statements.personId, person.id))).run();
  // The host's early statement (R9 override) goes with its reason.
  if (person.id === facts.meeting.hostId && ef.entry.hostOrderOverride) {
    ledger.db.update(agendaEntries).set({ hostOrderOverride: null }).where(eq(agendaEntries.id, ef.entry.id)).run();
  }
  keepAmendment(ledger, {
    orgId: facts.body.orgId,
    subjectType: 'entry',
    subjectId: ef.entry.id,
    action: 'removeStatement',
    before: { name: person.name, stance: before.stance, note: before.note, hostOrderOverride: person.id === facts.meeting.hostId ? ef.entry.hostOrderOverride : null },
    reason: input.reason || null,
  });
  return { entryId: ef.entry.id };
}

/** Take back a recusal entered by mistake, while the member can still state before the host (R8, R9). */
export function removeRecusal(ledger: Ledger, input: In<'entries.removeRecusal'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  assertPending(ef.entry, ef.item.title);
  const person = getPerson(ledger, input.personId, 'personId');
  const recusal = ef.recused.find((r) => r.personId === person.id);
  const refusal = recusalRemovalRefusal(recusal !== undefined, ef.statements.some((s) => s.personId === facts.meeting.hostId));
  if (refusal) conflict(`${person.name}：${refusal}。`, 'personId');
  ledger.db.delete(recusals).where(and(eq(recusals.entryId, ef.entry.id), eq(recusals.personId, person.id))).run();
  keepAmendment(ledger, {
    orgId: facts.body.orgId,
    subjectType: 'entry',
    subjectId: ef.entry.id,
    action: 'removeRecusal',
    before: { name: person.name, reason: recusal!.reason },
    reason: input.reason || null,
  });
  return { entryId: ef.entry.id };
}

/**
 * Undo the latest vote result of the open meeting (a wrong count, a wrong method): the decision
 * and the ballots go, the entry is open again and the item goes back where the vote found it.
 * Refused once execution began (R17), a 复议 was put (R11), or a later decision was numbered.
 */
export function undoVote(ledger: Ledger, input: In<'entries.undoVote'>) {
  const { facts, ...ef } = entryForWrite(ledger, input.entryId);
  const decision = decisionOfEntry(ledger, ef.entry.id);
  const refusal = undoVoteRefusal(undoVoteFacts(ledger, facts.meeting.id, ef.entry, ef.item));
  if (refusal) conflict(`议题「${ef.item.title}」：${refusal}。`, 'entryId');
  const before = {
    method: ef.entry.voteMethod,
    for: ef.entry.votesFor,
    against: ef.entry.votesAgainst,
    abstain: ef.entry.votesAbstain,
    outcome: ef.entry.outcome,
    tally: ef.entry.tally,
    ballots: ballotsOf(ledger, ef.entry.id).map((b) => ({ name: b.name, choice: b.choice })),
    decision: decision ? { number: decision.number, text: decision.text } : null,
  };
  ledger.db.delete(ballots).where(eq(ballots.entryId, ef.entry.id)).run();
  if (decision) {
    ledger.db.delete(ruleWarnings).where(and(eq(ruleWarnings.subjectType, 'decision'), eq(ruleWarnings.subjectId, decision.id))).run();
    ledger.db.delete(decisions).where(eq(decisions.id, decision.id)).run();
  }
  ledger.db
    .update(agendaEntries)
    .set({ outcome: 'pending', voteMethod: null, votesFor: null, votesAgainst: null, votesAbstain: null, tally: null })
    .where(eq(agendaEntries.id, ef.entry.id))
    .run();
  undoItemMove(ledger, ef.item.id, `${facts.title}撤销表决结果：${input.reason}`);
  keepAmendment(ledger, {
    orgId: facts.body.orgId,
    subjectType: 'entry',
    subjectId: ef.entry.id,
    action: 'undoVote',
    before,
    after: { outcome: 'pending' },
    reason: input.reason,
  });
  return { entryId: ef.entry.id };
}
