// 议题: the list (with a state filter and a title search) and the open item's detail.
import { create } from 'zustand';
import type { ItemState } from '../../db/terms';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type ItemRow = OutputOf<'items.list'>['rows'][number];
export type ItemDetail = OutputOf<'items.get'>;

interface ItemsState {
  rows: ItemRow[];
  total: number;
  loading: boolean;
  error: LedgerErrorInfo | null;
  filter: { states?: ItemState[]; search: string };
  detail: ItemDetail | null;
  detailError: LedgerErrorInfo | null;
  setFilter(filter: Partial<ItemsState['filter']>, orgId: number): Promise<void>;
  loadList(orgId: number): Promise<void>;
  loadDetail(itemId: number): Promise<void>;
}

export const useItems = create<ItemsState>((set, get) => ({
  rows: [],
  total: 0,
  loading: false,
  error: null,
  filter: { search: '' },
  detail: null,
  detailError: null,
  async setFilter(filter, orgId) {
    set({ filter: { ...get().filter, ...filter } });
    await get().loadList(orgId);
  },
  async loadList(orgId) {
    set({ loading: true });
    const { states, search } = get().filter;
    try {
      const out = await call('items.list', { orgId, states, search: search.trim() || undefined, limit: 200 });
      set({ rows: out.rows, total: out.total, loading: false, error: null });
    } catch (e) {
      set({ loading: false, error: errorInfo(e) });
    }
  },
  async loadDetail(itemId) {
    try {
      const detail = await call('items.get', { itemId });
      set({ detail, detailError: null });
    } catch (e) {
      set({ detail: null, detailError: errorInfo(e) });
    }
  },
}));
