// 今日待办: what is due, computed from plain facts and today's date. No I/O: db/reminders reads
// the facts, this decides which of them the secretary must see today and in what order.
// Sources: R17 (督办 and 逾期), R3 (materials lead time), R4 (会前沟通), R14 (临时处置 通报),
// R16 (纪要 签发). The thresholds not set by any source are settings (REMINDER_DEFAULTS).
import { cnDate, cnDateTime } from '../calendar';
import { REMINDER_KINDS, type ReminderKind } from '../terms';

export interface ReminderSettings {
  /** Days an item may wait in 会前沟通 before it is a reminder (R4; a setting, default 7). */
  consultationWaitDays: number;
  /** Desktop notifications (at most once a day per reminder). */
  notify: boolean;
}
export const REMINDER_DEFAULTS: ReminderSettings = { consultationWaitDays: 7, notify: true };

/** Follow-ups due within this many days are shown before they are late (R17). */
export const DUE_SOON_DAYS = 7;
/** Minutes of a held meeting unsigned this many days after it are a reminder (R16). */
export const UNSIGNED_AFTER_DAYS = 3;
/** Meetings starting today or within this many days are to prepare. */
export const MEETING_AHEAD_DAYS = 1;

export interface ReminderFacts {
  today: string;
  materialsLeadDays: number;
  /** handed: a 集团 decision's follow-up this campus carries out (it opens on its own page, not the 集团's decision). */
  followUps: { id: number; decisionId: number; task: string; ownerDept: string; ownerName: string | null; deadline: string; state: string; handed: boolean }[];
  meetings: { id: number; title: string; startsAt: string; state: string; missingMaterials: { itemId: number; title: string }[] }[];
  waitingItems: { id: number; title: string; since: string }[];
  emergencies: { id: number; action: string; actorName: string; at: string }[];
  unsignedMeetings: { id: number; title: string; startsAt: string }[];
}

/** Where a reminder opens: a section of the app and the record in it (a 督办事项 opens its decision; 临时处置 live under 会议). */
export type ReminderTarget = { section: 'followups' | 'meetings' | 'items' | 'minutes'; id?: number; handed?: number };

export interface Reminder {
  /** Stable per record and kind: notifications are shown at most once a day per key. */
  key: string;
  kind: ReminderKind;
  /** overdue: late now; today: due today or tomorrow; soon: later this week or waiting. */
  urgency: 'overdue' | 'today' | 'soon';
  title: string;
  detail: string;
  target: ReminderTarget;
}

/** A campus opens a handed 集团 follow-up on its own page; every other follow-up on its decision's. */
const followUpTarget = (f: ReminderFacts['followUps'][number]): ReminderTarget =>
  f.handed ? { section: 'followups', handed: f.id } : { section: 'followups', id: f.decisionId };

