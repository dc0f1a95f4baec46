// Reads for a 报送包: one organisation's records of a period, and the seal-chain segment since
// the last bundle. Every query is scoped by the organisation (through bodies.org_id for
// meetings), so a file holding several organisations (集团) sends only the chosen one's rows.
import type { ReadLedger } from '../ledger';
import { type Anchor, type ChainKind, KINDS, isChainKind, readRecords, SEAL_SELECT, type SealRow } from '../trust/chain';
import { RECORD_TABLES, type BundleSeal, type Records, type RecordTable, type Row } from './body';

const IN = (col: string, param: string) => `${col} IN (SELECT value FROM json_each(@${param}))`;

/** Receives a bundle's records table by table: `table` once per table (also when it is empty), then its rows. */
export interface RecordSink {
  table(t: RecordTable): void;
  row(r: Row): void;
}

/**
 * The records of one organisation whose meetings, items or emergency actions fall in [from, to],
 * handed to `sink` row by row as SQLite steps (a 10-year school's rows are never all in memory).
 * Later tables are selected by the ids of earlier ones, so only those ids are kept.
 */
export function eachPeriodRecord(ledger: ReadLedger, orgId: number, from: string, to: string, sink: RecordSink): void {
  const p = { org: orgId, from, to };
  const inPeriod = (col: string) => `substr(${col}, 1, 10) BETWEEN @from AND @to`;
  const seen = new Set<RecordTable>();
  /** Streams one table; `keep` collects a column of each row for the tables after it. */
  const q = (t: RecordTable, sql: string, params: Record<string, unknown>, ...keep: string[]) => {
    seen.add(t);
    sink.table(t);
    const kept = keep.map(() => new Set<number>());
    for (const r of ledger.sqlite.prepare(sql).iterate(params) as IterableIterator<Row>) {
      keep.forEach((k, n) => kept[n]!.add(r[k] as number));
      sink.row(r);
    }
    return kept.map((k) => JSON.stringify([...k]));
  };
  q('organizations', 'SELECT id, name, party_kind, created_at FROM organizations WHERE id = @org', p);
  q('bodies', 'SELECT * FROM bodies WHERE org_id = @org ORDER BY id', p);
  q('persons', 'SELECT id, name, department, active FROM persons WHERE org_id = @org ORDER BY id', p);
  q('matters', 'SELECT * FROM matters WHERE org_id = @org ORDER BY id', p);
  const [meetings] = q('meetings', `SELECT m.* FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id = @org AND ${inPeriod('m.starts_at')} ORDER BY m.id`, p, 'id');
  const m = { meetings };
  q('attendance', `SELECT * FROM attendance WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m);
  const [entries, onAgenda] = q('agenda_entries', `SELECT * FROM agenda_entries WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m, 'id', 'item_id');
  const e = { entries };
  q('statements', `SELECT * FROM statements WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e);
  q('recusals', `SELECT * FROM recusals WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e);
  q('written_opinions', `SELECT * FROM written_opinions WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e);
  // R10: a secret ballot keeps counts only; no per-person choice ever leaves the school for one.
  q(
    'ballots',
    `SELECT b.* FROM ballots b JOIN agenda_entries e ON e.id = b.entry_id WHERE ${IN('b.entry_id', 'entries')} AND coalesce(e.vote_method, '') <> '无记名投票' ORDER BY b.id`,
    e,
  );
  q('reconsiderations', `SELECT * FROM reconsiderations WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m);
  const [decisions] = q('decisions', `SELECT * FROM decisions WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e, 'id');
  q('minutes', `SELECT * FROM minutes WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m);
  // Items of the period: filed in it, or on one of its meetings.
  const [items] = q('agenda_items', `SELECT * FROM agenda_items WHERE org_id = @org AND (${inPeriod('created_at')} OR ${IN('id', 'onAgenda')}) ORDER BY id`, { ...p, onAgenda }, 'id');
  const i = { items };
  q('item_transitions', `SELECT * FROM item_transitions WHERE ${IN('item_id', 'items')} ORDER BY id`, i);
  const [c] = q('consultations', `SELECT * FROM consultations WHERE ${IN('item_id', 'items')} ORDER BY id`, i, 'id');
  q('consultation_stances', `SELECT * FROM consultation_stances WHERE ${IN('consultation_id', 'c')} ORDER BY id`, { c });
  const [f] = q('follow_ups', `SELECT * FROM follow_ups WHERE ${IN('decision_id', 'd')} ORDER BY id`, { d: decisions }, 'id');
  q('progress_reports', `SELECT * FROM progress_reports WHERE ${IN('follow_up_id', 'f')} ORDER BY id`, { f });
  q('evaluations', `SELECT * FROM evaluations WHERE ${IN('follow_up_id', 'f')} ORDER BY id`, { f });
  q('emergency_actions', `SELECT * FROM emergency_actions WHERE org_id = @org AND ${inPeriod('at')} ORDER BY id`, p);
  for (const t of RECORD_TABLES) if (!seen.has(t)) throw new Error(`report: table ${t} not read`);
}

