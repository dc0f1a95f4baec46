// trust.verify: recompute the seal chain and the audit log's chain, and name the FIRST broken
// record, in chain order. A chain can be recomputed from scratch by someone who edits the file
// with a SQL tool; only an anchor kept OUTSIDE the file exposes that, and a chain cut short:
// backup manifests, the code printed on signed minutes, restore records. Anchors are matched by
// content (is this hash at this position of the chain?), never by anything the file says about
// itself (its ledger id, a restore time): those are as easy to forge as the chain.
//
// What the file alone cannot prove, the report says: seals after the newest outside anchor are
// 未锚定 (a meeting fabricated and consistently sealed at the end would look exactly like that),
// and a restore explains older anchors only when it is recorded both outside (a restore record
// beside the backups) and inside (a restore seal carrying the same nonce, at the position the
// record names).
import { cnDate, cnLocalDateTime } from '../calendar';
import type { Ledger } from '../ledger';
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import { type AuditAnchor, type AuditBreak, auditChainFrom, auditLink, type AuditRow, type AuditWalk, REDACTED, redactedBySplit, walkAuditSteps } from './audit';
import {
  type Anchor,
  bulkHasher,
  type ChainKind,
  contentHashOf,
  EVENT_KINDS,
  GENESIS,
  isChainKind,
  KINDS,
  linkHash,
  readRecord,
  SEAL_KINDS,
  SEAL_SELECT,
  type SealKind,
  type SealRow,
  shortAnchor,
} from './chain';
import { shiftRow, shiftRules } from './tables';

export type BreakReason =
  | 'link_broken'
  | 'seal_altered'
  | 'record_changed'
  | 'record_missing'
  | 'unknown_kind'
  | 'unsealed_record'
  | 'audit_broken'
  | 'anchor_mismatch'
  | 'truncated';

export interface Broken {
  reason: BreakReason;
  /** 1-based position in the chain (null for an unsealed record or an audit row). */
  position: number | null;
  sealId: number | null;
  kind: string;
  refId: number | null;
  meetingId: number | null;
  message: string;
}

export interface AnchorSource {
  /** Seal chain head when the anchor was taken (null: nothing was sealed yet). */
  anchor: Anchor | null;
  audit?: AuditAnchor | null;
  /** Where it came from: "会议纪要上印的存证码", a backup file name … */
  source: string;
  /** When it was taken, as recorded outside the file (a manifest's time); typed codes have none. */
  at?: string;
  /**
   * false: it only says what an earlier verify saw (mark.ts), not that the records were written
   * by the app, so a match vouches for nothing (a meeting appended with another tool before that
   * verify would be in it); a mismatch or a chain now shorter still breaks. Listed only then.
   */
  vouches?: false;
}

/** A restore, as written beside the backups at the time (restore.ts). */
export interface RestoreRecord {
  at: string;
  nonce: string;
  /** The restored backup's chain head and audit head. */
  head: Anchor | null;
  audit: AuditAnchor | null;
  from: string;
}

export interface AnchorCheck {
  source: string;
  anchor: string;
  result: 'match' | 'mismatch' | 'beyond' | 'superseded';
}

export type VerifyState = 'ok' | 'unanchored' | 'broken';

export interface VerifyReport {
  /** Nothing broken (state 'ok' or 'unanchored'). */
  ok: boolean;
  state: VerifyState;
  sealed: number;
  meetings: number;
  head: Anchor | null;
  headShort: string | null;
  broken: Broken | null;
  anchors: AnchorCheck[];
  /** Seals up to this position are vouched for by an outside anchor. */
  anchoredTo: number;
  /** Meetings' seals after the newest outside anchor. */
  unanchored: { from: number; count: number; meetings: string[] } | null;
  audit: { rows: number; anchoredTo: number | null; head: AuditAnchor | null };
  /**
   * 'full': every sealed record and audit row re-hashed. 'quick': the links of the whole chain
   * checked, the records after the last full verify's head re-hashed, and `sampled` older ones
   * picked at random (a change to an older record is found only if the sample hits it).
   */
  mode: 'full' | 'quick';
  /** Quick mode: older sealed records and audit rows re-hashed by sample. */
  sampled: number;
  /** Restores recorded outside and inside the file, oldest first. */
  restores: { at: string; from: string }[];
  /** Meetings that left with other organisations at a split (their seals stay in the chain, their records went). */
  /**
   * What left with other organisations at a split: meetings and their seals (the seals stay in the
   * chain, the records went), and 操作记录 of theirs kept only as their hashes (db/trust/audit.ts REDACTED).
   */
  movedOut: { meetings: number; seals: number; auditRows: number } | null;
  message: string;
}

type Db = Pick<Ledger, 'sqlite'>;

/** How far a verify in steps has got: records and audit rows re-hashed, of about how many. */
export interface VerifyProgress {
  done: number;
  total: number;
}

