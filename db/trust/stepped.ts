// 校验台账 in steps, for the shells (Electron's main process, the harness): the 校验台账 button
// runs this instead of the one-shot trust.verify, which holds the main process for the whole
// chain (about 1 s on one school, 15 s on a district file). The same checks dispatch makes for
// trust.verify come first (the input, and a file-level act only for an operator who may work in
// every organisation); then verifyLedgerInSteps on a read snapshot of its own, one run at a time.
import type { Result } from '../api';
import { LedgerError } from '../errors';
import type { ReadLedger } from '../ledger';
import { checkScope } from '../scope';
import { describeZodError } from '../validation';
import { trustContract } from './contract';
import { verifyLedgerInSteps } from './handlers';
import { VerifyStopped, type VerifyProgress, type VerifyReport } from './verify';

export const VERIFY_BUSY = '正在校验台账，请等这次校验完成后再核对另一个存证码。';
export const VERIFY_STOPPED = '校验在完成前停止了（台账已关闭或正在恢复），没有得出结论。请重新校验。';
const VERIFY_FAILED = '校验没有完成，台账未被改动。请重试；如果反复出现，请联系技术支持。';

/** Progress is pushed at most this often (ms): a bar needs no more, and each push is an IPC message. */
export const PROGRESS_EVERY_MS = 100;

export interface SteppedVerify {
  /**
   * Validate and verify; a call while one runs joins it when it asks the same, else is refused.
   * `{ full: true }` (完整校验) re-hashes every record; otherwise quick when the mark allows (handlers.ts).
   */
  run(ledger: ReadLedger, raw: unknown): Promise<Result<VerifyReport>>;
  /** Stop a run now (before the ledger closes or is restored): its connection is closed at once. */
  stop(): void;
  readonly running: boolean;
}

export interface SteppedOptions {
  /** Minimum ms between two progress pushes (default PROGRESS_EVERY_MS; tests: 0). */
  everyMs?: number;
  /** Work between turns of the event loop (verifyChainInSteps; tests: 0). */
  sliceMs?: number;
  /** The clock for the quick verify's mark (tests). */
  now?: () => Date;
}

export function steppedVerify(onProgress: (p: VerifyProgress) => void, { everyMs = PROGRESS_EVERY_MS, sliceMs, now }: SteppedOptions = {}): SteppedVerify {
  let current: { anchor: string | undefined; full: boolean; done: Promise<Result<VerifyReport>>; abort: AbortController } | null = null;
  return {
    run(ledger, raw) {
      const parsed = trustContract['trust.verify'].input.safeParse(raw ?? {});
      if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'invalid_input', ...describeZodError(parsed.error) } });
      const anchor = parsed.data.anchor || undefined;
      // Not a channel field (trust.verify, the one-shot, is always full): the shell's own switch.
      const full = typeof raw === 'object' && raw !== null && (raw as { full?: unknown }).full === true;
      try {
        checkScope(ledger, 'trust.verify', parsed.data);
      } catch (e) {
        if (e instanceof LedgerError) return Promise.resolve({ ok: false, error: e.info });
        throw e;
      }
      if (current) {
        // The page reloaded, or the button was pressed twice: the same question waits for the same answer.
        if (current.anchor === anchor && current.full === full) return current.done;
        return Promise.resolve({ ok: false, error: { code: 'conflict', message: VERIFY_BUSY, field: 'anchor' } });
      }
      const abort = new AbortController();
      let last = -Infinity;
      const done = verifyLedgerInSteps(
        ledger.file,
        anchor,
        (p) => {
          const now = performance.now();
          if (now - last < everyMs) return;
          last = now;
          onProgress({ done: p.done, total: p.total });
        },
        { signal: abort.signal, sliceMs, full, ...(now ? { now } : {}) },
      ).then(
        (value): Result<VerifyReport> => ({ ok: true, value }),
        (e: unknown): Result<VerifyReport> => {
          if (e instanceof VerifyStopped || abort.signal.aborted) return { ok: false, error: { code: 'conflict', message: VERIFY_STOPPED } };
          console.error('[trust] verify in steps failed', e);
          return { ok: false, error: { code: 'internal', message: VERIFY_FAILED } };
        },
      );
      const run = { anchor, full, done, abort };
      current = run;
      void done.then(() => {
        if (current === run) current = null;
      });
      return done;
    },
    stop() {
      if (!current) return;
      current.abort.abort();
      current = null;
    },
    get running() {
      return current !== null;
    },
  };
}
