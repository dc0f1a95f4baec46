// What the benchmark measures, each core path next to its peer in the same run (raw
// better-sqlite3 SQL for the same answer, or the LIKE scan the search index replaces).
// Every pair is also checked to give the same answer, so a fast wrong path cannot pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch, type ChannelName } from '../db/api';
import type { Ledger } from '../db/ledger';
import { openLedger } from '../db/open';
import { LOOP_STAGES } from '../db/rules/loop';
import { markerPath } from '../db/trust/clean';
import { searchItems } from '../db/search/items';
import { searchTerms } from '../db/search/query';
import { BENCH_TODAY, MIGRATIONS } from './generate';
import { time, type Row, type Timing } from './measure';

export interface SuiteOptions {
  file: string;
  orgIds: number[];
  /** Repetitions of each fast measurement. */
  runs: number;
  /** What the ledger is, for the dashboard rows' group. */
  label?: string;
  log?: (s: string) => void;
}

const now = () => new Date(`${BENCH_TODAY}T09:00:00`);

/** Open as the app does: pragmas, migration check, future-version guard. */
export function openBenchLedger(file: string): Ledger {
  return openLedger(file, { migrationsFolder: MIGRATIONS, now, operator: '基准' });
}

/** A channel's value, or null when the channel is not written yet (尚未实现). */
function callOrNull(ledger: Ledger, channel: ChannelName, input: unknown): unknown {
  const r = dispatch(ledger, channel, input);
  if (r.ok) return r.value;
  if (r.error.message.includes('尚未实现')) return null;
  throw new Error(`${channel}: ${r.error.message}`);
}

/** Ids of a list answer, in order: arrays, {rows}, {items}. */
function idsOf(v: unknown): number[] {
  const list = Array.isArray(v) ? v : ((v as { rows?: unknown[]; items?: unknown[] }).rows ?? (v as { items: unknown[] }).items);
  return (list as { id: number }[]).map((r) => r.id);
}
const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: number[], b: number[]) => sameList([...a].sort((x, y) => x - y), [...b].sort((x, y) => x - y));

/** Rotate over the schools so no single school's pages stay hot in the cache. */
function rotating<T>(orgIds: number[], fn: (orgId: number) => T): () => T {
  let i = 0;
  return () => fn(orgIds[i++ % orgIds.length]!);
}

// ── 1. open + dashboard ─────────────────────────────────────────────────────
/**
 * The dashboard answer in hand-written SQL: stage counts, overdue follow-ups (longest late
 * first), decisions lacking a follow-up (R17), next meetings, open 临时处置, recent warnings.
 */
function rawDashboard(db: Database.Database, orgId: number) {
  const byState = new Map(
    (db.prepare('SELECT state, count(*) AS n FROM agenda_items WHERE org_id = ? GROUP BY state').all(orgId) as { state: string; n: number }[]).map((r) => [r.state, r.n]),
  );
  const overdue = db
    .prepare(
      // The same columns as the app's answer: owner and 分管领导, evaluation, decision and item.
      `SELECT f.id, f.decision_id, f.task, f.owner_dept, f.owner_id, p.name AS owner_name, f.leader_id, l.name AS leader_name,
              f.deadline, f.state, f.completed_at, f.completion_note, f.created_at,
              v.id AS evaluation_id, v.rating, v.effect, v.failed, v.correction_item_id, d.text, i.title
       FROM agenda_items i JOIN decisions d ON d.item_id = i.id JOIN follow_ups f ON f.decision_id = d.id
       LEFT JOIN persons p ON p.id = f.owner_id LEFT JOIN persons l ON l.id = f.leader_id
       LEFT JOIN evaluations v ON v.follow_up_id = f.id
       WHERE i.org_id = ? AND f.state <> 'done' AND f.deadline < ? ORDER BY f.deadline, f.id LIMIT 1000`,
    )
    .all(orgId, BENCH_TODAY) as { id: number }[];
  const lacking = db
    .prepare(
      `SELECT d.id, d.number, d.text, d.item_id, i.title, i.state, d.no_follow_up_reason, d.loop_state, m.id AS meeting_id, m.year, m.seq, m.starts_at, b.name
       FROM agenda_items i JOIN decisions d ON d.item_id = i.id JOIN agenda_entries e ON e.id = d.entry_id
       JOIN meetings m ON m.id = e.meeting_id JOIN bodies b ON b.id = m.body_id
       WHERE i.org_id = ? AND d.no_follow_up_reason IS NULL AND d.loop_state <> 'reconsidered'
         AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.decision_id = d.id)
       ORDER BY m.starts_at, d.number`,
    )
    .all(orgId) as { id: number }[];
  db.prepare(
    `SELECT m.id, m.year, m.seq, m.starts_at, m.place, m.state, b.kind, b.name,
       (SELECT count(*) FROM agenda_entries e WHERE e.meeting_id = m.id) AS items
     FROM meetings m JOIN bodies b ON b.id = m.body_id
     WHERE b.org_id = ? AND m.state <> 'closed' AND m.starts_at >= ? ORDER BY m.starts_at LIMIT 5`,
  ).all(orgId, BENCH_TODAY);
  db.prepare(
    `SELECT a.id, a.at, a.reason, a.action, p.name, b.name FROM emergency_actions a JOIN persons p ON p.id = a.actor_id
     JOIN bodies b ON b.id = a.body_id WHERE a.org_id = ? AND a.reported_entry_id IS NULL ORDER BY a.at`,
  ).all(orgId);
  db.prepare('SELECT id, rule, subject_type, subject_id, message, at FROM rule_warnings WHERE org_id = ? ORDER BY id DESC LIMIT 20').all(orgId);
  const stages = LOOP_STAGES.map((st) => ({
    key: st.key,
    count: st.key === 'overdue' ? overdue.length : st.states.reduce((n, x) => n + (byState.get(x) ?? 0), 0),
  }));
  return { stages, overdue: overdue.map((r) => r.id), lacking: lacking.map((r) => r.id) };
}

