// Run one ledger command from a form: tracks "busy" and the contract error, so the form can put
// error.message beside the field named by error.field (or above the buttons when no field).
import { useCallback, useState } from 'react';
import { errorInfo, type LedgerErrorInfo } from '../ledger-client';

export interface Command<A extends unknown[], R> {
  run(...args: A): Promise<R | undefined>;
  busy: boolean;
  error: LedgerErrorInfo | null;
  clear(): void;
}

export function useCommand<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Command<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        return await fn(...args);
      } catch (e) {
        setError(errorInfo(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [fn],
  );
  return { run, busy, error, clear: () => setError(null) };
}

/** The error's message if it concerns `field` (exactly, or a sub-path like "stances.0.role"). */
export function errorFor(error: LedgerErrorInfo | null, ...fields: string[]): string | null {
  if (!error?.field) return null;
  return fields.some((f) => error.field === f || error.field!.startsWith(`${f}.`)) ? error.message : null;
}
