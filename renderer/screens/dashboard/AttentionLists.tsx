import { FOLLOW_UP_STATUS_LABELS } from '../../../db/terms';
import { EmptyState } from '../../components/EmptyState';
import { RuleName, RuleTag } from '../../components/RuleTag';
import { formatDate, formatDateTime } from '../../dates';
import type { LoopStatus } from '../../stores/loop';
import { useNav } from '../../stores/nav';

/** What needs the secretary today: overdue 督办, decisions lacking 督办 (R17), next meetings, R14. */
export function AttentionLists({ status }: { status: LoopStatus }) {
  const go = useNav((s) => s.go);
  return (
    <div className="grid-2">
      <section className="card">
        <h2>逾期督办事项</h2>
        {status.overdueFollowUps.length === 0 ? (
          <p className="muted">没有逾期的督办事项。</p>
        ) : (
          <table className="list">
            <tbody>
              {status.overdueFollowUps.slice(0, 8).map((f) => (
                <tr key={f.id} className="clickable" onClick={() => go({ section: 'followups' })}>
                  <td>{f.task}</td>
                  <td>{f.ownerDept}</td>
                  <td className="num"><span className="badge bad">{FOLLOW_UP_STATUS_LABELS.overdue}{f.daysOverdue}天</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2 style={{ marginTop: 16 }}>尚未安排督办的决定<RuleTag rule="R17" /></h2>
        {status.decisionsWithoutFollowUp.length === 0 ? (
          <p className="muted">每项决定都已安排督办或说明无需督办。</p>
        ) : (
          <ul className="stack" style={{ margin: 0, paddingLeft: 18 }}>
            {status.decisionsWithoutFollowUp.map((d) => (
              <li key={d.id}>
                <button className="linklike" onClick={() => go({ section: 'followups', id: d.id })}>
                  {d.meetingLabel} 第{d.number}项：{d.text}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>近期会议</h2>
        {status.nextMeetings.length === 0 ? (
          <EmptyState
            title="近期没有安排会议"
            action={<button className="btn" onClick={() => go({ section: 'meetings', view: 'new' })}>新建会议</button>}
          >
            待上会的议题需要列入一次会议的议程。
          </EmptyState>
        ) : (
          <table className="list">
            <tbody>
              {status.nextMeetings.map((m) => (
                <tr key={m.id} className="clickable" onClick={() => go({ section: 'meetings', id: m.id })}>
                  <td>{m.title}</td>
                  <td className="num">{formatDateTime(m.startsAt)}</td>
                  <td>{m.items} 个议题</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {status.openEmergencyActions.length > 0 && (
          <>
            <h2 style={{ marginTop: 16 }}>待通报的临时处置<RuleTag rule="R14" /></h2>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {status.openEmergencyActions.map((a) => (
                <li key={a.id}>{formatDate(a.at)} {a.actorName}：{a.action}</li>
              ))}
            </ul>
          </>
        )}
        {status.recentWarnings.length > 0 && (
          <>
            <h2 style={{ marginTop: 16 }}>规则提醒</h2>
            <ul className="small" style={{ margin: 0, paddingLeft: 18 }}>
              {status.recentWarnings.slice(0, 6).map((w) => (
                <li key={w.id}>{w.message} <span className="rule-after"><RuleName rule={w.rule} /></span></li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
