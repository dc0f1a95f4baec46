// The shell's trust wiring (electron/trust.ts) on real ledger files: a file refused by the
// startup guards is never replaced by an empty ledger — the refusal window offers the newest
// verified backup, restoring saves the damaged bytes first; quitting leaves the file untouched.
// Backups are taken after a signing, not after other calls; a restore reopens the ledger even
// when it is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { dialog, resetElectronMock, shell } from './electron-mock';
import type { BrowserWindow } from 'electron';
import { autoBackups, openOrOfferRestore, RESTORE_BUTTON, restoreInPlace, shellVerify } from '../../electron/trust';
import { VERIFY_PROGRESS } from '../../electron/host-channels';
import { dispatch } from '../../db/api';
import { VERIFY_BUSY, VERIFY_STOPPED } from '../../db/trust/stepped';
import type { VerifyProgress, VerifyReport } from '../../db/trust/verify';
import type { Result } from '../../db/api';
import type { BackupStatus } from '../../db/host';
import { openSqlite } from '../../db/trust/sqlite';
import type { Ledger } from '../../db/ledger';
import { openLedger } from '../../db/open';
import { backupInSteps, createBackup, defaultBackupDir, listBackups } from '../../db/trust/backup';
import { MIGRATIONS, openAt, setupSchool, sha256Of, signedMeeting, tempDir, type Opened } from '../trust/fixture';

let t: Opened;
let file: string;
let backups: string;
const open = (operator?: string): Ledger => openLedger(file, { migrationsFolder: MIGRATIONS, backupDirs: [backups], operator });

beforeEach(() => {
  resetElectronMock();
  dialog.showMessageBoxSync.mockReset();
  dialog.showErrorBox.mockReset();
  file = path.join(tempDir(), 'ledger.sqlite');
  backups = defaultBackupDir(file);
  t = openAt(file);
});
afterEach(() => t.dispose());

