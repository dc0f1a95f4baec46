// The dashboard's view of the loop 决策→执行→监督→评价→修正 (rule book, "The loop"):
// pure aggregation of rows already read by db/loop. No I/O, so it is tested on plain data.
import { LOOP_STAGE_LABELS, type ItemState } from '../terms';
import { daysOverdue, isOverdue, lacksFollowUp } from './followup';

/**
 * The dashboard's tiles: every item state on exactly one tile, each labelled with the one
 * vocabulary (db/terms.ts), so a tile says what the item list says. The funnel (stats.ts) adds
 * up whole tiles, so the tiles and the funnel agree.
 */
export const LOOP_STAGES = [
  { key: 'consult', states: ['draft', 'consultation', 'vote_postponed'] },
  { key: 'postponed', states: ['postponed'] },
  { key: 'ready', states: ['ready'] },
  { key: 'scheduled', states: ['scheduled', 'discussed'] },
  { key: 'passed', states: ['passed'] },
  { key: 'notPassed', states: ['not_passed'] },
  { key: 'followUp', states: ['follow_up'] },
  // 逾期 counts follow-ups, not items: one decision may have several late tasks.
  { key: 'overdue', states: [] },
  // Heard reports (R17 执行情况报告, R14 临时处置通报): noted, not decided, so not 已列入议程.
  { key: 'noted', states: ['noted'] },
  { key: 'evaluated', states: ['evaluated'] },
  { key: 'corrected', states: ['corrected'] },
  { key: 'closed', states: ['closed'] },
  { key: 'withdrawn', states: ['withdrawn'] },
] as const satisfies readonly { key: keyof typeof LOOP_STAGE_LABELS; states: readonly ItemState[] }[];

export type LoopStageKey = (typeof LOOP_STAGES)[number]['key'];

/** How many items stand in each lifecycle state (a GROUP BY in db/loop). */
export interface LoopStateCount {
  state: string;
  count: number;
}

export interface LoopFollowUpRow {
  id: number;
  decisionId: number;
  task: string;
  ownerDept: string;
  ownerName: string | null;
  deadline: string;
  state: string;
  decisionText: string;
}

export interface LoopDecisionRow {
  id: number;
  number: number;
  text: string;
  meetingLabel: string;
  decidedOn: string;
  followUps: number;
  noFollowUpReason: string | null;
}

export interface LoopInput {
  today: string;
  items: LoopStateCount[];
  followUps: LoopFollowUpRow[];
  decisions: LoopDecisionRow[];
}

export interface LoopSummary {
  /** Each tile with its item states (the 议题 list it opens is filtered by them). */
  stages: { key: LoopStageKey; label: string; states: readonly ItemState[]; count: number }[];
  overdueFollowUps: (LoopFollowUpRow & { daysOverdue: number })[];
  /** R17 warning: decisions with neither a FollowUp nor an explicit 无需督办. */
  decisionsWithoutFollowUp: LoopDecisionRow[];
}

export function summarizeLoop(input: LoopInput): LoopSummary {
  const byState = new Map<string, number>();
  for (const row of input.items) byState.set(row.state, (byState.get(row.state) ?? 0) + row.count);
  const overdueFollowUps = input.followUps
    .filter((f) => isOverdue(f, input.today))
    .map((f) => ({ ...f, daysOverdue: daysOverdue(f, input.today) }))
    // Longest-late first: that is what the secretary chases today.
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id);
  const stages = LOOP_STAGES.map((s) => ({
    key: s.key,
    label: LOOP_STAGE_LABELS[s.key],
    states: s.states,
    count: s.key === 'overdue' ? overdueFollowUps.length : s.states.reduce((n, st) => n + (byState.get(st) ?? 0), 0),
  }));
  const decisionsWithoutFollowUp = input.decisions.filter(lacksFollowUp);
  return { stages, overdueFollowUps, decisionsWithoutFollowUp };
}
