// TEMPORARY while the skeleton is being built in parallel: a channel whose handler is not
// written yet answers with a typed error. This file is deleted once every handler exists.
import { LedgerError } from './errors';

export const pending = (channel: string) => (): never => {
  throw new LedgerError({ code: 'internal', message: `「${channel}」尚未实现。` });
};
