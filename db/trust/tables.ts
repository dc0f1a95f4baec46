// Which rows of a ledger belong to one organisation, table by table: what a split keeps. Every
// table of the file is named here, either with the rule that removes the other organisations'
// rows or as kept whole (the seal chain, the audit log, the file's own facts): a table added by a
// later migration and forgotten here fails test/ledger/transfer.test.ts, which walks the schema.
//
// The rules run in this order on a private copy with foreign keys off (a row is removed when its
// parent is already gone), and the copy must then pass foreign_key_check: a rule that leaves a
// dangling reference refuses the split instead of writing a broken file.
//
// A merge (db/transfer/merge.ts) copies a school's rows with every id moved by an offset per
// table: the rules for that (shiftRow) are here too, because verify uses them backwards to
// recompute the merged school's seals over its original ids.
import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../schema';

/** Removal rule per table (SQL condition; @org is the organisation kept), in dependency order. */
export const SPLIT_REMOVE: readonly (readonly [table: string, where: string])[] = [
  ['organizations', 'id <> @org'],
  ['bodies', 'org_id <> @org'],
  ['posts', 'org_id <> @org'],
  ['memberships', 'body_id NOT IN (SELECT id FROM bodies)'],
  ['matters', 'org_id <> @org'],
  ['thresholds', 'org_id <> @org'],
  ['settings', 'org_id <> @org'],
  ['text_templates', 'org_id <> @org'],
  ['agenda_items', 'org_id <> @org'],
  ['item_transitions', 'item_id NOT IN (SELECT id FROM agenda_items)'],
  ['consultations', 'item_id NOT IN (SELECT id FROM agenda_items)'],
  ['consultation_stances', 'consultation_id NOT IN (SELECT id FROM consultations)'],
  ['meetings', 'body_id NOT IN (SELECT id FROM bodies)'],
  ['attendance', 'meeting_id NOT IN (SELECT id FROM meetings)'],
  ['agenda_entries', 'meeting_id NOT IN (SELECT id FROM meetings) OR item_id NOT IN (SELECT id FROM agenda_items)'],
  ['statements', 'entry_id NOT IN (SELECT id FROM agenda_entries)'],
  ['recusals', 'entry_id NOT IN (SELECT id FROM agenda_entries)'],
  ['written_opinions', 'entry_id NOT IN (SELECT id FROM agenda_entries)'],
  ['ballots', 'entry_id NOT IN (SELECT id FROM agenda_entries)'],
  ['reconsiderations', 'entry_id NOT IN (SELECT id FROM agenda_entries) OR meeting_id NOT IN (SELECT id FROM meetings)'],
  ['minutes', 'meeting_id NOT IN (SELECT id FROM meetings)'],
  ['meeting_roster', 'meeting_id NOT IN (SELECT id FROM meetings)'],
  ['decisions', 'entry_id NOT IN (SELECT id FROM agenda_entries) OR item_id NOT IN (SELECT id FROM agenda_items)'],
  // A 集团 decision handed to a campus stays with the 集团's decision; the campus's own stay with it.
  ['follow_ups', 'decision_id NOT IN (SELECT id FROM decisions) OR (org_id IS NOT NULL AND org_id <> @org)'],
  ['progress_reports', 'follow_up_id NOT IN (SELECT id FROM follow_ups)'],
  ['evaluations', 'follow_up_id NOT IN (SELECT id FROM follow_ups)'],
  ['emergency_actions', 'org_id <> @org'],
  ['rule_warnings', 'org_id <> @org'],
  ['amendments', 'org_id <> @org'],
  ['imports', 'org_id <> @org'],
  ['imported_records', 'import_id NOT IN (SELECT id FROM imports)'],
  ['report_sends', 'org_id <> @org'],
  ['imported_chains', 'org_id <> @org'],
  ['imported_seals', 'chain_id NOT IN (SELECT id FROM imported_chains)'],
  // An operator limited to other organisations only goes with them; one limited to nothing (the
  // 集团 secretary) stays. Before operator_orgs, whose rows say which is which.
  ['operators', 'id IN (SELECT operator_id FROM operator_orgs) AND id NOT IN (SELECT operator_id FROM operator_orgs WHERE org_id = @org)'],
  ['operator_orgs', 'org_id <> @org'],
];

