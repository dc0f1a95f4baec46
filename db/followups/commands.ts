// R17 督办: follow-ups of a decision (or an explicit 无需督办), progress and supervision
// reports, and 办结. Each command refuses by throwing; dispatch rolls back.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { keepAmendment } from '../amendments';
import { conflict, invalid } from '../errors';
import { today, nowIso, type Ledger, type ReadLedger } from '../ledger';
import { getPerson, servesOrg } from '../organization/queries';
import { decisions, followUps, progressReports } from '../schema';
import { keepWarnings, type RuleWarning } from '../warnings';
import type { CreateFollowUp } from './contract';
import { extensionRefusal } from '../rules/amend';
import { farAheadNotice } from '../rules/dates';
import { RECONSIDERED } from '../rules/followup';
import { decisionContext, getFollowUp, type DecisionContext } from './queries';
import { syncDecisionLoop } from './stage';

/** R11: a decision under 复议 is suspended until the item is decided again. */
function assertNotReconsidered(ctx: DecisionContext): void {
  if (ctx.decision.loopState === RECONSIDERED) {
    conflict('该决定事项已同意复议，议题已退回会前沟通，请待重新作出决定后再安排督办。', 'decisionId');
  }
}

/** A follow-up can only be added while the decision's loop is open and not waived. */
function assertAcceptsFollowUp(ctx: DecisionContext): void {
  assertNotReconsidered(ctx);
  if (ctx.decision.loopState === 'closed') conflict('该决定事项已闭环，不能再新增督办事项。如需继续跟进，请通过修正议题重新决策。');
  if (ctx.decision.noFollowUpReason) conflict(`该决定事项已注明“无需督办”（${ctx.decision.noFollowUpReason}），不能再新增督办事项。`);
}

/** A person named on a follow-up must belong to the decision's school. */
function personOfSchool(ledger: ReadLedger, personId: number, orgId: number, field: string) {
  const p = getPerson(ledger, personId, field);
  if (!servesOrg(ledger, p, orgId)) conflict('所选人员不属于本校，请重新选择。', field);
  return p;
}

export function createFollowUp(ledger: Ledger, input: z.output<typeof CreateFollowUp>) {
  const ctx = decisionContext(ledger, input.decisionId);
  assertAcceptsFollowUp(ctx);
  if (input.ownerId) personOfSchool(ledger, input.ownerId, ctx.orgId, 'ownerId');
  // The item's 分管领导 leads its follow-up unless another is named.
  const leaderId = input.leaderId ?? ctx.item.leaderId ?? null;
  if (input.leaderId) personOfSchool(ledger, input.leaderId, ctx.orgId, 'leaderId');
  if (input.deadline < ctx.decidedOn) {
    conflict(`完成时限不能早于作出决定的日期（${ctx.decidedOn}），请重新选择。`, 'deadline');
  }
  const row = ledger.db
    .insert(followUps)
    .values({
      decisionId: input.decisionId,
      task: input.task,
      ownerDept: input.ownerDept,
      ownerId: input.ownerId ?? null,
      leaderId,
      deadline: input.deadline,
      createdAt: nowIso(ledger),
    })
    .returning()
    .get();
  // R17 asks for owner, 分管领导 and deadline: a missing name goes through but is kept as a warning.
  const warnings: RuleWarning[] = [];
  if (!row.ownerId) warnings.push({ rule: 'R17', message: `督办事项「${row.task}」未指定责任人` });
  if (!row.leaderId) warnings.push({ rule: 'R17', message: `督办事项「${row.task}」未指定分管领导` });
  keepWarnings(ledger, ctx.orgId, 'follow_up', row.id, warnings);
  syncDecisionLoop(ledger, input.decisionId);
  const far = farAheadNotice('完成时限', input.deadline, today(ledger));
  return { followUp: row, warnings, notices: far ? [far] : [] };
}

