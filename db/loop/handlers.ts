import type { HandlersFor } from '../channel';
import { pending } from '../pending';
import type { loopContract } from './contract';

export const loopHandlers = {
  'loop.status': pending('loop.status'),
} satisfies HandlersFor<typeof loopContract>;
