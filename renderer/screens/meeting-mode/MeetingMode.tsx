// 会议模式: the meeting full screen, run from the keyboard while it happens. Left: the steps
// (签到, 第一议题, each agenda item, 临时动议, 会议记录); right: the step. Keys: J/K or ↑/↓ move,
// 1–9 open agenda item n, 0 签到, F 第一议题, T 临时动议, R 会议记录. Esc leaves a field; it never
// leaves 会议模式 while the meeting is open — a second Esc asks first, the button leaves outright.
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RuleNotice } from '../../components/RuleTag';
import { typing, useShortcut } from '../../components/useShortcut';
import { formatDateTime } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useMeetings, type MeetingView, type ModeStep } from '../../stores/meetings';
import { CloseMeetingButton } from '../meetings/CloseMeetingButton';
import { EntryPanel } from '../meetings/EntryPanel';
import { OutcomeBadge } from '../meetings/outcomes';
import { RecordView } from '../meetings/RecordView';
import { AdHocMotion } from './AdHocMotion';
import { CheckIn } from './CheckIn';
import { ConfirmAgendaNotice } from './ConfirmAgendaNotice';
import { FirstTopicStep } from './FirstTopicStep';
import { PresenceStrip } from './PresenceStrip';

function stepsOf(view: MeetingView): ModeStep[] {
  return [
    { kind: 'attendance' },
    ...(view.body.firstTopicExpected ? [{ kind: 'firstTopic' } as const] : []),
    ...view.entries.map((e) => ({ kind: 'entry', entryId: e.id }) as const),
    ...(view.meeting.state !== 'closed' ? [{ kind: 'adHoc' } as const] : []),
    { kind: 'record' },
  ];
}

const same = (a: ModeStep, b: ModeStep) => a.kind === b.kind && (a.kind !== 'entry' || (b.kind === 'entry' && a.entryId === b.entryId));

