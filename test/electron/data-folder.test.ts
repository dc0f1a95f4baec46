// The data folder: userData by default, moved by a pointer file (e.g. to D:), on a real
// ledger file. A missing target is reported, never silently replaced by an empty ledger.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../db/api';
import { openLedger } from '../../db/open';
import { LEDGER_FILE, MoveRefused, POINTER_FILE, moveDataFolder, resolveDataFolder } from '../../electron/data-folder';
import { MIGRATIONS } from '../support/ledger';
import { DEMO_SCHOOL } from '../support/school';

let dir: string;
let userData: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-data-'));
  userData = path.join(dir, 'userData', '议事台账');
  fs.mkdirSync(userData, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeSchool(file: string) {
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS });
  const r = dispatch(ledger, 'org.setup', DEMO_SCHOOL);
  expect(r.ok).toBe(true);
  ledger.close();
}

function readPersons(file: string): number {
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS });
  try {
    const r = dispatch(ledger, 'org.get', {}) as { ok: true; value: { persons: unknown[] } };
    return r.value.persons.length;
  } finally {
    ledger.close();
  }
}

describe('data folder', () => {
  it('defaults to userData', () => {
    expect(resolveDataFolder(userData)).toEqual({
      folder: userData,
      ledgerFile: path.join(userData, LEDGER_FILE),
      moved: false,
      missing: false,
      pointerBroken: false,
    });
  });

  it('moves the ledger to another folder: the new one opens with all records, the old one is kept renamed', () => {
    const before = resolveDataFolder(userData);
    writeSchool(before.ledgerFile);
    const target = path.join(dir, 'D盘', '议事台账数据');
    const after = moveDataFolder(userData, target, new Date(2026, 2, 25, 9, 30, 0));
    expect(after).toMatchObject({ folder: target, moved: true, missing: false });
    expect(JSON.parse(fs.readFileSync(path.join(userData, POINTER_FILE), 'utf8'))).toEqual({ folder: target });
    expect(resolveDataFolder(userData).ledgerFile).toBe(path.join(target, LEDGER_FILE));
    expect(readPersons(after.ledgerFile)).toBe(DEMO_SCHOOL.members.length);
    expect(fs.existsSync(before.ledgerFile)).toBe(false);
    expect(fs.existsSync(`${before.ledgerFile}.moved-20260325-093000`)).toBe(true);
    // No temporary copy left behind (the .clean marker and .walstate record are written by readPersons' clean close).
    expect(fs.readdirSync(target).filter((f) => !f.endsWith('.clean') && !f.endsWith('.walstate')).sort()).toEqual([LEDGER_FILE]);
    expect(fs.existsSync(`${before.ledgerFile}.clean`)).toBe(false);
  });

  it('moving back to userData removes the pointer', () => {
    writeSchool(resolveDataFolder(userData).ledgerFile);
    const target = path.join(dir, 'elsewhere');
    moveDataFolder(userData, target);
    moveDataFolder(userData, userData);
    expect(fs.existsSync(path.join(userData, POINTER_FILE))).toBe(false);
    expect(readPersons(resolveDataFolder(userData).ledgerFile)).toBe(DEMO_SCHOOL.members.length);
  });

  it('refuses to overwrite a ledger already in the target folder, and changes nothing', () => {
    writeSchool(resolveDataFolder(userData).ledgerFile);
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, LEDGER_FILE), 'someone else’s ledger');
    expect(() => moveDataFolder(userData, target)).toThrow(MoveRefused);
    expect(fs.readFileSync(path.join(target, LEDGER_FILE), 'utf8')).toBe('someone else’s ledger');
    expect(fs.existsSync(path.join(userData, POINTER_FILE))).toBe(false);
    expect(readPersons(path.join(userData, LEDGER_FILE))).toBe(DEMO_SCHOOL.members.length);
  });

  it('refuses the same folder and a folder inside the current one', () => {
    expect(() => moveDataFolder(userData, userData)).toThrow(/无需移动/);
    expect(() => moveDataFolder(userData, path.join(userData, 'sub'))).toThrow(/子文件夹/);
  });

  it('reports a pointed-to folder that is gone (unplugged drive) instead of starting empty', () => {
    const gone = path.join(dir, 'unplugged');
    fs.writeFileSync(path.join(userData, POINTER_FILE), JSON.stringify({ folder: gone }));
    expect(resolveDataFolder(userData)).toMatchObject({ folder: gone, moved: true, missing: true });
  });

  it('flags a broken or relative pointer rather than quietly using an empty userData', () => {
    for (const content of ['{not json', JSON.stringify({ folder: 'relative/path' }), JSON.stringify({ folder: 42 })]) {
      fs.writeFileSync(path.join(userData, POINTER_FILE), content);
      expect(resolveDataFolder(userData)).toMatchObject({ pointerBroken: true, moved: false });
    }
  });
});
