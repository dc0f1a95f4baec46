// The ledger's tables: the single source of truth for row types and for the
// migrations drizzle-kit generates into migrations/. Dates are ISO strings
// (YYYY-MM-DD or full ISO timestamps) so every row crosses IPC as plain JSON.
// Amounts are whole 元 (integers): schools never decide on fractions of a yuan.
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const id = () => integer('id').primaryKey({ autoIncrement: true });
const flag = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);
const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

// ── Organisation and people ────────────────────────────────────────────────
export const organizations = sqliteTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  /** 党委 | 党总支 | 党支部 */
  partyKind: text('party_kind').notNull(),
  createdAt: text('created_at').notNull(),
  /**
   * 集团化办学: the 集团党委 this organisation (校区/成员校) belongs to; null for a school on its
   * own or for the group itself. One level only: a campus has no campuses (db/rules/group.ts).
   */
  parentId: integer('parent_id').references((): AnySQLiteColumn => organizations.id),
}, (t) => [index('organizations_parent').on(t.parentId)]);

export const persons = sqliteTable('persons', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  name: text('name').notNull(),
  department: text('department'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
}, (t) => [index('persons_org').on(t.orgId)]);

/** A post held for a period. 一肩挑 = one person holding 书记 and 校长 at once. */
export const posts = sqliteTable('posts', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  /** 书记 | 副书记 | 校长 | 副校长 | 委员 | 中层干部 */
  post: text('post').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date'),
}, (t) => [index('posts_person').on(t.personId), index('posts_org_post').on(t.orgId, t.post)]);

/** 议事机构: 党组织会议, 校长办公会议, 支委会, 党员大会. */
export const bodies = sqliteTable('bodies', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  /** party_committee | principal_office | branch_committee | party_assembly */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
}, (t) => [index('bodies_org').on(t.orgId)]);

/** Membership of a body for a term; history is kept by start/end dates, never by deleting. */
export const memberships = sqliteTable('memberships', {
  id: id(),
  bodyId: integer('body_id').notNull().references(() => bodies.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  voting: integer('voting', { mode: 'boolean' }).notNull().default(true),
  startDate: text('start_date').notNull(),
  endDate: text('end_date'),
}, (t) => [index('memberships_body').on(t.bodyId), index('memberships_person').on(t.personId)]);

// ── Rules data: 议事清单, thresholds, settings ──────────────────────────────
/** 议事清单 entry. `code` is the stable catalogue id (A1, B3, X2 …). */
export const matters = sqliteTable('matters', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  code: text('code').notNull(),
  group: text('group_name').notNull(),
  name: text('name').notNull(),
  /** The kind of body that decides: party_committee | principal_office */
  decidingBody: text('deciding_body').notNull(),
  preStudy: flag('pre_study'),
  /** 三重一大 category when the matter itself is one (R2), else null. */
  majorCategory: text('major_category'),
  twoThirds: flag('two_thirds'),
  /** 干部 matter: needs a 酝酿 record (R4) and majority to reconsider (R11). */
  cadre: flag('cadre'),
  /** Touches staff interests: 需提交教代会审议 (R19). */
  staffCongress: flag('staff_congress'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
}, (t) => [uniqueIndex('matters_org_code').on(t.orgId, t.code)]);

/** R2 threshold table: one row per category and effective date. */
export const thresholds = sqliteTable('thresholds', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  category: text('category').notNull(),
  amount: integer('amount').notNull(),
  effectiveFrom: text('effective_from').notNull(),
});

export const settings = sqliteTable('settings', {
  orgId: integer('org_id').notNull().references(() => organizations.id),
  key: text('key').notNull(),
  value: json<unknown>('value').notNull(),
}, (t) => [uniqueIndex('settings_org_key').on(t.orgId, t.key)]);

