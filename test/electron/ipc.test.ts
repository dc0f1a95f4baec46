// ipc.ts registers exactly the contract's channels (+ HostApi), forwards to dispatch() on a
// real ledger file, and refuses any sender that is not our own page.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { ipcMain, resetElectronMock } from './electron-mock';
import { CHANNEL_NAMES } from '../../db/contract';
import type { HostApi } from '../../db/host';
import { registerIpc } from '../../electron/ipc';
import { HOST_METHODS } from '../../electron/host-channels';
import { freshLedger } from '../support/ledger';
import { DEMO_SCHOOL } from '../support/school';

const fromApp = { senderFrame: { url: 'app://ledger/index.html#/items' } };
const FOREIGN = [
  { senderFrame: { url: 'https://evil.example/' } },
  { senderFrame: { url: 'file:///C:/Users/x/Downloads/evil.html' } },
  { senderFrame: { url: 'app://ledger.evil.com/index.html' } },
  { senderFrame: { url: 'http://127.0.0.1.evil.com/' } },
  { senderFrame: { url: 'about:blank' } },
  { senderFrame: null },
];

function fakeHost() {
  const calls: [string, unknown][] = [];
  const host = Object.fromEntries(
    HOST_METHODS.map((m) => [m, vi.fn(async (arg: unknown) => (calls.push([m, arg]), m === 'info' ? { shell: 'electron' } : null))]),
  ) as unknown as HostApi;
  return { host, calls };
}

beforeEach(() => resetElectronMock());

describe('registerIpc', () => {
  it('registers exactly ledger:<channel> for every contract channel, plus host:<method> for HostApi', () => {
    const t = freshLedger();
    const registered = registerIpc({ ledger: () => t.ledger, host: fakeHost().host });
    const expected = [...CHANNEL_NAMES.map((c) => `ledger:${c}`), ...HOST_METHODS.map((m) => `host:${m}`)].sort();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
    expect(registered.sort()).toEqual(expected);
    expect(ipcMain.handle).toHaveBeenCalledTimes(expected.length);
    expect(CHANNEL_NAMES.length).toBeGreaterThan(20);
  });

  it('forwards a write from the app page to dispatch on the real ledger, and validation errors come back typed', async () => {
    const t = freshLedger();
    registerIpc({ ledger: () => t.ledger, host: fakeHost().host });
    const setup = ipcMain.handlers.get('ledger:org.setup')!;
    const result = (await setup(fromApp, DEMO_SCHOOL)) as { ok: boolean; value: { orgId: number } };
    expect(result.ok).toBe(true);
    expect(result.value.orgId).toBeGreaterThan(0);
    const overview = (await ipcMain.handlers.get('ledger:org.get')!(fromApp, {})) as { ok: boolean; value: { persons: unknown[] } };
    expect(overview.value.persons).toHaveLength(DEMO_SCHOOL.members.length);
    const bad = (await setup(fromApp, { name: '' })) as { ok: boolean; error: { code: string; message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it.each(FOREIGN)('refuses a foreign sender (%j) and changes nothing', async (event) => {
    const t = freshLedger();
    const { host, calls } = fakeHost();
    registerIpc({ ledger: () => t.ledger, host });
    const before = t.snapshot();
    await expect(ipcMain.handlers.get('ledger:org.setup')!(event, DEMO_SCHOOL)).rejects.toThrow(/拒绝/);
    await expect(ipcMain.handlers.get('ledger:org.get')!(event, {})).rejects.toThrow(/拒绝/);
    await expect(ipcMain.handlers.get('host:openPath')!(event, '/bin/sh')).rejects.toThrow(/拒绝/);
    await expect(ipcMain.handlers.get('host:savePdf')!(event, { html: '<p>x</p>', fileName: '纪要' })).rejects.toThrow(/拒绝/);
    expect(t.snapshot()).toEqual(before);
    expect(calls).toEqual([]);
  });

  it('checks host inputs before the host sees them: a file name is never a path', async () => {
    const t = freshLedger();
    const { host, calls } = fakeHost();
    registerIpc({ ledger: () => t.ledger, host });
    const savePdf = ipcMain.handlers.get('host:savePdf')!;
    await expect(savePdf(fromApp, { html: '<p>x</p>', fileName: '..\\..\\Windows\\evil' })).rejects.toThrow(/文件名/);
    await expect(savePdf(fromApp, { html: '<p>x</p>', fileName: '/etc/cron.d/x' })).rejects.toThrow(/文件名/);
    await expect(savePdf(fromApp, { html: '', fileName: '纪要' })).rejects.toThrow();
    await expect(ipcMain.handlers.get('host:saveFile')!(fromApp, { base64: 'not base64!', fileName: 'a.docx' })).rejects.toThrow();
    expect(calls).toEqual([]);
    await savePdf(fromApp, { html: '<p>x</p>', fileName: '2026年第3次党委会会议纪要' });
    await ipcMain.handlers.get('host:info')!(fromApp, undefined);
    expect(calls.map(([m]) => m)).toEqual(['savePdf', 'info']);
  });

  it('logs a contract call slower than 100 ms with its name and time, and nothing for a fast one', async () => {
    const t = freshLedger();
    const lines: string[] = [];
    let now = 0;
    // Each call to the clock advances it: the first call of a handler starts, the second ends.
    const steps = [0, 40, 1000, 1250];
    registerIpc({ ledger: () => t.ledger, host: fakeHost().host, slowLog: (l) => lines.push(l), clock: () => (now = steps.shift() ?? now) });
    const get = ipcMain.handlers.get('ledger:org.get')!;
    await get(fromApp, {});
    expect(lines).toEqual([]);
    await get(fromApp, {});
    expect(lines).toEqual(['[ledger] slow call org.get: 250 ms']);
  });
});
