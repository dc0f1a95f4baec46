// Where the user is: one section (Alt+1…6) and, inside it, an optional record id or "new".
// Mirrored in location.hash so a reload (F5) keeps the place.
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
}

function parseHash(hash: string): Route {
  const [section, rest] = hash.replace(/^#\/?/, '').split('/');
  const known = SECTIONS.find((s) => s.key === section);
  if (!known) return { section: 'dashboard' };
  if (rest === 'new') return { section: known.key, view: 'new' };
  const id = Number(rest);
  return Number.isInteger(id) && id > 0 ? { section: known.key, id } : { section: known.key };
}

export function hashOf(route: Route): string {
  return `#/${route.section}${route.view ? `/${route.view}` : route.id ? `/${route.id}` : ''}`;
}

interface NavState {
  route: Route;
  go(route: Route): void;
}

export const useNav = create<NavState>((set) => ({
  route: parseHash(typeof location === 'undefined' ? '' : location.hash),
  go(route) {
    if (location.hash !== hashOf(route)) history.pushState(null, '', hashOf(route));
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => useNav.setState({ route: parseHash(location.hash) }));
}
