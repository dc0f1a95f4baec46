// 历史台账导入, the part that writes: the checked rows of one file become past meetings, items,
// decisions and follow-ups in the one transaction dispatch gives a write. A past record cannot
// satisfy today's rules for a live meeting (attendance, quorum, statements, a vote), so it is
// written as imported history: the meeting closed, the item passed, the decision numbered within
// its meeting, and every record linked to the import (imported_records) with its sheet and row.
// Follow-ups go through createFollowUp and completeFollowUp, so their rules still apply; a row a
// rule refuses is named with the others and nothing is written.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import { cnDateTime } from '../calendar';
import { conflict, LedgerError, type FieldProblem } from '../errors';
import { nowIso, type Ledger } from '../ledger';
import { recordCreation } from '../items/lifecycle';
import { thresholdRows } from '../items/queries';
import { completeFollowUp, createFollowUp } from '../followups/commands';
import { syncDecisionLoop } from '../followups/stage';
import { nextDecisionNumber } from '../meetings/queries';
import { bodyOfKind, getOrganization, membersOn } from '../organization/queries';
import { routeItem } from '../rules/routing';
import type { ImportRecord, RowProblem } from '../rules/import';
import { agendaEntries, agendaItems, decisions, importedRecords, imports, itemTransitions, matters, meetings, persons } from '../schema';
import { importWarnings } from './undo';

export interface CommitRow {
  sheet: string;
  row: number;
  record: ImportRecord | null;
  problems: RowProblem[];
}

const where = (r: { sheet: string; row: number }) => `「${r.sheet}」第${r.row}行`;

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Per process: a preview's seal is good only in the app that read the file, until it closes. */
const PREVIEW_KEY = randomBytes(32);

/** The rows as a fixed sequence of values: key order and absent keys never change it. */
function canonicalRows(rows: readonly CommitRow[]): string {
  return JSON.stringify(
    rows.map((r) => [
      r.sheet,
      r.row,
      r.record && [r.record.meetingDate, r.record.body, r.record.item, r.record.decision, r.record.dept ?? null, r.record.owner ?? null, r.record.deadline ?? null, r.record.done],
      r.problems.map((p) => [p.column, p.message]),
    ]),
  );
}

/**
 * What imports.preview read from these bytes, sealed with a key only the core holds: the rows come
 * back from the screen with imports.commit, and only rows the core read itself from this very file
 * are written (the screen shows them and decides nothing).
 */
export function previewSeal(bytes: Buffer, rows: readonly CommitRow[]): string {
  return createHmac('sha256', PREVIEW_KEY).update(sha256Of(bytes)).update('\n').update(canonicalRows(rows)).digest('hex');
}

/** Refuse the whole file, every bad row named with its column (the first is the message). */
function refuseRows(problems: FieldProblem[]): never {
  const [first] = problems;
  throw new LedgerError({
    code: 'invalid_input',
    message: `有${problems.length}处问题，整个文件没有导入，请改正后重新导入。第一处：${first!.message}`,
    field: 'rows',
    fields: problems,
  });
}

