// R2 threshold table: one row per category and effective date; earlier rows still apply to earlier dates.
import { cnDate } from '../calendar';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict } from '../errors';
import { today, type Ledger, type ReadLedger } from '../ledger';
import { thresholdOn } from '../rules/routing';
import { thresholds } from '../schema';
import { MAJOR_CATEGORIES } from '../terms';
import type { organizationContract } from './contract';
import { getOrganization } from './queries';

type In<K extends keyof typeof organizationContract> = z.output<(typeof organizationContract)[K]['input']>;

export function listThresholds(ledger: ReadLedger, input: In<'thresholds.list'>) {
  getOrganization(ledger, input.orgId);
  const date = input.date ?? today(ledger);
  const rows = ledger.db
    .select()
    .from(thresholds)
    .where(eq(thresholds.orgId, input.orgId))
    .orderBy(asc(thresholds.category), asc(thresholds.effectiveFrom))
    .all();
  return {
    date,
    rows,
    /** R2: the amount in force on `date`, per category. */
    inForce: MAJOR_CATEGORIES.map((category) => ({ category, amount: thresholdOn(rows, category, date) })),
  };
}

export function addThreshold(ledger: Ledger, input: In<'thresholds.add'>) {
  getOrganization(ledger, input.orgId);
  const same = ledger.db
    .select()
    .from(thresholds)
    .where(and(eq(thresholds.orgId, input.orgId), eq(thresholds.category, input.category), eq(thresholds.effectiveFrom, input.effectiveFrom)))
    .get();
  if (same) conflict(`${input.category}在${cnDate(input.effectiveFrom)}已有执行标准（${same.amount}元），请换一个执行日期。`, 'effectiveFrom');
  return ledger.db.insert(thresholds).values(input).returning().get();
}
