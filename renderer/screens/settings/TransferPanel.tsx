// 设置 → 拆分与合并 (集团化办学): write one organisation into a ledger file of its own
// (orgs.splitPreview → choose where → confirm → orgs.split), or bring a school's own ledger file
// in as a campus (choose the file → orgs.mergePreview → confirm → orgs.merge). Every check and
// every number is the core's; the file is chosen through the shell (.sqlite only).
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call, type OutputOf } from '../../ledger-client';
import { notify } from '../../stores/notices';
import type { TransferProgress } from '../../../db/host';

type Orgs = OutputOf<'orgs.list'>['orgs'];

/**
 * 拆分/合并 run in the shell's worker thread; the phases it pushes show as a bar (the window keeps
 * answering meanwhile). What the phases are called is the core's (db/transfer/progress.ts).
 */
function useTransferProgress(): [TransferProgress | null, () => void] {
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  useEffect(() => window.host.onTransferProgress?.(setProgress), []);
  return [progress, () => setProgress(null)];
}

function TransferRunning({ verb, progress }: { verb: string; progress: TransferProgress | null }) {
  const finishing = progress !== null && progress.done >= progress.total;
  return (
    <div className="backup-progress verify-progress" role="status" aria-label={`${verb}进度`}>
      {progress ? <progress className="bar" value={progress.done} max={Math.max(1, progress.total)} /> : <progress className="bar" />}
      <span>
        {progress === null
          ? `正在准备${verb}…`
          : finishing
            ? `${verb}即将完成…`
            : `正在${verb}：${progress.phase}（第${progress.done + 1}步，共${progress.total}步）`}
      </span>
    </div>
  );
}
type Counts = OutputOf<'orgs.splitPreview'>['counts'];