export function commitImport(ledger: Ledger, input: { orgId: number; fileName: string; base64: string; rows: CommitRow[]; previewSeal: string }) {
  const org = getOrganization(ledger, input.orgId);
  const bytes = Buffer.from(input.base64, 'base64');
  const expected = Buffer.from(previewSeal(bytes, input.rows), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(input.previewSeal, 'hex'))) {
    conflict('要导入的内容与预览时从文件读到的不一致，没有导入。请重新选择文件，预览后再导入。', 'rows');
  }
  const sha256 = sha256Of(bytes);
  const before = ledger.db.select().from(imports).where(and(eq(imports.orgId, org.id), eq(imports.sha256, sha256), isNull(imports.undoneAt))).get();
  if (before) {
    conflict(`这个文件已于${cnDateTime(before.at)}由${before.operator}导入（${before.decisions}项决定事项），不需要再导入。`, 'fileName');
  }
  if (input.rows.length === 0) conflict('文件里没有可以导入的行，请检查是否选对了文件。', 'fileName');
  const bad: FieldProblem[] = [];
  for (const r of input.rows) {
    for (const p of r.problems) bad.push({ field: `rows.${r.sheet}.${r.row}`, message: `${where(r)}「${p.column}」：${p.message}` });
    if (!r.record && r.problems.length === 0) bad.push({ field: `rows.${r.sheet}.${r.row}`, message: `${where(r)}无法读取` });
  }
  if (bad.length > 0) refuseRows(bad);

  const at = nowIso(ledger);
  const imp = ledger.db
    .insert(imports)
    .values({ orgId: org.id, fileName: input.fileName, sha256, at, operator: ledger.operator, rows: input.rows.length, meetings: 0, decisions: 0, followUps: 0 })
    .returning()
    .get();
  const mark = (kind: string, refId: number, r: { sheet: string; row: number } | null) =>
    ledger.db.insert(importedRecords).values({ importId: imp.id, kind, refId, sheet: r?.sheet ?? null, row: r?.row ?? null }).run();

  const thresholds = thresholdRows(ledger, org.id);
  const people = ledger.db.select({ id: persons.id, name: persons.name }).from(persons).where(eq(persons.orgId, org.id)).all();
  const personNamed = (name: string | null) => (name ? people.find((p) => p.name === name)?.id : undefined);
  // One meeting per body and date, in date order (第N次 follows the dates within a year).
  const groups = new Map<string, CommitRow[]>();
  const ordered = [...input.rows].sort((a, b) => a.record!.meetingDate.localeCompare(b.record!.meetingDate));
  for (const r of ordered) {
    const key = `${r.record!.body}|${r.record!.meetingDate}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rowProblems: FieldProblem[] = [];
  let meetingCount = 0;
  let decisionCount = 0;
  let followUpCount = 0;
  for (const rows of groups.values()) {
    const { body: kind, meetingDate: date } = rows[0]!.record!;
    const body = bodyOfKind(ledger, org.id, kind);
    if (!body) {
      rowProblems.push({ field: `rows.${rows[0]!.sheet}.${rows[0]!.row}`, message: `${where(rows[0]!)}：本校还没有设置${kind === 'principal_office' ? '校长办公会议' : '党组织会议'}，请先在设置中添加` });
      continue;
    }
    const matter = ledger.db
      .select()
      .from(matters)
      .where(and(eq(matters.orgId, org.id), eq(matters.decidingBody, kind), eq(matters.active, true)))
      .orderBy(asc(matters.id))
      .get();
    const members = membersOn(ledger, body.id, date);
    const chair = members[0]?.personId ?? people[0]?.id;
    if (!matter || chair === undefined) {
      rowProblems.push({ field: `rows.${rows[0]!.sheet}.${rows[0]!.row}`, message: `${where(rows[0]!)}：本校的议事清单或${body.name}成员还没有设置，请先在设置中添加` });
      continue;
    }
    const year = Number(date.slice(0, 4));
    const seq = (ledger.db.select({ seq: max(meetings.seq) }).from(meetings).where(and(eq(meetings.bodyId, body.id), eq(meetings.year, year))).get()?.seq ?? 0) + 1;
    const meeting = ledger.db
      .insert(meetings)
      .values({ bodyId: body.id, year, seq, startsAt: `${date}T09:00`, place: '原台账未记载', hostId: chair, recorderId: chair, state: 'closed', createdAt: at })
      .returning()
      .get();
    mark('meeting', meeting.id, rows[0]!);
    meetingCount += 1;
    rows.forEach((r, i) => {
      const rec = r.record!;
      const routing = routeItem(matter, null, thresholds, date);
      const item = ledger.db
        .insert(agendaItems)
        .values({ orgId: org.id, title: rec.item, summary: '', matterId: matter.id, proposerId: chair, kind: 'normal', state: 'passed', routing, createdAt: at, createdBy: ledger.operator })
        .returning()
        .get();
      recordCreation(ledger, item.id, 'passed', `历史导入：${input.fileName}${where(r)}`);
      mark('item', item.id, r);
      const entry = ledger.db
        .insert(agendaEntries)
        .values({ meetingId: meeting.id, itemId: item.id, position: i + 1, purpose: 'decide', outcome: 'passed' })
        .returning()
        .get();
      mark('entry', entry.id, r);
      const decision = ledger.db
        .insert(decisions)
        .values({
          entryId: entry.id,
          itemId: item.id,
          number: nextDecisionNumber(ledger, meeting.id),
          text: rec.decision,
          ruleSnapshot: { ruleVersion: routing.ruleVersion, threshold: routing.threshold, major: routing.major },
          createdAt: at,
          operator: ledger.operator,
        })
        .returning()
        .get();
      mark('decision', decision.id, r);
      decisionCount += 1;
      if (rec.dept && rec.deadline) {
        try {
          const ownerId = personNamed(rec.owner);
          const { followUp } = createFollowUp(ledger, {
            decisionId: decision.id,
            task: rec.owner && !ownerId ? `${rec.decision.slice(0, 480)}（责任人：${rec.owner}）` : rec.decision.slice(0, 500),
            ownerDept: rec.dept,
            deadline: rec.deadline,
            ...(ownerId ? { ownerId } : {}),
          });
          mark('follow_up', followUp.id, r);
          followUpCount += 1;
          if (rec.done) {
            completeFollowUp(ledger, { followUpId: followUp.id, note: '历史导入：原台账记为已完成，办结日期为导入日期' });
            syncDecisionLoop(ledger, decision.id);
          }
        } catch (e) {
          if (!(e instanceof LedgerError)) throw e;
          rowProblems.push({ field: `rows.${r.sheet}.${r.row}`, message: `${where(r)}：${e.info.message}` });
        }
      }
    });
  }
  // A row a rule refused: throwing rolls back everything written above.
  if (rowProblems.length > 0) refuseRows(rowProblems);
  // The items' transitions the import itself made (历史导入, 已安排督办, 已办结): undo removes
  // these and refuses when there are others, made since (db/imports/undo.ts).
  const itemIds = ledger.db.select({ id: importedRecords.refId }).from(importedRecords).where(and(eq(importedRecords.importId, imp.id), eq(importedRecords.kind, 'item'))).all().map((r) => r.id);
  for (const tr of ledger.db.select({ id: itemTransitions.id }).from(itemTransitions).where(inArray(itemTransitions.itemId, itemIds)).all()) mark('transition', tr.id, null);
  // Likewise the rule warnings it raised on what it wrote (R17: a follow-up without 分管领导).
  for (const w of importWarnings(ledger, imp.id)) mark('warning', w.id, null);
  ledger.db.update(imports).set({ meetings: meetingCount, decisions: decisionCount, followUps: followUpCount }).where(eq(imports.id, imp.id)).run();
  return { importId: imp.id, fileName: input.fileName, rows: input.rows.length, meetings: meetingCount, decisions: decisionCount, followUps: followUpCount };
}
