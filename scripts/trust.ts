// npm run trust: the trust figures of the ledger, measured on real files and printed as tables.
// Durability under SIGKILL (200 rounds), startup guards on damaged files, backups and restore,
// tamper evidence (each locked kind, 100 random raw-SQL tampers, recomputation and truncation
// against the anchor, 10,000 appends without a false positive) and 10,000 fuzzed channel calls.
// Then issue H, one section per class, each case tried as an attacker would (test/trust/attacks.ts):
// foreign and old -wal files, full disk, read-only media, permissions and another program, forged
// ids and times, restore then more work, INSERT OR REPLACE and another tool on the audit log,
// byte flips anywhere, odd input and killed processes, and what the shell saves and opens.
// Exit code 1 when any figure misses its target; a limit the README states is shown, not failed.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openLedger } from '../db/open';
import { createBackup, listBackups, rotateBackups } from '../db/trust/backup';
import { GENESIS, contentHashOf, linkHash, readRecord, SEAL_KINDS, SEAL_SELECT, type SealKind, type SealRow } from '../db/trust/chain';
import { DamagedLedger, inspectLedgerFile } from '../db/trust/guards';
import { restoreBackup } from '../db/trust/restore';
import { verifyChain } from '../db/trust/verify';
import { appendAndVerify } from '../test/trust/appends';
import { bundleScript, crashRounds } from '../test/trust/crash';
import { freshAt, MIGRATIONS, ROOT, setupSchool, sha256Of, signedMeeting, tempDir } from '../test/trust/fixture';
import { fuzzChannels } from '../test/trust/fuzz';
import { tamperTrials } from '../test/trust/tamper';
import { accessAttacks, anchorAttacks, appendOnlyAttacks, disposeAttacks, flipAttacks, restoreAttacks, shellAttacks, smallAttacks, type Tally, walAttacks } from '../test/trust/attacks';
import { markerPath } from '../db/trust/clean';
import { spawn } from 'node:child_process';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const N = {
  crash: Number(args.get('crash') ?? 200),
  tamper: Number(args.get('tamper') ?? 100),
  appends: Number(args.get('appends') ?? 10_000),
  fuzz: Number(args.get('fuzz') ?? 10_000),
  wal: Number(args.get('wal') ?? 45),
  anchors: Number(args.get('anchors') ?? 40),
  restores: Number(args.get('restores') ?? 8),
  audit: Number(args.get('audit') ?? 40),
  flips: Number(args.get('flips') ?? 60),
  kills: Number(args.get('kills') ?? 20),
};
const failures: string[] = [];

type Row = Record<string, string | number | boolean>;

function table(title: string, rows: Row[]): void {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  // East Asian wide characters take two columns in a terminal.
  const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
  const width = (s: string) => [...s].reduce((w, ch) => w + (wide.test(ch) ? 2 : 1), 0);
  const cell = (v: unknown) => (v === undefined ? '' : String(v));
  const w = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(cell(r[c])))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat(w[i]! - width(c))).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(cols));
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

function expectFigure(ok: boolean, what: string): string {
  if (!ok) failures.push(what);
  return ok ? 'yes' : 'NO';
}

const ms = (t0: number) => `${Math.round(performance.now() - t0)} ms`;

// ── 1. Durability ────────────────────────────────────────────────────────────
async function durability() {
  const t = freshAt();
  const p = (name: string) => String(t.ledger.sqlite.pragma(name, { simple: true }));
  table('Durability pragmas (openLedger)', [
    { pragma: 'journal_mode', value: p('journal_mode'), expected: 'wal', ok: expectFigure(p('journal_mode') === 'wal', 'journal_mode') },
    { pragma: 'synchronous', value: p('synchronous'), expected: '2 (FULL)', ok: expectFigure(p('synchronous') === '2', 'synchronous') },
    { pragma: 'foreign_keys', value: p('foreign_keys'), expected: '1', ok: expectFigure(p('foreign_keys') === '1', 'foreign_keys') },
  ]);
  t.dispose();

  const file = path.join(tempDir(), 'ledger.sqlite');
  const t0 = performance.now();
  let lastPrint = 0;
  const s = await crashRounds(file, N.crash, 400, (i) => {
    if (performance.now() - lastPrint > 10_000) {
      lastPrint = performance.now();
      process.stderr.write(`  crash rounds: ${i + 1}/${N.crash}\n`);
    }
  });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  table(`SIGKILL of a writer at random moments (WAL + synchronous=FULL), reopened each time`, [
    { figure: 'rounds passed (integrity ok, nothing lost, nothing half-written)', value: `${s.passed}/${s.rounds}`, ok: expectFigure(s.passed === s.rounds, 'crash rounds') },
    { figure: 'acknowledged transactions, all present after the kills', value: s.acknowledged, ok: expectFigure(s.problems.length === 0, 'crash problems') },
    { figure: 'problems', value: s.problems.length ? s.problems.slice(0, 3).join(' / ') : 'none', ok: s.problems.length === 0 ? 'yes' : 'NO' },
    { figure: 'time', value: ms(t0), ok: '' },
  ]);
}

