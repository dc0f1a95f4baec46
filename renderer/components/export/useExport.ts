// One export at a time through the shell: 生成 (the ledger channel makes HTML or bytes) → 排版
// (Chromium lays out and prints the PDF; DOCX/XLSX are packed by the core) → 保存 (the shell's
// save dialog). The state drives ExportProgress; a cancelled dialog is not an error.
import { useCallback, useState } from 'react';
import type { SavedFile } from '../../../db/host';
import { errorInfo, type LedgerErrorInfo } from '../../ledger-client';

export type ExportKind = 'pdf' | 'docx' | 'xlsx' | 'print';
export type Made = { html: string; fileName: string } | { base64: string; fileName: string };

export interface ExportJob<M extends Made = Made> {
  /** Shown in the progress line, e.g. 会议纪要 PDF. */
  label: string;
  kind: ExportKind;
  make(): Promise<M>;
  /** Look at what was made (warnings, counts) before it is saved. */
  onMade?(made: M): void;
}

export const STEPS: Record<ExportKind, readonly string[]> = {
  pdf: ['生成', '排版', '保存'],
  docx: ['生成', '排版', '保存'],
  xlsx: ['生成', '排版', '保存'],
  print: ['生成', '排版', '打印'],
};

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; label: string; kind: ExportKind; step: number }
  | { status: 'saved'; label: string; kind: ExportKind; file: SavedFile }
  | { status: 'printed'; label: string; kind: ExportKind }
  | { status: 'cancelled'; label: string; kind: ExportKind }
  | { status: 'error'; label: string; kind: ExportKind; step: number; error: LedgerErrorInfo };

export function useExport() {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const run = useCallback(async <M extends Made>(job: ExportJob<M>) => {
    const { label, kind } = job;
    let step = 0;
    const at = (n: number) => {
      step = n;
      setState({ status: 'running', label, kind, step: n });
    };
    try {
      at(0);
      const made = await job.make();
      job.onMade?.(made);
      at(1);
      if (kind === 'print') {
        if (!('html' in made)) throw new Error('打印需要 HTML 文书');
        await window.host.print({ html: made.html });
        setState({ status: 'printed', label, kind });
        return;
      }
      let file: SavedFile | null;
      if ('html' in made) {
        // savePdf lays the page out in Chromium and writes it: 排版 until it returns.
        file = await window.host.savePdf({ html: made.html, fileName: made.fileName });
      } else {
        at(2);
        file = await window.host.saveFile({ base64: made.base64, fileName: made.fileName });
      }
      setState(file ? { status: 'saved', label, kind, file } : { status: 'cancelled', label, kind });
    } catch (e) {
      setState({ status: 'error', label, kind, step, error: errorInfo(e) });
    }
  }, []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset, busy: state.status === 'running' };
}
