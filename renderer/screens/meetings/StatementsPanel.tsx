// 发言表态 (R9): every present voting member states 同意 / 不同意 / 缓议; the host states last.
// The order, who speaks now and whether the host must wait come from the core (entry.live.speaking);
// stating early needs a recorded reason (the override R9 allows). With `keys`, Y/N/H record the
// highlighted speaker's stance. Until the meeting closes a recorded stance or note is corrected in
// place (更正), and the latest statement may be taken back (撤销), as the core allows.
import { useState } from 'react';
import { STATEMENT_STANCES, type StatementStance } from '../../../db/terms';
import { RuleName, RuleTag } from '../../components/RuleTag';
import { useShortcut } from '../../components/useShortcut';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { notify } from '../../stores/notices';
import { useTemplates } from '../../stores/templates';
import { PhraseChips } from '../../components/PhraseChips';
import { call } from '../../ledger-client';
import type { EntryView, MeetingView } from '../../stores/meetings';

const TONE: Record<string, string> = { 同意: 'ok', 不同意: 'bad', 缓议: 'warn' };
const KEY: Record<StatementStance, string> = { 同意: 'Y', 不同意: 'N', 缓议: 'H' };

export function StatementsPanel({ view, entry, onChanged, keys = false }: { view: MeetingView; entry: EntryView; onChanged(): void; keys?: boolean }) {
  const hostId = view.meeting.hostId;
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [override, setOverride] = useState<string | null>(null);
  const [lastPerson, setLastPerson] = useState<number | null>(null);
  const { speaking } = entry.live;
  const state = useCommand(async (personId: number, stance: StatementStance) => {
    setLastPerson(personId);
    const early = personId === hostId && speaking.hostMustWait && override !== null;
    await call('entries.statement', {
      entryId: entry.id,
      personId,
      stance,
      note: notes[personId] ?? '',
      hostOrderOverride: early ? override : undefined,
    });
    setOverride(null);
    onChanged();
  });
  const [fixing, setFixing] = useState<{ personId: number; stance: StatementStance; note: string } | null>(null);
  const amend = useCommand(async () => {
    if (!fixing) return;
    await call('entries.amendStatement', { entryId: entry.id, personId: fixing.personId, stance: fixing.stance, note: fixing.note });
    notify('ok', '表态已更正，更正记录已保存。');
    setFixing(null);
    onChanged();
  });
  const takeBack = useCommand(async (personId: number) => {
    await call('entries.removeStatement', { entryId: entry.id, personId });
    notify('ok', '已撤销这条表态，可以重新记录。');
    onChanged();
  });
  const stated = new Map(entry.statements.map((s) => [s.personId, s]));
  const voters = speaking.order;
  const open = entry.outcome === 'pending';
  const speaker = speaking.next;

  const stateSpeaker = (p: StatementStance) => {
    if (speaker != null && open && !state.busy) void state.run(speaker, p);
  };
  useShortcut('y', () => stateSpeaker('同意'), keys);
  useShortcut('n', () => stateSpeaker('不同意'), keys);
  useShortcut('h', () => stateSpeaker('缓议'), keys);

  // 常用语 go into the note of the member whose turn it is (the highlighted row).
  const phrases = useTemplates()?.statement ?? [];
  const speakerName = voters.find((v) => v.personId === speaker)?.name;

  if (voters.length === 0) return null;
  return (
    <div className="statements">
      <h3>发言表态</h3>
      <p className="muted small">
        每位在场有表决权的成员表态，主持人最后表态<RuleTag rule="R9" />。
        {entry.live.waitingFor.length > 0 && `尚待表态：${entry.live.waitingFor.map((w) => w.name).join('、')}。`}
        {keys && open && speaker != null && (
          <>
            当前发言人按 <kbd className="hint">Y</kbd>同意 <kbd className="hint">N</kbd>不同意 <kbd className="hint">H</kbd>缓议
          </>
        )}
      </p>
      {open && speaker != null && speakerName && (
        <PhraseChips label={`常用语（填入${speakerName}的发言要点）`} phrases={phrases} onPick={(text) => setNotes({ ...notes, [speaker]: text })} />
      )}
      {entry.hostOrderOverride && <div className="notice warn">主持人提前表态，理由：{entry.hostOrderOverride}<span className="rule-after"><RuleName rule="R9" /></span></div>}
      <table className="list">
        <tbody>
          {voters.map((v, i) => {
            const s = stated.get(v.personId);
            const isHost = v.isHost;
            // R9: the host's buttons wait for the others, unless an override reason is being given.
            const hostLocked = isHost && speaking.hostMustWait && override === null;
            const rowError = state.error && lastPerson === v.personId && state.error.field === 'personId' ? state.error : null;
            return (
              <tr key={v.personId} data-statement={v.name} className={v.personId === speaker && open ? 'speaker' : undefined}>
                <td className="num muted" style={{ width: 28 }}>{isHost ? '末' : i + 1}</td>
                <td style={{ width: 130 }}>
                  {v.name}
                  {isHost && <div className="muted small">主持人，末位表态</div>}
                </td>
                {s && fixing?.personId === v.personId ? (
                  <td colSpan={2}>
                    <div className="row" role="group" aria-label={`更正${v.name}的表态`}>
                      {STATEMENT_STANCES.map((p) => (
                        <button key={p} type="button" className="btn small choice" aria-pressed={fixing.stance === p} onClick={() => setFixing({ ...fixing, stance: p })}>
                          {p}
                        </button>
                      ))}
                      <input
                        type="text"
                        aria-label={`${v.name}的发言要点（更正）`}
                        value={fixing.note}
                        onChange={(e) => setFixing({ ...fixing, note: e.target.value })}
                        style={{ flex: 1, minWidth: 140 }}
                      />
                      <button className="btn primary small" disabled={amend.busy} onClick={() => void amend.run()}>保存更正</button>
                      <button className="btn small" onClick={() => setFixing(null)}>取消</button>
                    </div>
                    <FormError error={amend.error} />
                  </td>
                ) : s ? (
                  <td colSpan={2}>
                    <span className={`badge ${TONE[s.stance] ?? ''}`}>{s.stance}</span>
                    {s.note && <span className="muted"> {s.note}</span>}
                    {view.meeting.open && (
                      <span className="row-actions">
                        <button className="linklike small" aria-label={`更正${v.name}的表态`} onClick={() => { amend.clear(); setFixing({ personId: v.personId, stance: s.stance as StatementStance, note: s.note }); }}>
                          更正
                        </button>
                        {entry.correct.lastStatementBy === v.personId && (
                          <button className="linklike small" aria-label={`撤销${v.name}的表态`} disabled={takeBack.busy} onClick={() => void takeBack.run(v.personId)}>
                            撤销
                          </button>
                        )}
                      </span>
                    )}
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
                          {rowError.message}
                          {rowError.rule && <span className="rule-after"><RuleName rule={rowError.rule} /></span>}
                        </div>
                      )}
                      {isHost && speaking.hostMustWait && override !== null && (
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
                        {STATEMENT_STANCES.map((p) => (
                          <button key={p} className="btn small" disabled={state.busy || hostLocked} onClick={() => void state.run(v.personId, p)} aria-label={`${v.name}表态${p}`}>
                            {p}
                            {keys && v.personId === speaker && <kbd className="hint">{KEY[p]}</kbd>}
                          </button>
                        ))}
                      </div>
                      {isHost && speaking.hostMustWait && (
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
      <FormError error={takeBack.error} />
    </div>
  );
}
