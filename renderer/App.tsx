// Top level: first-run guide until the school exists, then the shell with its sections.
import { useEffect } from 'react';
import { Shell } from './Shell';
import { SetupScreen } from './screens/setup/SetupScreen';
import { useOrg } from './stores/org';
import { Toasts } from './components/Toasts';

export function App() {
  const status = useOrg((s) => s.status);
  const error = useOrg((s) => s.error);
  const load = useOrg((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      {status === 'loading' && <div className="empty">正在打开台账…</div>}
      {status === 'error' && (
        <div className="setup">
          <div className="notice error" role="alert">
            台账没有打开：{error?.message}
          </div>
          <button className="btn" onClick={() => void load()}>重试</button>
        </div>
      )}
      {status === 'none' && <SetupScreen />}
      {status === 'ready' && <Shell />}
      <Toasts />
    </>
  );
}
