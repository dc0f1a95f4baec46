// Tamper evidence for locked records (R16). SQLite's integrity_check only sees broken pages;
// an edited value ("7 votes" → "9 votes") passes it. So when 会议纪要 are signed, every record
// of that meeting gets a seal: sha256 of its canonical content, chained to the previous seal.
// verify.ts recomputes the chain; a short anchor (count + head hash) printed on the minutes and
// written in every backup manifest also exposes a chain recomputed from scratch, or cut short.
import crypto, { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Ledger } from '../ledger';
import { nowIso } from '../ledger';

export const SEAL_KINDS = ['meeting', 'attendance', 'entry', 'statement', 'recusal', 'opinion', 'ballot', 'decision', 'roster', 'minutes'] as const;
// The signed minutes come last: their seal is the chain head that minutes.sign returns and the paper prints.
export type SealKind = (typeof SEAL_KINDS)[number];
/**
 * Events of the file itself, chained between meetings' records: a restore from a backup
 * (restore.ts), sealed over its audit row, so that verify can tell the fork a restore makes
 * from a rewrite; a split (db/transfer/split.ts), sealed over its audit row naming the meetings
 * that left with the other organisations, so that verify can tell them from deleted ones.
 * Not a meeting's record: meeting id 0.
 */
export const EVENT_KINDS = ['restore', 'split'] as const;
export type ChainKind = SealKind | (typeof EVENT_KINDS)[number];
export const isChainKind = (k: string): k is ChainKind => (SEAL_KINDS as readonly string[]).includes(k) || (EVENT_KINDS as readonly string[]).includes(k);

export const GENESIS = '0'.repeat(64);

interface KindSpec {
  table: string;
  /** The locked columns, fixed here so a later migration adding a column never breaks old seals. */
  columns: readonly string[];
  /** Ids of this kind belonging to one meeting (parameter: meeting id). */
  idsOfMeeting: string;
  /** The same relation for every meeting at once, as (id, meeting id) rows: verify's check for unsealed records. */
  allWithMeeting: string;
  /** Chinese name for reports. */
  label: string;
}

const BY_ENTRY = 'entry_id IN (SELECT id FROM agenda_entries WHERE meeting_id = ?)';

