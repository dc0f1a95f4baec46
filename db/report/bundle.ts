// Making a 报送包: read the period, the chain segment and the manifest, sign (and seal), and
// record in the ledger what was made when. The bytes go to the shell to be saved.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { version as appVersion } from '../../package.json';
import { cnDate } from '../calendar';
import { invalid } from '../errors';
import { nowIso, type Ledger, type ReadLedger } from '../ledger';
import { getOrganization } from '../organization/queries';
import { readLedgerId } from '../trust/backup';
import { BUNDLE_VERSION, RECORD_TABLES, type BundleBody, type BundleSeal, type Manifest, type RecordTable, type Row } from './body';
import { BUNDLE_EXTENSION, packBundle, parseDistrictKeyFile, schoolKey, type DistrictPublicKey } from './envelope';
import { eachChainSeal, eachPeriodRecord, lastSentHead, type RecordSink } from './read';

export interface BundleRequest {
  orgId: number;
  from: string;
  to: string;
  label?: string;
  /** Seal for the district key imported earlier (report.setDistrictKey). */
  seal: boolean;
  /** 'last': the chain since the last bundle made (default); 'start': the whole chain, when one went missing. */
  chainFrom?: 'last' | 'start';
}

/** The district key this ledger seals for, as imported from the district's file. */
export function storedDistrictKey(ledger: ReadLedger): DistrictPublicKey | null {
  const row = ledger.sqlite.prepare("SELECT value FROM ledger_meta WHERE key = 'districtKey'").get() as { value: string } | undefined;
  return row ? parseDistrictKeyFile(row.value) : null;
}

function schemaVersion(ledger: ReadLedger): Manifest['schema'] {
  const row = ledger.sqlite.prepare('SELECT COUNT(*) AS n, MAX(created_at) AS newest FROM __drizzle_migrations').get() as { n: number; newest: number | null };
  return { migrations: row.n, newest: row.newest === null ? null : Number(row.newest) };
}

/** What walking a bundle's body hands out, in the order of the body: records, then seals. */
interface BodyVisitor extends RecordSink {
  seal(s: BundleSeal): void;
}

type Anchors = BundleBody['chain']['anchors'];

/**
 * Walks the body of a bundle once, from the ledger, handing every record and seal to `visit` as it
 * is read; returns the manifest and anchors, which are known only at the end. make() writes what it
 * is handed straight into gzip, preview() only counts, bundleBody() collects: one walk for all three.
 */
function walkBody(ledger: ReadLedger, req: BundleRequest, visit: BodyVisitor): { manifest: Manifest; anchors: Anchors } {
  if (req.from > req.to) invalid('「报送期间」的开始日期不能晚于结束日期。', 'from');
  const org = getOrganization(ledger, req.orgId);
  const counts = Object.fromEntries(RECORD_TABLES.map((t) => [t, 0]));
  let table: RecordTable = 'organizations';
  eachPeriodRecord(ledger, req.orgId, req.from, req.to, {
    table: (t) => visit.table((table = t)),
    row: (r) => {
      counts[table]! += 1;
      visit.row(r);
    },
  });
  const fromCount = req.chainFrom === 'start' ? 0 : lastSentHead(ledger, req.orgId);
  const anchors: Anchors = [];
  let seals = 0;
  let own = 0;
  const ends = eachChainSeal(ledger, req.orgId, fromCount, (s) => {
    seals += 1;
    if (s.own) own += 1;
    if (s.own && s.kind === 'minutes' && s.record) anchors.push({ position: s.position, hash: s.hash, minutesId: s.refId!, docNumber: String(s.record.doc_number ?? '') });
    visit.seal(s);
  });
  const manifest: Manifest = {
    format: 'yishi-report',
    version: BUNDLE_VERSION,
    school: { name: org.name, partyKind: org.partyKind, orgId: org.id, ledgerId: readLedgerId(ledger.sqlite) ?? '' },
    period: { from: req.from, to: req.to, label: req.label?.trim() || `${cnDate(req.from)}至${cnDate(req.to)}` },
    madeAt: nowIso(ledger),
    operator: ledger.operator,
    counts,
    chain: { from: ends.from, head: ends.head, seals, own },
    app: { version: appVersion },
    schema: schemaVersion(ledger),
    key: { fingerprint: schoolKey(ledger.file).fingerprint },
  };
  return { manifest, anchors };
}

const ignore = () => {};

/** The manifest alone, without holding or writing the body: what the preview shows. */
export function bundleManifest(ledger: ReadLedger, req: BundleRequest): Manifest {
  return walkBody(ledger, req, { table: ignore, row: ignore, seal: ignore }).manifest;
}

