// 拆分台账: one organisation of a 集团 ledger written out to a ledger file of its own (a campus
// that leaves the group, or a group that dissolves). One organisation exactly, without its
// campuses: each campus is split on its own, and a 集团 with its campuses is the file itself.
//
// How (docs/group.md): the source is copied page by page (SQLite's backup API, inside the read
// transaction the channel runs in, so the source is only read and never changes), and in the
// private copy every row of the other organisations is removed (db/trust/tables.ts). Record
// ids stay as they are, so every seal of the kept meetings still verifies and the 存证码 printed
// on their minutes still match the chain, which is kept whole. The meetings that left are named
// in a `split` seal over an audit row (db/trust/verify.ts reports their seals as 已移出, not as
// deleted). The copy is then checked — foreign keys, the counts of every kind against the
// source's, and the chain — and only then renamed into place.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { LedgerError } from '../errors';
import type { Ledger, ReadLedger } from '../ledger';
import { appendAudit, auditChainFrom, idRanges, REDACTED, type RedactionClaim, redactionStep, walkAudit } from '../trust/audit';
import { copyPages, readLedgerId } from '../trust/backup';
import { appendSeal, chainHead, GENESIS } from '../trust/chain';
import { fsyncDir, fsyncFile, tempName } from '../trust/files';
import { openSqlite } from '../trust/sqlite';
import { verifyChain } from '../trust/verify';
import { APPEND_ONLY_TRIMMED, SPLIT_CLEAR, SPLIT_REMOVE } from '../trust/tables';
import { finished, SPLIT_PHASES, stepTo } from './progress';

/** The kinds a split and a merge count, in the order screens list them. */
export const KIND_LABELS = {
  items: '议题',
  meetings: '会议',
  decisions: '决定事项',
  followUps: '督办事项',
  minutes: '会议纪要',
  persons: '人员',
  bodies: '议事机构',
  matters: '议事清单事项',
  amendments: '更正记录',
  sealed: '锁定记录（存证）',
} as const;
export type Kind = keyof typeof KIND_LABELS;
export type Counts = Record<Kind, number>;

const MEETINGS_OF = 'SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.org_id = @org';
/** One organisation's records of each kind. */
const ORG_COUNT: Record<Kind, string> = {
  items: 'SELECT COUNT(*) FROM agenda_items WHERE org_id = @org',
  meetings: `SELECT COUNT(*) FROM (${MEETINGS_OF})`,
  decisions: 'SELECT COUNT(*) FROM decisions d JOIN agenda_items i ON i.id = d.item_id WHERE i.org_id = @org',
  // The organisation's own follow-ups of its decisions; one handed to a campus is the campus's work.
  followUps:
    'SELECT COUNT(*) FROM follow_ups f JOIN decisions d ON d.id = f.decision_id JOIN agenda_items i ON i.id = d.item_id WHERE i.org_id = @org AND (f.org_id IS NULL OR f.org_id = @org)',
  minutes: `SELECT COUNT(*) FROM minutes WHERE meeting_id IN (${MEETINGS_OF})`,
  persons: 'SELECT COUNT(*) FROM persons WHERE org_id = @org',
  bodies: 'SELECT COUNT(*) FROM bodies WHERE org_id = @org',
  matters: 'SELECT COUNT(*) FROM matters WHERE org_id = @org',
  amendments: 'SELECT COUNT(*) FROM amendments WHERE org_id = @org',
  sealed: `SELECT COUNT(*) FROM seals WHERE meeting_id IN (${MEETINGS_OF})`,
};
/** Every record of each kind in a file (the split copy must hold exactly the organisation's). */
const FILE_COUNT: Record<Kind, string> = {
  items: 'SELECT COUNT(*) FROM agenda_items',
  meetings: 'SELECT COUNT(*) FROM meetings',
  decisions: 'SELECT COUNT(*) FROM decisions',
  followUps: 'SELECT COUNT(*) FROM follow_ups',
  minutes: 'SELECT COUNT(*) FROM minutes',
  persons: 'SELECT COUNT(*) FROM persons',
  bodies: 'SELECT COUNT(*) FROM bodies',
  matters: 'SELECT COUNT(*) FROM matters',
  amendments: 'SELECT COUNT(*) FROM amendments',
  sealed: 'SELECT COUNT(*) FROM seals WHERE meeting_id IN (SELECT id FROM meetings)',
};

