// 集团化办学: the organisations this operator may work in, and switching between them. The core
// keeps the choice for the session (orgs.use) and scopes every channel to it; the renderer only
// remembers the last one on this computer, so the next start opens where the secretary left off.
import { create } from 'zustand';
import { call, errorInfo, onAnswered, type ChannelName, type LedgerErrorInfo, type OutputOf } from '../ledger-client';
import { hashOf, type Route } from './nav';

export type OrgChoice = OutputOf<'orgs.list'>['orgs'][number];
const REMEMBERED = 'yishi.orgId';

interface OrgsState {
  orgs: OrgChoice[];
  currentOrgId: number | null;
  error: LedgerErrorInfo | null;
  load(): Promise<void>;
  /** The list again, as it is now (after a command that changed the organisations); the choice stays. */
  refresh(): Promise<void>;
  /** Work in another organisation: every screen reloads from the core for it (at the 工作台, or at `to`). */
  switchTo(orgId: number, to?: Route): Promise<void>;
  /** Only what the core lets this operator switch to (orgs.list), offered as a place to go. */
  mayUse(orgId: number): boolean;
}

export const useOrgs = create<OrgsState>((set, get) => ({
  orgs: [],
  currentOrgId: null,
  error: null,
  async load() {
    try {
      let list = await call('orgs.list', {});
      const remembered = Number(localStorage.getItem(REMEMBERED));
      if (remembered && remembered !== list.currentOrgId && list.orgs.some((o) => o.id === remembered)) {
        await call('orgs.use', { orgId: remembered });
        list = await call('orgs.list', {});
      }
      set({ orgs: list.orgs, currentOrgId: list.currentOrgId, error: null });
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
  async refresh() {
    try {
      const list = await call('orgs.list', {});
      set({ orgs: list.orgs, currentOrgId: list.currentOrgId, error: null });
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
  mayUse(orgId) {
    return get().orgs.some((o) => o.id === orgId);
  },
  async switchTo(orgId, to) {
    if (orgId === get().currentOrgId && !to) return;
    try {
      await call('orgs.use', { orgId });
      localStorage.setItem(REMEMBERED, String(orgId));
      // Every store holds the previous organisation's rows: start the screens afresh, at the 工作台
      // (or at the linked record: 上报集团 shows the item on the other side).
      location.hash = to ? hashOf(to) : '#/dashboard';
      location.reload();
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  },
}));

/**
 * Commands after which the list of organisations reads differently: a school set up, renamed or
 * its party kind changed (org.update), a campus added, a school's file merged in as a campus.
 * The switcher then shows it without a reload of the window.
 */
export const ORGS_CHANGED_BY: ReadonlySet<ChannelName> = new Set<ChannelName>(['org.setup', 'org.update', 'orgs.createCampus', 'orgs.merge']);

onAnswered((channel) => {
  if (ORGS_CHANGED_BY.has(channel)) void useOrgs.getState().refresh();
});