export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** Every reminder due today, grouped in REMINDER_KINDS order, most urgent first inside a kind. */
export function dueReminders(facts: ReminderFacts, settings: ReminderSettings = REMINDER_DEFAULTS): Reminder[] {
  const { today } = facts;
  const out: Reminder[] = [];
  for (const f of facts.followUps) {
    if (f.state === 'done') continue;
    const left = daysBetween(today, f.deadline);
    const owner = [f.ownerDept, f.ownerName].filter(Boolean).join(' ');
    // R17: past the deadline and not done is 逾期; the deadline day itself is not late.
    if (left < 0) {
      out.push({ key: `followup_overdue:${f.id}`, kind: 'followup_overdue', urgency: 'overdue', title: f.task, detail: `${owner}，完成时限${cnDate(f.deadline)}，已逾期${-left}天`, target: followUpTarget(f) });
    } else if (left <= DUE_SOON_DAYS) {
      const when = left === 0 ? '今天到期' : left === 1 ? '明天到期' : `还有${left}天到期`;
      out.push({ key: `followup_due:${f.id}`, kind: 'followup_due', urgency: left <= 1 ? 'today' : 'soon', title: f.task, detail: `${owner}，完成时限${cnDate(f.deadline)}，${when}`, target: followUpTarget(f) });
    }
  }
  for (const m of facts.meetings) {
    if (m.state === 'closed' || m.state === 'cancelled') continue;
    const ahead = daysBetween(today, m.startsAt);
    if (ahead < 0) continue;
    if (ahead <= MEETING_AHEAD_DAYS) {
      const missing = m.missingMaterials.length;
      out.push({
        key: `meeting_soon:${m.id}`,
        kind: 'meeting_soon',
        urgency: 'today',
        title: m.title,
        detail: `${ahead === 0 ? '今天' : '明天'} ${cnDateTime(m.startsAt)}${missing > 0 ? `，${missing}个议题的材料尚未送达` : '，材料已齐'}`,
        target: { section: 'meetings', id: m.id },
      });
    }
    // R3: materials are sent at least materialsLeadDays before the meeting.
    const dueBy = ahead - facts.materialsLeadDays;
    if (dueBy <= MEETING_AHEAD_DAYS) {
      for (const it of m.missingMaterials) {
        out.push({
          key: `materials_missing:${m.id}:${it.itemId}`,
          kind: 'materials_missing',
          urgency: dueBy <= 0 ? 'overdue' : 'today',
          title: it.title,
          detail: `${m.title}（${cnDate(m.startsAt)}）的材料${dueBy < 0 ? '已过送达时间' : dueBy === 0 ? '今天应送达' : '明天应送达'}`,
          target: { section: 'items', id: it.itemId },
        });
      }
    }
  }
  for (const it of facts.waitingItems) {
    const waited = daysBetween(it.since, today);
    // R4: the gate waits on the 书记 and 校长; a long wait is the secretary's to chase.
    if (waited > settings.consultationWaitDays) {
      out.push({ key: `consultation_waiting:${it.id}`, kind: 'consultation_waiting', urgency: 'soon', title: it.title, detail: `自${cnDate(it.since)}起等待书记、校长会前沟通，已${waited}天`, target: { section: 'items', id: it.id } });
    }
  }
  for (const e of facts.emergencies) {
    // R14: flagged until reported at the body's next meeting.
    out.push({ key: `emergency_unreported:${e.id}`, kind: 'emergency_unreported', urgency: 'soon', title: e.action, detail: `${e.actorName}于${cnDate(e.at)}临时处置，须在下次会议上通报`, target: { section: 'meetings' } });
  }
  for (const m of facts.unsignedMeetings) {
    const after = daysBetween(m.startsAt, today);
    // R16: the host signs the minutes; a record left unsigned is not yet a 纪要.
    if (after > UNSIGNED_AFTER_DAYS) {
      out.push({ key: `minutes_unsigned:${m.id}`, kind: 'minutes_unsigned', urgency: 'soon', title: m.title, detail: `会议于${cnDate(m.startsAt)}召开，已${after}天，纪要尚未签发`, target: { section: 'minutes', id: m.id } });
    }
  }
  const rank = { overdue: 0, today: 1, soon: 2 } as const;
  const order = (k: ReminderKind) => REMINDER_KINDS.indexOf(k);
  // Array.prototype.sort is stable (ES2019): equal reminders stay in the order they were found.
  return out.sort((a, b) => order(a.kind) - order(b.kind) || rank[a.urgency] - rank[b.urgency]);
}

/**
 * Which reminders to notify now: those not yet notified today (at most once a day per key),
 * none when notifications are off. `shown` maps a key to the last date it was notified.
 */
export function toNotify(reminders: readonly Reminder[], shown: Readonly<Record<string, string>>, today: string, settings: Pick<ReminderSettings, 'notify'>): Reminder[] {
  if (!settings.notify) return [];
  return reminders.filter((r) => shown[r.key] !== today);
}
