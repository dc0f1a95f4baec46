// The item's place in the loop as a coloured badge (labels come from the core: stateLabel).
const TONE: Record<string, string> = {
  draft: '',
  consultation: 'info',
  postponed: 'warn',
  ready: 'info',
  scheduled: 'info',
  discussed: 'info',
  passed: 'ok',
  not_passed: 'bad',
  vote_postponed: 'warn',
  follow_up: 'info',
  evaluated: 'ok',
  closed: 'ok',
  corrected: 'brand',
  noted: 'ok',
  withdrawn: '',
};

export function StateBadge({ state, label }: { state: string; label: string }) {
  return <span className={`badge ${TONE[state] ?? ''}`} data-state={state}>{label}</span>;
}