function schoolWithBackup(): number {
  const s = setupSchool(t);
  signedMeeting(t, s, 1);
  createBackup(t.ledger, { reason: 'manual' });
  return (t.ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM meetings').get() as { n: number }).n;
}

/** Cut the file short, as a copy interrupted halfway or a full disk would. */
function truncate(): void {
  t.close();
  const size = fs.statSync(file).size;
  fs.truncateSync(file, Math.floor(size / 2) + 100);
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
}

describe('startup refusal window (guards → 从最近的可用备份恢复)', () => {
  it('offers the newest verified backup; restoring keeps the damaged bytes and opens the restored ledger', () => {
    const meetings = schoolWithBackup();
    truncate();
    const damaged = sha256Of(file);
    dialog.showMessageBoxSync.mockImplementation((opts: { buttons: string[] }) => opts.buttons.indexOf(RESTORE_BUTTON));
    const ledger = openOrOfferRestore(() => open(), file, [backups]);
    expect(ledger).not.toBeNull();
    try {
      const first = dialog.showMessageBoxSync.mock.calls[0]![0] as { message: string; detail: string; buttons: string[] };
      expect(first.message).toBe('台账文件已损坏，程序没有打开它');
      expect(first.detail).toContain('台账文件不完整（被截断了）');
      expect(first.detail).toContain('可以从最近一份核验通过的备份恢复');
      expect(first.buttons).toEqual([RESTORE_BUTTON, '打开数据文件夹', '退出']);
      expect((ledger!.sqlite.prepare('SELECT COUNT(*) AS n FROM meetings').get() as { n: number }).n).toBe(meetings);
      // The damaged file was kept, byte for byte, for a technician.
      const kept = fs.readdirSync(backups).find((f) => f.startsWith('损坏的台账-'));
      expect(kept).toBeDefined();
      expect(sha256Of(path.join(backups, kept!, 'ledger.sqlite'))).toBe(damaged);
    } finally {
      ledger?.close();
    }
  });

  it('quitting leaves the damaged file exactly as it was and opens nothing', () => {
    schoolWithBackup();
    truncate();
    const before = sha256Of(file);
    dialog.showMessageBoxSync.mockImplementation((opts: { buttons: string[] }) => opts.buttons.indexOf('退出'));
    expect(openOrOfferRestore(() => open(), file, [backups])).toBeNull();
    expect(sha256Of(file)).toBe(before);
  });

  it('without a verified backup there is no restore button; 打开数据文件夹 shows the folder and asks again', () => {
    setupSchool(t);
    truncate();
    // An empty backups/ folder: nothing to offer.
    dialog.showMessageBoxSync
      .mockImplementationOnce((opts: { buttons: string[] }) => opts.buttons.indexOf('打开数据文件夹'))
      .mockImplementationOnce((opts: { buttons: string[] }) => opts.buttons.indexOf('退出'));
    expect(openOrOfferRestore(() => open(), file, [backups])).toBeNull();
    const asked = dialog.showMessageBoxSync.mock.calls.map((c) => (c[0] as { buttons: string[] }).buttons);
    expect(asked).toEqual([['打开数据文件夹', '退出'], ['打开数据文件夹', '退出']]);
    expect((dialog.showMessageBoxSync.mock.calls[0]![0] as { detail: string }).detail).toContain('没有找到核验通过的备份');
    expect(shell.openPath).toHaveBeenCalledWith(path.dirname(file));
  });

  it('a sound file opens without any window', () => {
    setupSchool(t);
    t.close();
    const ledger = openOrOfferRestore(() => open(), file, [backups]);
    expect(ledger).not.toBeNull();
    ledger!.close();
    expect(dialog.showMessageBoxSync).not.toHaveBeenCalled();
  });
});

describe('automatic backups', () => {
  it('after minutes.sign succeeds, and not after other calls or refusals', async () => {
    setupSchool(t);
    const auto = autoBackups();
    expect(auto.after(t.ledger, 'items.create', { ok: true, value: {} })).toBeNull();
    expect(auto.after(t.ledger, 'minutes.sign', { ok: false, error: { code: 'conflict', message: 'x' } })).toBeNull();
    expect(listBackups(backups)).toHaveLength(0);
    const made = await auto.after(t.ledger, 'minutes.sign', { ok: true, value: {} });
    expect(made?.reason).toBe('auto');
    expect(listBackups(backups).map((b) => b.file)).toEqual([made!.file]);
  });

  it('at start only for a ledger someone wrote to (an empty first run is not backed up), and only when it changed', async () => {
    const auto = autoBackups();
    expect(await auto.start(t.ledger)).toBeNull();
    setupSchool(t);
    expect((await auto.start(t.ledger))?.meetings).toBe(0);
    // The next start with nothing written since: the newest backup already holds this ledger.
    expect(await auto.start(t.ledger)).toBeNull();
    expect(listBackups(backups)).toHaveLength(1);
  });

  it('copies in steps: the app’s calls (reads and writes) run between them, and the backup holds the writes', async () => {
    const s = setupSchool(t);
    const steps: number[] = [];
    const answered: number[] = [];
    const run = backupInSteps(t.ledger, { pagesPerStep: 2, onProgress: (p) => p.phase === 'copy' && steps.push(p.done) });
    // A user's click arrives while the backup runs: served on the next turn of the event loop.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        answered.push(steps.length);
        t.ok('items.create', { orgId: s.orgId, title: '关于备份途中新建的议题', matterId: s.matter('D3'), proposerId: s.person('陈志强') });
        resolve();
      }),
    );
    const entry = await run.done;
    expect(answered[0]).toBeGreaterThan(0);
    expect(answered[0]).toBeLessThan(steps.length);
    const copy = openSqlite(entry!.path, { readonly: true });
    try {
      expect(copy.prepare("SELECT COUNT(*) AS n FROM agenda_items WHERE title = '关于备份途中新建的议题'").get()).toEqual({ n: 1 });
    } finally {
      copy.close();
    }
  });

  it('stopped midway (the app closing): no backup is listed and no partial file is left', async () => {
    setupSchool(t);
    let run: ReturnType<typeof backupInSteps> | null = null;
    run = backupInSteps(t.ledger, { pagesPerStep: 2, onProgress: (p) => p.phase === 'copy' && p.done >= 4 && run?.stop() });
    expect(await run.done).toBeNull();
    expect(listBackups(backups)).toEqual([]);
    expect(fs.readdirSync(backups)).toEqual([]);
    // The ledger is untouched and the next start backs it up.
    expect((await autoBackups().start(t.ledger))?.reason).toBe('auto');
  });

  it('tells the window how far it is, in Chinese, and a failure does not stop the app', async () => {
    setupSchool(t);
    const seen: BackupStatus[] = [];
    const logged: string[] = [];
    const ok = await autoBackups({ onStatus: (st) => seen.push(st) }).start(t.ledger);
    expect(ok).not.toBeNull();
    expect(seen.at(-1)).toMatchObject({ state: 'done', percent: 100 });
    expect(seen.filter((st) => st.state === 'running').map((st) => st.percent)).toEqual([...new Set(seen.filter((st) => st.state === 'running').map((st) => st.percent))].sort((a, b) => a - b));
    for (const st of seen) expect(st.message).toMatch(/^[^A-Za-z]*$/);
    t.ok('items.create', { orgId: 1, title: '关于又一个议题', matterId: 1, proposerId: 1 });
    const failing = autoBackups({ onStatus: (st) => seen.push(st), check: async () => Promise.reject(new Error('disk')), log: (line) => logged.push(line) });
    expect(await failing.start(t.ledger)).toBeNull();
    expect(seen.at(-1)).toMatchObject({ state: 'failed' });
    expect(seen.at(-1)!.message).toMatch(/^[^A-Za-z]*$/);
    expect(logged).toHaveLength(1);
    expect(listBackups(backups)).toHaveLength(1);
    expect(fs.readdirSync(backups).filter((n) => /\.tmp-/.test(n))).toEqual([]);
  });
});

