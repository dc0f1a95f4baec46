// A rule on screen: its plain name, and the rule book's id as a small tag. Hovering shows what
// the rule asks; clicking (or Enter) opens its help: what it asks in plain words and where it
// comes from (《意见》(六) …). The words come from db/terms.ts RULES, once.
import { useEffect, useRef, useState } from 'react';
import { RULES, RULE_SOURCES, ruleName, type RuleId } from '../../db/terms';

export function RuleTag({ rule }: { rule: string }) {
  const known = rule in RULES ? RULES[rule as RuleId] : null;
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) {
        if (e instanceof KeyboardEvent) e.stopImmediatePropagation();
        setOpen(false);
      }
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close, true);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close, true);
    };
  }, [open]);
  if (!known) return <span className="rule-tag" data-rule-tag={rule}>{rule}</span>;
  return (
    <span className="rule-help-anchor" ref={box}>
      <button
        type="button"
        className="rule-tag"
        title={`${known.name}：${known.explain}（点击查看依据）`}
        data-rule-tag={rule}
        aria-expanded={open}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(!open);
        }}
      >
        {rule}
      </button>
      {open && (
        <span className="rule-help" role="dialog" aria-label={`规则说明：${known.name}`} onClick={(e) => e.stopPropagation()}>
          <strong>{known.name}</strong>
          <span className="explain">{known.explain}</span>
          <span className="source">依据：{known.source}</span>
          {RULE_SOURCES.filter((s) => known.source.includes(s.short) && s.short.startsWith('《')).map((s) => (
            <span key={s.short} className="source-full">{s.short}即{s.full}</span>
          ))}
        </span>
      )}
    </span>
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
