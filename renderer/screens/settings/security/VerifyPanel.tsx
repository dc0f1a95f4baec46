// 校验台账: recompute the seal chain of every signed meeting and say in Chinese whether the
// locked records are unchanged, or which record is the first one that is not. The shell runs it
// in steps beside the user's work (window.host.verifyLedger, db/trust/stepped.ts) and pushes its
// progress; the report is the trust.verify channel's. 校验台账 is quick when the shell's mark
// allows (the core decides and says so in the report); 完整校验 re-hashes every record.
import { useEffect, useState } from 'react';
import { Field } from '../../../forms/Field';
import { FormError } from '../../../forms/FormError';
import { errorFor, useCommand } from '../../../forms/useCommand';
import { LedgerCallError, type OutputOf } from '../../../ledger-client';
import type { VerifyProgress } from '../../../../db/host';
import { formatDateTime } from '../../../dates';

type Report = OutputOf<'trust.verify'>;

const ANCHOR_RESULT: Record<Report['anchors'][number]['result'], string> = {
  match: '一致',
  mismatch: '不一致',
  beyond: '超出现有记录',
  superseded: '属于恢复之前的记录，不再比对',
};

export function VerifyPanel() {
  const [anchor, setAnchor] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<VerifyProgress | null>(null);
  useEffect(() => window.host.onVerifyProgress?.(setProgress), []);
  const [full, setFull] = useState(false);
  const verify = useCommand(async (full: boolean) => {
    setFull(full);
    setReport(null);
    setProgress(null);
    const r = await window.host.verifyLedger({ ...(anchor.trim() ? { anchor: anchor.trim() } : {}), ...(full ? { full: true } : {}) });
    if (!r.ok) throw new LedgerCallError(r.error);
    setReport(r.value);
  });
  return (
    <section className="card" aria-labelledby="verify-title">
      <div className="card-head">
        <h3 id="verify-title">校验台账</h3>
      </div>
      <p className="small muted">
        纪要签发后，该次会议的出席、表态、表决和决定都被锁定并存证。校验会重算存证，发现签发后被改动、删除或补录的记录。平时的校验只逐条重算上次完整校验之后的记录，更早的记录抽查；“完整校验”逐条重算全部记录，每30天至少自动做一次。
      </p>
      <form
        className="row verify-form"
        onSubmit={(e) => {
          e.preventDefault();
          void verify.run(false);
        }}
      >
        <Field label="纪要上的存证码（可不填）" error={errorFor(verify.error, 'anchor')} help="如 26-3f9a2c1b07de，用来核对纸质纪要与台账是否一致">
          <input type="text" value={anchor} onChange={(e) => setAnchor(e.target.value)} />
        </Field>
        <button className="btn primary" type="submit" disabled={verify.busy}>
          {verify.busy && !full ? '正在校验…' : '校验台账'}
        </button>
        <button className="btn" type="button" disabled={verify.busy} onClick={() => void verify.run(true)}>
          {verify.busy && full ? '正在完整校验…' : '完整校验'}
        </button>
      </form>
      {verify.busy && <VerifyRunning progress={progress} />}
      <FormError error={verify.error} fields={['anchor']} />
      {report && <VerifyResult report={report} />}
    </section>
  );
}

const count = (n: number) => n.toLocaleString('zh-CN');

function VerifyRunning({ progress }: { progress: VerifyProgress | null }) {
  return (
    <div className="backup-progress verify-progress" role="status">
      {progress ? (
        <>
          <progress className="bar" value={progress.done} max={Math.max(1, progress.total)} aria-label="校验进度" />
          <span>
            正在核验 {count(progress.done)} / {count(progress.total)} 条记录（可以照常操作）
          </span>
        </>
      ) : (
        <>
          <progress className="bar" aria-label="校验进度" />
          <span>正在读取存证链…</span>
        </>
      )}
    </div>
  );
}

function VerifyResult({ report }: { report: Report }) {
  if (report.state === 'ok') {
    return (
      <div className="notice ok verify-result" role="status" data-verify="ok">
        <strong>核验通过</strong>：{report.sealed > 0 ? report.message.replace(/^核验通过：/, '') : '还没有签发的会议纪要，暂无锁定记录。'}
        {report.headShort && (
          <div className="small">
            存证链末端 <code className="anchor">{report.headShort}</code>（可与纪要上印的存证码核对）
          </div>
        )}
        {report.restores.length > 0 && (
          <div className="small">台账曾从备份恢复：{report.restores.map((r) => `${formatDateTime(r.at)}（备份「${r.from}」）`).join('；')}。</div>
        )}
        {report.anchors.length > 0 && <AnchorList anchors={report.anchors} />}
      </div>
    );
  }
  if (report.state === 'unanchored') {
    // Nothing found changed, but the newest records have no outside anchor yet: say so, not 通过.
    return (
      <div className="notice warn verify-result" role="status" data-verify="unanchored">
        <strong>未发现改动，但有记录尚未锚定</strong>
        <p>{report.message.replace(/^未发现改动：/, '')}</p>
        {report.headShort && (
          <div className="small">
            存证链末端 <code className="anchor">{report.headShort}</code>
          </div>
        )}
        {report.anchors.length > 0 && <AnchorList anchors={report.anchors} />}
      </div>
    );
  }
  const b = report.broken!;
  return (
    <div className="notice error verify-result" role="alert" data-verify="broken">
      <strong>核验未通过</strong>
      <p className="broken-record">{b.message}</p>
      {b.position !== null && <div className="small">位置：存证链第 {b.position} 条</div>}
      <div className="small">请保留此文件，不要继续录入，并用最近一份核验通过的备份对照或恢复。</div>
      {report.anchors.length > 0 && <AnchorList anchors={report.anchors} />}
    </div>
  );
}

function AnchorList({ anchors }: { anchors: Report['anchors'] }) {
  return (
    <details className="small anchors">
      <summary>对照了 {anchors.length} 个外部存证码</summary>
      <ul>
        {anchors.map((a, i) => (
          <li key={i}>
            {a.source}：<code className="anchor">{a.anchor}</code> {ANCHOR_RESULT[a.result]}
          </li>
        ))}
      </ul>
    </details>
  );
}
