// Chinese full-text search over a school's agenda items, on the bigram FTS5 index that the
// triggers of db/sql/0001_search.sql keep in sync with agenda_items. 2-character words
// (预算, 招聘, 合同) are as fast as longer ones; see docs/performance.md for the numbers.
import { sql, type SQL } from 'drizzle-orm';
import type { Ledger } from '../ledger';
import { agendaItems } from '../schema';
import { excerpt, itemMatch } from './query';

export interface ItemHit {
  id: number;
  title: string;
  state: string;
  kind: string;
  matterId: number;
  createdAt: string;
  /** Part of the summary around the first hit (or its start when only the title matched). */
  excerpt: string;
}

export interface ItemSearchResult {
  /** All matches of the school, for paging. */
  total: number;
  items: ItemHit[];
}

export interface SearchPage {
  limit?: number;
  offset?: number;
}

/**
 * A school's items whose title or summary contains every term of `query` (whitespace
 * separates terms), title hits first (bm25, title weighted ×10), then newest first.
 */
export function searchItems(ledger: Ledger, orgId: number, query: string, page: SearchPage = {}): ItemSearchResult {
  const match = itemMatch(orgId, query);
  if (match === null) return { total: 0, items: [] };
  const limit = Math.max(1, Math.min(page.limit ?? 50, 500));
  const offset = Math.max(0, page.offset ?? 0);
  const total = ledger.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH ${match}`)!.n;
  if (total === 0) return { total, items: [] };
  // Rank and page inside FTS5 first, then read only the page's rows: joining every match
  // to agenda_items before the LIMIT costs a row lookup per match.
  const rows = ledger.db.all<Omit<ItemHit, 'excerpt'> & { summary: string }>(sql`
    WITH hits AS (
      SELECT rowid AS id, rank FROM items_fts WHERE items_fts MATCH ${match}
      ORDER BY rank, rowid DESC LIMIT ${limit} OFFSET ${offset}
    )
    SELECT i.id, i.title, i.summary, i.state, i.kind, i.matter_id AS matterId, i.created_at AS createdAt
    FROM hits JOIN agenda_items i ON i.id = hits.id
    ORDER BY hits.rank, hits.id DESC`);
  return {
    total,
    items: rows.map(({ summary, ...r }) => ({ ...r, excerpt: excerpt(summary, query) })),
  };
}

/**
 * A WHERE condition on agenda_items for list pages that combine search with other filters
 * (items.list's `search`). Callers skip it for a blank query; a query with nothing
 * searchable in it (only punctuation) matches no item.
 */
export function itemSearchCondition(orgId: number, query: string): SQL {
  const match = itemMatch(orgId, query);
  if (match === null) return sql`0`;
  return sql`${agendaItems.id} IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ${match})`;
}
