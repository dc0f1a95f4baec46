// Every screen's heading: where it is, what it is, its actions, and 帮助 (F1) with the steps of
// this screen and the rules it applies (renderer/help.ts).
import { useState, type ReactNode } from 'react';
import { RULES } from '../../db/terms';
import { HELP } from '../help';
import { useNav } from '../stores/nav';
import { RuleTag } from './RuleTag';
import { useShortcut } from './useShortcut';

export function PageHead({ title, crumbs, actions }: { title: ReactNode; crumbs?: ReactNode; actions?: ReactNode }) {
  const section = useNav((s) => s.route.section);
  const [help, setHelp] = useState(false);
  useShortcut('F1', () => setHelp((h) => !h));
  const steps = HELP[section];
  return (
    <>
      <header className="page-head">
        <div>
          {crumbs && <div className="crumbs">{crumbs}</div>}
          <h1 tabIndex={-1}>{title}</h1>
        </div>
        <div className="actions">
          {actions}
          <button className="btn" aria-expanded={help} onClick={() => setHelp(!help)} aria-keyshortcuts="F1">
            帮助<kbd className="hint">F1</kbd>
          </button>
        </div>
      </header>
      {help && (
        <section className="help-panel" aria-label="本页帮助">
          <h2>这一页怎么用</h2>
          <ol>
            {steps.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <div className="rules">
            本页适用的规则（点编号看说明和依据）：
            {steps.rules.map((r) => (
              <span key={r} className="rule-name">
                {RULES[r].name}
                <RuleTag rule={r} />
                {'　'}
              </span>
            ))}
          </div>
        </section>
      )}
    </>
  );
}
