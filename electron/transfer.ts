// 拆分台账 and 合并台账 off the main thread (electron/transfer-worker.ts): the window keeps
// answering and shows each phase (TRANSFER_PROGRESS) while the worker copies, trims and verifies.
// One at a time. stop() (the app closing) ends the worker at once: a split writes under a
// temporary name and renames at its very end, so the target never appears half-written (the
// temporary files are removed here); a merge's one transaction is never committed, so the
// ledger stays as it was. The source is only ever read.
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../db/api';
import type { ChannelName } from '../db/contract';
import type { Ledger } from '../db/ledger';
import type { TransferProgress } from '../db/transfer/progress';
import { noteCommit } from '../db/trust/wal';
import type { TransferJob } from './transfer-worker';
import { callInWorker, type WorkerCall } from './worker-call';

/**
 * The channels the shell runs in the worker instead of on the main connection. The merge's
 * preview too: it copies and verifies the school's whole file (over a second on a large one).
 */
export const OFF_THREAD: readonly ChannelName[] = ['orgs.split', 'orgs.merge', 'orgs.mergePreview'];

export const TRANSFER_BUSY = '另一项拆分或合并正在进行，请等它完成后再试。';
export const TRANSFER_STOPPED = '拆分或合并在完成前停止了（程序正在关闭），没有写入任何文件，台账没有改动。';

export interface TransferDeps {
  workerFile: string;
  nativeBinding?: string;
  onProgress: (p: TransferProgress) => void;
  /** Tests only (TransferJob.hold). */
  hold?: TransferJob['hold'];
}

type Message = { type: 'progress'; progress: TransferProgress } | { type: 'result'; result: Result<unknown> };

/** Temporary files a stopped run may leave beside `file` (db/trust/files.ts tempName of this process). */
function removeTemporaries(file: unknown): void {
  if (typeof file !== 'string' || !file) return;
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-${process.pid}-`;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    try {
      fs.rmSync(path.join(dir, n), { force: true });
    } catch {
      // Still held by a worker being ended (Windows): removed once it has ended (stop).
    }
  }
}

export function transferRuns(deps: TransferDeps) {
  let current: { call: WorkerCall<Result<unknown>>; file: unknown } | null = null;
  return {
    run(ledger: Ledger, channel: ChannelName, input: unknown): Promise<Result<unknown>> {
      if (current) return Promise.resolve({ ok: false, error: { code: 'conflict', message: TRANSFER_BUSY } });
      const job: TransferJob = { file: ledger.file, nativeBinding: deps.nativeBinding, operator: ledger.operator, orgId: ledger.orgId, channel, input, hold: deps.hold };
      const file = (input as { file?: unknown } | null)?.file;
      const call = callInWorker<Message, Result<unknown>>(
        deps.workerFile,
        { workerData: job },
        {
          message: (m, settle) => {
            if (m.type === 'progress') return deps.onProgress(m.progress);
            // The worker's commit, recorded by the main connection's WAL record (db/trust/wal.ts).
            if (m.result.ok && channel === 'orgs.merge') noteCommit(ledger.sqlite, true);
            settle(m.result);
          },
          error: (e) => {
            console.warn(`[transfer] ${channel}: ${String(e?.message ?? e)}`);
            return { ok: false, error: { code: 'internal', message: '拆分或合并没有完成，台账没有改动。请重试；如果反复出现，请联系技术支持。' } };
          },
          exit: () => ({ ok: false, error: { code: 'conflict', message: TRANSFER_STOPPED } }),
        },
      );
      current = { call, file };
      return call.answer.then((r) => {
        current = null;
        if (!r.ok) removeTemporaries(file);
        return r;
      });
    },
    /** End a run in progress (the app is closing, the ledger about to close): nothing is written. */
    stop(): Promise<void> {
      const run = current;
      if (!run) return Promise.resolve();
      const ended = run.call.worker.terminate();
      run.call.settle({ ok: false, error: { code: 'conflict', message: TRANSFER_STOPPED } });
      return ended.then(() => removeTemporaries(run.file));
    },
    get running() {
      return current !== null;
    },
  };
}
export type TransferRuns = ReturnType<typeof transferRuns>;
