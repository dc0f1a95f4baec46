// Issue H, class 2: a healthy ledger on a full disk, on read-only media, without permission, or
// held by another program is named as what it is, in Chinese, with no restore offered and
// nothing changed. Real conditions, not mocks: a small tmpfs filled to the last byte, the same
// remounted read-only, a child process running as another user, a child process holding the
// ledger open or writing to it while the app starts. Mounting needs root (as on these machines);
// where it is not allowed, those cases are skipped and say why.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron/electron-mock'));

import { dialog, resetElectronMock } from '../electron/electron-mock';
import { openOrOfferRestore, RESTORE_BUTTON, RETRY_BUTTON } from '../../electron/trust';
import { openLedger } from '../../db/open';
import { LedgerUnavailable } from '../../db/trust/access';
import { createBackup } from '../../db/trust/backup';
import { bundleScript } from './crash';
import { freshAt, MIGRATIONS, ROOT, setupSchool, tempDir, type Opened } from './fixture';

const isRoot = process.getuid?.() === 0;
const dirs: string[] = [];
const mounts: string[] = [];
const opened: Opened[] = [];
afterEach(() => {
  opened.splice(0).forEach((o) => o.dispose());
  for (const m of mounts.splice(0)) spawnSync('umount', ['-l', m]);
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** A tmpfs of `size` at a fresh folder, or null when this machine does not allow mounting. */
function tmpfs(size: string): string | null {
  const dir = tempDir();
  dirs.push(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  if (!isRoot) return false;
  const probe = tempDir();
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return ok;
})();
const mountReason = isRoot ? 'mount -t tmpfs is not permitted here' : 'needs root to mount a tmpfs';

/** Write until the disk refuses: the last byte of a small tmpfs. */
function fill(dir: string): void {
  const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 7);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  }
  for (let n = 4096; n >= 1; n = Math.floor(n / 2)) {
    try {
      for (;;) fs.writeSync(fd, chunk, 0, n);
    } catch {
      // smaller pieces next
    }
  }
  fs.closeSync(fd);
}

/** Every file in the folder (the filler aside) with its sha256: "nothing changed" means equal. */
function folderState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (f === 'filler.bin' || fs.statSync(p).isDirectory()) continue;
    out[f] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
  }
  return out;
}

/** A school's ledger, closed cleanly (with a backup, so a restore could be offered), or left as by a crash. */
function ledgerFiles(crash: boolean): { dir: string; file: string } {
  const t = freshAt();
  opened.push(t);
  const s = setupSchool(t);
  createBackup(t.ledger);
  for (let i = 0; i < 20; i++) t.ok('items.create', { orgId: s.orgId, title: `议题${i}`, summary: '内容'.repeat(100), matterId: s.matter('D3'), proposerId: s.person('陈志强') });
  if (crash) {
    const dir = tempDir();
    dirs.push(dir);
    for (const side of ['', '-wal', '.walstate']) fs.copyFileSync(t.file + side, path.join(dir, `ledger.sqlite${side}`));
    return { dir, file: path.join(dir, 'ledger.sqlite') };
  }
  t.close();
  return { dir: t.dir, file: t.file };
}

/** Copy a ledger's files (and its backups) into `into`. */
function place(from: { dir: string; file: string }, into: string): string {
  for (const f of fs.readdirSync(from.dir)) {
    const p = path.join(from.dir, f);
    if (fs.statSync(p).isDirectory()) fs.cpSync(p, path.join(into, f), { recursive: true });
    else fs.copyFileSync(p, path.join(into, f));
  }
  return path.join(into, 'ledger.sqlite');
}

function refusal(file: string): LedgerUnavailable {
  try {
    openLedger(file, { migrationsFolder: MIGRATIONS }).close();
  } catch (e) {
    if (e instanceof LedgerUnavailable) return e;
    throw e;
  }
  throw new Error('opened');
}

function expectNamed(e: LedgerUnavailable, reason: LedgerUnavailable['reason'], words: string) {
  expect(e.reason).toBe(reason);
  expect(e.message).toContain(words);
  expect(e.message).toContain('台账文件没有损坏，也没有被改动');
  expect(e.message).not.toMatch(/SqliteError|SQLITE_|ENOSPC|EROFS|EACCES|disk I\/O/);
  expect('offer' in e).toBe(false);
}

describe('H2: a full disk is not damage', () => {
  for (const crash of [false, true]) {
    it.skipIf(!canMount)(`${crash ? 'after a crash (a -wal to replay)' : 'after a clean close'}: 磁盘空间不足, no restore offered, nothing changed`, () => {
      const disk = tmpfs('6m')!;
      const file = place(ledgerFiles(crash), disk);
      fill(disk);
      const before = folderState(disk);
      expectNamed(refusal(file), 'no_space', '磁盘空间不足');
      expect(folderState(disk)).toEqual(before);
    });
  }

  it.skipIf(!canMount)('a full temporary folder (where the check copies a crash-left file) is named as such, not as damage', () => {
    const tmp = tmpfs('1m')!;
    fill(tmp);
    const { file, dir } = ledgerFiles(true);
    const before = folderState(dir);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const e = refusal(file);
      expectNamed(e, 'no_space', `临时文件夹（${tmp}）所在的磁盘空间不足`);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(folderState(dir)).toEqual(before);
  });

  it('a write that meets a full disk while running is refused in Chinese as 磁盘空间不足, nothing half-written', () => {
    const t = freshAt();
    opened.push(t);
    const s = setupSchool(t);
    // SQLite's own limit on the file's size stands in for the end of the disk (the same SQLITE_FULL).
    t.ledger.sqlite.pragma(`max_page_count = ${t.ledger.sqlite.pragma('page_count', { simple: true }) as number}`);
    for (let i = 0; i < 500; i++) {
      const before = t.snapshot();
      const r = t.call('items.create', { orgId: s.orgId, title: `议题${i}`, summary: '内容'.repeat(900), matterId: s.matter('D3'), proposerId: s.person('陈志强') });
      if (r.ok) continue;
      expect(r.error).toEqual({ code: 'internal', message: '操作没有完成，数据未被改动：磁盘空间不足。请清理台账所在的磁盘后重试。' });
      expect(t.snapshot()).toEqual(before);
      return;
    }
    throw new Error('the disk never filled');
  });
});

