// 合并台账: a school's own ledger file brought into this (集团) ledger as a campus under a chosen
// 集团党委. The school's file is only read, through a private copy (with its -wal), never opened
// for writing. Before anything is copied it must be a ledger of this app at this app's version,
// hold one organisation, and pass verify; a file merged once is refused the second time.
//
// Rows are copied in the command's one transaction with every id moved by an offset per table
// (the largest id of that table here): the same rule for each row's own id, each foreign key,
// each id-like column without a declared key, and each id inside JSON columns (db/trust/tables.ts
// shiftRow). The school's seal chain is not re-linked into this file's chain: it is kept as it
// was (imported_seals, with its head and the offsets in imported_chains), so the 存证码 printed on
// its minutes still verify, and verify recomputes each of its seals over the records shifted
// back. Its audit log stays in its own file; its head is recorded.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { LedgerError } from '../errors';
import type { Ledger, ReadLedger } from '../ledger';
import { walkAudit } from '../trust/audit';
import { chainHead, SEAL_SELECT, type SealRow } from '../trust/chain';
import { withCopy } from '../trust/files';
import { openSqlite } from '../trust/sqlite';
import { MERGE_SKIP, shiftRow, shiftRules, SPLIT_REMOVE } from '../trust/tables';
import { verifyChain } from '../trust/verify';
import { finished, MERGE_PHASES, stepTo } from './progress';
import { countRows, fileCounts, KIND_LABELS, type Kind, LEDGER_EXTENSION, orgCounts } from './split';

/** Tables a merge copies, parents first (the split's order, persons right after organisations). */
export const MERGE_TABLES: readonly string[] = (() => {
  const names = SPLIT_REMOVE.map(([t]) => t).filter((t) => !MERGE_SKIP.has(t));
  return [names[0]!, 'persons', ...names.slice(1)];
})();

const NOT_LEDGER = '所选文件不是议事台账文件，不能合并。请选择学校自己的台账文件（.sqlite）。';

interface Source {
  ledgerId: string;
  org: { id: number; name: string };
  counts: ReturnType<typeof fileCounts>;
  seals: number;
  verify: { state: string; message: string };
}

function migrationsOf(db: Database.Database): { hash: string; at: number }[] {
  return (db.prepare('SELECT hash, created_at AS at FROM __drizzle_migrations ORDER BY created_at, id').all() as { hash: string; at: number | string }[]).map((r) => ({
    hash: r.hash,
    at: Number(r.at),
  }));
}

/** The checks a school's file must pass before anything of it is copied. */
function checkSource(main: Database.Database, src: Database.Database, mainLedgerId: string | null): Source {
  const has = (t: string) => Boolean(src.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));
  if (!['__drizzle_migrations', 'ledger_meta', 'organizations', 'seals', 'audit_log'].every(has)) {
    throw new LedgerError({ code: 'invalid_input', message: NOT_LEDGER, field: 'file' });
  }
  const mine = migrationsOf(main);
  const theirs = migrationsOf(src);
  const newest = Math.max(0, ...mine.map((m) => m.at));
  if (theirs.some((m) => m.at > newest)) {
    throw new LedgerError({ code: 'conflict', message: '所选台账是由更新版本的议事台账写入的，当前版本无法合并。请先把本机升级到最新版本。所选文件没有改动。', field: 'file' });
  }
  // The same migrations, in the same order: the same tables and columns as this file.
  if (theirs.length !== mine.length || theirs.some((m, i) => m.hash !== mine[i]!.hash)) {
    throw new LedgerError({
      code: 'conflict',
      message: '所选台账的版本与本机不同。请先在学校的电脑上用最新版本的议事台账打开一次该文件（会自动升级），再来合并。所选文件没有改动。',
      field: 'file',
    });
  }
  const ledgerId = src.prepare("SELECT value FROM ledger_meta WHERE key = 'ledgerId'").pluck().get() as string | undefined;
  if (!ledgerId) throw new LedgerError({ code: 'invalid_input', message: NOT_LEDGER, field: 'file' });
  if (ledgerId === mainLedgerId) {
    throw new LedgerError({ code: 'conflict', message: '所选文件就是本台账（或它的备份），不能并入自身。', field: 'file' });
  }
  if (main.prepare('SELECT 1 FROM imported_chains WHERE source_ledger_id = ?').get(ledgerId)) {
    throw new LedgerError({ code: 'conflict', message: '这个学校的台账已经并入过本台账，不能重复合并。', field: 'file' });
  }
  const orgs = src.prepare('SELECT id, name FROM organizations ORDER BY id').all() as { id: number; name: string }[];
  if (orgs.length !== 1) {
    throw new LedgerError({
      code: 'conflict',
      message: orgs.length ? '所选台账包含多个组织，只能并入单个学校自己的台账。请先在那个台账里把学校拆分出来。' : '所选台账还没有设置学校，没有可以合并的内容。',
      field: 'file',
    });
  }
  if (src.prepare('SELECT 1 FROM imported_chains').get()) {
    throw new LedgerError({ code: 'conflict', message: '所选台账本身含有并入的其他台账，暂不能再并入。', field: 'file' });
  }
  const report = verifyChain({ sqlite: src });
  if (!report.ok) {
    throw new LedgerError({ code: 'conflict', message: `所选台账没有通过核验，不能合并：${report.broken?.message ?? ''}所选文件没有改动。`, field: 'file' });
  }
  return {
    ledgerId,
    org: orgs[0]!,
    counts: fileCounts(src),
    seals: (src.prepare('SELECT COUNT(*) FROM seals').pluck().get() as number) ?? 0,
    verify: { state: report.state, message: report.message },
  };
}

