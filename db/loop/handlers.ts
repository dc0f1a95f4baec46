import type { HandlersFor } from '../channel';
import type { loopContract } from './contract';
import { decisionLedger } from './ledger';
import { dashboardStats } from './stats';
import { loopStatus } from './status';

export const loopHandlers = {
  'loop.status': (ledger, { orgId }) => loopStatus(ledger, orgId),
  'stats.dashboard': (ledger, { orgId, year }) => dashboardStats(ledger, orgId, year),
  'loop.ledger': (ledger, input) => decisionLedger(ledger, input),
} satisfies HandlersFor<typeof loopContract>;
