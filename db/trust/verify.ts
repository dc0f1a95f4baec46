// trust.verify: recompute the seal chain and name the FIRST broken record, in chain order.
// A chain can be recomputed from scratch by someone who edits the file with a SQL tool; only
// an anchor kept outside the file (printed on signed minutes, written in backup manifests)
// exposes that, and a chain cut short.
import { cnDate } from '../calendar';
import type { Ledger } from '../ledger';
import {
  type Anchor,
  contentHashOf,
  GENESIS,
  KINDS,
  linkHash,
  readRecord,
  recordsOfMeeting,
  SEAL_KINDS,
  SEAL_SELECT,
  type SealKind,
  type SealRow,
  shortAnchor,
} from './chain';

export type BreakReason =
  | 'link_broken'
  | 'seal_altered'
  | 'record_changed'
  | 'record_missing'
  | 'unknown_kind'
  | 'unsealed_record'
  | 'anchor_mismatch'
  | 'truncated';

export interface Broken {
  reason: BreakReason;
  /** 1-based position in the chain (null for an unsealed record). */
  position: number | null;
  sealId: number | null;
  kind: string;
  refId: number | null;
  meetingId: number | null;
  message: string;
}

export interface AnchorSource {
  anchor: Anchor;
  /** Where it came from: "会议纪要上的存证码", a backup file name … */
  source: string;
  /** ISO time the anchor was taken; anchors older than the last restore may lie beyond the chain. */
  at?: string;
}

export interface AnchorCheck {
  source: string;
  anchor: string;
  result: 'match' | 'mismatch' | 'beyond' | 'superseded';
}

export interface VerifyReport {
  ok: boolean;
  sealed: number;
  meetings: number;
  head: Anchor | null;
  headShort: string | null;
  broken: Broken | null;
  anchors: AnchorCheck[];
  message: string;
}

type Db = Pick<Ledger, 'sqlite'>;

export function verifyChain(ledger: Db, anchors: AnchorSource[] = [], restoredAt: string | null = null): VerifyReport {
  const seals = ledger.sqlite.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[];
  const hashes: string[] = [];
  let broken: Broken | null = null;
  let prev = GENESIS;
  for (let i = 0; i < seals.length && !broken; i++) {
    const s = seals[i]!;
    const at = { position: i + 1, sealId: s.id, kind: s.kind, refId: s.refId, meetingId: s.meetingId };
    if (s.prevHash !== prev) {
      broken = { ...at, reason: 'link_broken', message: `存证链在第${i + 1}条处断开：此前有存证记录被删除、插入或改动。` };
    } else if (linkHash(s.prevHash, s.contentHash) !== s.hash) {
      broken = { ...at, reason: 'seal_altered', message: `第${i + 1}条存证记录本身被改动过（${describe(ledger, s.kind, s.refId, s.meetingId)}）。` };
    } else if (!(SEAL_KINDS as readonly string[]).includes(s.kind)) {
      broken = { ...at, reason: 'unknown_kind', message: `第${i + 1}条存证记录的类型无法识别，存证链可能被改动过。` };
    } else {
      const record = readRecord(ledger, s.kind as SealKind, s.refId);
      if (!record) {
        broken = { ...at, reason: 'record_missing', message: `${describe(ledger, s.kind, s.refId, s.meetingId)}已被删除，但它在签发时已锁定。` };
      } else if (contentHashOf(s, record) !== s.contentHash) {
        broken = { ...at, reason: 'record_changed', message: `${describe(ledger, s.kind, s.refId, s.meetingId)}在签发锁定后被改动过，与存证不一致。` };
      }
    }
    prev = s.hash;
    hashes.push(s.hash);
  }
  if (!broken) broken = findUnsealed(ledger, seals);

  const checks: AnchorCheck[] = [];
  for (const a of anchors) {
    const result = checkAnchor(hashes, a, restoredAt);
    checks.push({ source: a.source, anchor: shortAnchor(a.anchor), result });
    if (!broken && result === 'mismatch') {
      broken = {
        reason: 'anchor_mismatch',
        position: a.anchor.count,
        sealId: seals[a.anchor.count - 1]?.id ?? null,
        kind: seals[a.anchor.count - 1]?.kind ?? '',
        refId: seals[a.anchor.count - 1]?.refId ?? null,
        meetingId: seals[a.anchor.count - 1]?.meetingId ?? null,
        message: `存证链与${a.source}记下的存证码 ${shortAnchor(a.anchor)} 不一致：第${a.anchor.count}条及之前的记录被整体改写过。`,
      };
    }
    if (!broken && result === 'beyond') {
      broken = {
        reason: 'truncated',
        position: hashes.length + 1,
        sealId: null,
        kind: '',
        refId: null,
        meetingId: null,
        message: `${a.source}记下的存证码 ${shortAnchor(a.anchor)} 表明当时已有${a.anchor.count}条存证，现在只有${hashes.length}条：存证链被截短了。`,
      };
    }
  }

  const head = seals.length ? { count: seals.length, hash: seals[seals.length - 1]!.hash } : null;
  const meetings = new Set(seals.map((s) => s.meetingId)).size;
  return {
    ok: !broken,
    sealed: seals.length,
    meetings,
    head,
    headShort: head ? shortAnchor(head) : null,
    broken,
    anchors: checks,
    message: broken
      ? `核验未通过：${broken.message}请保留此文件，不要继续录入，并用最近一份核验通过的备份对照。`
      : `核验通过：${meetings}次会议的${seals.length}条锁定记录与存证一致。`,
  };
}

