// The renderer's only door to the core: window.ledger.call(channel, input) for contract
// channels, window.district for the district ledger (区域统筹) and window.host for HostApi. Built from the same lists main serves, so the two
// can never disagree; a channel outside the contract is refused here, without any IPC.
// Raw ipcRenderer is never exposed. Runs sandboxed: bundled to one file by esbuild.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../db/contract';
import type { LedgerApi } from '../db/api';
import type { HostApi } from '../db/host';
import type { BackupStatus, TransferProgress, VerifyProgress } from '../db/host';
import { BACKUP_STATUS, hostChannel, ledgerChannel, progressOf, TRANSFER_PROGRESS, transferProgressOf, VERIFY_PROGRESS, type HostMethod } from './host-channels';
import { districtContract } from '../db/district/contract';
import type { DistrictBridge } from '../db/district/api';
import { districtChannel, districtShellChannel } from './district-channels';

const known = new Set<string>(CHANNEL_NAMES);

function call(channel: string, input: unknown): Promise<unknown> {
  if (typeof channel !== 'string' || !known.has(channel)) {
    // Same typed refusal dispatch() gives, so the renderer handles both alike.
    return Promise.resolve({
      ok: false,
      error: { code: 'unknown_channel', message: `未知的操作「${String(channel).slice(0, 40)}」，请升级应用或联系技术支持。` },
    });
  }
  return ipcRenderer.invoke(ledgerChannel(channel), input);
}

export const ledgerApi = { call: call as LedgerApi['call'] } satisfies LedgerApi;

const host = (method: HostMethod, arg?: unknown) => ipcRenderer.invoke(hostChannel(method), arg);

export const hostApi = {
  savePdf: (req) => host('savePdf', req),
  saveFile: (req) => host('saveFile', req),
  print: (req) => host('print', req),
  openPath: (p) => host('openPath', p),
  showInFolder: (p) => host('showInFolder', p),
  info: () => host('info'),
  chooseFolder: (req) => host('chooseFolder', req),
  openFile: (req) => host('openFile', req),
  chooseLedgerFile: (req) => host('chooseLedgerFile', req),
  restoreBackup: (req) => host('restoreBackup', req),
  verifyLedger: (req) => host('verifyLedger', req),
  onVerifyProgress: (listener: (p: VerifyProgress) => void) => {
    const forward = (_event: unknown, raw: unknown) => {
      const p = progressOf(raw);
      if (p) listener(p);
    };
    ipcRenderer.on(VERIFY_PROGRESS, forward);
    return () => void ipcRenderer.removeListener(VERIFY_PROGRESS, forward);
  },
  onTransferProgress: (listener: (p: TransferProgress) => void) => {
    const forward = (_event: unknown, raw: unknown) => {
      const p = transferProgressOf(raw);
      if (p) listener(p);
    };
    ipcRenderer.on(TRANSFER_PROGRESS, forward);
    return () => void ipcRenderer.removeListener(TRANSFER_PROGRESS, forward);
  },
  // Only the status object reaches the page, never the IPC event.
  onBackupStatus: (listener: (s: BackupStatus) => void) => {
    const forward = (_event: unknown, s: BackupStatus) => listener(s);
    ipcRenderer.on(BACKUP_STATUS, forward);
    return () => void ipcRenderer.removeListener(BACKUP_STATUS, forward);
  },
} satisfies HostApi & Record<HostMethod, unknown>;

const districtKnown = new Set<string>(Object.keys(districtContract));

function districtCall(channel: string, input: unknown): Promise<unknown> {
  if (typeof channel !== 'string' || !districtKnown.has(channel)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'unknown_channel', message: `未知的操作「${String(channel).slice(0, 40)}」，请升级应用或联系技术支持。` },
    });
  }
  return ipcRenderer.invoke(districtChannel(channel), input);
}

/** window.district: the district contract (区域统筹) and choosing the district ledger's folder. */
export const districtApi = {
  call: districtCall as DistrictBridge['call'],
  open: () => ipcRenderer.invoke(districtShellChannel('open')),
  current: () => ipcRenderer.invoke(districtShellChannel('current')),
  forget: () => ipcRenderer.invoke(districtShellChannel('forget')),
} satisfies DistrictBridge;

contextBridge.exposeInMainWorld('ledger', ledgerApi);
contextBridge.exposeInMainWorld('district', districtApi);
contextBridge.exposeInMainWorld('host', hostApi);
