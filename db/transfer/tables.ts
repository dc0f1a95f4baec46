// Which rows of a ledger belong to one organisation, table by table: what a split keeps. Every
// table of the file is named here, either with the rule that removes the other organisations'
// rows or as kept whole (the seal chain, the audit log, the file's own facts): a table added by a
// later migration and forgotten here fails test/ledger/transfer.test.ts, which walks the schema.
//
// The rules run in this order on a private copy with foreign keys off (a row is removed when its
// parent is already gone), and the copy must then pass foreign_key_check: a rule that leaves a
// dangling reference refuses the split instead of writing a broken file.

/** Removal rule per table (SQL condition; @org is the organisation kept), in dependency order. */
export const SPLIT_REMOVE: readonly (readonly [table: string, where: string])[] = [
  ['organizations', 'id <> @org'],
  ['bodies', 'org_id <> @org'],
  ['posts', 'org_id <> @org'],
  ['memberships', 'body_id NOT IN (SELECT id FROM bodies)'],
  ['matters', 'org_id <> @org'],
  ['thresholds', 'org_id <> @org'],
  ['settings', 'org_id <> @org'],
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
export const APPEND_ONLY_TRIMMED: readonly string[] = ['amendments', 'meeting_roster'];
