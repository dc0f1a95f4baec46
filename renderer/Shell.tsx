// The frame around every section: sidebar with Alt+1…8, and the current screen.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { BackupStatus } from '../db/host';
import { SECTIONS, useNav, type Section } from './stores/nav';
import { useOverview } from './stores/org';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { ItemsScreen } from './screens/items/ItemsScreen';
import { MeetingsScreen } from './screens/meetings/MeetingsScreen';
import { FollowUpsScreen } from './screens/followups/FollowUpsScreen';
import { RegisterScreen } from './screens/register/RegisterScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { OperatorBox } from './screens/signin/OperatorBox';
import { OrgSwitcher } from './components/OrgSwitcher';
import { LeaveGuard } from './components/LeaveGuard';
import { useReminders } from './stores/reminders';
import { SearchPalette } from './components/SearchPalette';
import { useLargeType } from './stores/large-type';

// The minutes screen carries the document preview; it loads on first use.
const MinutesScreen = lazy(() => import('./screens/minutes/MinutesScreen'));
// 区域统筹 (a district ledger of its own) carries its charts; it loads on first use too.
const DistrictScreen = lazy(() => import('./screens/district/DistrictScreen'));

const SCREENS: Record<Section, () => React.ReactNode> = {
  dashboard: () => <DashboardScreen />,
  items: () => <ItemsScreen />,
  meetings: () => <MeetingsScreen />,
  minutes: () => <MinutesScreen />,
  followups: () => <FollowUpsScreen />,
  ledger: () => <RegisterScreen />, // the 台账 section (register)
  settings: () => <SettingsScreen />,
  district: () => <DistrictScreen />,
};

export function Shell() {
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  const overview = useOverview();
  const reminders = useReminders((s) => s.today);
  const loadReminders = useReminders((s) => s.load);
  const [searching, setSearching] = useState(false);
  const largeType = useLargeType();

  // Ctrl+K from anywhere, fields included: the one search box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // 今日待办 at start and every hour while open: the badge on 工作台 says how many are due.
  useEffect(() => {
    void loadReminders(overview.org.id);
    const timer = setInterval(() => void loadReminders(overview.org.id), 60 * 60 * 1000);
    return () => clearInterval(timer);
  }, [loadReminders, overview.org.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      if (n >= 1 && n <= SECTIONS.length) {
        e.preventDefault();
        go({ section: SECTIONS[n - 1]!.key });
        // Move focus into the new section so the keyboard user can continue from there.
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.main h1')?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <strong>议事台账</strong>
          <span title={overview.org.name}>{overview.org.name}</span>
        </div>
        <OrgSwitcher />
        <OperatorBox />
        <button className="search-open" onClick={() => setSearching(true)} aria-keyshortcuts="Control+K">
          <span>搜索</span>
          <kbd>Ctrl+K</kbd>
        </button>
        <nav aria-label="主导航">
          {SECTIONS.map((s, i) => (
            <button
              key={s.key}
              aria-current={route.section === s.key ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${i + 1}`}
              onClick={() => go({ section: s.key })}
            >
              <span>
                {s.label}
                {s.key === 'dashboard' && reminders && reminders.count > 0 && (
                  <span className={`nav-badge${reminders.overdue > 0 ? ' bad' : ''}`} title={`今日待办${reminders.count}项`} data-reminders={reminders.count}>
                    {reminders.count}
                  </span>
                )}
              </span>
              <kbd>Alt+{i + 1}</kbd>
            </button>
          ))}
        </nav>
        <BackupLine />
        <div className="foot">
          <button className="large-toggle" aria-pressed={largeType.on} onClick={() => largeType.set(!largeType.on)} title="放大全部文字，再点一次恢复">
            {largeType.on ? '大字：开' : '大字：关'}
          </button>
          <div>决策 → 执行 → 监督 → 评价 → 修正</div>
        </div>
      </aside>
      <main className="main">
        <Suspense fallback={<div className="empty">正在加载…</div>}>{SCREENS[route.section]()}</Suspense>
      </main>
      <LeaveGuard />
      {searching && <SearchPalette onClose={() => setSearching(false)} />}
    </div>
  );
}

/** The automatic backup runs beside the user's work: a quiet line while it runs, a note when done. */
function BackupLine() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => window.host.onBackupStatus?.(setStatus), []);
  if (!status) return null;
  return (
    <div className={`backup-line ${status.state}`} role="status" aria-live="polite">
      {status.message}
    </div>
  );
}
