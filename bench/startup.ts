// Start-up as a whole process (issue M): what a cold start costs before the ledger is usable,
// loading the code included. A: node loads the shell's bundle (dist-electron/main.cjs, built
// here into a scratch folder, with `electron` stubbed: Electron cannot run on this machine)
// and opens the ledger through openLedger (bundled the same way); B: node requires
// better-sqlite3 and opens the same file with the same pragmas. Runs alternate A, B, A, B …;
// each is timed from spawn to the child's "ready" line (the child then closes and exits).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { MIGRATIONS } from './generate';
import { summarize, type Row } from './measure';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Every property is a callable stub; `then` returns a stub and never calls its callbacks, so
// app.whenReady().then(…) waits for ever and no window code runs.
const STUB = `
const Module = require('node:module');
const stub = () => new Proxy(function () {}, {
  get: (_t, k) => (k === 'then' ? () => stub() : k === Symbol.toPrimitive ? () => '' : stub()),
  apply: () => stub(),
  construct: () => stub(),
});
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? stub() : load.call(this, request, ...rest); };
`;

const APP_CHILD = `${STUB}
const [, , dir, file, migrations] = process.argv;
require(dir + '/main.cjs');
const { openLedger } = require(dir + '/open.cjs');
const ledger = openLedger(file, { migrationsFolder: migrations });
process.stdout.write('ready\\n');
ledger.close();
process.exit(0);
`;

const RAW_CHILD = `
const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
process.stdout.write('ready\\n');
db.close();
process.exit(0);
`;

function timeChild(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let t = 0;
    child.stdout.on('data', (d: Buffer) => {
      if (!t && d.toString().includes('ready')) t = performance.now() - t0;
    });
    child.on('exit', (code) => (code === 0 && t ? resolve(t) : reject(new Error(`start-up child exited ${code}`))));
  });
}

export async function startupRows(label: string, file: string, runs: number): Promise<Row[]> {
  // Inside the project, so the bundles' require('better-sqlite3') finds node_modules.
  fs.mkdirSync(path.join(ROOT, 'bench/.cache'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'bench/.cache/start-'));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-electron.mjs'), '--outdir', dir], { stdio: 'pipe' });
    await build({
      entryPoints: [path.join(ROOT, 'db/open.ts')], outfile: path.join(dir, 'open.cjs'),
      bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning',
    });
    // A copy, closed cleanly once, so every run is "after a clean close" (the usual start).
    const copy = path.join(dir, 'ledger.sqlite');
    fs.copyFileSync(file, copy);
    fs.writeFileSync(path.join(dir, 'app-child.cjs'), APP_CHILD);
    fs.writeFileSync(path.join(dir, 'raw-child.cjs'), RAW_CHILD);
    const appArgs = [path.join(dir, 'app-child.cjs'), dir, copy, MIGRATIONS];
    const rawArgs = [path.join(dir, 'raw-child.cjs'), copy];
    await timeChild(appArgs); // warm-up: the first open migrates nothing but writes the clean marker
    await timeChild(rawArgs);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < runs; i++) {
      a.push(await timeChild(appArgs));
      b.push(await timeChild(rawArgs));
    }
    const mainMb = fs.statSync(path.join(dir, 'main.cjs')).size / 2 ** 20;
    return [
      {
        group: `start-up as a process (${label})`,
        name: `node: main.cjs (${mainMb.toFixed(2)} MB, electron stubbed) loaded + openLedger, spawn → ready, alternating`,
        t: summarize(a),
        peer: { name: 'node: require better-sqlite3 + new Database + pragmas', t: summarize(b) },
        target: '< 1 s (window on screen)',
        met: summarize(a).p95 < 1000,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
