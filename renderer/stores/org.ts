// The school: people with their posts, the two bodies with members, the 议事清单.
// Loaded once at start; null org means the first-run 设置学校 guide is shown.
import { create } from 'zustand';
import { BODY_LABELS, type BodyKind } from '../../db/terms';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';
import { useOrgs } from './orgs';

export type Overview = NonNullable<OutputOf<'org.get'>>;
export type Person = Overview['persons'][number];
export type Body = Overview['bodies'][number];
export type Matter = OutputOf<'matters.list'>[number];

interface OrgState {
  status: 'loading' | 'ready' | 'none' | 'error';
  error: LedgerErrorInfo | null;
  overview: Overview | null;
  matters: Matter[];
  load(): Promise<void>;
}

export const useOrg = create<OrgState>((set) => ({
  status: 'loading',
  error: null,
  overview: null,
  matters: [],
  async load() {
    try {
      // The organisation chosen last on this computer first (集团化办学), then its overview.
      await useOrgs.getState().load();
      const overview = await call('org.get', {});
      if (!overview) {
        set({ status: 'none', overview: null, matters: [] });
        return;
      }
      const matters = await call('matters.list', { orgId: overview.org.id });
      set({ status: 'ready', overview, matters, error: null });
    } catch (e) {
      set({ status: 'error', error: errorInfo(e) });
    }
  },
}));

/** The loaded school; screens below the set-up guide can rely on it. */
export function useOverview(): Overview {
  const overview = useOrg((s) => s.overview);
  if (!overview) throw new Error('学校尚未设置');
  return overview;
}

export function personName(overview: Overview, id: number | null | undefined): string {
  if (id == null) return '—';
  return overview.persons.find((p) => p.id === id)?.name ?? `（编号 ${id}）`;
}


export function bodyOfKind(overview: Overview, kind: string): Body | undefined {
  return overview.bodies.find((b) => b.kind === kind);
}

/** What the school calls each kind of body: 党委会议 … (named from the party kind, renamed in 设置 → 文书). */
export function useBodyName(): (kind: string) => string {
  const overview = useOrg((s) => s.overview);
  return (kind) => (overview && bodyOfKind(overview, kind)?.name) || BODY_LABELS[kind as BodyKind] || kind;
}
