// 单位名称: the district's own name (教育工委/教育局), printed on the 汇总报告, the 检查表 and the key
// file. A new district ledger starts as 区教育工委 until the secretary writes the real one here.
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { districtCall } from '../../district-client';
import { notify } from '../../stores/notices';

export function DistrictNameCard({ name, onSaved }: { name: string; onSaved: () => Promise<void> }) {
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const save = useCommand(async () => {
    const saved = await districtCall('district.rename', { name: draft });
    await onSaved();
    notify('ok', `单位名称已改为「${saved.name}」。`);
  });
  return (
    <form className="card" aria-label="单位名称" onSubmit={(e: FormEvent) => { e.preventDefault(); void save.run(); }} noValidate>
      <h2>单位名称</h2>
      <p className="muted small">印在汇总报告、检查表和报送公钥文件上，请写本单位的全称，如：青山县委教育工委、青山县教育局。</p>
      <div className="form">
        <Field label="单位名称" required error={errorFor(save.error, 'name')}>
          <input type="text" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </Field>
      </div>
      <FormError error={save.error} fields={['name']} />
      <div className="form-actions">
        <button type="submit" className="btn" disabled={save.busy || draft === name}>保存名称</button>
      </div>
    </form>
  );
}
