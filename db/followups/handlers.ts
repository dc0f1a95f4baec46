import type { HandlersFor } from '../channel';
import { pending } from '../pending';
import type { followUpContract } from './contract';

export const followUpHandlers = {
  'decisions.list': pending('decisions.list'),
  'decisions.get': pending('decisions.get'),
  'followups.create': pending('followups.create'),
  'followups.waive': pending('followups.waive'),
  'followups.report': pending('followups.report'),
  'followups.complete': pending('followups.complete'),
  'followups.list': pending('followups.list'),
  'evaluations.record': pending('evaluations.record'),
  'decisions.reportExecution': pending('decisions.reportExecution'),
} satisfies HandlersFor<typeof followUpContract>;
