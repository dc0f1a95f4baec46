// 文书: what the school calls its committee's meetings (bodies.rename) and its papers — the 纪要
// heading, the 印发机关 and 抄送 of the 版记 (org.setDocumentNames). Blank means the usual form for
// the party organisation's type, which the core computes and shows as the placeholder. Both are
// audited writes; documents generated afterwards use them, signed 纪要 keep theirs.
import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { bodyOfKind, useOrg, useOverview } from '../../stores/org';
import { useRead } from './useRead';

export function DocumentsPanel() {
  const overview = useOverview();
  const { org } = overview;
  const reloadOrg = useOrg((s) => s.load);
  const committee = bodyOfKind(overview, 'party_committee');
  const names = useRead('org.documentNames', { orgId: org.id });
  const [bodyName, setBodyName] = useState(committee?.name ?? '');
  const [heading, setHeading] = useState('');
  const [issuer, setIssuer] = useState('');
  const [copyTo, setCopyTo] = useState('');
  useEffect(() => {
    const own = names.value?.own;
    if (!own) return;
    setHeading(own.minutesHeading ?? '');
    setIssuer(own.issuingOffice ?? '');
    setCopyTo(own.copyTo ?? '');
  }, [names.value]);

  const rename = useCommand(async () => {
    await call('bodies.rename', { bodyId: committee!.id, name: bodyName });
    await reloadOrg();
    notify('ok', `会议名称已改为「${bodyName.trim()}」，此后的会议和文书按新名称。`);
  });
  const save = useCommand(async () => {
    await call('org.setDocumentNames', { orgId: org.id, minutesHeading: heading, issuingOffice: issuer, copyTo });
    await names.reload();
    notify('ok', '文书设置已保存，此后生成的纪要按新设置；已签发的纪要不变。');
  });
  const usual = names.value?.usual;
  const own = names.value?.own;
  const dirty = own != null && (heading !== (own.minutesHeading ?? '') || issuer !== (own.issuingOffice ?? '') || copyTo !== (own.copyTo ?? ''));

  return (
    <div className="grid-2">
      {committee && (
        <form className="card" aria-label="会议名称" onSubmit={(e: FormEvent) => { e.preventDefault(); void rename.run(); }} noValidate>
          <h2>会议名称</h2>
          <p className="muted small">按党组织类型（{org.partyKind}）命名；也可按本校习惯，如“党委会”。会议标题（如 2026年第3次{committee.name}）随之改变。</p>
          <div className="form">
            <Field label="党组织的委员会会议" required wide error={errorFor(rename.error, 'name')}>
              <input type="text" value={bodyName} onChange={(e) => setBodyName(e.target.value)} />
            </Field>
          </div>
          <FormError error={rename.error} fields={['name']} />
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={rename.busy || bodyName.trim() === committee.name}>保存会议名称</button>
          </div>
        </form>
      )}
      <form className="card" aria-label="纪要与版记" onSubmit={(e: FormEvent) => { e.preventDefault(); void save.run(); }} noValidate>
        <h2>纪要与版记</h2>
        <p className="muted small">留空即用通常写法（框内灰字）。印发日期为签发之日。</p>
        <div className="form">
          <Field label="纪要标题" wide error={errorFor(save.error, 'minutesHeading')} help={`${committee?.name ?? '党组织会议'}纪要的红色标题`}>
            <input type="text" value={heading} placeholder={usual?.minutesHeading ?? ''} onChange={(e) => setHeading(e.target.value)} />
          </Field>
          <Field label="印发机关" wide error={errorFor(save.error, 'issuingOffice')} help="版记中的印发机关，也是会议通知的落款">
            <input type="text" value={issuer} placeholder={usual?.issuingOffice ?? ''} onChange={(e) => setIssuer(e.target.value)} />
          </Field>
          <Field label="抄送" wide error={errorFor(save.error, 'copyTo')} help="可不填；多个机关用顿号隔开，如：县委教育工委、县教育局">
            <input type="text" value={copyTo} onChange={(e) => setCopyTo(e.target.value)} />
          </Field>
        </div>
        <FormError error={save.error ?? names.error} fields={['minutesHeading', 'issuingOffice', 'copyTo']} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={save.busy || !dirty}>保存文书设置</button>
        </div>
      </form>
    </div>
  );
}
