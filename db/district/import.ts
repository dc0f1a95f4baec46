// Importing a 报送包 into the district ledger: decrypt, check the signature, find the registered
// school, check the chain segment and its continuity with what the district already holds, the
// school's clock, and the period. Any refusal leaves the district file exactly as it was (the
// whole import is one transaction, and every check runs before the first write). The same bundle
// twice changes nothing; a corrected bundle for a period replaces the older only via supersede.
import zlib from 'node:zlib';
import { cnDate, cnLocalDateTime } from '../calendar';
import { bundleFacts } from '../rules/indicators';
import { checkSegment, type BundleBody } from '../report/body';
import { BundleError, openBundle } from '../report/envelope';
import { shortAnchor } from '../trust/chain';
import { audit, type District } from './store';
import { contentsText } from './view';

export type RefusalReason =
  | 'not_bundle'
  | 'bad_signature'
  | 'wrong_key'
  | 'unknown_school'
  | 'broken_chain'
  | 'rewritten_chain'
  | 'gap'
  | 'replayed'
  | 'clock'
  | 'period_covered'
  | 'nothing_to_supersede';

export class Refusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

const refuse = (reason: RefusalReason, message: string): never => {
  throw new Refusal(reason, message);
};

/** Seals may be stamped a little after the bundle's own time by a slow disk; more is a clock problem. */
const CLOCK_SLACK_MS = 10 * 60 * 1000;

interface SchoolRow {
  id: number;
  name: string;
  fingerprint: string;
  ledgerId: string | null;
  orgId: number | null;
  headCount: number;
  headHash: string | null;
  lastMadeAt: string | null;
  lastSealAt: string | null;
}

export interface ImportOutcome {
  state: 'imported' | 'already' | 'superseded';
  bundleId: number;
  school: string;
  period: string;
  message: string;
}

function readBody(payload: Buffer, collect?: () => void): BundleBody {
  try {
    // One output chunk about the size of the body (JSON compresses 6–7 times): by default gunzip
    // gathers 16 KB chunks and then copies them into one buffer, twice a 10-year body's 56 MB at once.
    const chunkSize = Math.min(256 * 1024 * 1024, Math.max(64 * 1024, payload.length * 8));
    let raw: Buffer | null = zlib.gunzipSync(payload, { chunkSize });
    const text = raw.toString('utf8');
    // The buffers are garbage now; in the worker they go before the parse makes its objects.
    raw = null;
    collect?.();
    const body = JSON.parse(text) as BundleBody;
    if (body?.manifest?.format !== 'yishi-report' || !body.records || !Array.isArray(body.chain?.seals)) throw new Error('shape');
    return body;
  } catch {
    return refuse('not_bundle', '报送包内容无法读取：可能是更新版本的应用制作的，或文件已损坏。');
  }
}

/** A bundle that passed every check, with what writing it needs (nothing written yet). */
interface Checked {
  opened: ReturnType<typeof openBundle>;
  body: BundleBody;
  school: SchoolRow;
  from: number;
  head: number;
  fresh: BundleBody['chain']['seals'];
  /** The imported bundle of exactly this period, which a corrected bundle replaces. */
  same: { id: number; label: string; importedAt: string } | null;
}

/**
 * Every check of an import, reading only: the refusal with its reason, the outcome when the bundle
 * is already in, or what to write. `supersede` (any string): checked as a replacement.
 */
