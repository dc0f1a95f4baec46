// 新建议题: title, content, 议事清单 事项 (routing R1/R2 is computed by the core), proposer,
// 分管领导, amount for money matters, materials date, 重要事项 flag.
import { useState, type FormEvent } from 'react';
import { PageHead } from '../../components/PageHead';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { useBodyName, useOrg, useOverview } from '../../stores/org';
import { MatterSelect, matterFacts } from './MatterSelect';

const FIELDS = ['title', 'summary', 'matterId', 'proposerId', 'leaderId', 'amount', 'materialsReadyAt'];

export function ItemCreate() {
  const overview = useOverview();
  const bodyName = useBodyName();
  const matters = useOrg((s) => s.matters);
  const go = useNav((s) => s.go);
  const leaders = overview.persons.filter((p) => p.leadership);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [matterId, setMatterId] = useState<number | ''>('');
  const [proposerId, setProposerId] = useState<number | ''>('');
  const [leaderId, setLeaderId] = useState<number | ''>('');
  const [amount, setAmount] = useState('');
  const [materialsReadyAt, setMaterialsReadyAt] = useState('');
  const [important, setImportant] = useState(false);
  const matter = matters.find((m) => m.id === matterId);

  const save = useCommand(async (submit: boolean) => {
    const item = await call('items.create', {
      orgId: overview.org.id,
      title,
      summary,
      matterId: matterId === '' ? (undefined as never) : matterId,
      proposerId: proposerId === '' ? (undefined as never) : proposerId,
      leaderId: leaderId === '' ? undefined : leaderId,
      amount: amount.trim() === '' ? undefined : Number(amount),
      materialsReadyAt: materialsReadyAt || undefined,
      important,
    });
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
            <Field label="议题名称" required wide error={errorFor(save.error, 'title')} help="简明写出要决定的事，如：关于调整课后服务安排的议题">
              <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
            </Field>
            <Field label="议事清单事项" required error={errorFor(save.error, 'matterId')} help={matter ? matterFacts(matter, bodyName).join('；') : '决定由哪个会议议定（R1、R2）'}>
              <MatterSelect matters={matters} value={matterId} onChange={setMatterId} />
            </Field>
            <Field label="提出人" required error={errorFor(save.error, 'proposerId')} help="议题由班子成员提出（R3）">
              <select value={proposerId} onChange={(e) => setProposerId(e.target.value ? Number(e.target.value) : '')}>
                <option value="">请选择</option>
                {leaders.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}（{p.posts.join('、')}）</option>
                ))}
              </select>
            </Field>
            <Field label="分管领导" error={errorFor(save.error, 'leaderId')}>
              <select value={leaderId} onChange={(e) => setLeaderId(e.target.value ? Number(e.target.value) : '')}>
                <option value="">（不指定）</option>
                {leaders.map((p) => (
                  <option key={p.id} value={p.id}>{p.name}（{p.posts.join('、')}）</option>
                ))}
              </select>
            </Field>
            <Field label="金额（元）" error={errorFor(save.error, 'amount')} help="涉及资金时填写整数元；达到标准即为三重一大（R2）">
              <input type="number" min={0} step={1} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </Field>
            <Field label="材料送达日期" error={errorFor(save.error, 'materialsReadyAt')} help="会前至少 1 天送达参会成员（R3）">
              <input type="date" value={materialsReadyAt} onChange={(e) => setMaterialsReadyAt(e.target.value)} />
            </Field>
            <Field label="议题内容" wide error={errorFor(save.error, 'summary')}>
              <textarea rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} placeholder="背景、方案要点、需要会议决定的事项" />
            </Field>
            <div className="field wide">
              <label className="checks">
                <input type="checkbox" checked={important} onChange={(e) => setImportant(e.target.checked)} />
                重要事项（校长办公会议决定前须听取书记意见，R5）
              </label>
            </div>
          </div>
          <FormError error={save.error} fields={FIELDS} />
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
