// What the preload puts on window: exactly `ledger`, `district` and `host`, built from the contract and
// HostApi. No ipcRenderer, no Node; a channel outside the contract never reaches IPC.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { contextBridge, ipcRenderer } from './electron-mock';
import { CHANNEL_NAMES } from '../../db/contract';
import { districtContract } from '../../db/district/contract';
import { VERIFY_PROGRESS } from '../../electron/host-channels';

beforeAll(async () => {
  await import('../../electron/preload');
});

const exposed = () => Object.fromEntries(contextBridge.exposed) as Record<string, Record<string, unknown>>;

describe('preload surface', () => {
  it('exposes exactly window.ledger { call }, window.district { call, open, current, forget } and window.host { HostApi methods }', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(3);
    const surface = Object.fromEntries(Object.entries(exposed()).map(([k, v]) => [k, Object.keys(v).sort()]));
    expect(surface).toMatchInlineSnapshot(`
      {
        "district": [
          "call",
          "current",
          "forget",
          "open",
        ],
        "host": [
          "chooseFolder",
          "chooseLedgerFile",
          "info",
          "onBackupStatus",
          "onTransferProgress",
          "onVerifyProgress",
          "openFile",
          "openPath",
          "print",
          "restoreBackup",
          "saveFile",
          "savePdf",
          "showInFolder",
          "verifyLedger",
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

  it('校验台账: verifyLedger invokes host:verifyLedger; its progress reaches the page only as { done, total } with whole numbers', async () => {
    const host = exposed().host as unknown as {
      verifyLedger(req: unknown): Promise<unknown>;
      onVerifyProgress(l: (p: unknown) => void): () => void;
    };
    ipcRenderer.invoke.mockClear();
    await host.verifyLedger({ anchor: '26-3f9a2c1b07de' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([['host:verifyLedger', { anchor: '26-3f9a2c1b07de' }]]);
    ipcRenderer.on.mockClear();
    ipcRenderer.removeListener.mockClear();
    const seen: unknown[] = [];
    const off = host.onVerifyProgress((p) => seen.push(p));
    const [[channel, forward]] = ipcRenderer.on.mock.calls as unknown as [[string, (event: unknown, raw: unknown) => void]];
    expect(channel).toBe(VERIFY_PROGRESS);
    const event = { sender: { send: () => undefined }, ports: [] };
    forward(event, { done: 12345, total: 58800 });
    for (const junk of [null, 'x', { done: -1, total: 3 }, { done: 1.5, total: 3 }, { done: 1, total: 3, html: '<img>' }, { done: '1', total: 3 }, { done: 1 }]) forward(event, junk);
    forward(event, { done: 9, total: 3 });
    expect(seen).toEqual([{ done: 12345, total: 58800 }, { done: 3, total: 3 }]);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(VERIFY_PROGRESS, forward);
  });
});
