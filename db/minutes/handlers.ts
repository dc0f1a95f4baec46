import type { HandlersFor } from '../channel';
import { pending } from '../pending';
import type { minutesContract } from './contract';

export const minutesHandlers = {
  'minutes.generate': pending('minutes.generate'),
  'minutes.get': pending('minutes.get'),
  'minutes.updateDraft': pending('minutes.updateDraft'),
  'minutes.sign': pending('minutes.sign'),
  'minutes.revise': pending('minutes.revise'),
  'documents.minutesHtml': pending('documents.minutesHtml'),
  'documents.recordHtml': pending('documents.recordHtml'),
} satisfies HandlersFor<typeof minutesContract>;
