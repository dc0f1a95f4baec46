// 会议记录 (R16): the full internal record — attendance, every statement with the host's last,
// recusals, vote method and counts, postponements — as it prints, in the document preview.
import { useEffect, useState } from 'react';
import { DocumentFrame } from '../../components/DocumentFrame';
import { FormError } from '../../forms/FormError';
import { call, errorInfo, type LedgerErrorInfo } from '../../ledger-client';

export function RecordView({ meetingId, version }: { meetingId: number; version: unknown }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  useEffect(() => {
    let live = true;
    call('documents.recordHtml', { meetingId })
      .then((out) => live && (setHtml(out.html), setError(null)))
      .catch((e: unknown) => live && setError(errorInfo(e)));
    return () => {
      live = false;
    };
    // `version` changes whenever the meeting is reloaded, so the record follows what was just entered.
  }, [meetingId, version]);
  if (error) return <FormError error={error} />;
  return html ? <DocumentFrame html={html} title="会议记录预览" /> : <div className="empty">正在排版会议记录…</div>;
}
