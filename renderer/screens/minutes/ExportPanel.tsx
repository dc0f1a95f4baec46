// 导出与打印 on the minutes screen: the shared export panel (renderer/components/export) for this
// revision — 纪要 PDF / Word / 打印 and the 会议记录 PDF / Word, each with its step line.
import { MinutesExport } from '../../components/export';

export function ExportPanel(props: { minutesId: number; meetingId: number; html: string; fileName: string; signed: boolean }) {
  return <MinutesExport {...props} />;
}
