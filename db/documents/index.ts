// Document renderers: pure data (db/documents/model.ts) -> self-contained HTML for Chromium
// printing, DOCX (editable) and XLSX (台账) bytes.
import type { RegisterSheet, MinutesDoc, RecordDoc, SupervisionDoc } from './model';
import type { GroupSheet } from './group';
import type { ImportPreview } from './import-workbook';
import type { DistrictSummaryDoc } from './district';
import type { ColumnChoice } from '../rules/import';
export * from './model';
export { minutesHtml } from './minutes';
export { recordHtml } from './record';
export { noticeHtml } from './notice';
export { signInHtml } from './signin';
export { ballotHtml } from './ballot';
export { supervisionHtml } from './supervision';
export { setFontsRoot } from './fonts';

// Loaded on the first document made (./office.ts says why).
const office = () => import('./office');
export const minutesDocx = async (doc: MinutesDoc): Promise<Buffer> => (await office()).minutesDocx(doc);
export const recordDocx = async (doc: RecordDoc): Promise<Buffer> => (await office()).recordDocx(doc);
export const supervisionDocx = async (doc: SupervisionDoc): Promise<Buffer> => (await office()).supervisionDocx(doc);
export const registerXlsx = async (sheet: RegisterSheet): Promise<Buffer> => (await office()).registerXlsx(sheet);
export { warmUpHtml } from './page';
export { registerTitle } from './wording';
export { groupHtml, groupTitle, type GroupSheet } from './group';
// 历史台账导入: the template and the reader of a school's workbook (exceljs).
export const templateWorkbook = async (): Promise<Buffer> => (await office()).templateWorkbook();
export const previewWorkbook = async (bytes: Buffer, fileName: string, year: number, choices?: Record<string, ColumnChoice>): Promise<ImportPreview> =>
  (await office()).previewWorkbook(bytes, fileName, year, choices);
export type { ImportPreview, PreviewRow } from './import-workbook';
export const groupXlsx = async (sheet: GroupSheet): Promise<Buffer> => (await office()).groupXlsx(sheet);
export { districtSummaryHtml, districtSummaryTitle, inspectionHtml, inspectionTitle, type DistrictSummaryDoc, type InspectionDoc } from './district';
export const districtXlsx = async (doc: DistrictSummaryDoc): Promise<Buffer> => (await office()).districtXlsx(doc);
