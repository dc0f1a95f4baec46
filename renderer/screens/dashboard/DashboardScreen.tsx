// 工作台: where every item and decision stands in the loop, what needs attention today, and
// the charts (ECharts, loaded on demand so the first screen's script stays small).
import { lazy, Suspense, useEffect } from 'react';
import { PageHead } from '../../components/PageHead';
import { formatDate } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useLoop } from '../../stores/loop';
import { useNav } from '../../stores/nav';
import { useOverview } from '../../stores/org';
import { AttentionLists } from './AttentionLists';
import { LoopStages } from './LoopStages';
import { TodayPanel } from './TodayPanel';
import { useReminders } from '../../stores/reminders';
import { GroupPanel } from './GroupPanel';
import { useOrgs } from '../../stores/orgs';

const ChartsPanel = lazy(() => import('./ChartsPanel'));

export function DashboardScreen() {
  const { org } = useOverview();
  const { status, stats, error, load } = useLoop();
  const go = useNav((s) => s.go);
  const today = useReminders((s) => s.today);
  const loadReminders = useReminders((s) => s.load);
  // 集团化办学: the 集团党委's 工作台 opens with its campuses.
  const isGroup = useOrgs((s) => s.orgs.some((o) => o.id === org.id && o.campusCount > 0));
  useEffect(() => {
    void load(org.id);
    void loadReminders(org.id);
  }, [load, loadReminders, org.id]);

  return (
    <>
      <PageHead
        title="工作台"
        crumbs={status ? `今天是 ${formatDate(status.today)}` : undefined}
        actions={
          <>
            <button className="btn" onClick={() => go({ section: 'meetings', view: 'new' })}>新建会议</button>
            <button className="btn primary" onClick={() => go({ section: 'items', view: 'new' })}>新建议题</button>
          </>
        }
      />
      <div className="content">
        <FormError error={error} />
        {isGroup && <GroupPanel />}
        {status && (
          <>
            {status.stages.every((s) => s.count === 0) && (
              <div className="notice info">
                第一步：点右上角「新建议题」登记一个待决定的事项；提交后记录书记与校长的会前沟通，再新建会议把它列入议程。
              </div>
            )}
            {today && <TodayPanel today={today} />}
            <LoopStages stages={status.stages} />
            <AttentionLists status={status} />
            {stats && (
              <Suspense fallback={<div className="card muted">正在加载图表…</div>}>
                <ChartsPanel stats={stats} />
              </Suspense>
            )}
          </>
        )}
      </div>
    </>
  );
}
