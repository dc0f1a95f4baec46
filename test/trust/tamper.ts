// Raw-SQL tampering for the tamper-evidence tests and `npm run trust`: each trial runs in a
// transaction with the append-only triggers dropped, makes ONE random edit, delete or insert
// with SQL (as someone with a SQLite tool would), asks verify for the first broken record,
// and rolls everything back. The expected answer is known for each kind of tamper.
import type { Ledger } from '../../db/ledger';
import { type Anchor, KINDS, SEAL_SELECT, type SealKind, type SealRow } from '../../db/trust/chain';
import { verifyChain, type VerifyReport } from '../../db/trust/verify';

export interface Expected {
  /** Chain position of the first broken record, or null for an unsealed (inserted) record. */
  position: number | null;
  kind?: string;
  refId?: number;
}

export interface Trial {
  what: string;
  expected: Expected;
  report: VerifyReport;
  found: boolean;
}

type Rng = () => number;

export function rng(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A different value of the same flavour, as an editor would type it. */
function changed(r: Rng, v: unknown): unknown {
  if (v === null) return pick(r, ['x', 1, '同意']);
  if (typeof v === 'number') return v + 1 + Math.floor(r() * 5);
  const s = String(v);
  const ops = [
    () => `${s}。`,
    () => s.replace(/\d/, (d) => String((Number(d) + 1) % 10)) + (/\d/.test(s) ? '' : '1'),
    () => (s.length > 1 ? s.slice(0, -1) : `${s}改`),
    () => s.replace(/同意/, '不同意') + (s.includes('同意') ? '' : ' '),
  ];
  const out = pick(r, ops)();
  return out === s ? `${s}*` : out;
}

const INSERTS: { kind: SealKind; sql: string }[] = [
  { kind: 'statement', sql: "INSERT INTO statements (entry_id, person_id, seq, position, note, recorded_at, operator) VALUES (?, 1, 99, '不同意', '补记', '2026-04-01T00:00:00Z', '某人')" },
  { kind: 'ballot', sql: "INSERT INTO ballots (entry_id, person_id, choice) VALUES (?, 2, '反对')" },
  { kind: 'recusal', sql: "INSERT INTO recusals (entry_id, person_id, reason) VALUES (?, 3, '补记回避')" },
  { kind: 'opinion', sql: "INSERT INTO written_opinions (entry_id, person_id, text) VALUES (?, 4, '补交的意见')" },
];

/** One random tamper on a sealed ledger; returns what verify must name. Runs inside the caller's transaction. */
function tamper(ledger: Ledger, r: Rng, seals: SealRow[]): { what: string; expected: Expected } {
  const db = ledger.sqlite;
  const i = Math.floor(r() * seals.length);
  const s = seals[i]!;
  const at = { position: i + 1, kind: s.kind, refId: s.refId };
  const spec = KINDS[s.kind as SealKind];
  const op = r();
  if (op < 0.45) {
    const cols = spec.columns.filter((c) => c !== 'id');
    const col = pick(r, cols);
    const row = db.prepare(`SELECT "${col}" AS v FROM "${spec.table}" WHERE id = ?`).get(s.refId) as { v: unknown };
    const value = changed(r, row.v);
    db.prepare(`UPDATE "${spec.table}" SET "${col}" = ? WHERE id = ?`).run(value as string | number, s.refId);
    return { what: `edit ${spec.table}.${col} #${s.refId}`, expected: at };
  }
  if (op < 0.6) {
    db.prepare(`DELETE FROM "${spec.table}" WHERE id = ?`).run(s.refId);
    return { what: `delete ${spec.table} #${s.refId}`, expected: at };
  }
  if (op < 0.75) {
    const col = pick(r, ['content_hash', 'prev_hash', 'hash', 'operator', 'at', 'ref_id', 'kind'] as const);
    const cur = (db.prepare(`SELECT "${col}" AS v FROM seals WHERE id = ?`).get(s.id) as { v: string | number }).v;
    const value = col === 'ref_id' ? Number(cur) + 100_000 : col === 'kind' ? (cur === 'ballot' ? 'recusal' : 'ballot') : changed(r, cur);
    db.prepare(`UPDATE seals SET "${col}" = ? WHERE id = ?`).run(value as string | number, s.id);
    return { what: `edit seals.${col} #${s.id}`, expected: { position: i + 1 } };
  }
  if (op < 0.87) {
    db.prepare('DELETE FROM seals WHERE id = ?').run(s.id);
    // The next seal's link breaks; with the last seal gone its record is left without a seal.
    return i === seals.length - 1
      ? { what: `delete the last seal #${s.id}`, expected: { position: null, kind: s.kind, refId: s.refId } }
      : { what: `delete seal #${s.id}`, expected: { position: i + 1 } };
  }
  const ins = pick(r, INSERTS);
  const entries = seals.filter((x) => x.kind === 'entry');
  const entry = pick(r, entries);
  const res = db.prepare(ins.sql).run(entry.refId);
  return { what: `insert ${ins.kind} into sealed entry #${entry.refId}`, expected: { position: null, kind: ins.kind, refId: Number(res.lastInsertRowid) } };
}

export function tamperTrials(ledger: Ledger, count: number, seed = 1): Trial[] {
  const db = ledger.sqlite;
  const r = rng(seed);
  const seals = db.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[];
  const head: Anchor = { count: seals.length, hash: seals[seals.length - 1]!.hash };
  const anchor = [{ anchor: head, source: '会议纪要上印的存证码' }];
  const baseline = verifyChain(ledger, anchor);
  if (!baseline.ok) throw new Error(`chain broken before tampering: ${baseline.message}`);
  const trials: Trial[] = [];
  db.pragma('foreign_keys = OFF');
  try {
    while (trials.length < count) {
      db.exec('BEGIN');
      try {
        db.exec('DROP TRIGGER seals_no_update; DROP TRIGGER seals_no_delete; DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
        let t: { what: string; expected: Expected };
        try {
          t = tamper(ledger, r, seals);
        } catch {
          continue; // a unique index refused this particular edit: draw another
        }
        const report = verifyChain(ledger, anchor);
        const b = report.broken;
        const found =
          b !== null &&
          b.position === t.expected.position &&
          (t.expected.kind === undefined || b.kind === t.expected.kind) &&
          (t.expected.refId === undefined || b.refId === t.expected.refId);
        trials.push({ ...t, report, found });
      } finally {
        db.exec('ROLLBACK');
      }
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  const after = verifyChain(ledger, anchor);
  if (!after.ok) throw new Error(`rollback left the chain broken: ${after.message}`);
  return trials;
}
