// The fields of an 议题: one form body for 新建议题 and 修改议题, so both read and refuse alike.
// Routing (R1/R2) is computed by the core from the 事项 and the amount. `limited` (an item on an
// agenda, as the core says) leaves only the title, the 分管领导 and the materials date open.
import { RuleTag } from '../../components/RuleTag';
import { Field } from '../../forms/Field';
import { errorFor } from '../../forms/useCommand';
import type { LedgerErrorInfo } from '../../ledger-client';
import { useBodyName, type Matter, type Person } from '../../stores/org';
import { MatterSelect, matterFacts } from './MatterSelect';

export interface ItemDraft {
  title: string;
  summary: string;
  matterId: number | '';
  proposerId: number | '';
  leaderId: number | '';
  amount: string;
  materialsReadyAt: string;
  important: boolean;
}

export const ITEM_FIELDS = ['title', 'summary', 'matterId', 'proposerId', 'leaderId', 'amount', 'materialsReadyAt', 'important'];

export const blankItem: ItemDraft = { title: '', summary: '', matterId: '', proposerId: '', leaderId: '', amount: '', materialsReadyAt: '', important: false };

interface Props {
  draft: ItemDraft;
  onChange(next: ItemDraft): void;
  error: LedgerErrorInfo | null;
  matters: Matter[];
  /** 班子成员 (the core's leadership flag): who may propose and lead an item (R3). */
  leaders: Person[];
  limited?: boolean;
  autoFocus?: boolean;
}

export function ItemFields({ draft, onChange, error, matters, leaders, limited = false, autoFocus = false }: Props) {
  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => onChange({ ...draft, [key]: value });
  const matter = matters.find((m) => m.id === draft.matterId);
  const bodyName = useBodyName();
  const fixed = limited ? '已列入议程，如需修改请先从议程中移出' : undefined;
  return (
    <>
      <Field label="议题名称" required wide error={errorFor(error, 'title')} help="简明写出要决定的事，如：关于调整课后服务安排的议题">
        <input type="text" value={draft.title} onChange={(e) => set('title', e.target.value)} autoFocus={autoFocus} />
      </Field>
      <Field
        label="议事清单事项"
        required
        error={errorFor(error, 'matterId')}
        help={fixed ?? (matter ? matterFacts(matter, bodyName).join('；') : <>决定由哪个会议议定<RuleTag rule="R1" /><RuleTag rule="R2" /></>)}
      >
        {limited ? <input type="text" value={matter?.name ?? ''} disabled /> : <MatterSelect matters={matters} value={draft.matterId} onChange={(v) => set('matterId', v)} />}
      </Field>
      <Field label="提出人" required error={errorFor(error, 'proposerId')} help={fixed ?? <>议题由班子成员提出<RuleTag rule="R3" /></>}>
        <select value={draft.proposerId} disabled={limited} onChange={(e) => set('proposerId', e.target.value ? Number(e.target.value) : '')}>
          <option value="">请选择</option>
          {leaders.map((p) => (
            <option key={p.id} value={p.id}>{p.name}（{p.posts.join('、')}）</option>
          ))}
        </select>
      </Field>
      <Field label="分管领导" error={errorFor(error, 'leaderId')}>
        <select value={draft.leaderId} onChange={(e) => set('leaderId', e.target.value ? Number(e.target.value) : '')}>
          <option value="">（不指定）</option>
          {leaders.map((p) => (
            <option key={p.id} value={p.id}>{p.name}（{p.posts.join('、')}）</option>
          ))}
        </select>
      </Field>
      <Field label="金额（元）" error={errorFor(error, 'amount')} help={fixed ?? <>涉及资金时填写整数元；达到标准即为三重一大<RuleTag rule="R2" /></>}>
        <input type="number" min={0} step={1} inputMode="numeric" value={draft.amount} disabled={limited} onChange={(e) => set('amount', e.target.value)} />
      </Field>
      <Field label="材料送达日期" error={errorFor(error, 'materialsReadyAt')} help={<>会前至少 1 天送达参会成员<RuleTag rule="R3" /></>}>
        <input type="date" value={draft.materialsReadyAt} onChange={(e) => set('materialsReadyAt', e.target.value)} />
      </Field>
      <Field label="议题内容" wide error={errorFor(error, 'summary')} help={fixed}>
        <textarea rows={5} value={draft.summary} disabled={limited} onChange={(e) => set('summary', e.target.value)} placeholder="背景、方案要点、需要会议决定的事项" />
      </Field>
      <div className="field wide">
        <label className="checks">
          <input type="checkbox" checked={draft.important} disabled={limited} onChange={(e) => set('important', e.target.checked)} />
          重要事项（校长办公会议决定前须听取书记意见）
          <RuleTag rule="R5" />
        </label>
      </div>
    </>
  );
}

/** The draft as items.create / items.update take it: empty choices left for the core to name. */
export function itemInput(d: ItemDraft) {
  return {
    title: d.title,
    summary: d.summary,
    matterId: d.matterId === '' ? (undefined as never) : d.matterId,
    proposerId: d.proposerId === '' ? (undefined as never) : d.proposerId,
    amount: d.amount.trim() === '' ? undefined : Number(d.amount),
    important: d.important,
  };
}
