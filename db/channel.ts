// Declaring channels: each domain folder has a contract.ts (channel name → zod input and
// kind, no I/O, safe for the preload and the renderer) and a handlers.ts (the code).
import type { z } from 'zod';
import type { Ledger } from './ledger';

export interface ChannelSpec<S extends z.ZodType = z.ZodType> {
  readonly kind: 'read' | 'write';
  readonly input: S;
}

export const write = <S extends z.ZodType>(input: S): ChannelSpec<S> => ({ kind: 'write', input });
export const read = <S extends z.ZodType>(input: S): ChannelSpec<S> => ({ kind: 'read', input });

/** The handlers a domain must provide for its contract, typed from the zod outputs. */
export type HandlersFor<C extends Record<string, ChannelSpec>> = {
  [K in keyof C]: (ledger: Ledger, input: z.output<C[K]['input']>) => unknown;
};