// ── Agenda items and their history ──────────────────────────────────────────
export const agendaItems = sqliteTable('agenda_items', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  matterId: integer('matter_id').notNull().references(() => matters.id),
  proposerId: integer('proposer_id').notNull().references(() => persons.id),
  leaderId: integer('leader_id').references(() => persons.id),
  amount: integer('amount'),
  /** normal | execution_report | correction | emergency_report */
  kind: text('kind').notNull().default('normal'),
  /** Lifecycle state, see db/rules/lifecycle.ts. */
  state: text('state').notNull(),
  /** Routing computed by R1/R2 when the item was filed or last edited. */
  routing: json<{ body: string; major: boolean; reason: string; threshold: number | null; ruleVersion: string }>('routing').notNull(),
  staffCongress: flag('staff_congress'),
  /** 重要事项 marked by the proposer: the 书记's opinion is needed before the 校长办公会 decides (R5). */
  important: flag('important'),
  /** The decision a correction or an execution report refers back to. */
  decisionId: integer('decision_id'),
  /**
   * 上报集团: in the 集团党委's ledger, the campus item this one was escalated from (R2-G); the
   * campus item is then 已上报集团. Linked both ways: the campus item finds this by the index.
   */
  escalatedFromId: integer('escalated_from_id').references((): AnySQLiteColumn => agendaItems.id),
  emergencyActionId: integer('emergency_action_id'),
  materialsReadyAt: text('materials_ready_at'),
  /**
   * R11: after a postponed vote only consultations recorded after it (id above this) and dated on
   * or after the meeting (reconsultFrom) count for the R4 gate; null when never postponed.
   */
  reconsultAfterId: integer('reconsult_after_id'),
  reconsultFrom: text('reconsult_from'),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
}, (t) => [
  index('items_org_state').on(t.orgId, t.state),
  // items.list pages newest first: read in index order, never sort a school's whole list.
  index('items_org_created').on(t.orgId, t.createdAt),
  index('items_matter').on(t.matterId),
  // 修正 and 执行情况汇报 items are found from their decision (R17, R18).
  index('items_decision').on(t.decisionId),
  index('items_escalated_from').on(t.escalatedFromId),
  // emergency.report finds the item already made for an emergency action.
  index('items_emergency').on(t.emergencyActionId),
  // 集团工作台: open 修正 items per campus, read from the few corrections only (bench/group.ts).
  index('items_corrections').on(t.orgId, t.state).where(sql`kind = 'correction'`),
]);

export const itemTransitions = sqliteTable('item_transitions', {
  id: id(),
  itemId: integer('item_id').notNull().references(() => agendaItems.id),
  fromState: text('from_state'),
  toState: text('to_state').notNull(),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
  note: text('note'),
}, (t) => [index('transitions_item').on(t.itemId)]);

/** 会前沟通 (kind consultation) or 酝酿 for cadre matters (kind deliberation). */
export const consultations = sqliteTable('consultations', {
  id: id(),
  itemId: integer('item_id').notNull().references(() => agendaItems.id),
  kind: text('kind').notNull().default('consultation'),
  date: text('date').notNull(),
  /** 当面 | 电话 | 书面 | 会议 */
  form: text('form').notNull(),
  /** agreed | disagreed | reserved | incomplete, computed from the stances (R4, db/rules/consultation.ts). */
  outcome: text('outcome').notNull(),
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
}, (t) => [index('consultations_item').on(t.itemId)]);

