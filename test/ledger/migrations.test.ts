// The migrations are the schema history of every school's ledger file. Once landed they are
// never edited or regenerated (a file migrated by the old text would silently differ from one
// migrated by the new), only appended to; and db/schema.ts, the single source of the types,
// must describe exactly what they build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { journalEntries, migrationFacts, MIGRATIONS, readLanded } from '../support/migrations';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-migrations-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What drizzle-kit would generate from `schema` on top of migrations/ (a copy): the new SQL files. */
function pendingFrom(schema: string): string[] {
  const dir = fs.mkdtempSync(path.join(tmp, 'kit-'));
  fs.cpSync(MIGRATIONS, path.join(dir, 'migrations'), { recursive: true });
  // drizzle-kit resolves `out` against the working directory, so the config is written there.
  fs.writeFileSync(path.join(dir, 'drizzle.config.mjs'), `export default ${JSON.stringify({ dialect: 'sqlite', schema, out: './migrations' })};\n`);
  execFileSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', 'drizzle.config.mjs'], { cwd: dir, stdio: 'pipe', timeout: 60_000 });
  const before = new Set(fs.readdirSync(MIGRATIONS));
  return fs.readdirSync(path.join(dir, 'migrations')).filter((f) => f.endsWith('.sql') && !before.has(f));
}

describe('migrations/', () => {
  it('every landed migration is still there, byte for byte, and every migration is recorded (npm run migrations:lock)', () => {
    const landed = readLanded();
    const entries = journalEntries();
    expect(Object.keys(landed).length).toBeGreaterThan(0);
    for (const [tag, facts] of Object.entries(landed)) {
      const entry = entries.find((e) => e.tag === tag);
      expect(entry, `${tag} was removed from the journal`).toBeDefined();
      expect(migrationFacts(entry!), `${tag} was edited after landing: restore it and add a new migration`).toEqual(facts);
    }
    expect(entries.map((e) => e.tag).filter((t) => !landed[t]), 'new migrations: run npm run migrations:lock').toEqual([]);
  });

  it('the journal only grows: indexes 0…n in order, each newer than the one before', () => {
    const entries = journalEntries();
    expect(entries.map((e) => e.idx)).toEqual(entries.map((_, i) => i));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.when).toBeGreaterThan(entries[i - 1]!.when);
  });

  it('a new ledger records exactly these migrations, with the hashes above', () => {
    const ledger = openLedger(path.join(tmp, 'new.sqlite'), { migrationsFolder: MIGRATIONS });
    try {
      const applied = ledger.sqlite.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at').all() as { hash: string; createdAt: number }[];
      expect(applied).toEqual(journalEntries().map((e) => ({ hash: migrationFacts(e).sha256, createdAt: e.when })));
    } finally {
      ledger.close();
    }
  });

  it('db/schema.ts describes what the migrations build: drizzle-kit has nothing to generate', () => {
    expect(pendingFrom(path.join(root, 'db/schema.ts'))).toEqual([]);
  });

  it('…and the check above does notice a schema change', () => {
    const probe = path.join(tmp, 'schema-with-probe.ts');
    fs.writeFileSync(
      probe,
      `export * from ${JSON.stringify(path.join(root, 'db/schema.ts'))};\n` +
        `import { integer, sqliteTable } from ${JSON.stringify(path.join(root, 'node_modules/drizzle-orm/sqlite-core/index.js'))};\n` +
        `export const driftProbe = sqliteTable('drift_probe', { id: integer('id').primaryKey() });\n`,
    );
    expect(pendingFrom(probe)).toHaveLength(1);
  });
});
