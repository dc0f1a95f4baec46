// 督办看板: every 督办事项 in four columns — 进行中, 逾期 (R17), 已办结 (to evaluate), 已评价
// (R18, with the 修正 it opened) — each by deadline; decisions still without 督办 come first.
// A card opens its decision, where progress, 督办, 办结 and 评价 are recorded.
// A card shows an extended deadline (延期) with how often; its status is the core's.
import { useState } from 'react';
import dayjs from 'dayjs';
import { FOLLOW_UP_STATUS_LABELS, REGISTER_STATUS_LABELS, type FollowUpStatus } from '../../../db/terms';
import { RuleTag } from '../../components/RuleTag';
import { formatDate } from '../../dates';
import type { BoardRow, DecisionRow } from '../../stores/followups';
import { useNav } from '../../stores/nav';

const COLUMNS: { key: FollowUpStatus; hint: string; rule?: string }[] = [
  { key: 'open', hint: '按完成时限排列' },
  { key: 'overdue', hint: '超过完成时限未办结', rule: 'R17' },
  { key: 'done', hint: REGISTER_STATUS_LABELS.to_evaluate, rule: 'R18' },
  { key: 'evaluated', hint: '一般、差 启动修正' },
];

const WITHIN: { label: string; days?: number }[] = [{ label: '全部时限' }, { label: '7天内到期', days: 7 }, { label: '30天内到期', days: 30 }];

export function FollowUpBoard({ rows, waiting, today }: { rows: BoardRow[]; waiting: DecisionRow[]; today: string }) {
  const go = useNav((s) => s.go);
  const [within, setWithin] = useState(WITHIN[0]!);
  const limit = within.days === undefined ? null : dayjs(today).add(within.days, 'day').format('YYYY-MM-DD');
  // A deadline filter is about what is still to do: finished work is not "due".
  const shown = rows.filter((f) => limit === null || (f.state !== 'done' && f.deadline <= limit));
  return (
    <>
      <div className="row toolbar">
        <div className="row" role="group" aria-label="按完成时限筛选">
          {WITHIN.map((w) => (
            <button key={w.label} className="btn small choice" aria-pressed={w === within} onClick={() => setWithin(w)}>
              {w.label}
            </button>
          ))}
        </div>
        <span className="muted small count">共 {rows.length} 项督办事项</span>
      </div>
      {waiting.length > 0 && (
        <section className="card waiting" aria-labelledby="waiting-title">
          <div className="card-head">
            <h2 id="waiting-title">待安排督办的决定<RuleTag rule="R17" /></h2>
            <span className="muted small">每项决定都应安排督办，或说明无需督办的理由</span>
          </div>
          <ul className="waiting-list">
            {waiting.map((d) => (
              <li key={d.id}>
                <span className="ellipsis">{d.meetingLabel} 第{d.number}项：{d.itemTitle}</span>
                <button className="btn small primary" onClick={() => go({ section: 'followups', id: d.id })} data-board-decision={d.id}>
                  安排督办
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="board">
        {COLUMNS.map((c) => {
          const cards = shown.filter((f) => f.status === c.key);
          const label = FOLLOW_UP_STATUS_LABELS[c.key];
          return (
            <section key={c.key} className={`board-col col-${c.key}`} aria-label={`${label}（${cards.length}项）`} data-column={c.key}>
              <h3>
                {label} <span className="num">{cards.length}</span>
                <small>{c.hint}{c.rule && <RuleTag rule={c.rule} />}</small>
              </h3>
              <div className="board-cards">
                {cards.length === 0 && <p className="muted small">暂无</p>}
                {cards.map((f) => {
                  // A 集团 decision handed to this campus opens on its own page (the decision is the 集团's).
                  const open = () => go(f.handed ? { section: 'followups', handed: f.id } : { section: 'followups', id: f.decisionId });
                  return (
                  <article key={f.id} className="board-card" data-board-card={f.task} onClick={open}>
                    <button className="linklike card-title" onClick={(e) => { e.stopPropagation(); open(); }}>
                      {f.task}
                    </button>
                    {f.handed && <span className="badge info small" data-testid="board-handed">集团交办</span>}
                    <span className="muted small ellipsis" title={f.itemTitle}>{f.itemTitle}</span>
                    <span className="row small">
                      <span>{f.ownerDept}{f.ownerName ? ` · ${f.ownerName}` : ''}</span>
                      <span className="muted">时限 {formatDate(f.deadline)}</span>
                    </span>
                    {f.extensions > 0 && (
                      <span className="row small">
                        <span className="badge warn" data-testid="board-extended">已延期{f.extensions > 1 ? `${f.extensions}次` : ''}</span>
                      </span>
                    )}
                    <span className="row small">
                      {f.status === 'overdue' && <span className="badge bad">{f.statusLabel}{f.daysOverdue}天</span>}
                      {f.state === 'done' && <span className="badge ok">{formatDate(f.completedAt)} 办结</span>}
                      {f.rating && <span className={`badge ${f.rating === '一般' || f.rating === '差' ? 'bad' : 'ok'}`}>评价：{f.rating}</span>}
                    </span>
                    {f.correctionItemId != null && (
                      <button className="linklike small" data-testid="board-correction" onClick={(e) => { e.stopPropagation(); go({ section: 'items', id: f.correctionItemId! }); }}>
                        已启动修正议题 →
                      </button>
                    )}
                  </article>
                  );
                })}
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}
