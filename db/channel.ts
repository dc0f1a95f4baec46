// Declaring channels: each domain folder has a contract.ts (channel name → zod input and
// kind, no I/O, safe for the preload and the renderer) and a handlers.ts (the code).
import type { z } from 'zod';
import type { Ledger, ReadLedger } from './ledger';

export interface ChannelSpec<S extends z.ZodType = z.ZodType> {
  readonly kind: 'read' | 'write';
  readonly input: S;
}

export const write = <S extends z.ZodType>(input: S): ChannelSpec<S> & { readonly kind: 'write' } => ({ kind: 'write', input });
export const read = <S extends z.ZodType>(input: S): ChannelSpec<S> & { readonly kind: 'read' } => ({ kind: 'read', input });

/** The handle a channel's handler gets: reads get a ReadLedger, which cannot write. */
export type LedgerFor<S extends ChannelSpec> = S['kind'] extends 'read' ? ReadLedger : Ledger;

/** The handlers a domain must provide for its contract, typed from the zod outputs and the kind. */
export type HandlersFor<C extends Record<string, ChannelSpec>> = {
  [K in keyof C]: (ledger: LedgerFor<C[K]>, input: z.output<C[K]['input']>) => unknown;
};

/**
 * A read whose result is finished outside the transaction: the handler reads the ledger (inside
 * it) and returns `later(() => pack(data))`. better-sqlite3 transactions cannot await, and zip
 * packing (DOCX, XLSX) is asynchronous; dispatchAsync (db/api.ts) runs it after the commit.
 */
export class Later<T> {
  constructor(readonly run: () => Promise<T>) {}
}
export const later = <T>(run: () => Promise<T>): Later<T> => new Later(run);

/**
 * A dispatched result, with a Later finished: a failed packing becomes `failed` (a typed internal
 * error the caller words), logged under `tag`. Used by dispatchAsync and dispatchDistrictAsync.
 */
export async function settleLater<R extends { ok: true; value: unknown } | { ok: false }>(result: R, tag: string, failed: () => R): Promise<R> {
  if (!result.ok || !(result.value instanceof Later)) return result;
  try {
    return { ok: true, value: await (result.value as Later<unknown>).run() } as R;
  } catch (e) {
    console.error(`${tag} failed`, e);
    return failed();
  }
}
