// The "last verified" mark of 校验台账's quick mode: the chain head and audit head the last
// verify saw, and when the last full one ran. It lives OUTSIDE the ledger file, in the data
// folder beside it: a mark inside the file could be rewritten together with the records it
// vouches for. It is sealed with a key of its own (HMAC-SHA256, a random key written once beside
// it), so a mark written by hand, copied from another ledger or edited to name a rewritten head
// is not taken: the verify then re-hashes everything. Someone who reads the key file and this
// code can still forge one; then only the random sample (and the 30-day full verify, whose date
// is in the mark too) stands between them and a hidden edit of an old record. Said so in docs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditAnchor } from './audit';
import type { Anchor } from './chain';

export interface VerifyMark {
  /** The ledger file's name: a mark for another file in the same folder is not this one's. */
  file: string;
  head: Anchor | null;
  audit: AuditAnchor | null;
  auditRows: number;
  /** When the last full verify ended (ISO): older than FULL_EVERY_DAYS and the next one is full. */
  fullAt: string;
  /** When the last verify (full or quick) that found nothing broken ended (ISO). */
  checkedAt: string;
}

/** A quick verify is not used when the last full one is older than this. */
export const FULL_EVERY_DAYS = 30;
/** Older sealed records (and audit rows) a quick verify re-hashes at random. */
export const QUICK_SAMPLE = 256;

const MARK = 'verify-mark.json';
const KEY = 'verify-mark.key';

export function markPaths(ledgerFile: string): { mark: string; key: string } {
  const dir = path.dirname(ledgerFile);
  return { mark: path.join(dir, MARK), key: path.join(dir, KEY) };
}

const mac = (key: Buffer, mark: VerifyMark): string =>
  crypto
    .createHmac('sha256', key)
    .update(JSON.stringify([mark.file, mark.head?.count ?? null, mark.head?.hash ?? null, mark.audit?.id ?? null, mark.audit?.hash ?? null, mark.auditRows, mark.fullAt, mark.checkedAt]))
    .digest('hex');

function readKey(file: string): Buffer | null {
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/** The mark, when there is one for this file and its seal holds; null otherwise (then: full verify). */
export function readMark(ledgerFile: string): VerifyMark | null {
  const p = markPaths(ledgerFile);
  const key = readKey(p.key);
  if (!key) return null;
  try {
    const raw = JSON.parse(fs.readFileSync(p.mark, 'utf8')) as VerifyMark & { mac?: unknown };
    const mark: VerifyMark = {
      file: String(raw.file),
      head: raw.head ? { count: Number(raw.head.count), hash: String(raw.head.hash) } : null,
      audit: raw.audit ? { id: Number(raw.audit.id), hash: String(raw.audit.hash) } : null,
      auditRows: Number(raw.auditRows),
      fullAt: String(raw.fullAt),
      checkedAt: String(raw.checkedAt),
    };
    if (typeof raw.mac !== 'string' || raw.mac.length !== 64) return null;
    if (!crypto.timingSafeEqual(Buffer.from(raw.mac, 'hex'), Buffer.from(mac(key, mark), 'hex'))) return null;
    if (mark.file !== path.basename(ledgerFile) || Number.isNaN(Date.parse(mark.fullAt))) return null;
    return mark;
  } catch {
    return null;
  }
}

/** Write the mark after a verify that found nothing broken (atomically: a half-written mark is no mark). */
export function writeMark(ledgerFile: string, mark: Omit<VerifyMark, 'file'>): void {
  const p = markPaths(ledgerFile);
  let key = readKey(p.key);
  if (!key) {
    key = crypto.randomBytes(32);
    fs.writeFileSync(p.key, key.toString('hex'), { mode: 0o600 });
  }
  const full: VerifyMark = { file: path.basename(ledgerFile), ...mark };
  const tmp = `${p.mark}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...full, mac: mac(key, full) }));
  fs.renameSync(tmp, p.mark);
}

/** The mark as a quick verify may use it: present, sealed, and its full verify recent enough. */
export function usableMark(mark: VerifyMark | null, now: Date): VerifyMark | null {
  if (!mark) return null;
  const age = now.getTime() - Date.parse(mark.fullAt);
  return age >= 0 && age <= FULL_EVERY_DAYS * 86_400_000 ? mark : null;
}
