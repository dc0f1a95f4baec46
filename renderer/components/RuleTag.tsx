// A rule on screen: its plain name, and the rule book's id as a small tag whose tooltip says what
// the rule asks. The words come from db/terms.ts RULES, once.
import { RULES, ruleName, type RuleId } from '../../db/terms';

export function RuleTag({ rule }: { rule: string }) {
  const known = rule in RULES ? RULES[rule as RuleId] : null;
  return (
    <abbr className="rule-tag" title={known ? `${known.name}：${known.explain}` : undefined} data-rule-tag={rule}>
      {rule}
    </abbr>
  );
}

/** "需过半数成员到会 R6" — the name first, the tag after. */
export function RuleName({ rule }: { rule: string }) {
  const name = ruleName(rule);
  return (
    <span className="rule-name">
      {name && <strong>{name}</strong>}
      <RuleTag rule={rule} />
    </span>
  );
}

/** A warn-level rule kept on the record, shown as a notice: the message, then the rule named. */
export function RuleNotice({ rule, message }: { rule: string; message: string }) {
  return (
    <div className="notice warn" data-rule={rule}>
      {message}
      <span className="rule-after">
        <RuleName rule={rule} />
      </span>
    </div>
  );
}