export function MeetingMode({ meetingId }: { meetingId: number }) {
  const { current, currentError, loadMeeting, step, setStep, leaveMode } = useMeetings();
  useEffect(() => {
    void loadMeeting(meetingId);
  }, [loadMeeting, meetingId]);
  const view = current?.meeting.id === meetingId ? current : null;
  const steps = view ? stepsOf(view) : [];
  const index = Math.max(0, steps.findIndex((s) => same(s, step)));
  const move = (delta: number) => steps.length && setStep(steps[Math.min(steps.length - 1, Math.max(0, index + delta))]!);
  const reload = () => void loadMeeting(meetingId);
  const [askLeave, setAskLeave] = useState(false);
  const open = view ? view.meeting.state === 'planned' || view.meeting.state === 'in_progress' : false;

  useShortcut('j', () => move(1));
  useShortcut('ArrowDown', () => move(1));
  useShortcut('k', () => move(-1));
  useShortcut('ArrowUp', () => move(-1));
  useShortcut('0', () => setStep({ kind: 'attendance' }));
  useShortcut('f', () => view?.body.firstTopicExpected && setStep({ kind: 'firstTopic' }));
  useShortcut('t', () => view?.meeting.state !== 'closed' && setStep({ kind: 'adHoc' }));
  useShortcut('r', () => setStep({ kind: 'record' }));
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        // Esc in a field leaves the field first; then, while the meeting is open, it only asks.
        if (e.target instanceof HTMLElement && e.target !== document.body && e.target.closest('.mode-main')) {
          (e.target as HTMLElement).blur();
          return;
        }
        if (open) setAskLeave(true);
        else leaveMode();
        return;
      }
      const n = Number(e.key);
      if (!typing(e.target) && n >= 1 && n <= 9 && view) {
        const entry = view.entries[n - 1];
        if (entry) {
          e.preventDefault();
          setStep({ kind: 'entry', entryId: entry.id });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view, setStep, leaveMode, open]);

  const entry = view && step.kind === 'entry' ? view.entries.find((e) => e.id === step.entryId) : undefined;

  return (
    <div className="meeting-mode" role="dialog" aria-modal="true" aria-label="会议模式">
      <header className="mode-bar">
        <div>
          <h1 tabIndex={-1}>{view?.title ?? '会议模式'}</h1>
          {view && (
            <div className="small">
              {formatDateTime(view.meeting.startsAt)} · {view.meeting.place} · 主持人 {view.meeting.hostName} · 记录人 {view.meeting.recorderName}
            </div>
          )}
        </div>
        {view && (
          <div className="mode-live" data-testid="mode-live" role="status">
            {entry && entry.purpose !== 'report' ? entry.live.text : view.signedIn.line}
          </div>
        )}
        {view && view.meeting.state !== 'closed' && <CloseMeetingButton meetingId={view.meeting.id} onClosed={reload} />}
        <button className="btn" onClick={leaveMode}>
          退出会议模式
        </button>
      </header>
      {currentError && <FormError error={currentError} />}
      {view && (
        <div className="mode-body">
          <nav className="mode-steps" aria-label="会议进程">
            {steps.map((s, i) => {
              const e = s.kind === 'entry' ? view.entries.find((x) => x.id === s.entryId) : undefined;
              const label =
                s.kind === 'attendance'
                  ? '出席签到'
                  : s.kind === 'firstTopic'
                    ? '第一议题（学习）'
                    : s.kind === 'adHoc'
                      ? '＋ 临时动议'
                      : s.kind === 'record'
                        ? '会议记录'
                        : `${e!.number}. ${e!.item.title}`;
              const key = s.kind === 'attendance' ? '0' : s.kind === 'firstTopic' ? 'F' : s.kind === 'adHoc' ? 'T' : s.kind === 'record' ? 'R' : e!.number <= 9 ? String(e!.number) : '';
              const done =
                s.kind === 'attendance' ? view.attendance.length > 0 : s.kind === 'firstTopic' ? Boolean(view.meeting.firstTopic) : false;
              return (
                <button key={i} className={`step${i === index ? ' current' : ''}`} aria-current={i === index ? 'step' : undefined} onClick={() => setStep(s)}>
                  <span className="step-label">{label}</span>
                  {e && <OutcomeBadge outcome={e.outcome} label={e.outcomeLabel} />}
                  {done && <span className="badge ok">已记录</span>}
                  {key && <kbd className="hint">{key}</kbd>}
                </button>
              );
            })}
            <div className="mode-help small muted">
              <div><kbd className="hint">J</kbd><kbd className="hint">↓</kbd> 下一项　<kbd className="hint">K</kbd><kbd className="hint">↑</kbd> 上一项</div>
              <div><kbd className="hint">1</kbd>–<kbd className="hint">9</kbd> 第几项议题　<kbd className="hint">0</kbd> 签到</div>
              <div><kbd className="hint">Esc</kbd> 离开输入框；会议进行中再按时先询问</div>
            </div>
          </nav>
          <main className="mode-main">
            <ConfirmAgendaNotice view={view} onConfirmed={reload} />
            {view.warnings.map((w, i) => (
              <RuleNotice key={i} rule={w.rule} message={w.message} />
            ))}
            {step.kind === 'attendance' && <CheckIn key={`a${view.attendance.length}-${view.entries.length}`} view={view} onSaved={reload} />}
            {step.kind === 'firstTopic' && <FirstTopicStep view={view} onSaved={reload} />}
            {step.kind === 'adHoc' && (
              <AdHocMotion
                view={view}
                onAdded={(entryId) => {
                  void loadMeeting(meetingId).then(() => setStep({ kind: 'entry', entryId }));
                }}
              />
            )}
            {step.kind === 'record' && (
              <section className="card">
                <h2>会议记录</h2>
                <RecordView meetingId={meetingId} version={view} />
              </section>
            )}
            {step.kind === 'entry' && entry && (
              <>
                <PresenceStrip view={view} entry={entry} onChanged={reload} />
                <EntryPanel view={view} entry={entry} onChanged={reload} keys />
              </>
            )}
            {step.kind === 'entry' && !entry && <div className="empty">这项议题已不在议程上。按 <kbd className="hint">J</kbd> 继续。</div>}
          </main>
        </div>
      )}
      {askLeave && (
        <ConfirmDialog
          title="退出会议模式？"
          consequence="会议仍在进行，已记录的内容都已保存；之后可以从会议页面再进入会议模式继续记录。"
          confirmLabel="退出会议模式"
          cancelLabel="继续记录"
          onConfirm={() => {
            setAskLeave(false);
            leaveMode();
          }}
          onCancel={() => setAskLeave(false)}
        />
      )}
    </div>
  );
}
