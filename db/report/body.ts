// What a 报送包 holds once opened: the manifest, the period's records, and the seal-chain segment.
// Types and the segment check only; the school writes it (bundle.ts), the district reads it.
import { contentHashOf, GENESIS, linkHash, type Anchor } from '../trust/chain';

export const BUNDLE_VERSION = 1;

/** Tables a bundle carries, in the order they are read; rows as stored (JSON columns stay text). */
export const RECORD_TABLES = [
  'organizations', 'bodies', 'persons', 'matters',
  'agenda_items', 'item_transitions', 'consultations', 'consultation_stances',
  'meetings', 'attendance', 'agenda_entries', 'statements', 'recusals', 'written_opinions', 'ballots', 'reconsiderations',
  'decisions', 'minutes', 'follow_ups', 'progress_reports', 'evaluations', 'emergency_actions',
] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];
export type Row = Record<string, unknown>;
export type Records = Record<RecordTable, Row[]>;

export interface Manifest {
  format: 'yishi-report';
  version: number;
  school: { name: string; partyKind: string; orgId: number; ledgerId: string };
  period: { from: string; to: string; label: string };
  madeAt: string;
  operator: string;
  counts: Record<string, number>;
  chain: { from: Anchor | null; head: Anchor | null; seals: number; own: number };
  app: { version: string };
  schema: { migrations: number; newest: number | null };
  key: { fingerprint: string };
}

/**
 * One seal of the segment. The school's own seals carry the locked record, so the district
 * recomputes the content hash itself; seals of other organisations in the same file (集团)
 * carry only their hashes, enough to check the links.
 */
export interface BundleSeal {
  position: number;
  prevHash: string;
  hash: string;
  contentHash: string;
  at: string;
  own: boolean;
  kind?: string;
  refId?: number;
  meetingId?: number;
  operator?: string;
  record?: Row;
}

export interface BundleBody {
  manifest: Manifest;
  records: Records;
  chain: { seals: BundleSeal[]; anchors: { position: number; hash: string; minutesId: number; docNumber: string }[] };
}

export type SegmentProblem =
  | { kind: 'gap'; position: number; message: string }
  | { kind: 'link'; position: number; message: string }
  | { kind: 'content'; position: number; message: string }
  | { kind: 'clock'; position: number; message: string }
  | { kind: 'head'; position: number; message: string };

/**
 * The segment is whole: consecutive positions from `from`, each seal linked to the one before,
 * each of the school's own seals matching its record, times never going backwards, and the
 * manifest's head the last seal. Returns the first problem, or null.
 */
export function checkSegment(body: BundleBody): SegmentProblem | null {
  const { from, head } = body.manifest.chain;
  let prev = from?.hash ?? GENESIS;
  let position = from?.count ?? 0;
  let lastAt = '';
  for (const s of body.chain.seals) {
    position += 1;
    if (s.position !== position) return { kind: 'gap', position, message: `报送包中的存证链缺少第${position}条，存证链不完整。` };
    if (s.prevHash !== prev || linkHash(s.prevHash, s.contentHash) !== s.hash) {
      return { kind: 'link', position, message: `报送包中的存证链在第${position}条处断开：存证记录被删除、插入或改动过。` };
    }
    if (s.own) {
      if (!s.record || s.kind === undefined || s.refId === undefined || s.meetingId === undefined || s.operator === undefined) {
        return { kind: 'content', position, message: `报送包中第${position}条存证缺少它锁定的记录。` };
      }
      if (contentHashOf({ kind: s.kind, refId: s.refId, meetingId: s.meetingId, operator: s.operator, at: s.at }, s.record) !== s.contentHash) {
        return { kind: 'content', position, message: `报送包中第${position}条存证锁定的记录与存证不一致：记录在签发锁定后被改动过。` };
      }
    }
    // Seals are appended in time order; an earlier time later in the chain means the clock went back.
    if (s.at < lastAt) return { kind: 'clock', position, message: `第${position}条存证的时间早于前一条：学校电脑的时钟曾被调回。` };
    lastAt = s.at;
    prev = s.hash;
  }
  if ((head?.count ?? 0) !== position || (head?.hash ?? GENESIS) !== prev) {
    return { kind: 'head', position, message: '报送包清单中的存证链头与存证链本身不一致。' };
  }
  return null;
}
