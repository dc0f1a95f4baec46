import type { ReactNode } from 'react';

export function PageHead({ title, crumbs, actions }: { title: ReactNode; crumbs?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-head">
      <div>
        {crumbs && <div className="crumbs">{crumbs}</div>}
        <h1 tabIndex={-1}>{title}</h1>
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  );
}
