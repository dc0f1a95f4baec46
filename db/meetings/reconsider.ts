// R11 复议: reconsidering a settled entry at a later sitting of the same body. The motion and
// its count are kept either way; agreed means more than half of the members due (应到) agree.
import type { z } from 'zod';
import { conflict, refuse } from '../errors';
import { nowIso, type Ledger } from '../ledger';
import { moveItem } from '../items/lifecycle';
import { getItem } from '../items/queries';
import { getMatter } from '../organization/queries';
import { canMove } from '../rules/lifecycle';
import { quorumFor } from '../rules/quorum';
import { reconsiderationAgreed, votesNeeded } from '../rules/tally';
import { suspendDecision } from '../followups/stage';
import { reconsiderations } from '../schema';
import { keepWarnings, type RuleWarning } from '../warnings';
import type { meetingContract } from './contract';
import { assertInSession, decisionOfEntry, entriesOfMeeting, getEntry, getMeeting, meetingFacts, meetingForWrite } from './queries';

type Input = z.output<(typeof meetingContract)['entries.reconsider']['input']>;

export function reconsider(ledger: Ledger, input: Input) {
  const original = getEntry(ledger, input.entryId);
  const item = getItem(ledger, original.itemId);
  if (original.outcome !== 'passed' && original.outcome !== 'not_passed') {
    conflict(`议题「${item.title}」尚未表决，不存在可复议的结果。`, 'entryId');
  }
  const meeting = meetingForWrite(ledger, input.meetingId);
  if (getMeeting(ledger, original.meetingId).bodyId !== meeting.bodyId) {
    refuse('R11', '复议应由原作出决定的议事机构提出', 'meetingId');
  }
  const facts = meetingFacts(ledger, meeting);
  assertInSession(facts);
  // The motion is put at the point the meeting has reached: its latest agenda position.
  const position = Math.max(1, ...entriesOfMeeting(ledger, meeting.id).map((e) => e.position));
  const q = quorumFor({ members: facts.members, attendance: facts.attendance, position, recused: [], twoThirds: false, settings: facts.settings });
  if (!q.quorumOk) refuse('R6', `到会人数不足，不能议决复议：应到${q.due}人，实到${q.present}人`, 'meetingId');
  if (input.agree > q.present) {
    refuse('R11', `同意复议${input.agree}人，多于实到有表决权的${q.present}人，请核对`, 'agree');
  }
  const cadre = getMatter(ledger, item.matterId).cadre;
  const agreed = reconsiderationAgreed(input.agree, q.due);
  const rule = cadre ? 'R11 干部事项复议须超过应到会成员半数同意' : 'R10 复议须超过应到会成员半数同意';
  const row = ledger.db
    .insert(reconsiderations)
    .values({
      entryId: original.id,
      meetingId: meeting.id,
      reason: input.reason,
      agree: input.agree,
      due: q.due,
      present: q.present,
      agreed,
      rule,
      at: nowIso(ledger),
      operator: ledger.operator,
    })
    .returning()
    .get();
  const warnings: RuleWarning[] = [];
  let reopened = false;
  if (agreed) {
    if (canMove(item.state, 'consultation')) {
      // A passed decision is suspended, not erased: it stays on the record (and in signed
      // minutes, R16) marked 已复议, and takes no follow-ups (R17) until the item is decided again.
      const decision = decisionOfEntry(ledger, original.id);
      if (decision) suspendDecision(ledger, decision.id);
      moveItem(ledger, item.id, 'consultation', `${facts.title}同意复议：${input.reason}`);
      reopened = true;
    } else {
      // Follow-ups have begun: the decision is in execution, so a change goes through a 修正 (R18).
      warnings.push({ rule: 'R11', message: `已同意复议议题「${item.title}」，但该议题已进入执行阶段，请通过修正议题重新提交` });
      keepWarnings(ledger, facts.body.orgId, 'entry', original.id, warnings);
    }
  }
  return { reconsiderationId: row.id, agreed, due: q.due, present: q.present, needed: votesNeeded(q.due), rule, reopened, itemState: getItem(ledger, item.id).state, warnings };
}

