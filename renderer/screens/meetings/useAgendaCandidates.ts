// Items that could go on this meeting's agenda. 暂缓上会 and 会前沟通中 ones are listed too, so
// the core's refusal (R4) is visible when the secretary tries them. Read directly, not through the
// paged 议题 list, which follows whatever filter the 议题 screen has.
import { useCallback, useEffect, useState } from 'react';
import { call, type OutputOf } from '../../ledger-client';

export type Candidate = OutputOf<'items.list'>['rows'][number];

export function useAgendaCandidates(orgId: number, onAgenda: number[]): { candidates: Candidate[]; reload(): void } {
  const [rows, setRows] = useState<Candidate[]>([]);
  const reload = useCallback(() => {
    call('items.list', { orgId, states: ['ready', 'postponed', 'consultation', 'vote_postponed'], limit: 500, offset: 0 })
      .then((out) => setRows(out.rows))
      .catch(() => setRows([]));
  }, [orgId]);
  useEffect(reload, [reload]);
  const taken = new Set(onAgenda);
  return { candidates: rows.filter((r) => !taken.has(r.id)), reload };
}
