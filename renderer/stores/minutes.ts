// 会议纪要 of one meeting: its revisions (newest first) and the HTML of the one shown.
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type MinutesInfo = OutputOf<'minutes.get'>;
export type Revision = MinutesInfo['revisions'][number];

interface MinutesState {
  info: MinutesInfo | null;
  html: { minutesId: number; html: string; fileName: string } | null;
  error: LedgerErrorInfo | null;
  load(meetingId: number): Promise<void>;
  /** Preview another revision (a signed original stays readable after a 勘误, R16). */
  show(minutesId: number): Promise<void>;
}

export const useMinutes = create<MinutesState>((set) => ({
  info: null,
  html: null,
  error: null,
  async load(meetingId) {
    try {
      const info = await call('minutes.get', { meetingId });
      const latest = info.revisions[0];
      const html = latest ? { minutesId: latest.id, ...(await call('documents.minutesHtml', { minutesId: latest.id })) } : null;
      set({ info, html, error: null });
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
  async show(minutesId) {
    try {
      set({ html: { minutesId, ...(await call('documents.minutesHtml', { minutesId })) }, error: null });
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
}));