describe('H2: read-only media and permissions are not damage', () => {
  for (const crash of [false, true]) {
    it.skipIf(!canMount)(`read-only media ${crash ? 'after a crash' : 'after a clean close'}: 只读, no restore offered, nothing changed`, () => {
      const disk = tmpfs('16m')!;
      const file = place(ledgerFiles(crash), disk);
      execFileSync('mount', ['-o', 'remount,ro', disk]);
      const before = folderState(disk);
      expectNamed(refusal(file), 'read_only_media', '只读');
      expect(folderState(disk)).toEqual(before);
    });
  }

  const asNobody = (file: string) => {
    const bundle = bundleScript(path.join(ROOT, 'test/trust/open-child.ts'), 'open-child');
    const r = spawnSync(process.execPath, [bundle, file, MIGRATIONS], { uid: 65534, gid: 65534, encoding: 'utf8' });
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { outcome: string; reason?: string; message: string };
  };

  it.skipIf(!isRoot)('a file another user owns (no write permission): 没有权限, in Chinese, nothing changed', () => {
    const { dir, file } = ledgerFiles(false);
    fs.chmodSync(dir, 0o755);
    const before = folderState(dir);
    const r = asNobody(file);
    expect(r).toMatchObject({ outcome: 'unavailable', reason: 'no_permission' });
    expect(r.message).toContain('没有权限');
    expect(r.message).not.toMatch(/SqliteError|readonly database|SQLITE_/);
    expect(folderState(dir)).toEqual(before);
  });

  it.skipIf(!isRoot)('chmod 444 on the owner\'s own file: 文件只读 in Chinese, not a raw SqliteError, nothing changed', () => {
    const { dir, file } = ledgerFiles(false);
    execFileSync('chown', ['-R', '65534:65534', dir]);
    fs.chmodSync(file, 0o444);
    const before = folderState(dir);
    const r = asNobody(file);
    expect(r).toMatchObject({ outcome: 'unavailable', reason: 'read_only_file' });
    expect(r.message).toContain('只读');
    expect(r.message).not.toMatch(/SqliteError|readonly database|SQLITE_/);
    expect(folderState(dir)).toEqual(before);
  });
});

describe('H2: another program holding the ledger', () => {
  let holder: string;
  beforeAll(() => {
    holder = bundleScript(path.join(ROOT, 'test/trust/holder-child.ts'), 'holder-child');
  });
  const running: ReturnType<typeof spawn>[] = [];
  afterAll(() => running.forEach((c) => c.kill('SIGKILL')));

  function hold(file: string, mode: 'idle' | 'writing' | 'in-transaction'): Promise<ReturnType<typeof spawn>> {
    return new Promise((resolve, reject) => {
      const c = spawn(process.execPath, [holder, file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
      running.push(c);
      let out = '';
      c.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready\n')) resolve(c);
      });
      c.on('error', reject);
    });
  }

  for (const mode of ['idle', 'writing', 'in-transaction'] as const) {
    it(`${mode}: 台账正被另一个程序使用; never copied and called foreign or damaged; nothing of ours left behind`, async () => {
      for (const crash of [false, true]) {
        const { dir, file } = ledgerFiles(crash);
        const c = await hold(file, mode);
        const ours = () => [`${file}.clean`, `${file}.walstate`].map((f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null));
        const before = ours();
        try {
          const e = refusal(file);
          expectNamed(e, 'in_use', '台账正被另一个程序使用');
          const names = fs.readdirSync(dir);
          expect(names.filter((n) => /set-aside|\.probe-|损坏的台账/.test(n))).toEqual([]);
          expect(ours()).toEqual(before);
        } finally {
          c.kill('SIGKILL');
          await new Promise((r) => c.once('exit', r));
        }
      }
    }, 60_000);
  }

  it('the shell names it and offers 重试, never a restore', async () => {
    resetElectronMock();
    dialog.showMessageBoxSync.mockReset();
    const { file } = ledgerFiles(false);
    const c = await hold(file, 'idle');
    try {
      dialog.showMessageBoxSync.mockImplementation((opts: { buttons: string[] }) => opts.buttons.indexOf('退出'));
      expect(openOrOfferRestore(() => openLedger(file, { migrationsFolder: MIGRATIONS }), file, [path.join(path.dirname(file), 'backups')])).toBeNull();
      const shown = dialog.showMessageBoxSync.mock.calls[0]![0] as { message: string; detail: string; buttons: string[] };
      expect(shown.message).toBe('台账正被另一个程序使用，台账没有打开');
      expect(shown.buttons).toEqual([RETRY_BUTTON, '打开数据文件夹', '退出']);
      expect(shown.buttons).not.toContain(RESTORE_BUTTON);
    } finally {
      c.kill('SIGKILL');
    }
  });
});

if (!canMount) console.warn(`[H2] tmpfs cases skipped: ${mountReason}`);
