// One loop registers every contract channel; dispatch() (db/api.ts) validates with zod, runs
// the handler in one transaction and never throws. Here we only check WHO is asking: the
// sender frame must be our own page (app://ledger/…), compared with the URL parser.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, type ChannelName } from '../db/contract';
import { dispatchAsync, type Result } from '../db/api';
import type { HostApi } from '../db/host';
import type { Ledger } from '../db/ledger';
import { isAppUrl } from './app-url';
import { HOST_METHODS, hostChannel, hostInputs, ledgerChannel } from './host-channels';

export class ForeignSender extends Error {
  constructor(url: string) {
    super(`拒绝来自非本应用页面的请求：${url.slice(0, 80)}`);
    this.name = 'ForeignSender';
  }
}

/** The frame must exist and be app://ledger/… (a sub-frame from elsewhere counts as foreign). */
export function senderIsApp(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && isAppUrl(frame.url);
}

export function assertApp(event: IpcMainInvokeEvent): void {
  if (!senderIsApp(event)) throw new ForeignSender(event.senderFrame?.url ?? '(已关闭的页面)');
}

export interface IpcDeps {
  ledger: () => Ledger;
  host: HostApi;
  /** Runs after every contract call with its result (the shell backs up after a signing: electron/trust.ts). */
  afterCall?: (ledger: Ledger, channel: string, result: Result<unknown>) => void;
  /** Where slow calls are written (default: the main process's console, i.e. the app log). */
  slowLog?: (line: string) => void;
  /** Channels run elsewhere than on the main connection (拆分/合并 in a worker thread: electron/transfer.ts). */
  offThread?: { channels: readonly string[]; run: (ledger: Ledger, channel: ChannelName, input: unknown) => Promise<Result<unknown>> };
  /** Milliseconds; injected by tests. */
  clock?: () => number;
}

/** A contract call slower than this is logged with its name and time (as Signal's slow-query log). */
export const SLOW_CALL_MS = 100;

/** Register "ledger:<channel>" for every contract channel and "host:<method>" for HostApi. Returns the channel names. */
export function registerIpc(deps: IpcDeps): string[] {
  const registered: string[] = [];
  const clock = deps.clock ?? (() => performance.now());
  const slowLog = deps.slowLog ?? ((line: string) => console.warn(line));
  for (const name of CHANNEL_NAMES) {
    const channel = ledgerChannel(name);
    ipcMain.handle(channel, async (event, input: unknown) => {
      assertApp(event);
      const ledger = deps.ledger();
      const started = clock();
      // dispatchAsync: DOCX/XLSX exports resolve after their zip packing (db/exports).
      const result = deps.offThread?.channels.includes(name) ? await deps.offThread.run(ledger, name, input) : await dispatchAsync(ledger, name, input);
      const ms = clock() - started;
      if (ms > SLOW_CALL_MS) slowLog(`[ledger] slow call ${name}: ${Math.round(ms)} ms`);
      deps.afterCall?.(ledger, name, result);
      return result;
    });
    registered.push(channel);
  }
  for (const method of HOST_METHODS) {
    const channel = hostChannel(method);
    ipcMain.handle(channel, async (event, input: unknown) => {
      assertApp(event);
      const parsed = hostInputs[method].safeParse(input);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '参数无效');
      const call = deps.host[method] as (arg: unknown) => Promise<unknown>;
      return call(parsed.data);
    });
    registered.push(channel);
  }
  return registered;
}
