// One agenda entry during the meeting: the live quorum line, 发言表态 (host last, R9),
// 表决 (R10, computed result), or 暂缓表决 (R11).
import type { EntryView, MeetingView } from '../../stores/meetings';
import { PostponeForm } from './PostponeForm';
import { StatementsPanel } from './StatementsPanel';
import { VotePanel } from './VotePanel';

export function EntryPanel({ view, entry, onChanged }: { view: MeetingView; entry: EntryView; onChanged(): void }) {
  const { live } = entry;
  const decided = entry.outcome !== 'pending';
  return (
    <section className="card" aria-label={`第${entry.number}项 ${entry.item.title}`}>
      <div className="card-head">
        <h2>
          第{entry.number}项：{entry.item.title}
        </h2>
      </div>
      <div className="muted small" style={{ marginBottom: 8 }}>
        {entry.item.matterName}
        {entry.item.major && ' · 三重一大'}
        {entry.item.twoThirds && ' · 须三分之二以上成员到会'}
        {entry.presenter && ` · 汇报人 ${entry.presenter.name}`}
      </div>
      <div className={`quorum${live.quorumOk ? '' : ' bad'}`} data-testid="quorum-line" role="status">
        <strong>{live.text}</strong>
      </div>
      {view.attendance.length === 0 && <div className="notice warn">尚未登记出席情况。请先在「出席情况」中登记（Alt+S），才能表态和表决。</div>}
      {entry.warnings.map((w, i) => (
        <div key={i} className="notice warn"><span className="rule">{w.rule}</span>{w.message}</div>
      ))}
      {entry.recusals.length > 0 && <p className="small">回避：{entry.recusals.map((r) => `${r.name}（${r.reason}）`).join('、')}</p>}

      <StatementsPanel key={entry.id} view={view} entry={entry} onChanged={onChanged} />

      {entry.outcome === 'postponed' && <div className="result failed">暂缓表决：{entry.postponeReason}</div>}
      {entry.vote && (
        <div className={`result ${entry.outcome === 'passed' ? 'passed' : 'failed'}`} data-testid="vote-result">
          {entry.vote.method}表决：同意 {entry.vote.for} 票，反对 {entry.vote.against} 票，弃权 {entry.vote.abstain} 票。
          {entry.outcome === 'passed' ? '获得通过' : '未获通过'}
          {entry.vote.tally && `（应到${entry.vote.tally.due}人，须同意票≥${entry.vote.tally.needed}）`}
        </div>
      )}
      {entry.decision && (
        <p style={{ marginTop: 10 }}>
          <span className="badge ok">决定事项 第{entry.decision.number}号</span> {entry.decision.text}
        </p>
      )}
      {!decided && (
        <>
          <VotePanel key={entry.id} view={view} entry={entry} onChanged={onChanged} />
          <PostponeForm entryId={entry.id} onDone={onChanged} />
        </>
      )}
    </section>
  );
}
