// 集团化办学: one ledger file holds several organisations (a 集团党委 and its campuses), and every
// channel works in the organisations the session may see. Enforced here, in the core, for every
// channel at once (dispatch calls checkScope before any handler), not in the screens:
//
// - the operator may be limited to some organisations (operator_orgs; no rows: all of them);
// - the session may choose one organisation to work in (orgs.use): then only that one;
// - every id in a command's input (orgId, itemId, meetingId, personId, …, at any depth) is
//   resolved to the organisation(s) its record belongs to, and a record of another organisation
//   is refused as not found: a forged id of another organisation's record changes nothing and
//   returns nothing;
// - lists without an id (org.get, session.operators, the 操作日志) read the chosen organisation.
//
// A person may sit in bodies of several organisations (the 集团书记 in each campus's committee):
// a person belongs to their own organisation, and to every organisation where they hold a post
// or a seat. test/ledger/scope.test.ts runs every channel of the catalogue for one of two
// organisations with identical data and checks that nothing of the other is returned or changed;
// a new channel whose input names an id this table does not know fails that test.
import type Database from 'better-sqlite3';
import { LedgerError } from './errors';
import type { ReadLedger } from './ledger';

/** What the session may see: every organisation of the file (null), or these. */
export interface Scope {
  /** Organisations in scope, or null for every organisation in the file. */
  readonly orgs: ReadonlySet<number> | null;
  /** The operator may work in every organisation (file-level acts: backups, restore). */
  readonly unrestricted: boolean;
}

/**
 * Where each id of an input belongs: SQL returning the organisation(s) of the record with id ?.
 * Keys are input field names, wherever they appear (stances[].personId, rows[].personId …).
 */
const PERSON =
  'SELECT org_id AS org FROM persons WHERE id = @id UNION SELECT org_id FROM posts WHERE person_id = @id ' +
  'UNION SELECT b.org_id FROM memberships s JOIN bodies b ON b.id = s.body_id WHERE s.person_id = @id';
const MEETING = 'SELECT b.org_id AS org FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = @id';
export const OWNER_SQL: Record<string, string> = {
  orgId: 'SELECT id AS org FROM organizations WHERE id = @id',
  parentId: 'SELECT id AS org FROM organizations WHERE id = @id',
  // group.assign: a campus of the 集团 (FAMILY_FIELDS), not necessarily the organisation chosen.
  campusId: 'SELECT id AS org FROM organizations WHERE id = @id',
  bodyId: 'SELECT org_id AS org FROM bodies WHERE id = @id',
  meetingId: MEETING,
  entryId: 'SELECT b.org_id AS org FROM agenda_entries e JOIN meetings m ON m.id = e.meeting_id JOIN bodies b ON b.id = m.body_id WHERE e.id = @id',
  itemId: 'SELECT org_id AS org FROM agenda_items WHERE id = @id',
  matterId: 'SELECT org_id AS org FROM matters WHERE id = @id',
  decisionId: 'SELECT i.org_id AS org FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE d.id = @id',
  // A 集团 decision's follow-up carried out by a campus belongs to both: the campus reports, the 集团 evaluates.
  followUpId:
    'SELECT f.org_id AS org FROM follow_ups f WHERE f.id = @id AND f.org_id IS NOT NULL ' +
    'UNION SELECT i.org_id FROM follow_ups f JOIN decisions d ON d.id = f.decision_id JOIN agenda_items i ON i.id = d.item_id WHERE f.id = @id',
  minutesId: 'SELECT b.org_id AS org FROM minutes n JOIN meetings m ON m.id = n.meeting_id JOIN bodies b ON b.id = m.body_id WHERE n.id = @id',
  emergencyActionId: 'SELECT org_id AS org FROM emergency_actions WHERE id = @id',
  postId: 'SELECT org_id AS org FROM posts WHERE id = @id',
  membershipId: 'SELECT b.org_id AS org FROM memberships s JOIN bodies b ON b.id = s.body_id WHERE s.id = @id',
  personId: PERSON,
  hostId: PERSON,
  recorderId: PERSON,
  presenterId: PERSON,
  proposerId: PERSON,
  leaderId: PERSON,
  ownerId: PERSON,
  approvedById: PERSON,
  evaluatorId: PERSON,
  actorId: PERSON,
  templateId: 'SELECT org_id AS org FROM text_templates WHERE id = @id',
  fromMeetingId: MEETING,
  importId: 'SELECT org_id AS org FROM imports WHERE id = @id',
};

/** Inputs that carry a number named like an id but are no record of an organisation. */
export const NOT_RECORDS: ReadonlySet<string> = new Set<string>([]);

/**
 * Per channel: fields checked against the whole 集团 rather than the organisation in scope.
 * memberships.add may seat a person of the 集团党委 or a sister campus (the 集团书记 in a campus's
 * committee): the body must be in scope, the person in the same group (db/organization/bodies.ts).
 */
const FAMILY_FIELDS: Record<string, ReadonlySet<string>> = {
  'memberships.add': new Set(['personId']),
  // A 集团 decision is handed to campuses of the same 集团 (checked again by assignRefusal).
  'group.assign': new Set(['campusId']),
};

/**
 * Acts on the whole file, not on one organisation's records: only an operator who may work in
 * every organisation (the 集团 secretary) may use them; their answers name no organisation's rows.
 */
export const FILE_CHANNELS: ReadonlySet<string> = new Set([
  'trust.verify',
  'trust.anchor',
  'backup.create',
  'backup.list',
  'backup.preview',
  'backup.restore',
  // The school's signing key and the district's sealing key belong to the file (db/report).
  'report.key',
  'report.setDistrictKey',
  // 拆分台账: the new file carries the whole seal chain and audit log (db/transfer/split.ts).
  'orgs.splitPreview',
  'orgs.split',
  // 合并台账: a whole school's file comes in under a 集团党委.
  'orgs.mergePreview',
  'orgs.merge',
]);

