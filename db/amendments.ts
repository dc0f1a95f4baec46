// 更正记录: every correction of a record not yet locked keeps what it was before and after,
// who, when and why (the amendments table, append-only). Commands call keepAmendment in their
// own transaction; screens show amendmentsOf beside the record.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { nowIso, type Ledger, type ReadLedger } from './ledger';
import { amendments, persons } from './schema';
import { AMENDMENT_ACTIONS, type AmendmentAction } from './terms';

export type AmendmentSubject = 'item' | 'meeting' | 'entry' | 'person' | 'membership' | 'follow_up';

export interface Amendment {
  orgId: number;
  subjectType: AmendmentSubject;
  subjectId: number;
  action: AmendmentAction;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  approvedBy?: number | null;
}

export function keepAmendment(ledger: Ledger, a: Amendment): void {
  ledger.db
    .insert(amendments)
    .values({
      orgId: a.orgId,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      action: a.action,
      before: a.before ?? null,
      after: a.after ?? null,
      reason: a.reason ?? null,
      approvedBy: a.approvedBy ?? null,
      at: nowIso(ledger),
      operator: ledger.operator,
    })
    .run();
}

/** The corrections of some records, oldest first, with the action's label and the approver's name. */
export function amendmentsOf(ledger: ReadLedger, subjectType: AmendmentSubject, subjectIds: number | number[]) {
  const ids = Array.isArray(subjectIds) ? subjectIds : [subjectIds];
  if (ids.length === 0) return [];
  return ledger.db
    .select({
      id: amendments.id,
      subjectId: amendments.subjectId,
      action: amendments.action,
      before: amendments.before,
      after: amendments.after,
      reason: amendments.reason,
      approvedBy: persons.name,
      at: amendments.at,
      operator: amendments.operator,
    })
    .from(amendments)
    .leftJoin(persons, eq(persons.id, amendments.approvedBy))
    .where(and(eq(amendments.subjectType, subjectType), inArray(amendments.subjectId, ids)))
    .orderBy(asc(amendments.id))
    .all()
    .map((r) => ({ ...r, actionLabel: AMENDMENT_ACTIONS[r.action as AmendmentAction] ?? r.action }));
}

/** The fields whose value changes, with their values before and after; `fields` is empty when nothing does. */
export function changes<T extends Record<string, unknown>>(current: T, next: Partial<T>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    const value = next[key];
    if (value === undefined) continue;
    if (JSON.stringify(current[key] ?? null) === JSON.stringify(value ?? null)) continue;
    before[key] = current[key] ?? null;
    after[key] = value ?? null;
  }
  return { fields: Object.keys(after), before, after };
}
