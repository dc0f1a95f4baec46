// 备份: back up now (to the data folder, or to a USB stick chosen through the shell), the list of
// backups with time, size, meetings and whether each one verifies, and the way into 恢复.
import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../../dates';
import { FormError } from '../../../forms/FormError';
import { useCommand } from '../../../forms/useCommand';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../../../ledger-client';
import { notify } from '../../../stores/notices';
import { fileSize, hostMessage, REASON, type BackupEntry } from './format';
import { RestorePreview } from './RestorePreview';

type Listing = OutputOf<'backup.list'>;
type Check = { state: 'checking' } | { state: 'ok' } | { state: 'bad'; problems: string[] };

/** Backups verified automatically when listed (each is read whole); older ones on 预览. */
const AUTO_CHECK = 10;

export function BackupPanel() {
  const [folder, setFolder] = useState<string | null>(null);
  const [listing, setListing] = useState<Listing | null>(null);
  const [listError, setListError] = useState<LedgerErrorInfo | null>(null);
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [made, setMade] = useState<{ entry: BackupEntry; exported: boolean } | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);

  const load = useCallback(async (dir: string | null) => {
    try {
      const l = await call('backup.list', dir ? { folder: dir } : {});
      setListing(l);
      setListError(null);
      const first = l.backups.filter((b) => b.present).slice(0, AUTO_CHECK);
      setChecks(Object.fromEntries(first.map((b) => [b.path, { state: 'checking' } as Check])));
      // One at a time: each check copies and reads a whole backup; the UI stays responsive.
      for (const b of first) {
        const p = await call('backup.preview', { file: b.path }).catch(() => null);
        setChecks((c) => ({ ...c, [b.path]: p?.ok ? { state: 'ok' } : { state: 'bad', problems: p?.problems ?? ['无法读取'] } }));
      }
    } catch (e) {
      setListError(errorInfo(e));
    }
  }, []);

  useEffect(() => {
    void load(folder);
  }, [folder, load]);

  const create = useCommand(async (to?: string) => {
    setMade(null);
    const entry = await call('backup.create', to ? { folder: to } : {});
    setMade({ entry, exported: Boolean(to) });
    notify('ok', to ? `备份已导出到「${to}」` : '备份完成');
    if ((to ?? null) === folder) await load(folder);
  });

  const exportTo = useCommand(async () => {
    let to: string | null;
    try {
      to = await window.host.chooseFolder({ title: '选择备份要保存到的文件夹（如U盘）' });
    } catch (e) {
      throw new Error(hostMessage(e));
    }
    if (to) await create.run(to);
  });

  async function otherFolder() {
    try {
      const to = await window.host.chooseFolder({ title: '选择存放备份的文件夹（如U盘）' });
      if (to) setFolder(to);
    } catch (e) {
      notify('error', hostMessage(e));
    }
  }

  const busy = create.busy || exportTo.busy;
  const backups = listing?.backups ?? [];
  return (
    <section className="card" aria-labelledby="backup-title">
      <div className="card-head">
        <h3 id="backup-title">备份与恢复</h3>
        <div className="actions">
          <button className="btn primary" type="button" disabled={busy} onClick={() => void create.run()}>
            立即备份
          </button>
          <button className="btn" type="button" disabled={busy} onClick={() => void exportTo.run()}>
            导出到U盘或其他文件夹…
          </button>
        </div>
      </div>
      <p className="small muted">
        程序启动时（自上次备份后台账有改动时）和每次签发纪要后会自动备份到数据文件夹，保留最近10份和30天内每天一份。建议每月把一份备份导出到U盘，放在办公室以外。
      </p>
      {busy && (
        <div className="backup-progress" role="status">
          <progress className="bar" aria-label="备份进度" />
          <span>正在备份：复制台账并自检，请不要关闭程序…</span>
        </div>
      )}
      {made && !busy && (
        <div className="backup-progress done" role="status">
          <progress className="bar" value={1} max={1} aria-label="备份进度" />
          <span>
            备份完成：{made.entry.file}（{fileSize(made.entry.bytes)}，{made.entry.meetings} 次会议）
            {made.exported && (
              <button className="linklike" type="button" onClick={() => void window.host.showInFolder(made.entry.path).catch((e: unknown) => notify('error', hostMessage(e)))}>
                打开所在文件夹
              </button>
            )}
          </span>
        </div>
      )}
      <FormError error={create.error ?? exportTo.error} />

      <div className="row backup-folder">
        <span className="small muted">
          {folder ? '正在查看' : '数据文件夹中的备份'}：<span className="path">{listing?.folder ?? '…'}</span>
        </span>
        {folder ? (
          <button className="btn small" type="button" onClick={() => setFolder(null)}>回到数据文件夹的备份</button>
        ) : (
          <button className="btn small" type="button" onClick={() => void otherFolder()}>查看U盘或其他文件夹中的备份…</button>
        )}
      </div>
      <FormError error={listError} />
      {listing && backups.length === 0 && <div className="empty"><strong>这里还没有备份</strong>点“立即备份”做第一份。</div>}
      {backups.length > 0 && (
        <table className="list backups" aria-label="备份列表">
          <thead>
            <tr><th>备份时间</th><th>方式</th><th>大小</th><th>会议</th><th>存证码</th><th>核验</th><th /></tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.path} data-backup={b.file}>
                <td className="num">{formatDateTime(b.at)}</td>
                <td>{REASON[b.reason]}</td>
                <td className="num">{fileSize(b.bytes)}</td>
                <td className="num">{b.meetings} 次（{b.signedMinutes} 份已签发）</td>
                <td><code className="anchor">{b.chain?.short ?? '—'}</code></td>
                <td><CheckBadge present={b.present} check={checks[b.path]} /></td>
                <td className="actions">
                  <button className="btn small" type="button" onClick={() => setPreviewing(b.path)} aria-label={`预览 ${formatDateTime(b.at)} 的备份`}>
                    预览与恢复
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {previewing && <RestorePreview file={previewing} onClose={() => setPreviewing(null)} />}
    </section>
  );
}

function CheckBadge({ present, check }: { present: boolean; check?: Check }) {
  if (!present) return <span className="badge bad" title="备份文件不见了或大小不对">文件缺失</span>;
  if (!check) return <span className="badge" title="点“预览与恢复”核验">未核验</span>;
  if (check.state === 'checking') return <span className="badge">核验中…</span>;
  if (check.state === 'ok') return <span className="badge ok">核验通过</span>;
  return <span className="badge bad" title={check.problems.join('\n')}>不可用</span>;
}