function checkBundle(d: District, bytes: Buffer, supersede?: string): Checked | ImportOutcome {
  let opened;
  try {
    opened = openBundle(bytes, d.key);
  } catch (e) {
    if (e instanceof BundleError) {
      const reason: RefusalReason = e.code === 'not_bundle' ? 'not_bundle' : e.code === 'bad_signature' || e.code === 'damaged' ? 'bad_signature' : 'wrong_key';
      return refuse(reason, e.message);
    }
    throw e;
  }
  const known = d.sqlite.prepare('SELECT b.id, s.name, b.period_label AS label FROM bundles b JOIN schools s ON s.id = b.school_id WHERE b.hash = ?').get(opened.hash) as
    | { id: number; name: string; label: string }
    | undefined;
  if (known) {
    return { state: 'already', bundleId: known.id, school: known.name, period: known.label, message: `${known.name}「${known.label}」的报送包已经导入过，没有任何改动。` } satisfies ImportOutcome;
  }
  const body = readBody(opened.payload, d.collect);
  const m = body.manifest;
  if (m.key.fingerprint !== opened.fingerprint) refuse('bad_signature', '报送包清单中的密钥指纹与签名密钥不一致，不能确认是哪所学校制作的。');
  const school = findSchool(d, opened.fingerprint, m.school.name, m.school.ledgerId, m.school.orgId);

  const problem = checkSegment(body);
  if (problem) {
    if (problem.kind === 'clock') refuse('clock', `${school.name}：${problem.message}报送包不能导入。`);
    refuse('broken_chain', `${school.name}：${problem.message}报送包不能导入。`);
  }
  const from = m.chain.from?.count ?? 0;
  const head = m.chain.head?.count ?? 0;
  const c = school.headCount;
  // Continuity: the segment must reach back to where the district's copy of this school's chain ends.
  if (from > c) {
    refuse('gap', `${school.name}：与区里已导入的报送包之间缺少第${c + 1}至${from}条存证。请先导入该校之前的报送包，或请学校选择“存证链从头开始”重新制作。`);
  }
  if (head < c) {
    refuse('replayed', `${school.name}：这是一份较早的报送包（存证链只到第${head}条），区里已有该校到第${c}条的记录，不能用它替换较新的记录。`);
  }
  if (c > 0) {
    const at = from === c ? m.chain.from?.hash : body.chain.seals.find((s) => s.position === c)?.hash;
    if (at !== school.headHash) {
      refuse('rewritten_chain', `${school.name}：存证链与区里上次导入的不一致，第${c}条及之前的记录被改写过（区里记下的存证码为 ${shortAnchor({ count: c, hash: school.headHash ?? '' })}）。报送包不能导入，请核查该校台账。`);
    }
  }
  // The school's clock: never earlier than what it reported before, never behind its own seals.
  if (school.lastMadeAt && m.madeAt < school.lastMadeAt) {
    if (head === c) {
      refuse('replayed', `${school.name}：这份报送包制作于${cnLocalDateTime(m.madeAt)}，早于区里已导入的该校报送包（${cnLocalDateTime(school.lastMadeAt)}），是一份较早的报送包，不能导入。`);
    }
    refuse('clock', `${school.name}：报送包的制作时间（${cnLocalDateTime(m.madeAt)}）早于该校上一份报送包（${cnLocalDateTime(school.lastMadeAt)}），而存证链却更长：学校电脑的时钟被调回过。报送包不能导入。`);
  }
  const fresh = body.chain.seals.filter((s) => s.position > c);
  const madeMs = Date.parse(m.madeAt);
  for (const s of fresh) {
    if (school.lastSealAt && s.at < school.lastSealAt) {
      refuse('clock', `${school.name}：第${s.position}条存证的时间（${cnLocalDateTime(s.at)}）早于区里已有的该校最后一条存证（${cnLocalDateTime(school.lastSealAt)}）：学校电脑的时钟被调回过。报送包不能导入。`);
    }
    if (Date.parse(s.at) > madeMs + CLOCK_SLACK_MS) {
      refuse('clock', `${school.name}：第${s.position}条存证的时间晚于报送包的制作时间：学校电脑的时钟不准。报送包不能导入。`);
    }
  }
  if (madeMs > d.now().getTime() + 24 * 3600 * 1000) {
    refuse('clock', `${school.name}：报送包的制作时间（${cnLocalDateTime(m.madeAt)}）晚于本机当前时间：学校或本机的时钟不准。报送包不能导入。`);
  }
  // The period: one imported bundle per stretch of time; a different one for it needs supersede.
  const overlapping = d.sqlite
    .prepare(
      `SELECT id, period_from AS f, period_to AS t, period_label AS label, imported_at AS importedAt, made_at AS madeAt, counts FROM bundles
       WHERE school_id = ? AND superseded_by IS NULL AND period_from <= ? AND period_to >= ? ORDER BY period_from`,
    )
    .all(school.id, m.period.to, m.period.from) as { id: number; f: string; t: string; label: string; importedAt: string; madeAt: string; counts: string }[];
  const same = overlapping.length === 1 && overlapping[0]!.f === m.period.from && overlapping[0]!.t === m.period.to ? overlapping[0]! : null;
  if (supersede !== undefined) {
    if (!same) refuse('nothing_to_supersede', `${school.name}：区里没有同一期间（${m.period.label}）的报送包可以替换，请直接导入。`);
  } else if (overlapping.length > 0) {
    const o = overlapping[0]!;
    refuse(
      'period_covered',
      `${school.name}：${cnDate(m.period.from)}至${cnDate(m.period.to)}已由${cnLocalDateTime(o.importedAt)}导入的报送包（${o.label}）覆盖，内容不同。如这是更正后的报送包，请用“以更正包替换”并写明理由。`,
    );
  }

  return { opened, body, school, from, head, fresh, same };
}