export const consultationStances = sqliteTable('consultation_stances', {
  id: id(),
  consultationId: integer('consultation_id').notNull().references(() => consultations.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  /** The post the person spoke in: 书记, 校长, or another leadership post. */
  role: text('role').notNull(),
  /** 同意 | 不同意 | 保留意见 */
  stance: text('stance').notNull(),
  note: text('note').notNull().default(''),
}, (t) => [index('stances_consultation').on(t.consultationId)]);

// ── Meetings ────────────────────────────────────────────────────────────────
export const meetings = sqliteTable('meetings', {
  id: id(),
  bodyId: integer('body_id').notNull().references(() => bodies.id),
  year: integer('year').notNull(),
  /** 第N次 within body and year. */
  seq: integer('seq').notNull(),
  startsAt: text('starts_at').notNull(),
  place: text('place').notNull(),
  hostId: integer('host_id').notNull().references(() => persons.id),
  recorderId: integer('recorder_id').notNull().references(() => persons.id),
  /** planned | in_progress | closed | cancelled */
  state: text('state').notNull().default('planned'),
  /** 取消: why the meeting was called off (state cancelled); its items went back to 待上会. */
  cancelReason: text('cancel_reason'),
  /** R15 第一议题 study content. */
  firstTopic: text('first_topic'),
  agendaConfirmedBy: integer('agenda_confirmed_by').references(() => persons.id),
  createdAt: text('created_at').notNull(),
}, (t) => [uniqueIndex('meetings_body_year_seq').on(t.bodyId, t.year, t.seq)]);

/** One row per person per meeting. arrives/leaves name agenda positions for per-item quorum (R6). */
export const attendance = sqliteTable('attendance', {
  id: id(),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  /** 出席 | 缺席 | 请假 | 列席 */
  status: text('status').notNull(),
  reason: text('reason'),
  /** First agenda position the person is present for (null: from the start). */
  arrivesAt: integer('arrives_at'),
  /** Last agenda position the person is present for (null: to the end). */
  leavesAfter: integer('leaves_after'),
}, (t) => [uniqueIndex('attendance_meeting_person').on(t.meetingId, t.personId)]);

/** An item on a meeting's agenda and everything that happened to it there. */
export const agendaEntries = sqliteTable('agenda_entries', {
  id: id(),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id),
  itemId: integer('item_id').notNull().references(() => agendaItems.id),
  position: integer('position').notNull(),
  presenterId: integer('presenter_id').references(() => persons.id),
  /** 临时动议 (R3): added on the day, urgent and accepted by the host. */
  adHoc: flag('ad_hoc'),
  /** study (校长办公会 前置研究) | decide | report */
  purpose: text('purpose').notNull().default('decide'),
  /** pending | passed | not_passed | postponed | studied | noted */
  outcome: text('outcome').notNull().default('pending'),
  postponeReason: text('postpone_reason'),
  /** 研究意见 recorded when the 校长办公会 studies a 前置研究 item (R1). */
  proposal: text('proposal'),
  /** 口头 | 举手 | 无记名投票 | 记名投票 | 校长决定 */
  voteMethod: text('vote_method'),
  votesFor: integer('votes_for'),
  votesAgainst: integer('votes_against'),
  votesAbstain: integer('votes_abstain'),
  /** The tally as computed by R10 at the time of the vote, kept for the record. */
  tally: json<{ due: number; present: number; needed: number; quorumOk: boolean; passed: boolean; rule: string }>('tally'),
  /** Host-last override (R9) with its reason. */
  hostOrderOverride: text('host_order_override'),
  warnings: json<string[]>('warnings').notNull().default([]),
}, (t) => [uniqueIndex('entries_meeting_position').on(t.meetingId, t.position), index('entries_item').on(t.itemId)]);

