// R18 评价 and 修正: a completed FollowUp is evaluated; 一般/差 or a failed execution opens a
// Correction — a new AgendaItem (kind 'correction') on the same Matter, linked to the decision,
// filed through the items domain so it starts the loop again at step 1 (draft).
import { eq } from 'drizzle-orm';
import { conflict } from '../errors';
import { createItem } from '../items/create';
import { nowIso, today, type Ledger, type ReadLedger } from '../ledger';
import { getPerson, postsOn, servesOrg } from '../organization/queries';
import { mayPropose } from '../rules/leadership';
import { needsCorrection } from '../rules/followup';
import { evaluations } from '../schema';
import type { Rating } from '../terms';
import { keepWarnings, type RuleWarning } from '../warnings';
import { decisionContext, getFollowUp, type DecisionContext } from './queries';
import { syncDecisionLoop } from './stage';

export interface EvaluationInput {
  followUpId: number;
  rating: Rating;
  effect: string;
  evaluatorId: number;
  failed: boolean;
  correctionTitle: string;
}

export function recordEvaluation(ledger: Ledger, input: EvaluationInput) {
  const fu = getFollowUp(ledger, input.followUpId);
  if (fu.state !== 'done') conflict('该督办事项尚未办结，请先办结，再进行评价。', 'followUpId');
  const already = ledger.db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.followUpId, fu.id)).get();
  if (already) conflict('该督办事项已经评价，不能重复评价。', 'followUpId');
  const ctx = decisionContext(ledger, fu.decisionId);
  const evaluator = getPerson(ledger, input.evaluatorId, 'evaluatorId');
  if (!servesOrg(ledger, evaluator, ctx.orgId)) conflict('评价人不属于本校，请重新选择。', 'evaluatorId');

  const warnings: RuleWarning[] = [];
  let correction: ReturnType<typeof createItem> | null = null;
  if (needsCorrection(input.rating, input.failed)) {
    correction = createItem(ledger, {
      orgId: ctx.orgId,
      title: input.correctionTitle || correctionTitleFor(ctx.item.title),
      summary: `修正缘由：督办事项「${fu.task}」评价为“${input.rating}”${input.failed ? '，执行未达到目标' : ''}。评价意见：${input.effect}\n原决定：${ctx.decision.text}`,
      matterId: ctx.item.matterId,
      proposerId: correctionProposer(ledger, ctx, fu.leaderId, evaluator.id),
      leaderId: fu.leaderId ?? ctx.item.leaderId ?? undefined,
      important: ctx.item.important,
      kind: 'correction',
      decisionId: ctx.decision.id,
    });
    warnings.push({
      rule: 'R18',
      message: `督办事项「${fu.task}」评价为“${input.rating}”${input.failed ? '（执行未达到目标）' : ''}，已启动修正议题「${correction.title}」`,
    });
    keepWarnings(ledger, ctx.orgId, 'decision', ctx.decision.id, warnings);
  }
  const evaluation = ledger.db
    .insert(evaluations)
    .values({
      followUpId: fu.id,
      rating: input.rating,
      effect: input.effect,
      evaluatorId: evaluator.id,
      failed: input.failed,
      correctionItemId: correction?.id ?? null,
      at: nowIso(ledger),
    })
    .returning()
    .get();
  syncDecisionLoop(ledger, ctx.decision.id);
  return { evaluation, correction, warnings };
}

/** 关于修正“…”的议题, kept within the 100-character title limit. */
export function correctionTitleFor(original: string): string {
  const room = 100 - '关于修正“”的议题'.length;
  const core = original.length > room ? `${original.slice(0, room - 1)}…` : original;
  return `关于修正“${core}”的议题`;
}

/**
 * R3: items are proposed by leadership members. The follow-up's 分管领导 proposes the
 * correction; failing that the item's 分管领导, its proposer, then the evaluator.
 */
function correctionProposer(ledger: ReadLedger, ctx: DecisionContext, followUpLeader: number | null, evaluatorId: number): number {
  const held = postsOn(ledger, ctx.orgId, today(ledger));
  const candidates = [followUpLeader, ctx.item.leaderId, ctx.item.proposerId, evaluatorId].filter((x): x is number => x !== null);
  return candidates.find((id) => mayPropose(held.filter((p) => p.personId === id).map((p) => p.post))) ?? evaluatorId;
}
