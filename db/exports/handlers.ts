// documents.* export channels: the ledger read synchronously inside dispatch's transaction, then
// rendered by the pure db/documents renderers. DOCX and XLSX packing is asynchronous (zip), so
// those handlers return later(...) over plain data already read; dispatchAsync runs it.
import { later, type HandlersFor } from '../channel';
import { ballotHtml, groupHtml, groupTitle, groupXlsx, registerTitle, registerXlsx, minutesDocx, minutesHtml, noticeHtml, recordDocx, recordHtml, signInHtml, supervisionDocx, supervisionHtml } from '../documents';
import { conflict } from '../errors';
import type { ReadLedger } from '../ledger';
import { minutesDocOf, minutesFileName, recordDocOf, recordFileName } from './minutes';
import { safeFileName, withExtension } from './names';
import type { exportsContract } from './contract';
import { ballotDoc, ballotMethodFor, leadTimes, noticeDoc, noticeWarnings, signInDoc } from './forms';
import { readRegisterSheet } from './register-sheet';
import { ballotVoters, readMeetingForms } from './read';
import { supervisionDocOf } from './supervision';
import { groupOverview } from '../group/read';
import type { GroupSheet, SupervisionDoc } from '../documents';


/** 督办通知单（教务处·…）.pdf|docx: the PDF and the Word copy named alike. */
const supervisionFileName = (doc: SupervisionDoc, ext: 'pdf' | 'docx') => safeFileName(`${doc.title}（${doc.ownerDept}·${doc.task.slice(0, 20)}）.${ext}`);

/** Packed after the transaction (zip is asynchronous): plain data in, base64 bytes out. */
function bytes(pack: () => Promise<Buffer>, fileName: string) {
  return later(async () => {
    const buf = await pack();
    return { base64: buf.toString('base64'), fileName, size: buf.length };
  });
}

/** The 集团工作台's rows as a document's data (db/group/read.ts counts them). */
function groupSheet(ledger: ReadLedger, year: number | undefined): GroupSheet {
  const view = groupOverview(ledger, { year });
  if (!view) conflict('台账中还没有组织，请先完成学校设置。');
  return { groupName: view.groupName, year: view.year, month: view.month, exportedOn: view.today, rows: view.rows };
}

function ballot(ledger: ReadLedger, entryId: number, wanted?: '无记名投票' | '记名投票') {
  const { meetingId, voters } = ballotVoters(ledger, entryId);
  const forms = readMeetingForms(ledger, meetingId);
  const entry = forms.entries.find((e) => e.entryId === entryId)!;
  if (entry.purpose !== 'decide') conflict(`议题「${entry.title}」是${entry.purpose === 'study' ? '前置研究' : '听取汇报'}事项，不表决，不需要表决票。`, 'entryId');
  const votedByBallot = entry.voteMethod === '无记名投票' || entry.voteMethod === '记名投票';
  if (votedByBallot && wanted && wanted !== entry.voteMethod) {
    conflict(`议题「${entry.title}」已按「${entry.voteMethod}」表决，表决票须与之一致。`, 'method');
  }
  const method = ballotMethodFor(entry, wanted);
  if (!method) conflict(`议题「${entry.title}」已以「${entry.voteMethod}」方式表决，没有表决票。`, 'entryId');
  const doc = ballotDoc(forms, entry, method, voters);
  const kind = method === '无记名投票' ? '无记名' : '记名';
  return {
    html: ballotHtml(doc),
    fileName: safeFileName(`${forms.facts.meetingLabel}表决票（第${entry.number}项·${kind}）.pdf`),
    method,
    sheets: method === '无记名投票' ? doc.copies : doc.voters.length,
  };
}

export const exportsHandlers = {
  'documents.minutesHtml': (ledger, { minutesId }) => {
    const doc = minutesDocOf(ledger, minutesId);
    return { html: minutesHtml(doc), fileName: minutesFileName(doc) };
  },
  'documents.recordHtml': (ledger, { meetingId }) => {
    const doc = recordDocOf(ledger, meetingId);
    return { html: recordHtml(doc), fileName: recordFileName(doc) };
  },
  'documents.noticeHtml': (ledger, { meetingId }) => {
    const forms = readMeetingForms(ledger, meetingId);
    if (forms.entries.length === 0) conflict('本次会议的议程还是空的：请先把议题列入议程，再印发会议通知。', 'meetingId');
    return {
      html: noticeHtml(noticeDoc(forms)),
      fileName: safeFileName(`${forms.facts.meetingLabel}通知.pdf`),
      leadTime: leadTimes(forms),
      warnings: noticeWarnings(forms),
    };
  },
  'documents.signInHtml': (ledger, { meetingId }) => {
    const forms = readMeetingForms(ledger, meetingId);
    return { html: signInHtml(signInDoc(forms)), fileName: safeFileName(`${forms.facts.meetingLabel}签到表.pdf`) };
  },
  'documents.supervisionHtml': (ledger, { followUpId }) => {
    const doc = supervisionDocOf(ledger, followUpId);
    return { html: supervisionHtml(doc), fileName: supervisionFileName(doc, 'pdf'), title: doc.title };
  },
  'documents.supervisionDocx': (ledger, { followUpId }) => {
    const doc = supervisionDocOf(ledger, followUpId);
    return bytes(() => supervisionDocx(doc), supervisionFileName(doc, 'docx'));
  },
  'documents.ballotHtml': (ledger, { entryId, method }) => ballot(ledger, entryId, method),
  'documents.minutesDocx': (ledger, { minutesId }) => {
    const doc = minutesDocOf(ledger, minutesId);
    return bytes(() => minutesDocx(doc), withExtension(minutesFileName(doc), 'docx'));
  },
  'documents.recordDocx': (ledger, { meetingId }) => {
    const doc = recordDocOf(ledger, meetingId);
    return bytes(() => recordDocx(doc), withExtension(recordFileName(doc), 'docx'));
  },
  'documents.registerXlsx': (ledger, { orgId, year }) => {
    const sheet = readRegisterSheet(ledger, orgId, year);
    return later(async () => ({ ...(await bytes(() => registerXlsx(sheet), safeFileName(`${registerTitle(sheet)}.xlsx`)).run()), rows: sheet.rows.length }));
  },
  'documents.groupHtml': (ledger, { year }) => {
    const sheet = groupSheet(ledger, year);
    return { html: groupHtml(sheet), fileName: safeFileName(`${groupTitle(sheet)}.pdf`) };
  },
  'documents.groupXlsx': (ledger, { year }) => {
    const sheet = groupSheet(ledger, year);
    return bytes(() => groupXlsx(sheet), safeFileName(`${groupTitle(sheet)}.xlsx`));
  },
} satisfies HandlersFor<typeof exportsContract>;
