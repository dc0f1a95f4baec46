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
import { autoBackup, backupAfter, openOrOfferRestore, RESTORE_BUTTON, restoreInPlace } from '../../electron/trust';
import type { Ledger } from '../../db/ledger';
import { openLedger } from '../../db/open';
import { createBackup, defaultBackupDir, listBackups } from '../../db/trust/backup';
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
  it('after minutes.sign succeeds, and not after other calls or refusals', () => {
    setupSchool(t);
    expect(backupAfter(t.ledger, 'items.create', { ok: true, value: {} })).toBeNull();
    expect(backupAfter(t.ledger, 'minutes.sign', { ok: false, error: { code: 'conflict', message: 'x' } })).toBeNull();
    expect(listBackups(backups)).toHaveLength(0);
    const made = backupAfter(t.ledger, 'minutes.sign', { ok: true, value: {} });
    expect(made?.reason).toBe('auto');
    expect(listBackups(backups).map((b) => b.file)).toEqual([made!.file]);
  });

  it('at start only for a ledger someone wrote to (an empty first run is not backed up), and only when it changed', () => {
    expect(autoBackup(t.ledger)).toBeNull();
    setupSchool(t);
    expect(autoBackup(t.ledger)?.meetings).toBe(0);
    // The next start with nothing written since: the newest backup already holds this ledger.
    expect(autoBackup(t.ledger)).toBeNull();
    expect(listBackups(backups)).toHaveLength(1);
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
