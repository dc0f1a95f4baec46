// How an agenda entry's outcome is shown: the core's label (db/terms.ts ENTRY_OUTCOME_LABELS via
// meetings.get), in a tone that says good, bad or waiting. Used on the agenda and in 会议模式.
const TONE: Record<string, string> = { pending: '', passed: 'ok', not_passed: 'bad', postponed: 'warn', studied: 'info', noted: 'info' };

export function OutcomeBadge({ outcome, label }: { outcome: string; label: string }) {
  return <span className={`badge ${TONE[outcome] ?? ''}`} data-outcome={outcome}>{label}</span>;
}
