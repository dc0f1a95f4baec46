import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crashRounds } from './crash';
import { freshAt, tempDir, type Opened } from './fixture';

const opened: Opened[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.dispose()));

describe('durability', () => {
  it('openLedger sets WAL, synchronous=FULL and foreign_keys on every connection it makes', () => {
    const t = freshAt();
    opened.push(t);
    expect(t.ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(t.ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // foreign_keys is really enforced, not just reported.
    expect(() => t.ledger.sqlite.prepare("INSERT INTO persons (org_id, name) VALUES (999, '无此学校')").run()).toThrow(/FOREIGN KEY/);
  });

  it('SIGKILL of a writer at 20 random moments: integrity ok, every acknowledged transaction present, nothing half-written', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const summary = await crashRounds(file, 20, 300);
    expect(summary.problems).toEqual([]);
    expect(summary.passed).toBe(20);
    expect(summary.acknowledged).toBeGreaterThan(20);
  }, 120_000);
});
