// Reads behind 今日待办: the facts db/rules/reminders.ts decides on, for one school. Each read
// is bounded by date (open follow-ups due within the week, meetings of the next days, meetings
// of the last months), so the panel costs the same on a ten-year ledger as on a new one.
import { eq, and, sql } from 'drizzle-orm';
import type { ReadLedger } from '../ledger';
import { DUE_SOON_DAYS, MEETING_AHEAD_DAYS, REMINDER_DEFAULTS, type ReminderFacts, type ReminderSettings } from '../rules/reminders';
import { settings } from '../schema';
import { meetingTitle } from '../terms';
import { openEmergencyActions } from '../loop/queries';

const SETTINGS_KEY = 'reminders';
/** Unsigned minutes older than this are history, not a reminder (a ledger brought in from years back). */
const UNSIGNED_LOOKBACK_DAYS = 90;

const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function reminderSettings(ledger: ReadLedger, orgId: number): ReminderSettings {
  const row = ledger.db.select().from(settings).where(and(eq(settings.orgId, orgId), eq(settings.key, SETTINGS_KEY))).get();
  const stored = (row?.value ?? {}) as Partial<ReminderSettings>;
  return { ...REMINDER_DEFAULTS, ...stored };
}
export const REMINDER_SETTINGS_KEY = SETTINGS_KEY;

// Follow-ups: the school's own decisions' (decision_org_id) and the 集团's handed to it (org_id, 集团化办学).
export function reminderFacts(ledger: ReadLedger, orgId: number, today: string, materialsLeadDays: number): ReminderFacts {
  const db = ledger.db;
  const followUps = db.all<ReminderFacts['followUps'][number]>(sql`
    SELECT f.id, f.decision_id AS decisionId, f.task, f.owner_dept AS ownerDept, p.name AS ownerName, f.deadline, f.state,
      f.org_id IS ${orgId} AS handed
    FROM follow_ups f
    LEFT JOIN persons p ON p.id = f.owner_id
    WHERE (f.decision_org_id = ${orgId} OR f.org_id = ${orgId}) AND f.state = 'open' AND f.deadline <= ${plusDays(today, DUE_SOON_DAYS)}
    ORDER BY f.deadline, f.id`).map((f) => ({ ...f, handed: Boolean(f.handed) }));
  const horizon = plusDays(today, MEETING_AHEAD_DAYS + materialsLeadDays + 1);
  const upcoming = db.all<{ id: number; year: number; seq: number; bodyName: string; startsAt: string; state: string }>(sql`
    SELECT m.id, m.year, m.seq, b.name AS bodyName, m.starts_at AS startsAt, m.state
    FROM meetings m JOIN bodies b ON b.id = m.body_id
    WHERE b.org_id = ${orgId} AND m.state IN ('planned', 'in_progress') AND m.starts_at >= ${today} AND m.starts_at < ${horizon}
    ORDER BY m.starts_at, m.id`);
  const meetings = upcoming.map((m) => ({
    id: m.id,
    title: meetingTitle(m.year, m.seq, m.bodyName),
    startsAt: m.startsAt,
    state: m.state,
    missingMaterials: db.all<{ itemId: number; title: string }>(sql`
      SELECT i.id AS itemId, i.title FROM agenda_entries e JOIN agenda_items i ON i.id = e.item_id
      WHERE e.meeting_id = ${m.id} AND i.materials_ready_at IS NULL ORDER BY e.position`),
  }));
  // Since when an item waits in 会前沟通 or 暂缓上会: its last move into that state.
  const waitingItems = db.all<ReminderFacts['waitingItems'][number]>(sql`
    SELECT i.id, i.title,
      substr(coalesce((SELECT max(t.at) FROM item_transitions t WHERE t.item_id = i.id AND t.to_state = i.state), i.created_at), 1, 10) AS since
    FROM agenda_items i
    WHERE i.org_id = ${orgId} AND i.state IN ('consultation', 'postponed')
    ORDER BY since, i.id`);
  const emergencies = openEmergencyActions(ledger, orgId).map((e) => ({ id: e.id, action: e.action, actorName: e.actorName, at: e.at }));
  const unsigned = db.all<{ id: number; year: number; seq: number; bodyName: string; startsAt: string }>(sql`
    SELECT m.id, m.year, m.seq, b.name AS bodyName, m.starts_at AS startsAt
    FROM meetings m JOIN bodies b ON b.id = m.body_id
    WHERE b.org_id = ${orgId} AND m.state = 'closed' AND m.starts_at >= ${plusDays(today, -UNSIGNED_LOOKBACK_DAYS)} AND m.starts_at < ${today}
      AND NOT EXISTS (SELECT 1 FROM minutes x WHERE x.meeting_id = m.id AND x.state = 'signed')
    ORDER BY m.starts_at, m.id`);
  return {
    today,
    materialsLeadDays,
    followUps,
    meetings,
    waitingItems,
    emergencies,
    unsignedMeetings: unsigned.map((m) => ({ id: m.id, title: meetingTitle(m.year, m.seq, m.bodyName), startsAt: m.startsAt })),
  };
}