export const recusals = sqliteTable('recusals', {
  id: id(),
  entryId: integer('entry_id').notNull().references(() => agendaEntries.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  reason: text('reason').notNull(),
}, (t) => [index('recusals_entry').on(t.entryId)]);

/** 发言表态. `seq` is the order in which statements were made (R9: host last). */
export const statements = sqliteTable('statements', {
  id: id(),
  entryId: integer('entry_id').notNull().references(() => agendaEntries.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  seq: integer('seq').notNull(),
  /** 同意 | 不同意 | 缓议. The SQL column keeps its first name (seals hash SQL columns); in code, position means agenda order only. */
  stance: text('position').notNull(),
  note: text('note').notNull().default(''),
  recordedAt: text('recorded_at').notNull(),
  operator: text('operator').notNull(),
}, (t) => [index('statements_entry').on(t.entryId, t.seq)]);

/** R7: an absent member's written opinion, kept but never counted as a vote. */
export const writtenOpinions = sqliteTable('written_opinions', {
  id: id(),
  entryId: integer('entry_id').notNull().references(() => agendaEntries.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  text: text('text').notNull(),
}, (t) => [index('opinions_entry').on(t.entryId)]);

/** Per-member ballots, for every method except 无记名投票 (R10: secret ballots keep counts only). */
export const ballots = sqliteTable('ballots', {
  id: id(),
  entryId: integer('entry_id').notNull().references(() => agendaEntries.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  /** 同意 | 反对 | 弃权 */
  choice: text('choice').notNull(),
}, (t) => [index('ballots_entry').on(t.entryId)]);

/**
 * R11 复议: a motion, put at a meeting, to reconsider a settled entry. Kept whether or not it
 * is agreed; for cadre matters it needs more than half of the members due (应到) to agree.
 */
export const reconsiderations = sqliteTable('reconsiderations', {
  id: id(),
  /** The settled entry whose outcome is reconsidered. */
  entryId: integer('entry_id').notNull().references(() => agendaEntries.id),
  /** The meeting where the motion was put. */
  meetingId: integer('meeting_id').notNull().references(() => meetings.id),
  reason: text('reason').notNull(),
  agree: integer('agree').notNull(),
  due: integer('due').notNull(),
  present: integer('present').notNull(),
  agreed: flag('agreed'),
  rule: text('rule').notNull(),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
}, (t) => [index('reconsiderations_entry').on(t.entryId), index('reconsiderations_meeting').on(t.meetingId)]);

/** 决定事项: the numbered outcome of a passed entry. */
export const decisions = sqliteTable('decisions', {
  id: id(),
  entryId: integer('entry_id').notNull().references(() => agendaEntries.id),
  itemId: integer('item_id').notNull().references(() => agendaItems.id),
  /** 1-based number within the meeting. */
  number: integer('number').notNull(),
  text: text('text').notNull(),
  /** R2 routing and threshold that applied when decided. */
  ruleSnapshot: json<{ ruleVersion: string; threshold: number | null; major: boolean }>('rule_snapshot').notNull(),
  /** R17: explicit 无需督办 with its reason. */
  noFollowUpReason: text('no_follow_up_reason'),
  /** open | closed (R18: every follow-up evaluated and every correction decided) | reconsidered (R11 复议 agreed) */
  loopState: text('loop_state').notNull().default('open'),
  createdAt: text('created_at').notNull(),
  operator: text('operator').notNull(),
}, (t) => [uniqueIndex('decisions_entry').on(t.entryId), index('decisions_item').on(t.itemId)]);

// ── Minutes ─────────────────────────────────────────────────────────────────
/** 会议纪要. A signed row never changes (R16); a 勘误 is a new revision with a reason. */
export const minutes = sqliteTable('minutes', {
  id: id(),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id),
  revision: integer('revision').notNull().default(1),
  previousId: integer('previous_id'),
  revisionReason: text('revision_reason'),
  /** 第X期 / 〔2026〕X号 */
  docNumber: text('doc_number').notNull(),
  /** The minutes content, generated from the record and editable while a draft. */
  content: json<unknown>('content').notNull(),
  /** draft | signed */
  state: text('state').notNull().default('draft'),
  signedBy: integer('signed_by').references(() => persons.id),
  signedAt: text('signed_at'),
  /** Tamper evidence: sha256 of the content plus the previous link's hash. */
  hash: text('hash'),
  prevHash: text('prev_hash'),
}, (t) => [uniqueIndex('minutes_meeting_revision').on(t.meetingId, t.revision)]);

// ── Follow-up, evaluation, correction ───────────────────────────────────────
export const followUps = sqliteTable('follow_ups', {
  id: id(),
  decisionId: integer('decision_id').notNull().references(() => decisions.id),
  /**
   * 集团 decisions carried out by campuses: the campus (校区/成员校) that carries out and reports
   * on this follow-up; null when the decision's own organisation carries it out.
   */
  orgId: integer('org_id').references(() => organizations.id),
  /**
   * The organisation whose decision this follows up (its item's org_id), kept on the row so a
   * school's 督办 list and loop.status read only that school's follow-ups by index. Written by the
   * trigger of migration 0020 on every insert (commands, imports, merge, the bench's generator),
   * never by hand; an item never changes organisation.
   */
  decisionOrgId: integer('decision_org_id').references(() => organizations.id),
  task: text('task').notNull(),
  ownerDept: text('owner_dept').notNull(),
  ownerId: integer('owner_id').references(() => persons.id),
  leaderId: integer('leader_id').references(() => persons.id),
  deadline: text('deadline').notNull(),
  /** open | done */
  state: text('state').notNull().default('open'),
  completedAt: text('completed_at'),
  completionNote: text('completion_note'),
  createdAt: text('created_at').notNull(),
}, (t) => [
  index('followups_decision').on(t.decisionId),
  index('followups_state_deadline').on(t.state, t.deadline),
  // The follow-ups handed to a campus (listFollowUps 'handed', split and merge by org_id), by state and deadline as listed.
  index('followups_org_state').on(t.orgId, t.state, t.deadline),
  // 集团工作台: overdue follow-ups per campus from the open ones only, without reading the table (bench/group.ts).
  index('followups_open').on(t.deadline, t.orgId, t.decisionId).where(sql`state = 'open'`),
  // A school's 督办 list (listFollowUps) by state and deadline, in the order it shows them: loop.status on every switch (bench/group.ts).
  index('followups_decision_org').on(t.decisionOrgId, t.state, t.deadline),
  // Ctrl+K: a person's name finds the follow-ups they are responsible for.
  index('followups_owner').on(t.ownerId),
]);

export const progressReports = sqliteTable('progress_reports', {
  id: id(),
  followUpId: integer('follow_up_id').notNull().references(() => followUps.id),
  /** progress (进展) | supervision (督办 action) */
  kind: text('kind').notNull(),
  text: text('text').notNull(),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
}, (t) => [index('progress_follow_up').on(t.followUpId)]);

export const evaluations = sqliteTable('evaluations', {
  id: id(),
  followUpId: integer('follow_up_id').notNull().references(() => followUps.id),
  /** 好 | 较好 | 一般 | 差 */
  rating: text('rating').notNull(),
  effect: text('effect').notNull(),
  evaluatorId: integer('evaluator_id').notNull().references(() => persons.id),
  failed: flag('failed'),
  /** The correction item opened by R18, if any. */
  correctionItemId: integer('correction_item_id').references(() => agendaItems.id),
  at: text('at').notNull(),
}, (t) => [
  uniqueIndex('evaluations_follow_up').on(t.followUpId),
  // Removing an item (撤销导入) checks no evaluation opened it as its correction, without a scan.
  index('evaluations_correction_item').on(t.correctionItemId),
]);

// ── Emergencies, warnings, audit ────────────────────────────────────────────
/** R14 临时处置: flagged until reported at the next meeting of the body. */
export const emergencyActions = sqliteTable('emergency_actions', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  bodyId: integer('body_id').notNull().references(() => bodies.id),
  actorId: integer('actor_id').notNull().references(() => persons.id),
  reason: text('reason').notNull(),
  action: text('action').notNull(),
  at: text('at').notNull(),
  reportedEntryId: integer('reported_entry_id').references(() => agendaEntries.id),
}, (t) => [
  index('emergency_body').on(t.bodyId),
  index('emergency_org').on(t.orgId),
  // meetings.removeItem clears the link, and deleting an entry checks this foreign key.
  index('emergency_reported_entry').on(t.reportedEntryId),
]);

/** Warn-level rule hits, kept on the record (shown in minutes and on the dashboard). */
export const ruleWarnings = sqliteTable('rule_warnings', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  rule: text('rule').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: integer('subject_id').notNull(),
  message: text('message').notNull(),
  at: text('at').notNull(),
}, (t) => [index('warnings_subject').on(t.subjectType, t.subjectId), index('warnings_org').on(t.orgId)]);

/**
 * 更正记录: each correction of a record not yet locked — an item edited or withdrawn, a meeting
 * rescheduled or cancelled, a person renamed, a membership voided, a statement or vote result
 * undone, a follow-up extended — with what it was before and after, who, when and why.
 * Append-only (triggers in the migration refuse UPDATE and DELETE); the audit log keeps the
 * command, this keeps the history a screen shows beside the record.
 */
export const amendments = sqliteTable('amendments', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  /** item | meeting | entry | person | membership | follow_up */
  subjectType: text('subject_type').notNull(),
  subjectId: integer('subject_id').notNull(),
  /** A key of AMENDMENT_ACTIONS (db/terms.ts). */
  action: text('action').notNull(),
  before: json<unknown>('before'),
  after: json<unknown>('after'),
  reason: text('reason'),
  /** Who approved it, where that is asked (延期). */
  approvedBy: integer('approved_by').references(() => persons.id),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
}, (t) => [index('amendments_subject').on(t.subjectType, t.subjectId), index('amendments_org').on(t.orgId)]);

