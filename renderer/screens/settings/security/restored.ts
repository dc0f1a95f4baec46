// After a restore the page reloads on the reopened ledger; what happened is kept in
// sessionStorage (this window only) so it can be said once the app is back: a toast at start,
// and a notice in 数据安全 until dismissed.
import { useEffect } from 'react';
import { formatDateTime } from '../../../dates';
import type { RestoreOutcome } from '../../../../db/host';
import { notify } from '../../../stores/notices';

const KEY = 'yishi.restored';

export interface Restored extends RestoreOutcome {
  at: string | null;
  meetings: number;
}

export function rememberRestored(r: Restored): void {
  sessionStorage.setItem(KEY, JSON.stringify(r));
}

export function readRestored(): Restored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Restored) : null;
  } catch {
    return null;
  }
}

export function forgetRestored(): void {
  sessionStorage.removeItem(KEY);
}

export function restoredText(r: Restored): string {
  return `已从 ${r.at ? formatDateTime(r.at) : '所选'} 的备份恢复台账（含 ${r.meetings} 次会议）。`;
}

/** Used once by App: the toast right after the reload. */
export function useRestoredToast(): void {
  useEffect(() => {
    const r = readRestored();
    if (r) notify('info', `${restoredText(r)}恢复前的台账已另存，详见 设置 → 数据安全。`);
  }, []);
}
