import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';

/** 结束会议: every item has an outcome and attendance is on record (R16); then minutes follow. */
export function CloseMeetingButton({ meetingId, onClosed }: { meetingId: number; onClosed(): void }) {
  const close = useCommand(async () => {
    const out = await call('meetings.close', { meetingId });
    notify(out.warnings.length ? 'warn' : 'ok', out.warnings.length ? `会议已结束。提醒：${out.warnings.map((w) => w.message).join('；')}` : '会议已结束，可以生成会议纪要。');
    onClosed();
  });
  return (
    <>
      <button className="btn" disabled={close.busy} onClick={() => void close.run()}>结束会议</button>
      {close.error && (
        <div className="toast-area">
          <div className="notice error" role="alert" onClick={close.clear}>
            {close.error.message}
          </div>
        </div>
      )}
    </>
  );
}
