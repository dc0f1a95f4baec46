// The 工作台 charts and the 台账 status column: pure aggregation of rows read by db/loop.
// No I/O, so every number a chart shows is tested on plain data.
import { FUNNEL_STEP_LABELS, type ItemState, type RegisterStatus } from '../terms';
import { RECONSIDERED, isLoopClosed, isOverdue, lacksFollowUp, type LoopFacts } from './followup';

/**
 * The loop as a funnel (rule book, "The loop"): how many items reached each step at least.
 * An item's current state says how far it got; 未通过 items were discussed but never decided.
 * Every step is a union of whole dashboard tiles (loop.ts LOOP_STAGES), so the funnel's numbers
 * are sums of the tiles beside it.
 */
export const FUNNEL_STEPS = [
  // A heard report (已听取, R14/R17) was filed and went to a meeting, but is never decided; a
  // withdrawn item was filed and taken back.
  { key: 'filed', states: ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed', 'scheduled', 'discussed', 'passed', 'not_passed', 'follow_up', 'evaluated', 'corrected', 'closed', 'noted', 'withdrawn'] },
  { key: 'discussed', states: ['scheduled', 'discussed', 'passed', 'not_passed', 'follow_up', 'evaluated', 'corrected', 'closed', 'noted'] },
  { key: 'decided', states: ['passed', 'follow_up', 'evaluated', 'corrected', 'closed'] },
  { key: 'followUp', states: ['follow_up', 'evaluated', 'corrected', 'closed'] },
  { key: 'evaluated', states: ['evaluated', 'corrected', 'closed'] },
  { key: 'closed', states: ['closed'] },
] as const satisfies readonly { key: keyof typeof FUNNEL_STEP_LABELS; states: readonly ItemState[] }[];

export function loopFunnel(counts: { state: string; count: number }[]) {
  const byState = new Map<string, number>();
  for (const r of counts) byState.set(r.state, (byState.get(r.state) ?? 0) + r.count);
  return FUNNEL_STEPS.map((s) => ({
    key: s.key,
    label: FUNNEL_STEP_LABELS[s.key],
    count: (s.states as readonly string[]).reduce((n, st) => n + (byState.get(st) ?? 0), 0),
  }));
}

export interface FollowUpTiming {
  ownerDept: string;
  deadline: string;
  state: string;
  /** ISO date-time of 办结, when done. */
  completedAt: string | null;
}

export interface DepartmentTiming {
  dept: string;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
  /** On-time share of the tasks that are done or already due, in whole percent; null when none. */
  rate: number | null;
}

/**
 * 按时办结 per 承办部门 (R17): done by the deadline day, done after it, overdue (not done and
 * past it), still open in time. The rate leaves out tasks that are not yet due.
 */
export function onTimeByDepartment(rows: FollowUpTiming[], today: string): DepartmentTiming[] {
  const out = new Map<string, DepartmentTiming>();
  for (const r of rows) {
    const d = out.get(r.ownerDept) ?? { dept: r.ownerDept, onTime: 0, late: 0, overdue: 0, open: 0, rate: null };
    if (r.state === 'done') {
      if ((r.completedAt ?? '').slice(0, 10) <= r.deadline) d.onTime += 1;
      else d.late += 1;
    } else if (isOverdue(r, today)) d.overdue += 1;
    else d.open += 1;
    out.set(r.ownerDept, d);
  }
  return [...out.values()]
    .map((d) => {
      const due = d.onTime + d.late + d.overdue;
      return { ...d, rate: due === 0 ? null : Math.round((d.onTime * 100) / due) };
    })
    .sort((a, b) => a.dept.localeCompare(b.dept, 'zh-Hans-CN'));
}

/** Meetings per month of one year and body kind: twelve counts, January first. */
export function meetingsPerMonth(rows: { startsAt: string; bodyKind: string }[], year: number, bodyKinds: readonly string[]) {
  return bodyKinds.map((kind) => {
    const months = Array.from({ length: 12 }, () => 0);
    for (const r of rows) {
      if (r.bodyKind !== kind || Number(r.startsAt.slice(0, 4)) !== year) continue;
      months[Number(r.startsAt.slice(5, 7)) - 1]! += 1;
    }
    return { bodyKind: kind, months };
  });
}

/** 三重一大 items (R2) filed per year, and how many of them were decided, for consecutive years. */
export function majorItemsPerYear(rows: { year: number; state: string; count: number }[], fromYear: number, toYear: number) {
  const decided = new Set<string>(FUNNEL_STEPS.find((s) => s.key === 'decided')!.states);
  const years: { year: number; filed: number; decided: number }[] = [];
  for (let y = fromYear; y <= toYear; y++) years.push({ year: y, filed: 0, decided: 0 });
  for (const r of rows) {
    const y = years.find((x) => x.year === r.year);
    if (!y) continue;
    y.filed += r.count;
    if (decided.has(r.state)) y.decided += r.count;
  }
  return years;
}

export interface RegisterFacts extends LoopFacts {
  followUps: { evaluated: boolean; state: string; deadline: string }[];
  /** decisions.loop_state: RECONSIDERED while an agreed 复议 has suspended the decision (R11). */
  loopState?: string;
}

/** Where a decision stands for the 台账 (register) status column (R17, R18). */
export function registerStatus(f: RegisterFacts, today: string): RegisterStatus {
  if (f.loopState === RECONSIDERED) return 'reconsidered';
  if (lacksFollowUp({ followUps: f.followUps.length, noFollowUpReason: f.noFollowUpReason })) return 'unassigned';
  if (isLoopClosed(f)) return f.followUps.length === 0 ? 'waived' : 'closed';
  if (f.followUps.some((x) => isOverdue(x, today))) return 'overdue';
  if (f.followUps.some((x) => x.state !== 'done')) return 'in_progress';
  if (f.followUps.some((x) => !x.evaluated)) return 'to_evaluate';
  // Every follow-up evaluated and the loop still open: a correction is not yet decided (R18).
  return 'correcting';
}
