// 以更正包替换: a school sent a corrected bundle for a period the district already imported. The
// core checks it first and says which bundle it would replace (district.supersedePreview, nothing
// written); only after the secretary confirms, with a reason, does district.supersede replace it
// (audited; the old bundle is kept, no longer counted).
import { useEffect, useState, type ChangeEvent } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { districtCall, fileBase64, type DistrictOutputOf } from '../../district-client';
import { errorInfo, type LedgerErrorInfo } from '../../ledger-client';
import { notify } from '../../stores/notices';

type Preview = DistrictOutputOf<'district.supersedePreview'>;

type Outcome = DistrictOutputOf<'district.supersede'>;

/**
 * `file`: a bundle the import refused because its period is covered, checked at once as the
 * correction; `onReplaced` hears what district.supersede answered for it.
 */
export function SupersedePanel({ file, onDone, onReplaced, onClose }: { file?: File; onDone: () => Promise<void>; onReplaced?: (file: File, outcome: Outcome) => void; onClose: () => void }) {
  const [refusal, setRefusal] = useState<LedgerErrorInfo | null>(null);
  const [pending, setPending] = useState<{ base64: string; preview: Preview } | null>(null);
  const [reason, setReason] = useState('');
  const check = useCommand(async (file: File) => {
    setRefusal(null);
    const base64 = await fileBase64(file);
    try {
      setPending({ base64, preview: await districtCall('district.supersedePreview', { base64 }) });
    } catch (e) {
      setRefusal(errorInfo(e));
    }
  });
  useEffect(() => {
    if (file) void check.run(file);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per file handed over from the import's result list
  }, [file]);
  const replace = useCommand(async () => {
    if (!pending) return;
    const outcome = await districtCall('district.supersede', { base64: pending.base64, reason });
    if (file) onReplaced?.(file, outcome);
    setPending(null);
    setReason('');
    await onDone();
    notify('ok', outcome.message);
    onClose();
  });
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void check.run(file);
  };
  const p = pending?.preview;
  return (
    <section className="card" aria-label="以更正包替换">
      <div className="card-head">
        <h2>以更正包替换</h2>
        <div className="actions">
          <button type="button" className="btn small" onClick={onClose}>关闭</button>
        </div>
      </div>
      <p className="muted small">学校对已报送的期间重新制作了更正包时，在这里替换。先核验更正包并说明将替换哪一份报送包，确认并写明理由后才替换；原报送包保留备查，不再计入指标，替换记入操作记录。</p>
      <div className="form-actions">
        <label className="btn">
          {check.busy ? '正在核验…' : '选择更正包…'}
          <input type="file" hidden accept=".yishi-bundle" aria-label="选择更正包" onChange={onFile} />
        </label>
      </div>
      {refusal && (
        <div className="notice error" role="alert" aria-label="更正包不能替换">
          <strong>不能替换：</strong>
          {refusal.message}
          <span className="muted">（区域台账未作任何改动）</span>
        </div>
      )}
      <FormError error={check.error} />
      {p && (
        <ConfirmDialog
          title="以更正包替换报送包"
          consequence={
            <>
              将用{p.by.madeAt}制作的更正包，替换{p.what}的报送包。原报送包{p.replaces.madeAt}制作、{p.replaces.importedAt}导入，保留备查，不再计入指标。
            </>
          }
          confirmLabel="确认替换"
          danger
          busy={replace.busy}
          onConfirm={() => void replace.run()}
          onCancel={() => {
            setPending(null);
            replace.clear();
          }}
        >
          <dl className="supersede-compare small">
            <dt>原报送包内容</dt>
            <dd>{p.replaces.contents || '没有记录'}</dd>
            <dt>更正包内容</dt>
            <dd>{p.by.contents || '没有记录'}</dd>
          </dl>
          <Field label="替换理由" required error={errorFor(replace.error, 'reason')}>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <FormError error={replace.error} fields={['reason']} />
        </ConfirmDialog>
      )}
    </section>
  );
}
