// 大字 (large type): a setting of this PC, not of the ledger (the same file may be read on
// another screen), kept through restarts in the renderer's local storage. On, <html> gets the
// class large-type and renderer/styles/large-type.css enlarges every text.
import { create } from 'zustand';

const KEY = 'yishi.largeType';

export function largeTypeSaved(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function applyLargeType(on: boolean): void {
  document.documentElement.classList.toggle('large-type', on);
}

interface LargeTypeState {
  on: boolean;
  set(on: boolean): void;
}

export const useLargeType = create<LargeTypeState>((set) => ({
  on: typeof localStorage === 'undefined' ? false : largeTypeSaved(),
  set(on) {
    try {
      localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // Storage unavailable: on for this session only.
    }
    applyLargeType(on);
    set({ on });
  },
}));