// ── 2. Startup guards ────────────────────────────────────────────────────────
function guards() {
  const base = freshAt();
  const school = setupSchool(base);
  base.ledger.sqlite.pragma('synchronous = OFF');
  signedMeeting(base, school, 1);
  signedMeeting(base, school, 2);
  const backup = createBackup(base.ledger);
  for (let i = 0; i < 150; i++) {
    base.ok('items.create', { orgId: school.orgId, title: `议题${i}`, summary: '内容'.repeat(200), matterId: school.matter('D3'), proposerId: school.person('陈志强') });
  }
  base.close();

  const cases: { name: string; damage: string; make: (file: string) => void }[] = [
    { name: '截断（不在页边界）', damage: 'truncated', make: (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2) + 1000) },
    { name: '截断（在页边界）', damage: 'truncated', make: (f) => fs.truncateSync(f, 4096 * 10) },
    { name: '文件头被覆盖', damage: 'not_sqlite', make: (f) => overwrite(f, 0, Buffer.from('这不是数据库文件头'.repeat(4))) },
    { name: '页大小字段损坏', damage: 'header_damaged', make: (f) => overwrite(f, 16, Buffer.from([3, 0])) },
    { name: '不是 SQLite 文件', damage: 'not_sqlite', make: (f) => fs.writeFileSync(f, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(9000, 7)])) },
    { name: '别的程序的数据库', damage: 'not_ledger', make: (f) => { fs.rmSync(f); const d = new Database(f); d.exec('CREATE TABLE photos (id INTEGER)'); d.close(); } },
    { name: '页头字节翻转（正常关闭后）', damage: 'corrupt', make: flipPageHeaders },
    { name: '记录里的一个字（正常关闭后；自检看不出）', damage: 'changed_while_closed', make: (f) => overwrite(f, fs.readFileSync(f).indexOf(Buffer.from('议题1')), Buffer.from('议案1')) },
    { name: '页头字节翻转（无关闭标记，如断电后）', damage: 'corrupt', make: (f) => { flipPageHeaders(f); fs.rmSync(markerPath(f), { force: true }); } },
    { name: '0 字节（有备份）', damage: 'empty', make: (f) => fs.truncateSync(f, 0) },
    { name: '文件丢失（有备份）', damage: 'missing', make: (f) => fs.rmSync(f) },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    fs.copyFileSync(base.file, file);
    // With its clean-close marker, as the folder is after the app closed it.
    fs.copyFileSync(markerPath(base.file), markerPath(file));
    fs.cpSync(path.join(base.dir, 'backups'), path.join(dir, 'backups'), { recursive: true });
    c.make(file);
    const present = [file, `${file}-wal`].filter((f) => fs.existsSync(f));
    const before = present.map(sha256Of).join();
    let refusedAs = 'opened!';
    let offered = false;
    let chinese = false;
    try {
      openLedger(file, { migrationsFolder: MIGRATIONS }).close();
    } catch (e) {
      if (e instanceof DamagedLedger) {
        refusedAs = e.damage;
        offered = e.offer?.file === path.join(dir, 'backups', backup.file);
        chinese = /[\u4e00-\u9fff]/.test(e.message);
      } else refusedAs = `error: ${String(e).slice(0, 40)}`;
    }
    const unchanged = present.map(sha256Of).join() === before && [file, `${file}-wal`].filter((f) => fs.existsSync(f)).length === present.length;
    rows.push({
      case: c.name,
      'refused as': refusedAs,
      expected: c.damage,
      'Chinese message': chinese ? 'yes' : 'NO',
      'file unchanged (sha256)': expectFigure(unchanged, `${c.name} unchanged`),
      'newest verified backup offered': expectFigure(offered, `${c.name} offer`),
      ok: expectFigure(refusedAs === c.damage && chinese, `${c.name} refused`),
    });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Newer app version.
  {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    fs.copyFileSync(base.file, file);
    const d = new Database(file);
    d.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    d.close();
    // The newer app's own clean close: this one did not see it.
    fs.rmSync(markerPath(file), { force: true });
    const before = sha256Of(file);
    let refused = false;
    try {
      openLedger(file, { migrationsFolder: MIGRATIONS }).close();
    } catch (e) {
      refused = String((e as Error).message).includes('更新版本');
    }
    rows.push({ case: '更新版本写入的台账', 'refused as': refused ? 'newer version' : 'opened!', expected: 'newer version', 'Chinese message': refused ? 'yes' : 'NO', 'file unchanged (sha256)': expectFigure(sha256Of(file) === before, 'newer unchanged'), 'newest verified backup offered': '-', ok: expectFigure(refused, 'newer refused') });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  table('Startup guards: damaged ledger files (opened with openLedger)', rows);
  fs.rmSync(base.dir, { recursive: true, force: true });
}

