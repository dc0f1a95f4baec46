// electron/district.ts: the district ledger in the shell. Exactly the district contract's
// channels (+ open/current), our own page only, every payload through dispatchDistrict, the
// folder from the dialog only, and remembered for the next start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { ipcMain, resetElectronMock } from './electron-mock';
import { DISTRICT_CHANNELS, DISTRICT_FILE_NAME } from '../../db/district/api';
import { districtHolder, registerDistrictIpc } from '../../electron/district';
import { districtRuns } from '../../electron/district-runs';
import { bundleShellWorker } from '../../bench/transfer';

const fromApp = { senderFrame: { url: 'app://ledger/index.html#/district' } };
const foreign = { senderFrame: { url: 'https://evil.example/' } };
let dir: string;
// The imports run in the worker as the app bundles it (test/electron/district-worker.test.ts tests the runs).
let out: string;
let workerFile: string;
beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-district-shell-worker-'));
  workerFile = await bundleShellWorker('district-worker', path.join(out, 'district-worker.cjs'));
}, 120_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
const nativeBinding = path.join(fileURLToPath(new URL('../..', import.meta.url)), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const holders: { close(): void }[] = [];

beforeEach(() => {
  resetElectronMock();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-district-shell-'));
});
afterEach(() => {
  for (const h of holders.splice(0)) h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function setup(choice: string | null) {
  const holder = districtHolder(path.join(dir, 'userData'));
  fs.mkdirSync(path.join(dir, 'userData'), { recursive: true });
  holders.push(holder);
  const chooseFolder = vi.fn(async () => choice);
  const registered = registerDistrictIpc({ holder, chooseFolder, runs: districtRuns({ workerFile, nativeBinding }) });
  const call = async (channel: string, event: unknown, arg?: unknown) => ipcMain.handlers.get(channel)!(event, arg);
  return { holder, chooseFolder, registered, call };
}

describe('district IPC', () => {
  it('registers exactly district:<channel> for the district contract, plus district-shell:open, :current and :forget', () => {
    const { registered } = setup(null);
    const expected = [...DISTRICT_CHANNELS.map((c) => `district:${c}`), 'district-shell:open', 'district-shell:current', 'district-shell:forget'].sort();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
    expect(registered.sort()).toEqual(expected);
  });

  it('answers a typed Chinese refusal while no district ledger is open, and null for current', async () => {
    const { call } = setup(null);
    const r = (await call('district:district.view', fromApp, {})) as { ok: boolean; error: { message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.message).toContain('还没有打开区域台账');
    expect(await call('district-shell:current', fromApp)).toBeNull();
    expect(await call('district-shell:open', fromApp)).toBeNull();
  });

  it('opens (creating) the district ledger in the folder the dialog gave, and serves its channels with validation', async () => {
    const folder = path.join(dir, '区域');
    const { call, chooseFolder } = setup(folder);
    const opened = (await call('district-shell:open', fromApp)) as { name: string; folder: string };
    expect(chooseFolder).toHaveBeenCalledTimes(1);
    expect(opened).toEqual({ name: '区教育工委', folder });
    expect(fs.existsSync(path.join(folder, DISTRICT_FILE_NAME))).toBe(true);
    const view = (await call('district:district.view', fromApp, {})) as { ok: boolean; value: { schools: unknown[] } };
    expect(view.ok).toBe(true);
    expect(view.value.schools).toEqual([]);
    const bad = (await call('district:district.school', fromApp, { schoolId: 'x' })) as { ok: boolean; error: { code: string; message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const junk = (await call('district:district.import', fromApp, { base64: Buffer.from('不是报送包').toString('base64') })) as { ok: boolean; error: { message: string } };
    expect(junk.ok).toBe(false);
    expect(junk.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('refuses a foreign sender on every channel, before touching the district', async () => {
    const { call, chooseFolder } = setup(path.join(dir, 'x'));
    for (const channel of ipcMain.handlers.keys()) await expect(call(channel, foreign, {})).rejects.toThrow(/拒绝/);
    expect(chooseFolder).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });

  it('refuses an argument to open (the page never names a folder)', async () => {
    const { call, chooseFolder } = setup(path.join(dir, 'x'));
    await expect(call('district-shell:open', fromApp, '/etc')).rejects.toThrow();
    expect(chooseFolder).not.toHaveBeenCalled();
  });

  it('remembers the folder: a new holder (the next start) opens the same district ledger', async () => {
    const folder = path.join(dir, '区域');
    const first = setup(folder);
    await first.call('district-shell:open', fromApp);
    first.holder.close();
    const again = districtHolder(path.join(dir, 'userData'));
    holders.push(again);
    expect(again.opened()).toEqual({ name: '区教育工委', folder });
  });

  it('forgets the district ledger (改用本校台账): closed now, not reopened at the next start, its folder and file kept', async () => {
    const folder = path.join(dir, '区域');
    const first = setup(folder);
    await first.call('district-shell:open', fromApp);
    first.holder.forget();
    expect(first.holder.get()).toBeNull();
    expect(await first.call('district-shell:current', fromApp)).toBeNull();
    expect(fs.existsSync(path.join(folder, DISTRICT_FILE_NAME))).toBe(true);
    const again = districtHolder(path.join(dir, 'userData'));
    holders.push(again);
    expect(again.opened()).toBeNull();
    // The folder dialog starts where the ledger was, so reopening it is one click.
    expect(again.lastFolder()).toBe(folder);
    // Opening the same folder again finds the same district ledger.
    await first.call('district-shell:open', fromApp);
    expect(first.holder.opened()).toEqual({ name: '区教育工委', folder });
  });

  it("forgets from the page too (district-shell:forget, the screen's own 改用本校台账), and never with an argument", async () => {
    const folder = path.join(dir, '区域');
    const first = setup(folder);
    await first.call('district-shell:open', fromApp);
    await expect(first.call('district-shell:forget', fromApp, '/etc')).rejects.toThrow();
    expect(first.holder.opened()).toEqual({ name: '区教育工委', folder });
    expect(await first.call('district-shell:forget', fromApp)).toBeNull();
    expect(await first.call('district-shell:current', fromApp)).toBeNull();
    expect(((await first.call('district:district.view', fromApp, {})) as { ok: boolean }).ok).toBe(false);
    expect(fs.existsSync(path.join(folder, DISTRICT_FILE_NAME))).toBe(true);
    const again = districtHolder(path.join(dir, 'userData'));
    holders.push(again);
    expect(again.opened()).toBeNull();
  });
});
