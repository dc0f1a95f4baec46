// The audit log: written by dispatch for every write (appendAudit), read back for 设置 → 数据安全
// → 操作日志 (auditPage), and checked by verify (walkAudit).
//
// Triggers keep it append-only for anyone using the app's SQL (migrations 0002, 0007: no UPDATE,
// no DELETE, no INSERT OR REPLACE, no row without a hash). Someone with another tool can drop
// the triggers, so every row also carries hash = sha256(previous row's hash + its own content):
// a row deleted or edited afterwards breaks the chain at that row. Rows written before the chain
// existed (id < ledger_meta auditChainFrom) carry no hash; the first chained row covers them.
// A chain recomputed after an edit, or cut short at the end, shows only against the audit head
// kept outside the file (backup manifests: verify.ts).
import type Database from 'better-sqlite3';
import { cnLocalDateTime } from '../calendar';
import type { Ledger, ReadLedger } from '../ledger';
import { canonicalJson, GENESIS, sha256 } from './chain';

export interface AuditRow {
  id: number;
  at: string;
  operator: string;
  channel: string;
  summary: string;
}

/**
 * A page of the log, newest first. `orgs`: the organisations in the session's scope (db/scope.ts),
 * or null for all; rows of other organisations are left out (rows of the file itself, org_id
 * null — sign-in, backups, rows from before organisations were told apart — are everyone's).
 */
export function auditPage(ledger: ReadLedger, input: { offset: number; limit: number; operator?: string }, orgs: readonly number[] | null = null) {
  // The session's organisations as one condition, used by both the page and the operator list.
  const inScope = orgs !== null ? `(org_id IS NULL OR org_id IN (${orgs.map(Number).join(',') || 'NULL'}))` : null;
  const conditions: string[] = [];
  const by: unknown[] = [];
  if (input.operator !== undefined) {
    conditions.push('operator = ?');
    by.push(input.operator);
  }
  if (inScope !== null) conditions.push(inScope);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = ledger.sqlite
    .prepare(`SELECT id, at, operator, channel, summary FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...by, input.limit, input.offset) as AuditRow[];
  const total = (ledger.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log ${where}`).get(...by) as { n: number }).n;
  // One index step per operator (audit_operator), not a read of every row: a district ledger
  // holds millions of rows and a handful of operators. Limited to the session's organisations.
  const orgCond = inScope !== null ? ` AND ${inScope}` : '';
  const operators = (
    ledger.sqlite
      .prepare(
        `WITH RECURSIVE ops(operator) AS (
           SELECT MIN(operator) FROM audit_log WHERE operator IS NOT NULL${orgCond}
           UNION ALL
           SELECT (SELECT MIN(operator) FROM audit_log WHERE operator > ops.operator${orgCond}) FROM ops WHERE ops.operator IS NOT NULL
         ) SELECT operator FROM ops WHERE operator IS NOT NULL`,
      )
      .all() as { operator: string }[]
  ).map((r) => r.operator);
  return { rows, total, offset: input.offset, operators };
}

/** The audit log's head at some moment: newest row id and the chain's hash there (an outside anchor). */
export interface AuditAnchor {
  id: number;
  hash: string;
}

// canonicalJson({ id, at, operator, channel, summary }) written out in its sorted key order:
// verify links every row of the log, and building and sorting an object per row cost more than
// the sha256 (test/trust/chain.test.ts checks the two agree).
export const auditLink = (prev: string, row: AuditRow): string =>
  sha256(
    `${prev}{"at":${canonicalJson(row.at)},"channel":${canonicalJson(row.channel)},"id":${canonicalJson(row.id)},"operator":${canonicalJson(row.operator)},"summary":${canonicalJson(row.summary)}}`,
  );

/** Append one audit row, chained to the last; inside the caller's write transaction. Returns its id. */
export function appendAudit(ledger: Pick<Ledger, 'sqlite'>, row: Omit<AuditRow, 'id'>, orgId: number | null = null): number {
  const db = ledger.sqlite;
  const s = statements(db);
  const last = s.last.get() as { id: number; hash: string | null } | undefined;
  // A last row without a hash: rows from before the chain existed (once), or one written past the
  // triggers; the link then covers them all, and verify still names an unchained row after the start.
  const prev = !last ? GENESIS : (last.hash ?? walkAudit(db).headHash);
  const seq = (s.seq.get() as { seq: number } | undefined)?.seq ?? 0;
  const id = Math.max(seq, last?.id ?? 0) + 1;
  const full = { id, ...row };
  // org_id (the organisation acted in, db/scope.ts) is a filter for each organisation's 操作日志, outside the hash.
  s.insert.run(id, row.at, row.operator, row.channel, row.summary, auditLink(prev, full), orgId);
  return id;
}

