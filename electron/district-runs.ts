// 导入报送包 off the main thread (electron/district-worker.ts): the window keeps answering while
// a bundle is decrypted, verified and written, and each import's heap (some 250 MB for a 10-year
// bundle) is returned whole when its thread ends, so a USB stick of 48 bundles no longer raises
// the main process's high-water mark with each one. Imports wait their turn, one after another
// (a second one while one runs is queued, never refused), and so do the district's other writes
// on the main connection: otherwise they would wait for the worker's lock inside SQLite, the main
// thread standing still. stop() (the district ledger closed or switched, the app closing) ends the
// run at once and answers everything queued: the import's one transaction is never committed, so
// the district ledger stays as it was. No district logic here: the worker runs dispatchDistrict.
import type { DistrictChannel, DistrictResult } from '../db/district/api';
import type { District } from '../db/district/store';
import type { DistrictJob, DistrictWorkerMessage } from './district-worker';
import { callInWorker, type WorkerCall } from './worker-call';

/** The district channels the shell runs in the worker: each reads a whole bundle (10 years: ~15 MB, gunzipped ~56 MB). */
export const DISTRICT_OFF_THREAD: readonly DistrictChannel[] = ['district.import', 'district.supersede', 'district.supersedePreview'];

export const DISTRICT_STOPPED = '导入在完成前停止了（区域台账已关闭或切换，或程序正在关闭）：这份报送包没有导入，区域台账没有改动。请重新打开区域台账后再导入。';
export const DISTRICT_WRITE_STOPPED = '这项操作没有进行：区域台账已关闭或切换（或程序正在关闭），区域台账没有改动。请重新打开区域台账后再试。';
export const DISTRICT_FAILED = '导入没有完成，区域台账没有改动。请重试；如果反复出现，请联系技术支持。';

const stopped = (message: string): DistrictResult<never> => ({ ok: false, error: { code: 'conflict', message } });

export interface DistrictRunsDeps {
  workerFile: string;
  nativeBinding?: string;
  /** Tests only (DistrictJob.hold); `onHeld` is told when the import waits there. */
  hold?: DistrictJob['hold'];
  onHeld?: () => void;
}

export function districtRuns(deps: DistrictRunsDeps) {
  /** The turn of the last task queued: the next one starts when it has ended (its worker exited). */
  let tail: Promise<void> = Promise.resolve();
  /** Bumped by stop(): a task queued before it is answered "stopped" instead of run. */
  let generation = 0;
  let queued = 0;
  let current: WorkerCall<DistrictResult<unknown>> | null = null;

  /** `task` answers (its promise) and ends (its turn over) separately: the next waits for the end. */
  function enqueue(task: () => { answer: Promise<DistrictResult<unknown>>; ended: Promise<void> }, onStopped: DistrictResult<unknown>): Promise<DistrictResult<unknown>> {
    const gen = generation;
    queued++;
    let answer!: (r: DistrictResult<unknown>) => void;
    const answered = new Promise<DistrictResult<unknown>>((resolve) => (answer = resolve));
    tail = tail.then(async () => {
      queued--;
      if (gen !== generation) return answer(onStopped);
      try {
        const t = task();
        void t.answer.then(answer);
        await t.ended;
      } catch (e) {
        // Never a stuck queue: the thread could not even start.
        console.warn(`[district] ${String((e as Error)?.message ?? e)}`);
        answer(stopped(DISTRICT_FAILED));
      }
    });
    return answered;
  }

  function inWorker(d: District, channel: DistrictChannel, input: unknown) {
    const clockOffset = d.now().getTime() - Date.now();
    // The bundle's text (~20 MB of base64) goes over as bytes handed on, not copied: cloning the
    // string with the job held the main thread 70–180 ms per import on the loaded bench machine,
    // handing on its bytes 2–15 ms. Base64 is ASCII, so latin1 carries it byte for byte.
    const text = (input as { base64?: unknown } | null)?.base64;
    // A buffer of its own (never the shared pool of small Buffers, which handing on would take away).
    const bytes = typeof text === 'string' ? Buffer.allocUnsafeSlow(text.length) : null;
    if (bytes) bytes.write(text as string, 'latin1');
    const sent = bytes ? { ...(input as object), base64: undefined } : input;
    const job: DistrictJob = { file: d.file, nativeBinding: deps.nativeBinding, operator: d.operator, channel, input: sent, bytes: bytes?.buffer, clockOffset, hold: deps.hold };
    // No flags of the parent (a loader under tsx in the bench): the bundled file needs none, as in the app.
    const call = callInWorker<DistrictWorkerMessage, DistrictResult<unknown>>(
      deps.workerFile,
      { workerData: job, execArgv: [], transferList: bytes ? [bytes.buffer] : [] },
      {
        message: (m, settle) => (m.type === 'held' ? deps.onHeld?.() : settle(m.result)),
        error: (e) => {
          console.warn(`[district] ${channel}: ${String(e?.message ?? e)}`);
          return stopped(DISTRICT_FAILED);
        },
        // Ended with no answer and not by stop(): a crash (the native module, memory).
        exit: (code) => {
          console.warn(`[district] ${channel}: the worker exited (${code}) without an answer`);
          return stopped(DISTRICT_FAILED);
        },
      },
    );
    current = call;
    const answer = call.answer.then((r) => {
      if (current === call) current = null;
      return r;
    });
    return { answer, ended: call.ended };
  }

  return {
    /** One of DISTRICT_OFF_THREAD on `d`, in a worker of its own, after the imports before it. */
    run(d: District, channel: DistrictChannel, input: unknown): Promise<DistrictResult<unknown>> {
      return enqueue(() => inWorker(d, channel, input), stopped(DISTRICT_STOPPED));
    },
    /** A write on the main connection, in its turn (never waiting on the worker's lock in SQLite). */
    inTurn(write: () => Promise<DistrictResult<unknown>>): Promise<DistrictResult<unknown>> {
      return enqueue(() => {
        const answer = write();
        return { answer, ended: answer.then(() => undefined) };
      }, stopped(DISTRICT_WRITE_STOPPED));
    },
    /** End the run in progress and answer everything queued: nothing is written. */
    stop(): Promise<void> {
      generation++;
      const run = current;
      current = null;
      if (!run) return tail;
      run.settle(stopped(DISTRICT_STOPPED));
      return run.worker.terminate().then(() => tail);
    },
    /** An import running or waiting. */
    get busy() {
      return current !== null || queued > 0;
    },
  };
}
export type DistrictRuns = ReturnType<typeof districtRuns>;
