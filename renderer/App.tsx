// Top level: first-run guide until the school exists, then the shell with its sections.
import { useEffect } from 'react';
import { Shell } from './Shell';
import { SetupScreen } from './screens/setup/SetupScreen';
import { useOrg } from './stores/org';
import { Toasts } from './components/Toasts';
import { SignInScreen } from './screens/signin/SignInScreen';
import { useSession } from './stores/session';
import { useRestoredToast } from './screens/settings/security/restored';

export function App() {
  const status = useOrg((s) => s.status);
  const error = useOrg((s) => s.error);
  const load = useOrg((s) => s.load);
  const session = useSession();
  const loadSession = session.load;
  useRestoredToast();
  useEffect(() => {
    void load();
    void loadSession();
  }, [load, loadSession]);
  // Nobody writes before saying who they are (db/session): the sign-in comes before set-up too.
  const needSignIn = session.status === 'signedOut' || session.switching;

  return (
    <>
      {(status === 'loading' || session.status === 'loading') && <div className="empty">正在打开台账…</div>}
      {session.status === 'error' && (
        <div className="setup">
          <div className="notice error" role="alert">
            读取操作人没有成功：{session.error?.message}
          </div>
          <button className="btn" onClick={() => void loadSession()}>重试</button>
        </div>
      )}
      {needSignIn && status !== 'loading' && <SignInScreen />}
      {status === 'error' && (
        <div className="setup">
          <div className="notice error" role="alert">
            台账没有打开：{error?.message}
          </div>
          <button className="btn" onClick={() => void load()}>重试</button>
        </div>
      )}
      {session.status === 'signedIn' && !session.switching && status === 'none' && <SetupScreen />}
      {session.status === 'signedIn' && !session.switching && status === 'ready' && <Shell />}
      <Toasts />
    </>
  );
}
