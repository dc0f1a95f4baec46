// Unsaved forms: a form with typed text marks itself dirty (useUnsavedGuard); going elsewhere then
// asks here before the text is dropped. One guard for the whole app, in the shell.
import { useCallback, useEffect, useId } from 'react';
import { useNav } from '../stores/nav';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Mark the calling form as holding typed text while `dirty`; the mark goes when the form does.
 * Returns release(): call it once the text is saved, before moving on.
 */
export function useUnsavedGuard(dirty: boolean): () => void {
  const key = useId();
  const setDirty = useNav((s) => s.setDirty);
  useEffect(() => {
    setDirty(key, dirty);
    return () => setDirty(key, false);
  }, [key, dirty, setDirty]);
  return useCallback(() => setDirty(key, false), [key, setDirty]);
}

export function LeaveGuard() {
  const pending = useNav((s) => s.pending);
  const confirmLeave = useNav((s) => s.confirmLeave);
  const stay = useNav((s) => s.stay);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title="离开此页？"
      consequence="已填写的内容还没有保存，离开后将不会保留。"
      confirmLabel="不保存，离开"
      cancelLabel="留在此页"
      danger
      onConfirm={confirmLeave}
      onCancel={stay}
    />
  );
}
