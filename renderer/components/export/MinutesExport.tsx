// 导出与打印 of one meeting's minutes: 纪要 PDF / Word / 打印, and the full 会议记录 PDF / Word.
// The PDF is printed by the shell (window.host.savePdf); Word is made by the core and saved.
import { call } from '../../ledger-client';
import { ExportButton } from './ExportButton';
import { ExportProgress } from './ExportProgress';
import { useExport, type ExportJob } from './useExport';
import './export.css';

export function MinutesExport({ minutesId, meetingId, html, fileName, signed }: { minutesId: number; meetingId: number; html: string; fileName: string; signed: boolean }) {
  const exporter = useExport();
  const minutesPdf: ExportJob = { label: '会议纪要 PDF', kind: 'pdf', make: async () => ({ html, fileName }) };
  const minutesWord: ExportJob = { label: '会议纪要 Word', kind: 'docx', make: () => call('documents.minutesDocx', { minutesId }) };
  const minutesPrint: ExportJob = { label: '会议纪要', kind: 'print', make: async () => ({ html, fileName }) };
  const recordPdf: ExportJob = { label: '会议记录 PDF', kind: 'pdf', make: () => call('documents.recordHtml', { meetingId }) };
  const recordWord: ExportJob = { label: '会议记录 Word', kind: 'docx', make: () => call('documents.recordDocx', { meetingId }) };
  return (
    <section className="card" aria-label="导出与打印">
      <h2>导出与打印</h2>
      {!signed && <p className="muted small">草稿导出的文件名带「草稿」字样；正式文件请先签发。</p>}
      <div className="export-actions">
        <span className="what">会议纪要</span>
        <ExportButton exporter={exporter} job={minutesPdf} primary>导出 PDF</ExportButton>
        <ExportButton exporter={exporter} job={minutesWord}>Word（.docx）</ExportButton>
        <span className="what muted small">送印前可先预览左侧版面</span>
        <span />
        <ExportButton exporter={exporter} job={minutesPrint}>打印</ExportButton>
        <span className="what">会议记录（内部，含表态和票数）</span>
        <ExportButton exporter={exporter} job={recordPdf}>记录 PDF</ExportButton>
        <ExportButton exporter={exporter} job={recordWord}>记录 Word</ExportButton>
      </div>
      <ExportProgress state={exporter.state} />
    </section>
  );
}