describe('restore while running', () => {
  it('closes, restores, reopens with the same operator; a refused backup still reopens the untouched ledger', () => {
    schoolWithBackup();
    const good = listBackups(backups)[0]!.path;
    t.ledger.operator = '吴秘书';
    let ledger: Ledger | null = t.ledger;
    const ctl = {
      ledgerFile: file,
      backupDirs: [backups],
      current: () => ledger,
      close: () => {
        ledger?.close();
        ledger = null;
      },
      reopen: (operator: string) => (ledger = open(operator)),
    };
    const done = restoreInPlace(ctl, good);
    expect(done.restoredFrom).toBe(good);
    expect(done.savedAs && fs.existsSync(done.savedAs)).toBe(true);
    expect(ledger!.operator).toBe('吴秘书');

    const bogus = path.join(backups, 'bogus.sqlite');
    fs.writeFileSync(bogus, 'not a ledger');
    // The reopen sealed the restore (db/trust/restore.ts): fold that into the file before comparing bytes.
    ledger!.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha256Of(file);
    expect(() => restoreInPlace(ctl, bogus)).toThrow(/不能用于恢复/);
    expect(ledger).not.toBeNull();
    expect(ledger!.operator).toBe('吴秘书');
    ledger!.close();
    expect(sha256Of(file)).toBe(before);
    // dispose() closes t.ledger again: harmless.
  });
});

