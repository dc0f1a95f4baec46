// Who is at the keyboard. Staff share one Windows account, so the app asks at start (and on
// 切换) and the core writes that name on every audit row, statement and seal (db/session).
import { create } from 'zustand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';
import { useNav } from './nav';
import { useOrg } from './org';

export type OperatorOption = OutputOf<'session.operators'>['operators'][number];

/** The name offered before the school is set up (nobody to choose from yet). */
export const ADMIN_NAME = '系统管理员';

interface SessionState {
  status: 'loading' | 'signedOut' | 'signedIn' | 'error';
  /** The operator the core records now (may still be set while 切换 shows the sign-in screen). */
  operator: string | null;
  hasPin: boolean;
  switching: boolean;
  error: LedgerErrorInfo | null;
  load(): Promise<void>;
  signIn(input: { personId?: number; name?: string; pin?: string }): Promise<void>;
  /** Show the sign-in screen again; the current operator stays until someone signs in. */
  startSwitch(): void;
  cancelSwitch(): void;
  setPin(input: { pin: string | null; currentPin?: string }): Promise<void>;
}

export const useSession = create<SessionState>((set, get) => ({
  status: 'loading',
  operator: null,
  hasPin: false,
  switching: false,
  error: null,
  async load() {
    try {
      const [current, list] = await Promise.all([call('session.current', {}), call('session.operators', {})]);
      const me = list.operators.find((o) => o.name === current.operator);
      set({
        status: current.signedIn ? 'signedIn' : 'signedOut',
        operator: current.signedIn ? current.operator : null,
        hasPin: Boolean(me?.hasPin),
        error: null,
      });
    } catch (e) {
      set({ status: 'error', error: errorInfo(e) });
    }
  },
  // Throws LedgerCallError: the sign-in form shows it beside the PIN or the name.
  async signIn(input) {
    const r = await call('session.signIn', input);
    // The organisations were read before anyone signed in (集团化办学): read them again for this
    // operator, who may be limited to some (the switcher lists only what the core allows).
    if (r.operator !== get().operator) {
      const before = useOrg.getState().overview?.org.id;
      await useOrg.getState().load();
      // Another organisation now (the last one is not this operator's): start at its 工作台.
      if (before !== undefined && useOrg.getState().overview?.org.id !== before) useNav.getState().go({ section: 'dashboard' });
    }
    set({ status: 'signedIn', operator: r.operator, hasPin: r.hasPin, switching: false, error: null });
  },
  startSwitch() {
    set({ switching: true });
  },
  cancelSwitch() {
    if (get().operator) set({ switching: false });
  },
  async setPin(input) {
    const r = await call('session.setPin', input);
    set({ hasPin: r.hasPin });
  },
}));
