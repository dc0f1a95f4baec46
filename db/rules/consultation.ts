// R4 consultation gate (the core rule) and R5 (the 书记's opinion before the 校长办公会 decides
// an important item). Pure: the caller passes who held which post on the consultation date.
import type { ConsultationKind, ConsultationOutcome, ConsultationStance, ItemState } from '../terms';

export interface StanceInput {
  personId: number;
  stance: ConsultationStance;
}

export interface PostHolders {
  /** 书记 holders on the consultation date */
  secretaryIds: readonly number[];
  /** 校长 holders on the consultation date */
  principalIds: readonly number[];
  /** holders of any leadership post on the consultation date */
  leadershipIds: readonly number[];
}

/** 党政一肩挑: one person holds both 书记 and 校长. */
export function oneShoulder(h: PostHolders): number | null {
  return h.secretaryIds.find((id) => h.principalIds.includes(id)) ?? null;
}

export interface OutcomeResult {
  outcome: ConsultationOutcome;
  /** Why it is not agreed, in Chinese, for the record and the UI. */
  missing: string[];
}

/**
 * R4: the outcome of a 会前沟通 from the stances.
 * - Anyone states 不同意 → disagreed (暂缓上会; a NEW consultation is needed).
 * - Normal case: the 书记 and the 校长 both state 同意 → agreed.
 * - 一肩挑: the 书记 (= 校长) and the relevant leadership members: the item's 分管领导 when there is
 *   one (and it is another person), otherwise at least one other leadership member, all 同意.
 * - Otherwise reserved (a 保留意见 from the 书记/校长/分管领导) or incomplete (someone required has not spoken).
 */
export function consultationOutcome(stances: readonly StanceInput[], holders: PostHolders, leaderId: number | null): OutcomeResult {
  if (stances.some((s) => s.stance === '不同意')) return { outcome: 'disagreed', missing: ['有人表示不同意'] };
  const of = (id: number) => stances.find((s) => s.personId === id)?.stance;
  const required: { label: string; ids: readonly number[] }[] = [];
  const both = oneShoulder(holders);
  if (both != null) {
    required.push({ label: '书记（一肩挑）', ids: [both] });
    if (leaderId != null && leaderId !== both) required.push({ label: '分管领导', ids: [leaderId] });
    else {
      const others = holders.leadershipIds.filter((id) => id !== both);
      required.push({ label: '其他班子成员（如副书记、分管领导）', ids: others });
    }
  } else {
    required.push({ label: '书记', ids: holders.secretaryIds });
    required.push({ label: '校长', ids: holders.principalIds });
  }
  const missing: string[] = [];
  let reserved = false;
  for (const r of required) {
    const said = r.ids.map(of);
    if (said.includes('同意')) continue;
    if (said.includes('保留意见')) reserved = true;
    missing.push(`${r.label}未表示同意`);
  }
  if (missing.length === 0) return { outcome: 'agreed', missing };
  return { outcome: reserved ? 'reserved' : 'incomplete', missing };
}

/**
 * R4 酝酿 for a cadre matter: within the leadership circle, with the 书记 taking part.
 * Any 不同意 → disagreed; the 书记 同意 and nobody against → agreed.
 */
export function deliberationOutcome(stances: readonly StanceInput[], holders: PostHolders): OutcomeResult {
  if (stances.some((s) => s.stance === '不同意')) return { outcome: 'disagreed', missing: ['有人表示不同意'] };
  const secretary = stances.filter((s) => holders.secretaryIds.includes(s.personId));
  if (secretary.some((s) => s.stance === '同意')) return { outcome: 'agreed', missing: [] };
  return {
    outcome: secretary.length ? 'reserved' : 'incomplete',
    missing: ['书记未在酝酿中表示同意'],
  };
}

/**
 * R4: who a 会前沟通 is between, to start the form with: the 书记 and the 校长 in those posts; under
 * 一肩挑 that one person as 书记 (the relevant leadership members are added by hand).
 */
export function defaultConsultants(h: Pick<PostHolders, 'secretaryIds' | 'principalIds'>): { personId: number; role: '书记' | '校长' }[] {
  const secretary = h.secretaryIds[0];
  const principal = h.principalIds[0];
  const rows: { personId: number; role: '书记' | '校长' }[] = [];
  if (secretary !== undefined) rows.push({ personId: secretary, role: '书记' });
  if (principal !== undefined && principal !== secretary) rows.push({ personId: principal, role: '校长' });
  return rows;
}

