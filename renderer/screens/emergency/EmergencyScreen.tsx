// 临时处置 (R14): when the body cannot meet, the 书记 (or the 校长, for the 校长办公会议's
// administrative matters) records the action and its reason; it stays flagged until it is
// reported (通报/追认) as an item of the body's next meeting.
import { useEffect } from 'react';
import { PageHead } from '../../components/PageHead';
import { FormError } from '../../forms/FormError';
import { useMeetings } from '../../stores/meetings';
import { useOverview } from '../../stores/org';
import { ListTabs } from '../meetings/ListTabs';
import { EmergencyCard } from './EmergencyCard';
import { EmergencyForm } from './EmergencyForm';
import { RuleTag } from '../../components/RuleTag';

export function EmergencyScreen() {
  const { org } = useOverview();
  const { emergencies, emergenciesLoaded, error, loadEmergencies, rows, loadList } = useMeetings();
  const reload = () => {
    void loadEmergencies(org.id);
    void loadList(org.id);
  };
  useEffect(reload, [org.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const open = emergencies.filter((e) => e.flagged);
  const done = emergencies.filter((e) => !e.flagged);
  return (
    <>
      <PageHead title="临时处置" crumbs={<>不能召开会议时的临时处置 · 须在下次会议上通报<RuleTag rule="R14" /></>} />
      <div className="content">
        <ListTabs openEmergencies={open.length} />
        <FormError error={error} />
        <div className="grid-main-side" style={{ gridTemplateColumns: 'minmax(0, 1.4fr) minmax(320px, 1fr)' }}>
          <div>
            <h2 style={{ marginBottom: 10 }}>待通报（{open.length}）</h2>
            {emergenciesLoaded && open.length === 0 && (
              <div className="card">
                <p className="muted">没有待通报的临时处置。</p>
              </div>
            )}
            {open.map((e) => (
              <EmergencyCard key={e.id} row={e} meetings={rows} onChanged={reload} />
            ))}
            {done.length > 0 && (
              <>
                <h2 style={{ margin: '18px 0 10px' }}>已通报（{done.length}）</h2>
                {done.map((e) => (
                  <EmergencyCard key={e.id} row={e} meetings={rows} onChanged={reload} />
                ))}
              </>
            )}
          </div>
          <EmergencyForm onSaved={reload} />
        </div>
      </div>
    </>
  );
}
