// The organisation this window works in (集团党委 or one of its campuses), at the top of the
// sidebar; Alt+0 reaches it from anywhere. Shown only when there is more than one to choose from.
import { useEffect, useRef } from 'react';
import { useOrgs } from '../stores/orgs';

export function OrgSwitcher() {
  const { orgs, currentOrgId, switchTo, error } = useOrgs();
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.key === '0') {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  if (orgs.length < 2) return null;
  return (
    <div className="org-switcher">
      <label htmlFor="org-switcher">当前组织 <kbd>Alt+0</kbd></label>
      <select id="org-switcher" ref={ref} aria-keyshortcuts="Alt+0" value={currentOrgId ?? ''} onChange={(e) => void switchTo(Number(e.target.value))}>
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.parentId ? `　${o.name}` : o.name}
          </option>
        ))}
      </select>
      {error && <p className="small error" role="alert">{error.message}</p>}
    </div>
  );
}
