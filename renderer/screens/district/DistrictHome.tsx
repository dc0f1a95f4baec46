// 区域统筹台账 on a computer with no school set up (chosen at first start): the district screens
// alone, without the school's sidebar. Changing back to 本校台账 is the menu's (文件 → 改用本校台账),
// the same place the district ledger is opened from.
import { lazy, Suspense, useEffect } from 'react';
import { useNav } from '../../stores/nav';

const DistrictScreen = lazy(() => import('./DistrictScreen'));

export function DistrictHome() {
  const section = useNav((s) => s.route.section);
  const go = useNav((s) => s.go);
  // The district's own help (F1) and drill-down live under the 区域统筹 section.
  useEffect(() => {
    if (section !== 'district') go({ section: 'district' });
  }, [section, go]);
  return (
    <div className="district-only">
      <div className="district-only-bar">
        <strong>议事台账 · 区域统筹台账</strong>
        <span>这台电脑用作区域统筹台账。要改为记录本校议事，请在菜单「文件」中选择「改用本校台账（学校党组织）」。</span>
      </div>
      <main className="main">
        <Suspense fallback={<div className="empty">正在加载…</div>}>
          <DistrictScreen />
        </Suspense>
      </main>
    </div>
  );
}
