import type { HandlersFor } from '../channel';
import { assignToCampuses, createCampus, escalateItem, limitOperator, useOrganization } from './commands';
import type { groupContract } from './contract';
import { groupOverview, handedFollowUp, listOrganizations } from './read';

export const groupHandlers = {
  'orgs.list': (ledger) => listOrganizations(ledger),
  'orgs.use': useOrganization,
  'orgs.createCampus': createCampus,
  'operators.limit': limitOperator,
  'group.escalate': escalateItem,
  'group.assign': assignToCampuses,
  'group.handed': handedFollowUp,
  'group.overview': groupOverview,
} satisfies HandlersFor<typeof groupContract>;
