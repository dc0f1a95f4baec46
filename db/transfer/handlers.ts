import type { HandlersFor } from '../channel';
import type { transferContract } from './contract';
import { splitLedger, splitPreview } from './split';

export const transferHandlers = {
  'orgs.splitPreview': (ledger, { orgId }) => splitPreview(ledger, orgId),
  'orgs.split': (ledger, { orgId, file }) => splitLedger(ledger, orgId, file),
} satisfies HandlersFor<typeof transferContract>;