export function verifyChain(ledger: Db, anchors: AnchorSource[] = [], restores: RestoreRecord[] = []): VerifyReport {
  const steps = verifySteps(ledger, anchors, restores);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * verifyChain as steps of ~5 ms of work each, between turns of the event loop, on a
 * read-only connection of its own held in one read transaction: the app's calls are served
 * meanwhile, and every step sees the same snapshot of the file, so a signing made during the
 * check neither breaks it nor slips into it half-sealed. Nothing is remembered in the file (a
 * "verified up to here" mark kept there could be forged with it); `trusted`, from the mark kept
 * beside it (mark.ts), makes the run quick.
 */
export async function verifyChainInSteps(
  file: string,
  anchors: AnchorSource[] = [],
  restores: RestoreRecord[] = [],
  onProgress: (p: VerifyProgress) => void = () => {},
  { signal, sliceMs = 20, trusted = null }: StepOptions = {},
): Promise<VerifyReport> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  let steps: Generator<VerifyProgress, VerifyReport> | null = null;
  const close = () => {
    try {
      // Ends the suspended step first: an open statement cursor would keep the connection busy.
      steps?.return(undefined as never);
      if (sqlite.open && sqlite.inTransaction) sqlite.exec('COMMIT');
      if (sqlite.open) sqlite.close();
    } catch {
      // Never thrown out of an abort listener; the finally below tries again.
    }
  };
  // Stopped (the app closing, a restore): let go of the file at once, not at the next step, so a
  // close can checkpoint and a restore can replace the file.
  signal?.addEventListener('abort', close, { once: true });
  try {
    if (signal?.aborted) throw new VerifyStopped();
    sqlite.exec('BEGIN');
    steps = verifySteps({ sqlite }, anchors, restores, trusted);
    let last = performance.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      // Hand the event loop back every ~20 ms of work (steps are ~5 ms each).
      if (performance.now() - last >= sliceMs) {
        onProgress(r.value);
        await new Promise((resolve) => setImmediate(resolve));
        if (signal?.aborted) throw new VerifyStopped();
        last = performance.now();
      }
    }
  } finally {
    signal?.removeEventListener('abort', close);
    close();
  }
}

/**
 * What the last full verify vouched for, from the mark kept outside the file (mark.ts): the chain
 * head and audit head it saw. Used only when the file still has exactly that head at that
 * position; anything else and the run re-hashes everything.
 */
export interface Trusted {
  head: Anchor | null;
  audit: AuditAnchor | null;
  auditRows: number;
  /** Older records (and as many audit rows) re-hashed at random. */
  sample: number;
  /** Random integer in [0, n) (tests: fixed). */
  random?: (n: number) => number;
}

export interface StepOptions {
  /** Quick verify from this mark (verifyLedgerInSteps decides; null or absent: full). */
  trusted?: Trusted | null;
  /** Stops the run: its connection is closed at once and it rejects with VerifyStopped. */
  signal?: AbortSignal;
  /** Work done between turns of the event loop, in ms (tests: 0, a turn after every step). */
  sliceMs?: number;
}

/** A verify in steps stopped before it finished: it reports nothing, neither passed nor broken. */
export class VerifyStopped extends Error {
  constructor() {
    super('核验在完成前停止了。');
    this.name = 'VerifyStopped';
  }
}

// Steps end on time, not on a record count: a count that is short on an idle PC held the app's
// calls for half a second on a busy one. The clock is read every 64 records; a yield costs
// nothing (verifyChainInSteps hands the event loop back once sliceMs of steps have run).
const STEP_MS = 5;
// Seals read per page: one page is one step that cannot be cut.
const PAGE = 1024;
let stepStart = 0;
function stepDue(): boolean {
  const t = performance.now();
  if (t - stepStart < STEP_MS) return false;
  stepStart = t;
  return true;
}
const due = (n: number) => (n & 63) === 0 && stepDue();

