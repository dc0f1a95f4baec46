// First run: 设置学校. The school, its 党组织类型, and the people with their posts and the two
// bodies they sit on (党组织会议, 校长办公会议). org.setup seeds the 议事清单 and rule settings.
import { useState, type FormEvent } from 'react';
import { PARTY_KINDS } from '../../../db/terms';
import { todayInput } from '../../dates';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, problemsOf, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOrg } from '../../stores/org';
import { MemberRow, type MemberDraft } from './MemberRow';

let nextKey = 1;
const blank = (posts: string[] = [], party = true, office = true): MemberDraft => ({
  key: nextKey++,
  name: '',
  department: '',
  posts,
  partyCommittee: party,
  principalOffice: office,
});

export function SetupScreen() {
  const [name, setName] = useState('');
  const [partyKind, setPartyKind] = useState<string>('党委');
  const [startDate, setStartDate] = useState(todayInput());
  const [members, setMembers] = useState<MemberDraft[]>([blank(['书记']), blank(['校长', '副书记']), blank(['副校长', '委员'])]);
  const load = useOrg((s) => s.load);

  const save = useCommand(async () => {
    await call('org.setup', {
      name,
      partyKind: partyKind as (typeof PARTY_KINDS)[number],
      startDate,
      members: members.map((m) => ({
        name: m.name,
        department: m.department,
        posts: m.posts as never[],
        partyCommittee: m.partyCommittee,
        principalOffice: m.principalOffice,
      })),
    });
    notify('ok', '学校已设置，议事清单和默认规则已建立。');
    await load();
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  // Problems of the list as a whole (no 书记 yet …); each row's own show in the row.
  const membersErrors = problemsOf(save.error).filter((p) => p.field === 'members');

  return (
    <div className="setup-scroll"><div className="setup">
      <header>
        <h1>欢迎使用议事台账：先设置学校</h1>
        <p className="muted">只需一次。填写学校、党组织类型和班子成员，系统会建立党组织会议、校长办公会议和默认议事清单，之后都可在「设置」中修改。</p>
        <ol className="steps">
          <li>学校与党组织</li>
          <li>班子成员与职务</li>
          <li>两个会议的成员</li>
        </ol>
      </header>
      <form onSubmit={submit} noValidate>
        <section className="card">
          <h2>学校与党组织</h2>
          <div className="form">
            <Field label="学校名称" required error={errorFor(save.error, 'name')} help="如：青山县第一中学">
              <input type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            </Field>
            <Field label="党组织类型" required error={errorFor(save.error, 'partyKind')}>
              <select value={partyKind} onChange={(e) => setPartyKind(e.target.value)}>
                {PARTY_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </Field>
            <Field label="本届任期开始日期" required error={errorFor(save.error, 'startDate')} help="成员的职务和会议成员资格从这一天起算">
              <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
            </Field>
          </div>
        </section>

        <section className="card">
          <div className="card-head">
            <h2>班子成员</h2>
            <span className="muted small">书记、校长各至少一人；书记兼任校长（一肩挑）时在同一行勾选两项。</span>
          </div>
          {membersErrors.length > 0 && (
            <div className="notice error" role="alert">
              {membersErrors.map((p) => p.message).join('；')}
            </div>
          )}
          <table className="list members">
            <thead>
              <tr>
                <th>姓名</th>
                <th>部门</th>
                <th>职务</th>
                <th>党组织会议</th>
                <th>校长办公会议</th>
                <th><span className="sr-only">操作</span></th>
              </tr>
            </thead>
            <tbody>
              {members.map((m, i) => (
                <MemberRow
                  key={m.key}
                  index={i}
                  member={m}
                  error={save.error}
                  onChange={(next) => setMembers(members.map((x) => (x.key === m.key ? next : x)))}
                  onRemove={() => setMembers(members.filter((x) => x.key !== m.key))}
                />
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setMembers([...members, blank([], true, false)])}>
              ＋ 添加成员
            </button>
          </div>
        </section>

        <FormError error={save.error} fields={['name', 'partyKind', 'startDate', 'members']} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={save.busy}>
            {save.busy ? '正在保存…' : '完成设置，进入工作台'}
          </button>
          <span className="muted small">按 Enter 也可提交</span>
        </div>
      </form>
    </div></div>
  );
}
