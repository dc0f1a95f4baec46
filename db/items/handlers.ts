// The items domain's handlers, by concern: create.ts (items.create), commands.ts (edit, submit),
// consultations.ts (会前沟通 and 酝酿), gate.ts (the agenda gate), read.ts (items.get, items.list).
import type { HandlersFor } from '../channel';
import { ITEM_STATE_LABELS } from '../terms';
import { copyItem, submitItem, updateItem, withdrawItem } from './commands';
import { recordConsultation } from './consultations';
import type { itemContract } from './contract';
import { createItem } from './create';
import { checkEntry } from './gate';
import { getItemDetail, listItems } from './read';

export const itemHandlers = {
  'items.create': (ledger, input) => {
    const item = createItem(ledger, input);
    return { ...item, stateLabel: ITEM_STATE_LABELS.draft };
  },
  'items.update': updateItem,
  'items.submit': (ledger, { itemId }) => submitItem(ledger, itemId),
  'items.withdraw': withdrawItem,
  'items.copy': copyItem,
  'items.get': (ledger, { itemId }) => getItemDetail(ledger, itemId),
  'items.list': listItems,
  'items.checkAgenda': (ledger, input) => checkEntry(ledger, input),
  'consultations.record': recordConsultation,
} satisfies HandlersFor<typeof itemContract>;

