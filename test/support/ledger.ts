// A fresh ledger on a real SQLite file in a temporary folder, with a fixed clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { dispatch, type ChannelName, type InputOf, type OutputOf, type Result } from '../../db/api';
import { openLedger } from '../../db/open';
import type { Ledger } from '../../db/ledger';

export const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));

const opened: { ledger: Ledger; dir: string }[] = [];
afterEach(() => {
  for (const { ledger, dir } of opened.splice(0)) {
    try { ledger.close(); } catch { /* already closed by the test */ }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

export interface TestLedger {
  ledger: Ledger;
  file: string;
  /** Set the clock (local time, e.g. "2026-03-25T09:00"). */
  setNow(iso: string): void;
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Result<OutputOf<C>>;
  /** call() that fails the test with the Chinese message when the command is refused. */
  ok<C extends ChannelName>(channel: C, input: InputOf<C>): OutputOf<C>;
  /** Row counts of every table: the "nothing changed" check after a refused command. */
  snapshot(): Record<string, number>;
}

export function freshLedger(startIso = '2026-03-20T09:00:00'): TestLedger {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-test-'));
  const file = path.join(dir, 'ledger.sqlite');
  let now = new Date(startIso);
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => now, operator: '测试秘书' });
  opened.push({ ledger, dir });
  return wrapLedger(ledger, file, (iso) => {
    now = new Date(iso);
  });
}

/** The TestLedger helpers around a ledger the caller opened (and closes), e.g. a copy of a bench file. */
export function wrapLedger(ledger: Ledger, file: string, setNow: (iso: string) => void): TestLedger {
  const call = <C extends ChannelName>(channel: C, input: InputOf<C>) =>
    JSON.parse(JSON.stringify(dispatch(ledger, channel, input))) as Result<OutputOf<C>>;
  return {
    ledger,
    file,
    setNow,
    call,
    ok(channel, input) {
      const r = call(channel, input);
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
      return r.value;
    },
    snapshot() {
      const tables = ledger.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name")
        .all() as { name: string }[];
      return Object.fromEntries(
        tables.map(({ name }) => [name, (ledger.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]),
      );
    },
  };
}
