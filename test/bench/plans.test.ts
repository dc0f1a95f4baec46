// EXPLAIN QUERY PLAN of the hot queries, as the core really issues them: every SQL statement
// a channel prepares is captured and explained, and none may read a big table whole (a
// full SCAN) or sort a school's whole item list for one page. So an index that disappears
// from db/schema.ts, or a query rewritten around it, fails here instead of in a school with
// ten years of data. Timings are not tested (bench/ prints them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type ChannelName } from '../../db/api';
import type { Ledger } from '../../db/ledger';
import { searchItems } from '../../db/search/items';
import { districtLedger } from '../../bench/generate';
import { openBenchLedger } from '../../bench/suites';

/** Tables that grow with every meeting: reading one whole is what the indexes prevent. */
const BIG = [
  'agenda_items', 'item_transitions', 'consultations', 'consultation_stances', 'meetings', 'attendance', 'agenda_entries',
  'statements', 'ballots', 'decisions', 'minutes', 'follow_ups', 'progress_reports', 'evaluations', 'rule_warnings', 'audit_log',
];

let dir: string;
let ledger: Ledger;
let orgId: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-plans-'));
  const d = districtLedger(0.002, { dir });
  ledger = openBenchLedger(d.file);
  orgId = d.orgIds[0]!;
});
afterAll(() => {
  ledger?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Run `fn` and return every SQL text it prepared on the ledger's connection. */
function captured(fn: () => unknown): string[] {
  const db = ledger.sqlite;
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
function plan(source: string): string[] {
  const stmt = ledger.sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`);
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
  });
});
