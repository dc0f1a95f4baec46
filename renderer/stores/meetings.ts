// 会议: the year's meetings and the open meeting (meetings.get, with the live quorum per entry).
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type MeetingRow = OutputOf<'meetings.list'>[number];
export type MeetingView = OutputOf<'meetings.get'>;
export type EntryView = MeetingView['entries'][number];

interface MeetingsState {
  rows: MeetingRow[];
  loaded: boolean;
  error: LedgerErrorInfo | null;
  current: MeetingView | null;
  currentError: LedgerErrorInfo | null;
  /** The agenda entry the secretary is recording (statements, vote). */
  entryId: number | null;
  loadList(orgId: number): Promise<void>;
  loadMeeting(meetingId: number): Promise<void>;
  selectEntry(entryId: number | null): void;
}

export const useMeetings = create<MeetingsState>((set, get) => ({
  rows: [],
  loaded: false,
  error: null,
  current: null,
  currentError: null,
  entryId: null,
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
}));
