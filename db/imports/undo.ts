// 撤销导入: an import taken back as a whole, until the next meeting is signed. Afterwards the
// imported history is part of the ledger a signed record stands on, so the undo is refused.
// Exactly the rows the import wrote are removed (imported_records lists them, with the items'
// transitions and the rule warnings the import made); anything done to them since (a progress report, an evaluation,
// minutes, a later change of state) refuses the undo instead of being removed with them. The
// import's row stays, marked undone; the audit chain records the import and its undo.
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cnDate, cnDateTime } from '../calendar';
import { conflict, notFound } from '../errors';
import { nowIso, type Ledger, type ReadLedger } from '../ledger';
import { agendaEntries, agendaItems, amendments, bodies, decisions, followUps, importedRecords, imports, itemTransitions, meetings, minutes, ruleWarnings } from '../schema';
import { meetingTitle } from '../terms';
import type { importsContract } from './contract';

type In = z.output<(typeof importsContract)['imports.undo']['input']>;
type ImportRow = typeof imports.$inferSelect;

const IN_USE = '导入的记录已有后续办理（如进展报告、评价、会议纪要或执行情况报告），不能整体撤销；请逐条更正。';
const BEFORE_UNDO = '这次导入是在程序能够撤销导入之前做的，程序没有记下它写入的全部记录，不能整体撤销；如有错误请逐条更正。';

/** Why this import can no longer be undone, or null while it can (what imports.list shows). */
export function undoRefusal(ledger: ReadLedger, imp: ImportRow): string | null {
  if (imp.undoneAt) return `「${imp.fileName}」的导入已于${cnDateTime(imp.undoneAt)}由${imp.undoneBy}撤销，不需要再撤销。`;
  // The next meeting signed after the import (imported meetings are never signed).
  const signed = ledger.db
    .select({ year: meetings.year, seq: meetings.seq, body: bodies.name, signedAt: minutes.signedAt })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(bodies.orgId, imp.orgId), eq(minutes.state, 'signed'), gt(minutes.signedAt, imp.at)))
    .orderBy(minutes.signedAt)
    .get();
  if (signed) {
    return `导入「${imp.fileName}」之后，${meetingTitle(signed.year, signed.seq, signed.body)}的纪要已于${cnDate(signed.signedAt!.slice(0, 10))}签发，导入的记录已成为台账的一部分，不能再整体撤销；如有错误请逐条更正。`;
  }
  // An imported item's transitions are the import's own (marked); another is a change made since.
  const mine = (kind: string) => ledger.db.select({ id: importedRecords.refId }).from(importedRecords).where(and(eq(importedRecords.importId, imp.id), eq(importedRecords.kind, kind))).all().map((r) => r.id);
  const items = mine('item');
  const ownTransitions = mine('transition');
  // Every imported item gets its transitions at the import; an import that noted none was made
  // before undo existed (migration 0019), so what it wrote cannot be told apart: not "in use".
  if (items.length > 0 && ownTransitions.length === 0) return BEFORE_UNDO;
  const transitions = ledger.db.select({ n: sql<number>`count(*)` }).from(itemTransitions).where(inArray(itemTransitions.itemId, items)).get()!.n;
  if (transitions > ownTransitions.length) return IN_USE;
  // Warnings raised and corrections kept on imported records since the import are acts on them too.
  if (importWarnings(ledger, imp.id).length > mine('warning').length || subjectRows(ledger, amendments, imp.id).length > 0) return IN_USE;
  return null;
}

/** The kinds of record an import writes, as rule warnings and corrections name their subjects. */
const SUBJECTS = ['meeting', 'item', 'entry', 'decision', 'follow_up'] as const;

function subjectRows(ledger: ReadLedger, table: typeof ruleWarnings | typeof amendments, importId: number) {
  return ledger.db
    .select({ id: table.id })
    .from(table)
    .innerJoin(importedRecords, and(eq(importedRecords.kind, table.subjectType), eq(importedRecords.refId, table.subjectId)))
    .where(and(eq(importedRecords.importId, importId), inArray(table.subjectType, [...SUBJECTS])))
    .all();
}

/** The rule warnings on the records an import wrote. */
export const importWarnings = (ledger: ReadLedger, importId: number) => subjectRows(ledger, ruleWarnings, importId);

export function undoImport(ledger: Ledger, input: In) {
  const imp = ledger.db.select().from(imports).where(eq(imports.id, input.importId)).get() ?? notFound('导入记录', input.importId, 'importId');
  const refusal = undoRefusal(ledger, imp);
  if (refusal) conflict(refusal, 'importId');
  const records = ledger.db.select().from(importedRecords).where(eq(importedRecords.importId, imp.id)).all();
  const ids = (kind: string) => records.filter((r) => r.kind === kind).map((r) => r.refId);
  const items = ids('item');
  try {
    // Children first; an empty list deletes nothing.
    ledger.db.delete(ruleWarnings).where(inArray(ruleWarnings.id, ids('warning'))).run();
    ledger.db.delete(followUps).where(inArray(followUps.id, ids('follow_up'))).run();
    ledger.db.delete(decisions).where(inArray(decisions.id, ids('decision'))).run();
    ledger.db.delete(agendaEntries).where(inArray(agendaEntries.id, ids('entry'))).run();
    ledger.db.delete(itemTransitions).where(inArray(itemTransitions.id, ids('transition'))).run();
    ledger.db.delete(agendaItems).where(inArray(agendaItems.id, items)).run();
    ledger.db.delete(meetings).where(inArray(meetings.id, ids('meeting'))).run();
  } catch (e) {
    // A row written since refers to an imported one (foreign keys are on): say so; the
    // transaction rolls back whatever was removed above.
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') conflict(IN_USE, 'importId');
    throw e;
  }
  ledger.db.delete(importedRecords).where(eq(importedRecords.importId, imp.id)).run();
  ledger.db.update(imports).set({ undoneAt: nowIso(ledger), undoneBy: ledger.operator }).where(and(eq(imports.id, imp.id), isNull(imports.undoneAt))).run();
  return { importId: imp.id, fileName: imp.fileName, meetings: imp.meetings, decisions: imp.decisions, followUps: imp.followUps };
}

/** An organisation's imports, newest first, each with its undo refusal (null: may be undone). */
export function listImports(ledger: ReadLedger, orgId: number) {
  return ledger.db
    .select()
    .from(imports)
    .where(eq(imports.orgId, orgId))
    .orderBy(desc(imports.id))
    .all()
    .map((imp) => ({
      id: imp.id,
      fileName: imp.fileName,
      /** As the secretary calls it: without the .xlsx. */
      name: imp.fileName.replace(/\.xlsx$/i, ''),
      at: cnDateTime(imp.at),
      operator: imp.operator,
      rows: imp.rows,
      meetings: imp.meetings,
      decisions: imp.decisions,
      followUps: imp.followUps,
      undone: imp.undoneAt ? `已于${cnDateTime(imp.undoneAt)}由${imp.undoneBy}撤销` : null,
      undoRefusal: imp.undoneAt ? null : undoRefusal(ledger, imp),
    }));
}