function* verifySteps(ledger: Db, anchors: AnchorSource[], restores: RestoreRecord[], trusted: Trusted | null = null): Generator<VerifyProgress, VerifyReport> {
  // Progress counts each seal twice (its link, its record) and each audit row once. The audit
  // log's highest id stands for its size (append-only, so at least its row count): COUNT(*)
  // would read the whole table in one step before the first progress.
  const auditRows = (ledger.sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM audit_log').get() as { n: number }).n;
  // The seals a page at a time, the event loop handed back between pages (a district file has 100,000s).
  const seals: SealRow[] = [];
  const sealPage = ledger.sqlite.prepare(`${SEAL_SELECT} WHERE id > ? ORDER BY id LIMIT ${PAGE}`);
  for (let after = -Infinity; ; ) {
    const page = sealPage.all(after) as SealRow[];
    for (const s of page) seals.push(s);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
    yield { done: 0, total: 2 * seals.length + auditRows };
  }
  // Quick only when the file still holds the very head the last full verify saw, at its position,
  // and the audit row it saw still carries the hash it saw: then a rewrite of anything before
  // them would have changed them (each link covers all before it), and only an edit that left
  // the seals' and rows' hashes stale remains, which the sample may hit and the full verify does.
  const quick = trusted && trustedStillHolds(ledger, seals, trusted) ? trusted : null;
  const sealsFrom = quick?.head?.count ?? 0;
  const sampled = quick ? samplePositions(sealsFrom, quick.sample, quick.random) : new Set<number>();
  // Each seal's link, the records re-hashed, the audit rows walked.
  const hashed = seals.length - sealsFrom + sampled.size;
  const total = seals.length + hashed + auditRows - (quick?.audit?.id ?? 0);
  // The first break in chain order. The links are checked in one pass; the records each seal
  // names are read in bulk per kind (recordBreak) rather than one query per seal, and the
  // earliest failure of either kind wins, as if the chain were walked seal by seal.
  let structural: Broken | null = null;
  const moved = movedOut(ledger, seals);
  let prev = GENESIS;
  let end = seals.length;
  for (let i = 0; i < seals.length; i++) {
    const s = seals[i]!;
    const at = { position: i + 1, sealId: s.id, kind: s.kind, refId: s.refId, meetingId: s.meetingId };
    if (s.prevHash !== prev) {
      structural = { ...at, reason: 'link_broken', message: `存证链在第${i + 1}条处断开：此前有存证记录被删除、插入或改动。` };
    } else if (linkHash(s.prevHash, s.contentHash) !== s.hash) {
      structural = { ...at, reason: 'seal_altered', message: `第${i + 1}条存证记录本身被改动过（${describe(ledger, s.kind, s.refId, s.meetingId)}）。` };
    } else if (!isChainKind(s.kind)) {
      structural = { ...at, reason: 'unknown_kind', message: `第${i + 1}条存证记录的类型无法识别，存证链可能被改动过。` };
    }
    if (structural) {
      end = i;
      break;
    }
    prev = s.hash;
    if (due(i + 1)) yield { done: i + 1, total };
  }
  const record = yield* recordBreak(ledger, seals, end, (n) => ({ done: seals.length + n, total }), moved, quick ? (i) => i < sealsFrom && !sampled.has(i) : undefined);
  let broken: Broken | null = record ?? structural;
  // The walk stops at the first break, that seal included: anchors are matched against this much.
  const hashes = seals.slice(0, broken ? broken.position! : seals.length).map((s) => s.hash);
  const imported = importedChains(ledger);
  if (!broken) broken = yield* findUnsealed(ledger, [seals, imported.covered], { done: seals.length + hashed, total });
  if (!broken) broken = imported.broken;

  const auditIds = [...anchors.map((a) => a.audit?.id), ...restores.map((r) => r.audit?.id)].filter((x): x is number => typeof x === 'number');
  const auditSample = quick?.audit ? yield* sampleAudit(ledger, quick.audit.id, quick.sample, { done: seals.length + hashed, total }, quick.random) : null;
  const walk = walkAuditSteps(ledger.sqlite, auditIds, quick?.audit ? { ...quick.audit, rows: quick.auditRows } : null);
  let audit: AuditWalk;
  for (;;) {
    const r = walk.next();
    if (r.done) {
      audit = r.value;
      break;
    }
    yield { done: seals.length + hashed + r.value, total };
  }
  const auditBreak = audit.broken ?? auditSample;
  if (!broken && auditBreak) {
    broken = { reason: 'audit_broken', position: null, sealId: null, kind: 'audit', refId: auditBreak.id, meetingId: null, message: auditBreak.message };
  }

  // Restores count only when the file carries the restore seal the record names, right after
  // the restored backup's head, and the file still holds that backup's chain and audit log.
  const restoreAt = restorePositions(ledger, seals);
  const sealMatches = (a: Anchor) => a.count >= 1 && a.count <= hashes.length && hashes[a.count - 1]!.startsWith(a.hash);
  const auditMatches = (a: AuditAnchor) => audit.hashAt.get(a.id) === a.hash;
  const confirmed = restores
    .filter((r) => restoreAt.get(r.nonce) === (r.head?.count ?? 0) + 1 && (!r.head || sealMatches(r.head)) && (!r.audit || auditMatches(r.audit)))
    .sort((a, b) => a.at.localeCompare(b.at));

  const checks: AnchorCheck[] = [];
  let anchoredTo = 0;
  let auditAnchoredTo: number | null = null;
  const all: (AnchorSource & { restore?: RestoreRecord })[] = [
    ...confirmed.map((r) => ({ anchor: r.head, audit: r.audit, source: `恢复记录（${cnLocalDateTime(r.at)}从备份「${r.from}」恢复）`, at: r.at, restore: r })),
    ...anchors,
  ];
  for (const a of all) {
    let result = checkAnchor(a, hashes.length, audit.headId, sealMatches, auditMatches);
    // A code printed on the minutes of a school merged into this file names its own chain.
    const fromSchool = result !== 'match' && a.anchor && !a.at ? imported.chains.find((c) => c.matches(a.anchor!)) : undefined;
    if (fromSchool) {
      checks.push({ source: `${a.source}（并入的「${fromSchool.name}」台账）`, anchor: shortAnchor(a.anchor!), result: 'match' });
      continue;
    }
    // An anchor taken before a recorded restore may belong to the timeline the restore left.
    if (result !== 'match' && a.at && confirmed.some((r) => r !== a.restore && a.at! <= r.at)) result = 'superseded';
    if (a.vouches === false && (result === 'match' || result === 'superseded')) continue;
    checks.push({ source: a.source, anchor: a.anchor ? shortAnchor(a.anchor) : a.audit ? `操作记录第${a.audit.id}条` : '—', result });
    if (result === 'match') {
      anchoredTo = Math.max(anchoredTo, a.anchor?.count ?? 0);
      if (a.audit) auditAnchoredTo = Math.max(auditAnchoredTo ?? 0, a.audit.id);
    }
    if (broken) continue;
    const restored = confirmed.length
      ? `（台账曾于${cnLocalDateTime(confirmed[confirmed.length - 1]!.at)}从备份恢复；如果这个存证码来自恢复之前签发的纪要，恢复后的台账本来就不含这部分记录。）`
      : '';
    if (result === 'mismatch') {
      const n = a.anchor && !sealMatches(a.anchor) ? a.anchor.count : null;
      const s = n ? seals[n - 1] : undefined;
      broken = {
        reason: 'anchor_mismatch',
        position: n,
        sealId: s?.id ?? null,
        kind: s?.kind ?? (n ? '' : 'audit'),
        refId: s?.refId ?? (n ? null : a.audit?.id ?? null),
        meetingId: s?.meetingId ?? null,
        message: n
          ? `存证链与${a.source}记下的存证码 ${shortAnchor(a.anchor!)} 不一致：第${n}条及之前的记录被整体改写过。${restored}`
          : `操作记录与${a.source}记下的不一致：第${a.audit!.id}条及之前的操作记录被改写过。${restored}`,
      };
    } else if (result === 'beyond') {
      const sealsShort = a.anchor && a.anchor.count > hashes.length;
      broken = {
        reason: 'truncated',
        position: sealsShort ? hashes.length + 1 : null,
        sealId: null,
        kind: sealsShort ? '' : 'audit',
        refId: null,
        meetingId: null,
        message: sealsShort
          ? `${a.source}记下的存证码 ${shortAnchor(a.anchor!)} 表明当时已有${a.anchor!.count}条存证，现在只有${hashes.length}条：存证链被截短了。${restored}`
          : `${a.source}记下当时已有第${a.audit!.id}条操作记录，现在只到第${audit.headId ?? 0}条：操作记录被截短了。${restored}`,
      };
    }
  }

  const head = seals.length ? { count: seals.length, hash: seals[seals.length - 1]!.hash } : null;
  const meetingSeals = seals.filter((s, i) => !(EVENT_KINDS as readonly string[]).includes(s.kind) && !moved.has(i));
  const meetings = new Set(meetingSeals.map((s) => s.meetingId)).size;
  // A split seal after the newest anchor is as unvouched as a meeting's: one written with another
  // tool could claim that deleted meetings had left with another organisation.
  const tail = seals.map((s, i) => ({ s, i })).slice(anchoredTo).filter(({ s, i }) => s.kind !== 'restore' && !moved.has(i)).map(({ s }) => s);
  const unanchored = tail.length
    ? {
        from: anchoredTo + 1,
        count: tail.length,
        meetings: [...new Set(tail.map((s) => (s.kind === 'split' ? -1 : s.meetingId)))].map((id) => (id === -1 ? '拆分台账的记录' : meetingName(ledger, id))),
      }
    : null;
  const movedMeetings = new Set([...moved].map((i) => seals[i]!.meetingId)).size;
  const movedNote =
    (moved.size ? `另有${movedMeetings}次会议的${moved.size}条存证随拆分移出本台账，拆分本身已存证。` : '') +
    (audit.redacted ? `其他组织的${audit.redacted}条操作记录已随拆分移出，只留校验值，与拆分记录相符。` : '');
  const state: VerifyState = broken ? 'broken' : unanchored ? 'unanchored' : 'ok';
  const matched = checks.filter((c) => c.result === 'match').length;
  return {
    ok: !broken,
    state,
    sealed: seals.length,
    meetings,
    head,
    headShort: head ? shortAnchor(head) : null,
    broken,
    anchors: checks,
    anchoredTo,
    unanchored,
    audit: { rows: audit.rows, anchoredTo: auditAnchoredTo, head: audit.headId === null ? null : { id: audit.headId, hash: audit.headHash } },
    mode: quick ? 'quick' : 'full',
    sampled: quick ? sampled.size : 0,
    restores: confirmed.map((r) => ({ at: r.at, from: r.from })),
    movedOut: moved.size || audit.redacted ? { meetings: movedMeetings, seals: moved.size, auditRows: audit.redacted } : null,
    message: (
      state === 'broken'
        ? `核验未通过：${broken!.message}请保留此文件，不要继续录入，并用最近一份核验通过的备份对照。`
        : state === 'unanchored'
          ? `未发现改动：${meetings}次会议的${meetingSeals.length}条锁定记录与存证一致，操作记录完整。但${unanchored!.meetings.join('、')}的${unanchored!.count}条记录在最近一份外部存证之后才记入，尚无备份或纪要上的存证码佐证（未锚定）；用其他工具补造的记录也会是这样。请现在备份一次。${movedNote}`
          : `核验通过：${meetings}次会议的${meetingSeals.length}条锁定记录与存证一致，操作记录完整${matched ? `，与${matched}个外部存证码相符` : ''}。${movedNote}`) +
      (quick && state !== 'broken'
        ? `（快速校验：全部${seals.length}条存证的前后链接完整；上次完整校验之后记入的${seals.length - sealsFrom}条记录逐条重算，此前的记录抽查${sampled.size}条。要逐条重算全部记录，请点“完整校验”。）`
        : ''),
  };
}

/** The mark's seal head is still at its position, and its audit row still carries the hash it saw. */
function trustedStillHolds(ledger: Db, seals: SealRow[], t: Trusted): boolean {
  if (t.head && (t.head.count > seals.length || seals[t.head.count - 1]!.hash !== t.head.hash)) return false;
  if (!t.audit) return true;
  try {
    const row = ledger.sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').get(t.audit.id) as { hash: string | null } | undefined;
    return row?.hash === t.audit.hash;
  } catch {
    return false; // no hash column: a file from before the audit chain
  }
}

const defaultRandom = (n: number) => crypto.randomInt(n);

/** Up to n distinct positions in [0, below), at random. */
function samplePositions(below: number, n: number, random: (n: number) => number = defaultRandom): Set<number> {
  const out = new Set<number>();
  if (below <= n) {
    for (let i = 0; i < below; i++) out.add(i);
    return out;
  }
  while (out.size < n) out.add(random(below));
  return out;
}

/**
 * Quick mode's check of the audit rows up to the mark's: n rows at random, each linked from the
 * stored hash of the row before it. The first that does not link (or follows a gap) is named.
 */
function* sampleAudit(ledger: Db, upTo: number, n: number, at: VerifyProgress, random?: (n: number) => number): Generator<VerifyProgress, AuditBreak | null> {
  const from = auditChainFrom(ledger.sqlite);
  // Chained rows after the first: the first chained row covers the unchained ones before it (audit.ts).
  const first = from + 1;
  if (upTo < first) return null;
  const ids = [...samplePositions(upTo - first + 1, n, random)].map((i) => first + i).sort((a, b) => a - b);
  const pair = ledger.sqlite.prepare('SELECT id, at, operator, channel, summary, hash FROM audit_log WHERE id IN (?, ?) ORDER BY id');
  const redacted = redactedBySplit(ledger.sqlite);
  let k = 0;
  for (const id of ids) {
    const rows = pair.all(id - 1, id) as (AuditRow & { hash: string | null })[];
    const [before, row] = rows.length === 2 ? rows : [undefined, rows[0]];
    if (row?.id !== id || !before) return { id, message: `操作记录第${id - 1}条或第${id}条被删除了（抽查时发现前后接不上）。` };
    // Another organisation's row that left at a split: only its stored hash is left to link.
    if (row.channel === REDACTED.channel && redacted(id)) continue;
    if (before.hash === null || row.hash !== auditLink(before.hash, row)) {
      return { id, message: `操作记录第${id}条（${cnLocalDateTime(row.at)}，${row.operator}）被改动过，或在它之前有记录被改动、插入。` };
    }
    if (due(++k)) yield at;
  }
  return null;
}

/**
 * Array.sort in steps: runs of 4,096 sorted, then merged pairwise, the clock read as it goes.
 * One sort of a district's statements' seals (hundreds of thousands) held the loop for most of a
 * second on a busy PC.
 */
function* sortInSteps(list: number[], cmp: (a: number, b: number) => number, at: VerifyProgress): Generator<VerifyProgress, number[]> {
  const RUN = 4096;
  let runs: number[][] = [];
  for (let i = 0; i < list.length; i += RUN) {
    runs.push(list.slice(i, i + RUN).sort(cmp));
    if (stepDue()) yield at;
  }
  while (runs.length > 1) {
    const next: number[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const x = runs[r]!;
      const y = runs[r + 1];
      if (!y) {
        next.push(x);
        continue;
      }
      const out = new Array<number>(x.length + y.length);
      let p = 0;
      let q = 0;
      let k = 0;
      while (p < x.length && q < y.length) {
        out[k++] = cmp(x[p]!, y[q]!) <= 0 ? x[p++]! : y[q++]!;
        if (due(k)) yield at;
      }
      while (p < x.length) out[k++] = x[p++]!;
      while (q < y.length) out[k++] = y[q++]!;
      next.push(out);
    }
    runs = next;
  }
  return runs[0] ?? [];
}

/**
 * The first of seals[0, end) whose record is gone or no longer hashes to its seal. Each kind's
 * table is read once, in id order over the range the seals name, and merged with that kind's
 * seals sorted by ref id. A ref id that is not an integer (an edited seal) is looked up alone.
 */
function* recordBreak(
  ledger: Db,
  seals: SealRow[],
  end: number,
  progress: (n: number) => VerifyProgress,
  moved: ReadonlySet<number> = new Set(),
  skip: (i: number) => boolean = () => false,
): Generator<VerifyProgress, Broken | null> {
  let n = 0;
  const byKind = new Map<ChainKind, number[]>();
  for (let i = 0; i < end; i++) {
    if (moved.has(i) || skip(i)) continue;
    const k = seals[i]!.kind as ChainKind;
    let list = byKind.get(k);
    if (!list) byKind.set(k, (list = []));
    list.push(i);
  }
  let first = end;
  let missing = false;
  const fail = (i: number, gone: boolean) => {
    if (i < first) [first, missing] = [i, gone];
  };
  for (const [kind, list] of byKind) {
    const hasher = bulkHasher(kind);
    const ints: number[] = [];
    for (const i of list) {
      const s = seals[i]!;
      if (Number.isSafeInteger(s.refId)) ints.push(i);
      else {
        const r = readRecord(ledger, kind, s.refId);
        if (!r) fail(i, true);
        else if (contentHashOf(s, r) !== s.contentHash) fail(i, false);
      }
    }
    if (!ints.length) continue;
    // Stable in effect: ties (two seals naming one record) keep chain order by the position tiebreak.
    const sorted = yield* sortInSteps(ints, (a, b) => seals[a]!.refId - seals[b]!.refId || a - b, progress(n));
    const lo = seals[sorted[0]!]!.refId;
    const hi = seals[sorted[sorted.length - 1]!]!.refId;
    if (sorted.length * 16 < hi - lo) {
      // A quick verify's sample: a few hundred records spread over the table, looked up one by
      // one (the ranged read would walk every record between them).
      const one = ledger.sqlite.prepare(`${hasher.select} WHERE id = ?`).raw();
      for (const i of sorted) {
        const s = seals[i]!;
        const row = one.get(s.refId) as unknown[] | undefined;
        if (!row) fail(i, true);
        else if (hasher.hash(s, row) !== s.contentHash) fail(i, false);
        if (due(++n)) yield progress(n);
      }
      continue;
    }
    const rows = ledger.sqlite.prepare(hasher.sql).raw().iterate(lo, hi) as IterableIterator<unknown[]>;
    try {
      let row = rows.next();
      for (const i of sorted) {
        const s = seals[i]!;
        while (!row.done && (row.value[0] as number) < s.refId) row = rows.next();
        if (row.done || row.value[0] !== s.refId) fail(i, true);
        else if (hasher.hash(s, row.value) !== s.contentHash) fail(i, false);
        if (due(++n)) yield progress(n);
      }
    } finally {
      // Also when the steps are stopped here (verifyChainInSteps' close): the cursor is let go.
      rows.return?.();
    }
  }
  if (first === end) return null;
  const s = seals[first]!;
  const at = { position: first + 1, sealId: s.id, kind: s.kind, refId: s.refId, meetingId: s.meetingId };
  return missing
    ? { ...at, reason: 'record_missing', message: `${describe(ledger, s.kind, s.refId, s.meetingId)}已被删除，但它在签发时已锁定。` }
    : { ...at, reason: 'record_changed', message: `${describe(ledger, s.kind, s.refId, s.meetingId)}在签发锁定后被改动过，与存证不一致。` };
}

/**
 * Seals (positions, 0-based) whose records left at a split: each split seal's audit row names the
 * meetings that went with the other organisations (db/transfer/split.ts). Only seals before that
 * split seal, of a meeting that is really gone: a meeting still in the file is checked as ever,
 * whatever a split row claims. The split seal itself is checked like any record, so an edited
 * list breaks it.
 */
function movedOut(ledger: Db, seals: SealRow[]): Set<number> {
  const present = ledger.sqlite.prepare('SELECT 1 FROM meetings WHERE id = ?');
  return movedBySplits(
    seals,
    (s) => readRecord(ledger, 'split', s.refId) as { summary?: string } | undefined,
    (m) => !present.get(m),
  );
}

/** movedOut over any chain: the split rows by seal, and whether a meeting (by its id in the chain) is gone. */
function movedBySplits(seals: SealRow[], rowOf: (s: SealRow) => { summary?: string } | undefined, isGone: (meetingId: number) => boolean): Set<number> {
  const out = new Set<number>();
  seals.forEach((s, p) => {
    if (s.kind !== 'split') return;
    const row = rowOf(s);
    let moved: unknown;
    try {
      moved = (JSON.parse(String(row?.summary)) as { moved?: unknown }).moved;
    } catch {
      return; // not a split row this app wrote: it explains nothing
    }
    if (!Array.isArray(moved)) return;
    const ids = new Set(moved.filter((x): x is number => Number.isSafeInteger(x) && x > 0));
    const gone = new Map<number, boolean>();
    for (let i = 0; i < p; i++) {
      const m = seals[i]!.meetingId;
      if (!ids.has(m)) continue;
      if (!gone.has(m)) gone.set(m, isGone(m));
      if (gone.get(m)) out.add(i);
    }
  });
  return out;
}

/**
 * The chains of schools merged into this file (db/transfer/merge.ts): each kept verbatim, its
 * links and head checked, and each meeting's seal recomputed over the record as it is here with
 * its ids moved back by the merge's offsets. Event seals (a restore or split in the school's own
 * file) sealed its audit rows, which stayed in that file: their links are checked, not their rows.
 */
function importedChains(ledger: Db): {
  broken: Broken | null;
  chains: { name: string; matches: (a: Anchor) => boolean }[];
  /** The records the imported seals lock, under their ids in this file (for the unsealed-record check). */
  covered: SealRow[];
} {
  const covered: SealRow[] = [];
  const hasTable = ledger.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'imported_chains'").get();
  if (!hasTable) return { broken: null, chains: [], covered };
  const chains = ledger.sqlite.prepare('SELECT id, org_id AS orgId, source_name AS name, seals, head_hash AS headHash, offsets, events FROM imported_chains ORDER BY id').all() as {
    id: number;
    orgId: number;
    name: string;
    seals: number;
    headHash: string | null;
    offsets: string;
    events: string;
  }[];
  // A meeting the school's file said had moved out is present only as a meeting of the merged
  // school: its shifted id may since be taken by a meeting of the 集团 or of another school.
  const present = ledger.sqlite.prepare('SELECT 1 FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = ? AND b.org_id = ?');
  // Prepared once per kind, not per seal: a merged school brings thousands.
  const kinds = new Map<SealKind, { rules: ReturnType<typeof shiftRules>; read: ReturnType<typeof ledger.sqlite.prepare> }>();
  const perKind = (kind: SealKind) => {
    let k = kinds.get(kind);
    if (!k) {
      const spec = KINDS[kind];
      k = { rules: shiftRules(ledger.sqlite, spec.table), read: ledger.sqlite.prepare(`SELECT ${spec.columns.map((col) => `"${col}"`).join(', ')} FROM "${spec.table}" WHERE id = ?`) };
      kinds.set(kind, k);
    }
    return k;
  };
  const out: { name: string; matches: (a: Anchor) => boolean }[] = [];
  let broken: Broken | null = null;
  const fail = (name: string, s: SealRow | null, reason: BreakReason, text: string): Broken => ({
    reason,
    position: null,
    sealId: s?.id ?? null,
    kind: s?.kind ?? '',
    refId: s?.refId ?? null,
    meetingId: null,
    message: `并入的「${name}」台账中，${text}`,
  });
  for (const c of chains) {
    const seals = ledger.sqlite.prepare('SELECT id, kind, ref_id AS refId, meeting_id AS meetingId, content_hash AS contentHash, prev_hash AS prevHash, hash, operator, at FROM imported_seals WHERE chain_id = ? ORDER BY position').all(c.id) as SealRow[];
    const hashes = seals.map((s) => s.hash);
    out.push({ name: c.name, matches: (a) => a.count >= 1 && a.count <= hashes.length && hashes[a.count - 1]!.startsWith(a.hash) });
    if (broken) continue;
    let offsets: Record<string, number>;
    let events: Map<number, Record<string, unknown>>;
    try {
      offsets = JSON.parse(c.offsets) as Record<string, number>;
      events = new Map((JSON.parse(c.events) as Record<string, unknown>[]).map((e) => [Number(e.id), e]));
    } catch {
      broken = fail(c.name, null, 'seal_altered', '合并时记下的编号对照被改动过。');
      continue;
    }
    for (const s of seals) {
      if ((EVENT_KINDS as readonly string[]).includes(s.kind) || !isChainKind(s.kind)) continue; // moved ones name no record here: harmless
      const table = KINDS[s.kind as SealKind].table;
      covered.push({ ...s, refId: s.refId + (offsets[table] ?? 0), meetingId: s.meetingId + (offsets.meetings ?? 0) });
    }
    if (seals.length !== c.seals || (hashes[hashes.length - 1] ?? null) !== c.headHash) {
      broken = fail(c.name, null, 'truncated', `合并时有${c.seals}条存证，现在是${seals.length}条，或末条不一致：存证被删改过。`);
      continue;
    }
    const moved = movedBySplits(seals, (s) => events.get(s.refId) as { summary?: string } | undefined, (m) => !present.get(m + (offsets.meetings ?? 0), c.orgId));
    let prev = GENESIS;
    for (const [i, s] of seals.entries()) {
      if (s.prevHash !== prev || linkHash(s.prevHash, s.contentHash) !== s.hash || !isChainKind(s.kind)) {
        broken = fail(c.name, s, 'link_broken', `存证链在第${i + 1}条处断开或被改动。`);
        break;
      }
      prev = s.hash;
      if (moved.has(i)) continue;
      if ((EVENT_KINDS as readonly string[]).includes(s.kind)) {
        // The school's own restore or split: sealed over its audit row, kept with the chain.
        const row = events.get(s.refId);
        const record = row && { id: row.id, at: row.at, operator: row.operator, channel: row.channel, summary: row.summary };
        if (!record || contentHashOf(s, record) !== s.contentHash) {
          broken = fail(c.name, s, 'record_changed', `第${i + 1}条存证所记的${KINDS[s.kind as ChainKind].label}与存证不一致。`);
          break;
        }
        continue;
      }
      const spec = KINDS[s.kind as SealKind];
      const { rules, read } = perKind(s.kind as SealKind);
      const here = read.get(s.refId + (offsets[spec.table] ?? 0)) as Record<string, unknown> | undefined;
      const label = `${spec.label}（原编号 ${s.refId}）`;
      if (!here) {
        broken = fail(c.name, s, 'record_missing', `${label}已被删除，但它在签发时已锁定。`);
        break;
      }
      if (contentHashOf(s, shiftRow(spec.table, rules, here, offsets, -1)) !== s.contentHash) {
        broken = fail(c.name, s, 'record_changed', `${label}在签发锁定后被改动过，与存证不一致。`);
        break;
      }
    }
  }
  return { broken, chains: out, covered };
}

/** Position of each restore seal in the chain, by the nonce its audit row carries. */
function restorePositions(ledger: Db, seals: SealRow[]): Map<string, number> {
  const out = new Map<string, number>();
  seals.forEach((s, i) => {
    if (s.kind !== 'restore') return;
    const row = readRecord(ledger, 'restore', s.refId) as { summary?: string } | undefined;
    try {
      const nonce = (JSON.parse(String(row?.summary)) as { nonce?: unknown }).nonce;
      if (typeof nonce === 'string') out.set(nonce, i + 1);
    } catch {
      // Not a restore row this app wrote: it confirms nothing.
    }
  });
  return out;
}

function checkAnchor(
  a: AnchorSource,
  sealed: number,
  auditHead: number | null,
  sealMatches: (x: Anchor) => boolean,
  auditMatches: (x: AuditAnchor) => boolean,
): AnchorCheck['result'] {
  const seal = !a.anchor ? 'match' : a.anchor.count > sealed ? 'beyond' : sealMatches(a.anchor) ? 'match' : 'mismatch';
  const audit = !a.audit ? 'match' : a.audit.id > (auditHead ?? 0) ? 'beyond' : auditMatches(a.audit) ? 'match' : 'mismatch';
  if (seal === 'mismatch' || audit === 'mismatch') return 'mismatch';
  return seal === 'beyond' || audit === 'beyond' ? 'beyond' : 'match';
}

/**
 * A record inside a sealed meeting that has no seal was added after signing; a signed minutes
 * revision without a seal was signed (or flipped to "signed") outside minutes.sign.
 */
function* findUnsealed(ledger: Db, lists: readonly (readonly SealRow[])[], at: VerifyProgress): Generator<VerifyProgress, Broken | null> {
  // The sealed records, and the sealed meetings in chain order, built in steps: one pass over a
  // district's hundreds of thousands of seals (and no spread copy of them) held the loop ~0.2 s.
  const have = new Set<string>();
  const order = new Map<number, number>();
  let i = 0;
  for (const list of lists) {
    for (const s of list) {
      have.add(`${s.kind}:${s.refId}`);
      if (s.meetingId > 0 && !order.has(s.meetingId)) order.set(s.meetingId, order.size);
      if (due(++i)) yield at;
    }
  }
  const signed = ledger.sqlite.prepare("SELECT id, meeting_id AS meetingId FROM minutes WHERE state = 'signed' ORDER BY id").all() as {
    id: number;
    meetingId: number;
  }[];
  for (const m of signed) {
    if (have.has(`minutes:${m.id}`)) continue;
    return {
      reason: 'unsealed_record',
      position: null,
      sealId: null,
      kind: 'minutes',
      refId: m.id,
      meetingId: m.meetingId,
      message: `${describe(ledger, 'minutes', m.id, m.meetingId)}标记为已签发，但没有经过签发手续留下存证。`,
    };
  }
  // Every record of a sealed meeting, one query per kind (not ten per meeting); of those without
  // a seal, the one recordsOfMeeting would list first, meeting by meeting in chain order.
  let first: { at: number; kind: SealKind; refId: number; meetingId: number } | null = null;
  let n = 0;
  for (const [k, kind] of SEAL_KINDS.entries()) {
    // for…of: a stop between steps ends the cursor too (the generator's return closes it).
    for (const [refId, meetingId] of ledger.sqlite.prepare(KINDS[kind].allWithMeeting).raw().iterate() as Iterable<[number, number]>) {
      // Every record of every kind is listed here: hand the event loop back as often as elsewhere.
      if (due(++n)) yield at;
      const m = order.get(meetingId);
      if (m === undefined || have.has(`${kind}:${refId}`)) continue;
      const pos = m * SEAL_KINDS.length + k;
      if (!first || pos < first.at || (pos === first.at && refId < first.refId)) first = { at: pos, kind, refId, meetingId };
    }
  }
  if (!first) return null;
  const r: { kind: SealKind; refId: number; meetingId: number } = first;
  return {
    reason: 'unsealed_record',
    position: null,
    sealId: null,
    kind: r.kind,
    refId: r.refId,
    meetingId: r.meetingId,
    message: `${describe(ledger, r.kind, r.refId, r.meetingId)}是在会议纪要签发锁定之后才出现的，没有存证。`,
  };
}

/** "2026年第3次党组织会议（2026年3月25日）的发言表态（编号 12）", tolerant of a damaged record. */
export function describe(ledger: Db, kind: string, refId: number, meetingId: number): string {
  const label = (KINDS as Record<string, { label: string }>)[kind]?.label ?? '记录';
  if ((EVENT_KINDS as readonly string[]).includes(kind)) return `${label}（操作记录第${refId}条）`;
  return `${meetingName(ledger, meetingId)}的${label}（编号 ${refId}）`;
}

/** "2026年第3次党组织会议（2026年3月25日）", or the meeting's id when its row is gone or damaged. */
const meetingNames = new WeakMap<Db['sqlite'], ReturnType<Db['sqlite']['prepare']>>();
function meetingName(ledger: Db, meetingId: number): string {
  try {
    // Prepared once per connection: an unanchored tail names every meeting in it (thousands on a district file).
    let read = meetingNames.get(ledger.sqlite);
    if (!read) {
      read = ledger.sqlite.prepare('SELECT m.year, m.seq, m.starts_at AS startsAt, b.name FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id WHERE m.id = ?');
      meetingNames.set(ledger.sqlite, read);
    }
    const m = read
      .get(meetingId) as { year: number; seq: number; startsAt: string; name: string | null } | undefined;
    if (m) return `${m.year}年第${m.seq}次${m.name ?? '会议'}（${cnDate(String(m.startsAt))}）`;
  } catch {
    // A damaged meetings table still lets us name the record by its ids.
  }
  return `会议（编号 ${meetingId}）`;
}