/**
 * Append-only: every write command leaves one row (who, when, channel, summary). `hash` chains
 * each row to the one before (db/trust/audit.ts), so verify finds a row deleted or edited with
 * another tool; rows written before the chain began (ledger_meta auditChainFrom) have none.
 */
export const auditLog = sqliteTable('audit_log', {
  id: id(),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
  channel: text('channel').notNull(),
  summary: text('summary').notNull(),
  hash: text('hash'),
  /**
   * The organisation the command acted in (db/scope.ts), so each organisation's 操作日志 shows its
   * own; null for the file's own acts (sign-in, backup) and rows from before organisations were
   * told apart. Not part of the row's hash: a filter, not evidence.
   */
  orgId: integer('org_id'),
}, (t) => [
  index('audit_org').on(t.orgId),
  // 操作日志 filtered by operator, and its list of operators, without reading every row.
  index('audit_operator').on(t.operator),
]);

// ── Trust: tamper evidence, ledger identity, operators (db/trust, db/session) ─
/**
 * Hash chain over locked records (R16): one row per signed minutes revision and per record of
 * the signed meeting. hash = sha256(prevHash + contentHash). Append-only: triggers in
 * migrations/0002_0002_trust.sql refuse UPDATE and DELETE.
 */
export const seals = sqliteTable('seals', {
  id: id(),
  /** meeting | attendance | entry | statement | recusal | ballot | opinion | decision | minutes */
  kind: text('kind').notNull(),
  refId: integer('ref_id').notNull(),
  meetingId: integer('meeting_id').notNull(),
  contentHash: text('content_hash').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  operator: text('operator').notNull(),
  at: text('at').notNull(),
}, (t) => [uniqueIndex('seals_kind_ref').on(t.kind, t.refId), index('seals_meeting').on(t.meetingId)]);

