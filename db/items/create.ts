// Filing a new agenda item. Exported so that other domains (corrections from the loop,
// 临时处置 reports from meetings) file items the same way as the items.create channel.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, invalid, LedgerError, notFound, refuse } from '../errors';
import { nowIso, today, type Ledger, type ReadLedger } from '../ledger';
import { getMatter, getOrganization, getPerson, ledgerSince, postsOn, servesOrg } from '../organization/queries';
import { beforeSinceRefusal } from '../rules/dates';
import { mayPropose } from '../rules/leadership';
import { routeItem } from '../rules/routing';
import { agendaItems, decisions } from '../schema';
import type { ItemKind } from '../terms';
import type { CreateItem } from './contract';
import { recordCreation } from './lifecycle';
import { thresholdRows } from './queries';

export type CreateItemInput = Omit<z.output<typeof CreateItem>, 'kind'> & {
  kind?: ItemKind;
  emergencyActionId?: number;
};

/** R3 (block): the proposer holds a leadership post today. */
export function checkProposer(ledger: ReadLedger, orgId: number, proposerId: number): void {
  const person = getPerson(ledger, proposerId, 'proposerId');
  if (!servesOrg(ledger, person, orgId)) notFound('提出人', proposerId, 'proposerId');
  const held = postsOn(ledger, orgId, today(ledger)).filter((p) => p.personId === proposerId).map((p) => p.post);
  if (!mayPropose(held)) {
    refuse('R3', `${person.name}不是学校领导班子成员，议题须由书记、副书记、校长、副校长或委员提出`, 'proposerId');
  }
}

export function checkLeader(ledger: ReadLedger, orgId: number, leaderId: number): void {
  const person = getPerson(ledger, leaderId, 'leaderId');
  if (!servesOrg(ledger, person, orgId)) notFound('分管领导', leaderId, 'leaderId');
  const held = postsOn(ledger, orgId, today(ledger)).filter((p) => p.personId === leaderId).map((p) => p.post);
  if (!mayPropose(held)) conflict(`${person.name}不是学校领导班子成员，不能作为分管领导。`, 'leaderId');
}

/** The materials date cannot be before the school's first date in the ledger (a mistyped year). */
export function checkMaterialsDate(ledger: ReadLedger, orgId: number, date: string | null | undefined): void {
  if (!date) return;
  const refusal = beforeSinceRefusal('材料送达日期', date, ledgerSince(ledger, orgId));
  if (refusal) invalid(refusal, 'materialsReadyAt');
}

/** R1: every item has an active Matter of its own school. */
export function checkMatter(ledger: ReadLedger, orgId: number, matterId: number) {
  const matter = getMatter(ledger, matterId);
  if (matter.orgId !== orgId) notFound('议事清单事项', matterId, 'matterId');
  if (!matter.active) refuse('R1', `议事清单事项「${matter.name}」已停用，请选择其他事项`, 'matterId');
  return matter;
}

export function createItem(ledger: Ledger, input: CreateItemInput, note = '新建议题') {
  getOrganization(ledger, input.orgId);
  const matter = checkMatter(ledger, input.orgId, input.matterId);
  checkProposer(ledger, input.orgId, input.proposerId);
  if (input.leaderId != null) checkLeader(ledger, input.orgId, input.leaderId);
  checkMaterialsDate(ledger, input.orgId, input.materialsReadyAt);
  const kind = input.kind ?? 'normal';
  if (kind === 'execution_report' || kind === 'correction') {
    if (input.decisionId == null) {
      throw new LedgerError({ code: 'invalid_input', message: '执行情况报告和修正议题须选择所涉及的决定事项', field: 'decisionId' });
    }
  }
  if (input.decisionId != null) {
    const d = ledger.db.select({ id: decisions.id }).from(decisions).where(eq(decisions.id, input.decisionId)).get();
    if (!d) notFound('决定事项', input.decisionId, 'decisionId');
  }
  // R1/R2 at filing; re-checked on the meeting date by the gate.
  const routing = routeItem(matter, input.amount, thresholdRows(ledger, input.orgId), today(ledger));
  const item = ledger.db
    .insert(agendaItems)
    .values({
      orgId: input.orgId,
      title: input.title,
      summary: input.summary,
      matterId: matter.id,
      proposerId: input.proposerId,
      leaderId: input.leaderId ?? null,
      amount: input.amount ?? null,
      kind,
      state: 'draft',
      routing,
      // R19: matters touching staff interests go to the 教代会.
      staffCongress: matter.staffCongress,
      important: input.important,
      decisionId: input.decisionId ?? null,
      emergencyActionId: input.emergencyActionId ?? null,
      materialsReadyAt: input.materialsReadyAt ?? null,
      createdAt: nowIso(ledger),
      createdBy: ledger.operator,
    })
    .returning()
    .get();
  recordCreation(ledger, item.id, 'draft', note);
  return item;
}
