// One 临时处置 with its R14 status; an open one is put on a later meeting of its body for report.
import { useState } from 'react';
import { formatDateTime } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { EmergencyRow, MeetingRow } from '../../stores/meetings';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { RuleNotice } from '../../components/RuleTag';

const STATUS: Record<string, { label: string; tone: string }> = {
  open: { label: '待通报', tone: 'bad' },
  scheduled: { label: '已列入会议议程', tone: 'warn' },
  reported: { label: '已通报', tone: 'ok' },
};

export function EmergencyCard({ row, meetings, onChanged }: { row: EmergencyRow; meetings: MeetingRow[]; onChanged(): void }) {
  const go = useNav((s) => s.go);
  // A later meeting of the same body that has not ended; the earliest is the one R14 asks for.
  const later = meetings
    .filter((m) => m.bodyId === row.bodyId && m.state !== 'closed' && m.startsAt >= row.at.slice(0, 16))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const [meetingId, setMeetingId] = useState<number | ''>(later[0]?.id ?? '');
  const report = useCommand(async () => {
    const out = await call('emergency.report', { emergencyActionId: row.id, meetingId: meetingId === '' ? (undefined as never) : meetingId });
    const title = meetings.find((m) => m.id === meetingId)?.title ?? '会议';
    notify(out.warnings.length ? 'warn' : 'ok', out.warnings.length ? out.warnings.map((w) => w.message).join('；') : `已列入${title}议程第${out.position}项，会上通报。`);
    onChanged();
  });
  const status = STATUS[row.status] ?? { label: row.status, tone: '' };
  return (
    <section className={`card${row.flagged ? ' flagged' : ''}`} data-emergency={row.id}>
      <div className="card-head">
        <h3>{row.action.length > 40 ? `${row.action.slice(0, 40)}…` : row.action}</h3>
        <div className="actions">
          <span className={`badge ${status.tone}`} data-status={row.status}>{status.label}</span>
        </div>
      </div>
      <dl className="facts">
        <dt>议事机构</dt>
        <dd>{row.bodyName}</dd>
        <dt>处置人</dt>
        <dd>{row.actorName}，{formatDateTime(row.at)}</dd>
        <dt>不能开会原因</dt>
        <dd>{row.reason}</dd>
        <dt>处置内容</dt>
        <dd className="pre-line">{row.action}</dd>
        {row.reportedAt && (
          <>
            <dt>通报</dt>
            <dd>
              <button className="linklike" onClick={() => go({ section: 'meetings', id: row.reportedAt!.meetingId })}>{row.reportedAt.title}</button>
              {row.status === 'reported' ? '，已听取通报' : '，待会上通报'}
            </dd>
          </>
        )}
      </dl>
      {row.missedMeetings.length > 0 && <RuleNotice rule="R14" message={`其后已召开${row.missedMeetings.join('、')}，未通报。`} />}
      {row.status === 'open' && (
        <div className="row" style={{ marginTop: 10, alignItems: 'flex-end' }}>
          <div style={{ flex: 1 }}>
            <Field label="在哪次会议上通报" error={errorFor(report.error, 'meetingId')}>
              <select value={meetingId} onChange={(e) => setMeetingId(e.target.value ? Number(e.target.value) : '')}>
                <option value="">请选择{row.bodyName}</option>
                {later.map((m) => (
                  <option key={m.id} value={m.id}>{m.title}（{formatDateTime(m.startsAt)}）</option>
                ))}
              </select>
            </Field>
          </div>
          <button className="btn primary" disabled={report.busy || meetingId === ''} onClick={() => void report.run()}>列入议程通报</button>
        </div>
      )}
      {row.status === 'open' && later.length === 0 && <p className="muted small">还没有{row.bodyName}的后续会议：新建会议后在此列入通报。</p>}
      <FormError error={report.error} fields={['meetingId']} />
    </section>
  );
}
