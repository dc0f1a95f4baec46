// 工作台 and 台账: loop.status — counts per stage of 决策→执行→监督→评价→修正, overdue follow-ups,
// decisions without follow-up (R17), next meetings, open 临时处置 (R14), recent rule warnings;
// stats.dashboard for the charts; loop.register for the year's 决策台账.
import { create } from 'zustand';
import { call, errorInfo, type InputOf, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type LoopStatus = OutputOf<'loop.status'>;
export type DashboardStats = OutputOf<'stats.dashboard'>;
export type RegisterRow = OutputOf<'loop.register'>[number];
export type RegisterFilter = Omit<InputOf<'loop.register'>, 'orgId'>;

interface LoopState {
  status: LoopStatus | null;
  stats: DashboardStats | null;
  error: LedgerErrorInfo | null;
  ledger: { filter: RegisterFilter; rows: RegisterRow[]; loaded: boolean; error: LedgerErrorInfo | null };
  load(orgId: number): Promise<void>;
  loadRegister(orgId: number, filter?: Partial<RegisterFilter>): Promise<void>;
}

export const useLoop = create<LoopState>((set, get) => ({
  status: null,
  stats: null,
  error: null,
  ledger: { filter: { year: new Date().getFullYear() }, rows: [], loaded: false, error: null },
  async load(orgId) {
    try {
      const [status, stats] = await Promise.all([call('loop.status', { orgId }), call('stats.dashboard', { orgId })]);
      set({ status, stats, error: null });
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
  async loadRegister(orgId, patch = {}) {
    const filter = { ...get().ledger.filter, ...patch };
    set({ ledger: { ...get().ledger, filter } });
    try {
      const rows = await call('loop.register', { orgId, ...filter });
      // A slower answer for an older filter must not overwrite a newer one.
      if (get().ledger.filter !== filter) return;
      set({ ledger: { filter, rows, loaded: true, error: null } });
    } catch (e) {
      set({ ledger: { ...get().ledger, loaded: true, error: errorInfo(e) } });
    }
  },
}));
