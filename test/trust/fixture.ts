// Ledgers for the trust tests and for `npm run trust`: real files, real migrations, real
// dispatch, no vitest import (the script uses it too). A signed meeting carries every kind of
// locked record: attendance, entries with votes and tallies, statements, recusals, written
// opinions, ballots, decisions, and the signed minutes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, type ChannelName, type InputOf, type OutputOf, type Result } from '../../db/api';
import type { Ledger } from '../../db/ledger';
import { openLedger } from '../../db/open';
import { ballots, recusals, writtenOpinions } from '../../db/schema';
import { decidedMeeting, type Topic } from '../support/decided';
import type { TestLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MIGRATIONS = path.join(ROOT, 'migrations');

export interface Opened extends TestLedger {
  dir: string;
  close(): void;
  dispose(): void;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-trust-'));
}

/** Open (or create) a ledger at `file`, clock fixed unless `realClock`. */
export function openAt(file: string, startIso = '2026-03-26T09:00:00', operator = '测试秘书'): Opened {
  let now = new Date(startIso);
  const ledger: Ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => now, operator });
  const call = <C extends ChannelName>(channel: C, input: InputOf<C>) =>
    JSON.parse(JSON.stringify(dispatch(ledger, channel, input))) as Result<OutputOf<C>>;
  const dir = path.dirname(file);
  return {
    ledger,
    file,
    dir,
    setNow: (iso) => {
      now = new Date(iso);
    },
    call,
    ok(channel, input) {
      const r = call(channel, input);
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
      return r.value;
    },
    snapshot: () => snapshotOf(ledger),
    close: () => {
      try {
        ledger.close();
      } catch {
        /* closed already */
      }
    },
    dispose() {
      this.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freshAt(startIso?: string): Opened {
  return openAt(path.join(tempDir(), 'ledger.sqlite'), startIso);
}

/** Row count of every table (FTS shadow tables aside). */
export function snapshotOf(ledger: Ledger): Record<string, number> {
  const tables = ledger.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (ledger.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

export type School = ReturnType<typeof setupSchool>;
export { setupSchool };

/** A decided meeting (made through dispatch) with every kind of locked record, its minutes generated and signed. */
export function signedMeeting(t: TestLedger, school: School, n: number, topics?: Topic[]) {
  const day = new Date(Date.UTC(2026, 0, 5 + n));
  const startsAt = `${day.toISOString().slice(0, 10)}T15:00`;
  const m = decidedMeeting(t, school, { startsAt, topics });
  for (const d of m.decided) {
    t.ledger.db.insert(recusals).values({ entryId: d.entryId, personId: school.person('周敏'), reason: `近亲属参与投标（第${n}次）` }).run();
    t.ledger.db.insert(writtenOpinions).values({ entryId: d.entryId, personId: school.person('孙红'), text: '同意，建议分批实施。' }).run();
    t.ledger.db.insert(ballots).values({ entryId: d.entryId, personId: school.person('张丽'), choice: '同意' }).run();
  }
  const resume = t.ledger.now().toISOString();
  t.setNow(`${new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10)}T10:00:00`);
  const { minutesId } = t.ok('minutes.generate', { meetingId: m.meetingId });
  const signed = t.ok('minutes.sign', { minutesId, personId: m.hostId });
  t.setNow(resume);
  return { ...m, minutesId, anchor: signed.anchor };
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
