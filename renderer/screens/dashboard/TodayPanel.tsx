// 今日待办: what the core says is due today (db/rules/reminders.ts), grouped, each opening its record.
import { useState } from 'react';
import { useNav } from '../../stores/nav';
import type { Reminder, Today } from '../../stores/reminders';

const URGENCY_CLASS = { overdue: 'bad', today: 'warn', soon: 'info' } as const;
const SHOWN = 5;

export function TodayPanel({ today }: { today: Today }) {
  const go = useNav((s) => s.go);
  const [all, setAll] = useState<Record<string, boolean>>({});
  const open = (r: Reminder) =>
    go(r.target.handed ? { section: r.target.section, handed: r.target.handed } : r.target.id ? { section: r.target.section, id: r.target.id } : { section: r.target.section });
  return (
    <section className="card today" aria-labelledby="today-title">
      <div className="card-head">
        <h2 id="today-title">今日待办</h2>
        <span className={`badge ${today.overdue > 0 ? 'bad' : today.count > 0 ? 'warn' : 'ok'}`}>{today.count > 0 ? `${today.count}项` : '无'}</span>
      </div>
      {today.count === 0 ? (
        <p className="muted">今天没有到期或需要催办的事项。</p>
      ) : (
        <div className="today-groups">
          {today.groups.map((g) => (
            <div key={g.kind} className="today-group" data-kind={g.kind}>
              <h3>
                {g.label}
                <span className="count">{g.reminders.length}</span>
              </h3>
              <ul>
                {(all[g.kind] ? g.reminders : g.reminders.slice(0, SHOWN)).map((r) => (
                  <li key={r.key}>
                    <button className="linklike" onClick={() => open(r)}>
                      <span className={`dot ${URGENCY_CLASS[r.urgency]}`} aria-hidden="true" />
                      <strong>{r.title}</strong>
                    </button>
                    <span className="detail">{r.detail}</span>
                  </li>
                ))}
              </ul>
              {g.reminders.length > SHOWN && !all[g.kind] && (
                <button className="btn small" onClick={() => setAll({ ...all, [g.kind]: true })}>
                  显示全部{g.reminders.length}项
                </button>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
