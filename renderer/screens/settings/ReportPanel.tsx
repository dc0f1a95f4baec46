// 报送: the school's signing-key fingerprint (printed for registration with the district), the
// district's public key imported from its file, and making a 报送包 for a period. The core makes,
// signs, seals and records the bundle; this panel only asks and saves the bytes it returns.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call, type OutputOf } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useRead } from './useRead';

export function ReportPanel() {
  const { org } = useOverview();
  const key = useRead('report.key', {});
  const history = useRead('report.history', { orgId: org.id });
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [label, setLabel] = useState('');
  const [seal, setSeal] = useState(true);
  const [preview, setPreview] = useState<OutputOf<'report.preview'> | null>(null);
  // Sealing needs the district's key: without it the box is off and says why.
  const hasKey = !!key.value?.district;

  const importKey = useCommand(async (text: string) => {
    const k = await call('report.setDistrictKey', { text });
    await key.reload();
    notify('ok', `已导入${k.name}的公钥，此后的报送包为其加密。`);
  });
  const look = useCommand(async () => setPreview(await call('report.preview', { orgId: org.id, from, to, label })));
  const make = useCommand(async () => {
    const made = await call('report.make', { orgId: org.id, from, to, label, seal: seal && hasKey });
    await history.reload();
    const saved = await window.host.saveFile({ base64: made.base64, fileName: made.fileName });
    notify('ok', saved ? `报送包已保存（${made.sealed ? '已加密' : '未加密'}）。` : '报送包已制作并登记，但没有保存文件。');
  });
  const onKeyFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void file.text().then((text) => importKey.run(text));
  };

  return (
    <div className="grid-2">
      <section className="card" aria-label="报送密钥">
        <h2>本校报送密钥</h2>
        <p className="muted small">区教育工委按这串指纹登记本校；请打印后盖章报送。</p>
        <p className="fingerprint" aria-label="密钥指纹">{key.value?.fingerprint ?? '…'}</p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => window.print()}>打印指纹</button>
        </div>
        <h2 style={{ marginTop: 20 }}>区里的公钥</h2>
        <p className="small">{key.value?.district ? `${key.value.district.name}（指纹 ${key.value.district.fingerprint}）` : '尚未导入：报送包将不加密。'}</p>
        <label className="btn">
          导入公钥文件…
          <input type="file" hidden accept=".yishi-district-key" onChange={onKeyFile} />
        </label>
        <FormError error={importKey.error} fields={[]} />
      </section>
      <form className="card" aria-label="制作报送包" onSubmit={(e: FormEvent) => { e.preventDefault(); void make.run(); }} noValidate>
        <h2>制作报送包</h2>
        <div className="form">
          <Field label="开始日期" required error={errorFor(make.error ?? look.error, 'from')}>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
          <Field label="结束日期" required error={errorFor(make.error ?? look.error, 'to')}>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          <Field label="期间名称" wide>
            <input type="text" value={label} placeholder="如 2025—2026学年第二学期" onChange={(e) => setLabel(e.target.value)} />
          </Field>
          <label className="check" style={{ gridColumn: '1 / -1' }}>
            <input type="checkbox" checked={seal && hasKey} disabled={!hasKey} onChange={(e) => setSeal(e.target.checked)} /> 为区里加密{hasKey ? '' : '（先在左边导入区里的公钥文件）'}
          </label>
        </div>
        {preview && (
          <div className="small" aria-label="报送包内容">
            <p>{preview.school}·{preview.period}：{preview.chain}</p>
            <p>{preview.contents.map((c) => `${c.label}${c.count}条`).join('，')}</p>
          </div>
        )}
        <FormError error={make.error ?? look.error} fields={['from', 'to']} />
        {make.busy && (
          <div className="backup-progress" role="status">
            <progress className="bar" aria-label="制作进度" />
            <span>正在制作报送包：读取本期的记录和存证链，签名{seal && hasKey ? '、加密' : ''}；十年的台账约需几秒钟…</span>
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" disabled={look.busy} onClick={() => void look.run()}>预览内容</button>
          <button type="submit" className="btn primary" disabled={make.busy}>{make.busy ? '正在制作…' : '制作并保存'}</button>
        </div>
        {history.value && history.value.length > 0 && <h3 style={{ marginTop: 16 }}>已制作的报送包</h3>}
        {history.value && history.value.length > 0 && (
          <table className="list small" aria-label="已制作的报送包">
            <thead><tr><th>期间</th><th>制作时间</th><th>存证链</th><th>加密</th></tr></thead>
            <tbody>
              {history.value.map((h) => (
                <tr key={h.id}><td>{h.period}</td><td>{h.madeAt}</td><td>{h.chain}</td><td>{h.sealed}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </form>
    </div>
  );
}
