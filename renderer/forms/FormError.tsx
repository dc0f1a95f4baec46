import type { LedgerErrorInfo } from '../ledger-client';

/**
 * A refusal that is not about one field (a rule such as R4, a conflict): shown above the
 * buttons. Errors with a field are shown beside that field, unless `showAll` is set because
 * the form has no such field.
 */
export function FormError({ error, fields = [] }: { error: LedgerErrorInfo | null; fields?: string[] }) {
  if (!error) return null;
  const shownAtField = error.field && fields.some((f) => error.field === f || error.field!.startsWith(`${f}.`));
  if (shownAtField) return null;
  return (
    <div className="notice error" role="alert" data-rule={error.rule ?? undefined}>
      {error.rule && <span className="rule">未通过规则 {error.rule}：</span>}
      {error.message}
    </div>
  );
}
