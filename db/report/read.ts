// Reads for a 报送包: one organisation's records of a period, and the seal-chain segment since
// the last bundle. Every query is scoped by the organisation (through bodies.org_id for
// meetings), so a file holding several organisations (集团) sends only the chosen one's rows.
import type { ReadLedger } from '../ledger';
import { type Anchor, type ChainKind, KINDS, isChainKind, readRecords, SEAL_SELECT, type SealRow } from '../trust/chain';
import { RECORD_TABLES, type BundleSeal, type Records, type Row } from './body';

const ids = (rows: Row[], key = 'id') => JSON.stringify([...new Set(rows.map((r) => r[key] as number))]);
const IN = (col: string, param: string) => `${col} IN (SELECT value FROM json_each(@${param}))`;

/** The records of one organisation whose meetings, items or emergency actions fall in [from, to]. */
export function periodRecords(ledger: ReadLedger, orgId: number, from: string, to: string): Records {
  const q = (sql: string, params: Record<string, unknown>) => ledger.sqlite.prepare(sql).all(params) as Row[];
  const p = { org: orgId, from, to };
  const inPeriod = (col: string) => `substr(${col}, 1, 10) BETWEEN @from AND @to`;
  const out = {} as Records;
  out.organizations = q('SELECT id, name, party_kind, created_at FROM organizations WHERE id = @org', p);
  out.bodies = q('SELECT * FROM bodies WHERE org_id = @org ORDER BY id', p);
  out.persons = q('SELECT id, name, department, active FROM persons WHERE org_id = @org ORDER BY id', p);
  out.matters = q('SELECT * FROM matters WHERE org_id = @org ORDER BY id', p);
  out.meetings = q(`SELECT m.* FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id = @org AND ${inPeriod('m.starts_at')} ORDER BY m.id`, p);
  const m = { meetings: ids(out.meetings) };
  out.attendance = q(`SELECT * FROM attendance WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m);
  out.agenda_entries = q(`SELECT * FROM agenda_entries WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m);
  const e = { entries: ids(out.agenda_entries) };
  out.statements = q(`SELECT * FROM statements WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e);
  out.recusals = q(`SELECT * FROM recusals WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e);
  out.written_opinions = q(`SELECT * FROM written_opinions WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e);
  // R10: a secret ballot keeps counts only; no per-person choice ever leaves the school for one.
  out.ballots = q(
    `SELECT b.* FROM ballots b JOIN agenda_entries e ON e.id = b.entry_id WHERE ${IN('b.entry_id', 'entries')} AND coalesce(e.vote_method, '') <> '无记名投票' ORDER BY b.id`,
    e,
  );
  out.reconsiderations = q(`SELECT * FROM reconsiderations WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m);
  out.decisions = q(`SELECT * FROM decisions WHERE ${IN('entry_id', 'entries')} ORDER BY id`, e);
  out.minutes = q(`SELECT * FROM minutes WHERE ${IN('meeting_id', 'meetings')} ORDER BY id`, m);
  // Items of the period: filed in it, or on one of its meetings.
  out.agenda_items = q(
    `SELECT * FROM agenda_items WHERE org_id = @org AND (${inPeriod('created_at')} OR ${IN('id', 'onAgenda')}) ORDER BY id`,
    { ...p, onAgenda: ids(out.agenda_entries, 'item_id') },
  );
  const i = { items: ids(out.agenda_items) };
  out.item_transitions = q(`SELECT * FROM item_transitions WHERE ${IN('item_id', 'items')} ORDER BY id`, i);
  out.consultations = q(`SELECT * FROM consultations WHERE ${IN('item_id', 'items')} ORDER BY id`, i);
  out.consultation_stances = q(`SELECT * FROM consultation_stances WHERE ${IN('consultation_id', 'c')} ORDER BY id`, { c: ids(out.consultations) });
  out.follow_ups = q(`SELECT * FROM follow_ups WHERE ${IN('decision_id', 'd')} ORDER BY id`, { d: ids(out.decisions) });
  const f = { f: ids(out.follow_ups) };
  out.progress_reports = q(`SELECT * FROM progress_reports WHERE ${IN('follow_up_id', 'f')} ORDER BY id`, f);
  out.evaluations = q(`SELECT * FROM evaluations WHERE ${IN('follow_up_id', 'f')} ORDER BY id`, f);
  out.emergency_actions = q(`SELECT * FROM emergency_actions WHERE org_id = @org AND ${inPeriod('at')} ORDER BY id`, p);
  for (const t of RECORD_TABLES) if (!out[t]) throw new Error(`report: table ${t} not read`);
  return out;
}

/**
 * The seal chain after position `fromCount`, in order. Seals of this organisation's meetings carry
 * their locked record; other seals (another organisation, a restore event) only their hashes.
 */
export function chainSegment(ledger: ReadLedger, orgId: number, fromCount: number): { seals: BundleSeal[]; from: Anchor | null; head: Anchor | null } {
  const ownMeetings = new Set(
    (ledger.sqlite.prepare('SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id = ?').all(orgId) as { id: number }[]).map((r) => r.id),
  );
  const rows = ledger.sqlite.prepare(`${SEAL_SELECT} ORDER BY id LIMIT -1 OFFSET ?`).all(fromCount) as SealRow[];
  const before = fromCount > 0 ? (ledger.sqlite.prepare('SELECT hash FROM seals ORDER BY id LIMIT 1 OFFSET ?').get(fromCount - 1) as { hash: string } | undefined) : undefined;
  const own = (s: SealRow): s is SealRow & { kind: ChainKind } => ownMeetings.has(s.meetingId) && isChainKind(s.kind) && s.kind in KINDS;
  // The locked records read per kind in one query each, not one query per seal (the profile's hot spot).
  const idsByKind = new Map<ChainKind, number[]>();
  for (const s of rows) {
    if (!own(s)) continue;
    const ids = idsByKind.get(s.kind);
    if (ids) ids.push(s.refId);
    else idsByKind.set(s.kind, [s.refId]);
  }
  const records = new Map([...idsByKind].map(([kind, ids]) => [kind, readRecords(ledger, kind, ids)]));
  const seals = rows.map((s, n): BundleSeal => {
    const base = { position: fromCount + n + 1, prevHash: s.prevHash, hash: s.hash, contentHash: s.contentHash, at: s.at };
    if (!own(s)) return { ...base, own: false };
    const record = records.get(s.kind)?.get(s.refId);
    return { ...base, own: true, kind: s.kind, refId: s.refId, meetingId: s.meetingId, operator: s.operator, record };
  });
  const last = rows[rows.length - 1];
  return {
    seals,
    from: before ? { count: fromCount, hash: before.hash } : null,
    head: last ? { count: fromCount + rows.length, hash: last.hash } : before ? { count: fromCount, hash: before.hash } : null,
  };
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
