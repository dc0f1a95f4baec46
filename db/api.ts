// The app's API: contract (db/contract.ts) + handlers, and dispatch(), the one entry point
// both transports call — Electron's ipcMain and the Playwright harness.
import { z } from 'zod';
import { contract, type ChannelName, type Contract, type InputOf } from './contract';
import { LedgerError, type LedgerErrorInfo } from './errors';
import type { Ledger } from './ledger';
import type { LedgerFor } from './channel';
import { describeZodError } from './validation';
import { Later, settleLater } from './channel';
import { organizationHandlers } from './organization/handlers';
import { itemHandlers } from './items/handlers';
import { meetingHandlers } from './meetings/handlers';
import { minutesHandlers } from './minutes/handlers';
import { followUpHandlers } from './followups/handlers';
import { loopHandlers } from './loop/handlers';
import { trustHandlers } from './trust/handlers';
import { appendAudit } from './trust/audit';
import { type Unavailable, unavailableReason } from './trust/access';
import { noteCommit } from './trust/wal';
import { checkScope, SESSION_CHANNELS } from './scope';

/** A write that failed for the disk, not for the command: said as what it is. */
const UNAVAILABLE_NOW: Record<Unavailable, string> = {
  no_space: '磁盘空间不足。请清理台账所在的磁盘后重试。',
  read_only_media: '台账所在的磁盘现在是只读的。请检查磁盘后重新打开议事台账。',
  read_only_file: '台账文件现在是只读的。请取消文件的“只读”属性后重新打开议事台账。',
  no_permission: '没有权限写入台账文件。请检查文件夹权限后重新打开议事台账。',
  in_use: '台账正被另一个程序使用。请关闭那个程序后重试。',
  io: '读写磁盘时出错。请检查磁盘连接后重试。',
};
import { sessionHandlers } from './session/handlers';
import { exportsHandlers } from './exports/handlers';
import { journalHandlers } from './journal/handlers';
import { reminderHandlers } from './reminders/handlers';
import { searchHandlers } from './search/handlers';
import { importsHandlers } from './imports/handlers';
import { groupHandlers } from './group/handlers';
import { reportHandlers } from './report/handlers';
import { transferHandlers } from './transfer/handlers';
import { templatesHandlers } from './templates/handlers';

const handlers = {
  ...organizationHandlers,
  ...itemHandlers,
  ...meetingHandlers,
  ...minutesHandlers,
  ...followUpHandlers,
  ...loopHandlers,
  ...trustHandlers,
  ...sessionHandlers,
  ...exportsHandlers,
  ...journalHandlers,
  ...reminderHandlers,
  ...searchHandlers,
  ...importsHandlers,
  ...groupHandlers,
  ...reportHandlers,
  ...transferHandlers,
  ...templatesHandlers,
} satisfies { [K in ChannelName]: (ledger: LedgerFor<Contract[K]>, input: z.output<Contract[K]['input']>) => unknown };

type Handlers = typeof handlers;
// A few read channels (DOCX/XLSX packing) finish later (db/channel.ts Later); transports use dispatchAsync.
type Finished<T> = [T] extends [Later<infer U>] ? U : T;
export type OutputOf<C extends ChannelName> = Finished<ReturnType<Handlers[C]>>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorInfo };

/** What the renderer sees as window.ledger, in Electron and in the harness alike. */
export interface LedgerApi {
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
}

export type { ChannelName, InputOf };
export type { LedgerErrorInfo };

/**
 * Validate, run in one transaction, audit. Never throws: every failure is a typed
 * {ok:false} with a Chinese message, and a refused command leaves the file unchanged.
 */
