// EXPLAIN QUERY PLAN of every query behind a channel, as the core really issues them: every SQL
// statement a channel prepares (reads, and the WHERE of updates and deletes) is captured while
// every channel of the contract is called on the bench's district file (test/bench/every-channel.ts),
// and none may read a table that grows with the years whole (a full SCAN) or sort a school's
// whole item list for one page. So an index that disappears from db/schema.ts, or a query
// rewritten around it, fails here instead of in a district ledger. Timings are not tested
// (bench/ prints them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type ChannelName } from '../../db/api';
import { CHANNEL_NAMES } from '../../db/contract';
import type { Ledger } from '../../db/ledger';
import { openLedger } from '../../db/open';
import { searchItems } from '../../db/search/items';
import { districtLedger, MIGRATIONS } from '../../bench/generate';
import { openBenchLedger } from '../../bench/suites';
import { wrapLedger } from '../support/ledger';
import { everyChannel } from './every-channel';

/** Tables that grow with every meeting: reading one whole is what the indexes prevent. */
const BIG = [
  'agenda_items', 'item_transitions', 'consultations', 'consultation_stances', 'meetings', 'attendance', 'agenda_entries',
  'statements', 'ballots', 'recusals', 'written_opinions', 'reconsiderations', 'decisions', 'minutes', 'follow_ups',
  'progress_reports', 'evaluations', 'emergency_actions', 'rule_warnings', 'audit_log', 'seals',
];

