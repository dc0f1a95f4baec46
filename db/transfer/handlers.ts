import type { HandlersFor } from '../channel';
import type { transferContract } from './contract';
import { mergeLedger, mergePreview } from './merge';
import { splitLedger, splitPreview } from './split';

export const transferHandlers = {
  'orgs.splitPreview': (ledger, { orgId }) => splitPreview(ledger, orgId),
  'orgs.split': (ledger, { orgId, file }) => splitLedger(ledger, orgId, file),
  'orgs.mergePreview': (ledger, { file, parentId }) => mergePreview(ledger, file, parentId),
  'orgs.merge': (ledger, { file, parentId }) => mergeLedger(ledger, file, parentId),
} satisfies HandlersFor<typeof transferContract>;
