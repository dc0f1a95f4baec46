// Desktop notifications for 今日待办: at start and every hour while the app is open, the core's
// reminders (reminders.today) not yet notified today are shown in one notification; each
// reminder at most once a day (the keys and dates live in a small file beside the ledger), none
// when 设置 → 提醒 turns them off. The shell decides nothing: which reminders are due, and
// whether notifications are on, come from the core (db/rules/reminders.ts toNotify).
import fs from 'node:fs';
import { Notification } from 'electron';
import { dispatch } from '../db/api';
import type { Ledger } from '../db/ledger';
import { toNotify, type Reminder } from '../db/rules/reminders';

export interface ReminderShell {
  ledger: () => Ledger | null;
  /** Where the keys notified and their dates are kept (e.g. <data folder>/reminders-shown.json). */
  stateFile: string;
  /** Clicking the notification: show the window at the 工作台. */
  open: () => void;
  everyMs?: number;
}

type Shown = Record<string, string>;

function readShown(file: string): Shown {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Shown) : {};
  } catch {
    return {};
  }
}

/** One round: what to notify now; writes the file only when something was shown. */
export function notifyDue(shell: ReminderShell): Reminder[] {
  const ledger = shell.ledger();
  if (!ledger || !Notification.isSupported()) return [];
  const org = dispatch(ledger, 'org.get', {});
  if (!org.ok || !org.value) return [];
  const orgId = (org.value as { org: { id: number } }).org.id;
  const today = dispatch(ledger, 'reminders.today', { orgId });
  if (!today.ok) return [];
  const value = today.value as { today: string; groups: { reminders: Reminder[] }[]; settings: { notify: boolean } };
  const all = value.groups.flatMap((g) => g.reminders);
  const shown = readShown(shell.stateFile);
  const fresh = toNotify(all, shown, value.today, value.settings);
  if (fresh.length === 0) return [];
  const lines = fresh.slice(0, 3).map((r) => `· ${r.title}`);
  if (fresh.length > 3) lines.push(`……共${fresh.length}项`);
  const n = new Notification({ title: `议事台账：今日待办${fresh.length}项`, body: lines.join('\n'), silent: false });
  n.on('click', shell.open);
  n.show();
  // Only today's keys are kept: the file never grows past one day's reminders.
  const next: Shown = Object.fromEntries(Object.entries(shown).filter(([, d]) => d === value.today));
  for (const r of fresh) next[r.key] = value.today;
  const tmp = `${shell.stateFile}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(next));
  fs.renameSync(tmp, shell.stateFile);
  return fresh;
}

/** Notify now and every hour (a new day's reminders appear at the first round after midnight). */
export function startReminders(shell: ReminderShell): () => void {
  const round = () => {
    try {
      notifyDue(shell);
    } catch (e) {
      console.error('[reminders]', e);
    }
  };
  const first = setTimeout(round, 5000);
  const timer = setInterval(round, shell.everyMs ?? 60 * 60 * 1000);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
