// One 议题: facts and routing (R1/R2), what R4 still needs, 会前沟通 records and form,
// 列入会议议程, the decision, the item's history, and putting it right (修改, 撤回, 复制).
import { useEffect, useState } from 'react';
import { History } from '../../components/History';
import { RuleNotice, RuleTag } from '../../components/RuleTag';
import { PageHead } from '../../components/PageHead';
import { StateBadge } from '../../components/StateBadge';
import { formatAmount, formatDate, formatDateTime } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useItems } from '../../stores/items';
import { useNav } from '../../stores/nav';
import { useBodyName } from '../../stores/org';
import { notify } from '../../stores/notices';
import { ConsultationForm } from './ConsultationForm';
import { ConsultationHistory } from './ConsultationHistory';
import { SchedulePanel } from './SchedulePanel';
import { CopyItemButton, ItemEditForm, WithdrawItemButton } from './ItemCorrect';
import { EscalationNotice, SendUpCard } from './EscalationPanel';

const CONSULTABLE = ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed'];
const SCHEDULABLE = ['consultation', 'postponed', 'ready', 'vote_postponed'];

export function ItemDetailView({ itemId }: { itemId: number }) {
  const { detail, detailError, loadDetail } = useItems();
  const bodyName = useBodyName();
  const go = useNav((s) => s.go);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    void loadDetail(itemId);
  }, [loadDetail, itemId]);
  const submit = useCommand(async () => {
    await call('items.submit', { itemId });
    notify('ok', '议题已提交。');
    await loadDetail(itemId);
  });

  if (detailError) return <div className="content"><FormError error={detailError} /></div>;
  if (!detail || detail.item.id !== itemId) return <div className="empty">正在读取议题…</div>;
  const { item, matter, routing, gate, consultations, transitions, entries, decision, warnings } = detail;
  const reload = () => void loadDetail(itemId);

  return (
    <>
      <PageHead
        title={
          <>
            {item.title} <StateBadge state={item.state} label={item.stateLabel} />
          </>
        }
        crumbs={<button className="linklike" onClick={() => go({ section: 'items' })}>议题</button>}
        actions={
          item.state === 'draft' ? (
            <button className="btn primary" disabled={submit.busy} onClick={() => void submit.run()}>
              提交会前沟通
            </button>
          ) : undefined
        }
      />
      <div className="content">
        <FormError error={submit.error} />
        <div className="grid-main-side">
          <div>
            {item.kind === 'correction' && item.decisionId != null && (
              <div className="notice info">
                这是<strong>修正议题</strong><RuleTag rule="R18" />：督办事项评价后启动，重新走会前沟通、上会决定的流程。
                <button className="linklike" onClick={() => go({ section: 'followups', id: item.decisionId! })}>查看原决定事项</button>
              </div>
            )}
            {item.state === 'postponed' && (
              <div className="notice warn" role="status">
                会前沟通中书记与校长意见不一致，议题<strong>{item.stateLabel}</strong>。请继续沟通，取得一致后重新记录会前沟通<RuleTag rule="R4" />。
              </div>
            )}
            {gate.length > 0 && item.state !== 'postponed' && (
              <div className="notice info">
                <strong>上{bodyName('party_committee')}前还需要：</strong>
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {gate.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </div>
            )}
            {warnings.map((w, i) => (
              <RuleNotice key={i} rule={w.rule} message={w.message} />
            ))}
            <EscalationNotice detail={detail} />
            {item.state === 'withdrawn' && !detail.escalation.up && (
              <div className="notice warn" role="status">
                议题<strong>{item.stateLabel}</strong>，保留在台账中。如需重新提出，可以「复制为新草稿」。
              </div>
            )}
            {editing && (
              <ItemEditForm
                detail={detail}
                onDone={(changed) => {
                  setEditing(false);
                  if (changed) reload();
                }}
              />
            )}

            <section className="card">
              <h2>议题情况</h2>
              <dl className="facts">
                <dt>议事清单</dt>
                <dd>{matter.name}</dd>
                <dt>决策机构</dt>
                <dd>
                  {bodyName(routing.body)}
                  {routing.major && <span className="badge warn" style={{ marginLeft: 8 }}>三重一大</span>}
                  <div className="muted small">{routing.reason}</div>
                </dd>
                <dt>提出人</dt>
                <dd>{item.proposerName}</dd>
                <dt>分管领导</dt>
                <dd>{item.leaderName ?? '—'}</dd>
                {item.amount != null && (
                  <>
                    <dt>金额</dt>
                    <dd>{formatAmount(item.amount)}</dd>
                  </>
                )}
                <dt>材料送达</dt>
                <dd>{formatDate(item.materialsReadyAt)}</dd>
                {detail.staffCongressLabel && (
                  <>
                    <dt>教代会</dt>
                    <dd><span className="badge info">{detail.staffCongressLabel}</span></dd>
                  </>
                )}
                <dt>议题内容</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{item.summary || '—'}</dd>
              </dl>
            </section>

            <section className="card">
              <h2>会前沟通</h2>
              <ConsultationHistory consultations={consultations} />
              {CONSULTABLE.includes(item.state) && item.state !== 'draft' && (
                <>
                  <h3 style={{ margin: '16px 0 8px' }}>记录一次会前沟通</h3>
                  <ConsultationForm itemId={item.id} cadre={matter.cadre} onDone={reload} />
                </>
              )}
              {item.state === 'draft' && <p className="muted">草稿提交后即可记录会前沟通。</p>}
            </section>
          </div>

          <div>
            <SendUpCard detail={detail} onDone={reload} />
            {SCHEDULABLE.includes(item.state) && (
              <section className="card">
                <h2>列入会议议程</h2>
                <SchedulePanel itemId={item.id} onDone={reload} />
              </section>
            )}
            {entries.length > 0 && (
              <section className="card">
                <h2>上会情况</h2>
                <ul className="stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {entries.map((e) => (
                    <li key={e.entryId}>
                      <button className="linklike" onClick={() => go({ section: 'meetings', id: e.meetingId })}>
                        {e.year}年第{e.seq}次{e.bodyName}
                      </button>
                      <span className="muted small"> {formatDateTime(e.startsAt)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {decision && (
              <section className="card">
                <h2>决定事项</h2>
                <p>第{decision.number}号：{decision.text}</p>
                <button className="btn small" onClick={() => go({ section: 'followups' })}>去督办</button>
              </section>
            )}
            <section className="card" aria-label="更正">
              <h2>更正</h2>
              <div className="corrections">
                {detail.correct.edit !== 'none' && !editing && <button className="btn" onClick={() => setEditing(true)}>修改议题</button>}
                <WithdrawItemButton detail={detail} onDone={reload} />
                <CopyItemButton itemId={item.id} />
              </div>
              {detail.correct.edit === 'none' && detail.correct.withdrawRefusal && item.state !== 'withdrawn' && (
                <p className="muted small" style={{ marginTop: 8 }}>{detail.correct.withdrawRefusal}；议题内容不能再修改。</p>
              )}
              <History title="修改记录" rows={detail.history} open />
            </section>
            <section className="card">
              <h2>办理过程</h2>
              <ol className="timeline">
                {transitions.map((t) => (
                  <li key={t.id}>
                    <div>{t.toLabel}</div>
                    <div className="muted small">
                      {formatDateTime(t.at)} · {t.operator}
                      {t.note ? ` · ${t.note}` : ''}
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          </div>
        </div>
      </div>
    </>
  );
}
