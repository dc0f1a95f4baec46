// 全局搜索 (Ctrl+K): one box over a school's items, meetings, decisions, minutes text, follow-ups
// and people, results grouped by kind, each naming where it opens. Items, decisions and
// follow-ups (the kinds a school has thousands of) are read from their bigram FTS5 indexes
// (migrations/0005, 0011) newest first and stopped at the page; meetings and people (hundreds)
// with LIKE; minutes text with instr() over the newest revision of each of the school's
// meetings. Every term must occur (as items.list does).
import { sql, type SQL } from 'drizzle-orm';
import type { ReadLedger } from '../ledger';
import { cnDate } from '../calendar';
import { FOLLOW_UP_STATUS_LABELS, MINUTES_STATE_LABELS, SEARCH_KIND_LABELS, SEARCH_KINDS, meetingTitle, type ItemState, type SearchKind } from '../terms';
import { itemStateLabel } from '../rules/group';
import { searchItems } from './items';
import { excerpt, orgMatch, searchTerms } from './query';

export interface SearchHit {
  kind: SearchKind;
  /** React key only; never shown. */
  key: string;
  title: string;
  detail: string;
  /** Where it opens: a section of the app and the record in it. */
  target: { section: 'items' | 'meetings' | 'minutes' | 'followups' | 'settings'; id?: number };
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  /** All matches of this kind; hits holds the first `perKind`. */
  total: number;
  hits: SearchHit[];
}

const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every term occurs in one of the expressions (all terms ANDed, each over the expressions ORed). */
function everyTerm(terms: string[], columns: SQL[]): SQL {
  return sql.join(
    terms.map((t) => sql`(${sql.join(columns.map((c) => sql`${c} LIKE ${like(t)} ESCAPE '\\'`), sql` OR `)})`),
    sql` AND `,
  );
}

const MEETING_TITLE = sql`(m.year || '年第' || m.seq || '次' || b.name)`;

