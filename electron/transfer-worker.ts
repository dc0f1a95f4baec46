// 拆分台账 and 合并台账 in a worker thread: a split of a large file takes seconds (copy, trim,
// VACUUM, verify) and a merge longer, and dispatch is synchronous, so in the main process the
// window would stand still meanwhile. Here on a connection of its own (db/open.ts attachLedger),
// through the same dispatch as every call (validation, scope, one transaction, the audit row),
// posting each phase (db/transfer/progress.ts) and then the answer. Bundled apart to
// dist-electron/transfer-worker.cjs; started by electron/transfer.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../db/api';
import type { ChannelName } from '../db/contract';
import { attachLedger } from '../db/open';
import { watchProgress } from '../db/transfer/progress';

export interface TransferJob {
  file: string;
  nativeBinding?: string;
  operator: string;
  orgId: number | null;
  channel: ChannelName;
  input: unknown;
  /** Tests only: wait at this phase until the flag is set (or 10 s), so a stop lands mid-way for certain. */
  hold?: { phase: string; flag: SharedArrayBuffer };
}

const job = workerData as TransferJob;
const ledger = attachLedger(job.file, { nativeBinding: job.nativeBinding, operator: job.operator, orgId: job.orgId });
try {
  watchProgress(ledger.sqlite, (p) => {
    parentPort!.postMessage({ type: 'progress', progress: p });
    if (job.hold?.phase === p.phase) Atomics.wait(new Int32Array(job.hold.flag), 0, 0, 10_000);
  });
  parentPort!.postMessage({ type: 'result', result: dispatch(ledger, job.channel, job.input) });
} finally {
  ledger.close();
}
