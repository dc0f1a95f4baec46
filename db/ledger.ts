// The handles a channel receives: the SQLite connection, the drizzle view of it, the clock and
// the operator. Tests replace the clock; the shell sets the operator. As in Signal-Desktop's
// ts/sql, reads and writes get different handles: a read channel's handler is given a ReadLedger,
// whose drizzle view has no insert, update, delete or raw run, so a read that writes does not
// type-check; dispatch also runs read channels with PRAGMA query_only, so a write through the raw
// connection (trust's PRAGMAs and backups need it) fails at run time.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

/** Query builder only: the app uses no relational queries, so no schema map is attached. */
export type Db = BetterSQLite3Database;
/** The drizzle view a read may use: selects (and raw selects through all/get), nothing that writes. */
export type ReadDb = Omit<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction'>;

export interface ReadLedger {
  readonly file: string;
  /** The raw connection, for PRAGMAs, backups and hand-written reads; read channels run query_only. */
  readonly sqlite: Database.Database;
  readonly db: ReadDb;
  /** Current time; fixed in tests. */
  now(): Date;
  /** The person at the keyboard (staff share one Windows account, so the app keeps its own identity). */
  readonly operator: string;
  /**
   * The organisation this session works in (orgs.use), or null: every organisation the operator
   * may work in (db/scope.ts). A file of one school never needs to choose.
   */
  readonly orgId: number | null;
}

export interface Ledger extends ReadLedger {
  readonly db: Db;
  operator: string;
  orgId: number | null;
  /** What opening did that the user must be told (a -wal set aside: db/trust/guards.ts), in Chinese. */
  readonly notices?: readonly string[];
  close(): void;
}

const preparedByConnection = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection, then reused. Building the SQL of a
 * six-table join costs about 0.3 ms a call; the dashboard's reads (loop.status) run at every
 * start and every refresh, so they are built once, with sql.placeholder() for their inputs.
 * `key` names the query's shape: one key, one SQL text.
 */
export function prepared<Q>(ledger: ReadLedger, key: string, build: () => Q): Q {
  let byKey = preparedByConnection.get(ledger.sqlite);
  if (!byKey) preparedByConnection.set(ledger.sqlite, (byKey = new Map()));
  let query = byKey.get(key) as Q | undefined;
  if (query === undefined) byKey.set(key, (query = build()));
  return query;
}

/** Today as YYYY-MM-DD in local time (school dates are local, never UTC). */
export function today(ledger: ReadLedger): string {
  return localDate(ledger.now());
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function nowIso(ledger: ReadLedger): string {
  return ledger.now().toISOString();
}