/** Channels for the session itself (who is at the keyboard, which organisation), open to everyone. */
export const SESSION_CHANNELS: ReadonlySet<string> = new Set(['session.current', 'session.signIn', 'session.setPin', 'session.operators', 'orgs.list', 'orgs.use']);

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function stmt(db: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let s = byText.get(sql);
  if (!s) byText.set(sql, (s = db.prepare(sql)));
  return s;
}

/** The organisations the operator may work in, or null for all (no operator_orgs rows). */
export function permittedOrgs(ledger: Pick<ReadLedger, 'sqlite' | 'operator'>): number[] | null {
  const rows = stmt(ledger.sqlite, 'SELECT l.org_id AS org FROM operator_orgs l JOIN operators o ON o.id = l.operator_id WHERE o.name = ? ORDER BY l.org_id').all(
    ledger.operator,
  ) as { org: number }[];
  return rows.length ? rows.map((r) => r.org) : null;
}

/** Every organisation of the file, oldest first. */
export function allOrgs(ledger: Pick<ReadLedger, 'sqlite'>): number[] {
  return (stmt(ledger.sqlite, 'SELECT id FROM organizations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

/** What this session may see now: the chosen organisation, else every one the operator may work in. */
export function scopeOf(ledger: Pick<ReadLedger, 'sqlite' | 'operator' | 'orgId'>): Scope {
  const permitted = permittedOrgs(ledger);
  const chosen = ledger.orgId;
  const allowed = (id: number) => permitted === null || permitted.includes(id);
  if (chosen != null && allowed(chosen)) return { orgs: new Set([chosen]), unrestricted: permitted === null };
  return { orgs: permitted === null ? null : new Set(permitted), unrestricted: permitted === null };
}

/** The organisation screens start from: the chosen one, else the first the operator may work in (null before set-up). */
export function currentOrgId(ledger: Pick<ReadLedger, 'sqlite' | 'operator' | 'orgId'>): number | null {
  const scope = scopeOf(ledger);
  if (scope.orgs === null) return allOrgs(ledger)[0] ?? null;
  const all = allOrgs(ledger);
  return all.find((id) => scope.orgs!.has(id)) ?? null;
}

export const inScope = (scope: Scope, orgId: number): boolean => scope.orgs === null || scope.orgs.has(orgId);

/** The organisations of the 集团 an organisation belongs to: itself, its 集团党委, and every campus of that 集团. */
export function familyOf(ledger: Pick<ReadLedger, 'sqlite'>, orgId: number): number[] {
  const top = (stmt(ledger.sqlite, 'SELECT COALESCE(parent_id, id) AS top FROM organizations WHERE id = ?').get(orgId) as { top: number } | undefined)?.top;
  if (top === undefined) return [];
  return (stmt(ledger.sqlite, 'SELECT id FROM organizations WHERE id = ? OR parent_id = ? ORDER BY id').all(top, top) as { id: number }[]).map((r) => r.id);
}

/** The organisation(s) a record named by an input field belongs to; [] when there is no such record. */
export function ownersOf(ledger: Pick<ReadLedger, 'sqlite'>, field: string, id: number): number[] {
  const sql = OWNER_SQL[field];
  if (!sql) return [];
  return (stmt(ledger.sqlite, sql).all({ id }) as { org: number }[]).map((r) => r.org);
}

const OUTSIDE = '所选的记录不属于当前组织，或已不存在。请刷新后重试，或先切换到它所属的组织。';
const FILE_ONLY = '这项操作涉及整个台账文件，只有可以办理全部组织的操作人才能进行。';

/**
 * Refuse a command that names a record outside the scope (as not found, changing nothing), or a
 * file-level act by an operator limited to some organisations. Returns the organisations the
 * command's records belong to, for the audit row.
 */
export function checkScope(ledger: Pick<ReadLedger, 'sqlite' | 'operator' | 'orgId'>, channel: string, input: unknown): number[] {
  // The session's own channels (switching organisation) look at every organisation the operator may work in.
  const scope = scopeOf(SESSION_CHANNELS.has(channel) ? { sqlite: ledger.sqlite, operator: ledger.operator, orgId: null } : ledger);
  if (FILE_CHANNELS.has(channel) && !scope.unrestricted) throw new LedgerError({ code: 'conflict', message: FILE_ONLY });
  const touched = new Set<number>();
  const family = FAMILY_FIELDS[channel];
  const visit = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, [...path, String(i)]));
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'number' && key in OWNER_SQL && !NOT_RECORDS.has(key)) {
        const owners = ownersOf(ledger, key, v);
        if (owners.length === 0) continue; // no such record: the handler says so in its own words
        const seen = family?.has(key) ? owners.flatMap((o) => familyOf(ledger, o)) : owners;
        const mine = seen.filter((o) => inScope(scope, o));
        if (mine.length === 0) throw new LedgerError({ code: 'not_found', message: OUTSIDE, field: [...path, key].join('.') });
        if (!family?.has(key)) for (const o of owners.filter((o) => inScope(scope, o))) touched.add(o);
      } else {
        visit(v, [...path, key]);
      }
    }
  };
  visit(input, []);
  return [...touched];
}

/** The organisations in scope as a list, or null for every one (for queries that filter by org_id). */
export function scopedOrgList(ledger: Pick<ReadLedger, 'sqlite' | 'operator' | 'orgId'>): number[] | null {
  const { orgs } = scopeOf(ledger);
  return orgs === null ? null : [...orgs];
}
