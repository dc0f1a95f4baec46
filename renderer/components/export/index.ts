// Export UI: step line 生成 → 排版 → 保存, then 打开文件 / 打开所在文件夹.
export { MinutesExport } from './MinutesExport';
export { MeetingMaterials, type MaterialsEntry } from './MeetingMaterials';
export { RegisterXlsxExport, LedgerXlsxButton } from './RegisterXlsxExport';
export { ExportProgress } from './ExportProgress';
export { useExport, type ExportJob } from './useExport';
