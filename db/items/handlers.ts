import type { HandlersFor } from '../channel';
import { pending } from '../pending';
import type { itemContract } from './contract';

export const itemHandlers = {
  'items.create': pending('items.create'),
  'items.update': pending('items.update'),
  'items.submit': pending('items.submit'),
  'items.get': pending('items.get'),
  'items.list': pending('items.list'),
  'consultations.record': pending('consultations.record'),
} satisfies HandlersFor<typeof itemContract>;
