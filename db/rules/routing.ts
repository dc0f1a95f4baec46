// R1 routing and R2 三重一大: which body decides an item, and whether it is 三重一大.
// Pure: the caller passes the Matter, the amount and the threshold table; nothing is read here.
import { cnDate } from '../calendar';
import { RULE_VERSION, type BodyKind, type MajorCategory } from '../terms';

export interface RoutingMatter {
  name: string;
  decidingBody: string;
  preStudy: boolean;
  majorCategory: string | null;
}

export interface ThresholdRow {
  category: string;
  amount: number;
  effectiveFrom: string;
}

/** What is stored in agenda_items.routing (and copied into a decision's rule snapshot). */
export interface ItemRouting {
  body: string;
  major: boolean;
  reason: string;
  threshold: number | null;
  ruleVersion: string;
}

/** Effective date of the thresholds seeded at set-up: shown as 初始设置, not as a date. */
export const INITIAL_THRESHOLD_DATE = '2000-01-01';

const standardLabel = (row: ThresholdRow) =>
  row.effectiveFrom <= INITIAL_THRESHOLD_DATE ? '初始设置的标准' : `${cnDate(row.effectiveFrom)}起执行的标准`;

/** The category an amount is measured against when the Matter itself is not 三重一大. */
export const AMOUNT_CATEGORY: MajorCategory = '大额资金使用';

/** R2: the threshold row in force on `date` for a category: the latest effectiveFrom ≤ date. */
export function thresholdRowOn(rows: readonly ThresholdRow[], category: string, date: string): ThresholdRow | null {
  let best: ThresholdRow | null = null;
  for (const r of rows) {
    if (r.category !== category || r.effectiveFrom > date) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}

export function thresholdOn(rows: readonly ThresholdRow[], category: string, date: string): number | null {
  return thresholdRowOn(rows, category, date)?.amount ?? null;
}

const yuan = (n: number) => `${n.toLocaleString('en-US')}元`;

/**
 * R1 + R2: route an item. A Matter that is itself 三重一大, or an amount at or above the
 * threshold in force on `date`, makes the item 三重一大, decided only by the 党组织会议.
 */
export function routeItem(matter: RoutingMatter, amount: number | null | undefined, thresholds: readonly ThresholdRow[], date: string): ItemRouting {
  const category = matter.majorCategory ?? AMOUNT_CATEGORY;
  const inForce = thresholdRowOn(thresholds, category, date);
  const threshold = inForce?.amount ?? null;
  if (matter.majorCategory) {
    return {
      body: 'party_committee',
      major: true,
      reason: `事项「${matter.name}」属于三重一大（${matter.majorCategory}），由党组织会议集体决定`,
      threshold,
      ruleVersion: RULE_VERSION,
    };
  }
  // R2: "at or above" the threshold, so an amount exactly at it is 三重一大.
  if (amount != null && inForce && amount >= inForce.amount) {
    return {
      body: 'party_committee',
      major: true,
      reason: `金额${yuan(amount)}达到${category}标准${yuan(inForce.amount)}（${standardLabel(inForce)}），属于三重一大，由党组织会议集体决定`,
      threshold,
      ruleVersion: RULE_VERSION,
    };
  }
  const body = matter.decidingBody;
  return {
    body,
    major: false,
    reason: `按议事清单「${matter.name}」由${body === 'party_committee' ? '党组织会议' : '校长办公会议'}决定`,
    threshold: amount != null ? threshold : null,
    ruleVersion: RULE_VERSION,
  };
}

export type EntryPurpose = 'study' | 'decide' | 'report';

export type RoutingCheck =
  | { ok: true; purpose: EntryPurpose; warning?: string }
  | { ok: false; rule: 'R1' | 'R2'; message: string };

/**
 * R1/R2 at scheduling: may this item go on an agenda of this kind of body, and for what?
 * - the 校长办公会 never decides a 党组织会议 matter (R1) nor a 三重一大 item (R2); it may only
 *   study one first (前置研究), once;
 * - a 前置研究 matter reaches the 党组织会议 only after the 校长办公会 recorded a 研究意见 (R1).
 */
export function checkRouting(args: {
  bodyKind: BodyKind;
  matter: RoutingMatter;
  routing: ItemRouting;
  /** execution reports and emergency reports are heard, not decided */
  isReport: boolean;
  /** a 校长办公会 study entry with a 研究意见 exists for this item */
  studied: boolean;
}): RoutingCheck {
  const { bodyKind, matter, routing, isReport, studied } = args;
  if (isReport) return { ok: true, purpose: 'report' };
  const partyMatter = routing.body === 'party_committee';
  if (bodyKind === 'principal_office') {
    if (!partyMatter) return { ok: true, purpose: 'decide' };
    // A matter of the 校长办公会 that became 三重一大 by its amount is studied there first as well.
    const mayStudy = matter.preStudy || (routing.major && matter.decidingBody === 'principal_office');
    if (mayStudy && !studied) return { ok: true, purpose: 'study' };
    if (mayStudy && studied) {
      return { ok: false, rule: 'R1', message: '该议题已经校长办公会议研究并提出研究意见，请提交党组织会议决定' };
    }
    return routing.major
      ? { ok: false, rule: 'R2', message: `${routing.reason}，校长办公会议不能决定` }
      : { ok: false, rule: 'R1', message: `事项「${matter.name}」由党组织会议决定，校长办公会议不能决定` };
  }
  if (bodyKind === 'party_committee') {
    if (matter.preStudy && !studied) {
      return {
        ok: false,
        rule: 'R1',
        message: `事项「${matter.name}」须先经校长办公会议研究并形成研究意见，才能提交党组织会议`,
      };
    }
    if (!partyMatter) {
      return { ok: true, purpose: 'decide', warning: `事项「${matter.name}」按议事清单属校长办公会议决定事项，现提交党组织会议` };
    }
    return { ok: true, purpose: 'decide' };
  }
  // 支委会 / 党员大会: party business only (e.g. 党员发展与处分 through the 支部党员大会).
  if (matter.decidingBody === 'principal_office') {
    return { ok: false, rule: 'R1', message: `事项「${matter.name}」属校长办公会议决定事项，不能提交支部会议` };
  }
  return { ok: true, purpose: 'decide' };
}
