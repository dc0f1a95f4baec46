// migrations/ and its record of landed migrations (migrations/landed.json), shared by the
// migrations test and scripts/lock-migrations.ts. The hash is the one drizzle's migrator
// stores in __drizzle_migrations: sha256 of the whole SQL file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));
const LANDED = path.join(MIGRATIONS, 'landed.json');

export interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}
export interface LandedMigration {
  when: number;
  sha256: string;
}

export function journalEntries(folder = MIGRATIONS): JournalEntry[] {
  return (JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;
}

export function migrationFacts(entry: JournalEntry, folder = MIGRATIONS): LandedMigration {
  const sql = fs.readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8');
  return { when: entry.when, sha256: createHash('sha256').update(sql).digest('hex') };
}

export function readLanded(): Record<string, LandedMigration> {
  return fs.existsSync(LANDED) ? (JSON.parse(fs.readFileSync(LANDED, 'utf8')) as { migrations: Record<string, LandedMigration> }).migrations : {};
}

export function writeLanded(migrations: Record<string, LandedMigration>): void {
  const note = 'Migrations that have landed on main and may have run on ledger files. Never edit one; add a new migration and run npm run migrations:lock.';
  fs.writeFileSync(LANDED, `${JSON.stringify({ note, migrations }, null, 2)}\n`);
}