/** The period's records collected in memory (tests and small periods; the bundle streams them). */
export function periodRecords(ledger: ReadLedger, orgId: number, from: string, to: string): Records {
  const out = {} as Records;
  let rows: Row[] = [];
  eachPeriodRecord(ledger, orgId, from, to, { table: (t) => (out[t] = rows = []), row: (r) => rows.push(r) });
  return out;
}

/** Seals read per page: enough to read the locked records by kind in few queries, few enough to keep memory flat. */
const SEAL_PAGE = 2000;

/**
 * The seal chain after position `fromCount`, in order, handed to `each` one seal at a time. Seals of
 * this organisation's meetings carry their locked record; other seals (another organisation, a
 * restore event) only their hashes. Pages by id (keyset), so a long chain is never read whole.
 */
export function eachChainSeal(
  ledger: ReadLedger,
  orgId: number,
  fromCount: number,
  each: (s: BundleSeal) => void,
  pageSize = SEAL_PAGE,
): { from: Anchor | null; head: Anchor | null } {
  const ownMeetings = new Set(
    (ledger.sqlite.prepare('SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id = ?').all(orgId) as { id: number }[]).map((r) => r.id),
  );
  // Positions count seals, not ids: the one OFFSET walks the id index once to find where to start.
  const before = fromCount > 0 ? (ledger.sqlite.prepare('SELECT id, hash FROM seals ORDER BY id LIMIT 1 OFFSET ?').get(fromCount - 1) as { id: number; hash: string } | undefined) : undefined;
  // Asked to start past the end (a ledger restored from an older backup): nothing to send, as before.
  if (fromCount > 0 && !before) return { from: null, head: null };
  const page = ledger.sqlite.prepare(`${SEAL_SELECT} WHERE id > ? ORDER BY id LIMIT ?`);
  const own = (s: SealRow): s is SealRow & { kind: ChainKind } => ownMeetings.has(s.meetingId) && isChainKind(s.kind) && s.kind in KINDS;
  let after = before?.id ?? 0;
  let position = fromCount;
  let last: SealRow | undefined;
  for (;;) {
    const rows = page.all(after, pageSize) as SealRow[];
    if (rows.length === 0) break;
    // The locked records read per kind in one query each, not one query per seal.
    const idsByKind = new Map<ChainKind, number[]>();
    for (const s of rows) {
      if (!own(s)) continue;
      const ids = idsByKind.get(s.kind);
      if (ids) ids.push(s.refId);
      else idsByKind.set(s.kind, [s.refId]);
    }
    const records = new Map([...idsByKind].map(([kind, ids]) => [kind, readRecords(ledger, kind, ids)]));
    for (const s of rows) {
      position += 1;
      if (!own(s)) each({ position, prevHash: s.prevHash, hash: s.hash, contentHash: s.contentHash, at: s.at, own: false });
      else {
        const record = records.get(s.kind)?.get(s.refId);
        each({ position, prevHash: s.prevHash, hash: s.hash, contentHash: s.contentHash, at: s.at, own: true, kind: s.kind, refId: s.refId, meetingId: s.meetingId, operator: s.operator, record });
      }
    }
    last = rows[rows.length - 1]!;
    after = last.id;
  }
  return {
    from: before ? { count: fromCount, hash: before.hash } : null,
    head: last ? { count: position, hash: last.hash } : before ? { count: fromCount, hash: before.hash } : null,
  };
}

/** The chain segment collected in memory (tests); the bundle streams it. */
export function chainSegment(ledger: ReadLedger, orgId: number, fromCount: number, pageSize = SEAL_PAGE): { seals: BundleSeal[]; from: Anchor | null; head: Anchor | null } {
  const seals: BundleSeal[] = [];
  return { seals, ...eachChainSeal(ledger, orgId, fromCount, (s) => seals.push(s), pageSize) };
}

/** Where the next bundle of this organisation starts: the chain head of the last one made. */
export function lastSentHead(ledger: ReadLedger, orgId: number): number {
  const row = ledger.sqlite.prepare('SELECT chain_head AS n FROM report_sends WHERE org_id = ? ORDER BY id DESC LIMIT 1').get(orgId) as { n: number } | undefined;
  return row?.n ?? 0;
}

export interface SendRow {
  id: number;
  periodLabel: string;
  periodFrom: string;
  periodTo: string;
  madeAt: string;
  operator: string;
  chainFrom: number;
  chainHead: number;
  sealedFor: string | null;
  counts: Record<string, number>;
}

/** The bundles made for an organisation, newest first. */
export function sendHistory(ledger: ReadLedger, orgId: number): SendRow[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT id, period_label AS periodLabel, period_from AS periodFrom, period_to AS periodTo, made_at AS madeAt, operator,
              chain_from AS chainFrom, chain_head AS chainHead, sealed_for AS sealedFor, counts
       FROM report_sends WHERE org_id = ? ORDER BY id DESC`,
    )
    .all(orgId) as (Omit<SendRow, 'counts'> & { counts: string })[];
  return rows.map((r) => ({ ...r, counts: JSON.parse(r.counts) as Record<string, number> }));
}
