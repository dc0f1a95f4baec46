// 区域统筹台账 on a computer with no school set up (chosen at first start): the district screens
// alone, without the school's sidebar. The bar on top is the way back, in the page itself (the
// menu's 文件 → 改用本校台账 does the same): after a plain-words confirmation the district ledger is
// closed here (its folder kept) and the first-start choice comes again, as there is no school yet.
import { lazy, Suspense, useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import type { DistrictOpened } from '../../district-client';
import { notify } from '../../stores/notices';
import { useNav } from '../../stores/nav';

const DistrictScreen = lazy(() => import('./DistrictScreen'));

export function DistrictHome({ opened, onLeft }: { opened: DistrictOpened; onLeft: () => void }) {
  const section = useNav((s) => s.route.section);
  const go = useNav((s) => s.go);
  const [asking, setAsking] = useState(false);
  // The district's own help (F1) and drill-down live under the 区域统筹 section.
  useEffect(() => {
    if (section !== 'district') go({ section: 'district' });
  }, [section, go]);
  const leave = useCommand(async () => {
    await window.district?.forget();
    go({ section: 'dashboard' });
    onLeft();
    notify('info', `区域台账已关闭，文件仍在“${opened.folder}”文件夹里。`);
  });
  return (
    <div className="district-only">
      <div className="district-only-bar">
        <strong>议事台账 · 区域统筹台账</strong>
        <span>这台电脑现在用作区域统筹台账。要记录本校议事，请点右边的按钮。</span>
        <button type="button" className="btn" onClick={() => setAsking(true)}>改用本校台账…</button>
      </div>
      <main className="main">
        <Suspense fallback={<div className="empty">正在加载…</div>}>
          <DistrictScreen />
        </Suspense>
      </main>
      {asking && (
        <ConfirmDialog
          title="改用本校台账"
          consequence={
            <>
              区域台账将在这台电脑上关闭，但不会删除，仍保存在“{opened.folder}”文件夹里。接下来请选择这台电脑的用途。以后要再用区域台账，选“区域统筹台账”，再选这个文件夹即可。
            </>
          }
          confirmLabel="关闭区域台账"
          busy={leave.busy}
          onConfirm={() => void leave.run()}
          onCancel={() => {
            setAsking(false);
            leave.clear();
          }}
        >
          <FormError error={leave.error} />
        </ConfirmDialog>
      )}
    </div>
  );
}
