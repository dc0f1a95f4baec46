// R3: nothing is stated or voted before the agenda is confirmed by the body's leading post (the
// core says which, and who holds it). 会议模式 says so at the top and offers the confirmation.
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { RuleName } from '../../components/RuleTag';

export function ConfirmAgendaNotice({ view, onConfirmed }: { view: MeetingView; onConfirmed(): void }) {
  const post = view.body.leadPost;
  const confirmer = view.body.leaders[0];
  const confirm = useCommand(async () => {
    await call('meetings.confirmAgenda', { meetingId: view.meeting.id, personId: confirmer!.id });
    notify('ok', `议程已由${confirmer!.name}确认。`);
    onConfirmed();
  });
  if (view.meeting.agendaConfirmedBy || view.entries.length === 0) return null;
  return (
    <div className="notice warn" role="status">
      议程尚未经{post}确认，确认前不能表态和表决。<span className="rule-after"><RuleName rule="R3" /></span>
      {confirmer && (
        <button className="btn small" style={{ marginLeft: 10 }} disabled={confirm.busy} onClick={() => void confirm.run()}>
          {confirmer.name}（{post}）确认议程
        </button>
      )}
      <FormError error={confirm.error} />
    </div>
  );
}
