// The scheduling gate: may this item go on this meeting's agenda? meetings.addItem calls it
// inside its transaction. It refuses (throws) for the block rules R1, R2, R3 (临时动议), R4, R5
// and returns the warn-level hits (R1 notice, R3 lead times) for the caller to keep on the entry.
import { eq } from 'drizzle-orm';
import { conflict, refuse } from '../errors';
import { localDate, today, type Ledger, type ReadLedger } from '../ledger';
import { getBody, getMatter, getOrganization, getPerson, holdersOf, ruleSettings } from '../organization/queries';
import { adHocRefusal, leadTimeWarnings, type AdHoc } from '../rules/agenda';
import { consultationGate, secretaryOpinionMissing } from '../rules/consultation';
import { checkRouting, routeItem, type EntryPurpose, type ItemRouting } from '../rules/routing';
import { mustEscalate } from '../rules/group';
import { agendaItems } from '../schema';
import { ITEM_STATE_LABELS } from '../terms';
import type { RuleWarning } from '../terms';

import { getItem, latestOutcomes, secretaryStated, studiedByPrincipalOffice, submittedOn, thresholdRows } from './queries';

export interface GateInput {
  itemId: number;
  bodyId: number;
  /** Meeting start, ISO local date-time (2026-03-25T14:30). */
  meetingStartsAt: string;
  hostId: number;
  adHoc?: AdHoc | undefined;
}

export interface EntryPlan {
  /** study (校长办公会 前置研究), decide, or report (execution / emergency reports). */
  purpose: EntryPurpose;
  warnings: RuleWarning[];
  /** R1/R2 routing on the meeting date (what a decision's rule snapshot records). */
  routing: ItemRouting;
}

/** The gate, as the contract other domains rely on: refusals thrown, warnings returned. */
export function scheduleGate(ledger: Ledger, input: GateInput): RuleWarning[] {
  return planEntry(ledger, input).warnings;
}

/**
 * The gate plus what the entry is for, and stores the routing on the meeting date (R2: the
 * threshold in force on that date applies) if it changed.
 */
export function planEntry(ledger: Ledger, input: GateInput): EntryPlan {
  const plan = checkEntry(ledger, input);
  const item = getItem(ledger, input.itemId);
  if (JSON.stringify(plan.routing) !== JSON.stringify(item.routing)) {
    ledger.db.update(agendaItems).set({ routing: plan.routing }).where(eq(agendaItems.id, item.id)).run();
  }
  return plan;
}

/**
 * R1/R2 again when a meeting moves to another date (改期): the threshold in force on the new date
 * may route an item elsewhere. Refuses (naming the meeting's time, the field that changed) or
 * stores the routing of the new date.
 */
export function rerouteEntry(ledger: Ledger, entry: { itemId: number; purpose: string }, bodyId: number, meetingStartsAt: string): void {
  const item = getItem(ledger, entry.itemId);
  const body = getBody(ledger, bodyId);
  const matter = getMatter(ledger, item.matterId);
  const routing = routeItem(matter, item.amount, thresholdRows(ledger, item.orgId), localDate(new Date(meetingStartsAt)));
  const isReport = item.kind === 'execution_report' || item.kind === 'emergency_report';
  const check = checkRouting({ bodyKind: body.kind, matter, routing, isReport, studied: studiedByPrincipalOffice(ledger, item.id) });
  if (!check.ok) refuse(check.rule, `改到新日期后，议题「${item.title}」：${check.message}`, 'startsAt');
  if (check.purpose !== entry.purpose) {
    conflict(`改到新日期后，议题「${item.title}」适用的金额标准不同，在本次会议上的议程性质随之改变；请先将其移出议程，改期后再重新列入。`, 'startsAt');
  }
  if (JSON.stringify(routing) !== JSON.stringify(item.routing)) {
    ledger.db.update(agendaItems).set({ routing }).where(eq(agendaItems.id, item.id)).run();
  }
}