/**
 * Links to records of another organisation that a kept row may carry, cleared after the split:
 * the 集团 item a campus item went up as (and the other way), an evaluation's correction item, an
 * emergency action's report. None of these columns is sealed (db/trust/chain.ts KINDS).
 */
export const SPLIT_CLEAR: readonly (readonly [table: string, column: string, parent: string])[] = [
  ['organizations', 'parent_id', 'organizations'],
  ['agenda_items', 'escalated_from_id', 'agenda_items'],
  ['agenda_items', 'decision_id', 'decisions'],
  ['agenda_items', 'emergency_action_id', 'emergency_actions'],
  ['evaluations', 'correction_item_id', 'agenda_items'],
  ['emergency_actions', 'reported_entry_id', 'agenda_entries'],
];

/**
 * Kept whole: the seal chain and the audit log are append-only evidence (a split seals which
 * meetings left, db/trust/verify.ts); ledger_meta holds the file's own facts (a new ledgerId is
 * written); the rest are SQLite's and drizzle's bookkeeping. Persons are kept by reference (split.ts).
 */
export const SPLIT_KEEP_WHOLE: ReadonlySet<string> = new Set(['seals', 'audit_log', 'ledger_meta', '__drizzle_migrations', 'sqlite_sequence', 'persons']);

/** Tables of the file that are not ledger data: full-text index shadows (kept in step by triggers). */
export const isIndexTable = (name: string): boolean => /_fts(_\w+)?$/.test(name) || name.startsWith('sqlite_stat');

/** Tables whose append-only triggers a split lifts on its private copy, and restores before writing it. */
export const APPEND_ONLY_TRIMMED: readonly string[] = ['amendments', 'meeting_roster', 'imported_seals'];

/**
 * Columns holding another record's id without a declared foreign key (merge.ts shifts them with
 * that table's ids). Declared foreign keys are read from the schema itself (PRAGMA foreign_key_list).
 */
export const IMPLICIT_REFS: Record<string, Record<string, string>> = {
  agenda_items: { decision_id: 'decisions', emergency_action_id: 'emergency_actions', reconsult_after_id: 'consultations' },
  minutes: { previous_id: 'minutes' },
};

/** Columns whose id names a record of the table their row's kind column says. */
export const POLYMORPHIC_REFS: Record<string, { column: string; by: string; tables: Record<string, string> }> = {
  amendments: {
    column: 'subject_id',
    by: 'subject_type',
    tables: { item: 'agenda_items', meeting: 'meetings', entry: 'agenda_entries', person: 'persons', membership: 'memberships', follow_up: 'follow_ups' },
  },
  rule_warnings: {
    column: 'subject_id',
    by: 'subject_type',
    tables: { item: 'agenda_items', entry: 'agenda_entries', meeting: 'meetings', decision: 'decisions', follow_up: 'follow_ups', emergency: 'emergency_actions' },
  },
  imported_records: {
    column: 'ref_id',
    by: 'kind',
    // transition and warning: what an import wrote besides its records, noted so it can be undone (db/imports/undo.ts).
    tables: { meeting: 'meetings', item: 'agenda_items', entry: 'agenda_entries', decision: 'decisions', follow_up: 'follow_ups', transition: 'item_transitions', warning: 'rule_warnings' },
  },
};

/** Columns named like ids that name no record of the file (counts, positions, chain positions). */
export const NOT_REFS: ReadonlySet<string> = new Set(['report_sends.chain_from', 'report_sends.chain_head']);

/** Keys inside JSON columns that carry a record's id, and the table they name. */
export const JSON_ID_KEYS: Record<string, string> = {
  orgId: 'organizations',
  bodyId: 'bodies',
  meetingId: 'meetings',
  entryId: 'agenda_entries',
  itemId: 'agenda_items',
  matterId: 'matters',
  decisionId: 'decisions',
  followUpId: 'follow_ups',
  minutesId: 'minutes',
  emergencyActionId: 'emergency_actions',
  postId: 'posts',
  membershipId: 'memberships',
  personId: 'persons',
  hostId: 'persons',
  recorderId: 'persons',
  presenterId: 'persons',
  proposerId: 'persons',
  leaderId: 'persons',
  ownerId: 'persons',
  approvedById: 'persons',
  evaluatorId: 'persons',
  actorId: 'persons',
  signedBy: 'persons',
};

