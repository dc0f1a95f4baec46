// The benchmark at a tiny scale, so `npm run bench` keeps working as the core changes: the
// generator is deterministic and goes through the real migrations and org.setup, every
// measured core path gives the same answer as its raw peer, and the table prints every row.
// No timing is asserted here (targets live in bench/ and docs/performance.md only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtLedger, shapeFor, type District } from '../../bench/generate';
import { table } from '../../bench/measure';
import { measureMemory } from '../../bench/memory';
import { actionRows } from '../../bench/actions';
import { runSuites, SEARCH_TERMS } from '../../bench/suites';

const dirs: string[] = [];
const temp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

let district: District;
beforeAll(() => {
  district = districtLedger(0.002, { dir: temp() });
});

describe('bench generator', () => {
  it('shrinks schools and years with the scale, 48 × 10 at scale 1', () => {
    expect(shapeFor(1)).toEqual({ schools: 48, years: 10 });
    expect(shapeFor(0.01)).toEqual({ schools: 5, years: 1 });
    expect(shapeFor(0.002)).toEqual(district.shape);
  });

  it('writes a realistic ledger: every item indexed for search, decisions followed up or waived', () => {
    const c = district.counts;
    const perSchoolYear = c.agenda_items! / (district.shape.schools * district.shape.years);
    expect(perSchoolYear).toBeGreaterThan(500);
    expect(perSchoolYear).toBeLessThan(800);
    expect(c.statements).toBeGreaterThan(c.agenda_entries! * 4);
    expect(c.follow_ups).toBeGreaterThan(c.decisions! * 0.9);
    const db = new Database(district.file, { readonly: true });
    try {
      const indexed = db.prepare("SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH 'org : o1 OR org : o2'").get() as { n: number };
      expect(indexed.n).toBe(c.agenda_items);
      const titles = db.prepare('SELECT title FROM agenda_items ORDER BY id LIMIT 200').all() as { title: string }[];
      expect(titles.every((t) => /[\u4e00-\u9fff]{4,}/.test(t.title))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('is deterministic: the same scale gives the same rows', () => {
    const again = districtLedger(0.002, { dir: temp() });
    expect(again.counts).toEqual(district.counts);
    const read = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT title, summary, state FROM agenda_items ORDER BY id LIMIT 50').all();
      } finally {
        db.close();
      }
    };
    expect(read(again.file)).toEqual(read(district.file));
  });
});

describe('bench suites at small scale', () => {
  it('measures every group, each core path agreeing with its peer, and prints the table', async () => {
    const rows = await runSuites({ file: district.file, orgIds: district.orgIds, runs: 2, label: 'test' });
    const groups = new Set(rows.map((r) => r.group));
    for (const g of ['open + dashboard, test', 'list pages', 'search (one school)']) expect(groups).toContain(g);
    expect(rows.filter((r) => r.group === 'search (one school)').length).toBe(SEARCH_TERMS.length);
    for (const r of rows) {
      expect(Number.isFinite(r.t.median) && r.t.median > 0, `${r.name} timed`).toBe(true);
      expect(r.note ?? '', `${r.name} ran against the real channel`).not.toContain('尚未实现');
      if (r.same !== undefined) expect(r.same, `${r.group}: ${r.name} gives the peer's answer`).toBe(true);
    }
    const printed = table(rows);
    expect(printed.split('\n').length).toBe(rows.length + 2);
  });

  it('reads memory in a fresh process with the ledger open', () => {
    const m = measureMemory(district.file, district.orgIds[0]!);
    expect(m.rssMb).toBeGreaterThan(m.heapUsedMb);
    expect(m.heapUsedMb).toBeGreaterThan(0);
    expect(m.fileMb).toBeGreaterThan(0);
  });
});

describe('user actions at small scale', () => {
  it('times a 30-item meeting, minutes, verify (one-shot, and as the button runs it: full, then quick) and the automatic backup through dispatch, every call answered', async () => {
    const rows = await actionRows('test', district.file);
    expect(rows.map((r) => r.name.split(/[ ,]/)[0])).toEqual(['entries.statement', 'entries.vote', 'minutes.generate', 'minutes.sign', 'trust.verify', '完整校验', '校验台账', 'automatic']);
    expect(rows[0]!.t.runs).toBe(30 * 7);
    for (const r of rows) expect(Number.isFinite(r.t.median) && r.t.median > 0, r.name).toBe(true);
    expect(rows.at(-1)!.note).toMatch(/event loop held at most \d+ ms/);
    expect(rows.at(-2)!.note).toMatch(/^抽查 \d+; event loop held at most \d+ ms between steps; full\/quick [\d.]+×$/);
    expect(rows.at(-3)!.note).toMatch(/^event loop held at most \d+ ms between steps$/);
  });
});
