// 常用语: one click puts a phrase into the field beside it (设置 → 模板与常用语 edits the list).
export function PhraseChips({ label, phrases, onPick, disabled = false }: { label: string; phrases: readonly { id: number; text: string }[]; onPick(text: string): void; disabled?: boolean }) {
  if (phrases.length === 0) return null;
  return (
    <div className="phrases" role="group" aria-label={label}>
      <span className="muted small">{label}：</span>
      {phrases.map((p) => (
        <button key={p.id} type="button" className="btn small" disabled={disabled} onClick={() => onPick(p.text)}>
          {p.text}
        </button>
      ))}
    </div>
  );
}
