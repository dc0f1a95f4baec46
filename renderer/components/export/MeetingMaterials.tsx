// 会议材料 of one meeting: 会议通知 (with the R3 lead time and late-material warnings), 签到表 and
// one 表决票 per agenda entry to be voted (R10: 无记名 sheets carry no name line). Collapsed by
// default so the meeting screen keeps its room for the agenda.
import { useState } from 'react';
import { formatDate } from '../../dates';
import { call, type OutputOf } from '../../ledger-client';
import { ExportButton } from './ExportButton';
import { ExportProgress } from './ExportProgress';
import { useExport, type ExportJob } from './useExport';
import './export.css';

/** The agenda entries as meetings.get gives them (only what the ballots need). */
export interface MaterialsEntry {
  id: number;
  number: number;
  purpose: string;
  item: { title: string };
  vote: { method: string } | null;
}

type Notice = OutputOf<'documents.noticeHtml'>;
type BallotChoice = '' | '无记名投票' | '记名投票';

export function MeetingMaterials({ meetingId, entries }: { meetingId: number; entries: MaterialsEntry[] }) {
  const exporter = useExport();
  const [notice, setNotice] = useState<Pick<Notice, 'leadTime' | 'warnings'> | null>(null);
  const [methods, setMethods] = useState<Record<number, BallotChoice>>({});
  const noticeJob: ExportJob<Notice> = {
    label: '会议通知 PDF',
    kind: 'pdf',
    make: () => call('documents.noticeHtml', { meetingId }),
    onMade: (n) => setNotice({ leadTime: n.leadTime, warnings: n.warnings }),
  };
  const signInJob: ExportJob = { label: '签到表 PDF', kind: 'pdf', make: () => call('documents.signInHtml', { meetingId }) };
  const voted = entries.filter((e) => e.purpose === 'decide');
  const ballotJob = (e: MaterialsEntry): ExportJob => {
    const method = methods[e.id] || undefined;
    return { label: `第${e.number}项表决票 PDF`, kind: 'pdf', make: () => call('documents.ballotHtml', { entryId: e.id, method }) };
  };
  return (
    <details className="card export-materials">
      <summary>会议材料：会议通知、签到表、表决票</summary>
      <div className="export-actions">
        <span className="what">会议通知（议程、参会人员、材料送达时限）</span>
        <ExportButton exporter={exporter} job={noticeJob} primary>通知 PDF</ExportButton>
        <span />
        <span className="what">签到表（本机构成员及列席人员）</span>
        <ExportButton exporter={exporter} job={signInJob}>签到表 PDF</ExportButton>
        <span />
      </div>
      {notice && (
        <div className="notice info small" data-testid="notice-lead-time">
          议题应于{formatDate(notice.leadTime.submitBy)}前提交（会前{notice.leadTime.submitLeadDays}天），材料应于{formatDate(notice.leadTime.materialsBy)}前送达（会前{notice.leadTime.materialsLeadDays}天）。
        </div>
      )}
      {notice?.warnings.map((w, i) => (
        <div key={i} className="notice warn small"><span className="rule">{w.rule}</span>{w.message}</div>
      ))}
      <div className="export-ballots">
        <div className="muted small" style={{ marginBottom: 6 }}>表决票：每个议题单独表决（R10）；无记名投票的表决票不印姓名。</div>
        {voted.length === 0 && <div className="muted small">议程上没有需要表决的议题。</div>}
        <div className="export-actions">
          {voted.map((e) => {
            const byBallot = e.vote === null || e.vote.method === '无记名投票' || e.vote.method === '记名投票';
            return [
              <span key={`t${e.id}`} className="what">第{e.number}项　{e.item.title}</span>,
              byBallot ? (
                <select
                  key={`m${e.id}`}
                  aria-label={`第${e.number}项表决票类型`}
                  value={e.vote ? e.vote.method : (methods[e.id] ?? '')}
                  disabled={e.vote !== null}
                  onChange={(ev) => setMethods({ ...methods, [e.id]: ev.target.value as BallotChoice })}
                >
                  <option value="">按事项默认</option>
                  <option value="无记名投票">无记名投票</option>
                  <option value="记名投票">记名投票</option>
                </select>
              ) : (
                <span key={`m${e.id}`} className="muted small">已{e.vote!.method}表决</span>
              ),
              byBallot ? (
                <ExportButton key={`b${e.id}`} exporter={exporter} job={ballotJob(e)}>表决票 PDF</ExportButton>
              ) : (
                <span key={`b${e.id}`} />
              ),
            ];
          })}
        </div>
      </div>
      <ExportProgress state={exporter.state} />
    </details>
  );
}
