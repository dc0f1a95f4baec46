// 议事清单: the catalogue that routes every item (R1, R2): which body decides, 前置研究,
// 三重一大 category, 2/3 quorum (R6), cadre (R4 酝酿), 教代会 (R19). Entries are edited or added
// (matters.save); codes are stable and never reused, so an entry is retired, not deleted.
import { useState, type FormEvent } from 'react';
import { MATTER_GROUP_LABELS } from '../../../db/terms';
import { MAJOR_CATEGORIES } from '../../../db/terms';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useBodyName, useOrg, useOverview, type Matter } from '../../stores/org';
import { matterFacts } from '../items/MatterSelect';
import { RuleTag } from '../../components/RuleTag';

type Draft = Omit<Matter, 'id' | 'orgId' | 'code'> & { id?: number; code?: string };

const EMPTY: Draft = { group: 'X', name: '', decidingBody: 'principal_office', preStudy: false, majorCategory: null, twoThirds: false, cadre: false, staffCongress: false, active: true };

export function MattersPanel() {
  const bodyName = useBodyName();
  const matters = useOrg((s) => s.matters);
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <div className="grid-main-side">
      <section className="card" style={{ padding: 0 }} aria-label="议事清单">
        <div className="card-head" style={{ padding: '12px 16px 0' }}>
          <h2>议事清单（{matters.length}项）</h2>
          <div className="actions">
            <button className="btn small primary" onClick={() => setDraft({ ...EMPTY })}>＋ 新增事项</button>
          </div>
        </div>
        <div className="scroll-box">
          <table className="list">
            <thead>
              <tr><th>编号</th><th>事项</th><th>规则</th><th><span className="sr-only">操作</span></th></tr>
            </thead>
            <tbody>
              {matters.map((m) => (
                <tr key={m.id} data-matter={m.code} className={m.active ? undefined : 'retired'}>
                  <td className="num">{m.code}</td>
                  <td>{m.name}{!m.active && <span className="badge" style={{ marginLeft: 6 }}>已停用</span>}</td>
                  <td className="small muted">{matterFacts(m, bodyName).join('；')}</td>
                  <td className="actions">
                    <button className="btn small" aria-label={`编辑${m.code} ${m.name}`} onClick={() => setDraft({ ...m })}>编辑</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {draft ? (
        <MatterForm key={draft.id ?? 'new'} draft={draft} onDone={() => setDraft(null)} />
      ) : (
        <section className="card muted">选择一项「编辑」，或「新增事项」。修改只影响之后新建或修改的议题，已决定的事项按当时的规则留存。</section>
      )}
    </div>
  );
}

function MatterForm({ draft, onDone }: { draft: Draft; onDone(): void }) {
  const bodyName = useBodyName();
  const { org } = useOverview();
  const reloadOrg = useOrg((s) => s.load);
  const [m, setM] = useState<Draft>(draft);
  const set = (patch: Partial<Draft>) => setM({ ...m, ...patch });
  const save = useCommand(async () => {
    const out = await call('matters.save', {
      orgId: org.id,
      matterId: m.id,
      group: m.group,
      name: m.name,
      decidingBody: m.decidingBody as 'party_committee' | 'principal_office',
      preStudy: m.preStudy,
      majorCategory: (m.majorCategory || null) as (typeof MAJOR_CATEGORIES)[number] | null,
      twoThirds: m.twoThirds,
      cadre: m.cadre,
      staffCongress: m.staffCongress,
      active: m.active,
    });
    await reloadOrg();
    notify('ok', `议事清单事项 ${out.code}「${out.name}」已保存。`);
    onDone();
  });
  const flag = (key: 'preStudy' | 'twoThirds' | 'cadre' | 'staffCongress' | 'active', label: string, rule?: string) => (
    <label className="checks">
      <input type="checkbox" checked={m[key]} onChange={(e) => set({ [key]: e.target.checked })} />
      {label}
      {rule && <RuleTag rule={rule} />}
    </label>
  );
  return (
    <form className="card" aria-label="编辑议事清单事项" onSubmit={(e: FormEvent) => { e.preventDefault(); void save.run(); }} noValidate>
      <h2>{m.id ? `编辑 ${m.code}` : '新增议事清单事项'}</h2>
      <div className="form">
        <Field label="事项名称" required wide error={errorFor(save.error, 'name')}>
          <input type="text" value={m.name} onChange={(e) => set({ name: e.target.value })} autoFocus />
        </Field>
        <Field label="分组" required error={errorFor(save.error, 'group')}>
          <select value={m.group} onChange={(e) => set({ group: e.target.value, decidingBody: e.target.value === 'X' ? 'principal_office' : 'party_committee' })} disabled={Boolean(m.id)}>
            {Object.entries(MATTER_GROUP_LABELS).map(([g, label]) => (
              <option key={g} value={g}>{g} {label}</option>
            ))}
          </select>
        </Field>
        <Field label="决策机构" required error={errorFor(save.error, 'decidingBody')}>
          <select value={m.decidingBody} onChange={(e) => set({ decidingBody: e.target.value })}>
            <option value="party_committee">{bodyName('party_committee')}</option>
            <option value="principal_office">{bodyName('principal_office')}</option>
          </select>
        </Field>
        <Field label="三重一大类别" wide error={errorFor(save.error, 'majorCategory')} help={<>属于三重一大的事项只能由党组织会议集体决定<RuleTag rule="R2" /></>}>
          <select value={m.majorCategory ?? ''} onChange={(e) => set({ majorCategory: e.target.value || null })}>
            <option value="">不属于三重一大</option>
            {MAJOR_CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <div className="field wide stack" role="group" aria-label="事项规则">
          {flag('preStudy', '须经校长办公会议前置研究', 'R1')}
          {flag('twoThirds', '须三分之二以上成员到会', 'R6')}
          {flag('cadre', '干部事项，须先酝酿', 'R4')}
          {flag('staffCongress', '需提交教代会审议', 'R19')}
          {flag('active', '在用（停用后不能再选，已有议题不受影响）')}
        </div>
      </div>
      <FormError error={save.error} fields={['name', 'group', 'decidingBody', 'majorCategory']} />
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.busy}>保存事项</button>
        <button type="button" className="btn" onClick={onDone}>取消</button>
      </div>
    </form>
  );
}
