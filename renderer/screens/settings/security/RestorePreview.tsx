// One backup looked at before restoring: its date, the meetings it holds, whether it verifies;
// then a confirmation that says the current file is saved first. A refused backup says why.
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../../dates';
import { call, errorInfo, type OutputOf } from '../../../ledger-client';
import { fileSize, hostMessage, REASON, type Preview } from './format';
import { rememberRestored } from './restored';

type Plan = OutputOf<'backup.restore'>;

export function RestorePreview({ file, onClose }: { file: string; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    call('backup.preview', { file })
      .then(setPreview)
      .catch((e: unknown) => setError(errorInfo(e).message));
  }, [file]);

  async function askRestore() {
    setBusy(true);
    setError(null);
    try {
      setPlan(await call('backup.restore', { file }));
    } catch (e) {
      setError(errorInfo(e).message);
    } finally {
      setBusy(false);
    }
  }

  async function restore() {
    setBusy(true);
    setError(null);
    try {
      const done = await window.host.restoreBackup({ file });
      // Told after the reload, on this same screen (the route is kept in the address).
      rememberRestored({ ...done, at: preview?.manifest?.at ?? null, meetings: preview?.counts.meetings ?? 0 });
      location.reload();
    } catch (e) {
      setError(hostMessage(e));
      setBusy(false);
    }
  }

  const m = preview?.manifest;
  return (
    <dialog ref={dialog} className="modal restore-dialog" aria-labelledby="restore-title" onClose={onClose} onCancel={onClose}>
      <div className="card-head">
        <h2 id="restore-title">{plan ? '确认恢复' : '备份内容预览'}</h2>
        <button className="btn small actions" type="button" onClick={() => dialog.current?.close()} disabled={busy}>
          关闭
        </button>
      </div>
      {!preview && !error && <div className="empty">正在核验备份…</div>}
      {preview && !plan && (
        <>
          <dl className="facts">
            <dt>备份时间</dt>
            <dd>{m ? formatDateTime(m.at) : '—（缺少说明文件）'}</dd>
            <dt>方式</dt>
            <dd>{m ? REASON[m.reason] : '—'}</dd>
            <dt>内容</dt>
            <dd>
              {preview.counts.meetings} 次会议（{preview.counts.signedMinutes} 份纪要已签发），{preview.counts.items} 个议题
              {m && <span className="muted">，{fileSize(m.bytes)}</span>}
            </dd>
            <dt>存证</dt>
            <dd>{preview.chain ? `${preview.chain.message}${preview.chain.headShort ? `（${preview.chain.headShort}）` : ''}` : '—'}</dd>
            <dt>文件</dt>
            <dd className="small muted path">{preview.file}</dd>
          </dl>
          {preview.ok ? (
            <div className="notice ok" role="status">这份备份完整，核验通过，可以用于恢复。</div>
          ) : (
            <div className="notice error" role="alert" data-refused="true">
              <strong>这份备份不能用于恢复：</strong>
              <ul>
                {preview.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
              请在列表中另选一份核验通过的备份。
            </div>
          )}
          {preview.meetings.length > 0 && (
            <div className="meetings-in-backup">
              <table className="list">
                <thead>
                  <tr><th>会议</th><th>时间</th><th>纪要</th></tr>
                </thead>
                <tbody>
                  {preview.meetings.map((x) => (
                    <tr key={x.id}>
                      <td>{x.title}</td>
                      <td>{formatDateTime(x.startsAt)}</td>
                      <td>{x.minutesSigned ? <span className="badge ok">已签发</span> : <span className="badge">未签发</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.ok && (
            <div className="form-actions">
              <button className="btn primary" type="button" disabled={busy} onClick={() => void askRestore()}>
                用这份备份恢复…
              </button>
            </div>
          )}
        </>
      )}
      {plan && (
        <>
          <p>{plan.message}</p>
          <div className="notice info">
            恢复会先把<strong>现在的台账另存为一份备份</strong>（列表中显示为“恢复前保存”），如果恢复错了，可以再用那一份恢复回来。此备份之后录入的内容，恢复后需要重新录入。
          </div>
          {!plan.sameLedger && (
            <div className="notice warn" role="alert">注意：这份备份来自另一个台账文件（其他学校，或重新建立过的台账）。请确认这就是要用的台账。</div>
          )}
          <div className="form-actions">
            <button className="btn danger" type="button" disabled={busy} onClick={() => void restore()} autoFocus>
              {busy ? '正在恢复…' : '确认恢复'}
            </button>
            <button className="btn" type="button" disabled={busy} onClick={() => setPlan(null)}>
              返回
            </button>
          </div>
          {busy && <progress className="bar" aria-label="恢复进度" />}
        </>
      )}
      {error && <div className="notice error" role="alert">{error}</div>}
    </dialog>
  );
}