export function dispatch(ledger: Ledger, channel: string, raw: unknown): Result<unknown> {
  if (!Object.prototype.hasOwnProperty.call(contract, channel)) {
    return fail({ code: 'unknown_channel', message: `未知的操作「${String(channel).slice(0, 40)}」，请升级应用或联系技术支持。` });
  }
  const name = channel as ChannelName;
  const spec = contract[name];
  const parsed = spec.input.safeParse(raw ?? {});
  if (!parsed.success) return fail({ code: 'invalid_input', ...describeZodError(parsed.error) });
  const handler = handlers[name] as (l: Ledger, i: unknown) => unknown;
  try {
    const run = ledger.sqlite.transaction(() => {
      // Every id of the input in the organisation(s) the session may see (db/scope.ts), before any handler.
      const touched = checkScope(ledger, name, parsed.data);
      const value = handler(ledger, parsed.data);
      if (spec.kind === 'write') {
        // The organisation acted in: the one set up or chosen (org.setup, orgs.use), else the session's, else the records'.
        const orgId = name !== 'orgs.use' && SESSION_CHANNELS.has(name) ? null : (createdOrg(value) ?? ledger.orgId ?? touched[0] ?? null);
        appendAudit(ledger, { at: ledger.now().toISOString(), operator: ledger.operator, channel: name, summary: summarize(parsed.data) }, orgId);
      }
      return value;
    });
    // Writes take the lock up front so two writers never deadlock on upgrade. Reads run with
    // query_only: the ReadLedger type keeps drizzle writes out, this keeps raw ones out.
    const value = spec.kind === 'write' ? run.immediate() : readOnly(ledger, () => run.deferred());
    if (spec.kind === 'write') noteCommit(ledger.sqlite);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof LedgerError) return fail(e.info);
    if (e instanceof z.ZodError) return fail({ code: 'invalid_input', ...describeZodError(e) });
    // A write that met the disk (reads run query_only: their SQLITE_READONLY is a bug, not the disk).
    const reason = spec.kind === 'write' ? unavailableReason(e, ledger.file) : null;
    if (reason) {
      console.error(`[ledger] ${name} failed`, e);
      return fail({ code: 'internal', message: `操作没有完成，数据未被改动：${UNAVAILABLE_NOW[reason]}` });
    }
    console.error(`[ledger] ${name} failed`, e);
    return fail({
      code: 'internal',
      message: '操作没有完成，数据未被改动。请重试；如果反复出现，请先备份数据再联系技术支持。',
    });
  }
}

/**
 * dispatch, then wait for a handler that resolves later (DOCX/XLSX zip packing in db/exports: the
 * ledger is read inside the transaction, only the packing of that data is asynchronous). What
 * both transports call; a rejected packing becomes the same typed internal error.
 */
export function dispatchAsync(ledger: Ledger, channel: string, raw: unknown): Promise<Result<unknown>> {
  return settleLater(dispatch(ledger, channel, raw), `[ledger] ${channel}`, () =>
    fail({ code: 'internal', message: '文件没有生成，数据未被改动。请重试；如果反复出现，请联系技术支持。' }),
  );
}

/** The organisation a set-up made (org.setup, orgs.createCampus answer { orgId }). */
function createdOrg(value: unknown): number | null {
  const orgId = (value as { orgId?: unknown } | null)?.orgId;
  return typeof orgId === 'number' ? orgId : null;
}

function readOnly<T>(ledger: Ledger, fn: () => T): T {
  ledger.sqlite.pragma('query_only = ON');
  try {
    return fn();
  } finally {
    ledger.sqlite.pragma('query_only = OFF');
  }
}

function fail(error: LedgerErrorInfo): Result<never> {
  return { ok: false, error };
}

/** A short, bounded summary of the input for the audit log. */
function summarize(input: unknown): string {
  // PINs never reach the audit log (db/session).
  // A file's bytes (imports.commit) are kept as their sha256 in the imports table, not here; its rows as a count.
  const s =
    JSON.stringify(input, (k, v: unknown) => {
      if (k === 'pin' || k === 'currentPin') return v == null ? v : '***';
      if (k === 'base64') return undefined;
      if (k === 'rows' && Array.isArray(v) && v.some((r) => r && typeof r === 'object' && 'sheet' in r)) return v.length;
      return v;
    }) ?? '';
  return s.length > 500 ? `${s.slice(0, 500)}…` : s;
}
