// Warn-level rules: the command goes through and the warning is kept on the record,
// to be shown in the minutes and on the dashboard.
import { and, eq, sql } from 'drizzle-orm';
import { nowIso, prepared, type Ledger, type ReadLedger } from './ledger';
import { ruleWarnings } from './schema';
import type { RuleWarning } from './terms';

export type { RuleWarning };

export type WarningSubject = 'item' | 'entry' | 'meeting' | 'decision' | 'follow_up' | 'emergency';

export function keepWarnings(ledger: Ledger, orgId: number, subjectType: WarningSubject, subjectId: number, warnings: RuleWarning[]): void {
  for (const w of warnings) {
    ledger.db
      .insert(ruleWarnings)
      .values({ orgId, rule: w.rule, subjectType, subjectId, message: w.message, at: nowIso(ledger) })
      .run();
  }
}

export function warningsOf(ledger: ReadLedger, subjectType: WarningSubject, subjectId: number): RuleWarning[] {
  // Once per entry of every meeting view: prepared once per connection.
  return prepared(ledger, 'warnings.of', () =>
    ledger.db
      .select({ rule: ruleWarnings.rule, message: ruleWarnings.message })
      .from(ruleWarnings)
      .where(and(eq(ruleWarnings.subjectType, sql.placeholder('subjectType')), eq(ruleWarnings.subjectId, sql.placeholder('subjectId'))))
      .prepare(),
  ).all({ subjectType, subjectId });
}
