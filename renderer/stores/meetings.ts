// 会议: the year's meetings and the open meeting (meetings.get, with the live quorum per entry),
// the full-screen 会议模式 and the 临时处置 (R14) list, which are channels of the same domain.
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type MeetingRow = OutputOf<'meetings.list'>[number];
export type MeetingView = OutputOf<'meetings.get'>;
export type EntryView = MeetingView['entries'][number];
export type EmergencyRow = OutputOf<'emergency.list'>[number];

/** Where the secretary is inside 会议模式: the sign-in, the 第一议题, or an agenda entry. */
export type ModeStep = { kind: 'attendance' } | { kind: 'firstTopic' } | { kind: 'entry'; entryId: number } | { kind: 'adHoc' } | { kind: 'record' };

const MODE_KEY = 'yishi.meetingMode';

function savedMode(): number | null {
  try {
    const n = Number(sessionStorage.getItem(MODE_KEY));
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

interface MeetingsState {
  rows: MeetingRow[];
  loaded: boolean;
  error: LedgerErrorInfo | null;
  current: MeetingView | null;
  currentError: LedgerErrorInfo | null;
  /** The agenda entry the secretary is recording (statements, vote). */
  entryId: number | null;
  /** The meeting shown full screen in 会议模式 (kept over a reload, F5). */
  modeMeetingId: number | null;
  step: ModeStep;
  /** Section list: the meetings, or the 临时处置 register. */
  listTab: 'meetings' | 'emergency';
  emergencies: EmergencyRow[];
  emergenciesLoaded: boolean;
  loadList(orgId: number): Promise<void>;
  loadMeeting(meetingId: number): Promise<void>;
  selectEntry(entryId: number | null): void;
  enterMode(meetingId: number): void;
  leaveMode(): void;
  setStep(step: ModeStep): void;
  setListTab(tab: 'meetings' | 'emergency'): void;
  loadEmergencies(orgId: number): Promise<void>;
}

export const useMeetings = create<MeetingsState>((set, get) => ({
  rows: [],
  loaded: false,
  error: null,
  current: null,
  currentError: null,
  entryId: null,
  modeMeetingId: savedMode(),
  step: { kind: 'attendance' },
  listTab: 'meetings',
  emergencies: [],
  emergenciesLoaded: false,
  async loadList(orgId) {
    try {
      set({ rows: await call('meetings.list', { orgId }), loaded: true, error: null });
    } catch (e) {
      set({ error: errorInfo(e), loaded: true });
    }
  },
  async loadMeeting(meetingId) {
    try {
      const current = await call('meetings.get', { meetingId });
      const keep = current.entries.some((e) => e.id === get().entryId);
      set({ current, currentError: null, entryId: keep ? get().entryId : (current.entries.find((e) => e.outcome === 'pending')?.id ?? current.entries[0]?.id ?? null) });
    } catch (e) {
      set({ current: null, currentError: errorInfo(e) });
    }
  },
  selectEntry(entryId) {
    set({ entryId });
  },
  enterMode(meetingId) {
    try {
      sessionStorage.setItem(MODE_KEY, String(meetingId));
    } catch {
      // private storage off: meeting mode still works, only not across a reload
    }
    const view = get().current;
    // Start where the meeting stands: sign-in first, else the first item without an outcome.
    const pending = view?.meeting.id === meetingId && view.attendance.length > 0 ? view.entries.find((e) => e.outcome === 'pending') : undefined;
    set({ modeMeetingId: meetingId, step: pending ? { kind: 'entry', entryId: pending.id } : { kind: 'attendance' } });
  },
  leaveMode() {
    try {
      sessionStorage.removeItem(MODE_KEY);
    } catch {
      // see enterMode
    }
    const step = get().step;
    set({ modeMeetingId: null, entryId: step.kind === 'entry' ? step.entryId : get().entryId });
  },
  setStep(step) {
    set({ step, entryId: step.kind === 'entry' ? step.entryId : get().entryId });
  },
  setListTab(listTab) {
    set({ listTab });
  },
  async loadEmergencies(orgId) {
    try {
      set({ emergencies: await call('emergency.list', { orgId }), emergenciesLoaded: true, error: null });
    } catch (e) {
      set({ error: errorInfo(e), emergenciesLoaded: true });
    }
  },
}));
