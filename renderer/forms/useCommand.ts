// Run one ledger command from a form: tracks "busy" and the contract error, so the form can put
// each problem beside its field (error.fields: every problem at once) or above the buttons when
// it concerns no field. After a refusal, focus moves to the first field marked wrong.
import { useCallback, useState } from 'react';
import { errorInfo, type LedgerErrorInfo } from '../ledger-client';

export interface Command<A extends unknown[], R> {
  run(...args: A): Promise<R | undefined>;
  busy: boolean;
  error: LedgerErrorInfo | null;
  clear(): void;
}

/** Focus (and bring into view) the first field marked wrong; else the refusal notice itself. */
function focusFirstProblem(): void {
  requestAnimationFrame(() => {
    // An open dialog keeps the focus: look inside it only.
    const scope: ParentNode = document.querySelector('.dialog') ?? document;
    const target =
      scope.querySelector<HTMLElement>('[aria-invalid="true"]') ?? scope.querySelector<HTMLElement>('.notice.error[role="alert"]');
    if (!target) return;
    if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center', behavior: 'auto' });
  });
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
        focusFirstProblem();
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [fn],
  );
  return { run, busy, error, clear: () => setError(null) };
}

const concerns = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/** Every problem of the error, each with its field (one when the core named only one). */
export function problemsOf(error: LedgerErrorInfo | null): { field: string; message: string }[] {
  if (!error) return [];
  if (error.fields?.length) return error.fields;
  return error.field ? [{ field: error.field, message: error.message }] : [];
}

/** The message for `field` (exactly, or a sub-path like "stances.0.role"), from all the form's problems. */
export function errorFor(error: LedgerErrorInfo | null, ...fields: string[]): string | null {
  return problemsOf(error).find((p) => fields.some((f) => concerns(p.field, f)))?.message ?? null;
}