function CountTable({ counts, label }: { counts: Counts; label: string }) {
  return (
    <table className="list" aria-label={label}>
      <thead>
        <tr><th>记录</th><th>数量</th></tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.kind}><td>{c.label}</td><td>{c.count}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function TransferPanel() {
  const [orgs, setOrgs] = useState<Orgs>([]);
  const load = useCommand(async () => setOrgs((await call('orgs.list', {})).orgs));
  useEffect(() => {
    void load.run();
  }, []);
  return (
    <div className="card" aria-label="拆分与合并">
      <h2>拆分与合并台账</h2>
      <p className="muted small">
        校区离开集团时，可以把它拆分为单独的台账文件；学校加入集团时，可以把学校自己的台账并入集团台账。
        两种操作都先核验、先预览，所选的原文件都不会被改动。
      </p>
      <FormError error={load.error} />
      <SplitSection orgs={orgs} />
      <MergeSection orgs={orgs} onMerged={() => void load.run()} />
    </div>
  );
}

function SplitSection({ orgs }: { orgs: Orgs }) {
  const [orgId, setOrgId] = useState<number | null>(null);
  const [preview, setPreview] = useState<OutputOf<'orgs.splitPreview'> | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [done, setDone] = useState<OutputOf<'orgs.split'> | null>(null);
  const [progress, resetProgress] = useTransferProgress();
  const chosen = orgId ?? orgs[orgs.length - 1]?.id ?? null;
  const look = useCommand(async () => {
    if (chosen === null) return;
    setDone(null);
    setPreview(await call('orgs.splitPreview', { orgId: chosen }));
  });
  const where = useCommand(async () => {
    if (!preview) return;
    const file = await window.host.chooseLedgerFile({ title: '保存拆分出的台账', mode: 'save', fileName: `${preview.orgName}台账.sqlite` });
    if (file) setTarget(file);
  });
  const split = useCommand(async () => {
    if (!preview || !target) return;
    resetProgress();
    const r = await call('orgs.split', { orgId: preview.orgId, file: target }).finally(() => setTarget(null));
    setDone(r);
    setPreview(null);
    notify('ok', r.message);
  });
  return (
    <section aria-label="拆分台账">
      <h3>把一个组织拆分为单独的台账</h3>
      <div className="form" style={{ maxWidth: 420 }}>
        <Field label="要拆分的组织">
          <select value={chosen ?? ''} onChange={(e) => { setOrgId(Number(e.target.value)); setPreview(null); setDone(null); }}>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>{o.parentName ? `${o.name}（${o.parentName}）` : o.name}</option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="btn" disabled={chosen === null || look.busy} onClick={() => void look.run()}>预览拆分</button>
      </div>
      <FormError error={look.error ?? where.error ?? split.error} />
      {preview && (
        <div aria-label="拆分预览">
          <p>「{preview.orgName}」的以下记录将写入新的台账文件：</p>
          <CountTable counts={preview.counts} label="将写入新台账的记录" />
          <ul className="small">{preview.notes.map((n) => <li key={n}>{n}</li>)}</ul>
          <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" className="btn primary" disabled={where.busy || split.busy} onClick={() => void where.run()}>选择保存位置并拆分…</button>
          </div>
        </div>
      )}
      {split.busy && !target && <TransferRunning verb="拆分" progress={progress} />}
      {done && (
        <div className="notice ok" role="status" aria-label="拆分结果">
          <p>{done.message}</p>
          <p className="small">新台账：{done.file}</p>
          <p className="small">新台账的核验结果：{done.verify.message}</p>
        </div>
      )}
      {target && preview && (
        <ConfirmDialog
          title="拆分台账"
          consequence={`将把「${preview.orgName}」写入新的台账文件「${target.split(/[\\/]/).pop()}」。当前台账不做任何改动。`}
          confirmLabel="拆分"
          busy={split.busy}
          // While it runs, closing the dialog leaves it running (the bar then shows on the page).
          cancelLabel={split.busy ? '在后台继续' : '取消'}
          onConfirm={() => void split.run()}
          onCancel={() => setTarget(null)}
        >
          {split.busy && <TransferRunning verb="拆分" progress={progress} />}
        </ConfirmDialog>
      )}
    </section>
  );
}

function MergeSection({ orgs, onMerged }: { orgs: Orgs; onMerged: () => void }) {
  const tops = orgs.filter((o) => o.parentId === null);
  const [parentId, setParentId] = useState<number | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<OutputOf<'orgs.mergePreview'> | null>(null);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<OutputOf<'orgs.merge'> | null>(null);
  const [progress, resetProgress] = useTransferProgress();
  const parent = parentId ?? tops[0]?.id ?? null;
  const choose = useCommand(async () => {
    if (parent === null) return;
    setDone(null);
    setPreview(null);
    const f = await window.host.chooseLedgerFile({ title: '选择学校自己的台账文件', mode: 'open' });
    if (!f) return;
    setFile(f);
    setPreview(await call('orgs.mergePreview', { file: f, parentId: parent }));
  });
  const merge = useCommand(async () => {
    if (!file || !preview || parent === null) return;
    resetProgress();
    const r = await call('orgs.merge', { file, parentId: parent }).finally(() => setAsking(false));
    setDone(r);
    setPreview(null);
    setFile(null);
    notify('ok', r.message);
    onMerged();
  });
  return (
    <section aria-label="合并台账">
      <h3>把学校自己的台账并入集团台账</h3>
      <div className="form" style={{ maxWidth: 420 }}>
        <Field label="并入哪个集团党委之下">
          <select value={parent ?? ''} onChange={(e) => { setParentId(Number(e.target.value)); setPreview(null); }}>
            {tops.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </Field>
      </div>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="btn" disabled={parent === null || choose.busy} onClick={() => void choose.run()}>选择学校台账文件…</button>
      </div>
      {choose.busy && <p className="muted" role="status">正在核验所选台账…</p>}
      <FormError error={choose.error ?? merge.error} />
      {preview && (
        <div aria-label="合并预览">
          <p>「{preview.orgName}」将并入「{preview.parentName}」。所选台账已通过核验，将带入以下记录：</p>
          <CountTable counts={preview.counts} label="将并入的记录" />
          <ul className="small">{preview.notes.map((n) => <li key={n}>{n}</li>)}</ul>
          <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
            <button type="button" className="btn primary" disabled={merge.busy} onClick={() => setAsking(true)}>并入</button>
          </div>
        </div>
      )}
      {merge.busy && !asking && <TransferRunning verb="合并" progress={progress} />}
      {done && <div className="notice ok" role="status" aria-label="合并结果">{done.message}</div>}
      {asking && preview && (
        <ConfirmDialog
          title="合并台账"
          consequence={`将把「${preview.orgName}」作为「${preview.parentName}」的校区并入本台账；同一个学校的台账不能再次并入。`}
          confirmLabel="并入"
          busy={merge.busy}
          cancelLabel={merge.busy ? '在后台继续' : '取消'}
          onConfirm={() => void merge.run()}
          onCancel={() => setAsking(false)}
        >
          {merge.busy && <TransferRunning verb="合并" progress={progress} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