export function searchEverywhere(ledger: ReadLedger, orgId: number, query: string, perKind = 8): { query: string; total: number; groups: SearchGroup[] } {
  const terms = searchTerms(query);
  if (terms.length === 0) return { query, total: 0, groups: [] };
  const db = ledger.db;
  const count = (from: SQL) => db.get<{ n: number }>(sql`SELECT count(*) AS n ${from}`)!.n;
  const groups: Record<SearchKind, { total: number; hits: SearchHit[] }> = {} as never;

  const items = searchItems(ledger, orgId, query, { limit: perKind });
  // A withdrawn campus item may have been sent up (上报集团): it says so (items_escalated_from index).
  const sentUp = (id: number) => ledger.sqlite.prepare('SELECT 1 FROM agenda_items WHERE escalated_from_id = ?').get(id) !== undefined;
  groups.item = {
    total: items.total,
    hits: items.items.map((i) => ({
      kind: 'item',
      key: `item:${i.id}`,
      title: i.title,
      detail: [itemStateLabel(i.state as ItemState, i.state === 'withdrawn' && sentUp(i.id)), i.excerpt].filter(Boolean).join(' · '),
      target: { section: 'items', id: i.id },
    })),
  };

  const meetingFrom = sql`FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id = ${orgId} AND ${everyTerm(terms, [MEETING_TITLE, sql`m.place`, sql`coalesce(m.first_topic, '')`])}`;
  groups.meeting = {
    total: count(meetingFrom),
    hits: db
      .all<{ id: number; year: number; seq: number; bodyName: string; startsAt: string; place: string }>(
        sql`SELECT m.id, m.year, m.seq, b.name AS bodyName, m.starts_at AS startsAt, m.place ${meetingFrom} ORDER BY m.starts_at DESC, m.id DESC LIMIT ${perKind}`,
      )
      .map((m) => ({ kind: 'meeting', key: `meeting:${m.id}`, title: meetingTitle(m.year, m.seq, m.bodyName), detail: `${cnDate(m.startsAt)} · ${m.place}`, target: { section: 'meetings', id: m.id } })),
  };

  const ftsPage = (table: string, match: string | null) => {
    if (match === null) return { total: 0, ids: [] as number[] };
    const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(table)} MATCH ${match}`)!.n;
    const ids = total === 0 ? [] : db.all<{ id: number }>(sql`SELECT rowid AS id FROM ${sql.identifier(table)} WHERE ${sql.identifier(table)} MATCH ${match} ORDER BY rowid DESC LIMIT ${perKind}`).map((r) => r.id);
    return { total, ids };
  };
  const inIds = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const byIds = <T extends { id: number }>(ids: number[], rows: T[]) => {
    const m = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => (m.has(id) ? [m.get(id)!] : []));
  };

  const dec = ftsPage('decisions_fts', orgMatch(orgId, query, 'text'));
  groups.decision = {
    total: dec.total,
    hits: dec.ids.length === 0 ? [] : byIds(
      dec.ids,
      db.all<{ id: number; number: number; text: string; year: number; seq: number; bodyName: string }>(
        sql`SELECT d.id, d.number, d.text, m.year, m.seq, b.name AS bodyName FROM decisions d JOIN agenda_entries e ON e.id = d.entry_id JOIN meetings m ON m.id = e.meeting_id JOIN bodies b ON b.id = m.body_id WHERE d.id IN (${inIds(dec.ids)})`,
      ),
    ).map((d) => ({ kind: 'decision', key: `decision:${d.id}`, title: excerpt(d.text, query, 60), detail: `${meetingTitle(d.year, d.seq, d.bodyName)} 第${d.number}项`, target: { section: 'followups', id: d.id } })),
  };

  // The newest revision of each meeting's minutes (a 勘误 replaces what is read, never the old text).
  // instr, not LIKE: a byte search, fast over a school's years of minutes (exact for Chinese);
  // lower() on both sides so Latin letters match in either case (WiFi, wifi, PPT), as LIKE does elsewhere.
  const minutesFrom = sql`FROM bodies b CROSS JOIN meetings m ON m.body_id = b.id CROSS JOIN minutes x ON x.meeting_id = m.id
    WHERE b.org_id = ${orgId} AND x.revision = (SELECT max(y.revision) FROM minutes y WHERE y.meeting_id = x.meeting_id)
      AND ${sql.join(terms.map((t) => sql`instr(lower(x.content), ${t.toLowerCase()}) > 0`), sql` AND `)}`;
  groups.minutes = {
    total: count(minutesFrom),
    hits: db
      .all<{ meetingId: number; content: string; docNumber: string; state: string; year: number; seq: number; bodyName: string }>(
        sql`SELECT x.meeting_id AS meetingId, x.content, x.doc_number AS docNumber, x.state, m.year, m.seq, b.name AS bodyName ${minutesFrom} ORDER BY m.starts_at DESC LIMIT ${perKind}`,
      )
      .map((x) => ({
        kind: 'minutes',
        key: `minutes:${x.meetingId}`,
        title: `${meetingTitle(x.year, x.seq, x.bodyName)}纪要（${x.docNumber}）`,
        detail: [MINUTES_STATE_LABELS[x.state as keyof typeof MINUTES_STATE_LABELS], excerpt(plainText(x.content), query, 60)].filter(Boolean).join(' · '),
        target: { section: 'minutes', id: x.meetingId },
      })),
  };

  const fuMatch = orgMatch(orgId, query, 'task owner_dept note');
  const fu = ftsPage('followups_fts', fuMatch);
  // A person's name also finds the follow-ups they are responsible for, of this school only (the
  // index's org column says whose a follow-up is, a 集团 one included).
  const ownedFrom = sql`FROM persons p CROSS JOIN follow_ups f ON f.owner_id = p.id
    WHERE ${everyTerm(terms, [sql`p.name`])} AND f.id IN (SELECT rowid FROM followups_fts WHERE followups_fts MATCH ${`org : "o${orgId}"`})`;
  const owned = db.all<{ id: number }>(sql`SELECT f.id ${ownedFrom} ORDER BY f.id DESC LIMIT ${perKind}`).map((r) => r.id);
  const fuIds = owned.length === 0 ? fu.ids : [...new Set([...owned, ...fu.ids])].slice(0, perKind);
  const fuTotal =
    owned.length === 0
      ? fu.total
      : db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT f.id ${ownedFrom}${fuMatch === null ? sql`` : sql` UNION SELECT rowid FROM followups_fts WHERE followups_fts MATCH ${fuMatch}`})`)!.n;
  groups.followup = {
    total: fuTotal,
    hits: fuIds.length === 0 ? [] : byIds(
      fuIds,
      db.all<{ id: number; decisionId: number; task: string; ownerDept: string; ownerName: string | null; deadline: string; state: string }>(
        sql`SELECT f.id, f.decision_id AS decisionId, f.task, f.owner_dept AS ownerDept, p.name AS ownerName, f.deadline, f.state FROM follow_ups f LEFT JOIN persons p ON p.id = f.owner_id WHERE f.id IN (${inIds(fuIds)})`,
      ),
    ).map((f) => ({
      kind: 'followup',
      key: `followup:${f.id}`,
      title: f.task,
      detail: `${[f.ownerDept, f.ownerName].filter(Boolean).join(' ')} · 完成时限${cnDate(f.deadline)}${f.state === 'done' ? ` · ${FOLLOW_UP_STATUS_LABELS.done}` : ''}`,
      target: { section: 'followups', id: f.decisionId },
    })),
  };

  const personFrom = sql`FROM persons p WHERE p.org_id = ${orgId} AND ${everyTerm(terms, [sql`p.name`, sql`coalesce(p.department, '')`])}`;
  groups.person = {
    total: count(personFrom),
    hits: db
      .all<{ id: number; name: string; department: string | null; active: number }>(sql`SELECT p.id, p.name, p.department, p.active ${personFrom} ORDER BY p.active DESC, p.name LIMIT ${perKind}`)
      .map((p) => ({ kind: 'person', key: `person:${p.id}`, title: p.name, detail: [p.department, p.active ? '' : '已不在职'].filter(Boolean).join(' · '), target: { section: 'settings' } })),
  };

  const out = SEARCH_KINDS.map((kind) => ({ kind, label: SEARCH_KIND_LABELS[kind], ...groups[kind] })).filter((g) => g.total > 0);
  return { query, total: out.reduce((n, g) => n + g.total, 0), groups: out };
}

/** The words of stored minutes content (JSON), without its keys and brackets, for an excerpt. */
function plainText(json: string): string {
  return json
    .replace(/"[A-Za-z_]+":/g, ' ')
    .replace(/[{}[\]",]+/g, ' ')
    .replace(/\b(null|true|false|\d+)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
