import type { HandlersFor } from '../channel';
import type { loopContract } from './contract';
import { loopStatus } from './status';

export const loopHandlers = {
  'loop.status': (ledger, { orgId }) => loopStatus(ledger, orgId),
} satisfies HandlersFor<typeof loopContract>;
