// The handle every command receives: the SQLite connection, the drizzle view of it,
// the clock and the operator. Tests replace the clock; the shell sets the operator.
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

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
