// 督办: the board of every 督办事项 (R17, R18), or one decision with its 督办事项, 进展, 办结,
// 评价 and 修正 (route id = decision id).
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHead } from '../../components/PageHead';
import { FormError } from '../../forms/FormError';
import { useFollowUps } from '../../stores/followups';
import { useNav } from '../../stores/nav';
import { useOverview } from '../../stores/org';
import { useLoop } from '../../stores/loop';
import { DecisionPanel } from './DecisionPanel';
import { HandedPanel } from './HandedPanel';
import { FollowUpBoard } from './FollowUpBoard';
import { todayInput } from '../../dates';
import { useShortcut } from '../../components/useShortcut';

export function FollowUpsScreen() {
  const { org } = useOverview();
  const { board, decisions, loaded, error, loadBoard } = useFollowUps();
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  useEffect(() => {
    void loadBoard(org.id);
  }, [loadBoard, org.id, route.id, route.handed]);
  useShortcut('Alt+b', () => go({ section: 'followups' }), route.id !== undefined || route.handed !== undefined);
  const reloadAll = () => {
    void loadBoard(org.id);
    void useLoop.getState().load(org.id);
  };

  if (route.id || route.handed) {
    return (
      <>
        <PageHead
          title="督办"
          crumbs={<button className="linklike" onClick={() => go({ section: 'followups' })}>督办看板</button>}
          actions={
            <button className="btn" onClick={() => go({ section: 'followups' })} aria-keyshortcuts="Alt+B">
              返回看板<kbd className="hint">Alt+B</kbd>
            </button>
          }
        />
        <div className="content content-narrow">
          {route.handed ? <HandedPanel followUpId={route.handed} onChanged={reloadAll} /> : <DecisionPanel decisionId={route.id!} onChanged={reloadAll} />}
        </div>
      </>
    );
  }

  return (
    <>
      <PageHead title="督办" crumbs="决定事项的执行、监督、评价与修正" />
      <div className="content">
        <FormError error={error} />
        {loaded && decisions.length === 0 ? (
          <div className="card">
            <EmptyState title="还没有决定事项" action={<button className="btn" onClick={() => go({ section: 'meetings' })}>去会议</button>}>
              会议表决通过的议题形成决定事项后，在这里安排督办：承办部门、责任人、完成时限。
            </EmptyState>
          </div>
        ) : (
          <FollowUpBoard rows={board} waiting={decisions.filter((d) => d.lacksFollowUp)} today={todayInput()} />
        )}
      </div>
    </>
  );
}
