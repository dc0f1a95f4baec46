// 拆分台账 and 合并台账 as the buttons run them: in the shell's worker thread (electron/transfer.ts,
// the worker bundled as scripts/build-electron.mjs bundles it), timed from the call to the answer,
// with the longest the main thread's event loop was held meanwhile (loopWatch). Beside each, the
// same call on the main thread, as it ran before the worker: the loop is held the whole time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dispatch } from '../db/api';
import type { Ledger } from '../db/ledger';
import { transferRuns } from '../electron/transfer';
import { loopWatch } from './actions';
import { summarize, type Row } from './measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OFFICE = path.join(ROOT, 'db/documents/office.ts');

/** electron/transfer-worker.ts bundled to `outfile` as the app ships it (everything inlined, the document makers apart). */
export function bundleTransferWorker(outfile: string): Promise<string> {
  return bundleShellWorker('transfer-worker', outfile);
}

/** A worker of the shell (electron/<name>.ts) bundled to `outfile` as scripts/build-electron.mjs bundles it. */
export async function bundleShellWorker(name: 'transfer-worker' | 'district-worker', outfile: string): Promise<string> {
  await build({
    entryPoints: [path.join(ROOT, `electron/${name}.ts`)],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
    external: ['electron'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'office-apart',
        setup(b) {
          b.onResolve({ filter: /^\.\/office$/ }, (args) => (path.join(args.resolveDir, 'office.ts') === OFFICE ? { path: './office.cjs', external: true } : undefined));
        },
      },
    ],
  });
  return outfile;
}

/**
 * Split `campusId` out of `ledger` and merge the split file back in under `parentId`, each in
 * the worker (one run each: a run takes seconds) and on the main thread. Files go to `dir`.
 */
export async function transferRows(ledger: Ledger, campusId: number, parentId: number, dir: string, label: string): Promise<Row[]> {
  const workerFile = await bundleTransferWorker(path.join(dir, 'transfer-worker.cjs'));
  // The worker carries better-sqlite3's JS inlined; its .node is passed in, as the shell passes Electron's.
  const nativeBinding = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  const runs = transferRuns({ workerFile, nativeBinding, onProgress: () => undefined });
  const inWorker = async (channel: 'orgs.split' | 'orgs.merge', input: unknown) => {
    const watch = loopWatch();
    const t0 = performance.now();
    const r = await runs.run(ledger, channel, input);
    const ms = performance.now() - t0;
    const held = watch.stop();
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    // Where in the run the longest hold ended (a hold at the very end is the answer's handling).
    return { ms, held, heldAt: (watch.endedAt() - t0) / ms };
  };
  const onMain = async (channel: 'orgs.split' | 'orgs.merge', input: unknown) => {
    const watch = loopWatch();
    const t0 = performance.now();
    const r = dispatch(ledger, channel, input);
    const ms = performance.now() - t0;
    await new Promise((resolve) => setImmediate(resolve));
    const held = watch.stop();
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return { ms, held };
  };
  const splitFile = path.join(dir, 'campus-worker.sqlite');
  const split = await inWorker('orgs.split', { orgId: campusId, file: splitFile });
  const splitMain = await onMain('orgs.split', { orgId: campusId, file: path.join(dir, 'campus-main.sqlite') });
  const mb = fs.statSync(splitFile).size / 2 ** 20;
  // The split file merged back under the 集团 as a new campus, then (on a second split) on the main thread.
  const merge = await inWorker('orgs.merge', { file: splitFile, parentId });
  const merge2 = path.join(dir, 'campus-main.sqlite');
  const mergeMain = await onMain('orgs.merge', { file: merge2, parentId });
  const group = `拆分与合并 (${label})`;
  const row = (name: string, w: { ms: number; held: number; heldAt: number }, m: { ms: number; held: number }, note: string): Row => ({
    group,
    name,
    t: summarize([w.ms]),
    peer: { name: 'the same call on the main thread', t: summarize([m.ms]) },
    note: `${note}; event loop held at most ${w.held.toFixed(0)} ms in the worker path (ending at ${(w.heldAt * 100).toFixed(0)} % of the run), ${m.held.toFixed(0)} ms on the main thread`,
    target: 'loop held < 100 ms',
    met: w.held < 100,
  });
  return [
    row('orgs.split one campus, in the worker (as the button runs it)', split, splitMain, `new file ${mb.toFixed(0)} MB`),
    row('orgs.merge that file back as a campus, in the worker', merge, mergeMain, 'one write transaction, verify before and after'),
  ];
}
