// The DOCX and XLSX makers and the libraries behind them (docx, exceljs, jszip: most of the
// shell's code by size). Loaded only when a document is made, never at start: the shell bundles
// this file apart (scripts/build-electron.mjs → dist-electron/office.cjs).
export { minutesDocx, recordDocx, supervisionDocx } from './docx';
export { registerXlsx } from './xlsx';
export { groupXlsx } from './group-xlsx';
export { districtXlsx } from './district-xlsx';
export { previewWorkbook, templateWorkbook } from './import-workbook';
