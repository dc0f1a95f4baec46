// 设置: the school, its people and posts, the two bodies, the 议事清单 (read-only for now).
import { useEffect, useState } from 'react';
import { PARTY_GROUP_LABELS } from '../../../db/organization/catalogue';
import { PageHead } from '../../components/PageHead';
import { useOrg, useOverview } from '../../stores/org';
import { matterFacts } from '../items/MatterSelect';

export function SettingsScreen() {
  const overview = useOverview();
  const matters = useOrg((s) => s.matters);
  const [info, setInfo] = useState<{ version: string; dataFolder: string } | null>(null);
  useEffect(() => {
    void window.host.info().then(setInfo).catch(() => setInfo(null));
  }, []);
  return (
    <>
      <PageHead title="设置" crumbs={`${overview.org.name} · ${overview.org.partyKind}`} />
      <div className="content">
        <div className="grid-2">
          <section className="card">
            <h2>班子成员与职务</h2>
            <table className="list">
              <thead>
                <tr><th>姓名</th><th>部门</th><th>职务</th></tr>
              </thead>
              <tbody>
                {overview.persons.map((p) => (
                  <tr key={p.id}><td>{p.name}</td><td>{p.department ?? '—'}</td><td>{p.posts.join('、') || '—'}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
          <div>
            {overview.bodies.map((b) => (
              <section key={b.id} className="card">
                <h2>{b.name}（{b.members.length}人）</h2>
                <p>{b.members.map((m) => m.name).join('、')}</p>
              </section>
            ))}
            {info && (
              <section className="card">
                <h2>关于</h2>
                <dl className="facts">
                  <dt>版本</dt><dd>{info.version}</dd>
                  <dt>数据文件夹</dt><dd className="small">{info.dataFolder}</dd>
                </dl>
              </section>
            )}
          </div>
        </div>
        <section className="card">
          <h2>议事清单（{matters.length}项）</h2>
          <table className="list">
            <thead>
              <tr><th>编号</th><th>类别</th><th>事项</th><th>规则</th></tr>
            </thead>
            <tbody>
              {matters.map((m) => (
                <tr key={m.id}><td>{m.code}</td><td>{PARTY_GROUP_LABELS[m.group] ?? m.group}</td><td>{m.name}</td><td className="small muted">{matterFacts(m).join('；')}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
