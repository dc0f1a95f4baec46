// 模板与常用语 as the forms offer them (db/templates): the organisation's lists and, for an item,
// its matter's decision templates with the title filled in by the core.
import { useEffect, useState } from 'react';
import { call, type OutputOf } from '../ledger-client';
import { useOverview } from './org';

export type Templates = OutputOf<'templates.list'>;

export function useTemplates(itemId?: number): Templates | null {
  const orgId = useOverview().org.id;
  const [value, setValue] = useState<Templates | null>(null);
  useEffect(() => {
    let live = true;
    // Phrases only help typing: when they cannot be read the form works without them.
    call('templates.list', itemId === undefined ? { orgId } : { orgId, itemId })
      .then((v) => live && setValue(v))
      .catch(() => live && setValue(null));
    return () => {
      live = false;
    };
  }, [orgId, itemId]);
  return value;
}
