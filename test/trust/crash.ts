// The crash test shared by vitest and `npm run trust`: bundle crash-writer.ts once with esbuild
// (so each child starts in ~100 ms), then N times: start the writer on the same ledger, SIGKILL
// it at a random moment, reopen with openLedger (guards + quick_check) and check that
// integrity_check is ok, every acknowledged transaction is there, and nothing is half-written.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { openLedger } from '../../db/open';
import { MIGRATIONS, ROOT } from './fixture';

export function bundleScript(entry: string, name: string): string {
  const outfile = path.join(ROOT, 'node_modules', '.cache', 'yishi-trust', `${name}.cjs`);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, external: ['better-sqlite3'], logLevel: 'error', target: 'node20' });
  return outfile;
}

export const writerBundle = () => bundleScript(path.join(ROOT, 'test/trust/crash-writer.ts'), 'crash-writer');

export interface CrashRound {
  acked: number;
  ok: boolean;
  problems: string[];
}

/** Run the child until it printed "ready" and then for `delayMs`, then SIGKILL it. Returns acked ids. */
export function runAndKill(bundle: string, args: string[], delayMs: number): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      // Only complete lines count: a line cut by the kill was never acknowledged.
      resolve({ lines: out.split('\n').slice(0, -1), stderr: err });
    });
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
  });
}

export function checkAfterCrash(file: string, acked: number[]): string[] {
  const problems: string[] = [];
  let ledger: ReturnType<typeof openLedger>;
  try {
    ledger = openLedger(file, { migrationsFolder: MIGRATIONS });
  } catch (e) {
    return [`reopen refused: ${String((e as Error).message).slice(0, 200)} ${(e as { detail?: string }).detail ?? ''}`];
  }
  try {
    const integrity = ledger.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const have = new Set((ledger.sqlite.prepare('SELECT id FROM agenda_items').all() as { id: number }[]).map((r) => r.id));
    const lost = acked.filter((id) => !have.has(id));
    if (lost.length) problems.push(`${lost.length} acknowledged transactions lost (first ${lost[0]})`);
    // One items.create = item + creation transition + audit row: all or nothing.
    const half = ledger.sqlite
      .prepare(
        `SELECT (SELECT COUNT(*) FROM agenda_items) AS items,
                (SELECT COUNT(*) FROM item_transitions WHERE from_state IS NULL) AS created,
                (SELECT COUNT(*) FROM audit_log WHERE channel = 'items.create') AS audited,
                (SELECT COUNT(*) FROM agenda_items i WHERE NOT EXISTS (SELECT 1 FROM item_transitions t WHERE t.item_id = i.id)) AS orphans`,
      )
      .get() as { items: number; created: number; audited: number; orphans: number };
    if (half.items !== half.created || half.items !== half.audited || half.orphans !== 0) problems.push(`half-written: ${JSON.stringify(half)}`);
  } finally {
    ledger.close();
  }
  return problems;
}

export interface CrashSummary {
  rounds: number;
  passed: number;
  acknowledged: number;
  problems: string[];
}

/** N kill/reopen rounds on one ledger file. */
export async function crashRounds(file: string, rounds: number, maxDelayMs = 400, onRound?: (i: number, r: CrashRound) => void): Promise<CrashSummary> {
  const bundle = writerBundle();
  const acked: number[] = [];
  let passed = 0;
  const all: string[] = [];
  for (let i = 0; i < rounds; i++) {
    const { lines, stderr } = await runAndKill(bundle, [file, MIGRATIONS], Math.floor(Math.random() * maxDelayMs));
    const ids = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
    acked.push(...ids);
    const problems = lines.includes('ready') ? checkAfterCrash(file, acked) : [`writer did not start: ${stderr.slice(0, 300)}`];
    if (problems.length === 0) passed++;
    else all.push(`round ${i + 1}: ${problems.join('; ')}`);
    onRound?.(i, { acked: ids.length, ok: problems.length === 0, problems });
  }
  if (!fs.existsSync(file)) all.push('ledger file missing');
  return { rounds, passed, acknowledged: acked.length, problems: all };
}
