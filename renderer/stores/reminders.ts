// 今日待办: reminders.today, read at start, again every hour while the app is open (a new day
// brings new reminders), and after the dashboard reloads. The sidebar badge and the dashboard
// panel show the same answer.
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type Today = OutputOf<'reminders.today'>;
export type Reminder = Today['groups'][number]['reminders'][number];

interface RemindersState {
  today: Today | null;
  error: LedgerErrorInfo | null;
  load(orgId: number): Promise<void>;
}

export const useReminders = create<RemindersState>((set) => ({
  today: null,
  error: null,
  async load(orgId) {
    try {
      set({ today: await call('reminders.today', { orgId }), error: null });
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
}));
