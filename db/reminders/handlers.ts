import type { HandlersFor } from '../channel';
import type { reminderContract } from './contract';
import { configureReminders, remindersToday } from './today';

export const reminderHandlers = {
  'reminders.today': (ledger, { orgId }) => remindersToday(ledger, orgId),
  'reminders.configure': (ledger, input) => configureReminders(ledger, input),
} satisfies HandlersFor<typeof reminderContract>;
