// Asking before what cannot be undone (结束会议, 签发纪要, recording a vote result, 取消会议 …):
// a modal that states the consequence in one sentence. Focus stays inside (Tab cycles), Esc
// cancels, and Enter confirms only when the confirm button itself has focus — the dialog opens
// on 取消 (or on its first field), so a stray Enter never does the irreversible thing.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** What happens, in one sentence (签发后纪要锁定，只能以修订方式更改。). */
  consequence: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** A red confirm button for what removes or locks something. */
  danger?: boolean;
  busy?: boolean;
  /** Extra fields (a reason, who signs) and the refusal, if the command refused. */
  children?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function ConfirmDialog({ title, consequence, confirmLabel, cancelLabel = '取消', danger, busy, children, onConfirm, onCancel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The first field when there is one to fill in, else 取消.
    const field = box.current?.querySelector<HTMLElement>('.dialog-body input, .dialog-body select, .dialog-body textarea');
    (field ?? cancelRef.current)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // The dialog takes Esc first: 会议模式 and other screens never see it.
        e.preventDefault();
        e.stopImmediatePropagation();
        cancel.current();
        return;
      }
      if (e.key === 'Tab' && box.current) {
        const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
        if (items.length === 0) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        } else if (!box.current.contains(document.activeElement)) {
          e.preventDefault();
          first.focus();
        }
      }
      // Other keys (the screen's J/K/Y/N shortcuts) stay inside the dialog.
      if (!['Tab', 'Enter', ' '].includes(e.key)) e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      opener?.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop">
      <div className="dialog" ref={box} role="alertdialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={textId}>
        <h2 id={titleId}>{title}</h2>
        <p id={textId} className="dialog-consequence">{consequence}</p>
        {children && <div className="dialog-body">{children}</div>}
        <div className="form-actions">
          <button type="button" className={`btn ${danger ? 'danger-solid' : 'primary'}`} disabled={busy} onClick={onConfirm}>
            {busy ? '正在处理…' : confirmLabel}
          </button>
          <button type="button" className="btn" ref={cancelRef} onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
