// 签发时的人员名单 (issue H, class 6): a signed meeting keeps the names as they were when its
// minutes were first signed. minutes.sign writes the roster (keepRoster in db/minutes/commands.ts) (sealed with the meeting); every read
// of a signed meeting (meetings.get, the 会议记录, the forms) prints the recorded names, so a
// later rename in 设置 → 人员 never changes a locked record.
import { eq } from 'drizzle-orm';
import type { ReadLedger } from '../ledger';
import { meetingRoster } from '../schema';

export type Roster = ReadonlyMap<number, string>;

/** The recorded names of a signed meeting, or null when it has none (not signed yet). */
export function rosterOf(ledger: ReadLedger, meetingId: number): Roster | null {
  const rows = ledger.db
    .select({ personId: meetingRoster.personId, name: meetingRoster.name })
    .from(meetingRoster)
    .where(eq(meetingRoster.meetingId, meetingId))
    .all();
  return rows.length ? new Map(rows.map((r) => [r.personId, r.name])) : null;
}

/** A name as the meeting recorded it (the live name when the roster does not hold the person). */
export const recordedName = (roster: Roster | null, personId: number, name: string): string => roster?.get(personId) ?? name;

/**
 * Every person a meeting view refers to: objects carrying a personId, the host, the recorder,
 * the presenters, who confirmed the agenda and the body's leaders.
 */
export function peopleOf(view: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(view)) for (const v of view) peopleOf(v, out);
  else if (view && typeof view === 'object') {
    const o = view as Record<string, unknown>;
    if (typeof o.personId === 'number') out.add(o.personId);
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'hostId' || k === 'recorderId') && typeof v === 'number') out.add(v);
      else if ((k === 'presenter' || k === 'agendaConfirmedBy') && v && typeof (v as { id?: unknown }).id === 'number') out.add((v as { id: number }).id);
      else if (k === 'leaders' && Array.isArray(v)) {
        for (const l of v) if (typeof l?.id === 'number') out.add(l.id);
      } else if (k !== 'history') peopleOf(v, out);
    }
  }
  return out;
}

/** The view with every person's name as recorded; the 更正记录 sentences are left as written. */
export function withRecordedNames<T>(view: T, roster: Roster): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = k === 'history' ? x : walk(x, k);
    if (typeof o.personId === 'number' && typeof o.name === 'string') out.name = recordedName(roster, o.personId, o.name);
    if ((key === 'presenter' || key === 'agendaConfirmedBy' || key === 'leaders') && typeof o.id === 'number' && typeof o.name === 'string')
      out.name = recordedName(roster, o.id, o.name);
    if (typeof o.hostId === 'number' && typeof o.hostName === 'string') out.hostName = recordedName(roster, o.hostId, o.hostName);
    if (typeof o.recorderId === 'number' && typeof o.recorderName === 'string') out.recorderName = recordedName(roster, o.recorderId, o.recorderName);
    return out;
  };
  return walk(view) as T;
}
