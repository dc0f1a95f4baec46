// Typed client over window.ledger: the renderer's only way to the ledger. call() resolves with
// the value or throws a LedgerCallError carrying the contract's {code, message, field, rule}, so
// forms can show the message beside error.field.
import type { ChannelName, InputOf, LedgerErrorInfo, OutputOf } from '../db/api';

export type { ChannelName, InputOf, OutputOf, LedgerErrorInfo };

export class LedgerCallError extends Error {
  constructor(readonly info: LedgerErrorInfo) {
    super(info.message);
    this.name = 'LedgerCallError';
  }
}

export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  let result;
  try {
    result = await window.ledger.call(channel, input);
  } catch (e) {
    // The bridge itself failed (shell closing, ledger being moved): nothing was written. The
    // technical text goes to the console, never to the page.
    console.error('[ledger] bridge failed', channel, e);
    throw new LedgerCallError({ code: 'internal', message: '与台账的连接中断，数据未被改动，请稍后重试。' });
  }
  if (!result.ok) throw new LedgerCallError(result.error);
  for (const listener of [...answered]) listener(channel);
  return result.value;
}

type Answered = (channel: ChannelName) => void;
const answered = new Set<Answered>();

/**
 * Told the channel of every call the core carried out (not of refused ones), after it answered:
 * how a store whose rows another screen's command changed reloads them (e.g. the org switcher
 * after a merge). Returns the way to stop listening.
 */
export function onAnswered(listener: Answered): () => void {
  answered.add(listener);
  return () => answered.delete(listener);
}

/** The contract error of a failure, or a generic one for anything unexpected. */
export function errorInfo(e: unknown): LedgerErrorInfo {
  if (e instanceof LedgerCallError) return e.info;
  console.error('[ledger] unexpected failure', e);
  return { code: 'internal', message: '操作没有完成，数据未被改动。请重试；如果反复出现，请联系技术支持。' };
}