/** Import one bundle file. `supersede`: the reason for replacing an imported bundle of the same period. */
export function importBundle(d: District, bytes: Buffer, supersede?: string): ImportOutcome {
  const checked = checkBundle(d, bytes, supersede);
  if ('state' in checked) return checked;
  const { opened, body, school, from, head, fresh, same } = checked;
  const m = body.manifest;
  // Every check passed: write.
  const now = d.now().toISOString();
  const info = d.sqlite
    .prepare(
      `INSERT INTO bundles (school_id, hash, period_from, period_to, period_label, made_at, imported_at, operator, chain_from, chain_head, chain_head_hash, sealed, counts, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(school.id, opened.hash, m.period.from, m.period.to, m.period.label, m.madeAt, now, d.operator, from, head, m.chain.head?.hash ?? null, opened.sealed ? 1 : 0, JSON.stringify(m.counts), opened.payload);
  const bundleId = Number(info.lastInsertRowid);
  const insertFact = d.sqlite.prepare('INSERT INTO facts (bundle_id, school_id, month, key, n) VALUES (?, ?, ?, ?, ?)');
  for (const f of bundleFacts(body.records, m.madeAt.slice(0, 10))) insertFact.run(bundleId, school.id, f.month, f.key, f.n);
  const lastSeal = fresh.length ? fresh[fresh.length - 1]!.at : school.lastSealAt;
  d.sqlite
    .prepare('UPDATE schools SET ledger_id = ?, org_id = ?, head_count = ?, head_hash = ?, last_made_at = ?, last_seal_at = ? WHERE id = ?')
    .run(m.school.ledgerId, m.school.orgId, head, m.chain.head?.hash ?? null, m.madeAt, lastSeal, school.id);
  if (same && supersede !== undefined) {
    d.sqlite.prepare('UPDATE bundles SET superseded_by = ?, supersede_reason = ? WHERE id = ?').run(bundleId, supersede, same.id);
    audit(d, '以更正包替换', `${school.name}「${m.period.label}」：以${cnLocalDateTime(m.madeAt)}制作的更正包替换原报送包。理由：${supersede}`);
    return { state: 'superseded', bundleId, school: school.name, period: m.period.label, message: `${school.name}「${m.period.label}」的报送包已由更正包替换，原报送包保留备查。` };
  }
  audit(d, '导入报送包', `${school.name}「${m.period.label}」的报送包（存证链第${from + 1}至${head}条）`);
  return { state: 'imported', bundleId, school: school.name, period: m.period.label, message: `已导入${school.name}「${m.period.label}」的报送包。` };
}

function findSchool(d: District, fingerprint: string, name: string, ledgerId: string, orgId: number): SchoolRow {
  const rows = d.sqlite
    .prepare(
      `SELECT id, name, fingerprint, ledger_id AS ledgerId, org_id AS orgId, head_count AS headCount, head_hash AS headHash,
              last_made_at AS lastMadeAt, last_seal_at AS lastSealAt FROM schools WHERE fingerprint = ?`,
    )
    .all(fingerprint) as SchoolRow[];
  // One key may sign for several organisations of one ledger (集团): then the name tells them apart.
  const school = rows.length === 1 ? rows[0]! : rows.find((r) => r.name === name);
  if (!school) {
    return refuse('unknown_school', `本区没有登记密钥指纹为 ${fingerprint} 的学校（报送包自称“${name}”）。请先核对该校打印的密钥指纹并登记，再导入。`);
  }
  if (school.ledgerId && (school.ledgerId !== ledgerId || school.orgId !== orgId)) {
    return refuse('unknown_school', `这份报送包来自另一本台账，而不是${school.name}此前报送所用的台账。如学校更换了台账文件，请重新登记。`);
  }
  return school;
}

/** Register a school by the fingerprint it printed (设置 → 报送). */
export function registerSchool(d: District, name: string, fingerprint: string): { id: number } {
  const fp = fingerprint.replace(/\s+/g, '').toUpperCase();
  if (!/^[0-9A-F]{32}$/.test(fp)) refuse('unknown_school', '密钥指纹应为32位数字和字母A至F（学校在“设置 → 报送”中打印），请核对后重新输入。');
  const pretty = fp.match(/.{4}/g)!.join(' ');
  const exists = d.sqlite.prepare('SELECT id FROM schools WHERE fingerprint = ? AND name = ?').get(pretty, name) as { id: number } | undefined;
  if (exists) return exists;
  const info = d.sqlite.prepare('INSERT INTO schools (name, fingerprint, registered_at) VALUES (?, ?, ?)').run(name, pretty, d.now().toISOString());
  audit(d, '登记学校', `${name}（密钥指纹 ${pretty}）`);
  return { id: Number(info.lastInsertRowid) };
}

/**
 * What 以更正包替换 would do, before the secretary confirms: which school's bundle of which period it
 * replaces, made and imported when, and what each holds. Reads only; refuses as the import would.
 */
export function supersedePreview(d: District, bytes: Buffer) {
  const checked = checkBundle(d, bytes, '');
  if ('state' in checked) refuse('replayed', checked.message.replace('没有任何改动。', '不需要替换。'));
  const { body, school, same } = checked as Checked;
  const m = body.manifest;
  const old = d.sqlite.prepare('SELECT made_at AS madeAt, imported_at AS importedAt, counts FROM bundles WHERE id = ?').get(same!.id) as { madeAt: string; importedAt: string; counts: string };
  const range = `${cnDate(m.period.from)}至${cnDate(m.period.to)}`;
  return {
    school: school.name,
    period: m.period.label,
    range,
    /** The bundle replaced, as a sentence names it: 青山实验小学「2026年春季学期」（2026年2月1日至…） */
    what: `${school.name}「${m.period.label}」${m.period.label === range ? '' : `（${range}）`}`,
    replaces: { madeAt: cnLocalDateTime(old.madeAt), importedAt: cnLocalDateTime(old.importedAt), contents: contentsText(JSON.parse(old.counts) as Record<string, number>) },
    by: { madeAt: cnLocalDateTime(m.madeAt), contents: contentsText(m.counts) },
  };
}
