// Errors a command raises on purpose. Every message is plain Chinese and says what to do next;
// `rule` cites the rule book id (R1–R19) when a rule refused the command — kept beside the
// sentence, never inside it, so the screen can name the rule in words and show the id as a tag.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'rule_violation'
  | 'conflict'
  | 'locked'
  | 'unknown_channel'
  | 'internal';

/** One problem of a form, at the field it concerns. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface LedgerErrorInfo {
  code: ErrorCode;
  message: string;
  /** Input path the error concerns, e.g. "members.0.name", so the UI can show it beside the field. */
  field?: string;
  rule?: string;
  /**
   * Every problem of the form at once (the first is `field`/`message` too), so a form can mark all
   * its wrong fields in one go instead of one per attempt.
   */
  fields?: FieldProblem[];
}

export class LedgerError extends Error {
  constructor(readonly info: LedgerErrorInfo) {
    super(info.message);
    this.name = 'LedgerError';
  }
}

/** Refuse a command because a block-level rule is broken. */
export function refuse(rule: string, message: string, field?: string): never {
  throw new LedgerError({ code: 'rule_violation', rule, message, field });
}

/** Refuse input that is well-formed but not acceptable (a date in the future, a repeated person). */
export function invalid(message: string, field: string): never {
  throw new LedgerError({ code: 'invalid_input', message, field });
}

/** Refuse a form with several problems at once (none when the list is empty). */
export function invalidAll(problems: FieldProblem[]): void {
  const [first] = problems;
  if (!first) return;
  throw new LedgerError({ code: 'invalid_input', message: first.message, field: first.field, fields: problems });
}

export function notFound(what: string, id: number | string, field?: string): never {
  // The id stays out of the sentence (nothing internal on screen); the field says which input it was.
  void id;
  throw new LedgerError({ code: 'not_found', message: `找不到该${what}，可能已被删除或更改，请刷新后重试。`, field });
}

export function conflict(message: string, field?: string): never {
  throw new LedgerError({ code: 'conflict', message, field });
}

export function locked(message: string, rule?: string): never {
  throw new LedgerError({ code: 'locked', message, rule });
}