function checkFile(ledger: ReadLedger, file: string): void {
  if (!file.toLowerCase().endsWith(LEDGER_EXTENSION)) {
    throw new LedgerError({ code: 'invalid_input', message: '请选择议事台账文件（.sqlite）。', field: 'file' });
  }
  if (path.resolve(file) === path.resolve(ledger.file)) {
    throw new LedgerError({ code: 'conflict', message: '不能把当前台账并入自身，请选择学校自己的台账文件。', field: 'file' });
  }
  if (!fs.existsSync(file)) {
    throw new LedgerError({ code: 'not_found', message: '找不到所选的台账文件，请确认U盘或磁盘已连接后重新选择。', field: 'file' });
  }
}

function checkParent(db: Database.Database, parentId: number): { name: string } {
  const parent = db.prepare('SELECT name, parent_id AS parentId FROM organizations WHERE id = ?').get(parentId) as { name: string; parentId: number | null } | undefined;
  if (!parent) throw new LedgerError({ code: 'not_found', message: '所选的集团党委不存在，请刷新后重试。', field: 'parentId' });
  if (parent.parentId !== null) {
    throw new LedgerError({ code: 'conflict', message: '只能并入集团党委之下：所选组织本身是一个校区。', field: 'parentId' });
  }
  return parent;
}

/** Open a private copy of the school's file (with its -wal) and run `fn` on it; the file itself is only read. */
function withSource<T>(file: string, fn: (src: Database.Database) => T): T {
  return withCopy(file, true, (copy) => {
    let src: Database.Database;
    try {
      src = openSqlite(copy);
      src.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    } catch {
      throw new LedgerError({ code: 'invalid_input', message: NOT_LEDGER, field: 'file' });
    }
    try {
      return fn(src);
    } finally {
      src.close();
    }
  });
}

const mainLedgerId = (db: Database.Database) => (db.prepare("SELECT value FROM ledger_meta WHERE key = 'ledgerId'").pluck().get() as string | undefined) ?? null;

/** What merging this file would bring in, after every check; changes nothing. */
export function mergePreview(ledger: ReadLedger, file: string, parentId: number) {
  checkFile(ledger, file);
  const parent = checkParent(ledger.sqlite, parentId);
  return withSource(file, (src) => {
    const s = checkSource(ledger.sqlite, src, mainLedgerId(ledger.sqlite));
    return {
      orgName: s.org.name,
      parentName: parent.name,
      counts: countRows(s.counts),
      verify: s.verify,
      notes: [
        `「${s.org.name}」将作为「${parent.name}」的校区并入本台账，原有的人员、议事机构、议事清单、会议和督办事项都一并带入。`,
        `学校台账的${s.seals}条存证原样保留，纪要上印的存证码在本台账中仍可核验。`,
        '学校的操作记录留在学校的原文件中（本台账记下它的末条校验值）。所选文件不会被改动。',
      ],
    };
  });
}