function overwrite(file: string, at: number, bytes: Buffer) {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, at);
  fs.closeSync(fd);
}

function flipPageHeaders(file: string) {
  const buf = fs.readFileSync(file);
  let flipped = 0;
  for (let p = buf.length / 4096 - 1; p > 5 && flipped < 3; p--) {
    if (buf[p * 4096] === 0x0d) {
      buf[p * 4096 + 5] ^= 0x5a;
      buf[p * 4096 + 3] ^= 0x01;
      flipped++;
    }
  }
  fs.writeFileSync(file, buf);
}

// ── 3. Backups and restore ───────────────────────────────────────────────────
async function backups() {
  const t = freshAt();
  t.ledger.sqlite.pragma('synchronous = OFF');
  const school = setupSchool(t);
  for (let n = 1; n <= 20; n++) signedMeeting(t, school, n);
  const t0 = performance.now();
  const b = createBackup(t.ledger);
  const backupMs = ms(t0);
  const rows: Row[] = [
    { figure: 'backup of a ledger with 20 signed meetings', value: `${(b.bytes / 1024).toFixed(0)} KB in ${backupMs}`, ok: '' },
    { figure: 'manifest: meetings / signed minutes / chain head', value: `${b.meetings} / ${b.signedMinutes} / ${b.chain?.short}`, ok: expectFigure(b.meetings === 20 && b.chain !== null, 'manifest') },
    { figure: 'manifest sha256 matches the file', value: b.sha256.slice(0, 16), ok: expectFigure(sha256Of(b.path) === b.sha256, 'sha') },
  ];
  // Rotation: 2 a day for 36 days.
  const rotDir = tempDir();
  for (let d = 0; d < 36; d++) {
    for (const hour of ['09', '17']) {
      t.setNow(`${new Date(Date.UTC(2026, 3, 1 + d)).toISOString().slice(0, 10)}T${hour}:00:00`);
      createBackup(t.ledger, { dir: rotDir, rotate: false });
    }
  }
  const removed = rotateBackups(rotDir, t.ledger.now(), b.ledgerId);
  const left = listBackups(rotDir);
  rows.push({ figure: 'rotation: 72 backups over 36 days → kept (newest 10 + 1/day for 30 days)', value: `${left.length} kept, ${removed.length} removed`, ok: expectFigure(left.length === 36, 'rotation') });
  fs.rmSync(rotDir, { recursive: true, force: true });

  // Restore refused for bad backups.
  const bad = createBackup(t.ledger);
  flipPageHeaders(bad.path);
  const refusedFlip = t.call('backup.restore', { file: bad.path });
  rows.push({ figure: 'restore of a backup with flipped bytes', value: refusedFlip.ok ? 'accepted!' : 'refused', ok: expectFigure(!refusedFlip.ok, 'refuse flipped') });

  // Restore + undo.
  t.setNow('2026-06-01T09:00:00');
  signedMeeting(t, school, 40);
  t.close();
  const r = restoreBackup(t.file, b.path);
  const again = openLedgerCount(t.file);
  rows.push({ figure: 'restore: meetings after (backup had 20, ledger had 21)', value: again, ok: expectFigure(again === 20, 'restore') });
  restoreBackup(t.file, r.savedAs!);
  const undone = openLedgerCount(t.file);
  rows.push({ figure: 'undo (restore the pre-restore save): meetings', value: undone, ok: expectFigure(undone === 21, 'undo') });

  // Restore killed at each phase and at random moments.
  const child = bundleScript(path.join(ROOT, 'test/trust/restore-child.ts'), 'restore-child');
  const outcomes = { old: 0, new: 0, broken: 0 };
  const stops = ['verify', 'save', 'copy', 'swap', 'done', ...Array.from({ length: 15 }, () => 'random')];
  for (const stop of stops) {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    fs.copyFileSync(t.file, file);
    await killDuring(child, [file, b.path, stop], stop === 'random' ? Math.floor(Math.random() * 200) : null);
    const state = inspectLedgerFile(file, { backupDirs: [] });
    if (state.state !== 'ok') outcomes.broken++;
    else if (openLedgerCount(file) === 21) outcomes.old++;
    else outcomes.new++;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows.push({
    figure: `restore SIGKILLed at each step and at random (${stops.length} runs): old / new / broken`,
    value: `${outcomes.old} / ${outcomes.new} / ${outcomes.broken}`,
    ok: expectFigure(outcomes.broken === 0, 'restore kill'),
  });
  table('Backups and restore', rows);
  fs.rmSync(t.dir, { recursive: true, force: true });
}

function openLedgerCount(file: string): number {
  const l = openLedger(file, { migrationsFolder: MIGRATIONS });
  try {
    return (l.sqlite.prepare('SELECT COUNT(*) AS n FROM meetings').get() as { n: number }).n;
  } finally {
    l.close();
  }
}

function killDuring(bundle: string, a: string[], delayMs: number | null): Promise<void> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [bundle, ...a], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    if (delayMs !== null) setTimeout(() => c.kill('SIGKILL'), delayMs);
    c.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (delayMs === null && out.includes(`phase ${a[2]}\n`)) c.kill('SIGKILL');
    });
    c.on('exit', () => resolve());
  });
}

