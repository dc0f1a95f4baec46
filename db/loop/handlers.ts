import type { HandlersFor } from '../channel';
import type { loopContract } from './contract';
import { decisionRegister } from './register';
import { dashboardStats } from './stats';
import { loopStatus } from './status';

export const loopHandlers = {
  'loop.status': (ledger, { orgId }) => loopStatus(ledger, orgId),
  'stats.dashboard': (ledger, { orgId, year }) => dashboardStats(ledger, orgId, year),
  'loop.register': (ledger, input) => decisionRegister(ledger, input),
} satisfies HandlersFor<typeof loopContract>;