export const KINDS: Record<ChainKind, KindSpec> = {
  meeting: {
    table: 'meetings',
    columns: ['id', 'body_id', 'year', 'seq', 'starts_at', 'place', 'host_id', 'recorder_id', 'state', 'first_topic', 'agenda_confirmed_by', 'created_at'],
    idsOfMeeting: 'SELECT id FROM meetings WHERE id = ?',
    allWithMeeting: 'SELECT id, id FROM meetings',
    label: '会议基本信息',
  },
  attendance: {
    table: 'attendance',
    columns: ['id', 'meeting_id', 'person_id', 'status', 'reason', 'arrives_at', 'leaves_after'],
    idsOfMeeting: 'SELECT id FROM attendance WHERE meeting_id = ?',
    allWithMeeting: 'SELECT id, meeting_id FROM attendance',
    label: '出席情况',
  },
  entry: {
    // warnings are left out: they are notes about the record, not the record.
    table: 'agenda_entries',
    columns: [
      'id', 'meeting_id', 'item_id', 'position', 'presenter_id', 'ad_hoc', 'purpose', 'outcome', 'postpone_reason', 'proposal',
      'vote_method', 'votes_for', 'votes_against', 'votes_abstain', 'tally', 'host_order_override',
    ],
    idsOfMeeting: 'SELECT id FROM agenda_entries WHERE meeting_id = ?',
    allWithMeeting: 'SELECT id, meeting_id FROM agenda_entries',
    label: '议题表决结果',
  },
  statement: {
    table: 'statements',
    columns: ['id', 'entry_id', 'person_id', 'seq', 'position', 'note', 'recorded_at', 'operator'],
    idsOfMeeting: `SELECT id FROM statements WHERE ${BY_ENTRY}`,
    allWithMeeting: 'SELECT x.id, e.meeting_id FROM statements x JOIN agenda_entries e ON e.id = x.entry_id',
    label: '发言表态',
  },
  recusal: {
    table: 'recusals',
    columns: ['id', 'entry_id', 'person_id', 'reason'],
    idsOfMeeting: `SELECT id FROM recusals WHERE ${BY_ENTRY}`,
    allWithMeeting: 'SELECT x.id, e.meeting_id FROM recusals x JOIN agenda_entries e ON e.id = x.entry_id',
    label: '回避记录',
  },
  opinion: {
    table: 'written_opinions',
    columns: ['id', 'entry_id', 'person_id', 'text'],
    idsOfMeeting: `SELECT id FROM written_opinions WHERE ${BY_ENTRY}`,
    allWithMeeting: 'SELECT x.id, e.meeting_id FROM written_opinions x JOIN agenda_entries e ON e.id = x.entry_id',
    label: '书面意见',
  },
  ballot: {
    table: 'ballots',
    columns: ['id', 'entry_id', 'person_id', 'choice'],
    idsOfMeeting: `SELECT id FROM ballots WHERE ${BY_ENTRY}`,
    allWithMeeting: 'SELECT x.id, e.meeting_id FROM ballots x JOIN agenda_entries e ON e.id = x.entry_id',
    label: '表决票',
  },
  decision: {
    // loop_state and no_follow_up_reason move on after signing (R17/R18): not part of the lock.
    table: 'decisions',
    columns: ['id', 'entry_id', 'item_id', 'number', 'text', 'rule_snapshot', 'created_at', 'operator'],
    idsOfMeeting: `SELECT id FROM decisions WHERE ${BY_ENTRY}`,
    allWithMeeting: 'SELECT x.id, e.meeting_id FROM decisions x JOIN agenda_entries e ON e.id = x.entry_id',
    label: '决定事项',
  },
  minutes: {
    table: 'minutes',
    columns: ['id', 'meeting_id', 'revision', 'previous_id', 'revision_reason', 'doc_number', 'content', 'state', 'signed_by', 'signed_at', 'hash', 'prev_hash'],
    idsOfMeeting: "SELECT id FROM minutes WHERE meeting_id = ? AND state = 'signed'",
    allWithMeeting: "SELECT id, meeting_id FROM minutes WHERE state = 'signed'",
    label: '已签发的会议纪要',
  },
  roster: {
    table: 'meeting_roster',
    columns: ['id', 'meeting_id', 'person_id', 'name', 'department'],
    idsOfMeeting: 'SELECT id FROM meeting_roster WHERE meeting_id = ?',
    allWithMeeting: 'SELECT id, meeting_id FROM meeting_roster',
    label: '签发时的人员名单',
  },
  restore: {
    table: 'audit_log',
    columns: ['id', 'at', 'operator', 'channel', 'summary'],
    idsOfMeeting: 'SELECT id FROM audit_log WHERE 0 AND id = ?',
    allWithMeeting: 'SELECT id, 0 FROM audit_log WHERE 0',
    label: '从备份恢复的记录',
  },
  split: {
    table: 'audit_log',
    columns: ['id', 'at', 'operator', 'channel', 'summary'],
    idsOfMeeting: 'SELECT id FROM audit_log WHERE 0 AND id = ?',
    allWithMeeting: 'SELECT id, 0 FROM audit_log WHERE 0',
    label: '拆分台账的记录',
  },
};

export interface SealRow {
  id: number;
  kind: string;
  refId: number;
  meetingId: number;
  contentHash: string;
  prevHash: string;
  hash: string;
  operator: string;
  at: string;
}

export const SEAL_SELECT =
  'SELECT id, kind, ref_id AS refId, meeting_id AS meetingId, content_hash AS contentHash, prev_hash AS prevHash, hash, operator, at FROM seals';

/** Key-sorted JSON with no whitespace: the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (Buffer.isBuffer(value)) return JSON.stringify({ blob: value.toString('base64') });
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

// crypto.hash, where there is one (Node ≥ 20.12, Electron 45), skips a Hash object per call:
// verify hashes every sealed record and audit row, and those objects kept the collector busy.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'hex') => string }).hash;
export const sha256 = oneShot
  ? (s: string | Buffer): string => oneShot('sha256', s, 'hex')
  : (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/** The record's locked columns as stored (JSON columns stay text), or undefined if it is gone. */
export function readRecord(ledger: Pick<Ledger, 'sqlite'>, kind: ChainKind, refId: number): Record<string, unknown> | undefined {
  return recordStatement(ledger.sqlite, kind).get(refId) as Record<string, unknown> | undefined;
}

/**
 * Many locked records of one kind at once, by id (a 报送包 carries thousands: one query per kind
 * instead of one per seal). The same columns as readRecord, so the same content hash.
 */
