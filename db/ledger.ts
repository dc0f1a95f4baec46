// The handle every command receives: the SQLite connection, the drizzle view of it,
// the clock and the operator. Tests replace the clock; the shell sets the operator.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

/** Query builder only: the app uses no relational queries, so no schema map is attached. */
export type Db = BetterSQLite3Database;

export interface Ledger {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Current time; fixed in tests. */
  now(): Date;
  /** The person at the keyboard (staff share one Windows account, so the app keeps its own identity). */
  operator: string;
  close(): void;
}

const preparedByConnection = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection, then reused. Building the SQL of a
 * six-table join costs about 0.3 ms a call; the dashboard's reads (loop.status) run at every
 * start and every refresh, so they are built once, with sql.placeholder() for their inputs.
 * `key` names the query's shape: one key, one SQL text.
 */
export function prepared<Q>(ledger: Ledger, key: string, build: () => Q): Q {
  let byKey = preparedByConnection.get(ledger.sqlite);
  if (!byKey) preparedByConnection.set(ledger.sqlite, (byKey = new Map()));
  let query = byKey.get(key) as Q | undefined;
  if (query === undefined) byKey.set(key, (query = build()));
  return query;
}

/** Today as YYYY-MM-DD in local time (school dates are local, never UTC). */
export function today(ledger: Ledger): string {
  return localDate(ledger.now());
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function nowIso(ledger: Ledger): string {
  return ledger.now().toISOString();
}
