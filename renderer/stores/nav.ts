// Where the user is: one section (Alt+1…6) and, inside it, an optional record id or "new".
// Mirrored in location.hash so a reload (F5) keeps the place. A form with typed text holds the
// way out (useUnsavedGuard): leaving is asked first (LeaveGuard), never done silently.
import { create } from 'zustand';

export const SECTIONS = [
  { key: 'dashboard', label: '工作台' },
  { key: 'items', label: '议题' },
  { key: 'meetings', label: '会议' },
  { key: 'minutes', label: '纪要' },
  { key: 'followups', label: '督办' },
  { key: 'ledger', label: '台账' },
  { key: 'settings', label: '设置' },
  { key: 'district', label: '区域统筹' },
] as const;

export type Section = (typeof SECTIONS)[number]['key'];

export interface Route {
  section: Section;
  /** record id inside the section (议题 3, 会议 2 …) */
  id?: number;
  /** "new" for a creation form */
  view?: 'new';
  /** 督办: a 集团 decision's follow-up handed to this campus (its own page: the decision is the 集团's). */
  handed?: number;
  /** 设置: the tab to open (e.g. 'report' from the 台账's 制作报送包…). */
  tab?: string;
}

function parseHash(hash: string): Route {
  const [section, rest, more] = hash.replace(/^#\/?/, '').split('/');
  const known = SECTIONS.find((s) => s.key === section);
  if (!known) return { section: 'dashboard' };
  if (rest === 'new') return { section: known.key, view: 'new' };
  if (rest === 'tab' && more && /^[a-z]+$/.test(more)) return { section: known.key, tab: more };
  const handed = Number(more);
  if (rest === 'handed' && Number.isInteger(handed) && handed > 0) return { section: known.key, handed };
  const id = Number(rest);
  return Number.isInteger(id) && id > 0 ? { section: known.key, id } : { section: known.key };
}

export function hashOf(route: Route): string {
  const tail = route.view ? `/${route.view}` : route.handed ? `/handed/${route.handed}` : route.tab ? `/tab/${route.tab}` : route.id ? `/${route.id}` : '';
  return `#/${route.section}${tail}`;
}

interface NavState {
  route: Route;
  /** Forms holding typed text, by a key each; while any is here, leaving asks first. */
  dirty: Set<string>;
  /** Where the user asked to go while a form held text: LeaveGuard asks about it. */
  pending: Route | null;
  go(route: Route): void;
  /** Leave anyway: the typed text is dropped. */
  confirmLeave(): void;
  stay(): void;
  setDirty(key: string, dirty: boolean): void;
}

function show(route: Route) {
  if (location.hash !== hashOf(route)) history.pushState(null, '', hashOf(route));
}

export const useNav = create<NavState>((set, get) => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  dirty: new Set(),
  pending: null,
  go(route) {
    if (hashOf(route) === hashOf(get().route)) return;
    if (get().dirty.size > 0) {
      set({ pending: route });
      return;
    }
    show(route);
    set({ route });
  },
  confirmLeave() {
    const route = get().pending;
    if (!route) return;
    show(route);
    set({ route, pending: null, dirty: new Set() });
  },
  stay() {
    set({ pending: null });
  },
  setDirty(key, dirty) {
    const next = new Set(get().dirty);
    if (dirty) next.add(key);
    else next.delete(key);
    if (next.size !== get().dirty.size) set({ dirty: next });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    const route = parseHash(location.hash);
    const { dirty, route: here } = useNav.getState();
    if (dirty.size > 0 && hashOf(route) !== hashOf(here)) {
      // Back/forward while a form holds text: stay put and ask.
      history.pushState(null, '', hashOf(here));
      useNav.setState({ pending: route });
      return;
    }
    useNav.setState({ route });
  });
  // Closing the window or reloading with typed text: the shell's own "leave this page?" question.
  window.addEventListener('beforeunload', (e) => {
    if (useNav.getState().dirty.size > 0) e.preventDefault();
  });
}
