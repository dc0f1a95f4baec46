// 新建议题: title, content, 议事清单 事项 (routing R1/R2 is computed by the core), proposer,
// 分管领导, amount for money matters, materials date, 重要事项 flag.
import { useState, type FormEvent } from 'react';
import { useUnsavedGuard } from '../../components/LeaveGuard';
import { PageHead } from '../../components/PageHead';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { useOrg, useOverview } from '../../stores/org';
import { blankItem, ITEM_FIELDS, ItemFields, itemInput, type ItemDraft } from './ItemFields';

export function ItemCreate() {
  const overview = useOverview();
  const matters = useOrg((s) => s.matters);
  const go = useNav((s) => s.go);
  const [draft, setDraft] = useState<ItemDraft>(blankItem);
  const release = useUnsavedGuard(JSON.stringify(draft) !== JSON.stringify(blankItem));

  const save = useCommand(async (submit: boolean) => {
    const item = await call('items.create', {
      orgId: overview.org.id,
      ...itemInput(draft),
      leaderId: draft.leaderId === '' ? undefined : draft.leaderId,
      materialsReadyAt: draft.materialsReadyAt || undefined,
    });
    release();
    if (submit) await call('items.submit', { itemId: item.id });
    notify('ok', submit ? `议题「${item.title}」已提交会前沟通。` : `议题「${item.title}」已保存为草稿。`);
    go({ section: 'items', id: item.id });
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.run(true);
  };

  return (
    <>
      <PageHead title="新建议题" crumbs={<button className="linklike" onClick={() => go({ section: 'items' })}>议题</button>} />
      <div className="content content-narrow">
        <form className="card" onSubmit={onSubmit} noValidate>
          <div className="form">
            <ItemFields draft={draft} onChange={setDraft} error={save.error} matters={matters} leaders={overview.persons.filter((p) => p.leadership)} autoFocus />
          </div>
          <FormError error={save.error} fields={ITEM_FIELDS} />
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={save.busy}>
              保存并提交会前沟通
            </button>
            <button type="button" className="btn" disabled={save.busy} onClick={() => void save.run(false)}>
              仅保存草稿
            </button>
            <button type="button" className="btn" onClick={() => go({ section: 'items' })}>
              取消
            </button>
          </div>
        </form>
      </div>
    </>
  );
}