/** Copy the school's file into this ledger (inside the write transaction dispatch opened). */
export function mergeLedger(ledger: Ledger, file: string, parentId: number) {
  checkFile(ledger, file);
  const parent = checkParent(ledger.sqlite, parentId);
  const db = ledger.sqlite;
  const step = (phase: (typeof MERGE_PHASES)[number]) => stepTo(db, MERGE_PHASES, phase);
  step('检查学校台账');
  return withSource(file, (src) => {
    step('核验学校台账');
    const s = checkSource(db, src, mainLedgerId(db));
    step('复制记录');
    const offsets: Record<string, number> = {};
    for (const t of MERGE_TABLES) {
      if (!shiftRules(db, t).hasId) continue;
      const max = db.prepare(`SELECT MAX(id) FROM "${t}"`).pluck().get() as number | null;
      const seq = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(t) as number | undefined;
      offsets[t] = Math.max(max ?? 0, seq ?? 0);
    }
    const newOrgId = s.org.id + offsets.organizations!;
    // Rows arrive in dependency order, but an item may name a later consultation: checked at commit.
    db.pragma('defer_foreign_keys = ON');
    for (const t of MERGE_TABLES) {
      const rules = shiftRules(db, t);
      const cols = (db.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name);
      const insert = db.prepare(`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      for (const row of src.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${t}"`).iterate() as Iterable<Record<string, unknown>>) {
        const moved = shiftRow(t, rules, row, offsets, 1);
        if (t === 'organizations') moved.parent_id = parentId;
        insert.run(moved);
      }
    }
    // The school's operators sign in here too, limited to their school; a name already used here stays the one it is.
    const personOffset = offsets.persons ?? 0;
    for (const op of src.prepare('SELECT person_id AS personId, name, pin_hash AS pinHash, created_at AS createdAt FROM operators').all() as {
      personId: number | null;
      name: string;
      pinHash: string | null;
      createdAt: string;
    }[]) {
      if (db.prepare('SELECT 1 FROM operators WHERE name = ?').get(op.name)) continue;
      const { lastInsertRowid } = db
        .prepare('INSERT INTO operators (person_id, name, pin_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(op.personId === null ? null : op.personId + personOffset, op.name, op.pinHash, op.createdAt);
      db.prepare('INSERT INTO operator_orgs (operator_id, org_id) VALUES (?, ?)').run(lastInsertRowid, newOrgId);
    }
    // The school's chain, verbatim.
    step('带入存证链');
    const head = chainHead({ sqlite: src });
    const audit = walkAudit(src);
    // The audit rows the school's event seals (restore, split) were sealed over, for verify.
    const events = src
      .prepare("SELECT id, at, operator, channel, summary FROM audit_log WHERE id IN (SELECT ref_id FROM seals WHERE kind IN ('restore', 'split')) ORDER BY id")
      .all();
    const { lastInsertRowid: chainId } = db
      .prepare(
        'INSERT INTO imported_chains (org_id, source_ledger_id, source_name, file_name, seals, head_hash, audit_rows, audit_head_hash, offsets, events, at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(newOrgId, s.ledgerId, s.org.name, path.basename(file), head?.count ?? 0, head?.hash ?? null, audit.rows, audit.headHash, JSON.stringify(offsets), JSON.stringify(events), ledger.now().toISOString(), ledger.operator);
    const addSeal = db.prepare(
      'INSERT INTO imported_seals (chain_id, position, kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    (src.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[]).forEach((x, i) =>
      addSeal.run(chainId, i + 1, x.kind, x.refId, x.meetingId, x.contentHash, x.prevHash, x.hash, x.operator, x.at),
    );
    // Nothing lost: the campus now holds what the school's file held, kind by kind.
    step('核对数量');
    const got = orgCounts(db, newOrgId);
    for (const k of Object.keys(KIND_LABELS) as Kind[]) {
      if (k === 'sealed') continue; // the school's seals are its imported chain, counted below
      if (got[k] !== s.counts[k]) {
        throw new LedgerError({ code: 'internal', message: `合并核对未通过：${KIND_LABELS[k]}应为${s.counts[k]}，并入后为${got[k]}。台账没有改动。` });
      }
    }
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length) throw new LedgerError({ code: 'internal', message: '合并核对未通过：并入的记录之间的关联不完整。台账没有改动。' });
    step('核验合并后的台账');
    const report = verifyChain({ sqlite: db });
    if (!report.ok) {
      throw new LedgerError({ code: 'internal', message: `合并后核验未通过（${report.broken?.message ?? ''}），台账没有改动。` });
    }
    finished(db, MERGE_PHASES);
    return {
      orgId: newOrgId,
      orgName: s.org.name,
      parentName: parent.name,
      counts: countRows(s.counts),
      message: `已将「${s.org.name}」并入「${parent.name}」：${countRows(s.counts).filter((r) => r.count > 0).map((r) => `${r.label}${r.count}`).join('，')}。核验通过，所选文件没有改动。`,
    };
  });
}