/** Tables a merge copies with new ids (the rest: MERGE_SPECIAL, or the file's own). */
export const MERGE_SKIP: ReadonlySet<string> = new Set([
  'seals', // kept as the school's imported chain (imported_seals)
  'audit_log', // kept as the school's file; its head is recorded with the imported chain
  'ledger_meta',
  '__drizzle_migrations',
  'sqlite_sequence',
  'operators', // by name: see merge.ts
  'operator_orgs',
  'imported_chains', // a school's file with merged schools of its own is refused (merge.ts)
  'imported_seals',
]);

/** Every id-shifting rule of one table, read from the schema once per connection. */
export interface ShiftRules {
  /** column → table whose ids it names (declared foreign keys and IMPLICIT_REFS). */
  refs: Map<string, string>;
  poly: { column: string; by: string; tables: Record<string, string> } | null;
  json: ReadonlySet<string>;
  hasId: boolean;
}

const jsonColumns: Map<string, Set<string>> = (() => {
  const out = new Map<string, Set<string>>();
  for (const t of Object.values(schema)) {
    if (!is(t, SQLiteTable)) continue;
    const config = getTableConfig(t);
    const cols = config.columns.filter((c) => c.columnType === 'SQLiteTextJson').map((c) => c.name);
    if (cols.length) out.set(config.name, new Set(cols));
  }
  return out;
})();

/** The JSON columns of a table, from the drizzle schema (a new one is covered without a list). */
export const jsonColumnsOf = (table: string): ReadonlySet<string> => jsonColumns.get(table) ?? new Set();

export function shiftRules(db: Database.Database, table: string): ShiftRules {
  const refs = new Map<string, string>();
  for (const f of db.pragma(`foreign_key_list("${table}")`) as { table: string; from: string }[]) refs.set(f.from, f.table);
  for (const [col, parent] of Object.entries(IMPLICIT_REFS[table] ?? {})) refs.set(col, parent);
  const hasId = (db.pragma(`table_info("${table}")`) as { name: string; pk: number }[]).some((c) => c.name === 'id' && c.pk === 1);
  return { refs, poly: POLYMORPHIC_REFS[table] ?? null, json: jsonColumnsOf(table), hasId };
}

/** A JSON value with every id key (JSON_ID_KEYS) moved by its table's offset, times `sign`. */
export function shiftJson(value: unknown, offsets: Readonly<Record<string, number>>, sign: 1 | -1): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftJson(v, offsets, sign));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const table = JSON_ID_KEYS[k];
    out[k] = table && typeof v === 'number' ? v + sign * (offsets[table] ?? 0) : shiftJson(v, offsets, sign);
  }
  return out;
}

/**
 * A row (column → value) with its own id, every reference and every id inside its JSON columns
 * moved by the offsets (sign 1: into the merged file; -1: back to the source's ids, for verify).
 * Only the columns present in `row` are touched.
 */
export function shiftRow(table: string, rules: ShiftRules, row: Record<string, unknown>, offsets: Readonly<Record<string, number>>, sign: 1 | -1): Record<string, unknown> {
  const out = { ...row };
  const by = (t: string) => sign * (offsets[t] ?? 0);
  if (rules.hasId && typeof out.id === 'number') out.id = out.id + by(table);
  for (const [col, parent] of rules.refs) if (typeof out[col] === 'number') out[col] = (out[col] as number) + by(parent);
  if (rules.poly && typeof out[rules.poly.column] === 'number' && rules.poly.by in out) {
    const target = rules.poly.tables[String(out[rules.poly.by])];
    if (!target) throw new Error(`${table}: unknown ${rules.poly.by} ${String(out[rules.poly.by])}`);
    out[rules.poly.column] = (out[rules.poly.column] as number) + by(target);
  }
  for (const col of rules.json) {
    if (typeof out[col] !== 'string') continue;
    out[col] = JSON.stringify(shiftJson(JSON.parse(out[col] as string), offsets, sign));
  }
  return out;
}
