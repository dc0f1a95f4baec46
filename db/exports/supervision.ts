// 督办通知单 / 催办单 from the ledger: the follow-up, the decision and meeting it comes from, names,
// progress so far, and the body's issuing office (db/organization/names.ts papersOf).
import { conflict } from '../errors';
import { localDate, today, type ReadLedger } from '../ledger';
import type { SupervisionDoc } from '../documents/model';
import { decisionContext, getFollowUp, progressOf } from '../followups/queries';
import { getOrganization, getPerson } from '../organization/queries';
import { papersOf } from '../organization/names';
import type { BodyKind } from '../terms';

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const plus = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Days a department has to report back on a 催办单. */
export const REPLY_DAYS = 3;

export function supervisionDocOf(ledger: ReadLedger, followUpId: number): SupervisionDoc {
  const fu = getFollowUp(ledger, followUpId);
  if (fu.state === 'done') conflict(`督办事项「${fu.task}」已经办结，不需要督办通知单。`, 'followUpId');
  const ctx = decisionContext(ledger, fu.decisionId);
  const org = getOrganization(ledger, ctx.orgId);
  const on = today(ledger);
  const overdueDays = Math.max(0, days(fu.deadline, on));
  return {
    kind: 'supervision',
    title: overdueDays > 0 ? '催办单' : '督办通知单',
    orgName: org.name,
    issuer: papersOf(ledger, org.id, { kind: ctx.bodyKind as BodyKind, name: ctx.bodyName }).issuer,
    meetingLabel: ctx.meetingLabel,
    decidedOn: ctx.decidedOn,
    decisionNumber: ctx.decision.number,
    decisionText: ctx.decision.text,
    task: fu.task,
    ownerDept: fu.ownerDept,
    ownerName: fu.ownerId ? getPerson(ledger, fu.ownerId).name : null,
    leaderName: fu.leaderId ? getPerson(ledger, fu.leaderId).name : null,
    deadline: fu.deadline,
    overdueDays,
    progress: progressOf(ledger, [fu.id]).map((p) => ({ at: localDate(new Date(p.at)), kind: p.kind === 'supervision' ? '督办' : '进展', text: p.text })),
    issuedOn: on,
    replyBy: overdueDays > 0 || fu.deadline < on ? plus(on, REPLY_DAYS) : fu.deadline,
  };
}
