// 列入会议议程 from the item: pick a planned meeting of the body the item is routed to. The core
// checks R1–R5 (R4: 书记 and 校长 agreed in 会前沟通); a refusal is shown here as it comes.
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useMeetings } from '../../stores/meetings';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';

export function SchedulePanel({ itemId, onDone }: { itemId: number; onDone(): void }) {
  const { org } = useOverview();
  const { rows, loadList } = useMeetings();
  const go = useNav((s) => s.go);
  const open = rows.filter((m) => m.state !== 'closed');
  const [meetingId, setMeetingId] = useState<number | ''>('');
  useEffect(() => {
    void loadList(org.id);
  }, [loadList, org.id]);
  useEffect(() => {
    if (meetingId === '' && open[0]) setMeetingId(open[0].id);
  }, [open, meetingId]);

  const add = useCommand(async () => {
    if (meetingId === '') return;
    const out = await call('meetings.addItem', { meetingId, itemId });
    const m = open.find((x) => x.id === meetingId);
    notify('ok', `已列入${m?.title ?? '会议'}议程。`);
    void out;
    onDone();
  });

  if (open.length === 0) {
    return (
      <div className="muted">
        还没有待召开的会议。
        <button className="linklike" onClick={() => go({ section: 'meetings', view: 'new' })}>先新建会议</button>
        ，再把议题列入议程。
      </div>
    );
  }
  return (
    <div className="stack">
      <Field label="会议">
        <select value={meetingId} onChange={(e) => setMeetingId(Number(e.target.value))}>
          {open.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}（{formatDateTime(m.startsAt)}）
            </option>
          ))}
        </select>
      </Field>
      <FormError error={add.error} />
      <div>
        <button className="btn primary" disabled={add.busy} onClick={() => void add.run()}>
          列入会议议程
        </button>
      </div>
    </div>
  );
}
