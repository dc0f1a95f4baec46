// 督办: the board of every 督办事项 by status (followups.list), decisions still waiting for one
// (R17 cover, decisions.list), and the open decision with its follow-ups, reports, evaluations
// and the 修正 items they opened (R18).
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type DecisionRow = OutputOf<'decisions.list'>[number];
export type DecisionDetail = OutputOf<'decisions.get'>;
export type FollowUpView = DecisionDetail['followUps'][number];
export type BoardRow = OutputOf<'followups.list'>[number];

interface FollowUpsState {
  decisions: DecisionRow[];
  board: BoardRow[];
  loaded: boolean;
  error: LedgerErrorInfo | null;
  detail: DecisionDetail | null;
  loadDecisions(orgId: number): Promise<void>;
  loadBoard(orgId: number): Promise<void>;
  loadDetail(decisionId: number): Promise<void>;
}

export const useFollowUps = create<FollowUpsState>((set) => ({
  decisions: [],
  board: [],
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
  async loadBoard(orgId) {
    try {
      const [board, decisions] = await Promise.all([call('followups.list', { orgId, limit: 500 }), call('decisions.list', { orgId })]);
      set({ board, decisions, loaded: true, error: null });
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
