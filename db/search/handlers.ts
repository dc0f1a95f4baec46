import type { HandlersFor } from '../channel';
import type { searchContract } from './contract';
import { searchEverywhere } from './everywhere';
import { getOrganization } from '../organization/queries';

export const searchHandlers = {
  'search.everywhere': (ledger, { orgId, query, perKind }) => {
    getOrganization(ledger, orgId);
    return searchEverywhere(ledger, orgId, query, perKind);
  },
} satisfies HandlersFor<typeof searchContract>;
