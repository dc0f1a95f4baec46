// The two cells an attendance row shares between the meeting page and 会议模式: the status choice
// (a member is 出席/请假/缺席, anyone else 列席 and removable) and the 请假 reason (R16 records it).
import type { AttendanceStatus } from '../../../db/terms';

export function StatusChoice(props: {
  name: string;
  member: boolean;
  status: string;
  /** Members' choices, in the order the number keys pick them when keyHints is on. */
  statuses: readonly AttendanceStatus[];
  keyHints?: boolean;
  error?: string | null;
  onStatus: (status: AttendanceStatus) => void;
  onRemove: () => void;
}) {
  const choices: readonly AttendanceStatus[] = props.member ? props.statuses : ['列席'];
  return (
    <>
      <div className="row" role="radiogroup" aria-label={`${props.name}的出席情况`}>
        {choices.map((s, k) => (
          <button key={s} type="button" role="radio" aria-checked={props.status === s} aria-pressed={props.status === s} className="btn small choice" onClick={() => props.onStatus(s)}>
            {s}
            {props.keyHints && props.member && <kbd className="hint">{k + 1}</kbd>}
          </button>
        ))}
        {!props.member && (
          <button type="button" className="btn small danger" onClick={props.onRemove}>移除</button>
        )}
      </div>
      {props.error && <div className="field-error" role="alert">{props.error}</div>}
    </>
  );
}

export function LeaveReason(props: { name: string; status: string; reason: string; error?: string | null; onReason: (reason: string) => void }) {
  if (props.status !== '请假') return <span className="muted">—</span>;
  return (
    <>
      <input type="text" aria-label={`${props.name}的请假事由`} value={props.reason} onChange={(e) => props.onReason(e.target.value)} placeholder="如：外出培训" aria-invalid={props.error ? true : undefined} />
      {props.error && <div className="field-error" role="alert">{props.error}</div>}
    </>
  );
}
