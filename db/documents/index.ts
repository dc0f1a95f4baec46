// Document renderers: pure data (db/documents/model.ts) -> self-contained HTML for Chromium
// printing, DOCX (editable) and XLSX (台账) bytes.
export * from './model';
export { minutesHtml } from './minutes';
export { recordHtml } from './record';
export { noticeHtml } from './notice';
export { signInHtml } from './signin';
export { ballotHtml } from './ballot';
export { setFontsRoot } from './fonts';
export { warmUpHtml } from './page';
export { minutesDocx, recordDocx } from './docx';
export { ledgerTitle, ledgerXlsx } from './xlsx';
export { groupHtml, groupTitle, groupXlsx, type GroupSheet } from './group';
