// What the preload puts on window: exactly `ledger`, `district` and `host`, built from the contract and
// HostApi. No ipcRenderer, no Node; a channel outside the contract never reaches IPC.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { contextBridge, ipcRenderer } from './electron-mock';
import { CHANNEL_NAMES } from '../../db/contract';
import { districtContract } from '../../db/district/contract';

beforeAll(async () => {
  await import('../../electron/preload');
});

const exposed = () => Object.fromEntries(contextBridge.exposed) as Record<string, Record<string, unknown>>;

describe('preload surface', () => {
  it('exposes exactly window.ledger { call }, window.district { call, open, current } and window.host { HostApi methods }', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(3);
    const surface = Object.fromEntries(Object.entries(exposed()).map(([k, v]) => [k, Object.keys(v).sort()]));
    expect(surface).toMatchInlineSnapshot(`
      {
        "district": [
          "call",
          "current",
          "open",
        ],
        "host": [
          "chooseFolder",
          "chooseLedgerFile",
          "info",
          "onBackupStatus",
          "openFile",
          "openPath",
          "print",
          "restoreBackup",
          "saveFile",
          "savePdf",
          "showInFolder",
        ],
        "ledger": [
          "call",
        ],
      }
    `);
  });

  it('exposes only functions, and never ipcRenderer or anything of it', () => {
    for (const api of Object.values(exposed())) {
      for (const value of Object.values(api)) {
        expect(typeof value).toBe('function');
        expect(value).not.toBe(ipcRenderer);
        expect(Object.values(ipcRenderer)).not.toContain(value);
      }
      expect(Object.values(api)).not.toContain(ipcRenderer);
    }
    expect(contextBridge.exposed.has('ipcRenderer')).toBe(false);
    expect(contextBridge.exposed.has('electron')).toBe(false);
  });

  it('forwards every contract channel as ledger:<channel>', async () => {
    const { call } = exposed().ledger as { call: (c: string, i: unknown) => Promise<unknown> };
    for (const channel of CHANNEL_NAMES) {
      ipcRenderer.invoke.mockClear();
      await call(channel, { probe: 1 });
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(`ledger:${channel}`, { probe: 1 });
    }
  });

  it.each(['sql.exec', 'host:openPath', 'ledger:org.setup', '__proto__', 'constructor', 'toString', '', 'org.setup ', 'ORG.SETUP'])(
    'refuses the non-contract channel %j without any IPC',
    async (channel) => {
      const { call } = exposed().ledger as { call: (c: unknown, i: unknown) => Promise<{ ok: boolean; error?: { code: string } }> };
      ipcRenderer.invoke.mockClear();
      const result = await call(channel, {});
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('unknown_channel');
      expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a non-string channel without any IPC', async () => {
    const { call } = exposed().ledger as { call: (c: unknown, i: unknown) => Promise<{ ok: boolean }> };
    ipcRenderer.invoke.mockClear();
    for (const channel of [42, null, { toString: () => 'org.get' }]) expect((await call(channel, {})).ok).toBe(false);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('forwards every district channel as district:<channel>, and refuses any other without IPC', async () => {
    const district = exposed().district as unknown as { call: (c: unknown, i: unknown) => Promise<{ ok?: boolean; error?: { code: string } }>; open: () => Promise<unknown>; current: () => Promise<unknown> };
    for (const channel of Object.keys(districtContract)) {
      ipcRenderer.invoke.mockClear();
      await district.call(channel, { probe: 1 });
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(`district:${channel}`, { probe: 1 });
    }
    ipcRenderer.invoke.mockClear();
    for (const channel of ['org.get', 'district:district.view', '__proto__', 'constructor', '', 42, null]) {
      const r = await district.call(channel, {});
      expect(r.ok).toBe(false);
      expect(r.error?.code).toBe('unknown_channel');
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    await district.open();
    await district.current();
    expect(ipcRenderer.invoke.mock.calls).toEqual([['district-shell:open'], ['district-shell:current']]);
  });

  it('host methods invoke host:<method> with their one argument', async () => {
    const host = exposed().host as unknown as Record<string, (a?: unknown) => Promise<unknown>>;
    ipcRenderer.invoke.mockClear();
    await host.savePdf!({ html: '<p>纪要</p>', fileName: '纪要' });
    await host.openPath!('/tmp/a.pdf');
    await host.info!();
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['host:savePdf', { html: '<p>纪要</p>', fileName: '纪要' }],
      ['host:openPath', '/tmp/a.pdf'],
      ['host:info', undefined],
    ]);
  });
});
