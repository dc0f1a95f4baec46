// 校验台账's quick mode (db/trust/mark.ts, verify.ts Trusted): the seal chain's links checked
// whole, the records since the last full verify re-hashed, older ones by sample, against a mark
// kept beside the file. Attacked as an outsider would: with a SQL tool on the closed file, and
// by writing the mark by hand.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHashOf, readRecord, SEAL_SELECT, type ChainKind, type SealRow } from '../../db/trust/chain';
import { verifyLedgerInSteps, type LedgerStepOptions } from '../../db/trust/handlers';
import { markPaths, readMark } from '../../db/trust/mark';
import { rechainAudit, resealAll } from './attacks';
import { steppedVerify } from '../../db/trust/stepped';
import { freshAt, openAt, setupSchool, signedMeeting, tempDir, type Opened } from './fixture';

let base: string;
let t: Opened;
const copies: string[] = [];

beforeAll(() => {
  t = freshAt();
  const school = setupSchool(t);
  for (const n of [1, 2, 3]) signedMeeting(t, school, n);
  t.close();
  base = t.dir;
});
afterAll(() => {
  t.dispose();
  for (const d of copies) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh copy of the closed ledger's folder (the mark, if any, goes with it). */
function copy(from = base): string {
  const to = tempDir();
  copies.push(to);
  fs.cpSync(from, to, { recursive: true });
  return path.join(to, 'ledger.sqlite');
}

const DAY = 86_400_000;
const at = (iso: string) => () => new Date(iso);
const verify = (file: string, o: LedgerStepOptions = {}) => verifyLedgerInSteps(file, undefined, () => {}, { now: at('2026-03-27T09:00:00Z'), ...o });

/** Edit the closed file with another tool, triggers and foreign keys off. */
function outsider(file: string, edit: (db: Database.Database) => void) {
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TRIGGER IF EXISTS seals_no_update; DROP TRIGGER IF EXISTS seals_no_delete;');
    edit(db);
  } finally {
    db.close();
  }
}

const sealsOf = (db: Database.Database) => db.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[];

describe('quick verify', () => {
  it('minutes.sign seals each record exactly as sealing it alone would (the chain format is unchanged)', () => {
    const db = new Database(path.join(base, 'ledger.sqlite'), { readonly: true });
    try {
      const seals = sealsOf(db);
      expect(seals.length).toBe(123);
      for (const s of seals) expect(contentHashOf(s, readRecord({ sqlite: db }, s.kind as ChainKind, s.refId)!)).toBe(s.contentHash);
    } finally {
      db.close();
    }
  });

  it('the first verify is full and leaves a mark beside the file; the next is quick and says what it sampled', async () => {
    const file = copy();
    expect(readMark(file)).toBeNull();
    const first = await verify(file);
    expect(first).toMatchObject({ ok: true, mode: 'full', sampled: 0 });
    expect(readMark(file)).toMatchObject({ head: first.head, fullAt: '2026-03-27T09:00:00.000Z' });
    const second = await verify(file, { sample: 10 });
    expect(second).toMatchObject({ ok: true, mode: 'quick', sampled: 10, state: first.state, head: first.head });
    expect(second.message).toMatch(/快速校验：全部123条存证的前后链接完整；上次完整校验之后记入的0条记录逐条重算，此前的记录抽查10条。/);
    // A quick run keeps the date of the last full one.
    expect(readMark(file)!.fullAt).toBe('2026-03-27T09:00:00.000Z');
    expect(await verify(file, { full: true })).toMatchObject({ mode: 'full', state: first.state });
  });

  it('the button\'s run (steppedVerify) is quick after a first verify, full when asked (完整校验); the one-shot channel is always full', async () => {
    const file = copy();
    const o = openAt(file);
    try {
      const runs = steppedVerify(() => {}, { everyMs: 0, now: at('2026-03-27T09:00:00Z') });
      const first = await runs.run(o.ledger, {});
      const second = await runs.run(o.ledger, {});
      const full = await runs.run(o.ledger, { full: true });
      expect([first, second, full].map((r) => (r.ok ? r.value.mode : r.error.message))).toEqual(['full', 'quick', 'full']);
      expect(o.ok('trust.verify', {})).toMatchObject({ mode: 'full', sampled: 0 });
    } finally {
      o.close();
    }
  });

  it('a mark whose full verify is older than 30 days gives a full verify', async () => {
    const file = copy();
    await verify(file);
    expect((await verify(file, { now: () => new Date(Date.parse('2026-03-27T09:00:00Z') + 31 * DAY) })).mode).toBe('full');
  });

  it('records sealed after the mark are all re-hashed: one changed with another tool is caught by the quick verify', async () => {
    const own = freshAt();
    copies.push(own.dir);
    const school = setupSchool(own);
    signedMeeting(own, school, 1);
    // The verify reads a snapshot through a connection of its own, beside the open ledger.
    await verify(own.file);
    signedMeeting(own, school, 2);
    own.close();
    const last = outsiderLastVote(own.file);
    const r = await verify(own.file, { sample: 0 });
    expect(r).toMatchObject({ ok: false, mode: 'quick', broken: { reason: 'record_changed', kind: 'entry', refId: last } });
  });

  it('a byte of an old sealed record changed: the full verify names it; the quick one only if its sample hits it (honestly so)', async () => {
    const file = copy();
    await verify(file);
    let target = 0;
    outsider(file, (db) => {
      target = (db.prepare("SELECT ref_id AS id FROM seals WHERE kind = 'entry' ORDER BY id LIMIT 1").get() as { id: number }).id;
      db.prepare('UPDATE agenda_entries SET votes_for = votes_for + 1 WHERE id = ?').run(target);
    });
    const missed = await verify(file, { sample: 0 });
    expect(missed).toMatchObject({ ok: true, mode: 'quick', sampled: 0 });
    // The default sample (256) covers every older record of a file this small.
    expect(await verify(file)).toMatchObject({ ok: false, mode: 'quick', broken: { reason: 'record_changed', refId: target } });
    expect(await verify(file, { full: true })).toMatchObject({ ok: false, mode: 'full', broken: { reason: 'record_changed', refId: target } });
  });

  it("a seal's hash rewritten is caught by the link check, whatever the sample", async () => {
    const file = copy();
    await verify(file);
    outsider(file, (db) => db.prepare("UPDATE seals SET hash = ? WHERE id = (SELECT id FROM seals ORDER BY id LIMIT 1 OFFSET 9)").run('f'.repeat(64)));
    // The head the mark names is still there, so this run is quick: the links alone name the seal.
    expect(await verify(file, { sample: 0 })).toMatchObject({ ok: false, mode: 'quick', broken: { position: 10, reason: 'seal_altered' } });
  });

  it('the last seal deleted, with the signed minutes it sealed, is caught against the remembered head (quick and full)', async () => {
    const file = copy();
    await verify(file);
    outsider(file, (db) => cutLastSeal(db));
    for (const full of [false, true]) {
      const r = await verify(file, { full, sample: 0 });
      expect(r).toMatchObject({ ok: false, broken: { reason: 'truncated' } });
      expect(r.anchors).toContainEqual(expect.objectContaining({ source: '上次校验时记下的存证链末端', result: 'beyond' }));
    }
  });

  it('an old record edited and the whole chain recomputed: the remembered head no longer matches, the verify is full and says so', async () => {
    const file = copy();
    await verify(file);
    outsider(file, (db) => {
      db.prepare("UPDATE agenda_entries SET votes_for = votes_for + 1 WHERE id = (SELECT ref_id FROM seals WHERE kind = 'entry' ORDER BY id LIMIT 1)").run();
      resealAll(db);
    });
    const r = await verify(file, { sample: 0 });
    expect(r).toMatchObject({ ok: false, mode: 'full', broken: { reason: 'anchor_mismatch' } });
  });

  it('an old audit row edited: the full verify names it; the quick one by sample; the log rechained after it breaks against the mark', async () => {
    const file = copy();
    await verify(file);
    let row = 0;
    outsider(file, (db) => {
      db.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
      row = (db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 5').get() as { id: number }).id;
      db.prepare("UPDATE audit_log SET summary = summary || ' ' WHERE id = ?").run(row);
    });
    expect(await verify(file, { sample: 0 })).toMatchObject({ ok: true, mode: 'quick' });
    expect(await verify(file)).toMatchObject({ ok: false, mode: 'quick', broken: { reason: 'audit_broken', refId: row } });
    expect(await verify(file, { full: true })).toMatchObject({ ok: false, mode: 'full', broken: { reason: 'audit_broken', refId: row } });
    outsider(file, (db) => rechainAudit(db));
    const r = await verify(file, { sample: 0 });
    expect(r).toMatchObject({ ok: false, mode: 'full', broken: { reason: 'anchor_mismatch' } });
  });

  it('a mark forged by hand (the edited head, a fresh date, a made-up seal) is not taken: the verify is full', async () => {
    const file = copy();
    await verify(file);
    outsider(file, (db) => db.prepare("UPDATE agenda_entries SET votes_for = votes_for + 1 WHERE id = (SELECT ref_id FROM seals WHERE kind = 'entry' ORDER BY id LIMIT 1)").run());
    const p = markPaths(file);
    const real = JSON.parse(fs.readFileSync(p.mark, 'utf8')) as Record<string, unknown>;
    for (const forged of [
      { ...real, fullAt: '2026-03-27T10:00:00.000Z' },
      { ...real, mac: 'a'.repeat(64) },
      { ...real, file: 'other.sqlite' },
    ]) {
      fs.writeFileSync(p.mark, JSON.stringify(forged));
      expect(readMark(file)).toBeNull();
      expect(await verify(file, { sample: 0 })).toMatchObject({ ok: false, mode: 'full', broken: { reason: 'record_changed' } });
    }
    // A genuine mark and key copied from another ledger's folder name that ledger's head, not this one's.
    const other = freshAt('2026-03-20T09:00:00'); // another ledger: sealed at other times, so another chain
    copies.push(other.dir);
    signedMeeting(other, setupSchool(other), 1);
    other.close();
    await verify(other.file);
    fs.copyFileSync(markPaths(other.file).mark, p.mark);
    fs.copyFileSync(markPaths(other.file).key, p.key);
    expect(readMark(file)).not.toBeNull();
    expect(await verify(file, { sample: 0 })).toMatchObject({ ok: false, mode: 'full', broken: { reason: 'record_changed' } });
  });
});

function outsiderLastVote(file: string): number {
  let id = 0;
  outsider(file, (db) => {
    id = (db.prepare("SELECT ref_id AS id FROM seals WHERE kind = 'entry' ORDER BY id DESC LIMIT 1").get() as { id: number }).id;
    db.prepare('UPDATE agenda_entries SET votes_for = votes_for + 1 WHERE id = ?').run(id);
  });
  return id;
}

/** The newest seal (the 3rd meeting's signed minutes) deleted, and the minutes row with it: no record is left unsealed. */
function cutLastSeal(db: Database.Database) {
  const last = db.prepare('SELECT kind, ref_id AS refId FROM seals ORDER BY id DESC LIMIT 1').get() as { kind: string; refId: number };
  expect(last.kind).toBe('minutes');
  db.exec('DROP TRIGGER IF EXISTS minutes_no_delete');
  for (const trg of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'minutes'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${trg.name}"`);
  db.prepare('DELETE FROM minutes WHERE id = ?').run(last.refId);
  db.exec('DELETE FROM seals WHERE id = (SELECT MAX(id) FROM seals)');
}