/** The body of a bundle collected in memory, without signing (tests; make() streams it instead). */
export function bundleBody(ledger: ReadLedger, req: BundleRequest): BundleBody {
  const records = {} as BundleBody['records'];
  const seals: BundleSeal[] = [];
  let rows: Row[] = [];
  const { manifest, anchors } = walkBody(ledger, req, { table: (t) => (records[t] = rows = []), row: (r) => rows.push(r), seal: (s) => seals.push(s) });
  return { manifest, records, chain: { seals, anchors } };
}

/**
 * gzip written as it goes: text is gathered into pieces of about 4 MB and each piece becomes one gzip
 * member. Members joined are one valid gzip file (RFC 1952), which gunzip reads back as one text,
 * so the district reads the body exactly as before; only the largest piece is ever held as text.
 */
export function gzipWriter(memberChars = 4 * 1024 * 1024) {
  const members: Buffer[] = [];
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (length === 0) return;
    // Level 3: on a 3-year school's 15 MB of JSON, half the time of the default level for 8 % more bytes.
    members.push(zlib.gzipSync(Buffer.from(parts.join('')), { level: 3 }));
    parts = [];
    length = 0;
  };
  return {
    write(s: string) {
      parts.push(s);
      length += s.length;
      if (length >= memberChars) flush();
    },
    end(): Buffer {
      flush();
      return Buffer.concat(members);
    },
  };
}

/**
 * The body as gzip, written while the ledger is read: the same JSON object as bundleBody() gives,
 * with the manifest last because it is known last. Nothing but the compressed bytes and one piece
 * of text is held at a time.
 */
export function bundlePayload(ledger: ReadLedger, req: BundleRequest): { payload: Buffer; manifest: Manifest } {
  const out = gzipWriter();
  let rowsInTable = 0;
  let tables = 0;
  let seals = 0;
  out.write('{"records":{');
  const { manifest, anchors } = walkBody(ledger, req, {
    table: (t) => {
      out.write(`${tables++ ? '],' : ''}${JSON.stringify(t)}:[`);
      rowsInTable = 0;
    },
    row: (r) => out.write(`${rowsInTable++ ? ',' : ''}${JSON.stringify(r)}`),
    seal: (s) => out.write(`${seals++ ? ',' : ']},"chain":{"seals":['}${JSON.stringify(s)}`),
  });
  out.write(`${seals ? '' : ']},"chain":{"seals":['}],"anchors":${JSON.stringify(anchors)}},"manifest":${JSON.stringify(manifest)}}`);
  return { payload: out.end(), manifest };
}

export interface MadeBundle {
  bytes: Buffer;
  hash: string;
  manifest: Manifest;
  fileName: string;
  sealedFor: string | null;
}

/** Read, sign (and seal) a bundle into the file's bytes. */
export function packBody(ledger: ReadLedger, req: BundleRequest): MadeBundle {
  const recipient = req.seal ? storedDistrictKey(ledger) : null;
  if (req.seal && !recipient) invalid('还没有导入区里下发的公钥文件，无法加密。请先在“设置 → 报送”中导入，或选择不加密。', 'seal');
  const { payload, manifest } = bundlePayload(ledger, req);
  const signer = schoolKey(ledger.file);
  const bytes = packBundle(payload, signer, recipient);
  const { school, period } = manifest;
  return {
    bytes,
    // Named by its payload, as the district names it, sealed or not.
    hash: createHash('sha256').update(payload).digest('hex'),
    manifest,
    fileName: `${school.name}报送包（${period.label}）.${BUNDLE_EXTENSION}`,
    sealedFor: recipient?.fingerprint ?? null,
  };
}

/** Make the bundle and record it (report_sends), inside the caller's write transaction. */
export function makeBundle(ledger: Ledger, req: BundleRequest): MadeBundle {
  const made = packBody(ledger, req);
  const { manifest } = made;
  ledger.sqlite
    .prepare(
      `INSERT INTO report_sends (org_id, period_from, period_to, period_label, made_at, operator, bundle_hash, chain_from, chain_head, chain_head_hash, sealed_for, counts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      req.orgId, manifest.period.from, manifest.period.to, manifest.period.label, manifest.madeAt, manifest.operator, made.hash,
      manifest.chain.from?.count ?? 0, manifest.chain.head?.count ?? 0, manifest.chain.head?.hash ?? null, made.sealedFor, JSON.stringify(manifest.counts),
    );
  return made;
}
