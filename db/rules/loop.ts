// The dashboard's view of the loop 决策→执行→监督→评价→修正 (rule book, "The loop"):
// pure aggregation of rows already read by db/loop. No I/O, so it is tested on plain data.
import type { ItemState } from '../terms';
import { daysOverdue, isOverdue, lacksFollowUp } from './followup';

export const LOOP_STAGES = [
  { key: 'consult', label: '待沟通', states: ['draft', 'consultation', 'vote_postponed'] },
  { key: 'postponed', label: '暂缓上会', states: ['postponed'] },
  { key: 'ready', label: '待上会', states: ['ready'] },
  { key: 'scheduled', label: '已列入议程', states: ['scheduled', 'discussed'] },
  { key: 'decided', label: '已决定', states: ['passed', 'not_passed'] },
  { key: 'followUp', label: '督办中', states: ['follow_up'] },
  // 逾期 counts follow-ups, not items: one decision may have several late tasks.
  { key: 'overdue', label: '逾期', states: [] },
  // Heard reports (R17 执行情况报告, R14 临时处置通报): noted, not decided, so not 已列入议程.
  { key: 'noted', label: '已听取', states: ['noted'] },
  { key: 'evaluated', label: '已评价', states: ['evaluated'] },
  { key: 'corrected', label: '已修正', states: ['corrected'] },
  { key: 'closed', label: '已闭环', states: ['closed'] },
] as const satisfies readonly { key: string; label: string; states: readonly ItemState[] }[];

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
  stages: { key: LoopStageKey; label: string; count: number }[];
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
    label: s.label,
    count: s.key === 'overdue' ? overdueFollowUps.length : s.states.reduce((n, st) => n + (byState.get(st) ?? 0), 0),
  }));
  const decisionsWithoutFollowUp = input.decisions.filter(lacksFollowUp);
  return { stages, overdueFollowUps, decisionsWithoutFollowUp };
}
