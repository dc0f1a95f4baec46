// Pure part of the Chinese search: turning what the secretary typed into an FTS5 query over
// the bigram index of migrations/0005_exact_search.sql, and cutting an excerpt around the hit.
// No I/O, so it is tested on plain strings.

/** At most this many whitespace-separated terms are used (all must match). */
const MAX_TERMS = 8;

/**
 * Whitespace-separated terms (ASCII and ideographic spaces). Every term counts, punctuation
 * included: the index tokenizes punctuation as written (migrations/0005_exact_search.sql), so a
 * search gives exactly what LIKE '%term%' (every term) gives.
 */
export function searchTerms(query: string): string[] {
  return query
    .split(/\s+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TERMS);
}

/** Overlapping character bigrams, the same expansion the index triggers apply. */
export function bigrams(term: string): string[] {
  const chars = Array.from(term);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The FTS5 expression for the title and summary columns: each term becomes the phrase of
 * its bigrams (so its characters must be adjacent and in order), a 1-character term a
 * prefix query, and the terms are ANDed. Null when nothing searchable was typed.
 */
export function textMatch(query: string, columns: string = 'title summary'): string | null {
  const phrases = searchTerms(query).map((term) => {
    const grams = bigrams(term);
    // A 1-character term: every character is indexed as the start of a bigram or alone at the end.
    return grams.length === 0 ? `${quote(term)}*` : quote(grams.join(' '));
  });
  if (phrases.length === 0) return null;
  return `{${columns}} : (${phrases.join(' AND ')})`;
}

/** The full MATCH expression for one school's items (the org column holds "o<orgId>"). */
export function itemMatch(orgId: number, query: string, columns: 'title summary' | 'title' = 'title summary'): string | null {
  const text = textMatch(query, columns);
  return text === null ? null : `org : ${quote(`o${orgId}`)} AND ${text}`;
}

/**
 * The MATCH expression for one school's rows of another bigram index of the same shape
 * (decisions_fts, followups_fts of migrations/0011_search_everywhere.sql), over `columns`.
 */
export function orgMatch(orgId: number, query: string, columns: string): string | null {
  const text = textMatch(query, columns);
  return text === null ? null : `org : ${quote(`o${orgId}`)} AND ${text}`;
}

/** Matches of a school split as the result list shows them: title hits, then summary-only hits. */
export function itemMatchesByPart(orgId: number, query: string): { all: string; title: string; summaryOnly: string } | null {
  const all = itemMatch(orgId, query);
  const title = itemMatch(orgId, query, 'title');
  if (all === null || title === null) return null;
  return { all, title, summaryOnly: `(${all}) NOT (${textMatch(query, 'title')})` };
}

/**
 * A short excerpt of `text` around the first place one of the terms occurs, with an
 * ellipsis where text was cut. Used to show why a summary matched.
 */
export function excerpt(text: string, query: string, width = 60): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of searchTerms(query)) {
    const i = lower.indexOf(term.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  // indexOf counts UTF-16 units; convert to a character position.
  const charAt = at < 0 ? 0 : Array.from(text.slice(0, at)).length;
  const start = Math.max(0, Math.min(charAt - Math.floor(width / 4), chars.length - width));
  const end = start + width;
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