/**
 * 签发时的人员名单: each person a signed meeting's record names, with the name (and department)
 * as it was when the minutes were first signed. Documents and views of a signed meeting print
 * these, so a later rename never changes a locked record; sealed like the rest of the meeting.
 */
export const meetingRoster = sqliteTable('meeting_roster', {
  id: id(),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  name: text('name').notNull(),
  department: text('department'),
}, (t) => [uniqueIndex('meeting_roster_person').on(t.meetingId, t.personId)]);

/** Facts about the file itself: ledgerId (tells a foreign -wal or backup apart), restoredAt. */
export const ledgerMeta = sqliteTable('ledger_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Who may sign in at the keyboard; the PIN is optional and kept only as a scrypt hash. */
export const operators = sqliteTable('operators', {
  id: id(),
  personId: integer('person_id').references(() => persons.id),
  name: text('name').notNull(),
  pinHash: text('pin_hash'),
  createdAt: text('created_at').notNull(),
  lastSignInAt: text('last_sign_in_at'),
}, (t) => [uniqueIndex('operators_name').on(t.name)]);

// ── 历史台账导入 (db/imports) ─────────────────────────────────────────────────
/** One imported file: who brought it in and when, its sha256 (the same file is never imported twice), what it made. */
export const imports = sqliteTable('imports', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
  rows: integer('rows').notNull(),
  meetings: integer('meetings').notNull(),
  decisions: integer('decisions').notNull(),
  followUps: integer('follow_ups').notNull(),
  /** 撤销导入: when and by whom the whole import was taken back (its records removed; this row stays). */
  undoneAt: text('undone_at'),
  undoneBy: text('undone_by'),
}, (t) => [
  // An undone import's file may be imported again: only live imports are unique per file.
  uniqueIndex('imports_org_sha256_live').on(t.orgId, t.sha256).where(sql`undone_at IS NULL`),
]);

/** 历史导入: each record an import wrote (meeting | item | entry | decision | follow_up), with its sheet and row. */
export const importedRecords = sqliteTable('imported_records', {
  id: id(),
  importId: integer('import_id').notNull().references(() => imports.id),
  kind: text('kind').notNull(),
  refId: integer('ref_id').notNull(),
  sheet: text('sheet'),
  row: integer('row'),
}, (t) => [uniqueIndex('imported_kind_ref').on(t.kind, t.refId), index('imported_import').on(t.importId)]);
/**
 * 操作人 limited to some organisations (a campus secretary sees only their campus): one row per
 * organisation the operator may work in. An operator without rows may work in every one (the 集团
 * secretary). Enforced in the core (db/scope.ts), for reads and writes alike.
 */
