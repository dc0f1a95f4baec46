// The district ledger (区域统筹) in the shell: which one is open (a folder holding
// 区域台账.sqlite and its sealing key, remembered in the user-data folder for the next start),
// and its IPC. The same rule as the school ledger: only our own page may ask (assertApp), every
// payload goes through dispatchDistrict (zod, one transaction, never throws); a channel outside
// the district contract is never registered. The renderer never names a path: the folder comes
// from the system's folder dialog only. Imports run in a worker thread, one after another
// (electron/district-runs.ts); the other writes wait their turn; reads answer at once.
import fs from 'node:fs';
import path from 'node:path';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { DISTRICT_CHANNELS, DISTRICT_FILE_NAME, dispatchDistrictAsync, NO_DISTRICT, type DistrictOpened } from '../db/district/api';
import { districtContract } from '../db/district/contract';
import { districtName, openDistrict, type District } from '../db/district/store';
import { districtChannel, districtShellChannel } from './district-channels';
import { DISTRICT_OFF_THREAD, type DistrictRuns } from './district-runs';
import { assertApp } from './ipc';

export const DISTRICT_POINTER = 'district.json';

export interface DistrictHolder {
  /** The open district ledger, if any. */
  get(): District | null;
  /** Open (or create) the district ledger in this folder, closing the one open before; remembered. */
  openFolder(folder: string): DistrictOpened;
  opened(): DistrictOpened | null;
  close(): void;
  /** Stop using a district ledger on this computer (改用本校台账): closed and not reopened at the next start; its folder stays as it is. */
  forget(): void;
  /** The folder open now, or the one last used before 改用本校台账: where the folder dialog starts. */
  lastFolder(): string | null;
}

/**
 * Holds at most one district ledger; remembers its folder in <userData>/district.json.
 * `onClose`: before the open ledger is closed (switched, forgotten, the app closing), so an import
 * in its worker is stopped first (DistrictRuns.stop): it never lands in a ledger no longer shown.
 */
export function districtHolder(userData: string, options: { nativeBinding?: string; onClose?: () => void } = {}): DistrictHolder {
  let current: District | null = null;
  const pointer = path.join(userData, DISTRICT_POINTER);
  const describe = (d: District): DistrictOpened => ({ name: districtName(d), folder: path.dirname(d.file) });
  /** district.json: `folder`, reopened at start; `last`, only where the folder dialog starts (after 改用本校台账). */
  const pointed = (): { folder?: string; last?: string } => {
    try {
      const o = JSON.parse(fs.readFileSync(pointer, 'utf8')) as { folder?: unknown; last?: unknown };
      return { folder: typeof o.folder === 'string' ? o.folder : undefined, last: typeof o.last === 'string' ? o.last : undefined };
    } catch {
      return {}; // No pointer yet, or unreadable.
    }
  };
  const holder: DistrictHolder = {
    get: () => {
      if (current) return current;
      // The folder opened last time, if it is still there (a USB disk may be missing: then none).
      const { folder } = pointed();
      try {
        if (folder && fs.existsSync(path.join(folder, DISTRICT_FILE_NAME))) current = openDistrict(path.join(folder, DISTRICT_FILE_NAME), options);
      } catch {
        // Unreadable: no district ledger open.
      }
      return current;
    },
    openFolder(folder) {
      fs.mkdirSync(folder, { recursive: true });
      const next = openDistrict(path.join(folder, DISTRICT_FILE_NAME), options);
      holder.close();
      current = next;
      fs.writeFileSync(pointer, JSON.stringify({ folder }));
      return describe(next);
    },
    opened: () => {
      const d = holder.get();
      return d ? describe(d) : null;
    },
    close() {
      if (current) options.onClose?.();
      try {
        current?.close();
      } catch {
        // Already closed.
      }
      current = null;
    },
    forget() {
      const was = current ? path.dirname(current.file) : null;
      holder.close();
      // Not reopened at the next start (no `folder`), but the folder dialog starts there (`last`).
      if (was) fs.writeFileSync(pointer, JSON.stringify({ last: was }));
      else fs.rmSync(pointer, { force: true });
    },
    lastFolder: () => {
      if (current) return path.dirname(current.file);
      const { folder, last } = pointed();
      const known = folder ?? last;
      return known && fs.existsSync(known) ? known : null;
    },
  };
  return holder;
}

export interface DistrictIpcDeps {
  holder: DistrictHolder;
  /** Ask the user for the district ledger's folder (the system dialog); null when cancelled. */
  chooseFolder: () => Promise<string | null>;
  /** Where the imports run (a worker each) and the other writes wait their turn. */
  runs: DistrictRuns;
}

/** Register "district:<channel>" for every district channel and "district-shell:open|current|forget". */
export function registerDistrictIpc(deps: DistrictIpcDeps): string[] {
  const registered: string[] = [];
  for (const name of DISTRICT_CHANNELS) {
    const channel = districtChannel(name);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      assertApp(event);
      const d = deps.holder.get();
      if (!d) return NO_DISTRICT;
      if (DISTRICT_OFF_THREAD.includes(name)) return deps.runs.run(d, name, input);
      if (districtContract[name].kind === 'write') return deps.runs.inTurn(() => dispatchDistrictAsync(d, name, input));
      return dispatchDistrictAsync(d, name, input);
    });
    registered.push(channel);
  }
  ipcMain.handle(districtShellChannel('open'), async (event: IpcMainInvokeEvent, arg: unknown) => {
    assertApp(event);
    if (arg !== undefined && arg !== null) throw new Error('参数无效');
    const folder = await deps.chooseFolder();
    return folder ? deps.holder.openFolder(folder) : null;
  });
  ipcMain.handle(districtShellChannel('current'), (event: IpcMainInvokeEvent, arg: unknown) => {
    assertApp(event);
    if (arg !== undefined && arg !== null) throw new Error('参数无效');
    return deps.holder.opened();
  });
  // 改用本校台账 from the page (the district screen's own way back), the same as the menu's.
  ipcMain.handle(districtShellChannel('forget'), (event: IpcMainInvokeEvent, arg: unknown) => {
    assertApp(event);
    if (arg !== undefined && arg !== null) throw new Error('参数无效');
    deps.holder.forget();
    return null;
  });
  registered.push(districtShellChannel('open'), districtShellChannel('current'), districtShellChannel('forget'));
  return registered;
}
