import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHead } from '../../components/PageHead';
import { formatDateTime } from '../../dates';
import { useMeetings } from '../../stores/meetings';
import { useNav } from '../../stores/nav';
import { useOverview } from '../../stores/org';

export function MinutesMeetingList() {
  const { org } = useOverview();
  const { rows, loaded, loadList } = useMeetings();
  const go = useNav((s) => s.go);
  useEffect(() => {
    void loadList(org.id);
  }, [loadList, org.id]);
  const withDecisions = rows.filter((m) => m.entries > 0);
  return (
    <>
      <PageHead title="会议纪要" crumbs="由会议记录生成 · 主持人签发后锁定" />
      <div className="content">
        {loaded && withDecisions.length === 0 ? (
          <div className="card">
            <EmptyState title="还没有可以形成纪要的会议" action={<button className="btn" onClick={() => go({ section: 'meetings' })}>去会议</button>}>
              会议登记出席、表态和表决后，在这里生成会议纪要，签发后导出 PDF。
            </EmptyState>
          </div>
        ) : (
          <div className="card" style={{ padding: 0 }}>
            <table className="list">
              <thead>
                <tr>
                  <th>会议</th>
                  <th>时间</th>
                  <th>决定事项</th>
                  <th><span className="sr-only">操作</span></th>
                </tr>
              </thead>
              <tbody>
                {withDecisions.map((m) => (
                  <tr key={m.id} className="clickable" onClick={() => go({ section: 'minutes', id: m.id })}>
                    <td>{m.title}</td>
                    <td className="num">{formatDateTime(m.startsAt)}</td>
                    <td className="num">{m.decisions}</td>
                    <td className="actions">
                      <button className="btn small" onClick={(e) => { e.stopPropagation(); go({ section: 'minutes', id: m.id }); }}>
                        打开纪要
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
