// 议程: entries in order (select one to record it), add an item (R1–R5 checked by the core),
// take one off before it is discussed (移出议程, back to 待上会), 书记/校长 confirms the agenda
// (R3), 第一议题 study content (R15).
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RuleTag } from '../../components/RuleTag';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useMeetings, type MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useAgendaCandidates } from './useAgendaCandidates';
import { OutcomeBadge } from './outcomes';


export function AgendaPanel({ view, onChanged }: { view: MeetingView; onChanged(): void }) {
  const overview = useOverview();
  const { entryId, selectEntry } = useMeetings();
  const [itemId, setItemId] = useState<number | ''>('');
  const [firstTopic, setFirstTopic] = useState(view.meeting.firstTopic ?? '');
  const { candidates, reload: reloadCandidates } = useAgendaCandidates(overview.org.id, view.entries.map((e) => e.item.id));

  const add = useCommand(async () => {
    if (itemId === '') return;
    await call('meetings.addItem', { meetingId: view.meeting.id, itemId });
    notify('ok', '议题已列入议程。');
    setItemId('');
    reloadCandidates();
    onChanged();
  });
  const confirmer = view.body.leaders[0];
  const confirm = useCommand(async () => {
    if (!confirmer) return;
    await call('meetings.confirmAgenda', { meetingId: view.meeting.id, personId: confirmer.id });
    notify('ok', `议程已由${confirmer.name}确认。`);
    onChanged();
  });
  const [removing, setRemoving] = useState<{ entryId: number; title: string } | null>(null);
  const [removeReason, setRemoveReason] = useState('');
  const remove = useCommand(async () => {
    if (!removing) return;
    await call('meetings.removeItem', { entryId: removing.entryId, reason: removeReason });
    notify('ok', `议题「${removing.title}」已移出议程，回到待上会。`);
    setRemoving(null);
    setRemoveReason('');
    reloadCandidates();
    onChanged();
  });
  const saveTopic = useCommand(async () => {
    await call('meetings.setFirstTopic', { meetingId: view.meeting.id, content: firstTopic });
    notify('ok', '第一议题已保存。');
    onChanged();
  });

  return (
    <div>
      <section className="card">
        <div className="card-head">
          <h2>议程</h2>
          <div className="actions">
            {view.meeting.agendaConfirmedBy ? (
              <span className="badge ok">议程已由{view.meeting.agendaConfirmedBy.name}确认</span>
            ) : (
              confirmer &&
              view.meeting.open &&
              view.entries.length > 0 && (
                <button className="btn small" disabled={confirm.busy} onClick={() => void confirm.run()}>
                  {view.body.leadPost}确认议程
                </button>
              )
            )}
          </div>
        </div>
        <FormError error={confirm.error} />
        {view.entries.length === 0 ? (
          <p className="muted">还没有议题。从下方选择「待上会」的议题加入。</p>
        ) : (
          <ol className="agenda-list">
            {view.entries.map((e) => (
              <li key={e.id} className={e.id === entryId ? 'current' : ''}>
                <button className="entry" aria-current={e.id === entryId ? 'true' : undefined} onClick={() => selectEntry(e.id)}>
                  <span className="num muted">{e.number}.</span>
                  <span style={{ flex: 1 }}>
                    {e.item.title}
                    {e.adHoc && <span className="badge warn" style={{ marginLeft: 6 }}>临时动议</span>}
                  </span>
                  <OutcomeBadge outcome={e.outcome} label={e.outcomeLabel} />
                </button>
                {e.correct.removable && (
                  <button
                    className="linklike small remove-entry"
                    aria-label={`把「${e.item.title}」移出议程`}
                    onClick={() => {
                      remove.clear();
                      setRemoving({ entryId: e.id, title: e.item.title });
                    }}
                  >
                    移出议程
                  </button>
                )}
              </li>
            ))}
          </ol>
        )}
        {view.meeting.open && (
        <div className="stack" style={{ marginTop: 12 }}>
          <Field label="加入议题">
            <select value={itemId} onChange={(e) => setItemId(e.target.value ? Number(e.target.value) : '')}>
              <option value="">请选择议题</option>
              {candidates.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}（{r.stateLabel}）
                </option>
              ))}
            </select>
          </Field>
          <FormError error={add.error} />
          <div>
            <button className="btn primary" disabled={add.busy || itemId === ''} onClick={() => void add.run()}>
              列入议程
            </button>
          </div>
        </div>
        )}
      </section>
      {view.body.firstTopicExpected && (
        <section className="card">
          <h2>第一议题（学习）</h2>
          <Field label="学习内容" error={saveTopic.error?.message}>
            <textarea rows={2} value={firstTopic} onChange={(e) => setFirstTopic(e.target.value)} placeholder="党组织会议以第一议题学习开始" />
          </Field>
          <p className="muted small">党组织会议以第一议题学习开始<RuleTag rule="R15" /></p>
          <div className="form-actions">
            <button className="btn small" disabled={saveTopic.busy} onClick={() => void saveTopic.run()}>保存第一议题</button>
          </div>
        </section>
      )}
      {removing && (
        <ConfirmDialog
          title="移出议程？"
          consequence={`「${removing.title}」将回到「待上会」，可以列入以后的会议；已登记的回避和书面意见随之撤下，保留在更正记录里。`}
          confirmLabel="移出议程"
          busy={remove.busy}
          onConfirm={() => void remove.run()}
          onCancel={() => setRemoving(null)}
        >
          <Field label="移出原因" error={null}>
            <input type="text" value={removeReason} onChange={(e) => setRemoveReason(e.target.value)} placeholder="如：材料未备齐，下次再议" />
          </Field>
          <FormError error={remove.error} />
        </ConfirmDialog>
      )}
    </div>
  );
}