const cache = new WeakMap<Database.Database, { last: Database.Statement; seq: Database.Statement; insert: Database.Statement }>();
function statements(db: Database.Database) {
  let s = cache.get(db);
  if (!s) {
    s = {
      last: db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      seq: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"),
      insert: db.prepare('INSERT INTO audit_log (id, at, operator, channel, summary, hash, org_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
    cache.set(db, s);
  }
  return s;
}

export interface AuditBreak {
  /** Id of the first row that does not chain (for a deletion: the row after the gap). */
  id: number;
  message: string;
}

export interface AuditWalk {
  rows: number;
  /** Newest row and the running hash there (GENESIS for an empty log). */
  headId: number | null;
  headHash: string;
  broken: AuditBreak | null;
  /** Running hash at an id (for anchors); only for the ids asked for. */
  hashAt: Map<number, string>;
  /** Rows of other organisations whose content left at a split (REDACTED), vouched for by the split row. */
  redacted: number;
}

/**
 * A row of another organisation in a file split out of a 集团 ledger (db/transfer/split.ts): its
 * content is gone, its stored hash stays, so the rows after it still chain. The hash alone cannot
 * be recomputed, so a redacted row counts only when a split row — itself sealed by a `split` seal
 * (db/trust/chain.ts), after it — lists its id and commits to every redacted row's id and hash
 * (`redacted.digest`); one whose hash was changed, or not listed, breaks the walk.
 */
export const REDACTED = { channel: 'orgs.moved', operator: '—', summary: '他校记录，已移出' } as const;

/** What a split row says it redacted: id ranges (inclusive), how many, and the digest of their (id, hash). */
export interface RedactionClaim {
  ranges: [number, number][];
  count: number;
  digest: string;
}

/** The running digest of redacted rows: one step per row, in id order. */
export const redactionStep = (acc: string, id: number, hash: string): string => sha256(`${acc}${id}:${hash}`);

/** Ids as sorted inclusive ranges: a split of a campus redacts long runs of the others' rows. */
export function idRanges(ids: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const id of ids) {
    const last = out[out.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else out.push([id, id]);
  }
  return out;
}

/** The split rows sealed by a `split` seal and what each says it redacted, by the split row's id. */
/** The first audit row written with a hash (ledger_meta auditChainFrom; 1 when the log was chained from the start). */
export function auditChainFrom(db: Database.Database): number {
  return Number((db.prepare("SELECT value FROM ledger_meta WHERE key = 'auditChainFrom'").pluck().get() as string | undefined) ?? 1);
}

/**
 * Whether a row is one a sealed split row lists as redacted (its content gone, its stored hash
 * vouched for by that row's digest): a quick verify's sample cannot re-link such a row and leaves
 * it to the full walk, which checks the digest.
 */
export function redactedBySplit(db: Database.Database): (id: number) => boolean {
  const spans = [...redactionClaims(db)].flatMap(([splitId, c]) => c.ranges.map(([a, b]) => [Number(a), Math.min(Number(b), splitId - 1)] as const));
  return (id) => spans.some(([a, b]) => id >= a && id <= b);
}

function redactionClaims(db: Database.Database): Map<number, RedactionClaim> {
  const out = new Map<number, RedactionClaim>();
  const hasSeals = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'seals'").get();
  if (!hasSeals) return out;
  const rows = db
    .prepare("SELECT id, summary FROM audit_log WHERE channel = 'orgs.split' AND id IN (SELECT ref_id FROM seals WHERE kind = 'split') ORDER BY id")
    .all() as { id: number; summary: string }[];
  for (const r of rows) {
    try {
      const c = (JSON.parse(r.summary) as { redacted?: RedactionClaim }).redacted;
      if (c && Array.isArray(c.ranges) && typeof c.digest === 'string' && Number.isSafeInteger(c.count)) out.set(r.id, c);
    } catch {
      // not a split row this app wrote: it vouches for nothing
    }
  }
  return out;
}

/** The newest row and its link, cheaply: the stored hash when the newest row has one. */
export function auditHeadOf(db: Database.Database): AuditAnchor | null {
  const walk = (): AuditAnchor | null => {
    const w = walkAudit(db);
    return w.headId === null ? null : { id: w.headId, hash: w.headHash };
  };
  try {
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
    if (!last) return null;
    return last.hash ? { id: last.id, hash: last.hash } : walk();
  } catch {
    return walk(); // no hash column: a file from before the chain existed
  }
}

/** Recompute the chain over every row, in id order; name the first row that does not chain. */
export function walkAudit(db: Database.Database, at: Iterable<number> = []): AuditWalk {
  const steps = walkAuditSteps(db, at);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * walkAudit a page at a time: yields the rows walked so far after each page (verify in steps).
 * `start`: a quick verify's mark (verify.ts Trusted), whose row still carries the hash it saw:
 * the walk goes on from there, and an anchor at or before it is answered with the stored hash
 * (the mark's row links every row before it, so a rewrite before it would have changed it).
 */
export function* walkAuditSteps(db: Database.Database, at: Iterable<number> = [], start: (AuditAnchor & { rows: number }) | null = null): Generator<number, AuditWalk> {
  const wanted = new Set(at);
  const hashAt = new Map<number, string>();
  let h = start?.hash ?? GENESIS;
  let rows = start?.rows ?? 0;
  let prevId = start?.id ?? 0;
  let broken: AuditBreak | null = null;
  let redacted = 0;
  const columns = db.prepare("SELECT name FROM pragma_table_info('audit_log')").all() as { name: string }[];
  if (columns.length === 0) return { rows, headId: null, headHash: h, broken, hashAt, redacted };
  // A file from before the chain existed (an old backup) has no hash column: nothing is chained.
  const chained = columns.some((c) => c.name === 'hash');
  const from = chained ? auditChainFrom(db) : Infinity;
  // Read in pages of rowids (raw rows, not one object per row through an iterator): the log
  // grows by a row per write, millions on a district file.
  const claims = chained ? redactionClaims(db) : new Map<number, RedactionClaim>();
  // Each claim's digest as the walk finds its rows, checked when the walk reaches the split row.
  const found = new Map([...claims.keys()].map((k) => [k, { acc: GENESIS, count: 0 }]));
  // Every claim's ranges in one list by start; the walk goes up in id order, so a cursor passes
  // each range once (a campus split out of a 12-school file redacts tens of thousands of runs).
  const spans = [...claims].flatMap(([splitId, c]) => c.ranges.map(([a, b]) => [Number(a), Number(b), splitId] as const)).sort((x, y) => x[0] - y[0] || x[2] - y[2]);
  let cursor = 0;
  const claimOf = (id: number): number | undefined => {
    while (cursor < spans.length && spans[cursor]![1] < id) cursor++;
    for (let j = cursor; j < spans.length && spans[j]![0] <= id; j++) {
      const [a, b, splitId] = spans[j]!;
      if (id >= a && id <= b && id < splitId) return splitId;
    }
    return undefined;
  };
  // A quick verify starting after its mark never reaches a split row before it (no claim checked);
  // a split row after the mark whose redacted rows lie before it would fail its count: safe side.
  const page = db.prepare(`SELECT id, at, operator, channel, summary, ${chained ? 'hash' : 'NULL AS hash'} FROM audit_log WHERE id > ? ORDER BY id LIMIT 512`).raw();
  if (start) {
    const stored = db.prepare('SELECT id, hash FROM audit_log WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...wanted].filter((id) => id <= start.id))) as { id: number; hash: string | null }[];
    for (const r of stored) if (r.hash) hashAt.set(r.id, r.hash);
  }
  const walked = rows;
  for (let batch = page.all(start ? start.id : -Infinity) as [number, string, string, string, string, string | null][]; batch.length; batch = page.all(prevId) as typeof batch) {
    for (const [id, at, operator, channel, summary, hash] of batch) {
      const isRedacted = channel === REDACTED.channel && hash !== null && id >= from;
      const splitId = isRedacted ? claimOf(id) : undefined;
      if (isRedacted && splitId !== undefined) {
        // Its content is gone: the stored hash stands for it, vouched for by the split row's digest.
        const f = found.get(splitId)!;
        f.acc = redactionStep(f.acc, id, hash);
        f.count++;
        redacted++;
        h = hash;
      } else {
        h = auditLink(h, { id, at, operator, channel, summary });
      }
      rows++;
      if (wanted.has(id)) hashAt.set(id, h);
      if (!broken && id >= from) {
        const when = () => `${cnLocalDateTime(at)}，${operator}`;
        const claim = claims.get(id);
        const got = found.get(id);
        if (hash === null) broken = { id, message: `操作记录第${id}条（${when()}）不是由本程序写入的：它没有校验值。` };
        else if (isRedacted && splitId === undefined) broken = { id, message: `操作记录第${id}条（${when()}）的内容被删去了，且没有拆分记录说明它是随拆分移出的他校记录。` };
        else if (claim && got && (got.count !== claim.count || got.acc !== claim.digest))
          broken = { id, message: `拆分时移出的${claim.count}条他校操作记录与拆分记录（第${id}条）记下的校验值不一致：其中有记录被改动、删除或冒充。` };
        else if (id > prevId + 1 && prevId + 1 >= from) broken = { id, message: `操作记录第${prevId + 1}条${id - prevId > 2 ? `至第${id - 1}条` : ''}被删除了（其后第${id}条与之前的记录接不上）。` };
        else if (hash !== h) broken = { id, message: `操作记录第${id}条（${when()}）被改动过，或在它之前有记录被改动、插入。` };
      }
      prevId = id;
    }
    yield rows - walked;
  }
  return { rows, headId: rows ? prevId : null, headHash: h, broken, hashAt, redacted };
}