function countWith(db: Database.Database, sql: Record<Kind, string>, org?: number): Counts {
  const out = {} as Counts;
  for (const k of Object.keys(KIND_LABELS) as Kind[]) out[k] = db.prepare(sql[k]).pluck().get(org === undefined ? {} : { org }) as number;
  return out;
}
export const orgCounts = (db: Database.Database, orgId: number): Counts => countWith(db, ORG_COUNT, orgId);
export const fileCounts = (db: Database.Database): Counts => countWith(db, FILE_COUNT);

/** Counts as the screens show them: label and number, in order. */
export const countRows = (c: Counts) => (Object.keys(KIND_LABELS) as Kind[]).map((k) => ({ kind: k, label: KIND_LABELS[k], count: c[k] }));

interface OrgRow {
  id: number;
  name: string;
  parentId: number | null;
}

function orgOf(db: Database.Database, orgId: number): OrgRow {
  const org = db.prepare('SELECT id, name, parent_id AS parentId FROM organizations WHERE id = ?').get(orgId) as OrgRow | undefined;
  if (!org) throw new LedgerError({ code: 'not_found', message: '所选的组织不存在，请刷新后重试。', field: 'orgId' });
  return org;
}

/** What a split of this organisation would write, and what stays behind; changes nothing. */
export function splitPreview(ledger: ReadLedger, orgId: number) {
  const db = ledger.sqlite;
  const org = orgOf(db, orgId);
  const others = db.prepare('SELECT COUNT(*) FROM organizations WHERE id <> ?').pluck().get(orgId) as number;
  if (others === 0) {
    throw new LedgerError({ code: 'conflict', message: '这个台账只有一个组织，不需要拆分；要另存一份，请用“数据安全”里的备份。', field: 'orgId' });
  }
  const counts = orgCounts(db, orgId);
  // What stays in the 集团 ledger and does not go with the organisation.
  const handedIn = db
    .prepare(
      'SELECT COUNT(*) FROM follow_ups f JOIN decisions d ON d.id = f.decision_id JOIN agenda_items i ON i.id = d.item_id WHERE f.org_id = @org AND i.org_id <> @org',
    )
    .pluck()
    .get({ org: orgId }) as number;
  const handedOut = db
    .prepare(
      'SELECT COUNT(*) FROM follow_ups f JOIN decisions d ON d.id = f.decision_id JOIN agenda_items i ON i.id = d.item_id WHERE i.org_id = @org AND f.org_id IS NOT NULL AND f.org_id <> @org',
    )
    .pluck()
    .get({ org: orgId }) as number;
  const notes: string[] = [];
  if (handedIn) notes.push(`集团交办给本组织的${handedIn}项督办事项属于集团的决定，留在原台账，不随迁。`);
  if (handedOut) notes.push(`本组织交办给其他组织的${handedOut}项督办事项由承办组织落实，留在原台账，不随迁。`);
  notes.push('其他组织的会议、议题和人员不会写入新台账；其他组织的人员如在本组织任职、参会，会作为本组织人员一并写入。');
  notes.push('新台账保留拆分前完整的存证链和本组织的操作记录；其他组织的操作记录只留校验值（显示为“他校记录，已移出”），不留内容。本组织纪要上印的存证码在新台账中仍可核验。原台账不做任何改动。');
  return { orgId, orgName: org.name, counts: countRows(counts), notes, others };
}

/** The app's own ledger file type: a target is refused unless it is one. */
export const LEDGER_EXTENSION = '.sqlite';