function checkAnchor(hashes: string[], a: AnchorSource, restoredAt: string | null): AnchorCheck['result'] {
  const { count, hash } = a.anchor;
  if (count < 1) return 'mismatch';
  if (count > hashes.length) {
    // A backup taken before the ledger was restored from an older one legitimately runs ahead.
    return restoredAt && a.at && a.at <= restoredAt ? 'superseded' : 'beyond';
  }
  return hashes[count - 1]!.startsWith(hash) ? 'match' : 'mismatch';
}

/**
 * A record inside a sealed meeting that has no seal was added after signing; a signed minutes
 * revision without a seal was signed (or flipped to "signed") outside minutes.sign.
 */
function findUnsealed(ledger: Db, seals: SealRow[]): Broken | null {
  const have = new Set(seals.map((s) => `${s.kind}:${s.refId}`));
  const meetingIds = [...new Set(seals.map((s) => s.meetingId))];
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
  for (const meetingId of meetingIds) {
    for (const r of recordsOfMeeting(ledger, meetingId)) {
      if (!have.has(`${r.kind}:${r.refId}`)) {
        return {
          reason: 'unsealed_record',
          position: null,
          sealId: null,
          kind: r.kind,
          refId: r.refId,
          meetingId,
          message: `${describe(ledger, r.kind, r.refId, meetingId)}是在会议纪要签发锁定之后才出现的，没有存证。`,
        };
      }
    }
  }
  return null;
}

/** "2026年第3次党组织会议（2026年3月25日）的发言表态（编号 12）", tolerant of a damaged record. */
export function describe(ledger: Db, kind: string, refId: number, meetingId: number): string {
  const label = (KINDS as Record<string, { label: string }>)[kind]?.label ?? '记录';
  let meeting = `会议（编号 ${meetingId}）`;
  try {
    const m = ledger.sqlite
      .prepare('SELECT m.year, m.seq, m.starts_at AS startsAt, b.name FROM meetings m LEFT JOIN bodies b ON b.id = m.body_id WHERE m.id = ?')
      .get(meetingId) as { year: number; seq: number; startsAt: string; name: string | null } | undefined;
    if (m) meeting = `${m.year}年第${m.seq}次${m.name ?? '会议'}（${cnDate(String(m.startsAt))}）`;
  } catch {
    // A damaged meetings table still lets us name the record by its ids.
  }
  return `${meeting}的${label}（编号 ${refId}）`;
}
