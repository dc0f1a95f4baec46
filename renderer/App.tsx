// Top level: at the very first start the choice between 本校台账 and 区域统筹台账; then the
// first-run guide until the school exists, then the shell with its sections. A computer that chose
// 区域统筹台账 (a district ledger open, no school set up) shows the district screens alone.
import { useEffect, useState } from 'react';
import { Shell } from './Shell';
import { SetupScreen } from './screens/setup/SetupScreen';
import { useOrg } from './stores/org';
import { Toasts } from './components/Toasts';
import { SignInScreen } from './screens/signin/SignInScreen';
import { useSession } from './stores/session';
import { useRestoredToast } from './screens/settings/security/restored';
import { FirstRunChoice } from './screens/setup/FirstRunChoice';
import { DistrictHome } from './screens/district/DistrictHome';
import type { DistrictOpened } from './district-client';

/** The menu's 改用本校台账 reopens the page with ?start=school: straight to the school's set-up. */
const startsAsSchool = () => new URLSearchParams(location.search).get('start') === 'school';

export function App() {
  const status = useOrg((s) => s.status);
  const error = useOrg((s) => s.error);
  const load = useOrg((s) => s.load);
  const session = useSession();
  const loadSession = session.load;
  const [district, setDistrict] = useState<DistrictOpened | null | undefined>(undefined);
  const [asSchool, setAsSchool] = useState(startsAsSchool);
  useRestoredToast();
  useEffect(() => {
    void load();
    void loadSession();
    if (!window.district) setDistrict(null);
    else window.district.current().then(setDistrict, () => setDistrict(null));
  }, [load, loadSession]);
  // No school yet and 本校台账 not chosen: the first-start choice, or the district ledger chosen before.
  const firstRun = status === 'none' && !asSchool;
  // Nobody writes before saying who they are (db/session): the sign-in comes before set-up too.
  const needSignIn = (session.status === 'signedOut' || session.switching) && !firstRun;

  return (
    <>
      {(status === 'loading' || session.status === 'loading' || (firstRun && district === undefined)) && <div className="empty">正在打开台账…</div>}
      {firstRun && district === null && <FirstRunChoice onSchool={() => setAsSchool(true)} onDistrict={setDistrict} />}
      {firstRun && district && <DistrictHome opened={district} onLeft={() => setDistrict(null)} />}
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
      {session.status === 'signedIn' && !session.switching && status === 'none' && !firstRun && <SetupScreen />}
      {session.status === 'signedIn' && !session.switching && status === 'ready' && <Shell />}
      <Toasts />
    </>
  );
}
