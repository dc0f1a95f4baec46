// 发言表态 (R9): every present voting member states 同意 / 不同意 / 缓议; the host states last.
// The host's row stays disabled until the others have stated; stating earlier needs a recorded
// reason (the override R9 allows). With `keys`, Y/N/H record the highlighted speaker's position.
import { useState } from 'react';
import { POSITIONS } from '../../../db/terms';
import { useShortcut } from '../../components/useShortcut';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView, MeetingView } from '../../stores/meetings';

type Position = (typeof POSITIONS)[number];
const TONE: Record<string, string> = { 同意: 'ok', 不同意: 'bad', 缓议: 'warn' };
const KEY: Record<Position, string> = { 同意: 'Y', 不同意: 'N', 缓议: 'H' };

export function StatementsPanel({ view, entry, onChanged, keys = false }: { view: MeetingView; entry: EntryView; onChanged(): void; keys?: boolean }) {
  const hostId = view.meeting.hostId;
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [override, setOverride] = useState<string | null>(null);
  const [lastPerson, setLastPerson] = useState<number | null>(null);
  const state = useCommand(async (personId: number, position: Position) => {
    setLastPerson(personId);
    const early = personId === hostId && !entry.live.hostMayState && override !== null;
    await call('entries.statement', {
      entryId: entry.id,
      personId,
      position,
      note: notes[personId] ?? '',
      hostOrderOverride: early ? override : undefined,
    });
    setOverride(null);
    onChanged();
  });
  const stated = new Map(entry.statements.map((s) => [s.personId, s]));
  // Host last, as R9 requires; everyone else in the order of the body's member list.
  const voters = [...entry.live.voters].sort((a, b) => Number(a.personId === hostId) - Number(b.personId === hostId));
  const open = entry.outcome === 'pending';
  const waitingIds = new Set(entry.live.waitingFor.map((w) => w.personId));
  const hostWaiting = waitingIds.has(hostId);
  const othersWaiting = voters.filter((v) => v.personId !== hostId && waitingIds.has(v.personId));
  // The one to speak now: the first who has not stated, the host only when the others have.
  const speaker = othersWaiting[0]?.personId ?? (hostWaiting ? hostId : null);

  const stateSpeaker = (p: Position) => {
    if (speaker != null && open && !state.busy) void state.run(speaker, p);
  };
  useShortcut('y', () => stateSpeaker('同意'), keys);
  useShortcut('n', () => stateSpeaker('不同意'), keys);
  useShortcut('h', () => stateSpeaker('缓议'), keys);

  if (voters.length === 0) return null;
  return (
    <div className="statements">
      <h3>发言表态</h3>
      <p className="muted small">
        每位在场有表决权的成员表态，主持人最后表态（R9）。
        {entry.live.waitingFor.length > 0 && `尚待表态：${entry.live.waitingFor.map((w) => w.name).join('、')}。`}
        {keys && open && speaker != null && (
          <>
            当前发言人按 <kbd className="hint">Y</kbd>同意 <kbd className="hint">N</kbd>不同意 <kbd className="hint">H</kbd>缓议
          </>
        )}
      </p>
      {entry.hostOrderOverride && <div className="notice warn">主持人提前表态，理由：{entry.hostOrderOverride}（R9）</div>}
      <table className="list">
        <tbody>
          {voters.map((v, i) => {
            const s = stated.get(v.personId);
            const isHost = v.personId === hostId;
            // R9: the host's buttons wait for the others, unless an override reason is being given.
            const hostLocked = isHost && othersWaiting.length > 0 && override === null;
            const rowError = state.error && lastPerson === v.personId && state.error.field === 'personId' ? state.error : null;
            return (
              <tr key={v.personId} data-statement={v.name} className={v.personId === speaker && open ? 'speaker' : undefined}>
                <td className="num muted" style={{ width: 28 }}>{isHost ? '末' : i + 1}</td>
                <td style={{ width: 130 }}>
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
                        placeholder={hostLocked ? '最后表态' : '发言要点'}
                        value={notes[v.personId] ?? ''}
                        disabled={hostLocked}
                        onChange={(e) => setNotes({ ...notes, [v.personId]: e.target.value })}
                      />
                      {rowError && (
                        <div className="field-error" role="alert" data-rule={rowError.rule ?? undefined}>
                          {rowError.rule && `未通过规则 ${rowError.rule}：`}
                          {rowError.message}
                        </div>
                      )}
                      {isHost && othersWaiting.length > 0 && override !== null && (
                        <input
                          type="text"
                          aria-label="主持人提前表态的理由"
                          placeholder="主持人提前表态的理由（将记入会议记录）"
                          value={override}
                          autoFocus
                          onChange={(e) => setOverride(e.target.value)}
                          style={{ marginTop: 6 }}
                        />
                      )}
                    </td>
                    <td className="actions">
                      <div className="row" role="group" aria-label={`${v.name}表态`}>
                        {POSITIONS.map((p) => (
                          <button key={p} className="btn small" disabled={state.busy || hostLocked} onClick={() => void state.run(v.personId, p)} aria-label={`${v.name}表态${p}`}>
                            {p}
                            {keys && v.personId === speaker && <kbd className="hint">{KEY[p]}</kbd>}
                          </button>
                        ))}
                      </div>
                      {isHost && othersWaiting.length > 0 && (
                        <button className="linklike small" onClick={() => setOverride(override === null ? '' : null)}>
                          {override === null ? '主持人需提前表态…' : '取消提前表态'}
                        </button>
                      )}
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
      {state.error && !(state.error.field === 'personId' && lastPerson != null) && <FormError error={state.error} />}
    </div>
  );
}
