// Errors a command raises on purpose. Every message is Chinese and says what to do next;
// `rule` cites the rule book id (R1–R19) when a rule refused the command.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'rule_violation'
  | 'conflict'
  | 'locked'
  | 'unknown_channel'
  | 'internal';

export interface LedgerErrorInfo {
  code: ErrorCode;
  message: string;
  /** Input path the error concerns, e.g. "members.0.name", so the UI can show it beside the field. */
  field?: string;
  rule?: string;
}

export class LedgerError extends Error {
  constructor(readonly info: LedgerErrorInfo) {
    super(info.message);
    this.name = 'LedgerError';
  }
}

/** Refuse a command because a block-level rule is broken. */
export function refuse(rule: string, message: string, field?: string): never {
  throw new LedgerError({ code: 'rule_violation', rule, message: `${message}（${rule}）`, field });
}

/** Refuse input that is well-formed but not acceptable (a date in the future, a repeated person). */
export function invalid(message: string, field: string): never {
  throw new LedgerError({ code: 'invalid_input', message, field });
}

export function notFound(what: string, id: number | string, field?: string): never {
  throw new LedgerError({ code: 'not_found', message: `找不到${what}（编号 ${id}），请刷新后重试。`, field });
}

export function conflict(message: string, field?: string): never {
  throw new LedgerError({ code: 'conflict', message, field });
}

export function locked(message: string): never {
  throw new LedgerError({ code: 'locked', message });
}
