// documents.minutesHtml / documents.recordHtml: the ledger's minutes and record as renderer
// inputs (db/documents/model.ts), rendered to HTML by db/documents.
import type { ReadLedger } from '../ledger';
import type { MinutesDoc, RecordDoc } from '../documents/model';
import { buildMinutesContent, toMinutesDoc, toRecordDoc } from '../minutes/assemble';
import { getMinutes, latestRevision, ownersOf, papersOfRecord, revisionsOf, sealAnchorOf } from '../minutes/queries';
import { readMeetingRecord } from '../minutes/record';
import { safeFileName } from './names';

export function minutesDocOf(ledger: ReadLedger, minutesId: number): MinutesDoc {
  const row = getMinutes(ledger, minutesId);
  const signer = revisionsOf(ledger, row.meetingId).find((r) => r.id === row.id)?.signerName ?? null;
  return toMinutesDoc(row, row.content, signer, sealAnchorOf(ledger, row.id));
}

/** The record is read live (it is locked once the minutes are signed); number and signature come from the latest minutes. */
export function recordDocOf(ledger: ReadLedger, meetingId: number): RecordDoc {
  const record = readMeetingRecord(ledger, meetingId);
  const latest = latestRevision(ledger, meetingId);
  const minutes = latest
    ? toMinutesDoc(latest, latest.content, latest.signerName, sealAnchorOf(ledger, latest.id))
    : toMinutesDoc(
        { docNumber: '', state: 'draft', revision: 1, revisionReason: null, hash: null, signedAt: null },
        buildMinutesContent(record, ownersOf(ledger, record.decisions.map((d) => d.id)), papersOfRecord(ledger, record)),
        null,
      );
  return toRecordDoc(record, minutes);
}

/** 2026年第3次党委会议纪要（第2稿 勘误）（草稿）.pdf */
export function minutesFileName(doc: MinutesDoc): string {
  const revision = doc.revision > 1 ? `（第${doc.revision}稿）` : '';
  const draft = doc.state === 'draft' ? '（草稿）' : '';
  return safeFileName(`${doc.meetingLabel}纪要${revision}${draft}.pdf`);
}

export function recordFileName(doc: RecordDoc): string {
  return safeFileName(`${doc.meetingLabel}记录.pdf`);
}
