// 工作台 and 台账: loop.status — counts per stage of 决策→执行→监督→评价→修正, overdue follow-ups,
// decisions without follow-up (R17), next meetings, open 临时处置 (R14), recent rule warnings;
// stats.dashboard for the charts; loop.ledger for the year's 决策台账.
import { create } from 'zustand';
import { call, errorInfo, type InputOf, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type LoopStatus = OutputOf<'loop.status'>;
export type DashboardStats = OutputOf<'stats.dashboard'>;
export type LedgerRow = OutputOf<'loop.ledger'>[number];
export type LedgerFilter = Omit<InputOf<'loop.ledger'>, 'orgId'>;

interface LoopState {
  status: LoopStatus | null;
  stats: DashboardStats | null;
  error: LedgerErrorInfo | null;
  ledger: { filter: LedgerFilter; rows: LedgerRow[]; loaded: boolean; error: LedgerErrorInfo | null };
  load(orgId: number): Promise<void>;
  loadLedger(orgId: number, filter?: Partial<LedgerFilter>): Promise<void>;
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
  async loadLedger(orgId, patch = {}) {
    const filter = { ...get().ledger.filter, ...patch };
    set({ ledger: { ...get().ledger, filter } });
    try {
      const rows = await call('loop.ledger', { orgId, ...filter });
      // A slower answer for an older filter must not overwrite a newer one.
      if (get().ledger.filter !== filter) return;
      set({ ledger: { filter, rows, loaded: true, error: null } });
    } catch (e) {
      set({ ledger: { ...get().ledger, loaded: true, error: errorInfo(e) } });
    }
  },
}));
