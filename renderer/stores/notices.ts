// Short confirmations ("议题已保存") shown bottom-right for a few seconds; errors stay beside
// their fields instead (see forms/).
import { create } from 'zustand';

export interface Notice {
  id: number;
  kind: 'ok' | 'warn' | 'error' | 'info';
  text: string;
}

interface NoticeState {
  notices: Notice[];
  push(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

let next = 1;

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  push(kind, text) {
    const id = next++;
    set({ notices: [...get().notices.slice(-1), { id, kind, text }] });
    setTimeout(() => get().dismiss(id), kind === 'ok' ? 3000 : 6000);
  },
  dismiss(id) {
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
}));

export const notify = (kind: Notice['kind'], text: string) => useNotices.getState().push(kind, text);
