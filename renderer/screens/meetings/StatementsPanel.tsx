// 发言表态 (R9): every present voting member states 同意 / 不同意 / 缓议; the host states last.
import { useState } from 'react';
import { POSITIONS } from '../../../db/terms';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView, MeetingView } from '../../stores/meetings';

const TONE: Record<string, string> = { 同意: 'ok', 不同意: 'bad', 缓议: 'warn' };

export function StatementsPanel({ view, entry, onChanged }: { view: MeetingView; entry: EntryView; onChanged(): void }) {
  const hostId = view.meeting.hostId;
  const [notes, setNotes] = useState<Record<number, string>>({});
  const state = useCommand(async (personId: number, position: (typeof POSITIONS)[number]) => {
    await call('entries.statement', { entryId: entry.id, personId, position, note: notes[personId] ?? '' });
    onChanged();
  });
  const stated = new Map(entry.statements.map((s) => [s.personId, s]));
  // Host last, as R9 requires; everyone else in the order of the body's member list.
  const voters = [...entry.live.voters].sort((a, b) => Number(a.personId === hostId) - Number(b.personId === hostId));
  const open = entry.outcome === 'pending';

  if (voters.length === 0) return null;
  return (
    <div style={{ marginTop: 14 }}>
      <h3 style={{ marginBottom: 6 }}>发言表态</h3>
      <p className="muted small">每位在场有表决权的成员表态，主持人最后表态（R9）。{entry.live.waitingFor.length > 0 && `尚待表态：${entry.live.waitingFor.map((w) => w.name).join('、')}。`}</p>
      <table className="list">
        <tbody>
          {voters.map((v) => {
            const s = stated.get(v.personId);
            const isHost = v.personId === hostId;
            return (
              <tr key={v.personId} data-statement={v.name}>
                <td style={{ width: 120 }}>
                  {v.name}
                  {isHost && <div className="muted small">主持人，末位表态</div>}
                </td>
                {s ? (
                  <td colSpan={2}>
                    <span className={`badge ${TONE[s.position] ?? ''}`}>{s.position}</span>
                    {s.note && <span className="muted"> {s.note}</span>}
                  </td>
                ) : open ? (
                  <>
                    <td>
                      <input
                        type="text"
                        aria-label={`${v.name}的发言要点`}
                        placeholder="发言要点（可不填）"
                        value={notes[v.personId] ?? ''}
                        onChange={(e) => setNotes({ ...notes, [v.personId]: e.target.value })}
                      />
                    </td>
                    <td className="actions">
                      <div className="row" role="group" aria-label={`${v.name}表态`}>
                        {POSITIONS.map((p) => (
                          <button key={p} className="btn small" disabled={state.busy} onClick={() => void state.run(v.personId, p)} aria-label={`${v.name}表态${p}`}>
                            {p}
                          </button>
                        ))}
                      </div>
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className="muted">未表态</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormError error={state.error} />
    </div>
  );
}