function checkTarget(sourceFile: string, target: string): void {
  if (!target.toLowerCase().endsWith(LEDGER_EXTENSION)) {
    throw new LedgerError({ code: 'invalid_input', message: '新台账须保存为议事台账文件（.sqlite），请重新选择保存位置。', field: 'file' });
  }
  if (path.resolve(target) === path.resolve(sourceFile)) {
    throw new LedgerError({ code: 'conflict', message: '不能把拆分出的台账保存为当前台账文件本身，请另选一个文件名。', field: 'file' });
  }
  if (['', '-wal', '-journal'].some((side) => fs.existsSync(target + side))) {
    throw new LedgerError({ code: 'conflict', message: '这个位置已有同名文件，为免覆盖，拆分没有进行。请另选一个文件名。', field: 'file' });
  }
  if (!fs.existsSync(path.dirname(target))) {
    throw new LedgerError({ code: 'not_found', message: '找不到所选的文件夹，请确认U盘或磁盘已连接后重新选择。', field: 'file' });
  }
}

export interface SplitResult {
  file: string;
  orgName: string;
  counts: ReturnType<typeof countRows>;
  movedMeetings: number;
  guests: number;
  verify: { state: string; message: string };
  message: string;
}

/**
 * Write one organisation of `source` (an open connection, only read) into the new file `target`.
 * Works inside a read transaction. The file appears only once it is complete and checked.
 */
export function splitLedger(
  source: Pick<ReadLedger, 'sqlite' | 'file' | 'now' | 'operator'>,
  orgId: number,
  target: string,
): SplitResult {
  checkTarget(source.file, target);
  const preview = splitPreview(source as ReadLedger, orgId);
  const expected = orgCounts(source.sqlite, orgId);
  const sourceHead = chainHead(source);
  const sourceLedgerId = readLedgerId(source.sqlite);
  const tmp = tempName(target);
  const step = (phase: (typeof SPLIT_PHASES)[number]) => stepTo(source.sqlite, SPLIT_PHASES, phase);
  try {
    step('复制台账');
    copyPages(source.sqlite, tmp);
    const db = openSqlite(tmp);
    let result: Omit<SplitResult, 'file'>;
    try {
      result = trimCopy(db, { orgId, orgName: preview.orgName, expected, sourceHead, sourceLedgerId, operator: source.operator, now: source.now, step });
      // Removed rows leave their bytes in free pages: the new file must not carry the others' data.
      step('整理新台账文件');
      db.exec('VACUUM');
    } finally {
      db.close();
    }
    fsyncFile(tmp);
    if (fs.existsSync(target)) checkTarget(source.file, target); // appeared meanwhile: refuse, never overwrite
    fs.renameSync(tmp, target);
    fsyncDir(path.dirname(target));
    finished(source.sqlite, SPLIT_PHASES);
    return { file: target, ...result };
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError({
      code: 'internal',
      // The system's own words (English, a path) stay out of the sentence: the folder is the likely cause.
      message: '拆分没有完成：新台账没能写入所选位置。请确认U盘或磁盘仍连接、可写且空间足够后重试；原台账没有改动。',
    });
  } finally {
    for (const side of ['', '-journal', '-wal', '-shm']) fs.rmSync(tmp + side, { force: true });
  }
}

/**
 * splitLedger for a ledger file that is not open (a technician's copy): opened read-only, in one
 * read transaction. SQLite makes an empty -wal and -shm beside a WAL file even for reading;
 * those it made are removed again, so the folder is left as it was found.
 */
export function splitClosedFile(file: string, orgId: number, target: string, who: { operator: string; now: () => Date }): SplitResult {
  const made = ['-wal', '-shm'].filter((side) => !fs.existsSync(file + side));
  const sqlite = openSqlite(file, { readonly: true });
  try {
    sqlite.exec('BEGIN');
    return splitLedger({ sqlite, file, ...who }, orgId, target);
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
    sqlite.close();
    for (const side of made) if (side === '-shm' || (fs.statSync(file + side, { throwIfNoEntry: false })?.size ?? 0) === 0) fs.rmSync(file + side, { force: true });
  }
}

interface TrimContext {
  orgId: number;
  orgName: string;
  expected: Counts;
  sourceHead: { count: number; hash: string } | null;
  sourceLedgerId: string | null;
  operator: string;
  now: () => Date;
  step: (phase: (typeof SPLIT_PHASES)[number]) => void;
}

