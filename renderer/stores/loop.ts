// 工作台: loop.status — counts per stage of 决策→执行→监督→评价→修正, overdue follow-ups,
// decisions without follow-up (R17), next meetings, open 临时处置 (R14), recent rule warnings.
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type LoopStatus = OutputOf<'loop.status'>;

interface LoopState {
  status: LoopStatus | null;
  error: LedgerErrorInfo | null;
  load(orgId: number): Promise<void>;
}

export const useLoop = create<LoopState>((set) => ({
  status: null,
  error: null,
  async load(orgId) {
    try {
      set({ status: await call('loop.status', { orgId }), error: null });
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
}));
