// Memory with a ledger open, measured in a fresh process so the benchmark's own work (the
// generator, thousands of timed queries) does not inflate it:
//   tsx bench/memory.ts <ledger file> <orgId>   → one line of JSON on stdout.
// It opens the ledger as the app does, shows the dashboard, the first items page and one search.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

export interface Memory {
  /** RSS after loading the core's code, before opening the ledger. */
  baselineRssMb: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Size of the ledger file. */
  fileMb: number;
}

const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;

function gc(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Run this file in a child process and read its answer. */
export function measureMemory(file: string, orgId: number): Memory {
  const here = fileURLToPath(import.meta.url);
  const tsx = path.resolve(path.dirname(here), '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const out = execFileSync(process.execPath, [tsx, here, file, String(orgId)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Memory;
}

async function main(file: string, orgId: number): Promise<void> {
  const { dispatch } = await import('../db/api');
  const { searchItems } = await import('../db/search/items');
  const { openBenchLedger } = await import('./suites');
  gc();
  const baseline = process.memoryUsage().rss;
  const ledger = openBenchLedger(file);
  for (const [channel, input] of [['loop.status', { orgId }], ['items.list', { orgId }], ['followups.list', { orgId, state: 'open' }]] as const) {
    const r = dispatch(ledger, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  }
  searchItems(ledger, orgId, '预算');
  gc();
  const m = process.memoryUsage();
  const memory: Memory = {
    baselineRssMb: mb(baseline),
    rssMb: mb(m.rss),
    heapUsedMb: mb(m.heapUsed),
    heapTotalMb: mb(m.heapTotal),
    fileMb: mb(fs.statSync(file).size),
  };
  ledger.close();
  process.stdout.write(`${JSON.stringify(memory)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv[2]!, Number(process.argv[3]));
}
