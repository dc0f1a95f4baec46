// Putting an 议题 right: 修改 (every field while prepared, on an agenda only the title, 分管领导
// and materials date — the core says which through detail.correct), 撤回 with a reason (kept as
// 已撤回), and 复制为新草稿. Each correction is kept with before → after.
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { ItemDetail } from '../../stores/items';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { useOrg, useOverview } from '../../stores/org';
import { ITEM_FIELDS, ItemFields, itemInput, type ItemDraft } from './ItemFields';

const draftOf = (d: ItemDetail): ItemDraft => ({
  title: d.item.title,
  summary: d.item.summary,
  matterId: d.item.matterId,
  proposerId: d.item.proposerId,
  leaderId: d.item.leaderId ?? '',
  amount: d.item.amount == null ? '' : String(d.item.amount),
  materialsReadyAt: d.item.materialsReadyAt ?? '',
  important: d.item.important,
});

export function ItemEditForm({ detail, onDone }: { detail: ItemDetail; onDone(changed: boolean): void }) {
  const overview = useOverview();
  const matters = useOrg((s) => s.matters);
  const initial = draftOf(detail);
  const [draft, setDraft] = useState(initial);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const release = useUnsavedGuard(dirty);
  const limited = detail.correct.edit === 'limited';
  const save = useCommand(async () => {
    const all = { ...itemInput(draft), leaderId: draft.leaderId === '' ? null : draft.leaderId, materialsReadyAt: draft.materialsReadyAt || null };
    // On an agenda only what may change is sent: the rest stays as the gate checked it.
    const input = limited ? { title: all.title, leaderId: all.leaderId, materialsReadyAt: all.materialsReadyAt } : { ...all, amount: all.amount ?? null };
    const out = await call('items.update', { itemId: detail.item.id, ...input });
    release();
    notify('ok', out.state !== detail.item.state ? `议题已修改，状态变为「${out.stateLabel}」。` : '议题已修改，修改记录已保存。');
    onDone(true);
  });
  return (
    <section className="card" aria-label="修改议题">
      <h2>修改议题</h2>
      {limited && <p className="muted small">议题已列入会议议程：可以更正名称、分管领导和材料送达日期；其他内容须先从议程中移出再修改。</p>}
      <div className="form">
        <ItemFields draft={draft} onChange={setDraft} error={save.error} matters={matters} leaders={overview.persons.filter((p) => p.leadership)} limited={limited} autoFocus />
      </div>
      <FormError error={save.error} fields={ITEM_FIELDS} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy || !dirty} onClick={() => void save.run()}>保存修改</button>
        <button className="btn" onClick={() => { release(); onDone(false); }}>取消</button>
      </div>
    </section>
  );
}

export function WithdrawItemButton({ detail, onDone }: { detail: ItemDetail; onDone(): void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useCommand(async () => {
    await call('items.withdraw', { itemId: detail.item.id, reason });
    setAsking(false);
    notify('ok', '议题已撤回，仍保留在台账中。');
    onDone();
  });
  if (detail.correct.withdrawRefusal !== null) return null;
  return (
    <>
      <button className="btn danger" onClick={() => { withdraw.clear(); setAsking(true); }}>撤回议题…</button>
      {asking && (
        <ConfirmDialog
          title="撤回议题？"
          consequence="撤回后议题不再上会，保留在台账中，标为「已撤回」；以后如需重新提出，可以复制为新草稿。"
          confirmLabel="撤回议题"
          cancelLabel="不撤回"
          danger
          busy={withdraw.busy}
          onConfirm={() => void withdraw.run()}
          onCancel={() => setAsking(false)}
        >
          <Field label="撤回理由" required error={errorFor(withdraw.error, 'reason')}>
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：情况变化，暂不需要决定" />
          </Field>
          <FormError error={withdraw.error} fields={['reason']} />
        </ConfirmDialog>
      )}
    </>
  );
}

export function CopyItemButton({ itemId }: { itemId: number }) {
  const go = useNav((s) => s.go);
  const copy = useCommand(async () => {
    const out = await call('items.copy', { itemId });
    notify('ok', `已复制为新草稿「${out.title}」，可修改后提交。`);
    go({ section: 'items', id: out.id });
  });
  return (
    <>
      <button className="btn" disabled={copy.busy} onClick={() => void copy.run()}>复制为新草稿</button>
      {copy.error && <FormError error={copy.error} />}
    </>
  );
}
