// 今日待办 for one school: the facts (queries.ts), the rule (db/rules/reminders.ts), the labels.
import type { z } from 'zod';
import { today, type Ledger, type ReadLedger } from '../ledger';
import { getOrganization, ruleSettings } from '../organization/queries';
import { dueReminders } from '../rules/reminders';
import { settings } from '../schema';
import { REMINDER_KIND_LABELS, REMINDER_KINDS } from '../terms';
import type { reminderContract } from './contract';
import { REMINDER_SETTINGS_KEY, reminderFacts, reminderSettings } from './queries';

export function remindersToday(ledger: ReadLedger, orgId: number) {
  getOrganization(ledger, orgId);
  const date = today(ledger);
  const config = reminderSettings(ledger, orgId);
  const reminders = dueReminders(reminderFacts(ledger, orgId, date, ruleSettings(ledger, orgId).materialsLeadDays), config);
  const groups = REMINDER_KINDS.map((kind) => ({ kind, label: REMINDER_KIND_LABELS[kind], reminders: reminders.filter((r) => r.kind === kind) })).filter(
    (g) => g.reminders.length > 0,
  );
  return {
    today: date,
    count: reminders.length,
    /** Late now: the badge's colour. */
    overdue: reminders.filter((r) => r.urgency === 'overdue').length,
    groups,
    settings: config,
  };
}

export function configureReminders(ledger: Ledger, input: z.output<(typeof reminderContract)['reminders.configure']['input']>) {
  const { orgId, ...patch } = input;
  getOrganization(ledger, orgId);
  const value = { ...reminderSettings(ledger, orgId), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  ledger.db
    .insert(settings)
    .values({ orgId, key: REMINDER_SETTINGS_KEY, value })
    .onConflictDoUpdate({ target: [settings.orgId, settings.key], set: { value } })
    .run();
  return value;
}