/** The gate as a read (items.checkAgenda previews it): refusals thrown, nothing stored. */
export function checkEntry(ledger: ReadLedger, input: GateInput): EntryPlan {
  const item = getItem(ledger, input.itemId);
  const body = getBody(ledger, input.bodyId);
  if (body.orgId !== item.orgId) conflict('议题与会议不属于同一学校，请刷新后重试。', 'itemId');
  getPerson(ledger, input.hostId, 'hostId');
  const matter = getMatter(ledger, item.matterId);
  const meetingDate = localDate(new Date(input.meetingStartsAt));
  const warnings: RuleWarning[] = [];

  // R3 (block): 临时动议 only when urgent and accepted by the host.
  const adHocProblem = adHocRefusal({ today: today(ledger), meetingDate, adHoc: input.adHoc });
  if (adHocProblem) refuse('R3', adHocProblem, 'adHoc');

  // R4: 暂缓上会 needs a new consultation, whatever the body.
  if (item.state === 'postponed') {
    refuse('R4', `议题「${item.title}」已暂缓上会，须重新进行会前沟通并取得一致后才能列入议程`, 'itemId');
  }

  // R1/R2: routing on the meeting date.
  const routing = routeItem(matter, item.amount, thresholdRows(ledger, item.orgId), meetingDate);
  const isReport = item.kind === 'execution_report' || item.kind === 'emergency_report';
  const check = checkRouting({
    bodyKind: body.kind,
    matter,
    routing,
    isReport,
    studied: studiedByPrincipalOffice(ledger, item.id),
  });
  if (!check.ok) refuse(check.rule, check.message, 'itemId');
  if (check.warning) warnings.push({ rule: 'R1', message: check.warning });
  // R2 (集团): a campus's 三重一大 item is decided by the 集团党委; the campus may study it first.
  if (body.kind === 'party_committee' && !isReport && mustEscalate(getOrganization(ledger, item.orgId), routing)) {
    refuse('R2', `议题「${item.title}」属于三重一大事项，应上报集团党委决定，校区党组织会议不作决定。请在议题详情中选择“上报集团”。`, 'itemId');
  }

  // R4: the consultation gate of the 党组织会议 (reports are heard, not decided).
  if (body.kind === 'party_committee' && !isReport) {
    const reasons = consultationGate({ ...latestOutcomes(ledger, item.id), cadre: matter.cadre });
    if (reasons.length) refuse('R4', `议题「${item.title}」不能列入党组织会议议程：${reasons.join('；')}`, 'itemId');
  }
  // R5: the 书记's opinion before the 校长办公会 decides (or studies) an important item.
  if (body.kind === 'principal_office' && !isReport) {
    const stated = secretaryStated(ledger, item.id, (date) => holdersOf(ledger, item.orgId, '书记', date));
    if (secretaryOpinionMissing({ important: item.important, major: routing.major, secretaryStated: stated })) {
      refuse('R5', `议题「${item.title}」属于${routing.major ? '三重一大' : '重要'}事项，校长办公会议研究前须先听取并记录书记的意见`, 'itemId');
    }
  }

  if (item.state !== 'ready') {
    conflict(`议题「${item.title}」当前为「${ITEM_STATE_LABELS[item.state]}」，须为「待上会」才能列入议程。`, 'itemId');
  }

  // R3 (warn): lead times; a 临时动议 is by nature late, its reason is recorded instead.
  if (!input.adHoc) {
    const s = ruleSettings(ledger, item.orgId);
    warnings.push(
      ...leadTimeWarnings({
        meetingDate,
        submittedOn: submittedOn(ledger, item.id),
        materialsReadyOn: item.materialsReadyAt,
        submitLeadDays: s.submitLeadDays,
        materialsLeadDays: s.materialsLeadDays,
      }),
    );
  }
  return { purpose: check.purpose, warnings, routing };
}