/** Participants outside the leadership circle (R4: 酝酿 and 沟通 happen among the leadership). */
export function outsideCircle(stances: readonly StanceInput[], holders: PostHolders): number[] {
  return stances.map((s) => s.personId).filter((id) => !holders.leadershipIds.includes(id));
}

export interface ConsultationRecord {
  id: number;
  kind: ConsultationKind;
  date: string;
  outcome: ConsultationOutcome;
}

/** R11: after a postponed vote, what a consultation must be to count again. */
export interface ReconsultFloor {
  /** Only consultations recorded after the postponement: ids above this. */
  afterId: number;
  /** …and dated on or after the meeting that postponed the vote (YYYY-MM-DD). */
  fromDate: string;
}

/**
 * R4/R11: the outcome of the latest 会前沟通 or 酝酿 that counts (by date, then recording order).
 * After a postponed vote (R11) a 会前沟通 counts only if it was recorded after the postponement
 * and is dated on or after that meeting: an older record, whenever it is typed in, and whatever
 * it says, never reopens scheduling; nor does a newer one in which the leaders do not agree.
 */
export function countingOutcome(rows: readonly ConsultationRecord[], kind: ConsultationKind, floor: ReconsultFloor | null): ConsultationOutcome | null {
  let latest: ConsultationRecord | null = null;
  for (const r of rows) {
    if (r.kind !== kind) continue;
    if (kind === 'consultation' && floor && (r.id <= floor.afterId || r.date < floor.fromDate)) continue;
    if (!latest || r.date > latest.date || (r.date === latest.date && r.id > latest.id)) latest = r;
  }
  return latest?.outcome ?? null;
}

export interface GateFacts {
  /** Outcome of the latest 会前沟通 that counts (countingOutcome), null when none. */
  consultation: ConsultationOutcome | null;
  /** Outcome of the latest 酝酿, null when none. */
  deliberation: ConsultationOutcome | null;
  cadre: boolean;
}

/**
 * R4: may the item go on a 党组织会议 agenda? Returns the reasons it may not (empty = yes).
 * Only the LATEST consultation counts, so a 不同意 is cleared only by a new agreeing one.
 */
export function consultationGate(f: GateFacts): string[] {
  const reasons: string[] = [];
  if (f.consultation == null) reasons.push('尚未记录书记与校长的会前沟通，请先完成会前沟通');
  else if (f.consultation === 'disagreed') reasons.push('会前沟通中有不同意见，议题暂缓上会，须重新沟通并取得一致');
  else if (f.consultation !== 'agreed') reasons.push('最近一次会前沟通书记与校长尚未都表示同意，请继续沟通');
  if (f.cadre) {
    if (f.deliberation == null) reasons.push('干部事项须先在规定范围内酝酿，请记录酝酿情况');
    else if (f.deliberation !== 'agreed') reasons.push('最近一次酝酿未取得一致意见，请重新酝酿');
  }
  return reasons;
}

/**
 * The state a recorded consultation or 酝酿 leaves the item in (consultations.record).
 * `partyGate`: the item goes to the 党组织会议, so R4 must hold for it to be ready; other items
 * (R5: the 书记's opinion for the 校长办公会) are ready once recorded without a 不同意.
 */
export function stateAfterConsultation(f: GateFacts, partyGate: boolean): Extract<ItemState, 'ready' | 'postponed' | 'consultation'> {
  if (f.consultation === 'disagreed' || (f.cadre && f.deliberation === 'disagreed')) return 'postponed';
  if (!partyGate) return f.consultation == null && !f.cadre ? 'consultation' : 'ready';
  return consultationGate(f).length === 0 ? 'ready' : 'consultation';
}

/**
 * Where items.submit sends a draft: to 会前沟通 when R4 (党组织会议 matters, cadre matters) or
 * R5 (三重一大 or 重要 items) needs a consultation on record, else straight to 待上会.
 */
export function needsConsultation(args: { routingBody: string; major: boolean; important: boolean; cadre: boolean }): boolean {
  return args.routingBody === 'party_committee' || args.major || args.important || args.cadre;
}

/** States from which consultations.record moves an item (others keep their state). */
export const CONSULTABLE_STATES: readonly ItemState[] = ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed'];

/**
 * R5: before the 校长办公会 decides (or studies) an important item (三重一大 or 重要), the
 * 书记's opinion is on record: a 会前沟通 stance by whoever held 书记 on that date.
 */
export function secretaryOpinionMissing(args: { important: boolean; major: boolean; secretaryStated: boolean }): boolean {
  return (args.important || args.major) && !args.secretaryStated;
}
