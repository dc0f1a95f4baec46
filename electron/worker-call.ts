// One call in a worker thread of its own, which ends afterwards (拆分/合并: electron/transfer.ts;
// 导入报送包: electron/district-runs.ts). Its answer comes exactly once: the worker's own, or what
// the runner says when the thread throws or ends first (a crash, or stop() terminating it).
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerCall<R> {
  worker: Worker;
  /** The answer, settled once. */
  answer: Promise<R>;
  /** The thread has ended (its memory returned). */
  ended: Promise<void>;
  /** Answer now (stop() does); whatever comes later is dropped. */
  settle(r: R): void;
}

export interface WorkerCallHandlers<M, R> {
  /** A message from the worker: progress to pass on, or the answer to `settle` with. */
  message(m: M, settle: (r: R) => void): void;
  /** The worker threw before answering. */
  error(e: Error): R;
  /** The thread ended before answering. */
  exit(code: number): R;
}

export function callInWorker<M, R>(file: string, options: WorkerOptions, on: WorkerCallHandlers<M, R>): WorkerCall<R> {
  const worker = new Worker(file, options);
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let settled = false;
  let resolve!: (r: R) => void;
  const answer = new Promise<R>((r) => (resolve = r));
  const settle = (r: R) => {
    if (settled) return;
    settled = true;
    resolve(r);
  };
  worker.on('message', (m: M) => on.message(m, settle));
  worker.once('error', (e) => {
    if (!settled) settle(on.error(e));
  });
  worker.once('exit', (code) => {
    if (!settled) settle(on.exit(code));
  });
  return { worker, answer, ended, settle };
}