describe('校验台账 in steps (shellVerify: the button runs it; progress pushed to the window)', () => {
  type Sent = { channel: string; payload: VerifyProgress };
  function fakeWindow() {
    const sent: Sent[] = [];
    let destroyed = false;
    const win = {
      isDestroyed: () => destroyed,
      webContents: { isDestroyed: () => destroyed, send: (channel: string, payload: VerifyProgress) => sent.push({ channel, payload }) },
    };
    return { win: win as unknown as BrowserWindow, sent, destroy: () => (destroyed = true) };
  }
  // A turn of the event loop after every step, and every progress pushed: a small file shows them all.
  const eager = { everyMs: 0, sliceMs: 0 };
  const oneShot = (anchor?: string) => {
    const r = dispatch(t.ledger, 'trust.verify', anchor ? { anchor } : {}) as Result<VerifyReport>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('pushes { done, total } that only grows, and answers exactly what trust.verify answers', async () => {
    const s = setupSchool(t);
    const m = [1, 2].map((n) => signedMeeting(t, s, n));
    const w = fakeWindow();
    const v = shellVerify({ ledger: () => t.ledger, window: () => w.win, steps: eager });
    const r = await v.verify({ anchor: m[0]!.anchor! });
    expect(r).toEqual({ ok: true, value: oneShot(m[0]!.anchor!) });
    expect(r.ok && r.value.state).toBe('unanchored');
    expect(w.sent.length).toBeGreaterThan(0);
    expect(new Set(w.sent.map((x) => x.channel))).toEqual(new Set([VERIFY_PROGRESS]));
    const done = w.sent.map((x) => x.payload.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    for (const { payload } of w.sent) {
      expect(Object.keys(payload).sort()).toEqual(['done', 'total']);
      expect(payload.done).toBeLessThanOrEqual(payload.total);
    }
    expect(v.running).toBe(false);
  });

  it('a record changed after signing is still named, with the same message as trust.verify', async () => {
    const s = setupSchool(t);
    signedMeeting(t, s, 1);
    t.ledger.sqlite.exec("UPDATE statements SET position = '不同意' WHERE id = (SELECT MIN(id) FROM statements)");
    const expected = oneShot();
    expect(expected.state).toBe('broken');
    const r = await shellVerify({ ledger: () => t.ledger, window: () => null, steps: eager }).verify({});
    expect(r).toEqual({ ok: true, value: expected });
  });

  it('a second press while one runs joins it; another 存证码 meanwhile is refused in Chinese', async () => {
    const s = setupSchool(t);
    const m = signedMeeting(t, s, 1);
    const v = shellVerify({ ledger: () => t.ledger, window: () => null, steps: eager });
    const first = v.verify({});
    expect(v.running).toBe(true);
    const again = v.verify({ anchor: '' });
    const other = await v.verify({ anchor: m.anchor! });
    expect(other).toEqual({ ok: false, error: { code: 'conflict', message: VERIFY_BUSY, field: 'anchor' } });
    expect(again).toBe(first);
    expect((await first).ok).toBe(true);
    // Once it has answered, the other 存证码 may be checked.
    expect((await v.verify({ anchor: m.anchor! })).ok).toBe(true);
  });

  it('stopped mid-run (the app closing, a restore): the file is let go at once and no verdict is given', async () => {
    const s = setupSchool(t);
    signedMeeting(t, s, 1);
    const w = fakeWindow();
    const v = shellVerify({ ledger: () => t.ledger, window: () => w.win, steps: eager });
    const running = v.verify({});
    v.stop();
    // No reader holds the file any more: the close can checkpoint it completely.
    const [ck] = t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    expect(ck).toMatchObject({ busy: 0, log: 0 });
    expect(await running).toEqual({ ok: false, error: { code: 'conflict', message: VERIFY_STOPPED } });
    expect(v.running).toBe(false);
  });

  it('the window closed meanwhile gets nothing and the run still ends; a closed ledger or a bad 存证码 is refused', async () => {
    const s = setupSchool(t);
    signedMeeting(t, s, 1);
    const w = fakeWindow();
    w.destroy();
    const v = shellVerify({ ledger: () => t.ledger, window: () => w.win, steps: eager });
    expect((await v.verify({})).ok).toBe(true);
    expect(w.sent).toEqual([]);
    expect(await shellVerify({ ledger: () => null, window: () => null }).verify({})).toEqual({ ok: false, error: { code: 'conflict', message: VERIFY_STOPPED } });
    const bad = await v.verify({ anchor: 'DROP TABLE seals' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'invalid_input', field: 'anchor' });
    expect(!bad.ok && bad.error.message).toMatch(/存证码/);
  });
});
