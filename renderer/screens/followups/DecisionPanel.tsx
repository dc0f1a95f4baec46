import { useEffect, useState } from 'react';
import { ITEM_STATE_LABELS } from '../../../db/terms';
import { RuleNotice } from '../../components/RuleTag';
import { useFollowUps } from '../../stores/followups';
import { useNav } from '../../stores/nav';
import { FollowUpCard } from './FollowUpCard';
import { FollowUpCreate } from './FollowUpCreate';
import { AssignCampuses } from './AssignCampuses';

export function DecisionPanel({ decisionId, onChanged }: { decisionId: number; onChanged(): void }) {
  const { detail, loadDetail } = useFollowUps();
  const go = useNav((s) => s.go);
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void loadDetail(decisionId);
  }, [loadDetail, decisionId]);
  if (!detail || detail.id !== decisionId) return <div className="empty">正在读取…</div>;
  const changed = () => {
    void loadDetail(decisionId);
    onChanged();
  };
  return (
    <div>
      <section className="card">
        <div className="card-head">
          <h2>{detail.meetingLabel} 决定事项第{detail.number}号</h2>
          <div className="actions">
            {detail.loopClosed ? <span className="badge ok">{ITEM_STATE_LABELS.closed}</span> : <span className="badge info">闭环进行中</span>}
          </div>
        </div>
        <p>{detail.text}</p>
        <div className="muted small">
          议题：<button className="linklike" onClick={() => go({ section: 'items', id: detail.item.id })}>{detail.item.title}</button>
        </div>
        {detail.lacksFollowUp && <RuleNotice rule="R17" message="这项决定还没有督办事项。请安排承办部门、责任人和完成时限，或说明无需督办的理由。" />}
        {detail.warnings.map((w, i) => (
          <RuleNotice key={i} rule={w.rule} message={w.message} />
        ))}
        {detail.corrections.length > 0 && (
          <div className="notice info" data-testid="corrections">
            <strong>修正议题：</strong>
            {detail.corrections.map((c) => (
              <button key={c.id} className="linklike" style={{ marginLeft: 6 }} onClick={() => go({ section: 'items', id: c.id })}>
                {c.title}
              </button>
            ))}
          </div>
        )}
      </section>
      {detail.assign && <AssignCampuses key={detail.assign.campuses.map((c) => c.id).join()} decisionId={decisionId} offer={detail.assign} onDone={changed} />}
      {detail.followUps.map((f) => (
        <FollowUpCard key={f.id} followUp={f} onChanged={changed} />
      ))}
      {!detail.noFollowUpReason && (detail.followUps.length === 0 || adding) && (
        <FollowUpCreate
          decisionId={decisionId}
          leaderId={detail.item.leaderId}
          first={detail.followUps.length === 0}
          onCreated={() => {
            setAdding(false);
            changed();
          }}
        />
      )}
      {!detail.noFollowUpReason && detail.followUps.length > 0 && !adding && (
        <button className="btn" onClick={() => setAdding(true)}>＋ 再增加一项督办</button>
      )}
      {detail.noFollowUpReason && <section className="card"><p>无需督办：{detail.noFollowUpReason}</p></section>}
    </div>
  );
}
