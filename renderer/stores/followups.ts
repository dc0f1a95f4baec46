// 督办: decisions (R17 cover) and the open decision with its follow-ups, reports, evaluations
// and the 修正 items they opened (R18).
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type DecisionRow = OutputOf<'decisions.list'>[number];
export type DecisionDetail = OutputOf<'decisions.get'>;
export type FollowUpView = DecisionDetail['followUps'][number];

interface FollowUpsState {
  decisions: DecisionRow[];
  loaded: boolean;
  error: LedgerErrorInfo | null;
  detail: DecisionDetail | null;
  loadDecisions(orgId: number): Promise<void>;
  loadDetail(decisionId: number): Promise<void>;
}

export const useFollowUps = create<FollowUpsState>((set) => ({
  decisions: [],
  loaded: false,
  error: null,
  detail: null,
  async loadDecisions(orgId) {
    try {
      set({ decisions: await call('decisions.list', { orgId }), loaded: true, error: null });
    } catch (e) {
      set({ error: errorInfo(e), loaded: true });
    }
  },
  async loadDetail(decisionId) {
    try {
      set({ detail: await call('decisions.get', { decisionId }), error: null });
    } catch (e) {
      set({ detail: null, error: errorInfo(e) });
    }
  },
}));