/** A connection opened as the app opens it (same pragmas), without drizzle and the migration check. */
function rawOpen(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Fewer repetitions for slow steps (a whole-file check at open takes seconds on the district file). */
function timeAdaptive(fn: () => unknown, runs: number): Timing {
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  return first > 500 ? time(fn, Math.min(runs, 5), 0) : time(fn, runs);
}

/**
 * The dashboard three ways, each next to raw better-sqlite3: opening alone (guards, pragmas,
 * migration check), loop.status on an open ledger, and both together (the app's cold start).
 */
export function dashboardRows(label: string, file: string, orgId: number, runs: number): Row[] {
  const group = `open + dashboard, ${label}`;
  const n = Math.max(3, Math.ceil(runs / 2));
  // The app's usual start follows a clean close, which leaves the marker that spares quick_check.
  openBenchLedger(file).close();
  const open = timeAdaptive(() => openBenchLedger(file).close(), n);
  // After an unclean end (or weekly) there is no marker: quick_check runs in place before the UI.
  const unclean = timeAdaptive(() => {
    fs.rmSync(markerPath(file), { force: true });
    openBenchLedger(file).close();
  }, n);
  const rawOpenT = timeAdaptive(() => rawOpen(file).close(), n);

  const ledger = openBenchLedger(file);
  let status: Timing;
  let rawStatus: Timing;
  let same: boolean;
  let pendingChannel = false;
  try {
    const probe = callOrNull(ledger, 'loop.status', { orgId });
    pendingChannel = probe === null;
    same = pendingChannel || sameDashboard(probe, rawDashboard(ledger.sqlite, orgId));
    status = time(() => (pendingChannel ? rawDashboard(ledger.sqlite, orgId) : dispatch(ledger, 'loop.status', { orgId })), runs);
    rawStatus = time(() => rawDashboard(ledger.sqlite, orgId), runs);
  } finally {
    ledger.close();
  }
  const both = timeAdaptive(() => {
    const l = openBenchLedger(file);
    try {
      if (pendingChannel) rawDashboard(l.sqlite, orgId);
      else dispatch(l, 'loop.status', { orgId });
    } finally {
      l.close();
    }
  }, n);
  const rawBoth = timeAdaptive(() => {
    const db = rawOpen(file);
    try {
      rawDashboard(db, orgId);
    } finally {
      db.close();
    }
  }, n);
  const channel = pendingChannel ? 'dashboard SQL (loop.status 尚未实现)' : 'loop.status';
  return [
    { group, name: 'openLedger after a clean close (guards, pragmas, migration check)', t: open, peer: { name: 'new Database + pragmas', t: rawOpenT } },
    { group, name: 'openLedger without a clean-close marker (quick_check in place)', t: unclean, peer: { name: 'new Database + pragmas', t: rawOpenT } },
    { group, name: `${channel} on an open ledger`, t: status, peer: { name: 'raw SQL, same answer', t: rawStatus }, same },
    {
      group,
      name: `openLedger + ${channel} (cold start)`,
      t: both,
      peer: { name: 'new Database + pragmas + raw SQL', t: rawBoth },
      same,
      target: '< 100 ms, ≤ 1.3× raw',
      met: both.p95 < 100 && both.median <= 1.3 * rawBoth.median,
    },
  ];
}

/** loop.status against the raw answer: the same overdue follow-ups and the same decisions lacking one. */
function sameDashboard(core: unknown, raw: ReturnType<typeof rawDashboard>): boolean {
  const c = core as { stages?: { key: string; count: number }[]; overdueFollowUps?: { id: number }[]; decisionsWithoutFollowUp?: { id: number }[] };
  if (!c.stages || !c.overdueFollowUps || !c.decisionsWithoutFollowUp) return false;
  const stagesSame = raw.stages.every((st) => c.stages!.find((x) => x.key === st.key)?.count === st.count);
  return stagesSame && sameSet(c.overdueFollowUps.map((f) => f.id), raw.overdue) && sameSet(c.decisionsWithoutFollowUp.map((d) => d.id), raw.lacking);
}

// ── 2. list pages ───────────────────────────────────────────────────────────
interface ListCase {
  name: string;
  channel: ChannelName;
  input: (orgId: number) => unknown;
  raw: (db: Database.Database, orgId: number) => number[];
  /** Compare in order (paged lists) or as sets (whole lists). */
  ordered: boolean;
}

/** The 督办 list row: the follow-up with owner, 分管领导, evaluation, decision text and item title. */
const FOLLOW_UP_COLUMNS = `SELECT f.id, f.decision_id, f.task, f.owner_dept, f.owner_id, o.name AS owner_name, f.leader_id, l.name AS leader_name,
    f.deadline, f.state, f.completed_at, f.completion_note, f.created_at, ev.id AS evaluation_id, ev.rating, ev.effect, ev.failed,
    ev.correction_item_id, d.text AS decision_text, i.title AS item_title
  FROM agenda_items i JOIN decisions d ON d.item_id = i.id JOIN follow_ups f ON f.decision_id = d.id
  LEFT JOIN persons o ON o.id = f.owner_id LEFT JOIN persons l ON l.id = f.leader_id
  LEFT JOIN evaluations ev ON ev.follow_up_id = f.id`;

const listCases: ListCase[] = [
  {
    name: 'items.list first page',
    channel: 'items.list',
    input: (orgId) => ({ orgId }),
    ordered: true,
    raw: (db, orgId) => {
      const ids = db
        .prepare(
          `SELECT i.id FROM agenda_items i JOIN matters m ON m.id = i.matter_id JOIN persons p ON p.id = i.proposer_id
           WHERE i.org_id = ? ORDER BY i.created_at DESC, i.id DESC LIMIT 100`,
        )
        .all(orgId) as { id: number }[];
      db.prepare('SELECT count(*) AS n FROM agenda_items WHERE org_id = ?').get(orgId);
      return ids.map((r) => r.id);
    },
  },
  {
    name: 'items.list 督办中',
    channel: 'items.list',
    input: (orgId) => ({ orgId, states: ['follow_up'] }),
    ordered: true,
    raw: (db, orgId) => {
      const ids = db
        .prepare(
          `SELECT i.id FROM agenda_items i JOIN matters m ON m.id = i.matter_id JOIN persons p ON p.id = i.proposer_id
           WHERE i.org_id = ? AND i.state IN ('follow_up') ORDER BY i.created_at DESC, i.id DESC LIMIT 100`,
        )
        .all(orgId) as { id: number }[];
      db.prepare("SELECT count(*) AS n FROM agenda_items WHERE org_id = ? AND state IN ('follow_up')").get(orgId);
      return ids.map((r) => r.id);
    },
  },
  {
    name: 'followups.list overdue',
    channel: 'followups.list',
    input: (orgId) => ({ orgId, state: 'overdue' }),
    ordered: false,
    raw: (db, orgId) =>
      (
        db
          .prepare(
            `${FOLLOW_UP_COLUMNS} WHERE i.org_id = ? AND f.state <> 'done' AND f.deadline < ? ORDER BY f.deadline, f.id LIMIT 200`,
          )
          .all(orgId, BENCH_TODAY) as { id: number }[]
      ).map((r) => r.id),
  },
  {
    name: 'followups.list open',
    channel: 'followups.list',
    input: (orgId) => ({ orgId, state: 'open' }),
    ordered: false,
    raw: (db, orgId) =>
      (
        db
          .prepare(
            `${FOLLOW_UP_COLUMNS} WHERE i.org_id = ? AND f.state <> 'done' ORDER BY f.deadline, f.id LIMIT 200`,
          )
          .all(orgId) as { id: number }[]
      ).map((r) => r.id),
  },
  {
    name: 'decisions.list by year',
    channel: 'decisions.list',
    input: (orgId) => ({ orgId, year: 2024 }),
    ordered: false,
    raw: (db, orgId) =>
      (
        db
          .prepare(
            `SELECT d.id, d.number, d.text, d.item_id, i.title, i.state, d.no_follow_up_reason, d.loop_state, m.id AS meeting_id,
               m.year, m.seq, m.starts_at, b.name,
               (SELECT count(*) FROM follow_ups f WHERE f.decision_id = d.id) AS follow_ups,
               (SELECT count(*) FROM follow_ups f WHERE f.decision_id = d.id AND f.state <> 'done') AS open_follow_ups
             FROM agenda_items i JOIN decisions d ON d.item_id = i.id JOIN agenda_entries e ON e.id = d.entry_id
             JOIN meetings m ON m.id = e.meeting_id JOIN bodies b ON b.id = m.body_id
             WHERE i.org_id = ? AND m.year = 2024 ORDER BY m.starts_at DESC, d.number`,
          )
          .all(orgId) as { id: number }[]
      ).map((r) => r.id),
  },
];

function listRows(o: SuiteOptions, ledger: Ledger): Row[] {
  const rows: Row[] = [];
  for (const c of listCases) {
    const probe = callOrNull(ledger, c.channel, c.input(o.orgIds[0]!));
    const raw = time(rotating(o.orgIds, (orgId) => c.raw(ledger.sqlite, orgId)), o.runs);
    if (probe === null) {
      rows.push({ group: 'list pages', name: c.name, note: `${c.channel} 尚未实现, raw only`, t: raw, target: 'p95 < 20 ms', met: raw.p95 < 20 });
      continue;
    }
    const same = o.orgIds.every((orgId) => {
      const a = idsOf(callOrNull(ledger, c.channel, c.input(orgId)));
      const b = c.raw(ledger.sqlite, orgId);
      return c.ordered ? sameList(a, b) : sameSet(a, b);
    });
    const t = time(rotating(o.orgIds, (orgId) => dispatch(ledger, c.channel, c.input(orgId))), o.runs);
    rows.push({ group: 'list pages', name: c.name, t, peer: { name: 'raw SQL', t: raw }, same, target: 'p95 < 20 ms', met: t.p95 < 20 });
  }
  return rows;
}

// ── 3. Chinese search ───────────────────────────────────────────────────────
export const SEARCH_TERMS = ['预算', '招聘', '合同', '防溺水', '食堂承包合同', '2024年 预算'];

/** The scan the index replaces: every term LIKE '%…%' in title or summary, same order as searchItems. */
function likeSearch(db: Database.Database, orgId: number | null, query: string): number[] {
  const terms = searchTerms(query);
  const cond = terms.map(() => "(title LIKE ? ESCAPE '\\' OR summary LIKE ? ESCAPE '\\')").join(' AND ');
  const args = terms.flatMap((t) => {
    const p = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return [p, p];
  });
  const where = orgId === null ? cond : `org_id = ? AND ${cond}`;
  const params = orgId === null ? args : [orgId, ...args];
  const ids = (db.prepare(`SELECT id FROM agenda_items WHERE ${where}`).all(...params) as { id: number }[]).map((r) => r.id);
  return ids;
}

function searchRows(o: SuiteOptions, ledger: Ledger): Row[] {
  const rows: Row[] = [];
  const db = ledger.sqlite;
  for (const term of SEARCH_TERMS) {
    // Same answer: the full match set of the index equals the LIKE scan's, for every school.
    const same = o.orgIds.every((orgId) => {
      const all = searchItems(ledger, orgId, term, { limit: 500 });
      const like = likeSearch(db, orgId, term);
      if (all.total !== like.length) return false;
      return like.length > 500 || sameSet(all.items.map((i) => i.id), like);
    });
    const t = time(rotating(o.orgIds, (orgId) => searchItems(ledger, orgId, term, { limit: 50 })), o.runs);
    const peer = time(rotating(o.orgIds, (orgId) => likeSearch(db, orgId, term)), o.runs);
    const hits = searchItems(ledger, o.orgIds[0]!, term).total;
    rows.push({
      group: 'search (one school)',
      name: `searchItems「${term}」`,
      note: `${hits} hits`,
      t,
      peer: { name: "LIKE '%…%' scan", t: peer },
      same,
      target: 'p95 < 30 ms, ≥ 20×',
      met: t.p95 < 30 && peer.median / t.median >= 20,
    });
  }
  return rows;
}

/**
 * 全局搜索 (Ctrl+K, search.everywhere through dispatch as the renderer calls it): items by the
 * index plus meetings, decisions, minutes text, follow-ups and people of one school. Its peer is
 * the items-only search of the same term, so the row shows what the other five kinds add.
 */
export const EVERYWHERE_TERMS = ['预算', '安全', '食堂承包合同', '2024年 预算', '王'];
export function everywhereRows(o: SuiteOptions, ledger: Ledger): Row[] {
  return EVERYWHERE_TERMS.map((term) => {
    const run = (orgId: number) => {
      const r = dispatch(ledger, 'search.everywhere', { orgId, query: term });
      if (!r.ok) throw new Error(`search.everywhere: ${r.error.message}`);
      return r.value as { total: number; groups: { kind: string; total: number }[] };
    };
    const t = time(rotating(o.orgIds, run), o.runs);
    const peer = time(rotating(o.orgIds, (orgId) => searchItems(ledger, orgId, term, { limit: 8 })), o.runs);
    const first = run(o.orgIds[0]!);
    // Same answer for items: the item group's count is the index's count.
    const same = o.orgIds.slice(0, 5).every((orgId) => (run(orgId).groups.find((g) => g.kind === 'item')?.total ?? 0) === searchItems(ledger, orgId, term, { limit: 1 }).total);
    return {
      group: 'search everywhere (Ctrl+K, one school)',
      name: `search.everywhere「${term}」`,
      note: `${first.total} hits in ${first.groups.length} kinds`,
      t,
      peer: { name: 'items only (searchItems)', t: peer },
      same,
      target: 'p95 < 50 ms',
      met: t.p95 < 50,
    };
  });
}

// ── the index's price on writes ─────────────────────────────────────────────
/**
 * Filing one item (one transaction, synchronous=FULL as the app runs) with the search
 * trigger, next to the same insert into a copy of the ledger without it.
 */
export function insertRows(file: string, runs: number): Row[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-insert-'));
  try {
    const timeInserts = (dropTrigger: boolean) => {
      const copy = path.join(dir, dropTrigger ? 'plain.sqlite' : 'indexed.sqlite');
      const src = new Database(file, { readonly: true });
      src.prepare('VACUUM INTO ?').run(copy);
      src.close();
      const db = rawOpen(copy);
      try {
        if (dropTrigger) db.exec('DROP TRIGGER items_fts_insert');
        const template = db.prepare('SELECT * FROM agenda_items ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
        const cols = Object.keys(template).filter((c) => c !== 'id');
        const insert = db.prepare(`INSERT INTO agenda_items (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
        let n = 0;
        const one = db.transaction(() => insert.run({ ...template, title: `关于第${++n}批教师招聘的请示`, summary: `${template.summary as string}（第${n}稿）` }));
        return time(() => one.immediate(), runs);
      } finally {
        db.close();
      }
    };
    const withIndex = timeInserts(false);
    const without = timeInserts(true);
    return [
      {
        group: 'writes',
        name: 'file one item (1 transaction, synchronous=FULL) with the search trigger',
        t: withIndex,
        peer: { name: 'same insert without the trigger', t: without },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The backup is timed as the app runs it, with the user's actions (bench/actions.ts).

// ── all of it ───────────────────────────────────────────────────────────────
export async function runSuites(o: SuiteOptions): Promise<Row[]> {
  const log = o.log ?? (() => {});
  log('open + dashboard …');
  const rows = dashboardRows(o.label ?? 'this ledger', o.file, o.orgIds[0]!, o.runs);
  const ledger = openBenchLedger(o.file);
  try {
    log('list pages …');
    rows.push(...listRows(o, ledger));
    log('search …');
    rows.push(...searchRows(o, ledger));
    rows.push(...everywhereRows(o, ledger));
    return rows;
  } finally {
    ledger.close();
  }
}
