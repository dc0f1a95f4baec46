import { useState } from 'react';
import type { SavedFile } from '../../../db/host';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { notify } from '../../stores/notices';

/** 导出 PDF through the shell (Electron prints with Chromium; the harness uses page.pdf). */
export function ExportPanel({ html, fileName, signed }: { html: string; fileName: string; signed: boolean }) {
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const save = useCommand(async () => {
    const out = await window.host.savePdf({ html, fileName });
    if (out) {
      setSaved(out);
      notify('ok', 'PDF 已保存。');
    }
  });
  const print = useCommand(async () => {
    await window.host.print({ html });
  });
  return (
    <section className="card">
      <h2>导出与打印</h2>
      {!signed && <p className="muted small">草稿导出的 PDF 文件名带「草稿」字样；正式文件请先签发。</p>}
      <div className="row">
        <button className="btn primary" disabled={save.busy} onClick={() => void save.run()}>
          {save.busy ? '正在生成 PDF…' : '导出 PDF'}
        </button>
        <button className="btn" disabled={print.busy} onClick={() => void print.run()}>打印</button>
      </div>
      <FormError error={save.error ?? print.error} />
      {saved && (
        <div className="notice ok" style={{ marginTop: 12 }}>
          <div>已保存到：</div>
          <div className="saved-file">
            <code data-testid="saved-path">{saved.path}</code>
          </div>
          <div className="row" style={{ marginTop: 8 }}>
            <button className="btn small" onClick={() => void window.host.openPath(saved.path)}>打开文件</button>
            <button className="btn small" onClick={() => void window.host.showInFolder(saved.path)}>打开所在文件夹</button>
          </div>
        </div>
      )}
    </section>
  );
}