/** 延期: the deadline moves later with the reason and who approved it; the old one stays in the history. */
export function extendFollowUp(ledger: Ledger, input: { followUpId: number; deadline: string; reason: string; approvedById: number }) {
  const fu = getFollowUp(ledger, input.followUpId);
  const ctx = decisionContext(ledger, fu.decisionId);
  const refusal = extensionRefusal({ state: fu.state, deadline: fu.deadline, next: input.deadline });
  if (refusal) invalid(refusal, fu.state === 'done' ? 'followUpId' : 'deadline');
  const approver = personOfSchool(ledger, input.approvedById, ctx.orgId, 'approvedById');
  ledger.db.update(followUps).set({ deadline: input.deadline }).where(eq(followUps.id, fu.id)).run();
  keepAmendment(ledger, {
    orgId: ctx.orgId,
    subjectType: 'follow_up',
    subjectId: fu.id,
    action: 'extend',
    before: { deadline: fu.deadline },
    after: { deadline: input.deadline },
    reason: input.reason,
    approvedBy: approver.id,
  });
  const far = farAheadNotice('新的完成时限', input.deadline, today(ledger));
  return { followUpId: fu.id, deadline: input.deadline, approvedBy: approver.name, notices: far ? [far] : [] };
}

/** 调整承办: another department or person takes the task over; who had it stays in the history. */
export function reassignFollowUp(ledger: Ledger, input: { followUpId: number; ownerDept: string; ownerId: number | null; reason: string }) {
  const fu = getFollowUp(ledger, input.followUpId);
  const ctx = decisionContext(ledger, fu.decisionId);
  if (fu.state === 'done') conflict('该督办事项已经办结，不能再调整承办。', 'followUpId');
  const owner = input.ownerId == null ? null : personOfSchool(ledger, input.ownerId, ctx.orgId, 'ownerId');
  if (input.ownerDept === fu.ownerDept && (owner?.id ?? null) === fu.ownerId) {
    conflict('承办部门和责任人与原来相同，无需调整。', 'ownerDept');
  }
  ledger.db.update(followUps).set({ ownerDept: input.ownerDept, ownerId: owner?.id ?? null }).where(eq(followUps.id, fu.id)).run();
  const was = fu.ownerId == null ? null : getPerson(ledger, fu.ownerId).name;
  keepAmendment(ledger, {
    orgId: ctx.orgId,
    subjectType: 'follow_up',
    subjectId: fu.id,
    action: 'reassign',
    before: { ownerDept: fu.ownerDept, owner: was },
    after: { ownerDept: input.ownerDept, owner: owner?.name ?? null },
    reason: input.reason,
  });
  return { followUpId: fu.id };
}

/** R17: the explicit 无需督办, with its reason, closes a decision that needs no follow-up work. */
export function waiveFollowUp(ledger: Ledger, input: { decisionId: number; reason: string }) {
  const ctx = decisionContext(ledger, input.decisionId);
  assertNotReconsidered(ctx);
  if (ctx.decision.noFollowUpReason) conflict('该决定事项已注明“无需督办”。');
  const existing = ledger.db.select({ id: followUps.id }).from(followUps).where(eq(followUps.decisionId, input.decisionId)).all();
  if (existing.length > 0) {
    conflict(`该决定事项已有${existing.length}项督办事项，不能再注明“无需督办”。`);
  }
  ledger.db.update(decisions).set({ noFollowUpReason: input.reason }).where(eq(decisions.id, input.decisionId)).run();
  syncDecisionLoop(ledger, input.decisionId);
  return { decisionId: input.decisionId, noFollowUpReason: input.reason };
}

const REPORT_KIND_LABEL = { progress: '进展情况', supervision: '督办记录' } as const;

export function reportFollowUp(ledger: Ledger, input: { followUpId: number; kind: 'progress' | 'supervision'; text: string }) {
  const fu = getFollowUp(ledger, input.followUpId);
  if (fu.state === 'done') conflict(`该督办事项已办结，不能再添加${REPORT_KIND_LABEL[input.kind]}。`);
  return ledger.db
    .insert(progressReports)
    .values({ followUpId: fu.id, kind: input.kind, text: input.text, at: nowIso(ledger), operator: ledger.operator })
    .returning()
    .get();
}

/** 办结: the follow-up is done and waits for its evaluation (R18). */
export function completeFollowUp(ledger: Ledger, input: { followUpId: number; note: string }) {
  const fu = getFollowUp(ledger, input.followUpId);
  if (fu.state === 'done') conflict('该督办事项已经办结，无需重复办结。');
  return ledger.db
    .update(followUps)
    .set({ state: 'done', completedAt: today(ledger), completionNote: input.note })
    .where(eq(followUps.id, fu.id))
    .returning()
    .get();
}
