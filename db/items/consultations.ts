// 会前沟通 and 酝酿 (R4, R5): who took part in which post, each stance, the outcome, and the state
// the item moves to. The outcome and the gate are pure rules (db/rules/consultation.ts).
import type { z } from 'zod';
import { cnDate } from '../calendar';
import { conflict, invalid, notFound, refuse } from '../errors';
import { nowIso, today, type Ledger, type ReadLedger } from '../ledger';
import { getMatter, getPerson, ledgerSince, postsOn, servesOrg } from '../organization/queries';
import { beforeSinceRefusal } from '../rules/dates';
import {
  CONSULTABLE_STATES,
  consultationOutcome,
  deliberationOutcome,
  outsideCircle,
  stateAfterConsultation,
  type PostHolders,
} from '../rules/consultation';
import { consultations, consultationStances } from '../schema';
import { CONSULTATION_OUTCOME_LABELS, ITEM_STATE_LABELS, isLeadershipPost } from '../terms';
import type { RecordConsultation } from './contract';
import { moveItem } from './lifecycle';
import { getItem, latestOutcomes } from './queries';

/** Who held which post on a date, in the shape the R4/R5 rules take. */
function holdersOn(ledger: ReadLedger, orgId: number, date: string): PostHolders & { postsOf: (id: number) => string[] } {
  const held = postsOn(ledger, orgId, date);
  const leadership = held.filter((h) => isLeadershipPost(h.post));
  return {
    secretaryIds: held.filter((h) => h.post === '书记').map((h) => h.personId),
    principalIds: held.filter((h) => h.post === '校长').map((h) => h.personId),
    leadershipIds: [...new Set(leadership.map((h) => h.personId))],
    postsOf: (id) => held.filter((h) => h.personId === id).map((h) => h.post),
  };
}

export function recordConsultation(ledger: Ledger, input: z.output<typeof RecordConsultation>) {
  const item = getItem(ledger, input.itemId);
  if (!CONSULTABLE_STATES.includes(item.state)) {
    conflict(`议题「${item.title}」当前为「${ITEM_STATE_LABELS[item.state]}」，不能再记录会前沟通。`);
  }
  if (input.date > today(ledger)) invalid('「沟通日期」不能晚于今天', 'date');
  const early = beforeSinceRefusal('沟通日期', input.date, ledgerSince(ledger, item.orgId));
  if (early) invalid(early, 'date');
  const seen = new Set<number>();
  input.stances.forEach((s, i) => {
    if (seen.has(s.personId)) invalid('同一人在一次沟通中只能记录一次意见', `stances.${i}.personId`);
    seen.add(s.personId);
    const p = getPerson(ledger, s.personId, `stances.${i}.personId`);
    if (!servesOrg(ledger, p, item.orgId)) notFound('参与人', s.personId, `stances.${i}.personId`);
  });
  const holders = holdersOn(ledger, item.orgId, input.date);
  // R4: 沟通 and 酝酿 happen within the leadership, each person speaking in a post held that day.
  const outsiders = outsideCircle(input.stances, holders);
  if (outsiders.length) {
    const names = outsiders.map((id) => getPerson(ledger, id).name).join('、');
    refuse('R4', `${names}在${cnDate(input.date)}不是学校领导班子成员，不能作为会前沟通或酝酿的参与人`, 'stances');
  }
  input.stances.forEach((s, i) => {
    if (!holders.postsOf(s.personId).includes(s.role)) {
      const name = getPerson(ledger, s.personId).name;
      refuse('R4', `${name}在${cnDate(input.date)}未担任「${s.role}」，请按其实际职务记录身份`, `stances.${i}.role`);
    }
  });
  const result =
    input.kind === 'deliberation'
      ? deliberationOutcome(input.stances, holders)
      : consultationOutcome(input.stances, holders, item.leaderId);
  const row = ledger.db
    .insert(consultations)
    .values({
      itemId: item.id,
      kind: input.kind,
      date: input.date,
      form: input.form,
      outcome: result.outcome,
      note: input.note,
      createdAt: nowIso(ledger),
      createdBy: ledger.operator,
    })
    .returning()
    .get();
  for (const s of input.stances) {
    ledger.db.insert(consultationStances).values({ consultationId: row.id, personId: s.personId, role: s.role, stance: s.stance, note: s.note }).run();
  }
  const matter = getMatter(ledger, item.matterId);
  const facts = { ...latestOutcomes(ledger, item.id), cadre: matter.cadre };
  const to = stateAfterConsultation(facts, item.routing.body === 'party_committee');
  const kindLabel = input.kind === 'deliberation' ? '酝酿' : '会前沟通';
  moveItem(ledger, item.id, to, `${kindLabel}：${CONSULTATION_OUTCOME_LABELS[result.outcome]}`);
  const state = getItem(ledger, item.id).state;
  return {
    consultationId: row.id,
    outcome: result.outcome,
    outcomeLabel: CONSULTATION_OUTCOME_LABELS[result.outcome],
    missing: result.missing,
    state,
    stateLabel: ITEM_STATE_LABELS[state],
  };
}
