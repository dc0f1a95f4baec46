import { RuleName } from '../components/RuleTag';
import type { LedgerErrorInfo } from '../ledger-client';
import { problemsOf } from './useCommand';

/**
 * A refusal that is not about one of the form's fields (a rule such as R4, a conflict): shown
 * above the buttons, with the rule named in words and its id as a tag. Problems of the form's
 * `fields` are shown beside them instead; any others (a field the form does not show) are listed.
 */
export function FormError({ error, fields = [] }: { error: LedgerErrorInfo | null; fields?: string[] }) {
  if (!error) return null;
  const shown = (path: string) => fields.some((f) => path === f || path.startsWith(`${f}.`));
  const problems = problemsOf(error);
  const rest = problems.filter((p) => !shown(p.field));
  if (problems.length > 0 && rest.length === 0) return null;
  const messages = problems.length > 0 ? rest.map((p) => p.message) : [error.message];
  return (
    <div className="notice error" role="alert" data-rule={error.rule ?? undefined}>
      {messages.length === 1 ? messages[0] : <ul style={{ margin: 0, paddingLeft: 18 }}>{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
      {error.rule && (
        <span className="rule-after">
          <RuleName rule={error.rule} />
        </span>
      )}
    </div>
  );
}
