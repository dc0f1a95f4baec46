import type { HandlersFor } from '../channel';
import { today } from '../ledger';
import { completeFollowUp, createFollowUp, extendFollowUp, reassignFollowUp, reportFollowUp, waiveFollowUp } from './commands';
import type { followUpContract } from './contract';
import { recordEvaluation } from './evaluation';
import { reportExecution } from './execution';
import { listDecisions, listFollowUps } from './queries';
import { decisionDetail } from './read';

export const followUpHandlers = {
  'decisions.list': (ledger, { orgId, year }) => listDecisions(ledger, orgId, year),
  'decisions.get': (ledger, { decisionId }) => decisionDetail(ledger, decisionId),
  'followups.create': createFollowUp,
  'followups.waive': waiveFollowUp,
  'followups.report': reportFollowUp,
  'followups.complete': completeFollowUp,
  'followups.extend': extendFollowUp,
  'followups.reassign': reassignFollowUp,
  'followups.list': (ledger, { orgId, state, limit }) => listFollowUps(ledger, orgId, today(ledger), state, limit),
  'evaluations.record': recordEvaluation,
  'decisions.reportExecution': reportExecution,
} satisfies HandlersFor<typeof followUpContract>;
