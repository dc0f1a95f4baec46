// One meeting: 议程 (agenda, statements, vote per item) and 出席 (attendance), with the live
// quorum line of the selected item ("应到7人，实到5人，需同意票≥4"); 修改会议信息 and 取消会议
// while the core allows, and the meeting's 更正记录.
import { useEffect, useState } from 'react';
import { PageHead } from '../../components/PageHead';
import { useShortcut } from '../../components/useShortcut';
import { formatDateTime } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useMeetings } from '../../stores/meetings';
import { useNav } from '../../stores/nav';
import { AgendaPanel } from './AgendaPanel';
import { AttendancePanel } from './AttendancePanel';
import { CloseMeetingButton } from './CloseMeetingButton';
import { EntryPanel } from './EntryPanel';
import { RecordView } from './RecordView';
import { MeetingMaterials } from '../../components/export';
import { History } from '../../components/History';
import { RuleNotice } from '../../components/RuleTag';
import { CancelMeetingButton, MeetingEditForm } from './MeetingCorrect';

type Tab = 'agenda' | 'attendance' | 'record';

export function MeetingDetail({ meetingId }: { meetingId: number }) {
  const { current, currentError, loadMeeting, entryId, enterMode } = useMeetings();
  const go = useNav((s) => s.go);
  const [tab, setTab] = useState<Tab>('agenda');
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    void loadMeeting(meetingId);
  }, [loadMeeting, meetingId]);
  useShortcut('Alt+a', () => setTab('agenda'));
  useShortcut('Alt+s', () => setTab('attendance'));
  useShortcut('Alt+r', () => setTab('record'));
  useShortcut('Alt+m', () => enterMode(meetingId));

  if (currentError) return <div className="content"><FormError error={currentError} /></div>;
  if (!current || current.meeting.id !== meetingId) return <div className="empty">正在读取会议…</div>;
  const { meeting } = current;
  const reload = () => void loadMeeting(meetingId);
  const entry = current.entries.find((e) => e.id === entryId) ?? null;

  return (
    <>
      <PageHead
        title={current.title}
        crumbs={
          <>
            <button className="linklike" onClick={() => go({ section: 'meetings' })}>会议</button>
            {' · '}
            {formatDateTime(meeting.startsAt)} · {meeting.place} · 主持人 {meeting.hostName} · 记录人 {meeting.recorderName}
          </>
        }
        actions={
          meeting.state === 'cancelled' ? undefined : (
            <>
              {meeting.open && !editing && <button className="btn" onClick={() => setEditing(true)}>修改会议信息</button>}
              {meeting.state === 'planned' && <CancelMeetingButton view={current} onCancelled={reload} />}
              <button className="btn primary" onClick={() => enterMode(meeting.id)} aria-keyshortcuts="Alt+M">
                会议模式<kbd className="hint">Alt+M</kbd>
              </button>
              {meeting.open && <CloseMeetingButton meetingId={meeting.id} onClosed={reload} />}
              <button className="btn" onClick={() => go({ section: 'minutes', id: meeting.id })}>会议纪要</button>
            </>
          )
        }
      />
      <div className="content">
        {meeting.state === 'cancelled' && (
          <div className="notice warn" role="status">
            本次会议<strong>{meeting.stateLabel}</strong>：{meeting.cancelReason}。原议程上的议题已回到「待上会」。
          </div>
        )}
        {editing && (
          <MeetingEditForm
            view={current}
            onDone={(changed) => {
              setEditing(false);
              if (changed) reload();
            }}
          />
        )}
        <History title="会议的更正记录" rows={current.history} />
        <div className="row" role="tablist" aria-label="会议内容" style={{ marginBottom: 12 }}>
          <button role="tab" className="btn choice" aria-selected={tab === 'agenda'} aria-pressed={tab === 'agenda'} onClick={() => setTab('agenda')}>
            议程与表决<kbd className="hint">Alt+A</kbd>
          </button>
          <button role="tab" className="btn choice" aria-selected={tab === 'attendance'} aria-pressed={tab === 'attendance'} onClick={() => setTab('attendance')}>
            出席情况（{current.signedIn.present}/{current.signedIn.due}）<kbd className="hint">Alt+S</kbd>
          </button>
          <button role="tab" className="btn choice" aria-selected={tab === 'record'} aria-pressed={tab === 'record'} onClick={() => setTab('record')}>
            会议记录<kbd className="hint">Alt+R</kbd>
          </button>
        </div>
        {current.warnings.map((w, i) => (
          <RuleNotice key={i} rule={w.rule} message={w.message} />
        ))}
        {tab === 'agenda' && <MeetingMaterials meetingId={meeting.id} entries={current.entries} />}
        {tab === 'record' ? (
          <RecordView meetingId={meeting.id} version={current} />
        ) : tab === 'attendance' ? (
          <AttendancePanel key={`a${current.attendance.length}`} view={current} onSaved={reload} />
        ) : (
          <div className="grid-main-side" style={{ gridTemplateColumns: 'minmax(320px, 0.9fr) minmax(0, 1.5fr)' }}>
            <AgendaPanel view={current} onChanged={reload} />
            {entry ? (
              <EntryPanel view={current} entry={entry} onChanged={reload} />
            ) : (
              <section className="card">
                <p className="muted">议程上还没有议题。请在左侧把「待上会」的议题列入议程。</p>
              </section>
            )}
          </div>
        )}
      </div>
    </>
  );
}
