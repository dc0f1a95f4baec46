// The slow half of an automatic backup (integrity_check of the whole copy, fsync), in a worker
// thread so the main process keeps answering the window meanwhile. Bundled apart to
// dist-electron/backup-worker.cjs; started by electron/trust.ts checkInWorker.
import { parentPort, workerData } from 'node:worker_threads';
import { checkCopy } from '../db/trust/backup';
import { useNativeBinding } from '../db/trust/sqlite';

const { tmp, nativeBinding } = workerData as { tmp: string; nativeBinding?: string };
useNativeBinding(nativeBinding);
try {
  parentPort!.postMessage({ ok: true, facts: checkCopy(tmp) });
} catch (e) {
  parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
}
