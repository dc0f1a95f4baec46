// One bundle import (导入报送包, 以更正包替换 and its preview) in a worker thread of its own: a
// 10-year bundle takes seconds and some 250 MB of short-lived heap (the gunzipped body, its string,
// its objects), which in the main process would hold the window still and raise its high-water
// mark with each import of a USB stick. Here on a second connection to the district ledger the
// shell has open (db/district/store.ts openDistrict, `existing`: nothing created, nothing written
// on opening), through the same dispatch as every district call (validation, one transaction, a
// typed refusal), then closed: the thread ends and its whole heap goes with it. Bundled apart to
// dist-electron/district-worker.cjs; started by electron/district-runs.ts.
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { dispatchDistrict } from '../db/district/api';
import { openDistrict } from '../db/district/store';

export interface DistrictJob {
  file: string;
  nativeBinding?: string;
  operator: string;
  channel: string;
  input: unknown;
  /** The input's `base64` text as latin1 bytes, handed over rather than copied (electron/district-runs.ts). */
  bytes?: ArrayBuffer;
  /** The main handle's clock ahead of this machine's by so many ms: 0 in the app; a fixed clock in tests and the bench. */
  clockOffset: number;
  /**
   * Tests only: once the import has written its bundle (inside its one transaction, before the
   * commit), say so and wait until the flag is set (or 10 s), so a stop lands mid-way for certain.
   */
  hold?: { flag: SharedArrayBuffer };
}

export type DistrictWorkerMessage = { type: 'held' } | { type: 'result'; result: ReturnType<typeof dispatchDistrict> };

const job = workerData as DistrictJob;
const hold = job.hold;
/** Tests only: the last bundle before the run; a later one seen means the import has written it. */
let before = Infinity;
const clock = () => new Date(Date.now() + job.clockOffset);
// This thread's full garbage collection, for the one moment it pays: gunzip's buffers (some 120 MB
// for a 10-year body) dead, the body's objects not yet made (db/district/import.ts readBody). It
// lowers the import's peak by about 40 MB. The flag only puts gc() in contexts made after it.
// Without it (a runtime that refuses the flag) the import runs as before, only with a higher peak.
const collect = exposeGc();
const d = openDistrict(job.file, { nativeBinding: job.nativeBinding, operator: job.operator, existing: true, now: hold ? () => held() : clock, collect });
if (hold) before = lastBundle();
try {
  const input = job.bytes ? { ...(job.input as object), base64: Buffer.from(job.bytes).toString('latin1') } : job.input;
  parentPort!.postMessage({ type: 'result', result: dispatchDistrict(d, job.channel, input) } satisfies DistrictWorkerMessage);
} finally {
  d.close();
}

function lastBundle(): number {
  return d.sqlite.prepare('SELECT COALESCE(MAX(id), 0) FROM bundles').pluck().get() as number;
}

function held(): Date {
  if (d.sqlite.inTransaction && lastBundle() > before) {
    parentPort!.postMessage({ type: 'held' } satisfies DistrictWorkerMessage);
    Atomics.wait(new Int32Array(hold!.flag), 0, 0, 10_000);
  }
  return clock();
}

function exposeGc(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
