import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHead } from '../../components/PageHead';
import { useShortcut } from '../../components/useShortcut';
import { formatDateTime } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useMeetings } from '../../stores/meetings';
import { useNav } from '../../stores/nav';
import { useBodyName, useOverview } from '../../stores/org';
import { ListTabs } from './ListTabs';

/** The badge's tone per meeting state; the label is the core's (db/terms.ts MEETING_STATE_LABELS). */
const TONE: Record<string, string> = { planned: 'info', in_progress: 'warn', closed: 'ok', cancelled: '' };

export function MeetingList() {
  const { org } = useOverview();
  const bodyName = useBodyName();
  const { rows, loaded, error, loadList } = useMeetings();
  const go = useNav((s) => s.go);
  useEffect(() => {
    void loadList(org.id);
  }, [loadList, org.id]);
  useShortcut('Alt+n', () => go({ section: 'meetings', view: 'new' }));

  return (
    <>
      <PageHead
        title="会议"
        crumbs={`${bodyName('party_committee')} · ${bodyName('principal_office')}`}
        actions={
          <button className="btn primary" onClick={() => go({ section: 'meetings', view: 'new' })} aria-keyshortcuts="Alt+N">
            新建会议<kbd className="hint">Alt+N</kbd>
          </button>
        }
      />
      <div className="content">
        <ListTabs />
        <FormError error={error} />
        {loaded && rows.length === 0 ? (
          <div className="card">
            <EmptyState
              title="还没有会议"
              action={<button className="btn primary" onClick={() => go({ section: 'meetings', view: 'new' })}>新建第一次会议</button>}
            >
              新建会议后，把「待上会」的议题列入议程，开会时登记出席、发言表态和表决。
            </EmptyState>
          </div>
        ) : (
          <div className="card" style={{ padding: 0 }}>
            <table className="list">
              <thead>
                <tr>
                  <th>会议</th>
                  <th>时间</th>
                  <th>地点</th>
                  <th>议题</th>
                  <th>决定事项</th>
                  <th>状态</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id} className="clickable" onClick={() => go({ section: 'meetings', id: m.id })}>
                    <td>
                      <button className="linklike" onClick={(e) => { e.stopPropagation(); go({ section: 'meetings', id: m.id }); }}>
                        {m.title}
                      </button>
                    </td>
                    <td className="num">{formatDateTime(m.startsAt)}</td>
                    <td>{m.place}</td>
                    <td className="num">{m.entries}</td>
                    <td className="num">{m.decisions}</td>
                    <td>
                      <span className={`badge ${TONE[m.state] ?? ''}`} title={m.cancelReason ?? undefined}>{m.stateLabel}</span>
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
