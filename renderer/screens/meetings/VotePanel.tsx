// 表决 (R10): method and counts (or per-member ballots for 记名投票). The result is computed by
// the core from the members due to attend (应到会), never typed in; recording it is asked first.
// A secret ballot's counts start empty: they are counted from the ballot papers, never guessed
// from the statements.
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RuleTag } from '../../components/RuleTag';
import { BALLOT_CHOICES, VOTE_METHODS } from '../../../db/terms';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EntryView, MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { useTemplates } from '../../stores/templates';
import { PhraseChips } from '../../components/PhraseChips';

type Method = (typeof VOTE_METHODS)[number];
type Choice = (typeof BALLOT_CHOICES)[number];

export function VotePanel({ view, entry, onChanged }: { view: MeetingView; entry: EntryView; onChanged(): void }) {
  const agreeing = entry.statements.filter((s) => s.stance === '同意').length;
  const disagreeing = entry.statements.filter((s) => s.stance === '不同意').length;
  const [method, setMethod] = useState<Method>('举手');
  const secret = method === '无记名投票';
  const [votesFor, setFor] = useState(String(agreeing));
  const [against, setAgainst] = useState(String(disagreeing));
  const [abstain, setAbstain] = useState('0');
  const [touched, setTouched] = useState(false);
  // Until the secretary types counts, propose them from the statements just recorded — except
  // for a secret ballot, whose counts come from the ballot papers alone.
  useEffect(() => {
    if (touched) return;
    setFor(secret ? '' : String(agreeing));
    setAgainst(secret ? '' : String(disagreeing));
    setAbstain(secret ? '' : '0');
  }, [agreeing, disagreeing, touched, secret]);
  const chooseMethod = (m: Method) => {
    // Counts typed for one method are not the counts of another.
    if ((m === '无记名投票') !== secret) setTouched(false);
    setMethod(m);
  };
  const [asking, setAsking] = useState(false);
  const count = (v: string) => (v.trim() === '' ? (undefined as never) : Number(v));
  const [picked, setBallots] = useState<Record<number, Choice>>({});
  // 记名投票: each ballot starts from the member's statement (同意→同意, 不同意→反对, 缓议→弃权).
  const fromStatement: Record<string, Choice> = { 同意: '同意', 不同意: '反对', 缓议: '弃权' };
  const ballots: Record<number, Choice> = Object.fromEntries(
    entry.live.voters.map((v) => [v.personId, picked[v.personId] ?? fromStatement[entry.statements.find((s) => s.personId === v.personId)?.stance ?? ''] ?? '弃权']),
  );
  const [decisionText, setDecisionText] = useState(`同意《${entry.item.title}》。`);
  // The matter's decision templates (设置 → 模板与常用语), the title already filled in by the core.
  const templates = useTemplates(entry.item.id);

  const principalMode = view.mode === 'principal_decides';
  const vote = useCommand(async () => {
    const out = await call('entries.vote', {
      entryId: entry.id,
      method,
      counts: method === '记名投票' ? undefined : { for: count(votesFor), against: count(against), abstain: count(abstain) },
      ballots: method === '记名投票' ? entry.live.voters.map((v) => ({ personId: v.personId, choice: ballots[v.personId] ?? ('弃权' as Choice) })) : undefined,
      decisionText,
    });
    setAsking(false);
    notify(out.passed ? 'ok' : 'warn', out.passed ? '表决通过，已形成决定事项。' : '表决未获通过。');
    onChanged();
  });
  const askVote = () => {
    vote.clear();
    setAsking(true);
  };
  const decide = useCommand(async (approve: boolean) => {
    const out = await call('entries.principalDecide', { entryId: entry.id, decisionText, approve });
    notify(approve ? 'ok' : 'warn', approve ? `已由${out.decidedBy}决定。` : `${out.decidedBy}决定不予采纳。`);
    onChanged();
  });

  const countField = (label: string, field: string, value: string, set: (v: string) => void) => (
    <Field label={label} error={errorFor(vote.error, `counts.${field}`)}>
      <input
        type="number"
        min={0}
        step={1}
        value={value}
        onChange={(e) => {
          setTouched(true);
          set(e.target.value);
        }}
      />
    </Field>
  );

  return (
    <div style={{ marginTop: 16 }}>
      <h3 style={{ marginBottom: 8 }}>{principalMode ? <>校长决定<RuleTag rule="R12" /></> : '表决'}</h3>
      {!entry.live.readyToDecide && (
        <p className="muted small">
          {entry.live.quorumOk ? '全部成员表态后再表决。' : '到会人数不足，不能表决；可暂缓表决或改期。'}
        </p>
      )}
      <div className="form">
        {!principalMode && (
          <div className="field wide">
            <span className="label">表决方式</span>
            <div className="row" role="radiogroup" aria-label="表决方式">
              {VOTE_METHODS.map((m) => (
                <button key={m} type="button" role="radio" aria-checked={method === m} aria-pressed={method === m} className="btn small choice" onClick={() => chooseMethod(m)}>
                  {m}
                </button>
              ))}
            </div>
            {errorFor(vote.error, 'method') && <div className="field-error" role="alert">{vote.error!.message}</div>}
            {secret && <div className="field-help">无记名投票只登记同意、反对、弃权的票数，请按收回的选票清点后填写，不记录任何人投了什么<RuleTag rule="R10" /></div>}
            {method === '记名投票' && <div className="field-help">记名投票逐人登记表决意见，票数由系统合计。</div>}
          </div>
        )}
        <Field label="决定内容" wide error={errorFor(vote.error, 'decisionText') ?? errorFor(decide.error, 'decisionText')} help="通过后作为决定事项写入会议纪要">
          <textarea rows={2} value={decisionText} onChange={(e) => setDecisionText(e.target.value)} />
        </Field>
        {templates?.forItem && (
          <div className="field wide">
            <PhraseChips label={`决定模板（${templates.forItem.matter}）`} phrases={templates.forItem.texts} onPick={setDecisionText} />
          </div>
        )}
      </div>
      {!principalMode && method !== '记名投票' && (
        <div className="counts" style={{ marginTop: 10 }} role="group" aria-label="票数">
          {countField('同意票', 'for', votesFor, setFor)}
          {countField('反对票', 'against', against, setAgainst)}
          {countField('弃权票', 'abstain', abstain, setAbstain)}
        </div>
      )}
      {!principalMode && method === '记名投票' && (
        <table className="list" style={{ marginTop: 10 }}>
          <tbody>
            {entry.live.voters.map((v) => (
              <tr key={v.personId}>
                <td>{v.name}</td>
                <td>
                  <div className="row" role="radiogroup" aria-label={`${v.name}的表决意见`}>
                    {BALLOT_CHOICES.map((c) => (
                      <button key={c} type="button" role="radio" aria-checked={ballots[v.personId] === c} aria-pressed={ballots[v.personId] === c} className="btn small choice" onClick={() => setBallots({ ...picked, [v.personId]: c })}>
                        {c}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {vote.error?.field === 'counts' || vote.error?.field === 'ballots' ? (
        <div className="field-error" role="alert" data-rule={vote.error.rule ?? undefined}>{vote.error.message}</div>
      ) : null}
      {!asking && <FormError error={principalMode ? decide.error : vote.error} fields={['method', 'decisionText', 'counts', 'ballots']} />}
      <div className="form-actions">
        {principalMode ? (
          <>
            <button className="btn primary" disabled={decide.busy} onClick={() => void decide.run(true)}>由校长决定</button>
            <button className="btn" disabled={decide.busy} onClick={() => void decide.run(false)}>校长决定不予采纳</button>
          </>
        ) : (
          <button className="btn primary" disabled={vote.busy} onClick={askVote}>记录表决结果…</button>
        )}
        <span className="muted small">{entry.live.text}</span>
      </div>
      {asking && (
        <ConfirmDialog
          title="记录表决结果？"
          consequence="记录后由系统按应到人数计算是否通过；会议结束前发现有误可以撤销重录，结束后不能更改。"
          confirmLabel="记录表决结果"
          busy={vote.busy}
          onConfirm={() => void vote.run()}
          onCancel={() => setAsking(false)}
        >
          <p className="vote-summary">
            {method}：
            {method === '记名投票'
              ? BALLOT_CHOICES.map((c) => `${c} ${entry.live.voters.filter((v) => ballots[v.personId] === c).length} 票`).join('，')
              : `同意 ${votesFor || '—'} 票，反对 ${against || '—'} 票，弃权 ${abstain || '—'} 票`}
          </p>
          <FormError error={vote.error} />
        </ConfirmDialog>
      )}
    </div>
  );
}
