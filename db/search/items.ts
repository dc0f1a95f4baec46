// Chinese full-text search over a school's agenda items, on the bigram FTS5 index that the
// triggers of migrations/0001_0001_search.sql keep in sync with agenda_items. 2-character words
// (预算, 招聘, 合同) are as fast as longer ones; see docs/performance.md for the numbers.
import { sql, type SQL } from 'drizzle-orm';
import type { ReadLedger } from '../ledger';
import { agendaItems } from '../schema';
import { excerpt, itemMatch, itemMatchesByPart } from './query';

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
 * separates terms): items matching in the title first, then summary-only matches, each
 * newest first. Both parts are read in rowid order straight from the FTS5 doclists and stop
 * at the page, so a common 2-character word costs no more than a rare one (no per-match
 * ranking, no per-match row lookup).
 */
export function searchItems(ledger: ReadLedger, orgId: number, query: string, page: SearchPage = {}): ItemSearchResult {
  const parts = itemMatchesByPart(orgId, query);
  if (parts === null) return { total: 0, items: [] };
  const limit = Math.max(1, Math.min(page.limit ?? 50, 500));
  const offset = Math.max(0, page.offset ?? 0);
  const count = (match: string) => ledger.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH ${match}`)!.n;
  const total = count(parts.all);
  if (total === 0 || offset >= total) return { total, items: [] };
  const inTitle = count(parts.title);
  const idsOf = (match: string, take: number, skip: number) =>
    take <= 0
      ? []
      : ledger.db
          .all<{ id: number }>(sql`SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${take} OFFSET ${skip}`)
          .map((r) => r.id);
  const titleIds = offset < inTitle ? idsOf(parts.title, Math.min(limit, inTitle - offset), offset) : [];
  const ids = [...titleIds, ...idsOf(parts.summaryOnly, limit - titleIds.length, Math.max(0, offset - inTitle))];
  const rows = ledger.db.all<Omit<ItemHit, 'excerpt'> & { summary: string }>(sql`
    SELECT i.id, i.title, i.summary, i.state, i.kind, i.matter_id AS matterId, i.created_at AS createdAt
    FROM agenda_items i WHERE i.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total,
    items: ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const { summary, ...rest } = r;
      return [{ ...rest, excerpt: excerpt(summary, query) }];
    }),
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
