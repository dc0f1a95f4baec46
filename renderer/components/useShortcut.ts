// A keyboard shortcut for the screen that is showing ("Alt+n", "Ctrl+Enter"); the button it
// triggers shows the same keys, so users can learn them.
import { useEffect, useRef } from 'react';

export function useShortcut(keys: string, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const parts = keys.toLowerCase().split('+');
    const key = parts.pop()!;
    const want = { alt: parts.includes('alt'), ctrl: parts.includes('ctrl'), shift: parts.includes('shift') };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey !== want.alt || e.ctrlKey !== want.ctrl || e.shiftKey !== want.shift) return;
      if (e.key.toLowerCase() !== key) return;
      // A plain key (J, Y, 1, Esc in 会议模式) belongs to a field that is being typed in.
      if (!want.alt && !want.ctrl && typing(e.target)) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys, enabled]);
}

/** True when the key goes to a field being typed in (text input, textarea, select). */
export function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
