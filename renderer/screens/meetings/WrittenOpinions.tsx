// 书面意见 (R7): an absent member's written opinion is kept on the record but never counted as a vote.
import { useState } from 'react';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView, MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { RuleTag } from '../../components/RuleTag';

export function WrittenOpinions({ view, entry, onChanged }: { view: MeetingView; entry: EntryView; onChanged(): void }) {
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [lastPerson, setLastPerson] = useState<number | null>(null);
  const save = useCommand(async (personId: number) => {
    setLastPerson(personId);
    await call('entries.writtenOpinion', { entryId: entry.id, personId, text: texts[personId] ?? '' });
    notify('ok', '书面意见已记入会议记录（不计入表决票数）。');
    onChanged();
  });
  const given = new Map(entry.writtenOpinions.map((w) => [w.personId, w]));
  // Members away from the whole meeting (请假, 缺席); one who stepped out for an item may still hand one in through the core.
  const away = new Set(view.attendance.filter((a) => a.status === '请假' || a.status === '缺席').map((a) => a.personId));
  const absent = entry.live.absent.filter((a) => away.has(a.personId) && !given.has(a.personId));
  if (entry.writtenOpinions.length === 0 && (absent.length === 0 || entry.outcome !== 'pending')) return null;
  return (
    <div className="opinions">
      <h3>缺席成员书面意见</h3>
      <p className="muted small">书面意见记入会议记录，不计入表决票数<RuleTag rule="R7" />。</p>
      {entry.writtenOpinions.map((w) => (
        <p key={w.personId} data-opinion={w.name}>
          <strong>{w.name}：</strong>
          {w.text}
        </p>
      ))}
      {entry.outcome === 'pending' &&
        absent.map((a) => (
          <div key={a.personId} className="row" style={{ marginBottom: 6 }}>
            <span style={{ width: 64 }}>{a.name}</span>
            <input
              type="text"
              style={{ flex: 1, width: 'auto' }}
              aria-label={`${a.name}的书面意见`}
              placeholder="如有书面意见，在此录入"
              value={texts[a.personId] ?? ''}
              onChange={(e) => setTexts({ ...texts, [a.personId]: e.target.value })}
            />
            <button className="btn small" aria-label={`记录${a.name}的书面意见`} disabled={save.busy || !(texts[a.personId] ?? '').trim()} onClick={() => void save.run(a.personId)}>
              记录书面意见
            </button>
            {lastPerson === a.personId && save.error && (
              <div style={{ flexBasis: '100%' }}>
                <FormError error={save.error} />
              </div>
            )}
          </div>
        ))}
    </div>
  );
}
