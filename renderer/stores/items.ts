// 议题: the list (state, 事项分组, 三重一大, year and a search on the core's bigram index) and the
// open item's detail. The list is read in pages as the virtual list scrolls: rows[] has a hole
// for every row not read yet, so 10,000 items cost only the pages the secretary looks at.
import { create } from 'zustand';
import type { ItemState } from '../../db/terms';
import { call, errorInfo, type InputOf, type LedgerErrorInfo, type OutputOf } from '../ledger-client';

export type ItemRow = OutputOf<'items.list'>['rows'][number];
export type ItemDetail = OutputOf<'items.get'>;

export interface ItemFilter {
  states?: ItemState[];
  search: string;
  matterGroup?: string;
  major?: boolean;
  year?: number;
}

/** Rows per items.list call (the contract allows up to 500). */
export const PAGE = 200;

interface ItemsState {
  rows: (ItemRow | undefined)[];
  total: number;
  loading: boolean;
  error: LedgerErrorInfo | null;
  filter: ItemFilter;
  detail: ItemDetail | null;
  detailError: LedgerErrorInfo | null;
  setFilter(filter: Partial<ItemFilter>, orgId: number): Promise<void>;
  loadList(orgId: number): Promise<void>;
  /** Read the pages that cover rows start…end if they are not loaded or loading. */
  ensureRange(orgId: number, start: number, end: number): Promise<void>;
  loadDetail(itemId: number): Promise<void>;
}

/** Bumped on every new filter: a page that arrives for an older filter is dropped. */
let generation = 0;
const pending = new Set<string>();

function query(orgId: number, f: ItemFilter, offset: number): InputOf<'items.list'> {
  return {
    orgId,
    states: f.states,
    search: f.search.trim() || undefined,
    matterGroup: f.matterGroup,
    major: f.major,
    year: f.year,
    limit: PAGE,
    offset,
  };
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
    const gen = ++generation;
    pending.clear();
    set({ loading: true });
    try {
      const out = await call('items.list', query(orgId, get().filter, 0));
      if (gen !== generation) return;
      const rows: (ItemRow | undefined)[] = new Array(out.total);
      out.rows.forEach((r, i) => (rows[i] = r));
      set({ rows, total: out.total, loading: false, error: null });
    } catch (e) {
      if (gen === generation) set({ loading: false, error: errorInfo(e) });
    }
  },
  async ensureRange(orgId, start, end) {
    const gen = generation;
    const { rows } = get();
    const pages: number[] = [];
    for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++) {
      const at = p * PAGE;
      if (at < rows.length && rows[at] === undefined && !pending.has(`${gen}:${p}`)) pages.push(p);
    }
    await Promise.all(
      pages.map(async (p) => {
        pending.add(`${gen}:${p}`);
        try {
          const out = await call('items.list', query(orgId, get().filter, p * PAGE));
          if (gen !== generation) return;
          const next = get().rows.slice();
          out.rows.forEach((r, i) => (next[p * PAGE + i] = r));
          set({ rows: next, total: out.total });
        } catch (e) {
          if (gen === generation) set({ error: errorInfo(e) });
        } finally {
          pending.delete(`${gen}:${p}`);
        }
      }),
    );
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