export const operatorOrgs = sqliteTable('operator_orgs', {
  id: id(),
  operatorId: integer('operator_id').notNull().references(() => operators.id),
  orgId: integer('org_id').notNull().references(() => organizations.id),
}, (t) => [uniqueIndex('operator_orgs_operator_org').on(t.operatorId, t.orgId)]);
// ── Reporting to the district (db/report) ────────────────────────────────────
/**
 * One row per 报送包 made: which organisation and period, when, and the chain head it carried,
 * so the next bundle starts where this one ended (the district checks there is no gap).
 */
export const reportSends = sqliteTable('report_sends', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  periodLabel: text('period_label').notNull(),
  madeAt: text('made_at').notNull(),
  operator: text('operator').notNull(),
  /** sha256 of the signed payload: the district names a bundle by it. */
  bundleHash: text('bundle_hash').notNull(),
  /** Chain positions the bundle covers: after chainFrom up to chainHead (counts). */
  chainFrom: integer('chain_from').notNull(),
  chainHead: integer('chain_head').notNull(),
  chainHeadHash: text('chain_head_hash'),
  /** Fingerprint of the district key it was sealed for; null when not sealed. */
  sealedFor: text('sealed_for'),
  counts: json<Record<string, number>>('counts').notNull(),
}, (t) => [index('report_sends_org').on(t.orgId, t.madeAt)]);
// ── 合并台账 (db/transfer/merge.ts) ──────────────────────────────────────────
/**
 * A school's own ledger brought into this one (合并台账): its seal chain is kept as it was, so the
 * 存证码 printed on its minutes still verify (db/trust/verify.ts), and its records were copied with
 * ids shifted by `offsets` (table → amount), which verify subtracts again to recompute each seal.
 * One row per source ledger: the same file is never merged twice.
 */
export const importedChains = sqliteTable('imported_chains', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  sourceLedgerId: text('source_ledger_id').notNull(),
  sourceName: text('source_name').notNull(),
  fileName: text('file_name').notNull(),
  /** The source's seal chain head and audit log head when merged. */
  seals: integer('seals').notNull(),
  headHash: text('head_hash'),
  auditRows: integer('audit_rows').notNull(),
  auditHeadHash: text('audit_head_hash'),
  offsets: json<Record<string, number>>('offsets').notNull(),
  /**
   * The source's audit rows its event seals (a restore, a split) were sealed over, verbatim: verify
   * recomputes those seals from them, and a split's list says which of its seals left with others.
   */
  events: json<{ id: number; at: string; operator: string; channel: string; summary: string }[]>('events').notNull(),
  at: text('at').notNull(),
  operator: text('operator').notNull(),
}, (t) => [uniqueIndex('imported_chains_source').on(t.sourceLedgerId)]);

/** The source's seals, verbatim (ids as they were in the source); append-only like seals. */
export const importedSeals = sqliteTable('imported_seals', {
  id: id(),
  chainId: integer('chain_id').notNull().references(() => importedChains.id),
  position: integer('position').notNull(),
  kind: text('kind').notNull(),
  refId: integer('ref_id').notNull(),
  meetingId: integer('meeting_id').notNull(),
  contentHash: text('content_hash').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  operator: text('operator').notNull(),
  at: text('at').notNull(),
}, (t) => [uniqueIndex('imported_seals_chain_position').on(t.chainId, t.position)]);

// ── 模板与常用语 (db/templates) ────────────────────────────────────────────────
/**
 * Texts the secretary reuses: decision-text templates per 议事清单 matter (kind 'decision', with
 * matterId), common phrases for statements ('statement') and consultation notes ('consultation').
 * Editable in 设置; seeded with defaults at set-up. Not records of a meeting: deleted outright.
 */
export const textTemplates = sqliteTable('text_templates', {
  id: id(),
  orgId: integer('org_id').notNull().references(() => organizations.id),
  kind: text('kind').notNull(),
  matterId: integer('matter_id').references(() => matters.id),
  text: text('text').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [index('text_templates_org_kind').on(t.orgId, t.kind, t.matterId)]);