let dir: string;
let district: string;
let ledger: Ledger;
let orgId: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-plans-'));
  const d = districtLedger(0.002, { dir });
  district = d.file;
  ledger = openBenchLedger(d.file);
  orgId = d.orgIds[0]!;
});
afterAll(() => {
  ledger?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Statements whose plan can read a table: reads, and updates, deletes and INSERT … SELECT (their WHERE). */
const PLANNED = /^\s*(WITH|SELECT|UPDATE|DELETE)\b|^\s*INSERT\b[\s\S]*\bSELECT\b/i;

/** Run `fn` and return every SQL text it prepared on the connection. */
function captured(fn: () => unknown, db = ledger.sqlite): string[] {
  const original = db.prepare;
  const seen: string[] = [];
  db.prepare = ((source: string) => {
    seen.push(source);
    return original.call(db, source);
  }) as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = original;
  }
  return [...new Set(seen)].filter((s) => /^\s*(WITH|SELECT)\b/i.test(s));
}

/** EXPLAIN QUERY PLAN lines; unbound parameters are bound to NULL (the plan does not depend on them without ANALYZE). */
function plan(source: string, db = ledger.sqlite): string[] {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${source}`);
  // Named parameters (@from, :id, $x) are bound by name, all to NULL.
  const named = [...new Set([...source.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
  if (named.length) return (stmt.all(Object.fromEntries(named.map((k) => [k, null]))) as { detail: string }[]).map((r) => r.detail);
  for (let n = 0; n <= 2000; n++) {
    try {
      return (stmt.all(...Array<null>(n).fill(null)) as { detail: string }[]).map((r) => r.detail);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
  }
  throw new Error(`could not bind the parameters of: ${source}`);
}

/** Plan lines that read a big table whole. Virtual-table (FTS5) scans are index lookups. */
function fullScans(lines: string[]): string[] {
  return lines.filter((l) => {
    const m = /^SCAN (\w+)(?: AS \w+)?( USING (?:COVERING )?INDEX \w+)?/.exec(l);
    return m !== null && BIG.includes(m[1]!) && !l.includes('VIRTUAL TABLE');
  });
}

function expectIndexed(name: string, fn: () => unknown) {
  const statements = captured(fn);
  expect(statements.length, `${name} issued no SELECT`).toBeGreaterThan(0);
  for (const s of statements) {
    const lines = plan(s);
    expect(fullScans(lines), `${name}: full scan in\n${s}\n${lines.join('\n')}`).toEqual([]);
  }
  return statements;
}

function call(channel: ChannelName, input: unknown) {
  const r = dispatch(ledger, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

describe('hot queries use an index (EXPLAIN QUERY PLAN)', () => {
  it('items by school and state: items.list pages', () => {
    expectIndexed('items.list', () => call('items.list', { orgId }));
    expectIndexed('items.list states', () => call('items.list', { orgId, states: ['follow_up', 'passed'] }));
    expectIndexed('items.list search', () => call('items.list', { orgId, search: '预算' }));
  });

  it('the first page of a school\'s items is read in index order, not sorted whole', () => {
    const statements = captured(() => call('items.list', { orgId }));
    const page = statements.find((s) => /\blimit\b/i.test(s) && /agenda_items/.test(s))!;
    expect(page).toBeDefined();
    expect(plan(page).join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('follow-ups by state and deadline: followups.list', () => {
    for (const state of ['overdue', 'open', 'done'] as const) expectIndexed(`followups.list ${state}`, () => call('followups.list', { orgId, state }));
  });

  it('decisions by year: decisions.list', () => {
    expectIndexed('decisions.list year', () => call('decisions.list', { orgId, year: 2025 }));
  });

  it('the dashboard: loop.status', () => {
    expectIndexed('loop.status', () => call('loop.status', { orgId }));
  });

  it('search: searchItems goes through the FTS5 index, never a scan of agenda_items', () => {
    const statements = expectIndexed('searchItems', () => searchItems(ledger, orgId, '预算'));
    expect(statements.some((s) => plan(s).some((l) => l.includes('VIRTUAL TABLE INDEX')))).toBe(true);
  });

  it('the checker itself sees a full scan when there is one', () => {
    expect(fullScans(plan('SELECT * FROM follow_ups WHERE task = ?'))).toEqual(['SCAN follow_ups']);
    expect(fullScans(plan('UPDATE statements SET note = ? WHERE person_id = ?'))).toEqual(['SCAN statements']);
  });
});

/**
 * Statements that read a growing table whole, each for a stated reason (and timed in npm run
 * bench). Anything else a channel prepares must use an index.
 */
const WHOLE_BY_DESIGN: { sql: RegExp; why: string }[] = [
  { sql: /^SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1$/, why: 'the newest row: one step from the end of the rowid tree (the plan says SCAN)' },
  { sql: /^SELECT id, at, operator, channel, summary FROM audit_log +ORDER BY id DESC LIMIT \? OFFSET \?$/, why: 'one page from the newest end of the rowid tree' },
  { sql: /^SELECT COUNT\(\*\) AS n FROM audit_log *$/, why: '操作日志 shows the exact number of rows: a count over the narrowest index' },
  {
    sql: /FROM seals ORDER BY id LIMIT (-1|1) OFFSET \?$/,
    why: 'a 报送包 carries the seal chain after the last bundle, found by its position in the append-only chain: a walk along the rowid b-tree to that position, once per bundle',
  },
  { sql: /^SELECT COUNT\(\*\) AS n, \(SELECT hash FROM seals ORDER BY id DESC LIMIT 1\) AS head FROM seals$/, why: 'the printed anchor is count-hash: a count over the narrowest index, at signing and anchoring' },
  { sql: /FROM (seals|audit_log) ORDER BY id$|FROM minutes WHERE state = 'signed' ORDER BY id$/, why: 'trust.verify re-hashes every sealed record and audit row: it is the whole-file check' },
  {
    sql: /^SELECT (id, id|id, meeting_id) FROM \w+( WHERE state = 'signed')?$|^SELECT x\.id, e\.meeting_id FROM \w+ x JOIN agenda_entries e ON e\.id = x\.entry_id$/,
    why: "trust.verify lists every record of a sealed meeting's kinds, one pass per kind, to find any added after signing",
  },
];

describe('every channel, on the district file: no full scan of a table that grows with the years', () => {
  it('calls every channel of the contract and explains every statement they prepare', async () => {
    // A copy: the pass writes (a school, its meetings, a signing).
    const file = path.join(dir, 'every-channel.sqlite');
    fs.copyFileSync(district, file);
    let now = new Date('2026-03-01T09:00:00');
    const own = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => now, operator: '基准' });
    const db = own.sqlite;
    const original = db.prepare;
    const seen = new Map<string, Set<string>>();
    let channel = '(open)';
    db.prepare = ((source: string) => {
      if (!seen.has(source)) seen.set(source, new Set());
      seen.get(source)!.add(channel);
      return original.call(db, source);
    }) as typeof db.prepare;
    let called: Set<ChannelName>;
    try {
      const t = wrapLedger(own, file, (iso) => {
        now = new Date(iso);
      });
      // Name the channel each statement is prepared for (dispatch is the only way in).
      const tracked: typeof t = {
        ...t,
        call: (c, input) => {
          channel = c;
          return t.call(c, input);
        },
        ok: (c, input) => {
          channel = c;
          return t.ok(c, input);
        },
      };
      called = await everyChannel(tracked);
    } finally {
      db.prepare = original;
    }
    try {
      expect(CHANNEL_NAMES.filter((c) => !called.has(c)), 'channels not called by test/bench/every-channel.ts').toEqual([]);
      const problems: string[] = [];
      for (const [source, channels] of seen) {
        if (!PLANNED.test(source) || WHOLE_BY_DESIGN.some((w) => w.sql.test(source))) continue;
        const scans = fullScans(plan(source, db));
        if (scans.length) problems.push(`${[...channels].join(', ')}: ${scans.join('; ')}\n  ${source.replace(/\s+/g, ' ').slice(0, 400)}`);
      }
      expect(problems, problems.join('\n\n')).toEqual([]);
    } finally {
      own.close();
    }
  });
});
