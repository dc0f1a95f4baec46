// The organisation domain's handlers, by concern: school.ts (set-up, overview, name), people.ts,
// posts.ts, bodies.ts (bodies and memberships), matters.ts (议事清单), thresholds.ts (R2), settings.ts.
import type { HandlersFor } from '../channel';
import { addMembership, createBody, endMembership, listMemberships, renameBody, voidMembership } from './bodies';
import type { organizationContract } from './contract';
import { listMatters, saveMatter } from './matters';
import { documentNames } from './names';
import { addPerson, updatePerson } from './people';
import { assignPost, endPost, listPosts } from './posts';
import { getOrganizationOverview, setupOrganization, updateOrganization } from './school';
import { getSettings, setDocumentNames, setSettings } from './settings';
import { addThreshold, listThresholds } from './thresholds';

export const organizationHandlers = {
  'org.setup': setupOrganization,
  'org.get': (ledger) => getOrganizationOverview(ledger),
  'matters.list': (ledger, { orgId }) => listMatters(ledger, orgId),
  'org.update': updateOrganization,
  'persons.add': addPerson,
  'persons.update': updatePerson,
  'posts.list': listPosts,
  'posts.assign': assignPost,
  'posts.end': endPost,
  'memberships.list': listMemberships,
  'memberships.add': addMembership,
  'memberships.end': endMembership,
  'memberships.void': voidMembership,
  'bodies.create': createBody,
  'bodies.rename': renameBody,
  'matters.save': saveMatter,
  'thresholds.list': listThresholds,
  'thresholds.add': addThreshold,
  'org.documentNames': (ledger, { orgId }) => documentNames(ledger, orgId),
  'org.setDocumentNames': setDocumentNames,
  'settings.get': (ledger, { orgId }) => getSettings(ledger, orgId),
  'settings.set': (ledger, { orgId, values }) => setSettings(ledger, orgId, values),
} satisfies HandlersFor<typeof organizationContract>;
