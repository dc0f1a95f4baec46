// 集团化办学 (rule book, "Groups and districts"): a 集团党委 leads several campuses (校区/成员校),
// each with its own bodies, people, thresholds and 议事清单; matters cross levels. Pure.
import { ITEM_STATE_LABELS, type ItemState, type PartyKind } from '../terms';

/** A campus is set up under a 集团党委: a 党委 that is itself no campus (one level only). */
export function campusRefusal(parent: { partyKind: string; parentId: number | null }): string | null {
  if (parent.parentId !== null) return '所选组织本身是集团的校区（成员校），不能再下设校区；请在集团党委下设立。';
  if ((parent.partyKind as PartyKind) !== '党委') return '只有党委可以作为集团党委下设校区（成员校）；请先将该组织的类型改为党委。';
  return null;
}

/**
 * R2 (集团): a campus's 三重一大 item (its own threshold, R2) goes up to the 集团党委: the campus's
 * own 党组织会议 does not decide it. Its 校长办公会 may still study it first (R1 前置研究).
 */
export function mustEscalate(org: { parentId: number | null }, routing: { major: boolean }): boolean {
  return org.parentId !== null && routing.major;
}

/**
 * States from which a campus item may be sent up: not yet decided and not on an agenda. Sent up,
 * it leaves the campus's own agenda as 已撤回 does (the lifecycle has no new state); the 集团's
 * item names it (escalated_from_id) and the item's screens say 已上报集团 (ESCALATED_LABEL).
 */
const ESCALATABLE: readonly ItemState[] = ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed'];
export const ESCALATED_LABEL = '已上报集团';

/** The one home of an item's state label: a campus item sent up says 已上报集团, never 已撤回. */
export function itemStateLabel(state: ItemState, sentUp: boolean): string {
  return sentUp ? ESCALATED_LABEL : ITEM_STATE_LABELS[state];
}

/** What 上报集团 does, said before it is done (the confirmation the screen shows). */
export function escalateConsequence(campus: string, group: string): string {
  return `议题将报${group}，由集团党委书记作为集团党委的议题提出，按集团的议事清单办理；${campus}的这项议题随即结束为“${ESCALATED_LABEL}”，不再列入本组织的议程。上报后不能撤销。`;
}

export function escalateRefusal(org: { parentId: number | null }, item: { state: string; kind: string }, alreadyUp: boolean): string | null {
  if (org.parentId === null) return '本组织不属于任何集团，议题无处上报。';
  if (item.kind !== 'normal') return '执行情况报告、修正议题和临时处置通报在本组织办理，不上报集团。';
  if (alreadyUp) return '议题已经上报集团党委。';
  if (!ESCALATABLE.includes(item.state as ItemState)) return '议题已列入议程或已有会议结果，不能再上报；如需上报，请先从议程中移出。';
  return null;
}

/** A 集团 decision is carried out by its campuses: only campuses of that 集团, each once. */
export function assignRefusal(group: { id: number; parentId: number | null }, campuses: { id: number; parentId: number | null }[]): string | null {
  if (group.parentId !== null) return '只有集团党委的决定事项才能交由校区落实。';
  if (campuses.length === 0) return '请至少选择一个校区。';
  if (campuses.some((c) => c.parentId !== group.id)) return '所选组织不是本集团的校区（成员校），请重新选择。';
  return null;
}

/**
 * What a campus may do on a 集团 decision's follow-up handed to it: report progress and 办结; the
 * 集团 approves a 延期, changes the 承办 and evaluates (its own 督办 page).
 */
export function handedActions(state: string): { report: boolean; complete: boolean } {
  const open = state !== 'done';
  return { report: open, complete: open };
}

/** Per campus, the 集团工作台's numbers (counted by the core, shown by the screen). */
export interface CampusFigures {
  waitingConsultation: number;
  meetingsThisMonth: number;
  meetingsThisYear: number;
  firstTopicsThisYear: number;
  decisionsWithoutFollowUp: number;
  overdueFollowUps: number;
  openCorrections: number;
  openEmergencies: number;
}

/** Which campus needs the 集团 secretary's attention first: overdue and open matters weigh most. */
export function attentionScore(f: CampusFigures): number {
  return f.overdueFollowUps * 3 + f.openEmergencies * 3 + f.decisionsWithoutFollowUp * 2 + f.openCorrections * 2 + f.waitingConsultation;
}