/** In the private copy: remove the other organisations, seal the split, check; throws if anything is off. */
function trimCopy(db: Database.Database, c: TrimContext): Omit<SplitResult, 'file'> {
  // One file, no side files to carry; foreign keys checked as a whole at the end (rows go parents first).
  db.pragma('journal_mode = DELETE');
  db.pragma('foreign_keys = OFF');
  const org = { org: c.orgId };
  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${APPEND_ONLY_TRIMMED.map(() => '?').join(',')}) AND name LIKE '%no_delete'`)
    .all(...APPEND_ONLY_TRIMMED) as { name: string; sql: string }[];
  const sealedBefore = new Set(db.prepare('SELECT DISTINCT meeting_id FROM seals WHERE meeting_id > 0').pluck().all() as number[]);
  let guests = 0;
  let moved: number[] = [];
  let redacted: RedactionClaim = { ranges: [], count: 0, digest: GENESIS };
  // The log is redacted over hashes that must be right: a broken source log is not split.
  const before = walkAudit(db);
  if (before.broken) {
    throw new LedgerError({ code: 'conflict', message: `原台账的操作记录核验未通过（${before.broken.message}），拆分没有进行。请先在“数据安全”里核验台账。` });
  }
  const operatorsBefore = db.prepare('SELECT name FROM operators').pluck().all() as string[];
  c.step('移出其他组织的记录');
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    for (const [table, where] of SPLIT_REMOVE) db.prepare(`DELETE FROM "${table}" WHERE ${where}`).run(where.includes('@org') ? org : {});
    for (const [table, column, parent] of SPLIT_CLEAR) {
      db.prepare(`UPDATE "${table}" SET "${column}" = NULL WHERE "${column}" IS NOT NULL AND "${column}" NOT IN (SELECT id FROM "${parent}")`).run();
    }
    // Persons of other organisations stay when a kept row names them (the 集团书记 seated in the
    // campus committee, the host of a meeting), and become the organisation's own.
    const refs = personColumns(db).map(([t, col]) => `SELECT "${col}" FROM "${t}" WHERE "${col}" IS NOT NULL`);
    db.prepare(`DELETE FROM persons WHERE org_id <> @org AND id NOT IN (${refs.join(' UNION ')})`).run(org);
    guests = db.prepare('UPDATE persons SET org_id = @org WHERE org_id <> @org').run(org).changes;
    for (const t of triggers) db.exec(t.sql);
    const kept = new Set(db.prepare('SELECT id FROM meetings').pluck().all() as number[]);
    moved = [...sealedBefore].filter((m) => !kept.has(m)).sort((a, b) => a - b);
    c.step('移出他校操作记录');
    const keptOperators = new Set(db.prepare('SELECT name FROM operators').pluck().all() as string[]);
    redacted = redactForeign(db, c.orgId, moved, operatorsBefore.filter((n) => !keptOperators.has(n)));
    // The file's own identity: a new ledger, which says where it came from.
    db.prepare("UPDATE ledger_meta SET value = ? WHERE key = 'ledgerId'").run(randomUUID());
    db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('splitFrom', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify({ ledgerId: c.sourceLedgerId, head: c.sourceHead, at: c.now().toISOString() }),
    );
    db.prepare("DELETE FROM ledger_meta WHERE key = 'pendingRestore'").run();
    const summary = JSON.stringify({ org: c.orgName, moved, from: c.sourceLedgerId, head: c.sourceHead, redacted });
    const at = c.now().toISOString();
    const auditId = appendAudit({ sqlite: db }, { at, operator: c.operator, channel: 'orgs.split', summary }, c.orgId);
    const sealer = { sqlite: db, operator: c.operator, now: c.now } as unknown as Ledger;
    appendSeal(sealer, 'split', auditId, 0, chainHead(sealer)?.hash ?? GENESIS);
    const dangling = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (dangling.length) throw new Error(`foreign keys: ${dangling[0]!.table} → ${dangling[0]!.parent}`);
  })();
  db.pragma('foreign_keys = ON');

  // Nothing lost, nothing extra: the copy holds exactly the organisation's records of the source.
  c.step('核对数量');
  const inCopy = orgCounts(db, c.orgId);
  const whole = fileCounts(db);
  for (const k of Object.keys(KIND_LABELS) as Kind[]) {
    const extraPersons = k === 'persons' ? guests : 0;
    if (inCopy[k] !== c.expected[k] + extraPersons || whole[k] !== c.expected[k] + extraPersons) {
      throw new LedgerError({
        code: 'internal',
        message: `拆分核对未通过：${KIND_LABELS[k]}应为${c.expected[k] + extraPersons}，新台账中为${whole[k]}。没有写入新台账，原台账没有改动。`,
      });
    }
  }
  c.step('核验存证');
  const report = verifyChain({ sqlite: db });
  if (!report.ok) {
    throw new LedgerError({ code: 'internal', message: `拆分出的台账没有通过核验（${report.broken?.message ?? ''}），没有写入新台账；原台账没有改动。` });
  }
  const counts = countRows({ ...c.expected, persons: c.expected.persons + guests });
  return {
    orgName: c.orgName,
    counts,
    movedMeetings: moved.length,
    guests,
    verify: { state: report.state, message: report.message },
    message: `已将「${c.orgName}」拆分为单独的台账：${counts.filter((r) => r.count > 0).map((r) => `${r.label}${r.count}`).join('，')}。新台账已通过核验，原台账没有改动。`,
  };
}

/**
 * The others' 操作记录 and the seals of their meetings, in the copy: an audit row of another
 * organisation (or of an operator who left with them, or limiting such an operator) keeps its id, time and stored hash, and its
 * operator, channel and summary become REDACTED (db/trust/audit.ts); the split row commits to
 * every such row's id and hash, so verify can vouch for each by its hash alone. A seal of a meeting
 * that left keeps its hashes (the chain's links) and loses its operator, which only its record
 * check — gone with the record — used. Then the full-text indexes are merged, so the removed
 * rows' terms leave them too. Returns the claim the split row carries.
 */
function redactForeign(db: Database.Database, orgId: number, moved: number[], goneOperators: string[]): RedactionClaim {
  const from = auditChainFrom(db);
  const rows = db
    .prepare(
      `SELECT id, hash FROM audit_log WHERE id >= @from AND hash IS NOT NULL AND channel <> @mark
         AND ((org_id IS NOT NULL AND org_id <> @org) OR operator IN (SELECT value FROM json_each(@gone))
              OR (channel = 'operators.limit' AND json_valid(summary) AND json_extract(summary, '$.name') IN (SELECT value FROM json_each(@gone))))
       ORDER BY id`,
    )
    .raw()
    .all({ from, mark: REDACTED.channel, org: orgId, gone: JSON.stringify(goneOperators) }) as [number, string][];
  const guarded = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('audit_log_no_update', 'seals_no_update')").all() as { name: string; sql: string }[];
  for (const t of guarded) db.exec(`DROP TRIGGER "${t.name}"`);
  const blank = db.prepare('UPDATE audit_log SET operator = @operator, channel = @channel, summary = @summary WHERE id = @id');
  let digest = GENESIS;
  for (const [id, hash] of rows) {
    blank.run({ ...REDACTED, id });
    digest = redactionStep(digest, id, hash);
  }
  db.prepare('UPDATE seals SET operator = ? WHERE meeting_id IN (SELECT value FROM json_each(?))').run(REDACTED.operator, JSON.stringify(moved));
  for (const t of guarded) db.exec(t.sql);
  const fts = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'").pluck().all() as string[];
  for (const name of fts) db.prepare(`INSERT INTO "${name}"("${name}") VALUES ('optimize')`).run();
  return { ranges: idRanges(rows.map((r) => r[0])), count: rows.length, digest };
}

/** Every column of the file that refers to a person (declared foreign keys), as [table, column]. */
export function personColumns(db: Database.Database): [string, string][] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return tables.flatMap((t) =>
    (db.pragma(`foreign_key_list("${t}")`) as { table: string; from: string }[]).filter((f) => f.table === 'persons').map((f) => [t, f.from] as [string, string]),
  );
}
