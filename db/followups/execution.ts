// R17: the 校长 reports the execution of a 党组织会议 decision back to the 党组织会议. The report
// is an item of kind 'execution_report' linked to the decision, filed through the items domain
// and put straight into 待上会: it is heard, not decided, so no 会前沟通 is needed (R4 gate skips reports).
import { conflict, refuse } from '../errors';
import { createItem } from '../items/create';
import { moveItem } from '../items/lifecycle';
import { today, type Ledger } from '../ledger';
import { getPerson, holdersOf } from '../organization/queries';
import { decisionContext } from './queries';

export function reportExecution(ledger: Ledger, input: { decisionId: number; proposerId: number; summary: string }) {
  const ctx = decisionContext(ledger, input.decisionId);
  const reporter = getPerson(ledger, input.proposerId, 'proposerId');
  if (!holdersOf(ledger, ctx.orgId, '校长', today(ledger)).includes(reporter.id)) {
    refuse('R17', `决定事项的执行情况由校长向党组织会议报告，${reporter.name}不是校长`, 'proposerId');
  }
  if (ctx.bodyKind !== 'party_committee') {
    conflict(`该决定由${ctx.bodyName}作出，执行情况报告只针对党组织会议的决定事项。`, 'decisionId');
  }
  const item = createItem(ledger, {
    orgId: ctx.orgId,
    title: executionReportTitle(ctx.item.title),
    summary: input.summary,
    matterId: ctx.item.matterId,
    proposerId: reporter.id,
    leaderId: ctx.item.leaderId ?? undefined,
    important: false,
    kind: 'execution_report',
    decisionId: ctx.decision.id,
  });
  moveItem(ledger, item.id, 'ready', '校长执行情况报告，待提交党组织会议');
  return { ...item, state: 'ready' as const };
}

/** 关于“…”执行情况的报告, kept within the 100-character title limit. */
export function executionReportTitle(original: string): string {
  const room = 100 - '关于“”执行情况的报告'.length;
  const core = original.length > room ? `${original.slice(0, room - 1)}…` : original;
  return `关于“${core}”执行情况的报告`;
}
