// One agenda entry during the meeting: the live quorum line, then by purpose — a decision
// (回避 R8, 发言表态 host last R9, 书面意见 R7, 表决 R10 or 校长决定 R12, 暂缓表决 R11), a
// 前置研究 (研究意见, R1) or a report heard (临时处置通报 R14). Used by the meeting page and 会议模式.
import { RuleNotice, RuleTag } from '../../components/RuleTag';
import type { EntryView, MeetingView } from '../../stores/meetings';
import { PostponeForm } from './PostponeForm';
import { RecusalPanel } from './RecusalPanel';
import { ReportNoteForm } from './ReportNoteForm';
import { StatementsPanel } from './StatementsPanel';
import { StudyForm } from './StudyForm';
import { VotePanel } from './VotePanel';
import { UndoVote } from './UndoVote';
import { WrittenOpinions } from './WrittenOpinions';
import { History } from '../../components/History';

const PURPOSE: Record<string, string> = { decide: '决定事项', study: '前置研究', report: '通报' };

export function EntryPanel({ view, entry, onChanged, keys = false }: { view: MeetingView; entry: EntryView; onChanged(): void; keys?: boolean }) {
  const { live } = entry;
  const pending = entry.outcome === 'pending';
  const purpose = entry.purpose;
  return (
    <section className="card entry-panel" aria-label={`第${entry.number}项 ${entry.item.title}`}>
      <div className="card-head">
        <h2>
          第{entry.number}项：{entry.item.title}
        </h2>
      </div>
      <div className="row small" style={{ marginBottom: 8 }}>
        <span className="badge info">{PURPOSE[purpose] ?? purpose}</span>
        {entry.adHoc && <span className="badge warn">临时动议</span>}
        {entry.item.major && <span className="badge brand">三重一大</span>}
        {entry.item.twoThirds && <span className="badge warn">须三分之二以上成员到会</span>}
        <span className="muted">
          {entry.item.matterCode} {entry.item.matterName}
          {entry.presenter && ` · 汇报人 ${entry.presenter.name}`}
        </span>
      </div>
      {purpose !== 'report' && (
        <div className={`quorum${live.quorumOk ? '' : ' bad'}`} role="status">
          <strong data-testid="quorum-line">{live.text}</strong>
          <span className="small">
            {live.basis}
            <RuleTag rule="R6" />
            {purpose === 'decide' && <RuleTag rule="R10" />}
          </span>
        </div>
      )}
      {view.attendance.length === 0 && <div className="notice warn">尚未登记出席情况。请先登记出席（签到），才能表态和表决。</div>}
      {entry.warnings.map((w, i) => (
        <RuleNotice key={i} rule={w.rule} message={w.message} />
      ))}

      <div className="entry-body">
        <div>
          {purpose === 'report' ? (
            pending ? <ReportNoteForm key={entry.id} entry={entry} onChanged={onChanged} /> : <div className="result passed">已听取{entry.proposal ? `：${entry.proposal}` : ''}</div>
          ) : (
            <>
              {purpose === 'decide' && <RecusalPanel key={`r${entry.id}`} view={view} entry={entry} onChanged={onChanged} />}
              <StatementsPanel key={entry.id} view={view} entry={entry} onChanged={onChanged} keys={keys} />
              {purpose === 'decide' && <WrittenOpinions key={`w${entry.id}`} view={view} entry={entry} onChanged={onChanged} />}
            </>
          )}
        </div>
        <div>
          {purpose === 'study' && (pending ? <StudyForm key={`s${entry.id}`} entry={entry} onChanged={onChanged} /> : <div className="result passed">研究意见：{entry.proposal}</div>)}
          {entry.outcome === 'postponed' && <div className="result failed">暂缓表决：{entry.postponeReason}</div>}
          {entry.vote && (
            <div className={`result ${entry.outcome === 'passed' ? 'passed' : 'failed'}`} data-testid="vote-result">
              {entry.vote.method === '校长决定'
                ? `校长听取与会人员意见后决定：${entry.outcome === 'passed' ? '通过' : '不予采纳'}`
                : `${entry.vote.method}表决：同意 ${entry.vote.for} 票，反对 ${entry.vote.against} 票，弃权 ${entry.vote.abstain} 票。${entry.outcome === 'passed' ? '获得通过' : '未获通过'}`}
              {entry.vote.tally && `（应到${entry.vote.tally.due}人，实到${entry.vote.tally.present}人${entry.vote.method === '校长决定' ? '' : `，须同意票≥${entry.vote.tally.needed}`}）`}
            </div>
          )}
          {entry.ballots.length > 0 && (
            <p className="small muted" style={{ marginTop: 6 }}>
              逐人表决：{entry.ballots.map((b) => `${b.name} ${b.choice}`).join('；')}
            </p>
          )}
          {entry.decision && (
            <p style={{ marginTop: 10 }}>
              <span className="badge ok">决定事项 第{entry.decision.number}号</span> {entry.decision.text}
            </p>
          )}
          {entry.vote && <UndoVote key={`u${entry.id}`} entry={entry} onChanged={onChanged} />}
          <History title="本议题的更正记录" rows={entry.history} open />
          {pending && purpose === 'decide' && (
            <>
              <VotePanel key={`v${entry.id}`} view={view} entry={entry} onChanged={onChanged} />
              <PostponeForm entryId={entry.id} onDone={onChanged} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
