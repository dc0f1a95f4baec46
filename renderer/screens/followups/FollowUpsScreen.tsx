// 督办: every decision and its execution — 督办事项, 进展, 办结, 评价, 修正 (R17, R18).
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHead } from '../../components/PageHead';
import { formatDate } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useFollowUps } from '../../stores/followups';
import { useNav } from '../../stores/nav';
import { useOverview } from '../../stores/org';
import { DecisionPanel } from './DecisionPanel';

export function FollowUpsScreen() {
  const { org } = useOverview();
  const { decisions, loaded, error, loadDecisions } = useFollowUps();
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  useEffect(() => {
    void loadDecisions(org.id);
  }, [loadDecisions, org.id]);
  const selected = route.id ?? decisions[0]?.id;

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
          <div className="grid-main-side" style={{ gridTemplateColumns: 'minmax(280px, 0.8fr) minmax(0, 1.6fr)' }}>
            <section className="card" style={{ padding: 0 }}>
              <table className="list">
                <thead>
                  <tr>
                    <th>决定事项</th>
                    <th>督办</th>
                  </tr>
                </thead>
                <tbody>
                  {decisions.map((d) => (
                    <tr key={d.id} className={`clickable${d.id === selected ? ' selected' : ''}`} onClick={() => go({ section: 'followups', id: d.id })}>
                      <td>
                        <button className="linklike" aria-current={d.id === selected ? 'true' : undefined} onClick={(e) => { e.stopPropagation(); go({ section: 'followups', id: d.id }); }}>
                          {d.itemTitle}
                        </button>
                        <div className="muted small">{d.meetingLabel} · {formatDate(d.decidedOn)}</div>
                      </td>
                      <td>
                        {d.lacksFollowUp ? (
                          <span className="badge warn">待安排</span>
                        ) : d.noFollowUpReason ? (
                          <span className="badge">无需督办</span>
                        ) : d.openFollowUps > 0 ? (
                          <span className="badge info">{d.openFollowUps}项在办</span>
                        ) : (
                          <span className="badge ok">已办结</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            {selected && <DecisionPanel decisionId={selected} onChanged={() => void loadDecisions(org.id)} />}
          </div>
        )}
      </div>
    </>
  );
}
