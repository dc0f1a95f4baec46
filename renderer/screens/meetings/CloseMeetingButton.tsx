import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';

/** 结束会议: every item has an outcome and attendance is on record (R16); asked first, since the record is then final. */
export function CloseMeetingButton({ meetingId, onClosed }: { meetingId: number; onClosed(): void }) {
  const [asking, setAsking] = useState(false);
  const close = useCommand(async () => {
    const out = await call('meetings.close', { meetingId });
    setAsking(false);
    notify(out.warnings.length ? 'warn' : 'ok', out.warnings.length ? `会议已结束。提醒：${out.warnings.map((w) => w.message).join('；')}` : '会议已结束，可以生成会议纪要。');
    onClosed();
  });
  return (
    <>
      <button
        className="btn"
        onClick={() => {
          close.clear();
          setAsking(true);
        }}
      >
        结束会议
      </button>
      {asking && (
        <ConfirmDialog
          title="结束会议？"
          consequence="结束后会议记录定稿，出席、发言表态和表决结果都不能再更改，接下来生成并签发纪要。"
          confirmLabel="结束会议"
          busy={close.busy}
          onConfirm={() => void close.run()}
          onCancel={() => setAsking(false)}
        >
          <FormError error={close.error} />
        </ConfirmDialog>
      )}
    </>
  );
}