export function readRecords(ledger: Pick<Ledger, 'sqlite'>, kind: ChainKind, ids: number[]): Map<number, Record<string, unknown>> {
  const spec = KINDS[kind];
  // Every kind locks its id, so the rows are keyed by it as read: no extra column to strip from 58,000 records.
  if (spec.columns[0] !== 'id') throw new Error(`chain: kind ${kind} does not lock its id first`);
  const cols = spec.columns.map((c) => `"${c}"`).join(', ');
  const rows = ledger.sqlite.prepare(`SELECT ${cols} FROM "${spec.table}" WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Record<string, unknown>[];
  return new Map(rows.map((record) => [record.id as number, record]));
}

// Prepared once per connection and kind: verify reads one record per seal.
const prepared = new WeakMap<Database.Database, Map<ChainKind, Database.Statement>>();

function recordStatement(db: Database.Database, kind: ChainKind): Database.Statement {
  let byKind = prepared.get(db);
  if (!byKind) prepared.set(db, (byKind = new Map()));
  let stmt = byKind.get(kind);
  if (!stmt) {
    const spec = KINDS[kind];
    stmt = db.prepare(`SELECT ${spec.columns.map((c) => `"${c}"`).join(', ')} FROM "${spec.table}" WHERE id = ?`);
    byKind.set(kind, stmt);
  }
  return stmt;
}

/** contentHash binds the record and the seal's own facts (kind, ref, meeting, operator, time). */
export function contentHashOf(seal: Pick<SealRow, 'kind' | 'refId' | 'meetingId' | 'operator' | 'at'>, record: Record<string, unknown>): string {
  return sha256(canonicalJson({ kind: seal.kind, refId: seal.refId, meetingId: seal.meetingId, operator: seal.operator, at: seal.at, record }));
}

export const linkHash = (prevHash: string, contentHash: string): string => sha256(prevHash + contentHash);
/**
 * contentHashOf for a row read in bulk (raw mode, columns in KINDS order): the same string
 * canonicalJson builds, with the key order worked out once per kind instead of per record.
 * verify reads tens of thousands of records; sorting keys and building objects per record
 * cost more than the hashing.
 */
export interface BulkHasher {
  /** Every record of the kind with ids in [?, ?], in id order. */
  sql: string;
  /** The SELECT of the locked columns alone, for a WHERE of the caller's own. */
  select: string;
  hash: (seal: Pick<SealRow, 'kind' | 'refId' | 'meetingId' | 'operator' | 'at'>, row: unknown[]) => string;
}

export function bulkHasher(kind: ChainKind): BulkHasher {
  const spec = KINDS[kind];
  const order = spec.columns.map((c, i) => ({ c, i })).sort((a, b) => (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  const keys = order.map((o) => `${JSON.stringify(o.c)}:`);
  const idx = order.map((o) => o.i);
  const select = `SELECT ${spec.columns.map((c) => `"${c}"`).join(', ')} FROM "${spec.table}"`;
  return {
    sql: `${select} WHERE id BETWEEN ? AND ? ORDER BY id`,
    select,
    hash: (seal, row) => {
      let rec = '{';
      for (let k = 0; k < idx.length; k++) rec += `${k ? ',' : ''}${keys[k]}${canonicalJson(row[idx[k]!])}`;
      // Keys of contentHashOf's object, sorted: at, kind, meetingId, operator, record, refId.
      return sha256(
        `{"at":${canonicalJson(seal.at)},"kind":${canonicalJson(seal.kind)},"meetingId":${canonicalJson(seal.meetingId)},"operator":${canonicalJson(seal.operator)},"record":${rec}},"refId":${canonicalJson(seal.refId)}}`,
      );
    },
  };
}


export interface Anchor {
  /** Number of seals in the chain when the anchor was taken. */
  count: number;
  /** Hash of the last of those seals. */
  hash: string;
}

/** "26-3f9a2c1b07de": short enough to print on paper, 48 bits of the head hash. */
export function shortAnchor(a: Anchor): string {
  return `${a.count}-${a.hash.slice(0, 12)}`;
}

export function parseAnchor(s: string): Anchor | null {
  const m = /^\s*(\d{1,9})\s*[-－—·]\s*([0-9a-fA-F]{8,64})\s*$/.exec(s);
  return m ? { count: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

/** The chain head now (null while nothing is sealed). */
export function chainHead(ledger: Pick<Ledger, 'sqlite'>): Anchor | null {
  const row = ledger.sqlite.prepare('SELECT COUNT(*) AS n, (SELECT hash FROM seals ORDER BY id DESC LIMIT 1) AS head FROM seals').get() as {
    n: number;
    head: string | null;
  };
  return row.head ? { count: row.n, hash: row.head } : null;
}

/**
 * The chain as it stood right after one record was sealed: its seal's hash and the number of
 * seals up to it. Null when that record is not sealed (e.g. minutes before signing).
 */
export function anchorAfter(ledger: Pick<Ledger, 'sqlite'>, kind: SealKind, refId: number): Anchor | null {
  const row = ledger.sqlite
    .prepare('SELECT s.hash AS hash, (SELECT COUNT(*) FROM seals t WHERE t.id <= s.id) AS count FROM seals s WHERE s.kind = ? AND s.ref_id = ?')
    .get(kind, refId) as Anchor | undefined;
  return row ?? null;
}

/** Append one seal for a record; returns the new head hash. */
export function appendSeal(ledger: Ledger, kind: ChainKind, refId: number, meetingId: number, prevHash: string): string {
  const record = readRecord(ledger, kind, refId);
  if (!record) throw new Error(`seal: ${kind} ${refId} not found`);
  const meta = { kind, refId, meetingId, operator: ledger.operator, at: nowIso(ledger) };
  const contentHash = contentHashOf(meta, record);
  const hash = linkHash(prevHash, contentHash);
  sealStatements(ledger.sqlite).insert.run(kind, refId, meetingId, contentHash, prevHash, hash, meta.operator, meta.at);
  return hash;
}

/** Ids of every lockable record of a meeting, by kind, in a stable order. */
export function recordsOfMeeting(ledger: Pick<Ledger, 'sqlite'>, meetingId: number): { kind: SealKind; refId: number }[] {
  const out: { kind: SealKind; refId: number }[] = [];
  const byKind = sealStatements(ledger.sqlite).idsOfMeeting;
  for (const kind of SEAL_KINDS) {
    const rows = byKind.get(kind)!.all(meetingId) as { id: number }[];
    for (const r of rows) out.push({ kind, refId: r.id });
  }
  return out;
}

// Prepared once per connection: signing a 30-item meeting appends about 700 seals, and verify
// lists the records of every sealed meeting (preparing each costs more than running it).
const sealPrepared = new WeakMap<
  Database.Database,
  { insert: Database.Statement; idsOfMeeting: Map<SealKind, Database.Statement>; recordsOfMeeting: Map<SealKind, { read: Database.Statement; hash: BulkHasher['hash'] }> }
>();

function sealStatements(db: Database.Database) {
  let s = sealPrepared.get(db);
  if (!s) {
    s = {
      insert: db.prepare('INSERT INTO seals (kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      idsOfMeeting: new Map(SEAL_KINDS.map((k) => [k, db.prepare(`${KINDS[k].idsOfMeeting} ORDER BY id`)])),
      // A meeting's records of one kind in one query, raw rows in KINDS column order, id first.
      recordsOfMeeting: new Map(
        SEAL_KINDS.map((k) => {
          const h = bulkHasher(k);
          return [k, { read: db.prepare(`${h.select} WHERE id IN (${KINDS[k].idsOfMeeting}) ORDER BY id`).raw(), hash: h.hash }];
        }),
      ),
    };
    sealPrepared.set(db, s);
  }
  return s;
}

/**
 * Seal the meeting of a signed minutes revision (R16). Called inside minutes.sign's transaction,
 * so the seals and the signature commit together. Records sealed before (an earlier revision's
 * signing) are not sealed twice: the meeting was already locked.
 *
 * The same seals appendSeal would write one by one (same order, same content hash: bulkHasher
 * is contentHashOf, checked by a unit test), but each kind read in one query and every seal
 * stamped with the one time of the signing: about 290 records, read, hashed and inserted in a
 * single pass.
 */
export function sealMeeting(ledger: Ledger, minutesId: number): { sealed: number; anchor: Anchor | null; short: string | null } {
  const row = ledger.sqlite.prepare("SELECT meeting_id AS meetingId FROM minutes WHERE id = ? AND state = 'signed'").get(minutesId) as
    | { meetingId: number }
    | undefined;
  if (!row) throw new Error(`sealMeeting: minutes ${minutesId} is not signed`);
  const already = new Set(
    (ledger.sqlite.prepare('SELECT kind, ref_id AS refId FROM seals WHERE meeting_id = ?').all(row.meetingId) as { kind: string; refId: number }[]).map(
      (s) => `${s.kind}:${s.refId}`,
    ),
  );
  const start = chainHead(ledger);
  let prev = start?.hash ?? GENESIS;
  let sealed = 0;
  const { insert, recordsOfMeeting: byKind } = sealStatements(ledger.sqlite);
  const operator = ledger.operator;
  const at = nowIso(ledger);
  for (const kind of SEAL_KINDS) {
    const { read, hash } = byKind.get(kind)!;
    for (const record of read.all(row.meetingId) as unknown[][]) {
      const refId = record[0] as number;
      if (already.has(`${kind}:${refId}`)) continue;
      const contentHash = hash({ kind, refId, meetingId: row.meetingId, operator, at }, record);
      const hashed = linkHash(prev, contentHash);
      insert.run(kind, refId, row.meetingId, contentHash, prev, hashed, operator, at);
      prev = hashed;
      sealed++;
    }
  }
  const anchor = sealed ? { count: (start?.count ?? 0) + sealed, hash: prev } : start;
  return { sealed, anchor, short: anchor ? shortAnchor(anchor) : null };
}
