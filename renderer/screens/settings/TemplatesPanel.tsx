// 模板与常用语 (db/templates): decision templates per 议事清单 matter, and the common phrases of
// statements and consultation notes, added, edited and deleted here; the forms offer them.
import { useState, type FormEvent } from 'react';
import { TEMPLATE_KIND_LABELS, TEMPLATE_KINDS, TEMPLATE_TITLE_MARK, type TemplateKind } from '../../../db/terms';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOrg, useOverview } from '../../stores/org';
import { useRead } from './useRead';

const WHERE: Record<TemplateKind, string> = {
  decision: '表决或校长决定时，点选模板即填入“决定内容”。',
  statement: '会上记录发言表态时，点选常用语即填入当前发言人的发言要点。',
  consultation: '记录会前沟通时，点选常用语即填入“沟通情况”。',
};

interface Draft {
  id?: number;
  text: string;
}

export function TemplatesPanel() {
  const { org } = useOverview();
  const matters = useOrg((s) => s.matters).filter((m) => m.active);
  const list = useRead('templates.list', { orgId: org.id });
  const [kind, setKind] = useState<TemplateKind>('decision');
  const [matterId, setMatterId] = useState<number | ''>(matters[0]?.id ?? '');
  const [draft, setDraft] = useState<Draft | null>(null);
  const rows = !list.value ? [] : kind === 'decision' ? list.value.decision.filter((d) => d.matterId === matterId) : list.value[kind];
  const remove = useCommand(async (templateId: number, text: string) => {
    await call('templates.remove', { templateId });
    notify('ok', `已删除「${text}」。`);
    if (draft?.id === templateId) setDraft(null);
    await list.reload();
  });
  const choose = (k: TemplateKind) => {
    setKind(k);
    setDraft(null);
  };
  return (
    <div className="grid-main-side">
      <section className="card" aria-label="模板与常用语">
        <div className="card-head">
          <h2>模板与常用语</h2>
          <div className="actions">
            <button className="btn small primary" onClick={() => setDraft({ text: '' })}>＋ 添加{TEMPLATE_KIND_LABELS[kind]}</button>
          </div>
        </div>
        <div className="row" role="radiogroup" aria-label="类别">
          {TEMPLATE_KINDS.map((k) => (
            <button key={k} type="button" role="radio" aria-checked={kind === k} aria-pressed={kind === k} className="btn small choice" onClick={() => choose(k)}>
              {TEMPLATE_KIND_LABELS[k]}
            </button>
          ))}
        </div>
        <p className="muted small">{WHERE[kind]}</p>
        {kind === 'decision' && (
          <div className="form">
            <Field label="议事清单事项" wide>
              <select value={matterId} onChange={(e) => { setMatterId(Number(e.target.value)); setDraft(null); }}>
                {matters.map((m) => (
                  <option key={m.id} value={m.id}>{m.code} {m.name}</option>
                ))}
              </select>
            </Field>
          </div>
        )}
        {list.error && <div className="notice error" role="alert">{list.error.message}</div>}
        <table className="list">
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-template={r.text}>
                <td>{r.text}</td>
                <td className="actions">
                  <button className="btn small" aria-label={`编辑「${r.text}」`} onClick={() => setDraft({ id: r.id, text: r.text })}>编辑</button>
                  <button className="btn small" aria-label={`删除「${r.text}」`} disabled={remove.busy} onClick={() => void remove.run(r.id, r.text)}>删除</button>
                </td>
              </tr>
            ))}
            {list.value && rows.length === 0 && (
              <tr><td className="muted">还没有{TEMPLATE_KIND_LABELS[kind]}。</td></tr>
            )}
          </tbody>
        </table>
        <FormError error={remove.error} />
      </section>
      {draft ? (
        <TemplateForm key={`${kind}-${matterId}-${draft.id ?? 'new'}`} kind={kind} matterId={kind === 'decision' && matterId !== '' ? matterId : undefined} draft={draft} onDone={async () => { setDraft(null); await list.reload(); }} />
      ) : (
        <section className="card muted">选择一条「编辑」，或「添加」。{kind === 'decision' && `模板中的“${TEMPLATE_TITLE_MARK}”会换成议题的名称。`}</section>
      )}
    </div>
  );
}

function TemplateForm({ kind, matterId, draft, onDone }: { kind: TemplateKind; matterId?: number; draft: Draft; onDone(): Promise<void> }) {
  const { org } = useOverview();
  const [text, setText] = useState(draft.text);
  const save = useCommand(async () => {
    await call('templates.save', { orgId: org.id, templateId: draft.id, kind, matterId, text });
    notify('ok', `${TEMPLATE_KIND_LABELS[kind]}已保存。`);
    await onDone();
  });
  return (
    <form className="card" aria-label={`编辑${TEMPLATE_KIND_LABELS[kind]}`} onSubmit={(e: FormEvent) => { e.preventDefault(); void save.run(); }} noValidate>
      <h2>{draft.id ? '编辑' : '添加'}{TEMPLATE_KIND_LABELS[kind]}</h2>
      <div className="form">
        <Field label="内容" required wide error={errorFor(save.error, 'text')} help={kind === 'decision' ? `“${TEMPLATE_TITLE_MARK}”会换成议题的名称；“……”处由秘书填写` : undefined}>
          <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        </Field>
      </div>
      <FormError error={save.error} fields={['text']} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.busy}>保存</button>
        <button type="button" className="btn" onClick={() => void onDone()}>取消</button>
      </div>
    </form>
  );
}
