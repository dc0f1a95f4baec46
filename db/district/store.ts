// The district ledger (区域统筹): a SQLite file of its own, separate from any school's ledger.
// It holds registered schools with their key fingerprints, the imported bundles (their signed
// payload kept as received) and the indicator facts computed at import. Its schema is small and
// versioned by user_version; it is never a school ledger, so nothing of a school is mixed in.
import Database from 'better-sqlite3';
import { districtKey, type DistrictKey } from '../report/envelope';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE schools (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  -- bound at the first import: the ledger file and organisation this registration reports for
  ledger_id TEXT,
  org_id INTEGER,
  head_count INTEGER NOT NULL DEFAULT 0,
  head_hash TEXT,
  last_made_at TEXT,
  last_seal_at TEXT,
  UNIQUE (fingerprint, name)
);
CREATE TABLE bundles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  school_id INTEGER NOT NULL REFERENCES schools(id),
  hash TEXT NOT NULL UNIQUE,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  period_label TEXT NOT NULL,
  made_at TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  operator TEXT NOT NULL,
  chain_from INTEGER NOT NULL,
  chain_head INTEGER NOT NULL,
  chain_head_hash TEXT,
  sealed INTEGER NOT NULL,
  counts TEXT NOT NULL,
  payload BLOB NOT NULL,
  superseded_by INTEGER REFERENCES bundles(id),
  supersede_reason TEXT
);
CREATE INDEX bundles_school ON bundles(school_id, period_from);
CREATE TABLE facts (
  bundle_id INTEGER NOT NULL REFERENCES bundles(id),
  school_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL
);
CREATE INDEX facts_bundle ON facts(bundle_id);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export interface District {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly key: DistrictKey;
  now(): Date;
  operator: string;
  /** The import's worker only: a full garbage collection (OpenDistrictOptions.collect). */
  collect?: () => void;
  close(): void;
}

export interface OpenDistrictOptions {
  name?: string;
  now?: () => Date;
  operator?: string;
  nativeBinding?: string;
  /**
   * A second connection to a ledger already open (the import's worker, electron/district-worker.ts):
   * the file must exist and be a district ledger; nothing is created (no schema, no file where a
   * USB disk was pulled out) and nothing is written on opening.
   */
  existing?: boolean;
  /**
   * The import's worker only: a full garbage collection of its thread, run between a bundle body's
   * text and its parse (db/district/import.ts readBody), so gunzip's buffers (some 120 MB for a
   * 10-year body) are gone before the objects are made instead of at the end of the import.
   */
  collect?: () => void;
}

/** Open (or create) a district ledger; its sealing key sits next to it. */
export function openDistrict(file: string, options: OpenDistrictOptions = {}): District {
  const sqlite = new Database(file, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), fileMustExist: options.existing === true });
  // The first connection set WAL in the file (a persistent mode): a second one only reads it.
  if (!options.existing) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  const version = sqlite.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    sqlite.close();
    throw new Error('这个区域台账文件是由更新版本的议事台账写入的，请安装最新版本后再打开。');
  }
  if (version === 0 && options.existing) {
    sqlite.close();
    throw new Error('这个文件不是区域台账，没有打开。');
  }
  if (version === 0) {
    sqlite.transaction(() => {
      sqlite.exec(SCHEMA);
      sqlite.prepare("INSERT INTO meta (key, value) VALUES ('name', ?)").run(options.name ?? '区教育工委');
      sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
  }
  return {
    file,
    sqlite,
    key: districtKey(file),
    now: options.now ?? (() => new Date()),
    operator: options.operator ?? '区域管理员',
    collect: options.collect,
    close: () => sqlite.close(),
  };
}

export function districtName(d: Pick<District, 'sqlite'>): string {
  return (d.sqlite.prepare("SELECT value FROM meta WHERE key = 'name'").get() as { value: string } | undefined)?.value ?? '区教育工委';
}

/** The name printed on the 汇总报告, the 检查表 and the key file; the change is logged. */
export function renameDistrict(d: District, name: string): { name: string } {
  const before = districtName(d);
  if (before === name) return { name };
  d.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('name', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(name);
  audit(d, '更改单位名称', `由「${before}」改为「${name}」`);
  return { name };
}

export function audit(d: District, action: string, summary: string): void {
  d.sqlite.prepare('INSERT INTO audit (at, operator, action, summary) VALUES (?, ?, ?, ?)').run(d.now().toISOString(), d.operator, action, summary.slice(0, 500));
}
