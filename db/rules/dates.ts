// Dates a person can mistype: a year too early or too late is refused, naming the field that is
// really wrong; an unusual one (a weekend, a late hour, a meeting entered long after) goes
// through with a notice. Pure: today and the school's first date come in as arguments.
import { cnDate } from '../calendar';
import { daysBetween } from './agenda';

/** A meeting is planned at most a year ahead; a later date is a mistyped year. */
export function oneYearAfter(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4, 10)}`;
}

/**
 * Impossible for any record of the school: a date before its first date in the ledger (the
 * earliest term of its posts and bodies). Null when fine.
 */
export function beforeSinceRefusal(label: string, date: string, since: string): string | null {
  return date < since ? `「${label}」${cnDate(date)}早于本校在台账中的起始日期${cnDate(since)}，请核对年份` : null;
}

/** A date more than a year after today: refused for meetings, a notice for other plans. */
export function aheadRefusal(label: string, date: string, today: string): string | null {
  return date > oneYearAfter(today) ? `「${label}」${cnDate(date)}距今超过一年，请核对年份` : null;
}

/** Days before today a meeting may be entered without a note that it is written up afterwards (补记). */
export const LATE_ENTRY_DAYS = 30;

/** The weekend days, by getUTCDay(): a meeting then is unusual, not wrong. */
const WEEKEND: Record<number, string> = { 0: '日', 6: '六' };

export interface MeetingTimeCheck {
  /** Why the time is refused (field startsAt), or null. */
  refusal: string | null;
  /** What is unusual but allowed, each a sentence to show. */
  notices: string[];
}

/** The time of a meeting (YYYY-MM-DDTHH:mm, local): refused when impossible, noticed when unusual. */
export function meetingTimeCheck(startsAt: string, since: string, today: string): MeetingTimeCheck {
  const date = startsAt.slice(0, 10);
  const refusal = beforeSinceRefusal('会议时间', date, since) ?? aheadRefusal('会议时间', date, today);
  if (refusal) return { refusal, notices: [] };
  const notices: string[] = [];
  const ago = daysBetween(date, today);
  if (ago > LATE_ENTRY_DAYS) notices.push(`会议日期${cnDate(date)}在${ago}天以前，将作为补记登记`);
  const weekend = WEEKEND[new Date(`${date}T00:00:00Z`).getUTCDay()];
  if (weekend) notices.push(`${cnDate(date)}是星期${weekend}`);
  const hour = Number(startsAt.slice(11, 13));
  if (hour < 7 || hour >= 21) notices.push(`会议时间${startsAt.slice(11, 16)}不在通常的工作时间`);
  return { refusal: null, notices };
}

/** A planned date (a deadline, a materials date) far ahead: allowed, with a notice. */
export function farAheadNotice(label: string, date: string, today: string): string | null {
  return date > oneYearAfter(today) ? `「${label}」${cnDate(date)}在一年以后，请确认年份无误` : null;
}