// ── 4. Tamper evidence ───────────────────────────────────────────────────────
function tamper() {
  const t = freshAt();
  t.ledger.sqlite.pragma('synchronous = OFF');
  const school = setupSchool(t);
  const ms3 = [1, 2, 3].map((n) => signedMeeting(t, school, n));
  const db = t.ledger.sqlite;
  const seals = () => db.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[];
  const edits: Record<SealKind, string> = {
    meeting: "place = '校外'",
    attendance: "status = '缺席'",
    entry: 'votes_for = votes_for + 2',
    statement: "position = '不同意'",
    recusal: "reason = '无'",
    opinion: "text = '不同意'",
    ballot: "choice = '反对'",
    decision: "text = text || '（追加）'",
    minutes: "content = json_set(content, '$.opening', '改过')",
    roster: "name = '改过的名字'",
  };
  const tables: Record<SealKind, string> = { meeting: 'meetings', attendance: 'attendance', entry: 'agenda_entries', statement: 'statements', recusal: 'recusals', opinion: 'written_opinions', ballot: 'ballots', decision: 'decisions', minutes: 'minutes', roster: 'meeting_roster' };
  const kindRows: Row[] = [];
  for (const kind of SEAL_KINDS) {
    const all = seals();
    const target = all.filter((s) => s.kind === kind)[1] ?? all.find((s) => s.kind === kind)!;
    db.exec('BEGIN');
    let found = false;
    let message = '';
    try {
      // The roster's own guard refuses an UPDATE; an attacker with another tool drops it first.
      if (kind === 'roster') db.exec('DROP TRIGGER meeting_roster_no_update');
      db.prepare(`UPDATE ${tables[kind]} SET ${edits[kind]} WHERE id = ?`).run(target.refId);
      const v = verifyChain(t.ledger);
      found = v.broken?.kind === kind && v.broken.refId === target.refId && v.broken.position === all.indexOf(target) + 1;
      message = v.broken?.message ?? '';
    } finally {
      db.exec('ROLLBACK');
    }
    kindRows.push({ 'locked record': kind, edit: `UPDATE ${tables[kind]} SET ${edits[kind]}`, 'found and named': expectFigure(found, `kind ${kind}`), message: message.length > 60 ? `${message.slice(0, 60)}…` : message });
  }
  table('Tamper evidence: one direct SQL edit per kind of locked record', kindRows);

  const t0 = performance.now();
  const trials = tamperTrials(t.ledger, N.tamper, 20260325);
  const byOp = new Map<string, { n: number; found: number }>();
  for (const x of trials) {
    const op = x.what.replace(/ #.*$/, '').replace(/ into sealed entry$/, '').replace(/^(edit|delete) (\w+)\..*$/, '$1 $2.*');
    const key = x.what.startsWith('edit seals') ? x.what.replace(/ #.*$/, '') : op;
    const e = byOp.get(key) ?? { n: 0, found: 0 };
    e.n++;
    if (x.found) e.found++;
    byOp.set(key, e);
  }
  const found = trials.filter((x) => x.found).length;
  table(
    `Random raw-SQL tampering, triggers dropped (${N.tamper} trials, each rolled back): found at the first bad record`,
    [...[...byOp.entries()].sort().map(([op, e]) => ({ tamper: op, trials: e.n, found: e.found })), { tamper: 'TOTAL', trials: trials.length, found: `${found}/${trials.length} ${expectFigure(found === trials.length, 'random tamper')}` }, { tamper: 'time', trials: '', found: ms(t0) }],
  );

  // Full recomputation and truncation, against the anchor printed on the last minutes.
  const printed = ms3[2]!.anchor!;
  const [count, hash] = printed.split('-') as [string, string];
  const anchor = [{ anchor: { count: Number(count), hash }, source: '纪要存证码' }];
  db.exec('BEGIN');
  let walkFooled = false;
  let anchorCaught = false;
  try {
    db.exec('DROP TRIGGER seals_no_update; DROP TRIGGER seals_no_delete;');
    const first = seals().find((s) => s.kind === 'entry')!;
    db.prepare('UPDATE agenda_entries SET votes_for = votes_for + 2 WHERE id = ?').run(first.refId);
    let prev = GENESIS;
    for (const s of seals()) {
      const c = contentHashOf(s, readRecord(t.ledger, s.kind as SealKind, s.refId)!);
      const h = linkHash(prev, c);
      db.prepare('UPDATE seals SET content_hash = ?, prev_hash = ?, hash = ? WHERE id = ?').run(c, prev, h, s.id);
      prev = h;
    }
    walkFooled = verifyChain(t.ledger).ok;
    anchorCaught = verifyChain(t.ledger, anchor).broken?.reason === 'anchor_mismatch';
  } finally {
    db.exec('ROLLBACK');
  }
  db.exec('BEGIN');
  let truncCaught = false;
  try {
    db.exec('DROP TRIGGER seals_no_delete;');
    const all = seals();
    const lastMeeting = all[all.length - 1]!.meetingId;
    // Delete the whole last meeting's records and seals, as if it never happened.
    db.pragma('foreign_keys = OFF');
    for (const s of all.filter((x) => x.meetingId === lastMeeting)) db.prepare('DELETE FROM seals WHERE id = ?').run(s.id);
    db.prepare("UPDATE minutes SET state = 'draft' WHERE meeting_id = ?").run(lastMeeting);
    truncCaught = verifyChain(t.ledger, anchor).broken?.reason === 'truncated';
  } finally {
    db.exec('ROLLBACK');
  }
  table('Against the external anchor (printed on signed minutes, kept in backup manifests)', [
    { attack: 'edit a vote, then recompute the whole chain', 'walk alone passes': walkFooled ? 'yes (as expected)' : 'no', 'anchor catches it': expectFigure(anchorCaught, 'recompute') },
    { attack: 'remove the last meeting\'s seals (truncate)', 'walk alone passes': '-', 'anchor catches it': expectFigure(truncCaught, 'truncate') },
  ]);
  t.dispose();

  const t1 = performance.now();
  const a = appendAndVerify(N.appends);
  table(`False positives: ${N.appends.toLocaleString('en')} appends (signed meetings, odd text), full verify after each signing`, [
    { figure: 'seals appended', value: a.appends },
    { figure: 'meetings signed', value: a.meetings },
    { figure: 'full verifications', value: a.verifies },
    { figure: 'false positives', value: `${a.falsePositives} ${expectFigure(a.falsePositives === 0 && a.appends >= N.appends, 'false positives')}` },
    { figure: 'time', value: ms(t1) },
  ]);
}

// ── 5. Fuzz ──────────────────────────────────────────────────────────────────
async function fuzz() {
  const t = freshAt();
  const school = setupSchool(t);
  signedMeeting(t, school, 1);
  const t0 = performance.now();
  const s = await fuzzChannels(t.ledger, N.fuzz, 99);
  t.dispose();
  table(`Fuzz: ${N.fuzz.toLocaleString('en')} malformed payloads over every channel of the contract`, [
    { figure: 'channels', value: s.channels },
    { figure: 'calls', value: s.calls },
    { figure: 'refused / accepted', value: `${s.refused} / ${s.accepted}` },
    { figure: 'refusals by code', value: Object.entries(s.byCode).map(([k, v]) => `${k} ${v}`).join(', ') },
    { figure: 'dispatch threw (crashes)', value: `${s.crashes} ${expectFigure(s.crashes === 0, 'fuzz crashes')}` },
    { figure: 'unexpected handler failures (internal)', value: `${s.internal} ${expectFigure(s.internal === 0, 'fuzz internal')}` },
    { figure: 'refusals without a typed code', value: `${s.untyped} ${expectFigure(s.untyped === 0, 'fuzz untyped')}` },
    { figure: 'refusals without Chinese', value: `${s.notChinese} ${expectFigure(s.notChinese === 0, 'fuzz chinese')}` },
    { figure: 'refused calls that changed rows', value: `${s.changedOnRefusal} ${expectFigure(s.changedOnRefusal === 0, 'fuzz rows')}` },
    { figure: 'Object.prototype polluted', value: `${s.polluted} ${expectFigure(!s.polluted, 'pollution')}` },
    { figure: 'time', value: ms(t0) },
  ]);
  if (s.problems.length) console.log(s.problems.join('\n'));
}

// ── 6. Issue H: each class, as an attacker would try it ─────────────────────────────────────
function classTable(title: string, rows: Tally[]): void {
  const total = rows.filter((r) => !r.limit).reduce((a, r) => ({ tries: a.tries + r.tries, held: a.held + r.held }), { tries: 0, held: 0 });
  table(title, [
    ...rows.map((r) => ({
      case: r.case,
      tries: r.tries,
      held: r.held,
      failed: r.failed,
      ok: r.limit ? 'limit' : r.tries === 0 ? 'skipped' : expectFigure(r.failed === 0, r.case),
      note: r.note ?? '',
    })),
    { case: 'TOTAL (limits aside)', tries: total.tries, held: total.held, failed: total.tries - total.held, ok: `${total.tries ? ((100 * total.held) / total.tries).toFixed(1) : '—'} % held`, note: '' },
  ]);
}

async function issueH() {
  const timed = async (title: string, run: () => Tally[] | Promise<Tally[]>) => {
    const t0 = performance.now();
    const rows = await run();
    classTable(`${title} — ${ms(t0)}`, rows);
  };
  await timed(`H1. A -wal that is not this ledger's, at this moment (${N.wal} tries)`, () => walAttacks(N.wal));
  await timed('H2. Disk full, read-only media, permissions, another program: named, no restore offered, nothing changed', accessAttacks);
  await timed(`H3. Anchors from outside the file, matched by content (${N.anchors} tries)`, () => anchorAttacks(N.anchors));
  await timed(`H4. Restore, then more work, then verify (${N.restores} rounds + forged restores)`, () => restoreAttacks(N.restores));
  await timed(`H5. Audit log and seals append-only; verify checks the audit log (${N.audit} tries with another tool)`, () => appendOnlyAttacks(N.audit));
  let cost: { bytes: number; ms: number }[] = [];
  await timed(`H7. A byte flipped anywhere in the file while the app is closed (${N.flips} flips, each with and without the marker)`, () => {
    const f = flipAttacks(N.flips);
    cost = f.cost;
    return f.rows;
  });
  table('H7. Cost of the whole-file sha256 (at a clean close that changed the file, and at a start after a change)', cost.map((c) => ({ file: `${(c.bytes / 1048576).toFixed(0)} MB`, 'sha256 (warm cache)': `${c.ms} ms`, 'MB/s': Math.round(c.bytes / 1048576 / (c.ms / 1000)) })));
  await timed('H8. Smaller ones: odd input, a missing file beside its -wal, leftovers of killed processes', () => smallAttacks(N.kills));
  await timed('H9. What the shell saves and opens', shellAttacks);
  disposeAttacks();
}

async function main() {
  const t0 = performance.now();
  console.log(`议事台账 trust figures (${Object.entries(N).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  // --only=H runs just the issue-H sections (while iterating); the full run is the figure.
  if (args.get('only') !== 'H') {
    await durability();
    guards();
    await backups();
    tamper();
    await fuzz();
  }
  await issueH();
  console.log(`\nTotal time ${ms(t0)}. ${failures.length ? `FAILED: ${failures.join(', ')}` : 'Every figure met its target.'}`);
  process.exitCode = failures.length ? 1 : 0;
}

void main();
